import type { Video } from '../../api/model/video.ts'
import { listVideos } from '../../api/videos.ts'
import { messageOf } from '../../ui/form.ts'
import { watchNewVideos } from './new-videos.ts'

/** A list of the account's videos as fetched, and whether it came from a refresh (the video shown stays chosen). */
export interface VideoList {
  videos: Video[]
  refreshed: boolean
}

/**
 * The videos the swap form offers: loaded when the form is first needed, and
 * fetched again when a video is uploaded meanwhile (in another tab too).
 */
export class SwapVideos {
  current = $state.raw<VideoList | undefined>(undefined)
  loading = $state(false)
  /** Why the list could not be loaded ('' when it could). */
  error = $state('')

  private readonly signal: AbortSignal
  /** A refresh of the list is on its way; another is due once it is here. */
  private refreshing = false
  private refreshAgain = false

  constructor(signal: AbortSignal) {
    this.signal = signal
    watchNewVideos({
      shows: (id) => this.current?.videos.some((video) => String(video.id) === id) ?? false,
      onNew: () => void this.refresh(),
      signal,
    })
  }

  async load(): Promise<void> {
    if (this.loading) return
    this.loading = true
    try {
      const videos = await listVideos(this.signal)
      if (this.signal.aborted) return
      this.error = ''
      this.current = { videos, refreshed: false }
      // News of a video that came while the list was on its way: it may not be in it.
      if (this.refreshAgain) void this.refresh()
    } catch (error) {
      if (this.signal.aborted) return
      this.error = `Could not load your videos. ${messageOf(error)} `
    } finally {
      this.loading = false
    }
  }

  // A video uploaded meanwhile joins the list; the one chosen stays chosen.
  private async refresh(): Promise<void> {
    if (this.current === undefined || this.refreshing) {
      // The first list (or a refresh) is on its way: look again once it is here.
      this.refreshAgain = this.loading || this.refreshing
      return
    }
    this.refreshing = true
    this.refreshAgain = false
    try {
      const videos = await listVideos(this.signal)
      if (this.signal.aborted) return
      this.current = { videos, refreshed: true }
    } catch {
      // The list shown stays; the next upload or reconnect tries again.
    } finally {
      this.refreshing = false
      if (this.refreshAgain && !this.signal.aborted) void this.refresh()
    }
  }
}
