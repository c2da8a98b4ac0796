import type { FaceSet } from '../../api/model/faceset.ts'
import type { Video } from '../../api/model/video.ts'
import { formatDateTime, formatDuration, formatResolution } from '../../ui/format.ts'
import { icons } from '../../ui/icons.ts'
import type { NotFoundCard } from '../not-found-card.ts'

export const VIDEO_MISSING = 'This video does not exist or is not yours'

export const VIDEO_NOT_FOUND: NotFoundCard = { id: 'video', icon: icons.video, title: 'Video not found', heading: VIDEO_MISSING }

/** "0:03 · 360×288 · uploaded 2 Dec 2026, 09:00". */
export function videoSubtitle(video: Video): string {
  return `${formatDuration(video.durationSeconds)} · ${formatResolution(video.width, video.height)} · uploaded ${formatDateTime(video.createdAt)}`
}

/** Average over the whole file, e.g. "529 kb/s", "4.2 Mb/s". */
export function formatBitRate(bytes: number, seconds: number): string {
  if (!(seconds > 0) || !(bytes > 0)) return '—'
  const kbps = (bytes * 8) / seconds / 1000
  if (kbps < 1000) return `${Math.round(kbps)} kb/s`
  return `${new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(kbps / 1000)} Mb/s`
}

/** FFmpeg names some formats by family ("mov,mp4,m4a,…"): spaced out, so that it can wrap. */
export function containerText(container: string | null | undefined): string {
  return container ? container.split(',').join(', ') : '—'
}

/** The face set made from this video (the newest, should there be several). */
export function faceSetOf(video: Video, faceSets: FaceSet[]): FaceSet | undefined {
  return faceSets.find((faceSet) => faceSet.videoId !== null && String(faceSet.videoId) === String(video.id))
}
