/** Known job kinds; the backend may add more, so any string is accepted. */
export type JobType = 'THUMBNAIL' | 'DIAGNOSTIC' | 'EXTRACT' | 'TRAIN' | 'SWAP' | (string & {})

export type JobStatus = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED'

export type JobId = string

/** `cpu` (thumbnails, face extraction) or `gpu` (training, swaps): whose slots run the job. */
export type JobLane = 'cpu' | 'gpu'

/**
 * A background job, as returned by `GET /api/jobs` and sent by the `job`
 * events of `GET /api/events`.
 */
export interface Job {
  id: JobId
  type: JobType
  status: JobStatus
  lane: JobLane
  /** What the job works on (for THUMBNAIL: the video id), if anything. */
  subjectId: string | null
  /** The name of what the job works on, as it was when queued or last renamed; kept after it is deleted. */
  subjectName: string | null
  /** 0–1. */
  progress: number
  /** A short sentence for people, e.g. "Waiting for a worker", "Step 3 of 10". */
  message: string | null
  etaSeconds: number | null
  attempts: number
  maxAttempts: number
  /** A running job was asked to stop; it ends as CANCELLED shortly. */
  cancelRequested: boolean
  /** Waiting jobs: 1 = next in its lane; null for other jobs and for jobs held by the daily GPU limit. */
  queuePosition: number | null
  /** Waiting jobs: when it is likely to start (ISO-8601); null otherwise. */
  estimatedStart: string | null
  /** ISO-8601 timestamps. */
  createdAt: string
  startedAt: string | null
  finishedAt: string | null
  /** Why it failed (status FAILED). */
  error: string | null
}

/** Statuses a job never leaves. */
export function isFinished(status: JobStatus): boolean {
  return status === 'SUCCEEDED' || status === 'FAILED' || status === 'CANCELLED'
}

/** Waiting for or running on a worker. */
export function isActive(status: JobStatus): boolean {
  return status === 'QUEUED' || status === 'RUNNING'
}
