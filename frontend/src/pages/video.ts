import { listFaceSets } from '../api/facesets.ts'
import type { Video } from '../api/model/video.ts'
import { fetchVideo, videoContentUrl } from '../api/videos.ts'
import { faceSetPagePath } from '../features/faceset-meta.ts'
import { showNotFound, type NotFoundCard } from '../features/not-found-card.ts'
import { loadSubjectPage } from '../features/subject-page.ts'
import { confirmAndDeleteVideo } from '../features/video-delete.ts'
import { audioBadge, durationAttr } from '../features/video-meta.ts'
import { setupVideoRename } from '../features/video-rename.ts'
import { thumbnailPlaceholder, watchThumbnail } from '../features/library/video-thumbnail.ts'
import { nameSubject } from '../jobs.ts'
import { navigate } from '../router.ts'
import { el, find, fragment } from '../ui/dom.ts'
import {
  formatBytes,
  formatCount,
  formatDateTime,
  formatDuration,
  formatFps,
  formatResolution,
} from '../ui/format.ts'
import { icons } from '../ui/icons.ts'
import { showToast } from '../ui/toast.ts'

export const VIDEO_MISSING = 'This video does not exist or is not yours'

const VIDEO_NOT_FOUND: NotFoundCard = { id: 'video', icon: icons.video, title: 'Video not found', heading: VIDEO_MISSING }

/** Route `/videos/:id`: the player, the video's details, Rename and Delete. */
export function setupVideo(outlet: HTMLElement, params: Record<string, string>): () => void {
  const id = params.id ?? ''
  outlet.replaceChildren(
    fragment(`
      <div class="page-inner page-wide video-page">
        <nav class="back-nav" aria-label="Back">
          <a id="video-back" class="back-link" href="/library">${icons.arrowLeft}<span>Library</span></a>
        </nav>
        <header class="video-header">
          <div class="video-heading">
            <h1 id="video-title" tabindex="-1">Loading video…</h1>
            <p class="video-subtitle" hidden></p>
          </div>
          <div class="video-header-actions" hidden>
            <a id="video-facesets-link" class="btn btn-secondary btn-sm video-facesets-link" hidden>${icons.faceSmall}<span>Faces in this video</span></a>
            <a class="btn btn-secondary btn-sm video-download" download>${icons.download}<span>Download</span></a>
            <button type="button" class="btn btn-secondary btn-sm video-rename">${icons.pencil}<span>Rename</span></button>
            <button type="button" class="btn btn-secondary btn-sm btn-danger-outline video-delete">${icons.trash}<span>Delete</span></button>
          </div>
        </header>
        <div class="video-content" aria-live="polite"></div>
      </div>
    `),
  )
  return loadSubjectPage(outlet, {
    id: 'video',
    noun: 'video',
    fetch: (signal) => fetchVideo(id, signal),
    show: (video, signal) => {
      const player = showVideo(outlet, video, signal)
      return () => {
        // Stop playback and the Range download it keeps open.
        player.pause()
        player.removeAttribute('src')
        player.load()
      }
    },
    onMissing: () => showNotFound(outlet, VIDEO_NOT_FOUND),
  })
}

