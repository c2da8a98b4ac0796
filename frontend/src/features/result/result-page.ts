import type { Job } from '../../api/model/job.ts'
import { isInProgress, type Result } from '../../api/model/result.ts'
import { formatDateTime, formatTimeLeft } from '../../ui/format.ts'
import { icons } from '../../ui/icons.ts'
import type { NotFoundCard } from '../not-found-card.ts'
import { waitingText } from '../queue-place.ts'
import { jobPercent, resultStatusLabel, resultStatusText } from '../result-meta.ts'

export const RESULT_MISSING = 'This result does not exist or is not yours'

export const RESULT_NOT_FOUND: NotFoundCard = { id: 'result', icon: icons.results, title: 'Result not found', heading: RESULT_MISSING }

export const PROVENANCE_NOTE = 'This video is marked as AI-generated: a metadata tag always, and a visible label unless turned off.'

/** The people's names, where known (from the model's face sets). */
export interface PeopleNames {
  a?: string
  b?: string
}

/** "clip.mp4, swapped by Anna–Ben · created 2 Dec 2026, 09:00". */
export function resultSubtitle(result: Result): string {
  return `${result.videoName}, swapped by ${result.modelName} · created ${formatDateTime(result.createdAt)}`
}

/** What `#result-provenance` says: the marking, and whether this one shows the visible label. */
export function provenanceText(result: Result): string {
  const label = result.options?.label !== false
  return `${PROVENANCE_NOTE} ${label ? 'This one shows the label.' : 'The visible label is off for this one; the metadata tag is still there.'}`
}

/** What the status card (`#result-state`) shows of a result and its SWAP job. */
export interface StateView {
  running: boolean
  /** `#result-status`: "Swapping — 40 %", "Failed: why"… */
  status: string
  /** Whole percent for the bar; undefined while waiting or nothing is measured yet (an indeterminate bar). */
  percent: number | undefined
  /** "about 2 min left"; empty when unknown. */
  timeLeft: string
  /** `#result-message`: the queue place while waiting, the job's words while it runs, when it finished. */
  message: string
}

export function stateView(result: Result, job: Job | undefined): StateView {
  const running = isInProgress(result.status)
  const said = !running
    ? ''
    : result.status === 'QUEUED'
      ? waitingText(job, result.message)
      : job?.message?.trim() || result.message?.trim() || ''
  return {
    running,
    status: resultStatusText(result, job),
    percent: running ? jobPercent(job) : undefined,
    timeLeft: running && job?.status === 'RUNNING' && job.etaSeconds !== null ? formatTimeLeft(job.etaSeconds) : '',
    message: result.status === 'READY' && result.finishedAt ? `Finished ${formatDateTime(result.finishedAt)}.` : said,
  }
}

/** What the live region says when a result reaches a new phase (a number ticking is never announced). */
export function phaseAnnouncement(result: Result, job: Job | undefined): string {
  return result.status === 'READY'
    ? 'The swap is ready.'
    : result.status === 'FAILED'
      ? resultStatusText(result, job)
      : `${resultStatusLabel(result.status)}…`
}
