import { request } from './http.ts'
import type { CreateSwapRequest, QualityReport, Result, ResultId } from './model/result.ts'

const BASE = '/api/results'

function resultPath(id: ResultId): string {
  return `${BASE}/${encodeURIComponent(String(id))}`
}

/**
 * `POST /api/swaps` → 201 with the result (QUEUED); its SWAP job starts at
 * once. 400 with violations on `model`, `video`, `direction` and
 * `options.…`; 404 for a model or video that is unknown or someone else's;
 * 409 e.g. when the model has no checkpoint yet.
 */
export function createSwap(body: CreateSwapRequest): Promise<Result> {
  return request<Result>('/api/swaps', { method: 'POST', json: body })
}

/** `GET /api/results`, newest first as sent by the server. */
export async function listResults(signal?: AbortSignal): Promise<Result[]> {
  const list = await request<Result[] | undefined>(BASE, { signal })
  return Array.isArray(list) ? list : []
}

/** `GET /api/results/{id}`; 404 for an unknown id or someone else's. */
export function fetchResult(id: ResultId, signal?: AbortSignal): Promise<Result> {
  return request<Result>(resultPath(id), { signal })
}

/** `DELETE /api/results/{id}` → 204; the video file goes with it. */
export async function deleteResult(id: ResultId): Promise<void> {
  await request(resultPath(id), { method: 'DELETE' })
}

/**
 * The swapped video (MP4); supports HTTP Range, so it can be a `<video src>`
 * directly. `download` asks for it as an attachment.
 */
export function resultContentUrl(id: ResultId, download = false): string {
  const url = `${resultPath(id)}/content`
  return download ? `${url}?download=true` : url
}

/** A JPEG still of the swapped video; 404 until READY. `version` busts any cached answer. */
export function resultThumbnailUrl(id: ResultId, version?: string): string {
  const url = `${resultPath(id)}/thumbnail`
  return version === undefined ? url : `${url}?v=${encodeURIComponent(version)}`
}

/** `GET /api/results/{id}/report`; 409 while the result is not READY. */
export function fetchReport(id: ResultId, signal?: AbortSignal): Promise<QualityReport> {
  return request<QualityReport>(`${resultPath(id)}/report`, { signal })
}
