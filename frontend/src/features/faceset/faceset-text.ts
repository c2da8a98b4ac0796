/** The face set page's words, decided from the set (and its job) so they can be tested without a page. */
import type { FaceSet, FaceSort } from '../../api/model/faceset.ts'
import type { Job } from '../../api/model/job.ts'
import { formatCount } from '../../ui/format.ts'
import { icons } from '../../ui/icons.ts'
import type { NotFoundCard } from '../not-found-card.ts'
import { detectorLabel, doubtfulText, everyNthText, faceCheckText, faceCountText, faceSetSummary, maskLabel, needsReview } from '../faceset-meta.ts'

export const FACESET_MISSING = 'This face set does not exist or is not yours'

export const FACESET_NOT_FOUND: NotFoundCard = { id: 'faceset', icon: icons.faces, title: 'Face set not found', heading: FACESET_MISSING }

/** The notice shown when faces can only be aligned on the eyes. */
export function landmarksNotice(problem: string | null): string {
  const why = (problem ?? '').trim().replace(/[.\s]+$/, '') || 'the landmark model could not be loaded'
  return `Landmarks are unavailable: ${why}. Faces are aligned on the eyes only, which trains a blurrier model.`
}

export const SORT_LABELS: Record<FaceSort, string> = {
  frame: 'Frame',
  blur: 'Sharpest first',
  size: 'Largest first',
  score: 'Least face-like first',
}

/** The line under the set's name. */
export function subtitleText(faceSet: FaceSet): string {
  const count = faceCountText(faceSet.faceCount)
  if (faceSet.status === 'EXTRACTING') return faceSet.faceCount > 0 ? `${count} · extracting again` : 'Finding faces…'
  if (faceSet.status === 'FAILED') return `${count} · extraction failed`
  if (needsReview(faceSet)) return `${count} · ${doubtfulText(faceSet)}`
  return faceSetSummary(faceSet) || count
}

/** What the extraction card says; `undefined` while there is nothing to say (the set is ready). */
export interface ExtractionView {
  title: string
  /** 0–100, or `undefined` while unknown (the bar is then indeterminate). */
  percent: number | undefined
  message: string
  /** Whether to add that the faces shown are replaced when it finishes. */
  note: boolean
}

export function extractionView(faceSet: FaceSet, job: Job | undefined): ExtractionView | undefined {
  if (faceSet.status === 'EXTRACTING') {
    return {
      title: faceSet.faceCount > 0 ? 'Extracting again…' : 'Finding faces…',
      percent: job ? Math.round(job.progress * 100) : undefined,
      message: job?.message?.trim() || (job?.status === 'QUEUED' ? 'Waiting for a worker…' : 'Starting…'),
      note: faceSet.faceCount > 0,
    }
  }
  if (faceSet.status === 'FAILED') {
    return {
      title: 'Extraction failed',
      percent: undefined,
      message: faceSet.message?.trim() || 'No faces could be extracted. Try again with other settings.',
      note: false,
    }
  }
  return undefined
}

/** The faces card's line while it has no faces to show. */
export function noFacesText(faceSet: FaceSet): string {
  if (faceSet.status === 'EXTRACTING') return 'Faces appear here when extraction finishes.'
  if (faceSet.status === 'FAILED') return 'No faces. Try extracting again with other settings.'
  return 'No faces in this set.'
}

/** The summary's plain rows (alignment and date have markup of their own). */
export function summaryRows(faceSet: FaceSet): { key: string; label: string; value: string }[] {
  return [
    { key: 'faces', label: 'Faces', value: formatCount(faceSet.faceCount) },
    { key: 'frames', label: 'Frames scanned', value: formatCount(faceSet.framesScanned) },
    { key: 'frames-with-faces', label: 'Frames with faces', value: formatCount(faceSet.framesWithFaces) },
    { key: 'face-check', label: 'Face check', value: faceCheckText(faceSet) },
    { key: 'detector', label: 'Detector', value: detectorLabel(faceSet.detector) },
    { key: 'mask', label: 'Mask', value: maskLabel(faceSet.mask ?? 'hull') },
    { key: 'every-nth', label: 'Frames', value: everyNthText(faceSet.everyNthFrame) },
    { key: 'min-size', label: 'Min. face size', value: `${formatCount(faceSet.minFaceSize)} px` },
    { key: 'max-faces', label: 'Faces per frame', value: `at most ${formatCount(faceSet.maxFacesPerFrame)}` },
  ]
}

export function selectedCountText(count: number, total: number): string {
  return `${formatCount(count)} of ${faceCountText(total)} selected`
}

export function removeLabel(count: number): string {
  return count > 0 ? `Remove ${faceCountText(count)}` : 'Remove selected'
}

/** The question before removing `count` faces from the set named `name`. */
export function removeQuestion(count: number, name: string): { title: string; message: string; confirmLabel: string } {
  const one = count === 1
  return {
    title: one ? 'Remove this face?' : `Remove these ${formatCount(count)} faces?`,
    message: `${one ? 'It leaves' : 'They leave'} “${name}” for good. This cannot be undone.`,
    confirmLabel: one ? 'Remove face' : `Remove ${formatCount(count)} faces`,
  }
}

export function removedText(deleted: number): string {
  return deleted === 1 ? 'Removed 1 face.' : `Removed ${formatCount(deleted)} faces.`
}

/** The question before deleting the whole set. */
export function deleteQuestion(faceSet: FaceSet): { title: string; message: string; confirmLabel: string } {
  const count = faceSet.faceCount
  const faces = count === 0 ? '' : count === 1 ? 'Its one face goes with it. ' : `Its ${faceCountText(count)} go with it. `
  return { title: `Delete “${faceSet.name}”?`, message: `${faces}This cannot be undone.`, confirmLabel: 'Delete face set' }
}

export function blurrySelectedText(count: number): string {
  return `Selected the ${count === 1 ? 'blurriest face' : `${formatCount(count)} blurriest faces`}.`
}

export function doubtfulSelectedText(count: number): string {
  return `Selected ${count === 1 ? 'the face that may not be a face' : `the ${formatCount(count)} faces that may not be faces`}.`
}

/** Read out when an extraction this page watched has ended. */
export function extractionEndedText(faceSet: FaceSet): string {
  if (faceSet.status === 'READY') {
    return `Extraction finished: ${faceCountText(faceSet.faceCount)}.${needsReview(faceSet) ? ` ${doubtfulText(faceSet)}.` : ''}`
  }
  return `Extraction failed. ${faceSet.message ?? ''}`
}
