import { ApiError } from '../api/http.ts'
import { endAllSessions, endSession, fetchSessions } from '../api/me.ts'
import type { SignedInSession } from '../api/model/session.ts'
import { navigate } from '../router.ts'
import { setCurrentUser, setFlash } from '../session.ts'
import { confirmAction } from '../ui/confirm-dialog.ts'
import { el, find } from '../ui/dom.ts'
import { messageOf } from '../ui/form.ts'
import { formatDateTime, formatRelative } from '../ui/format.ts'
import { showToast } from '../ui/toast.ts'

/** "Chrome on Linux" from a User-Agent header; "Unknown browser" when it says nothing we know. */
export function deviceLabel(userAgent: string | null | undefined): string {
  const ua = userAgent ?? ''
  const browser =
    /Edg\//.test(ua) ? 'Edge'
      : /OPR\/|Opera/.test(ua) ? 'Opera'
        : /Firefox\//.test(ua) ? 'Firefox'
          : /(Chrome|Chromium|CriOS)\//.test(ua) ? 'Chrome'
            : /Safari\//.test(ua) ? 'Safari'
              : /curl\//.test(ua) ? 'curl'
                : ''
  const system =
    /Android/.test(ua) ? 'Android'
      : /iPhone|iPad|iPod/.test(ua) ? 'iOS'
        : /Windows/.test(ua) ? 'Windows'
          : /Mac OS X|Macintosh/.test(ua) ? 'macOS'
            : /CrOS/.test(ua) ? 'ChromeOS'
              : /Linux/.test(ua) ? 'Linux'
                : ''
  if (browser && system) return `${browser} on ${system}`
  return browser || system || 'Unknown browser'
}

/** Ends this browser's sign-in in the UI the way the sign-out button does, with a word on the sign-in page. */
function signedOutHere(message: string): void {
  setCurrentUser(null)
  setFlash(message)
  navigate('/signin')
}

/**
 * Fills the "Signed-in devices" card: `#sessions-list`, a status line, and `#sessions-end-all`
 * ("Sign out everywhere").
 */
export function setupSessions(card: HTMLElement): { reload: () => void; dispose: () => void } {
  const list = find<HTMLUListElement>(card, '#sessions-list')
  const status = find(card, '.sessions-status')
  const endAll = find<HTMLButtonElement>(card, '#sessions-end-all')
  const page = new AbortController()
  let controller: AbortController | undefined

  const setStatus = (text: string, tone: 'muted' | 'error' = 'muted'): void => {
    status.textContent = text
    status.className = `activity-status sessions-status status-${tone}`
    status.hidden = text === ''
  }

  async function load(): Promise<void> {
    controller?.abort()
    const current = new AbortController()
    controller = current
    card.setAttribute('aria-busy', 'true')
    if (list.childElementCount === 0) setStatus('Loading sessions…')
    try {
      const sessions = await fetchSessions(current.signal)
      if (current.signal.aborted) return
      list.replaceChildren(...sessions.map(render))
      setStatus(sessions.length === 0 ? 'No open sessions.' : '')
    } catch (error) {
      if (current.signal.aborted) return
      setStatus(`Could not load sessions. ${messageOf(error)}`, 'error')
    } finally {
      if (controller === current) card.removeAttribute('aria-busy')
    }
  }

  function render(session: SignedInSession): HTMLLIElement {
    const device = deviceLabel(session.userAgent)
    const label = el('span', { class: 'activity-label' }, device)
    if (session.current) label.append(' ', el('span', { class: 'session-current' }, 'This device'))
    const meta = [
      `Signed in ${formatDateTime(session.createdAt)}`,
      session.clientAddress ? `from ${session.clientAddress}` : '',
    ].filter(Boolean).join(' ')
    const main = el('div', { class: 'activity-main' }, label, el('span', { class: 'activity-meta' }, meta))
    if (session.userAgent) main.title = session.userAgent

    const seen = el('time', { class: 'activity-time', datetime: session.lastSeenAt },
      `Active ${formatRelative(session.lastSeenAt) || formatDateTime(session.lastSeenAt)}`)
    const button = el('button', { type: 'button', class: 'btn btn-secondary btn-sm session-end' }, 'Sign out')
    button.setAttribute('aria-label', `Sign out ${device}${session.current ? ' (this device)' : ''}`)
    button.addEventListener('click', async () => {
      button.disabled = true
      try {
        await endSession(session.id)
      } catch (error) {
        button.disabled = false
        if (!(error instanceof ApiError && error.status === 401)) showToast(`Could not sign out that session. ${messageOf(error)}`, 'error')
        return
      }
      if (session.current) {
        signedOutHere('You signed out of this device.')
        return
      }
      showToast(`${device} was signed out.`)
      void load()
    })
    const side = el('div', { class: 'session-side' }, seen, button)
    return el('li', { class: 'activity-item session-item', 'data-session-id': session.id,
      'data-current': String(session.current) }, main, side)
  }

  endAll.addEventListener('click', async () => {
    const confirmed = await confirmAction({
      title: 'Sign out everywhere?',
      message: 'Every browser and device signed in to this account, this one included, is signed out at once.',
      confirmLabel: 'Sign out everywhere',
      signal: page.signal,
    })
    if (!confirmed) return
    endAll.disabled = true
    try {
      await endAllSessions()
    } catch (error) {
      endAll.disabled = false
      if (!(error instanceof ApiError && error.status === 401)) showToast(`Could not sign out everywhere. ${messageOf(error)}`, 'error')
      return
    }
    signedOutHere('You were signed out everywhere, this device included.')
  })

  void load()
  return {
    reload: () => void load(),
    dispose: () => {
      page.abort()
      controller?.abort()
    },
  }
}
