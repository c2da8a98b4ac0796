import type { VideoId } from '../api/model/video.ts'

/** The player page of a video (route `/videos/:id`). */
export function videoPagePath(id: VideoId): string {
  return `/videos/${encodeURIComponent(String(id))}`
}

/** ISO-8601 duration for `<time datetime>`, e.g. `PT3.04S`. */
export function durationAttr(seconds: number): string {
  return `PT${Math.max(0, Math.round(seconds * 1000) / 1000)}S`
}
