import type { Video } from '../api/model/video.ts'
import { listVideos } from '../api/videos.ts'
import { el } from '../ui/dom.ts'
import { messageOf } from '../ui/form.ts'
import { activeUploadCount, onUploadEvent } from '../video-uploads.ts'
import type { LibrarySection } from './library-section.ts'
import { renderVideoCard } from './video-card.ts'
import { setupVideoUpload } from './video-upload.ts'

/**
 * Fills the Videos section: the upload area above, then a grid of video cards,
 * or the empty state when there are no videos and nothing is uploading.
 */
export function setupLibraryVideos(section: LibrarySection): () => void {
  const uploadArea = el('div')
  section.body.before(uploadArea)
  const upload = setupVideoUpload(uploadArea)

  const grid = el('ul', { class: 'library-items video-grid', role: 'list', 'aria-label': 'Your videos' })
  const cards = new Map<string, HTMLLIElement>()
  let failed = false
  /** Ends what the cards keep watching (their thumbnail jobs) when the page goes. */
  const lifetime = new AbortController()

  /** Grid, empty state, or (while the first video uploads) nothing. */
  const sync = (): void => {
    const body = section.body
    if (cards.size > 0) {
      if (grid.parentElement !== body) body.replaceChildren(grid)
    } else if (failed) {
      // The error stays until a retry succeeds.
    } else if (activeUploadCount() > 0) {
      if (body.childElementCount > 0) body.replaceChildren()
    } else if (!body.querySelector('.empty-state')) {
      section.showEmpty()
    }
  }

  const addCard = (video: Video, position: 'start' | 'end'): void => {
    const key = String(video.id)
    if (cards.has(key)) return
    const item = el(
      'li',
      {},
      renderVideoCard(
        video,
        {
          onRenamed: () => {},
          onDeleted: (deleted) => removeCard(deleted),
        },
        { signal: lifetime.signal },
      ),
    )
    cards.set(key, item)
    if (position === 'start') grid.prepend(item)
    else grid.append(item)
  }

  const removeCard = (video: Video): void => {
    const key = String(video.id)
    const item = cards.get(key)
    if (!item) return
    const neighbour = (item.nextElementSibling ?? item.previousElementSibling) as HTMLElement | null
    item.remove()
    cards.delete(key)
    sync()
    upload.refreshStorage()
    // Focus was on the card's Delete button: move it somewhere sensible.
    const target = neighbour?.querySelector<HTMLElement>('.video-name') ?? uploadArea.querySelector<HTMLElement>('#video-choose')
    target?.focus()
  }

  let controller: AbortController | undefined
  const load = async (): Promise<void> => {
    controller?.abort()
    const current = new AbortController()
    controller = current
    section.element.setAttribute('aria-busy', 'true')
    try {
      const videos = await listVideos(current.signal)
      if (current.signal.aborted) return
      // Cards added by uploads that finished while the list was loading stay on top.
      const early = [...cards.values()].filter((item) => {
        const id = item.querySelector<HTMLElement>('.video-card')?.dataset.videoId
        return !videos.some((v) => String(v.id) === id)
      })
      cards.clear()
      grid.replaceChildren()
      failed = false
      for (const video of videos) addCard(video, 'end')
      for (const item of early.reverse()) {
        const id = item.querySelector<HTMLElement>('.video-card')?.dataset.videoId
        if (id === undefined) continue
        cards.set(id, item)
        grid.prepend(item)
      }
      sync()
    } catch (error) {
      if (current.signal.aborted) return
      failed = true
      section.showError(`Could not load your videos. ${messageOf(error)}`, () => void load())
    } finally {
      if (controller === current) section.element.removeAttribute('aria-busy')
    }
  }

  const unsubscribe = onUploadEvent((event) => {
    if (event.kind === 'uploaded') {
      addCard(event.video, 'start')
      if (failed) {
        failed = false
        void load()
      }
    }
    // The empty state steps aside while uploads run.
    sync()
  })
  // Uploads from an earlier visit may still be running.
  if (activeUploadCount() > 0) sync()
  void load()

  return () => {
    unsubscribe()
    controller?.abort()
    lifetime.abort()
    upload.dispose()
  }
}
