import { fetchFaceSet } from '../api/facesets.ts'
import type { Job } from '../api/model/job.ts'
import type { FaceSet, FaceSetId } from '../api/model/faceset.ts'
import { isJobFor, watchSubjectJob, type SubjectJobWatch } from '../jobs.ts'
import { formatCount } from '../ui/format.ts'

/** The job type that finds a face set's faces; its `subjectId` is the face set id. */
export const EXTRACT_JOB = 'EXTRACT'

/** The review page of a face set (route `/facesets/:id`). */
export function faceSetPagePath(id: FaceSetId): string {
  return `/facesets/${encodeURIComponent(String(id))}`
}

/** "1 face", "1,234 faces". */
export function faceCountText(count: number): string {
  return count === 1 ? '1 face' : `${formatCount(count)} faces`
}

/**
 * One line about a set for people: its message while that still matches the
 * face count (faces removed since make it stale), else a count of its own.
 */
export function faceSetSummary(faceSet: FaceSet): string {
  const message = faceSet.message?.trim() ?? ''
  if (faceSet.status !== 'READY') return message
  const leading = /^([\d.,\s]+)\s+faces?\b/.exec(message)
  if (message && (!leading || Number(leading[1]!.replace(/[^\d]/g, '')) === faceSet.faceCount)) return message
  if (faceSet.videoId === null) return `${faceCountText(faceSet.faceCount)}, merged from other face sets`
  return `${faceCountText(faceSet.faceCount)} · ${formatCount(faceSet.framesWithFaces)} of ${formatCount(faceSet.framesScanned)} scanned frames had faces`
}

/** A ready set whose checked faces are mostly not faces: it is flagged instead of shown as plain "Ready". */
export function needsReview(faceSet: FaceSet): boolean {
  return faceSet.status === 'READY' && faceSet.mostlyNotFaces
}

/** "31 of 42 may not be faces — review them". */
export function doubtfulText(faceSet: FaceSet): string {
  return `${formatCount(faceSet.facesDoubtful)} of ${formatCount(faceSet.facesChecked)} may not be faces — review them`
}

/** "83 of 90 look like faces", "… (5 not checked)", "Not checked", or "—" without faces. */
export function faceCheckText(faceSet: FaceSet): string {
  if (faceSet.faceCount === 0) return '—'
  if (faceSet.facesChecked === 0) return 'Not checked'
  const passed = `${formatCount(faceSet.facesChecked - faceSet.facesDoubtful)} of ${formatCount(faceSet.facesChecked)} look like faces`
  const unchecked = faceSet.faceCount - faceSet.facesChecked
  return unchecked > 0 ? `${passed} (${formatCount(unchecked)} not checked)` : passed
}

/** The status pill's words: "Needs review" for a flagged set, else its status. */
export function faceSetStateLabel(faceSet: FaceSet): string {
  return needsReview(faceSet) ? 'Needs review' : faceSetStatusLabel(faceSet.status)
}

const STATUS_LABELS: Record<string, string> = {
  EXTRACTING: 'Extracting',
  READY: 'Ready',
  FAILED: 'Failed',
}

export function faceSetStatusLabel(status: string): string {
  return STATUS_LABELS[status] ?? status.charAt(0) + status.slice(1).toLowerCase()
}

/** "Haar cascade", "LBP cascade", "YuNet"; unknown names as sent. */
export function maskLabel(mask: string): string {
  switch (mask) {
    case 'hull': return 'Landmark outline'
    case 'mesh': return 'Face Mesh oval (to the hairline)'
    default: return mask
  }
}

export function detectorLabel(detector: string): string {
  switch (detector) {
    case 'haar': return 'Haar cascade'
    case 'lbp': return 'LBP cascade'
    case 'yunet': return 'YuNet'
    default: return detector
  }
}

/** "Every frame", "Every 5th frame". */
export function everyNthText(n: number): string {
  if (n <= 1) return 'Every frame'
  const mod100 = n % 100
  const suffix = mod100 >= 11 && mod100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')
  return `Every ${formatCount(n)}${suffix} frame`
}

export function isJobOf(job: Job, faceSetId: FaceSetId): boolean {
  return isJobFor(job, EXTRACT_JOB, faceSetId)
}

/** `check()`: the set changed locally (e.g. "Extract again" was accepted): look at it afresh. */
export type ExtractionWatch = SubjectJobWatch

export interface ExtractionWatchOptions {
  /** The face set as currently shown. */
  faceSet: () => FaceSet
  /** The set's EXTRACT job moved (undefined while no active one is known). */
  onProgress: (job: Job | undefined) => void
  /** The set as fetched again after its job started or ended. */
  onFaceSet: (faceSet: FaceSet) => void
  /** A 404 while fetching it again: it was deleted meanwhile. */
  onGone?: () => void
  signal?: AbortSignal
  /** Stops watching once this element has been in the page and left it. */
  owner?: Element
}

/** How often an EXTRACTING set with no job in sight is fetched again. */
const FALLBACK_POLL_MS = 10_000

/**
 * Follows a face set through its EXTRACT job (see {@link watchSubjectJob}):
 * progress as it comes, and the set fetched again once the job has started or
 * finished (done, failed or cancelled).
 */
export function watchExtraction(options: ExtractionWatchOptions): ExtractionWatch {
  return watchSubjectJob({
    type: EXTRACT_JOB,
    subject: options.faceSet,
    subjectId: (faceSet) => faceSet.id,
    busy: (faceSet) => faceSet.status === 'EXTRACTING',
    fetch: (faceSet, signal) => fetchFaceSet(faceSet.id, signal),
    onJob: options.onProgress,
    onSubject: options.onFaceSet,
    onGone: options.onGone,
    signal: options.signal,
    owner: options.owner,
    pollMs: FALLBACK_POLL_MS,
  })
}
