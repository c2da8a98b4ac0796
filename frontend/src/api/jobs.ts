import { request } from './http.ts'
import type { Job, JobId } from './model/job.ts'

const BASE = '/api/jobs'
/** Server-Sent Events for the signed-in user (cookie auth). */
const EVENTS = '/api/events'

/** The name of the event that carries a changed job (`data` is its JSON). */
export const JOB_EVENT = 'job'

function jobPath(id: JobId): string {
  return `${BASE}/${encodeURIComponent(String(id))}`
}

/** `GET /api/jobs`: the most recent jobs (up to 100), newest first. */
export async function listJobs(signal?: AbortSignal): Promise<Job[]> {
  const list = await request<Job[] | undefined>(BASE, { signal })
  return Array.isArray(list) ? list : []
}

/** `GET /api/jobs/{id}`; 404 for an unknown id or someone else's. */
export function fetchJob(id: JobId, signal?: AbortSignal): Promise<Job> {
  return request<Job>(jobPath(id), { signal })
}

/**
 * `POST /api/jobs/{id}/cancel` → the job: a queued one is CANCELLED at once, a
 * running one gets `cancelRequested` and ends as CANCELLED shortly after.
 * 409 when it has already finished.
 */
export function cancelJob(id: JobId): Promise<Job> {
  return request<Job>(`${jobPath(id)}/cancel`, { method: 'POST' })
}

/**
 * Opens the event stream. Events named {@link JOB_EVENT} carry a job; others
 * (e.g. a model's `loss` and `preview`, see api/models.ts) carry JSON of their
 * own. There is no replay on reconnect, so fetch the list again whenever it opens.
 */
export function openEventStream(): EventSource {
  return new EventSource(EVENTS)
}
