import type { FaceSetId } from './faceset.ts'
import type { JobId } from './job.ts'

export type ModelId = string

/** QUEUED then TRAINING while its TRAIN job runs; STOPPED (resumable), COMPLETED (a limit was reached) or FAILED after. */
export type ModelStatus = 'QUEUED' | 'TRAINING' | 'STOPPED' | 'COMPLETED' | 'FAILED'

/** Known presets; the server lists what it has (`GET /api/models/presets`). */
export type PresetName = 'tiny' | 'lite' | 'original' | 'hq' | (string & {})

/**
 * A face-swap model trained on face set A and face set B, as returned by
 * `GET /api/models` and friends. One shared encoder, one decoder per person.
 */
export interface FaceModel {
  id: ModelId
  name: string
  preset: PresetName
  faceSetA: FaceSetId
  faceSetB: FaceSetId
  status: ModelStatus
  /**
   * A sentence for people, e.g. "Training on cpu", "Stopped at iteration 340;
   * resume to continue", "Reached the target loss 0.0300".
   */
  message: string | null
  /** Where it trains: `cpu`, `gpu 0`; null before it has started. */
  device: string | null
  iterations: number
  /** The latest loss of each decoder (mean absolute error inside the face mask for the MAE presets). */
  lossA: number | null
  lossB: number | null
  /** The mean of A and B, smoothed over recent iterations, as training last reported it. */
  smoothedLoss: number | null
  /** The lowest {@link smoothedLoss} so far (never above it: both are smoothed the same way). */
  bestLoss: number | null
  trainingSeconds: number
  /** The iteration the last checkpoint was saved at (where a resume starts). */
  checkpointIteration: number | null
  /** The iteration of the latest preview grid; null until the first one. */
  previewIteration: number | null
  /** Limits: training stops at whichever comes first. Null: none. */
  targetLoss: number | null
  maxIterations: number | null
  maxMinutes: number | null
  /** Stops when the loss improved less than `plateauPercent` % over this many iterations. */
  plateauIterations: number
  plateauPercent: number
  /** Its latest TRAIN job (whose `subjectId` is the model id). */
  jobId: JobId | null
  /** ISO-8601 timestamp. */
  createdAt: string
}

/** A network size and training recipe (`GET /api/models/presets`). */
export interface Preset {
  name: PresetName
  description: string
  /** Side of the square faces it trains on, pixels. */
  inputSize: number
  encoderFilters: number[]
  denseSize: number
  batchSize: number
  learningRate: number
  /** `mae` (mean absolute error) or `dssim+mse`. */
  loss: 'mae' | 'dssim+mse' | (string & {})
}

/** One point of the loss history (`GET /api/models/{id}/loss`, a point every 10 iterations). */
export interface LossPoint {
  iteration: number
  lossA: number
  lossB: number
}

/** Training limits; what is left out keeps the server's default (no target, no limit, a plateau of 1 % over 5,000 iterations). */
export interface TrainingLimits {
  /** Above 0, below 1. */
  targetLoss?: number
  /** At least 1. */
  maxIterations?: number
  /** At least 1. */
  maxMinutes?: number
  plateauIterations?: number
  plateauPercent?: number
}

/** Body of `POST /api/models`. */
export interface CreateModelRequest extends TrainingLimits {
  name?: string
  faceSetA: FaceSetId
  faceSetB: FaceSetId
  preset: PresetName
}

/** Data of a `loss` event on `/api/events`. */
export interface LossEventData extends LossPoint {
  modelId: ModelId
  /** The smoothed mean of A and B when the point was recorded (absent at the very start). */
  smoothed?: number
}

/** Data of a `preview` event on `/api/events`: a new preview grid exists. */
export interface PreviewEventData {
  modelId: ModelId
  iteration: number
}

/** Still to finish: waiting for or on a worker. */
export function isTraining(status: ModelStatus): boolean {
  return status === 'QUEUED' || status === 'TRAINING'
}
