import type { Result } from '../api/model/result.ts'
import { resultContentUrl, resultThumbnailUrl } from '../api/results.ts'
import { videoContentUrl } from '../api/videos.ts'
import { el, find, fragment } from '../ui/dom.ts'

type View = 'swapped' | 'original' | 'side'

const VIEWS: [view: View, label: string][] = [
  ['swapped', 'Swapped'],
  ['original', 'Original'],
  ['side', 'Side by side'],
]

/** Side by side, the original is nudged back in step when it drifts further than this (seconds). */
const MAX_DRIFT_S = 0.25

export interface ResultPlayer {
  element: HTMLElement
  /** Stops playback and the Range downloads the players keep open. */
  dispose(): void
}

/**
 * The READY result's player: the swapped video (`#result-video`), the source
 * (`#result-original`, loaded the first time it is asked for) or both side by
 * side, switched with `#result-view-swapped`, `#result-view-original` and
 * `#result-view-side`. Switching carries the time (and playing or not) over;
 * side by side, the original follows the swapped one's play, pause, seek and
 * speed, muted so that only one soundtrack plays.
 */
export function setupResultPlayer(result: Result): ResultPlayer {
  const element = el('div', { class: 'result-player', 'data-view': 'swapped' })
  element.append(
    fragment(`
      <div class="result-views" role="group" aria-label="Show">
        ${VIEWS.map(
          ([view, label]) =>
            `<button id="result-view-${view}" type="button" class="btn btn-secondary btn-sm" aria-pressed="${view === 'swapped'}" aria-controls="result-stage">${label}</button>`,
        ).join('')}
      </div>
      <div id="result-stage" class="result-stage">
        <figure class="result-pane result-pane-swapped">
          <div class="player-frame"></div>
          <figcaption class="result-pane-caption">Swapped</figcaption>
        </figure>
        <figure class="result-pane result-pane-original" hidden>
          <div class="player-frame"></div>
          <figcaption class="result-pane-caption">Original</figcaption>
        </figure>
      </div>
    `),
  )
  const swappedPane = find(element, '.result-pane-swapped')
  const originalPane = find(element, '.result-pane-original')
  const buttons = VIEWS.map(([view]) => find<HTMLButtonElement>(element, `#result-view-${view}`))

  const makeVideo = (id: string, src: string, label: string): HTMLVideoElement => {
    const video = el('video', { id, controls: true, preload: 'metadata', playsinline: true, src, 'aria-label': label })
    if (result.width && result.height) video.style.aspectRatio = `${result.width} / ${result.height}`
    video.append('Your browser cannot play this video. Use Download to watch it in another player.')
    return video
  }

  const swapped = makeVideo('result-video', resultContentUrl(result.id), `Swapped: ${result.name}`)
  swapped.poster = resultThumbnailUrl(result.id, result.finishedAt ?? undefined)
  find(swappedPane, '.player-frame').append(swapped)
  let original: HTMLVideoElement | undefined

  /** Seeks once the video knows its length (before that a seek may be lost). */
  const seek = (video: HTMLVideoElement, time: number): void => {
    if (video.readyState >= HTMLMediaElement.HAVE_METADATA) {
      if (Math.abs(video.currentTime - time) > 0.01) video.currentTime = time
      return
    }
    video.addEventListener('loadedmetadata', () => (video.currentTime = time), { once: true })
  }

  const play = (video: HTMLVideoElement): void => {
    // Refused autoplay or an interrupted load: the user still has the controls.
    video.play().catch(() => {})
  }

  let view: View = 'swapped'
  const showsOriginal = (): boolean => view === 'original' || view === 'side'

  const ensureOriginal = (): HTMLVideoElement => {
    if (original) return original
    original = makeVideo('result-original', videoContentUrl(result.videoId), `Original: ${result.videoName}`)
    find(originalPane, '.player-frame').append(original)
    return original
  }

  // --- Side by side: the original follows the swapped one --------------------------

  const follow = (): HTMLVideoElement | undefined => (view === 'side' ? original : undefined)
  swapped.addEventListener('play', () => {
    const other = follow()
    if (other) {
      seek(other, swapped.currentTime)
      play(other)
    }
  })
  swapped.addEventListener('playing', () => {
    const other = follow()
    if (other && other.paused) play(other)
  })
  for (const type of ['pause', 'waiting', 'ended']) {
    swapped.addEventListener(type, () => follow()?.pause())
  }
  for (const type of ['seeking', 'seeked']) {
    swapped.addEventListener(type, () => {
      const other = follow()
      if (other) seek(other, swapped.currentTime)
    })
  }
  swapped.addEventListener('ratechange', () => {
    if (original) original.playbackRate = swapped.playbackRate
  })
  swapped.addEventListener('timeupdate', () => {
    const other = follow()
    if (other && !swapped.paused && Math.abs(other.currentTime - swapped.currentTime) > MAX_DRIFT_S) seek(other, swapped.currentTime)
  })

  // --- Switching views ----------------------------------------------------------------

  const setView = (next: View): void => {
    if (next === view) return
    // Whoever was in charge hands over its time and whether it was playing.
    const leader = view === 'original' && original ? original : swapped
    const time = leader.currentTime
    const playing = !leader.paused && !leader.ended
    view = next
    element.dataset.view = next
    buttons.forEach((button, index) => button.setAttribute('aria-pressed', String(VIEWS[index]![0] === next)))
    swappedPane.hidden = next === 'original'
    originalPane.hidden = !showsOriginal()
    const other = showsOriginal() ? ensureOriginal() : original
    if (other) {
      other.muted = next === 'side'
      other.playbackRate = swapped.playbackRate
    }

    const visible = next === 'original' ? [other!] : next === 'side' ? [swapped, other!] : [swapped]
    for (const video of [swapped, original]) if (video && !visible.includes(video)) video.pause()
    for (const video of visible) seek(video, time)
    if (playing) visible.forEach(play)
  }

  buttons.forEach((button, index) => button.addEventListener('click', () => setView(VIEWS[index]![0])))

  const dispose = (): void => {
    for (const video of [swapped, original]) {
      if (!video) continue
      video.pause()
      video.removeAttribute('src')
      video.load()
    }
  }

  return { element, dispose }
}
