import type { components } from '../schema.d.ts'

/**
 * A background job, as returned by `GET /api/jobs` and sent by the `job` events of `GET /api/events`.
 * Generated from the API's OpenAPI document (`JobView`): waiting jobs have `queuePosition` (1 = next in its lane)
 * and `estimatedStart`; timestamps are ISO-8601.
 */
export type Job = components['schemas']['JobView']

export type JobId = Job['id']

export type JobStatus = Job['status']

/** Statuses a job never leaves. */
export function isFinished(status: JobStatus): boolean {
  return status === 'SUCCEEDED' || status === 'FAILED' || status === 'CANCELLED'
}

/** Waiting for or running on a worker. */
export function isActive(status: JobStatus): boolean {
  return status === 'QUEUED' || status === 'RUNNING'
}
