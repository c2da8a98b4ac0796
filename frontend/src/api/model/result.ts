import type { JobId } from './job.ts'
import type { ModelId } from './model.ts'
import type { VideoId } from './video.ts'

export type ResultId = string

/** QUEUED, then FINE_TUNING (only when asked for) and SWAPPING while its SWAP job runs; READY or FAILED after. */
export type ResultStatus = 'QUEUED' | 'FINE_TUNING' | 'SWAPPING' | 'READY' | 'FAILED'

/** A_TO_B: the faces of person A in the video become B's; B_TO_A the other way round. */
export type SwapDirection = 'A_TO_B' | 'B_TO_A'

/**
 * `rct`: Reinhard colour transfer; `avg`: the mean colour only; `hist`: each channel's histogram; `mkl`: the
 * Monge–Kantorovich linear transfer (means and the full colour covariance); `none`.
 */
export type ColourTransfer = 'rct' | 'avg' | 'hist' | 'mkl' | 'none' | (string & {})

/** `alpha`: a soft-edged mask; `seamless`: Poisson (seamless) cloning. */
export type BlendMode = 'alpha' | 'seamless' | (string & {})

/** How a swap was (or is to be) made. */
export interface SwapOptions {
  colour: ColourTransfer
  blend: BlendMode
  /** How far the mask shrinks, in percent of the face width (0–20). */
  maskErode: number
  /** How soft the mask's edge is, in percent of the face width (0–30). */
  maskFeather: number
  /** A visible "AI-generated" label in the corner; the metadata tag is written either way. */
  label: boolean
  /** Training steps on the model before swapping (0–100,000); 0: a quick swap, no training. */
  fineTuneIterations: number
  /** Whose faces are replaced: the largest, every face, or those that match the source person's face set. */
  faces: FaceSelection
}

export type FaceSelection = 'largest' | 'all' | 'match'

/**
 * A video with faces swapped by a model, as returned by `GET /api/results`
 * and friends. The numbers describing the file may be null (or 0) until READY.
 */
export interface Result {
  id: ResultId
  name: string
  modelId: ModelId
  modelName: string
  videoId: VideoId
  videoName: string
  direction: SwapDirection
  status: ResultStatus
  /** A sentence for people, e.g. why it failed. */
  message: string | null
  /** Its SWAP job (whose `subjectId` is the result id). */
  jobId: JobId | null
  options: SwapOptions
  width: number | null
  height: number | null
  fps: number | null
  frameCount: number | null
  /** Frames in which a face was found and swapped. */
  framesWithFaces: number | null
  durationSeconds: number | null
  hasAudio: boolean | null
  sizeBytes: number | null
  /** ISO-8601 timestamps. */
  createdAt: string
  finishedAt: string | null
}

/** Body of `POST /api/swaps`; options left out keep the server's defaults. */
export interface CreateSwapRequest {
  model: ModelId
  video: VideoId
  direction: SwapDirection
  options?: Partial<SwapOptions>
}

/** `GET /api/results/{id}/report`: how good the swap is, measured. */
export interface QualityReport {
  identity: {
    /** The person the swapped faces should look like. */
    target: 'A' | 'B'
    /** Share (0–1) of swapped faces a classifier of the two people takes for the target. */
    swappedAsTarget: number | null
    swappedFaces: number
    /** The same classifier's share on real faces of the target held out of training: the most to hope for. */
    ceiling: number | null
    heldOutFaces: number
  }
  /** How closely each decoder redraws its own person's faces (structural similarity, −1 to 1). */
  reconstruction: {
    ssimA: number | null
    ssimB: number | null
    facesA: number
    facesB: number
  }
  /** Mean absolute difference (0–255) between consecutive face crops: lower is steadier. */
  flicker: {
    swapped: number | null
    source: number | null
  }
}

/** Still to finish: waiting for or on a worker. */
export function isInProgress(status: ResultStatus): boolean {
  return status === 'QUEUED' || status === 'FINE_TUNING' || status === 'SWAPPING'
}
