import { fetchActivity } from '../api/me.ts'
import type { Activity } from '../api/model/activity.ts'
import { el, find, fragment } from '../ui/dom.ts'
import { messageOf } from '../ui/form.ts'
import { formatDateTime, formatRelative } from '../ui/format.ts'
import { icons } from '../ui/icons.ts'

const LABELS: Record<string, string> = {
  REGISTERED: 'Account created',
  SIGNED_IN: 'Signed in',
  SIGN_IN_FAILED: 'Failed sign-in attempt',
  SIGN_IN_THROTTLED: 'Sign-in blocked after too many failed attempts',
  PASSWORD_CHANGED: 'Password changed',
}

const ICONS: Record<string, string> = {
  REGISTERED: icons.userPlus,
  SIGNED_IN: icons.signIn,
  SIGN_IN_FAILED: icons.warning,
  SIGN_IN_THROTTLED: icons.warning,
  PASSWORD_CHANGED: icons.key,
}

/** "SOME_NEW_TYPE" → "Some new type" for types this UI does not know yet. */
export function activityLabel(type: string): string {
  const known = LABELS[type]
  if (known) return known
  const words = type.toLowerCase().replace(/_+/g, ' ').trim()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/**
 * Fills the "Recent activity" card: `#activity-list` plus a status line for
 * loading, empty and error states.
 */
export function setupActivity(card: HTMLElement): { reload: () => void; dispose: () => void } {
  const list = find<HTMLOListElement>(card, '#activity-list')
  const status = find(card, '.activity-status')
  let controller: AbortController | undefined

  const setStatus = (text: string, tone: 'muted' | 'error' = 'muted', retry = false): void => {
    status.replaceChildren(text)
    status.className = `activity-status status-${tone}`
    status.hidden = text === ''
    if (retry) {
      const button = el('button', { type: 'button', class: 'btn btn-link' }, 'Try again')
      button.addEventListener('click', load)
      status.append(' ', button)
    }
  }

  async function load(): Promise<void> {
    controller?.abort()
    const current = new AbortController()
    controller = current
    card.setAttribute('aria-busy', 'true')
    if (list.childElementCount === 0) setStatus('Loading activity…')
    try {
      const entries = await fetchActivity(current.signal)
      if (current.signal.aborted) return
      list.replaceChildren(...entries.map(renderEntry))
      setStatus(entries.length === 0 ? 'No activity yet.' : '')
    } catch (error) {
      if (current.signal.aborted) return
      setStatus(`Could not load activity. ${messageOf(error)}`, 'error', true)
    } finally {
      if (controller === current) card.removeAttribute('aria-busy')
    }
  }

  void load()
  return {
    reload: () => void load(),
    dispose: () => controller?.abort(),
  }
}

function renderEntry(entry: Activity): HTMLLIElement {
  const warn = entry.type === 'SIGN_IN_FAILED' || entry.type === 'SIGN_IN_THROTTLED'
  const iconBox = el('span', { class: 'activity-icon' })
  iconBox.append(fragment(ICONS[entry.type] ?? icons.dot))

  const time = el('time', { class: 'activity-time', datetime: entry.at }, formatDateTime(entry.at))
  const relative = formatRelative(entry.at)
  if (relative) time.title = relative

  const main = el('div', { class: 'activity-main' }, el('span', { class: 'activity-label' }, activityLabel(entry.type)))
  if (entry.clientAddress) {
    main.append(el('span', { class: 'activity-meta' }, `From ${entry.clientAddress}`))
  }
  return el('li', { class: warn ? 'activity-item is-warning' : 'activity-item', 'data-type': entry.type }, iconBox, main, time)
}
