import { el } from './dom.ts'

let region: HTMLElement | undefined

/** A short, self-dismissing message at the bottom of the screen, announced politely. */
export function showToast(message: string, tone: 'info' | 'error' = 'info'): void {
  if (!region || !region.isConnected) {
    region = el('div', { class: 'toast-region', role: 'status', 'aria-live': 'polite' })
    document.body.append(region)
  }
  const toast = el('div', { class: `toast toast-${tone}` }, message)
  region.append(toast)
  window.setTimeout(() => toast.remove(), 6000)
}
