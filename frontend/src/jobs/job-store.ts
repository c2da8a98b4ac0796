/**
 * The signed-in user's background jobs (thumbnails, face extraction, training,
 * swaps) as the client knows them: merged from `GET /api/jobs` and from the
 * live events `jobs/job-stream.ts` hands in, newest first, with listeners told
 * of every change. It knows nothing of the connection itself.
 */
import { ApiError } from '../api/http.ts'
import { cancelJob as postCancel, fetchJob, listJobs } from '../api/jobs.ts'
import { isActive, isFinished, type Job, type JobId } from '../api/model/job.ts'

/** How the live connection is doing: `idle` when signed out. */
export type StreamState = 'idle' | 'connecting' | 'open' | 'reconnecting'

export type JobsEvent =
  /** A job appeared or changed; `live` when the event stream said so (not a list reload). */
  | { kind: 'changed'; job: Job; previous: Job | undefined; live: boolean }
  /** A job the server no longer lists. */
  | { kind: 'removed'; job: Job }
  /** The list was (re)loaded from the server. */
  | { kind: 'synced' }
  /** Signed out: every job is forgotten. */
  | { kind: 'cleared' }
  /** A subject got a name (see {@link nameSubject}). */
  | { kind: 'subjects' }
  | { kind: 'stream'; state: StreamState }

export type JobsListener = (event: JobsEvent) => void

/** As many as `GET /api/jobs` returns; active jobs are kept beyond that. */
const MAX_JOBS = 100

const jobs = new Map<JobId, Job>()
const listeners = new Set<JobsListener>()
const subjectNames = new Map<string, string>()

/** Per job, the id of the last stream event applied: per job, ids follow the order of changes. */
const lastEventIds = new Map<JobId, number>()
/** Per job, the {@link clock} tick of the last live update, so a list fetched before it cannot undo it. */
const touchedAt = new Map<JobId, number>()
let clock = 0

/** Bumped on every sign-in and sign-out, so answers for an earlier session are dropped. */
let generation = 0
let loaded = false
let refreshing: Promise<void> | undefined
let refreshAgain = false
let streamStateNow: StreamState = 'idle'

// --- Reading -----------------------------------------------------------------

/** Known jobs, newest first. */
export function currentJobs(): Job[] {
  return [...jobs.values()].sort(newestFirst)
}

export function jobById(id: JobId): Job | undefined {
  return jobs.get(id)
}

/** QUEUED or RUNNING. */
export function activeJobCount(): number {
  let count = 0
  for (const job of jobs.values()) if (isActive(job.status)) count++
  return count
}

/** The newest job of `type` working on `subjectId` (e.g. a video's THUMBNAIL job). */
export function latestJobFor(type: string, subjectId: string | number): Job | undefined {
  const subject = String(subjectId)
  let latest: Job | undefined
  for (const job of jobs.values()) {
    if (job.type !== type || job.subjectId === null || String(job.subjectId) !== subject) continue
    if (!latest || newestFirst(job, latest) < 0) latest = job
  }
  return latest
}

/** Whether the list has come from the server at least once since sign-in. */
export function jobsLoaded(): boolean {
  return loaded
}

export function streamState(): StreamState {
  return streamStateNow
}

/** Subscribes to changes; returns the unsubscribe function. */
export function subscribeJobs(listener: JobsListener): () => void {
  listeners.add(listener)
  return () => unsubscribeJobs(listener)
}

export function unsubscribeJobs(listener: JobsListener): void {
  listeners.delete(listener)
}

// --- Subject names -----------------------------------------------------------

/**
 * Remembers what a job's subject is called (e.g. a video's name), for the jobs
 * panel. Pages that show such things call it; nothing is fetched for it.
 */
export function nameSubject(id: string | number, name: string): void {
  const key = String(id)
  if (subjectNames.get(key) === name) return
  subjectNames.set(key, name)
  emit({ kind: 'subjects' })
}

export function subjectName(id: string | number | null): string | undefined {
  return id === null ? undefined : subjectNames.get(String(id))
}

// --- Actions -----------------------------------------------------------------

/**
 * Asks the server to cancel a job and shows its answer at once. A 409 (it has
 * already finished) reloads that job before the error is rethrown.
 */
export async function cancelJob(id: JobId): Promise<Job> {
  const session = generation
  try {
    const job = await postCancel(id)
    if (session === generation) applyLive(job)
    return job
  } catch (error) {
    if (error instanceof ApiError && error.status === 409 && session === generation) {
      void reloadJob(id)
    }
    throw error
  }
}

