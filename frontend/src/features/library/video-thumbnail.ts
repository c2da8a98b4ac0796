import { ApiError } from '../../api/http.ts'
import type { Job } from '../../api/model/job.ts'
import type { Video } from '../../api/model/video.ts'
import { fetchVideo, videoThumbnailUrl } from '../../api/videos.ts'
import { latestJobFor, subscribeJobs } from '../../jobs.ts'

/** The job type that makes a video's thumbnail; its `subjectId` is the video id. */
export const THUMBNAIL_JOB = 'THUMBNAIL'

export const THUMBNAIL_PREPARING = 'Preparing…'
export const THUMBNAIL_MISSING = 'No thumbnail'

export type ThumbnailState =
  | { kind: 'ready'; url: string }
  /** Its THUMBNAIL job has not finished yet. */
  | { kind: 'preparing' }
  /** Its THUMBNAIL job failed or was cancelled. */
  | { kind: 'missing' }

export interface WatchOptions {
  /** Stops watching when aborted. */
  signal?: AbortSignal
  /** Stops watching once this element has been in the page and left it. */
  owner?: Element
  /** The video as fetched again after its thumbnail was made. */
  onVideo?: (video: Video) => void
}

/**
 * Follows a video's thumbnail. A video that says it is ready reports `ready` at
 * once; otherwise it is `preparing` until its THUMBNAIL job ends: then the video
 * is fetched again and the image swapped in (with a cache-busting URL), or it
 * is `missing` when the job failed or was cancelled.
 */
export function watchThumbnail(
  video: Video,
  onState: (state: ThumbnailState) => void,
  options: WatchOptions = {},
): void {
  const { signal, owner, onVideo } = options
  if (video.thumbnailReady !== false) {
    onState({ kind: 'ready', url: videoThumbnailUrl(video.id) })
    return
  }
  if (signal?.aborted) return

  let current: ThumbnailState['kind'] | undefined
  let seenInPage = false
  let fetching = false
  const show = (state: ThumbnailState): void => {
    if (state.kind === current && state.kind !== 'ready') return
    current = state.kind
    onState(state)
  }

  const finish = async (job: Job): Promise<void> => {
    fetching = true
    stop()
    try {
      const fresh = await fetchVideo(video.id, signal)
      if (signal?.aborted) return
      onVideo?.(fresh)
    } catch (error) {
      if (signal?.aborted) return
      // Deleted meanwhile: nothing left to show.
      if (error instanceof ApiError && error.status === 404) return
      // Otherwise the job's word is enough to try the image.
    }
    show({ kind: 'ready', url: videoThumbnailUrl(video.id, job.id) })
  }

  const check = (): void => {
    if (fetching) return
    const job = latestJobFor(THUMBNAIL_JOB, video.id)
    if (job?.status === 'SUCCEEDED') void finish(job)
    else if (job?.status === 'FAILED' || job?.status === 'CANCELLED') show({ kind: 'missing' })
    // No job known yet (the list is loading, or the event is on its way): still preparing.
    else show({ kind: 'preparing' })
  }

  const unsubscribe = subscribeJobs((event) => {
    if (owner) {
      if (owner.isConnected) seenInPage = true
      else if (seenInPage) {
        stop()
        return
      }
    }
    if (event.kind === 'synced' || (event.kind === 'changed' && isThumbnailJobOf(event.job, video))) check()
  })
  const stop = (): void => {
    unsubscribe()
    signal?.removeEventListener('abort', stop)
  }
  signal?.addEventListener('abort', stop, { once: true })
  check()
}

function isThumbnailJobOf(job: Job, video: Video): boolean {
  return job.type === THUMBNAIL_JOB && job.subjectId !== null && String(job.subjectId) === String(video.id)
}

