/**
 * The signed-in user's background jobs (thumbnails, face extraction, training,
 * swaps), kept up to date from `GET /api/jobs` and the `/api/events` stream.
 * It lives outside any page: the top bar's jobs panel and the video cards
 * subscribe to it. The stream opens on sign-in and closes on sign-out.
 *
 * Other events of the same stream (a model's `loss` and `preview`) are passed
 * on as they come to whoever subscribed to them by name ({@link subscribeEvent}).
 */
import { ApiError } from './api/http.ts'
import { cancelJob as postCancel, fetchJob, JOB_EVENT, listJobs, openEventStream } from './api/jobs.ts'
import { isActive, isFinished, type Job, type JobId } from './api/model/job.ts'
import type { User } from './api/model/user.ts'
import { currentUser, onUserChange } from './session.ts'

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

/** Gets a stream event's data (parsed JSON, or the raw text when it is not JSON) and the event itself. */
export type StreamEventListener = (data: unknown, event: MessageEvent) => void

/** As many as `GET /api/jobs` returns; active jobs are kept beyond that. */
const MAX_JOBS = 100
const RETRY_MIN_MS = 2_000
const RETRY_MAX_MS = 60_000

const jobs = new Map<JobId, Job>()
const listeners = new Set<JobsListener>()
const subjectNames = new Map<string, string>()
/** Listeners of other stream events, by event name. */
const eventListeners = new Map<string, Set<StreamEventListener>>()
/** The event names the current {@link source} has a handler for. */
let sourceNames = new Set<string>()

/** Per job, the id of the last stream event applied: per job, ids follow the order of changes. */
const lastEventIds = new Map<JobId, number>()
/** Per job, the {@link clock} tick of the last live update, so a list fetched before it cannot undo it. */
const touchedAt = new Map<JobId, number>()
let clock = 0

let owner: User['id'] | undefined
/** Bumped on every start and stop, so answers for an earlier session are dropped. */
let generation = 0
let source: EventSource | undefined
let state: StreamState = 'idle'
let retryTimer: number | undefined
let retryDelay = RETRY_MIN_MS
let loaded = false
let refreshing: Promise<void> | undefined
let refreshAgain = false

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
  return state
}

/** Subscribes to changes; returns the unsubscribe function. */
export function subscribeJobs(listener: JobsListener): () => void {
  listeners.add(listener)
  return () => unsubscribeJobs(listener)
}

export function unsubscribeJobs(listener: JobsListener): void {
  listeners.delete(listener)
}

/**
 * Subscribes to the stream's events named `name` (other than {@link JOB_EVENT},
 * which the store itself follows: use {@link subscribeJobs} for jobs). Nothing
 * is replayed: after a reconnect (a `stream` event with state `open` from
 * {@link subscribeJobs}) fetch what may have been missed. Returns the
 * unsubscribe function.
 */
export function subscribeEvent(name: string, listener: StreamEventListener): () => void {
  let set = eventListeners.get(name)
  if (!set) {
    set = new Set()
    eventListeners.set(name, set)
  }
  set.add(listener)
  if (source) listenFor(source, name)
  return () => {
    const current = eventListeners.get(name)
    current?.delete(listener)
    // The source's handler stays: it finds no listeners and does nothing.
    if (current && current.size === 0) eventListeners.delete(name)
  }
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

// --- Following a subject through its job ---------------------------------------

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

// --- The event stream ----------------------------------------------------------

function setState(next: StreamState): void {
  if (state === next) return
  state = next
  emit({ kind: 'stream', state })
}

function onJobEvent(event: MessageEvent): void {
  let data: unknown
  try {
    data = JSON.parse(String(event.data))
  } catch {
    return
  }
  if (!isJob(data)) return
  const id = String(data.id)
  const eventId = Number(event.lastEventId)
  if (event.lastEventId !== '' && Number.isFinite(eventId)) {
    const last = lastEventIds.get(id)
    if (last !== undefined && eventId <= last) return
    lastEventIds.set(id, eventId)
  }
  applyLive(data)
}

/** Adds a handler for `name` to `stream` once; it passes the events on to {@link subscribeEvent}'s listeners. */
function listenFor(stream: EventSource, name: string): void {
  if (stream !== source || sourceNames.has(name)) return
  sourceNames.add(name)
  stream.addEventListener(name, ((event: MessageEvent) => {
    if (source !== stream) return
    const listeners = eventListeners.get(name)
    if (!listeners || listeners.size === 0) return
    const text = String(event.data)
    let data: unknown = text
    try {
      data = JSON.parse(text)
    } catch {
      // Not JSON: listeners get the text.
    }
    for (const listener of [...listeners]) listener(data, event)
  }) as EventListener)
}

function connect(): void {
  const session = generation
  const stream = openEventStream()
  source = stream
  sourceNames = new Set()
  for (const name of eventListeners.keys()) listenFor(stream, name)
  setState(state === 'idle' ? 'connecting' : 'reconnecting')

  stream.addEventListener('open', () => {
    if (source !== stream) return
    retryDelay = RETRY_MIN_MS
    setState('open')
    // No replay on reconnect: whatever changed meanwhile comes from the list.
    void refreshJobs()
  })
  stream.addEventListener(JOB_EVENT, onJobEvent as EventListener)
  stream.addEventListener('error', () => {
    if (source !== stream) return
    if (stream.readyState !== EventSource.CLOSED) {
      // The browser reconnects by itself; 'open' reloads the list.
      setState('reconnecting')
      return
    }
    // Refused (e.g. a 401, or no stream on this server): the browser gives up, so we retry.
    // Reloading the list first notices an ended session (a 401 signs the user out).
    stream.close()
    source = undefined
    setState('reconnecting')
    void refreshJobs()
    window.clearTimeout(retryTimer)
    retryTimer = window.setTimeout(() => {
      if (session === generation && !source) connect()
    }, retryDelay)
    retryDelay = Math.min(RETRY_MAX_MS, retryDelay * 2)
  })
}

function start(user: User): void {
  if (owner !== undefined && String(owner) === String(user.id) && state !== 'idle') return
  stop()
  owner = user.id
  generation++
  connect()
  void refreshJobs()
}

function stop(): void {
  generation++
  window.clearTimeout(retryTimer)
  retryTimer = undefined
  retryDelay = RETRY_MIN_MS
  source?.close()
  source = undefined
  refreshing = undefined
  refreshAgain = false
  owner = undefined
  loaded = false
  const hadAny = jobs.size > 0 || subjectNames.size > 0
  jobs.clear()
  lastEventIds.clear()
  touchedAt.clear()
  subjectNames.clear()
  setState('idle')
  if (hadAny) emit({ kind: 'cleared' })
}

// Open the stream after sign-in, close it (and forget everything) on sign-out.
onUserChange((user) => {
  if (user) start(user)
  else stop()
})
const signedIn = currentUser()
if (signedIn) start(signedIn)