/** Fetches the list again and merges it (done by itself whenever the stream (re)opens). */
export function refreshJobs(): Promise<void> {
  if (refreshing) {
    refreshAgain = true
    return refreshing
  }
  const session = generation
  const startedAt = clock
  refreshing = (async () => {
    try {
      const list = await listJobs()
      if (session !== generation) return
      mergeList(list, startedAt)
    } catch {
      // Keep what we have; a 401 has already signed the user out (see api/http.ts).
    } finally {
      if (session === generation) {
        refreshing = undefined
        if (refreshAgain) {
          refreshAgain = false
          void refreshJobs()
        }
      }
    }
  })()
  return refreshing
}

async function reloadJob(id: JobId): Promise<void> {
  const session = generation
  try {
    const job = await fetchJob(id)
    if (session === generation) applyLive(job)
  } catch {
    // The next list reload will sort it out.
  }
}


// --- Handed in by the stream ---------------------------------------------------

/**
 * A job event from the stream: applied unless its id says it is older than one
 * already applied for that job. `eventId` is the event's `lastEventId`.
 */
export function applyStreamJob(data: unknown, eventId: string): void {
  if (!isJob(data)) return
  const id = String(data.id)
  const number = Number(eventId)
  if (eventId !== '' && Number.isFinite(number)) {
    const last = lastEventIds.get(id)
    if (last !== undefined && number <= last) return
    lastEventIds.set(id, number)
  }
  applyLive(data)
}

/** The stream's state changed: listeners hear of it as a `stream` event. */
export function setStreamState(next: StreamState): void {
  if (streamStateNow === next) return
  streamStateNow = next
  emit({ kind: 'stream', state: next })
}

/** A new session starts (or none): every job and name is forgotten, answers still on their way are dropped. */
export function resetJobs(): void {
  generation++
  refreshing = undefined
  refreshAgain = false
  loaded = false
  const hadAny = jobs.size > 0 || subjectNames.size > 0
  jobs.clear()
  lastEventIds.clear()
  touchedAt.clear()
  subjectNames.clear()
  setStreamState('idle')
  if (hadAny) emit({ kind: 'cleared' })
}

// --- Merging -----------------------------------------------------------------

function newestFirst(a: Job, b: Job): number {
  const diff = (Date.parse(b.createdAt) || 0) - (Date.parse(a.createdAt) || 0)
  return diff !== 0 ? diff : b.id < a.id ? -1 : b.id > a.id ? 1 : 0
}

function isJob(value: unknown): value is Job {
  if (!value || typeof value !== 'object') return false
  const job = value as Partial<Job>
  return (typeof job.id === 'string' || typeof job.id === 'number') && typeof job.type === 'string' && typeof job.status === 'string'
}

function normalise(job: Job): Job {
  return {
    ...job,
    id: String(job.id),
    subjectId: job.subjectId === null || job.subjectId === undefined ? null : String(job.subjectId),
    progress: Number.isFinite(job.progress) ? Math.max(0, Math.min(1, job.progress)) : 0,
    message: job.message ?? null,
    etaSeconds: typeof job.etaSeconds === 'number' && Number.isFinite(job.etaSeconds) ? job.etaSeconds : null,
    cancelRequested: job.cancelRequested === true,
    error: job.error ?? null,
  }
}

/** Stores `incoming` unless it would undo a finish; tells listeners. */
function apply(incoming: Job, live: boolean): void {
  const job = normalise(incoming)
  const previous = jobs.get(job.id)
  // A finished job never changes again: anything else is an older view of it.
  if (previous && isFinished(previous.status) && !isFinished(job.status)) return
  if (previous && JSON.stringify(previous) === JSON.stringify(job)) return
  jobs.set(job.id, job)
  emit({ kind: 'changed', job, previous, live })
}

/** A fresher view than any list being fetched right now (an event, a cancel answer). */
function applyLive(job: Job): void {
  touchedAt.set(String(job.id), ++clock)
  apply(job, true)
  trim()
}

/** The server's list replaces ours, except jobs that events updated after it was asked for. */
function mergeList(list: unknown[], startedAt: number): void {
  const listed = new Set<JobId>()
  for (const item of list) {
    if (!isJob(item)) continue
    const id = String(item.id)
    listed.add(id)
    if ((touchedAt.get(id) ?? -1) > startedAt) continue
    apply(item, false)
  }
  for (const job of [...jobs.values()]) {
    if (listed.has(job.id) || (touchedAt.get(job.id) ?? -1) > startedAt) continue
    forget(job)
  }
  trim()
  loaded = true
  emit({ kind: 'synced' })
}

function trim(): void {
  if (jobs.size <= MAX_JOBS) return
  const sorted = currentJobs()
  for (const job of sorted.slice(MAX_JOBS)) {
    if (!isActive(job.status)) forget(job)
  }
}

function forget(job: Job): void {
  jobs.delete(job.id)
  lastEventIds.delete(job.id)
  touchedAt.delete(job.id)
  emit({ kind: 'removed', job })
}

function emit(event: JobsEvent): void {
  for (const listener of [...listeners]) listener(event)
}

