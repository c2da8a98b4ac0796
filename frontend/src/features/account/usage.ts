/** How the account page words today's worker time. */
import type { Usage } from '../../api/model/usage.ts'
import { formatDateTime, formatTimeSpent } from '../../ui/format.ts'

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
