/**
 * How a page of one subject (a video, face set, model or result) loads it, as
 * reactive state for its component: `loading`, then `loaded` with the subject,
 * `missing` when the server does not know it (404, or 400 for an id that cannot
 * be one), or `failed` with the reason and `retry()`. Call during component
 * set-up; leaving the page aborts the request.
 */
import { onDestroy } from 'svelte'
import { ApiError } from '../api/http.ts'
import { messageOf } from '../ui/form.ts'

export type SubjectStatus = 'loading' | 'loaded' | 'missing' | 'failed'

export interface SubjectLoader<T> {
  readonly status: SubjectStatus
  /** Set once loaded; assign a fresher copy (e.g. after a rename) to show it. */
  subject: T | undefined
  /** Why loading failed, in words. */
  readonly error: string
  /** Aborted when the page goes: pass it on to requests made for the page. */
  readonly signal: AbortSignal
  retry(): void
}

export function loadSubject<T>(fetch: (signal: AbortSignal) => Promise<T>): SubjectLoader<T> {
  const lifetime = new AbortController()
  onDestroy(() => lifetime.abort())
  let status = $state<SubjectStatus>('loading')
  let subject = $state<T | undefined>(undefined)
  let error = $state('')

  const load = async (): Promise<void> => {
    status = 'loading'
    try {
      const fetched = await fetch(lifetime.signal)
      if (lifetime.signal.aborted) return
      subject = fetched
      status = 'loaded'
    } catch (failure) {
      if (lifetime.signal.aborted) return
      if (failure instanceof ApiError && (failure.status === 404 || failure.status === 400)) {
        status = 'missing'
      } else {
        error = messageOf(failure)
        status = 'failed'
      }
    }
  }
  void load()

  return {
    get status() {
      return status
    },
    get subject() {
      return subject
    },
    set subject(value: T | undefined) {
      subject = value
    },
    get error() {
      return error
    },
    signal: lifetime.signal,
    retry: () => void load(),
  }
}
