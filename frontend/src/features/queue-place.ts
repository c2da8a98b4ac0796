import type { Job } from '../api/model/job.ts'
import { formatMinutes } from '../ui/format.ts'

/** "1st", "2nd", "3rd", "11th", "22nd"… */
export function ordinal(n: number): string {
  const tens = n % 100
  if (tens >= 11 && tens <= 13) return `${n}th`
  const suffix = n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th'
  return `${n}${suffix}`
}

/** "starts in a moment", "starts in about 8 min", "starts in about 2 h 10 min". */
export function startsIn(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 30) return 'starts in a moment'
  const minutes = Math.max(1, Math.round(seconds / 60))
  return minutes === 1 ? 'starts in about a minute' : `starts in about ${formatMinutes(minutes)}`
}

/**
 * Where a waiting job stands, in words: "Next in line — starts in a moment", "2nd in line — starts in about
 * 8 min". Undefined for jobs that do not wait, or wait without a place (held by the daily GPU limit: their
 * message says why).
 */
export function queuePlaceText(job: Job | undefined, now = Date.now()): string | undefined {
  if (!job || job.status !== 'QUEUED' || job.queuePosition === null || job.queuePosition === undefined) return undefined
  const place = job.queuePosition === 1 ? 'Next in line' : `${ordinal(job.queuePosition)} in line`
  if (!job.estimatedStart) return place
  return `${place} — ${startsIn((Date.parse(job.estimatedStart) - now) / 1000)}`
}

/**
 * What a waiting job's subject says: its own words (say, "Paused — another job's turn; resumes at iteration
 * 1,200"), then its place in line. Generic "waiting" words give way to the place; a job held by the daily GPU
 * limit says so instead.
 */
export function waitingText(job: Job | undefined, said: string | null | undefined, fallback = 'Waiting for a worker…'): string {
  const place = queuePlaceText(job)
  const own = (said ?? '').trim()
  const jobSays = job?.message?.trim() ?? ''
  if (!place) return jobSays.startsWith('Held') ? jobSays : own || jobSays || fallback
  const generic = own === '' || own.startsWith('Waiting for a worker')
  return generic ? place : `${own} · ${place}`
}
