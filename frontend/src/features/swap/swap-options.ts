/** What the "Swap a video" form offers and checks, worked out without a page (see SwapForm.svelte). */
import type { FaceSet } from '../../api/model/faceset.ts'
import type { Video } from '../../api/model/video.ts'
import { formatCount, formatDuration, formatResolution } from '../../ui/format.ts'

/** The options' limits and defaults, as the server has them. */
export const SWAP_LIMITS = {
  maskErode: { min: 0, max: 20, default: 3 },
  maskFeather: { min: 0, max: 30, default: 8 },
  fineTuneIterations: { min: 0, max: 100_000, default: 0 },
} as const

/** The URL fragment that brings the form into view (`/models/:id#swap`). */
export const SWAP_HASH = '#swap'

export type NumberOption = keyof typeof SWAP_LIMITS

/** The model's two face sets, as far as they are known (undefined: not loaded, or not loadable). */
export interface FaceSetPair {
  a: FaceSet | undefined
  b: FaceSet | undefined
}

/** Whether `videoId` is the video the face set was made from. */
export function isSourceOf(faceSet: FaceSet | undefined, videoId: string): boolean {
  return faceSet?.videoId !== null && faceSet?.videoId !== undefined && String(faceSet.videoId) === videoId
}

/** "Interview (face set A’s video)": the videos the model learnt from are marked. */
export function videoOptionText(video: Video, faceSets: FaceSetPair): string {
  const id = String(video.id)
  const source = isSourceOf(faceSets.a, id) ? ' (face set A’s video)' : isSourceOf(faceSets.b, id) ? ' (face set B’s video)' : ''
  return `${video.name}${source}`
}

/**
 * The video to show chosen: `keep` while the list still has it, else the newest one the model did not learn
 * from (it shows the swap best), else the newest; '' for no videos.
 */
export function chooseVideo(videos: Video[], faceSets: FaceSetPair, keep: string): string {
  if (keep && videos.some((video) => String(video.id) === keep)) return keep
  // Newest first from the server.
  const fresh = videos.find((video) => !isSourceOf(faceSets.a, String(video.id)) && !isSourceOf(faceSets.b, String(video.id)))
  return String((fresh ?? videos[0])?.id ?? '')
}

/** The video shows person B: B's face is the one to replace. */
export function defaultDirection(videoId: string, faceSets: FaceSetPair): 'A_TO_B' | 'B_TO_A' {
  return isSourceOf(faceSets.b, videoId) ? 'B_TO_A' : 'A_TO_B'
}

/** "0:12 · 1280×720 · with audio". */
export function videoHint(video: Video | undefined): string {
  if (!video) return ''
  return `${formatDuration(video.durationSeconds)} · ${formatResolution(video.width, video.height)}${video.hasAudio ? ' · with audio' : ''}`
}

/** Who is swapped for whom, by name where the face sets are known. */
export function directionPeople(direction: string, faceSets: FaceSetPair): { from: string; to: string } {
  const a = faceSets.a?.name ?? 'A'
  const b = faceSets.b?.name ?? 'B'
  return direction === 'B_TO_A' ? { from: b, to: a } : { from: a, to: b }
}

/** Faces are found as the source person's face set found them: smaller ones stay as they are. */
export function facesHint(direction: string, faceSets: FaceSetPair): string {
  const source = direction === 'B_TO_A' ? faceSets.b : faceSets.a
  const base = 'With several people in the video, choose whose faces change.'
  if (!source) return base
  return `${base} Faces under ${source.minFaceSize} px (the minimum of ${directionPeople(direction, faceSets).from}’s face set) stay as they are.`
}

/** A number option as typed: its value (the default when empty), or why it is not one. */
export function readNumber(name: NumberOption, text: string, badInput: boolean): { value: number } | { error: string } {
  const { min, max, default: fallback } = SWAP_LIMITS[name]
  const trimmed = text.trim()
  if (trimmed === '' && !badInput) return { value: fallback }
  const value = Number(trimmed)
  if (badInput || !Number.isInteger(value) || value < min || value > max) {
    return { error: `Enter a whole number from ${formatCount(min)} to ${formatCount(max)}.` }
  }
  return { value }
}
