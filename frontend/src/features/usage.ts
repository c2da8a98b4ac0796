import { fetchUsage } from '../api/me.ts'
import type { Usage } from '../api/model/usage.ts'
import { find } from '../ui/dom.ts'
import { messageOf } from '../ui/form.ts'
import { formatDateTime, formatTimeSpent } from '../ui/format.ts'

/** "none", "45 s", "12 min", "1 h 5 min". */
export function formatWorkerTime(seconds: number): string {
  return seconds <= 0 ? 'none' : formatTimeSpent(seconds)
}

/** The sentence under "GPU time today". */
export function gpuUsageText(usage: Usage): string {
  const used = formatWorkerTime(usage.gpuSecondsToday)
  if (usage.gpuMinutesPerDay === null) return `${used} today (no daily limit)`
  const limit = `${usage.gpuMinutesPerDay} min`
  if (usage.gpuExhausted) {
    return `${used} of ${limit} today: used up. GPU work waits until ${formatDateTime(usage.resetsAt)}.`
  }
  return `${used} of ${limit} today`
}

/**
 * Fills the account page's usage card (`#usage-gpu`, `#usage-cpu`, `#usage-bar`) with today's worker time and,
 * where there is one, the daily GPU limit.
 */
export function setupUsage(card: HTMLElement, signal: AbortSignal): void {
  const gpu = find(card, '#usage-gpu')
  const cpu = find(card, '#usage-cpu')
  const bar = find<HTMLProgressElement>(card, '#usage-bar')
  fetchUsage(signal).then(
    (usage) => {
      if (signal.aborted) return
      gpu.textContent = gpuUsageText(usage)
      cpu.textContent = `${formatWorkerTime(usage.cpuSecondsToday)} today`
      bar.hidden = usage.gpuMinutesPerDay === null
      if (usage.gpuMinutesPerDay !== null) {
        bar.max = usage.gpuMinutesPerDay * 60
        bar.value = Math.min(bar.max, usage.gpuSecondsToday)
      }
      card.classList.toggle('is-exhausted', usage.gpuExhausted)
    },
    (error) => {
      if (signal.aborted) return
      gpu.textContent = `Could not load your usage. ${messageOf(error)}`
    },
  )
}
