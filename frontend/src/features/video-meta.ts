import type { Video, VideoId } from '../api/model/video.ts'
import { el, fragment } from '../ui/dom.ts'
import { icons } from '../ui/icons.ts'

/** The player page of a video (route `/videos/:id`). */
export function videoPagePath(id: VideoId): string {
  return `/videos/${encodeURIComponent(String(id))}`
}

/** "Audio" / "No audio" with its icon, as used on cards and the player page. */
export function audioBadge(video: Video, className = 'video-audio'): HTMLElement {
  const badge = el('span', { class: `${className} ${video.hasAudio ? 'has-audio' : 'no-audio'}` })
  badge.append(fragment(video.hasAudio ? icons.audio : icons.noAudio), video.hasAudio ? 'Audio' : 'No audio')
  return badge
}

/** ISO-8601 duration for `<time datetime>`, e.g. `PT3.04S`. */
export function durationAttr(seconds: number): string {
  return `PT${Math.max(0, Math.round(seconds * 1000) / 1000)}S`
}
