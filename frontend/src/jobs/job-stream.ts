/**
 * The live connection to `/api/events` for the signed-in user: it opens on
 * sign-in and closes on sign-out ({@link followSignedInUser}), hands job events
 * to the job store, passes other events (a model's `loss` and `preview`) on to
 * whoever subscribed to them by name, and after a refusal retries with back-off.
 * The browser reconnects a dropped connection by itself; each (re)open reloads
 * the job list, since nothing is replayed.
 */
import { JOB_EVENT, openEventStream } from '../api/jobs.ts'
import type { User } from '../api/model/user.ts'
import { currentUser, onUserChange } from '../session.ts'
import { applyStreamJob, refreshJobs, resetJobs, setStreamState, streamState } from './job-store.ts'

/** Gets a stream event's data (parsed JSON, or the raw text when it is not JSON) and the event itself. */
export type StreamEventListener = (data: unknown, event: MessageEvent) => void

const RETRY_MIN_MS = 2_000
const RETRY_MAX_MS = 60_000

/** Listeners of other stream events, by event name. */
const eventListeners = new Map<string, Set<StreamEventListener>>()
/** The event names the current {@link source} has a handler for. */
let sourceNames = new Set<string>()
let owner: User['id'] | undefined
/** Bumped on every start and stop, so a retry planned for an earlier session does nothing. */
let generation = 0
let source: EventSource | undefined
let retryTimer: number | undefined
let retryDelay = RETRY_MIN_MS

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

/**
 * Opens the stream whenever a user signs in (now, if one is) and closes it,
 * forgetting every job, when they sign out. Returns the function that stops following.
 */
export function followSignedInUser(): () => void {
  const unsubscribe = onUserChange((user) => {
    if (user) start(user)
    else stop()
  })
  const signedIn = currentUser()
  if (signedIn) start(signedIn)
  return () => {
    unsubscribe()
    stop()
  }
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
  setStreamState(streamState() === 'idle' ? 'connecting' : 'reconnecting')

  stream.addEventListener('open', () => {
    if (source !== stream) return
    retryDelay = RETRY_MIN_MS
    setStreamState('open')
    // No replay on reconnect: whatever changed meanwhile comes from the list.
    void refreshJobs()
  })
  stream.addEventListener(JOB_EVENT, ((event: MessageEvent) => {
    if (source !== stream) return
    let data: unknown
    try {
      data = JSON.parse(String(event.data))
    } catch {
      return
    }
    applyStreamJob(data, event.lastEventId)
  }) as EventListener)
  stream.addEventListener('error', () => {
    if (source !== stream) return
    if (stream.readyState !== EventSource.CLOSED) {
      // The browser reconnects by itself; 'open' reloads the list.
      setStreamState('reconnecting')
      return
    }
    // Refused (e.g. a 401, or no stream on this server): the browser gives up, so we retry.
    // Reloading the list first notices an ended session (a 401 signs the user out).
    stream.close()
    source = undefined
    setStreamState('reconnecting')
    void refreshJobs()
    window.clearTimeout(retryTimer)
    retryTimer = window.setTimeout(() => {
      if (session === generation && !source) connect()
    }, retryDelay)
    retryDelay = Math.min(RETRY_MAX_MS, retryDelay * 2)
  })
}

function start(user: User): void {
  if (owner !== undefined && String(owner) === String(user.id) && streamState() !== 'idle') return
  stop()
  owner = user.id
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
  owner = undefined
  resetJobs()
}