function showVideo(outlet: HTMLElement, initial: Video, signal: AbortSignal): HTMLVideoElement {
  let video = initial
  const title = find(outlet, '#video-title')
  const subtitle = find(outlet, '.video-subtitle')
  const actions = find(outlet, '.video-header-actions')
  const content = find(outlet, '.video-content')

  const player = el('video', {
    id: 'video-player',
    controls: true,
    preload: 'metadata',
    playsinline: true,
    src: videoContentUrl(video.id),
  })
  if (video.width > 0 && video.height > 0) player.style.aspectRatio = `${video.width} / ${video.height}`
  player.append('Your browser cannot play this video. Use Download to watch it in another player.')

  // The poster: the thumbnail once it exists; until then "Preparing…" over the
  // player (never a broken image). It plays all the same.
  const posterNote = el('div', { class: 'player-poster-note', 'aria-hidden': 'true', hidden: true })
  let started = false
  player.addEventListener('play', () => {
    started = true
    posterNote.hidden = true
  })
  watchThumbnail(
    video,
    (state) => {
      player.dataset.thumbnail = state.kind
      if (state.kind === 'ready') {
        player.poster = state.url
        posterNote.hidden = true
      } else {
        player.removeAttribute('poster')
        posterNote.replaceChildren(thumbnailPlaceholder(state.kind))
        posterNote.dataset.state = state.kind
        // A failed thumbnail needs no notice here: the player shows the video's first frame.
        posterNote.hidden = started || state.kind !== 'preparing'
      }
    },
    { signal },
  )

  const WIDE = new Set(['container', 'uploaded'])
  const detail = (key: string, label: string, value: Node | string): HTMLElement =>
    el(
      'div',
      { class: WIDE.has(key) ? 'detail detail-wide' : 'detail' },
      el('dt', {}, label),
      el('dd', { id: `video-detail-${key}` }, value),
    )
  const uploaded = el('time', { datetime: video.createdAt }, formatDateTime(video.createdAt))
  const details = el(
    'dl',
    { class: 'details video-details' },
    detail('duration', 'Duration', el('time', { datetime: durationAttr(video.durationSeconds) }, formatDuration(video.durationSeconds))),
    detail('resolution', 'Resolution', formatResolution(video.width, video.height)),
    detail('fps', 'Frame rate', formatFps(video.fps)),
    detail('frames', 'Frames', formatCount(video.frameCount)),
    detail('codec', 'Video codec', video.videoCodec ? video.videoCodec.toUpperCase() : '—'),
    detail(
      'audio',
      'Audio',
      video.hasAudio && video.audioCodec ? audioBadgeWith(video, video.audioCodec.toUpperCase()) : audioBadge(video, 'detail-audio'),
    ),
    detail('size', 'Size', formatBytes(video.sizeBytes)),
    detail('bitrate', 'Bit rate', formatBitRate(video.sizeBytes, video.durationSeconds)),
    // FFmpeg names some formats by family ("mov,mp4,m4a,…"): let it wrap.
    detail('container', 'Container', video.container ? video.container.split(',').join(', ') : '—'),
    detail('uploaded', 'Uploaded', uploaded),
  )
  const sizeValue = find(details, '#video-detail-size')
  sizeValue.title = `${formatCount(video.sizeBytes)} bytes`

  content.replaceChildren(
    el(
      'div',
      { class: 'video-layout' },
      el('div', { class: 'player-frame' }, player, posterNote),
      el(
        'section',
        { class: 'card video-details-card', 'aria-labelledby': 'video-details-title' },
        el('h2', { id: 'video-details-title', class: 'card-title' }, 'Details'),
        details,
      ),
    ),
  )

  const showName = (): void => {
    title.textContent = video.name
    document.title = `${video.name} · Doppel`
    nameSubject(video.id, video.name)
  }
  showName()
  subtitle.textContent = `${formatDuration(video.durationSeconds)} · ${formatResolution(video.width, video.height)} · uploaded ${formatDateTime(video.createdAt)}`
  subtitle.hidden = false

  void linkFaceSet(find<HTMLAnchorElement>(actions, '#video-facesets-link'), video, signal)

  const download = find<HTMLAnchorElement>(actions, '.video-download')
  download.href = videoContentUrl(video.id)
  download.download = video.name
  const renameButton = find<HTMLButtonElement>(actions, '.video-rename')
  const deleteButton = find<HTMLButtonElement>(actions, '.video-delete')
  actions.hidden = false

  setupVideoRename({
    video: () => video,
    title,
    trigger: renameButton,
    onRenamed: (updated) => {
      video = updated
      showName()
      download.download = video.name
    },
  })

  deleteButton.addEventListener('click', async () => {
    const deleted = await confirmAndDeleteVideo(video, () => {
      deleteButton.disabled = true
    })
    if (!deleted) {
      deleteButton.disabled = false
      deleteButton.focus()
      return
    }
    showToast(`Deleted “${video.name}”.`)
    navigate('/library')
  })
  return player
}

/**
 * Points `#video-facesets-link` ("Faces in this video") at the face set made
 * from this video (the newest, should there be several); it stays hidden when
 * there is none or the list cannot be loaded.
 */
async function linkFaceSet(link: HTMLAnchorElement, video: Video, signal: AbortSignal): Promise<void> {
  try {
    const faceSets = await listFaceSets(signal)
    if (signal.aborted) return
    const own = faceSets.find((faceSet) => faceSet.videoId !== null && String(faceSet.videoId) === String(video.id))
    if (!own) return
    link.href = faceSetPagePath(own.id)
    link.title = `Review the faces found in this video (${own.name})`
    link.hidden = false
  } catch {
    // A missing link is no loss here: the library lists the face sets too.
  }
}

/** Average over the whole file, e.g. "529 kb/s", "4.2 Mb/s". */
function formatBitRate(bytes: number, seconds: number): string {
  if (!(seconds > 0) || !(bytes > 0)) return '—'
  const kbps = (bytes * 8) / seconds / 1000
  if (kbps < 1000) return `${Math.round(kbps)} kb/s`
  return `${new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(kbps / 1000)} Mb/s`
}

function audioBadgeWith(video: Video, codec: string): HTMLElement {
  const badge = audioBadge(video, 'detail-audio')
  badge.append(el('span', { class: 'detail-muted' }, ` (${codec})`))
  return badge
}
