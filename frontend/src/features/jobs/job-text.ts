/** The words and links the jobs panel shows for a job; pure, so they can be tested without a page. */
import { isActive, type Job } from '../../api/model/job.ts'
import { subjectName } from '../../jobs.ts'
import { formatTimeLeft } from '../../ui/format.ts'
import { EXTRACT_JOB, faceSetPagePath } from '../faceset-meta.ts'
import { modelPagePath, TRAIN_JOB } from '../model-meta.ts'
import { waitingText } from '../queue-place.ts'
import { resultPagePath, SWAP_JOB } from '../result-meta.ts'
import { videoPagePath } from '../video-meta.ts'

const TYPE_LABELS: Record<string, string> = {
  THUMBNAIL: 'Making thumbnail',
  DIAGNOSTIC: 'Diagnostic job',
  EXTRACT: 'Finding faces',
  TRAIN: 'Training',
  SWAP: 'Swapping faces',
}

const STATUS_LABELS: Record<string, string> = {
  QUEUED: 'Queued',
  RUNNING: 'Running',
  SUCCEEDED: 'Done',
  FAILED: 'Failed',
  CANCELLED: 'Cancelled',
}

export const JOBS_EMPTY = 'No jobs yet. Uploads, face extraction, training and swaps show their progress here.'

/** "Making thumbnail", "Training", …; "SOME_NEW_TYPE" → "Some new type". */
export function jobLabel(type: string): string {
  const known = TYPE_LABELS[type]
  if (known) return known
  const words = type.toLowerCase().replace(/_+/g, ' ').trim()
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : 'Job'
}

/**
 * Training is never thrown away: cancelling it saves a checkpoint and the model can resume, which is what the
 * model page calls Stop. The jobs list uses the same words for it.
 */
export function stopsRatherThanCancels(job: Job): boolean {
  return job.type === TRAIN_JOB
}

/** The status pill's text; a running job that was asked to stop is "Cancelling" ("Stopping" for training). */
export function jobStatusLabel(job: Job): string {
  const stops = stopsRatherThanCancels(job)
  if (job.status === 'RUNNING' && job.cancelRequested) return stops ? 'Stopping' : 'Cancelling'
  if (job.status === 'CANCELLED' && stops) return 'Stopped'
  return STATUS_LABELS[job.status] ?? jobLabel(job.status)
}

/** The name of what the job works on: the live name a page gave it, else the one the server kept. */
export function jobSubjectName(job: Job): string | undefined {
  return subjectName(job.subjectId) ?? job.subjectName ?? undefined
}

/** The page of what a job works on, where it has one. */
export function subjectHref(job: Job): string | undefined {
  if (job.type === 'THUMBNAIL' && job.subjectId !== null) return videoPagePath(job.subjectId)
  if (job.type === EXTRACT_JOB && job.subjectId !== null) return faceSetPagePath(job.subjectId)
  if (job.type === TRAIN_JOB && job.subjectId !== null) return modelPagePath(job.subjectId)
  if (job.type === SWAP_JOB && job.subjectId !== null) return resultPagePath(job.subjectId)
  return undefined
}

const STATUS_WORDS: Record<string, string> = {
  QUEUED: 'queued',
  RUNNING: 'started',
  SUCCEEDED: 'done',
  FAILED: 'failed',
  CANCELLED: 'cancelled',
}

/** What a screen reader hears when a job moves ("Training “Anna”: done."); undefined for progress ticks. */
export function describeChange(job: Job, previous: Job | undefined): string | undefined {
  let word: string | undefined
  if (previous?.status !== job.status) word = STATUS_WORDS[job.status]
  else if (job.cancelRequested && !previous.cancelRequested) word = 'cancelling'
  if (!word) return undefined
  if (stopsRatherThanCancels(job)) word = word === 'cancelled' ? 'stopped' : word === 'cancelling' ? 'stopping' : word
  const name = jobSubjectName(job)
  return `${jobLabel(job.type)}${name ? ` “${name}”` : ''}: ${word}.`
}

/** A row's lines under the title: the message (unless it repeats the status pill), time left, and the error. */
export function jobLines(job: Job): { message: string; eta: string; error: string } {
  const statusText = jobStatusLabel(job)
  const failed = job.status === 'FAILED'
  const message = job.status === 'QUEUED' ? waitingText(job, job.message, '') : (job.message ?? '').trim()
  // "Done", "Running", … only repeat the pill; a failure shows its error instead.
  const redundant = message === '' || message.toLowerCase() === statusText.toLowerCase() || (failed && !!job.error)
  return {
    message: redundant ? '' : message,
    eta: job.status === 'RUNNING' && job.etaSeconds !== null ? formatTimeLeft(job.etaSeconds) : '',
    error: failed ? job.error || message || 'Something went wrong.' : '',
  }
}

/** The status pill's modifier class: `job-status-running`, `-cancelling`, … */
export function statusClass(job: Job): string {
  return `job-status-${job.cancelRequested && job.status === 'RUNNING' ? 'cancelling' : job.status.toLowerCase()}`
}

/** Whether the row offers Cancel (or Stop). */
export function canCancel(job: Job): boolean {
  return isActive(job.status) && !job.cancelRequested
}
