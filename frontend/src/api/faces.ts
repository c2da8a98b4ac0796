import { request } from './http.ts'
import type { DeletedFaces, FaceCapabilities, FaceId } from './model/faceset.ts'

const BASE = '/api/faces'

function facePath(id: FaceId): string {
  return `${BASE}/${encodeURIComponent(String(id))}`
}

/** The aligned face: a square JPEG (see {@link FaceCapabilities.alignedSize}). */
export function faceImageUrl(id: FaceId): string {
  return `${facePath(id)}/image`
}

/** The face's mask: a PNG, white where the face is. */
export function faceMaskUrl(id: FaceId): string {
  return `${facePath(id)}/mask`
}

/** `GET /api/faces/capabilities`: landmarks (or why not), the detectors to choose from. */
export function fetchCapabilities(signal?: AbortSignal): Promise<FaceCapabilities> {
  return request<FaceCapabilities>(`${BASE}/capabilities`, { signal })
}

/** `POST /api/faces/delete` → how many were removed (all or none). */
export async function deleteFaces(ids: FaceId[]): Promise<number> {
  const answer = await request<DeletedFaces | undefined>(`${BASE}/delete`, { method: 'POST', json: { ids } })
  return typeof answer?.deleted === 'number' ? answer.deleted : ids.length
}

/** `DELETE /api/faces/{id}` → 204. */
export async function deleteFace(id: FaceId): Promise<void> {
  await request(facePath(id), { method: 'DELETE' })
}
