/**
 * Following one subject (a model, a face set, a result) through its job, for
 * the pages that show it.
 */
import { ApiError } from '../api/http.ts'
import { isActive, type Job, type JobId } from '../api/model/job.ts'
import { jobsLoaded, latestJobFor, subscribeJobs } from './job-store.ts'

/** Whether `job` is of `type` and works on `subjectId`. */
export function isJobFor(job: Job, type: string, subjectId: string | number): boolean {
  return job.type === type && job.subjectId !== null && String(job.subjectId) === String(subjectId)
}

export interface SubjectJobWatch {
  /** The subject changed locally (e.g. a new job was accepted): look at it afresh. */
  check(): void
  stop(): void
}

export interface SubjectJobWatchOptions<T> {
  /** The job type that works on the subject, e.g. `TRAIN`; its `subjectId` is the subject's id. */
  type: string
  /** The subject as currently shown. */
  subject: () => T
  subjectId: (subject: T) => string | number
  /** Whether the subject waits for or on its job (a model that trains, a set that is extracting). */
  busy: (subject: T) => boolean
  /**
   * Whether a job seen for the first time says the same as the subject shown,
   * so that nothing needs fetching. By default: it is active exactly while the subject is busy.
   */
  agrees?: (job: Job, subject: T) => boolean
  /** Fetches the subject again; an {@link ApiError} 404 means it is gone. */
  fetch: (subject: T, signal?: AbortSignal) => Promise<T>
  /** Its job moved (undefined while no active one is known). */
  onJob: (job: Job | undefined) => void
  /** The subject as fetched again after its job started or ended. */
  onSubject: (subject: T) => void
  /** A 404 while fetching it again: it was deleted meanwhile. */
  onGone?: () => void
  signal?: AbortSignal
  /** Stops watching once this element has been in the page and left it. */
  owner?: Element
  /** How often a busy subject with no job in sight is fetched again. */
  pollMs: number
}

/**
 * Follows a subject (a model, a face set, a result) through its job: the job's
 * progress as it comes, and the subject fetched again whenever the job's
 * status changes (it started, or it finished: done, failed, cancelled). A busy
 * subject whose job the store does not know (e.g. beyond the last 100 jobs) is
 * fetched again now and then instead.
 */
export function watchSubjectJob<T>(options: SubjectJobWatchOptions<T>): SubjectJobWatch {
  const { signal, owner } = options
  const agrees = options.agrees ?? ((job: Job, subject: T) => isActive(job.status) === options.busy(subject))
  /** Per job, the status whose change has been dealt with. */
  const seenStatus = new Map<JobId, string>()
  let fetching = false
  let fetchAgain = false
  let stopped = false
  let seenInPage = false
  let pollTimer: number | undefined

  const refetch = async (): Promise<void> => {
    if (stopped) return
    if (fetching) {
      fetchAgain = true
      return
    }
    fetching = true
    window.clearTimeout(pollTimer)
    try {
      const fresh = await options.fetch(options.subject(), signal)
      if (stopped) return
      options.onSubject(fresh)
    } catch (error) {
      if (stopped || signal?.aborted) return
      if (error instanceof ApiError && error.status === 404) {
        options.onGone?.()
        return
      }
    } finally {
      fetching = false
    }
    if (stopped) return
    if (fetchAgain) {
      fetchAgain = false
      void refetch()
      return
    }
    check()
  }

  const check = (): void => {
    if (stopped) return
    window.clearTimeout(pollTimer)
    const subject = options.subject()
    const job = latestJobFor(options.type, options.subjectId(subject))
    if (job && seenStatus.get(job.id) !== job.status) {
      const firstSight = !seenStatus.has(job.id)
      seenStatus.set(job.id, job.status)
      // A job seen for the first time that agrees with what is shown needs
      // nothing; any later change (it started, it ended) does.
      if (!firstSight || !agrees(job, subject)) {
        options.onJob(isActive(job.status) ? job : undefined)
        void refetch()
        return
      }
    }
    if (!options.busy(subject)) {
      options.onJob(undefined)
      return
    }
    options.onJob(job && isActive(job.status) ? job : undefined)
    if ((!job || !isActive(job.status)) && jobsLoaded()) {
      pollTimer = window.setTimeout(() => void refetch(), options.pollMs)
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
    if (event.kind === 'synced') check()
    else if (event.kind === 'changed' && isJobFor(event.job, options.type, options.subjectId(options.subject()))) check()
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

