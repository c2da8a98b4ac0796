import type { components } from '../schema.d.ts'

type Schemas = components['schemas']

/**
 * A video with faces swapped by a model, as returned by `GET /api/results` and friends. QUEUED, then
 * FINE_TUNING (only when asked for) and SWAPPING while its SWAP job runs; READY or FAILED after. The numbers
 * describing the file are 0 until READY.
 */
export type Result = Schemas['ResultView']

export type ResultId = Result['id']

export type ResultStatus = Result['status']

/** A_TO_B: the faces of person A in the video become B's; B_TO_A the other way round. */
export type SwapDirection = Result['direction']

/** Body of `POST /api/swaps`; options left out keep the server's defaults. */
export type CreateSwapRequest = Schemas['SwapRequest']

/** The options of a new swap: every field optional; names are checked by the server (400 naming the field). */
export type SwapOptionsRequest = Schemas['SwapOptionsRequest']

/** `GET /api/results/{id}/report`: how good the swap is, measured. */
export type QualityReport = Schemas['QualityReport']

/** Still to finish: waiting for or on a worker. */
export function isInProgress(status: ResultStatus): boolean {
  return status === 'QUEUED' || status === 'FINE_TUNING' || status === 'SWAPPING'
}
