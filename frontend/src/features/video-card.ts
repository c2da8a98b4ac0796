import type { Video } from '../api/model/video.ts'
import { videoThumbnailUrl } from '../api/videos.ts'
import { el, fragment } from '../ui/dom.ts'
import { formatBytes, formatDuration, formatFps, formatResolution } from '../ui/format.ts'
import { icons } from '../ui/icons.ts'
import { confirmAndDeleteVideo } from './video-delete.ts'
import { audioBadge, durationAttr, videoPagePath } from './video-meta.ts'
import { setupVideoRename } from './video-rename.ts'

export interface VideoCardHandlers {
  onRenamed: (video: Video) => void
  onDeleted: (video: Video) => void
}

/**
 * One `.video-card`: thumbnail and name (both open the player), duration,
 * resolution, audio, fps and size, with Rename and Delete.
 */
export function renderVideoCard(initial: Video, handlers: VideoCardHandlers): HTMLElement {
  let video = initial
  const href = videoPagePath(video.id)
  const titleId = `video-card-title-${String(video.id).replace(/[^\w-]/g, '_')}`

  const thumb = el('img', {
    class: 'video-thumb',
    src: videoThumbnailUrl(video.id),
    alt: video.name,
    loading: 'lazy',
    decoding: 'async',
  })
  if (video.width > 0 && video.height > 0) {
    thumb.width = video.width
    thumb.height = video.height
  }
  const thumbBox = el(
    'div',
    { class: 'video-thumb-box' },
    // The name link below is the one keyboard and screen-reader users get; this is a bigger mouse target.
    el('a', { class: 'video-thumb-link', href, tabindex: '-1', 'aria-hidden': 'true' }, thumb),
    el('time', { class: 'video-duration', datetime: durationAttr(video.durationSeconds) }, formatDuration(video.durationSeconds)),
  )
  thumb.addEventListener('error', () => thumbBox.classList.add('is-missing'), { once: true })
  const placeholder = el('span', { class: 'video-thumb-placeholder', 'aria-hidden': 'true' })
  placeholder.append(fragment(icons.video))
  thumbBox.append(placeholder)

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
    card.setAttribute('aria-busy', 'true')
    deleteButton.disabled = true
    renameButton.disabled = true
    const deleted = await confirmAndDeleteVideo(video)
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
