/** `GET /api/me/usage`: worker time used today (UTC) and the daily GPU limit. */
export interface Usage {
  gpuSecondsToday: number
  cpuSecondsToday: number
  /** Null: no daily limit. */
  gpuMinutesPerDay: number | null
  /** Further GPU work waits until {@link resetsAt}. */
  gpuExhausted: boolean
  /** ISO-8601: when the day's count starts again. */
  resetsAt: string
}
