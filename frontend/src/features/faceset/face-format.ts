import type { Face } from '../../api/model/faceset.ts'

/** The share of faces "Select blurriest" picks. */
export const BLURRY_SHARE = 0.1

/** Sharpness as the API gives it, one decimal, no grouping ("1234.5"). */
export function formatBlur(blur: number): string {
  return Number.isFinite(blur) ? blur.toFixed(1) : '—'
}

/** A face score as shown: two decimals ("0.12"). */
export function formatFaceScore(score: number | null): string {
  return score !== null && Number.isFinite(score) ? score.toFixed(2) : 'not checked'
}

/** "96 px". */
export function formatFaceSize(size: number): string {
  return Number.isFinite(size) ? `${Math.round(size)} px` : '—'
}

/** A face check that did not pass; `null` (not checked) is no doubt. */
export function isDoubtful(face: Face): boolean {
  return face.looksLikeFace === false
}

/** A tile's tooltip: everything known about the face in one line. */
export function faceTitle(face: Face): string {
  return (
    `Frame ${face.frameIndex} · sharpness ${formatBlur(face.blur)} · ${formatFaceSize(face.size)} wide · ` +
    `face score ${formatFaceScore(face.faceScore)}${isDoubtful(face) ? ', may not be a face' : ''}` +
    `${face.landmarks ? '' : ' · aligned on the eyes only'}`
  )
}
