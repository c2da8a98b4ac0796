import type { Video } from '../api/model/video.ts'
import { nameSubject } from '../jobs.ts'
import { el, fragment } from '../ui/dom.ts'
import { formatBytes, formatDuration, formatFps, formatResolution } from '../ui/format.ts'
import { icons } from '../ui/icons.ts'
import { confirmAndDeleteVideo } from './video-delete.ts'
import { audioBadge, durationAttr, videoPagePath } from './video-meta.ts'
import { setupVideoRename } from './video-rename.ts'
import { thumbnailPlaceholder, watchThumbnail, type ThumbnailState } from './video-thumbnail.ts'

export interface VideoCardHandlers {
  onRenamed: (video: Video) => void
  onDeleted: (video: Video) => void
}

/**
 * One `.video-card`: thumbnail and name (both open the player), duration,
 * resolution, audio, fps and size, with Rename and Delete. While the video's
 * thumbnail is being made the card shows "Preparing…" (see video-thumbnail.ts);
 * `signal` ends that watch.
 */
export function renderVideoCard(
  initial: Video,
  handlers: VideoCardHandlers,
  options: { signal?: AbortSignal } = {},
): HTMLElement {
  let video = initial
  const href = videoPagePath(video.id)
  const titleId = `video-card-title-${String(video.id).replace(/[^\w-]/g, '_')}`

  const thumb = el('img', {
    class: 'video-thumb',
    alt: video.name,
    loading: 'lazy',
    decoding: 'async',
  })
  if (video.width > 0 && video.height > 0) {
    thumb.width = video.width
    thumb.height = video.height
  }
  const placeholder = el('span', { class: 'video-thumb-placeholder', 'aria-hidden': 'true' })
  const thumbBox = el(
    'div',
    { class: 'video-thumb-box' },
    // The name link below is the one keyboard and screen-reader users get; this is a bigger mouse target.
    el('a', { class: 'video-thumb-link', href, tabindex: '-1', 'aria-hidden': 'true' }, thumb),
    placeholder,
    el('time', { class: 'video-duration', datetime: durationAttr(video.durationSeconds) }, formatDuration(video.durationSeconds)),
  )

  /** `ready` (the image), `preparing` (spinner) or `missing`; never a broken image. */
  const showThumbnail = (state: ThumbnailState): void => {
    thumbBox.dataset.thumbnail = state.kind
    thumbBox.classList.toggle('is-preparing', state.kind === 'preparing')
    thumbBox.classList.toggle('is-missing', state.kind === 'missing')
    if (state.kind === 'ready') {
      placeholder.replaceChildren()
      if (thumb.getAttribute('src') !== state.url) thumb.src = state.url
    } else {
      thumb.removeAttribute('src')
      placeholder.replaceChildren(thumbnailPlaceholder(state.kind))
    }
  }
  thumb.addEventListener('error', () => {
    if (thumb.getAttribute('src')) showThumbnail({ kind: 'missing' })
  })
  watchThumbnail(video, showThumbnail, {
    signal: options.signal,
    owner: thumbBox,
    onVideo: (fresh) => {
      video = { ...video, thumbnailReady: fresh.thumbnailReady }
    },
  })

  const nameLink = el('a', { class: 'video-name', href, title: video.name }, video.name)
  const title = el('h3', { id: titleId, class: 'video-card-title' }, nameLink)

  const renameButton = el('button', { type: 'button', class: 'btn btn-ghost btn-sm video-rename' })
  renameButton.append(fragment(icons.pencil), el('span', {}, 'Rename'))
  const deleteButton = el('button', { type: 'button', class: 'btn btn-ghost btn-sm btn-ghost-danger video-delete' })
  deleteButton.append(fragment(icons.trash), el('span', {}, 'Delete'))

  const card = el(
    'article',
    { class: 'video-card', 'data-video-id': String(video.id), 'aria-labelledby': titleId },
    thumbBox,
    el(
      'div',
      { class: 'video-card-body' },
      title,
      el(
        'p',
        { class: 'video-facts' },
        el('span', { class: 'video-resolution' }, formatResolution(video.width, video.height)),
        audioBadge(video),
      ),
      el(
        'p',
        { class: 'video-meta' },
        el('span', { class: 'video-fps' }, formatFps(video.fps)),
        el('span', { class: 'video-size' }, formatBytes(video.sizeBytes)),
      ),
    ),
    el('div', { class: 'video-actions' }, renameButton, deleteButton),
  )

  const showName = (): void => {
    nameLink.textContent = video.name
    nameLink.title = video.name
    thumb.alt = video.name
    renameButton.setAttribute('aria-label', `Rename “${video.name}”`)
    deleteButton.setAttribute('aria-label', `Delete “${video.name}”`)
    nameSubject(video.id, video.name)
  }
  showName()

  setupVideoRename({
    video: () => video,
    title,
    trigger: renameButton,
    onRenamed: (updated) => {
      video = updated
      showName()
      handlers.onRenamed(updated)
    },
  })

  deleteButton.addEventListener('click', async () => {
    const deleted = await confirmAndDeleteVideo(video, () => {
      card.setAttribute('aria-busy', 'true')
      deleteButton.disabled = true
      renameButton.disabled = true
    })
    if (deleted) {
      handlers.onDeleted(video)
      return
    }
    card.removeAttribute('aria-busy')
    deleteButton.disabled = false
    renameButton.disabled = false
    deleteButton.focus()
  })

  return card
}
