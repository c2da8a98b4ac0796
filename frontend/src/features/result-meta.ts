import { isActive, type Job } from '../api/model/job.ts'
import { isInProgress, type Result, type ResultId, type SwapDirection } from '../api/model/result.ts'
import { fetchResult } from '../api/results.ts'
import { watchSubjectJob, type SubjectJobWatch } from '../jobs.ts'
import { throttle } from './model-meta.ts'

/** The job type that makes a result; its `subjectId` is the result id. */
export const SWAP_JOB = 'SWAP'

/** The page of a result (route `/results/:id`). */
export function resultPagePath(id: ResultId): string {
  return `/results/${encodeURIComponent(String(id))}`
}

/** Where a model's "Swap a video" form is (`/models/:id#swap`). */
export function swapFormPath(modelId: string | number): string {
  return `/models/${encodeURIComponent(String(modelId))}#swap`
}

const STATUS_LABELS: Record<string, string> = {
  QUEUED: 'Queued',
  FINE_TUNING: 'Fine-tuning',
  SWAPPING: 'Swapping',
  READY: 'Ready',
  FAILED: 'Failed',
}

export function resultStatusLabel(status: string): string {
  return STATUS_LABELS[status] ?? status.charAt(0) + status.toLowerCase().replace(/_/g, ' ').slice(1)
}

/** The job's progress in whole percent while it runs, else undefined. */
export function jobPercent(job: Job | undefined): number | undefined {
  return job && job.status === 'RUNNING' && job.progress > 0 ? Math.round(job.progress * 100) : undefined
}

/** "Queued", "Fine-tuning — 12 %", "Swapping — 40 %", "Ready", "Failed: why". */
export function resultStatusText(result: Result, job: Job | undefined): string {
  const label = resultStatusLabel(result.status)
  if (result.status === 'FAILED') return `${label}: ${result.message?.trim() || job?.error || 'something went wrong.'}`
  const percent = isInProgress(result.status) && result.status !== 'QUEUED' ? jobPercent(job) : undefined
  return percent === undefined ? label : `${label} — ${percent} %`
}

/** "Face of A → B" with the people's names, or their letters while the names are unknown. */
export function directionText(direction: SwapDirection | string, names: { a?: string; b?: string } = {}): string {
  const a = names.a ?? 'A'
  const b = names.b ?? 'B'
  return direction === 'B_TO_A' ? `Face of ${b} → ${a}` : `Face of ${a} → ${b}`
}

/** Whose faces a swap replaces, as the form and the result page word it ({from}: the source person). */
export function facesLabel(faces: string, from = 'the source person'): string {
  switch (faces) {
    case 'all':
      return 'Every face in the video'
    case 'match':
      return `Only faces that look like ${from}`
    default:
      return 'The largest face (one person)'
  }
}

export const FACES_CHOICES = ['largest', 'match', 'all']

const COLOUR_LABELS: Record<string, string> = {
  rct: 'Match colours (Reinhard, recommended)',
  avg: 'Match the average colour',
  hist: 'Match each colour\'s histogram',
  mkl: 'Match colours and their mix (MKL)',
  none: 'No colour matching',
}

const BLEND_LABELS: Record<string, string> = {
  alpha: 'Soft edge',
  seamless: 'Seamless clone',
}

export function colourLabel(colour: string): string {
  return COLOUR_LABELS[colour] ?? colour
}

export function blendLabel(blend: string): string {
  return BLEND_LABELS[blend] ?? blend
}

export const COLOUR_CHOICES = Object.keys(COLOUR_LABELS)
export const BLEND_CHOICES = Object.keys(BLEND_LABELS)

export interface ResultWatchOptions {
  result: () => Result
  /** Its SWAP job moved (undefined while no active one is known). */
  onJob: (job: Job | undefined) => void
  /** The result as fetched again (its job started or ended, or it moved on from fine-tuning). */
  onResult: (result: Result) => void
  onGone?: () => void
  signal?: AbortSignal
  owner?: Element
}

/** How often a result in progress with no job in sight is fetched again. */
const FALLBACK_POLL_MS = 10_000
/** While it may still move from one phase to the next, the job's progress fetches it again at most this often. */
const PHASE_REFRESH_MS = 5_000

const PHASES = ['QUEUED', 'FINE_TUNING', 'SWAPPING']

/** QUEUED 0, FINE_TUNING 1, SWAPPING 2; READY and FAILED (and anything new) come after. */
function phaseRank(status: string): number {
  const index = PHASES.indexOf(status)
  return index === -1 ? PHASES.length : index
}

/**
 * Follows a result through its SWAP job (see {@link watchSubjectJob}). The job
 * says nothing of the result's phase, so while it runs before SWAPPING the
 * result is fetched again now and then to notice fine-tuning giving way to the swap.
 */
export function watchResult(options: ResultWatchOptions): SubjectJobWatch {
  const { signal } = options
  let stopped = false
  const refresh = throttle(() => {
    fetchResult(options.result().id, signal).then(
      (fresh) => {
        // Only a step forward: an answer overtaken by the job's end must not undo it.
        if (!signal?.aborted && !stopped && phaseRank(fresh.status) > phaseRank(options.result().status)) options.onResult(fresh)
      },
      () => {},
    )
  }, PHASE_REFRESH_MS)
  const watch = watchSubjectJob({
    type: SWAP_JOB,
    subject: options.result,
    subjectId: (result) => result.id,
    busy: (result) => isInProgress(result.status),
    agrees: (job, result) => isActive(job.status) === isInProgress(result.status) && !(job.status === 'RUNNING' && result.status === 'QUEUED'),
    fetch: (result, fetchSignal) => fetchResult(result.id, fetchSignal),
    onJob: (job) => {
      const status = options.result().status
      if (job?.status === 'RUNNING' && (status === 'QUEUED' || status === 'FINE_TUNING')) refresh()
      options.onJob(job)
    },
    onSubject: options.onResult,
    onGone: options.onGone,
    signal,
    owner: options.owner,
    pollMs: FALLBACK_POLL_MS,
  })
  return {
    check: watch.check,
    stop: () => {
      stopped = true
      refresh.cancel()
      watch.stop()
    },
  }
}
