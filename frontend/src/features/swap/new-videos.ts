import { subscribeJobs } from '../../jobs.ts'
import { onUploadEvent } from '../../video-uploads.ts'
import { THUMBNAIL_JOB } from '../library/video-thumbnail.ts'

export interface NewVideosOptions {
  /** Whether the list shown has this video already. */
  shows: (videoId: string) => boolean
  /** The account may have a video the list lacks: fetch the list again. */
  onNew: () => void
  signal: AbortSignal
}

/**
 * Tells a video list that the account has a video it does not show: one
 * uploaded in another tab (every upload queues a THUMBNAIL job whose subject
 * is the new video, and the event stream says so as it happens) or in this
 * one. Each unknown video is reported once, so its job's later events
 * (running, done) cause no further fetches. Jobs the store merely loaded (at
 * sign-in, after a reconnect) are old news, except that after a reconnect
 * anything may have been missed: that is reported too.
 */
export function watchNewVideos(options: NewVideosOptions): void {
  const { shows, onNew, signal } = options
  const reported = new Set<string>()
  const seen = (videoId: string): void => {
    if (signal.aborted || shows(videoId) || reported.has(videoId)) return
    reported.add(videoId)
    onNew()
  }
  let disconnected = false
  const unsubscribeJobs = subscribeJobs((event) => {
    if (event.kind === 'stream') {
      if (event.state === 'reconnecting') disconnected = true
      else if (event.state === 'open' && disconnected) {
        disconnected = false
        if (!signal.aborted) onNew()
      }
      return
    }
    if (event.kind !== 'changed' || !event.live || event.job.type !== THUMBNAIL_JOB || event.job.subjectId === null) return
    seen(String(event.job.subjectId))
  })
  const unsubscribeUploads = onUploadEvent((event) => {
    if (event.kind === 'uploaded') seen(String(event.video.id))
  })
  signal.addEventListener(
    'abort',
    () => {
      unsubscribeJobs()
      unsubscribeUploads()
    },
    { once: true },
  )
}
