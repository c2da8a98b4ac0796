import { ApiError } from '../api/http.ts'
import { el, find } from '../ui/dom.ts'
import { messageOf } from '../ui/form.ts'

/** How a page of one subject (a video, face set, model or result) loads it. */
export interface SubjectPageOptions<T> {
  /**
   * The page's prefix. Its markup has `.<id>-page` (busy while loading),
   * `#<id>-title` and `.<id>-content` (the spinner, then the error).
   */
  id: string
  /** Ends "Could not load this …", e.g. `face set`. */
  noun: string
  fetch: (signal: AbortSignal) => Promise<T>
  /** Fills the page; returns what stops it when the page goes. */
  show: (subject: T, signal: AbortSignal) => () => void
  /** There is no such subject of this user's. */
  onMissing: () => void
}

/**
 * Loads the subject behind a page and shows it: a spinner meanwhile; the
 * "not found" card when the server does not know it; any other failure in
 * words with "Try again". Returns the page's cleanup.
 */
export function loadSubjectPage<T>(outlet: HTMLElement, options: SubjectPageOptions<T>): () => void {
  const page = find(outlet, `.${options.id}-page`)
  const title = find(outlet, `#${options.id}-title`)
  const content = find(outlet, `.${options.id}-content`)
  const lifetime = new AbortController()
  let dispose: (() => void) | undefined

  const load = async (): Promise<void> => {
    page.setAttribute('aria-busy', 'true')
    content.replaceChildren(el('p', { class: 'video-loading' }, el('span', { class: 'spinner', 'aria-hidden': 'true' }), 'Loading…'))
    try {
      const subject = await options.fetch(lifetime.signal)
      if (lifetime.signal.aborted) return
      dispose = options.show(subject, lifetime.signal)
    } catch (error) {
      if (lifetime.signal.aborted) return
      // An id that cannot be one (400) is as missing as an unknown one.
      if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
        options.onMissing()
      } else {
        title.textContent = `Could not load this ${options.noun}`
        const retry = el('button', { type: 'button', class: 'btn btn-secondary btn-sm' }, 'Try again')
        retry.addEventListener('click', () => void load())
        content.replaceChildren(
          el('div', { class: 'card message-card' }, el('p', { class: 'status-error', role: 'alert' }, messageOf(error)), el('p', {}, retry)),
        )
      }
    } finally {
      page.removeAttribute('aria-busy')
    }
  }
  void load()

  return () => {
    lifetime.abort()
    dispose?.()
  }
}
