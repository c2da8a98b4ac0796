/**
 * Svelte stores over the job store in `jobs.ts`, for components: `$jobList`,
 * `$streamStatus`, `$activeJobs`. Each store subscribes to the job
 * store only while a component reads it, so a page that goes takes nothing along.
 */
import { onDestroy } from 'svelte'
import { derived, readable, type Readable } from 'svelte/store'
import { isActive, type Job } from '../api/model/job.ts'
import {
  currentJobs,
  streamState,
  subscribeEvent,
  subscribeJobs,
  type StreamEventListener,
  type StreamState,
} from '../jobs.ts'

/** Every known job, newest first; changes with every job event, list reload and subject name. */
export const jobList: Readable<Job[]> = readable(currentJobs(), (set) => {
  set(currentJobs())
  return subscribeJobs(() => set(currentJobs()))
})

/** How many jobs are waiting or running. */
export const activeJobs: Readable<number> = derived(jobList, (jobs) => jobs.filter((job) => isActive(job.status)).length)

/** How the live connection is doing (`idle` while signed out). */
export const streamStatus: Readable<StreamState> = readable(streamState(), (set) => {
  set(streamState())
  return subscribeJobs(() => set(streamState()))
})



/**
 * Calls `listener` with the live stream's events named `name` (e.g. a model's
 * `loss`) for the life of the calling component: call it during component set-up.
 */
export function onStreamEvent(name: string, listener: StreamEventListener): void {
  onDestroy(subscribeEvent(name, listener))
}
