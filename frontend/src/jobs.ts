/**
 * The signed-in user's jobs, for pages and components: the job store
 * (`jobs/job-store.ts`), the live event stream that feeds it
 * (`jobs/job-stream.ts`, started by the app), and following a subject through
 * its job (`jobs/subject-watch.ts`). Svelte stores over them are in `stores/jobs.ts`.
 */
export {
  activeJobCount,
  cancelJob,
  currentJobs,
  jobById,
  jobsLoaded,
  latestJobFor,
  nameSubject,
  refreshJobs,
  streamState,
  subjectName,
  subscribeJobs,
  unsubscribeJobs,
  type JobsEvent,
  type JobsListener,
  type StreamState,
} from './jobs/job-store.ts'
export { followSignedInUser, subscribeEvent, type StreamEventListener } from './jobs/job-stream.ts'
export { isJobFor, watchSubjectJob, type SubjectJobWatch, type SubjectJobWatchOptions } from './jobs/subject-watch.ts'
