import type { components } from '../schema.d.ts'

type Schemas = components['schemas']

/**
 * A face-swap model trained on face set A and face set B, as returned by `GET /api/models` and friends. QUEUED
 * then TRAINING while its TRAIN job runs; STOPPED (resumable), COMPLETED (a limit was reached) or FAILED after.
 */
export type FaceModel = Schemas['ModelView']

export type ModelId = FaceModel['id']

export type ModelStatus = FaceModel['status']

/** A network size and training recipe (`GET /api/models/presets`). */
export type Preset = Schemas['Preset']

/** One point of the loss history (`GET /api/models/{id}/loss`, a point every 10 iterations). */
export type LossPoint = Schemas['LossView']

/** Body of `POST /api/models`. */
export type CreateModelRequest = Schemas['CreateModelRequest']

/** Training limits (also the body of a resume); what is left out keeps the server's default. */
export type TrainingLimits = Pick<CreateModelRequest,
  'targetLoss' | 'maxIterations' | 'maxMinutes' | 'plateauIterations' | 'plateauPercent'>

// The event stream's data is not part of the OpenAPI document (it describes HTTP bodies, not the events of a
// text/event-stream), so these two stay written by hand, from the server's ModelRecorder.

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
