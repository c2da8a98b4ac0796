import { request, upload } from './http.ts'
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
 * `POST /api/videos` (multipart: `consent=true`, `file`) → 201 with the new video.
 * 400 (missing consent or file), 413 (too large / over quota), 422 (not a usable video).
 */
export function uploadVideo(
  file: File,
  options: { onProgress?: (loaded: number, total: number) => void; signal?: AbortSignal } = {},
): Promise<Video> {
  const body = new FormData()
  // Consent first, so the server can refuse before reading the file.
  body.append('consent', 'true')
  body.append('file', file, file.name)
  return upload<Video>(BASE, body, options)
}
