import { request } from './http.ts'
import { uploadResumable } from './resumable-upload.ts'
import type { RenameVideoRequest, Video, VideoId } from './model/video.ts'

const BASE = '/api/videos'

function videoPath(id: VideoId): string {
  return `${BASE}/${encodeURIComponent(String(id))}`
}

/** The original file; supports HTTP Range, so it can be a `<video src>` directly. */
export function videoContentUrl(id: VideoId): string {
  return `${videoPath(id)}/content`
}

/**
 * A JPEG still of the video; 404 until the video's `thumbnailReady`.
 * `version` (e.g. the id of the job that made it) busts any cached answer.
 */
export function videoThumbnailUrl(id: VideoId, version?: string): string {
  const url = `${videoPath(id)}/thumbnail`
  return version === undefined ? url : `${url}?v=${encodeURIComponent(version)}`
}

/** `GET /api/videos`, newest first as sent by the server. */
export async function listVideos(signal?: AbortSignal): Promise<Video[]> {
  const list = await request<Video[] | undefined>(BASE, { signal })
  return Array.isArray(list) ? list : []
}

/** `GET /api/videos/{id}`; 404 for an unknown id or someone else's. */
export function fetchVideo(id: VideoId, signal?: AbortSignal): Promise<Video> {
  return request<Video>(videoPath(id), { signal })
}

/** `PATCH /api/videos/{id}` → the updated video; 400 with a violation on `name`. */
export function renameVideo(id: VideoId, body: RenameVideoRequest): Promise<Video> {
  return request<Video>(videoPath(id), { method: 'PATCH', json: body })
}

/** `DELETE /api/videos/{id}` → 204; the file goes with it. */
export async function deleteVideo(id: VideoId): Promise<void> {
  await request(videoPath(id), { method: 'DELETE' })
}

/**
 * A resumable upload (tus, `/api/uploads`) with consent, then the new video. Refusals come as for
 * `POST /api/videos`: 400 (no consent), 413 (too large / over quota, before any byte is sent), 422 (not a usable
 * video, once the last byte arrived), 429 (too many uploads or jobs). A dropped connection resumes by itself.
 */
export async function uploadVideo(
  file: File,
  options: { onProgress?: (loaded: number, total: number) => void; signal?: AbortSignal } = {},
): Promise<Video> {
  const location = await uploadResumable(file, { ...options, metadata: { consent: 'true' } })
  return request<Video>(location, { signal: options.signal })
}
