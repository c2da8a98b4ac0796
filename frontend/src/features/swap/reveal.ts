/**
 * Scrolls the swap section into view and moves focus to it. What loads above it (the chart, the preview) pushes
 * it down: it is followed for a moment, until the user scrolls by themselves.
 */
export function revealSection(section: HTMLElement, signal: AbortSignal): void {
  const scroll = (): void => section.scrollIntoView({ block: 'start' })
  scroll()
  section.focus({ preventScroll: true })
  const above = section.parentElement
  if (!above) return
  const observer = new ResizeObserver(scroll)
  const userEvents = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const
  const stop = (): void => {
    observer.disconnect()
    window.clearTimeout(timer)
    for (const type of userEvents) window.removeEventListener(type, stop)
  }
  const timer = window.setTimeout(stop, 3_000)
  for (const type of userEvents) window.addEventListener(type, stop, { passive: true })
  signal.addEventListener('abort', stop, { once: true })
  observer.observe(above)
}
