import { fetchFaceSet } from '../api/facesets.ts'
import { ApiError } from '../api/http.ts'
import { isActive, isFinished, type Job } from '../api/model/job.ts'
import type { FaceSet, FaceSetId } from '../api/model/faceset.ts'
import { jobsLoaded, latestJobFor, subscribeJobs } from '../jobs.ts'
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

const STATUS_LABELS: Record<string, string> = {
  EXTRACTING: 'Extracting',
  READY: 'Ready',
  FAILED: 'Failed',
}

export function faceSetStatusLabel(status: string): string {
  return STATUS_LABELS[status] ?? status.charAt(0) + status.slice(1).toLowerCase()
}

/** "Haar cascade", "LBP cascade", "YuNet"; unknown names as sent. */
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
  return job.type === EXTRACT_JOB && job.subjectId !== null && String(job.subjectId) === String(faceSetId)
}

export interface ExtractionWatch {
  /** The set changed locally (e.g. "Extract again" was accepted): look at it afresh. */
  check(): void
  stop(): void
}

export interface ExtractionWatchOptions {
  /** The face set as currently shown. */
  faceSet: () => FaceSet
  /** The set's EXTRACT job moved (or none is known yet: `undefined`); called while it is EXTRACTING. */
  onProgress: (job: Job | undefined) => void
  /** The set as fetched again after its job ended (or turned out to have ended). */
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
 * Follows an EXTRACTING face set through its EXTRACT job (from the jobs store):
 * progress as it comes, and once the job has finished (done, failed or
 * cancelled) the set is fetched again. A set whose job the store does not know
 * (e.g. beyond the last 100 jobs) is fetched again now and then instead.
 */
export function watchExtraction(options: ExtractionWatchOptions): ExtractionWatch {
  const { signal, owner } = options
  /** Finished jobs whose end has been dealt with (or predates what is shown). */
  const settled = new Set<string>()
  let fetching = false
  let stopped = false
  let seenInPage = false
  let pollTimer: number | undefined

  const settleFinished = (): void => {
    const job = latestJobFor(EXTRACT_JOB, options.faceSet().id)
    if (job && isFinished(job.status)) settled.add(job.id)
  }

  const refetch = async (): Promise<void> => {
    if (fetching || stopped) return
    fetching = true
    window.clearTimeout(pollTimer)
    try {
      const fresh = await fetchFaceSet(options.faceSet().id, signal)
      if (stopped) return
      options.onFaceSet(fresh)
    } catch (error) {
      if (stopped || signal?.aborted) return
      if (error instanceof ApiError && error.status === 404) {
        options.onGone?.()
        return
      }
    } finally {
      fetching = false
    }
    if (!stopped) check()
  }

  const check = (): void => {
    if (stopped) return
    window.clearTimeout(pollTimer)
    const faceSet = options.faceSet()
    if (faceSet.status !== 'EXTRACTING') {
      // Whatever ended before now is already reflected in what is shown.
      settleFinished()
      return
    }
    const job = latestJobFor(EXTRACT_JOB, faceSet.id)
    if (job && isFinished(job.status) && !settled.has(job.id)) {
      settled.add(job.id)
      options.onProgress(job)
      void refetch()
      return
    }
    options.onProgress(job && isActive(job.status) ? job : undefined)
    if ((!job || !isActive(job.status)) && jobsLoaded()) {
      pollTimer = window.setTimeout(() => void refetch(), FALLBACK_POLL_MS)
    }
  }

  const unsubscribe = subscribeJobs((event) => {
    if (owner) {
      if (owner.isConnected) seenInPage = true
      else if (seenInPage) {
        stop()
        return
      }
    }
    if (event.kind === 'synced' || (event.kind === 'changed' && isJobOf(event.job, options.faceSet().id))) check()
  })

  const stop = (): void => {
    if (stopped) return
    stopped = true
    unsubscribe()
    window.clearTimeout(pollTimer)
    signal?.removeEventListener('abort', stop)
  }
  signal?.addEventListener('abort', stop, { once: true })
  if (signal?.aborted) stop()
  check()
  return { check, stop }
}
