/** What the READY result's player shows. */
export type View = 'swapped' | 'original' | 'side'

export const VIEWS: [view: View, label: string][] = [
  ['swapped', 'Swapped'],
  ['original', 'Original'],
  ['side', 'Side by side'],
]

/** Side by side, the original is nudged back in step when it drifts further than this (seconds). */
export const MAX_DRIFT_S = 0.25

export function showsOriginal(view: View): boolean {
  return view === 'original' || view === 'side'
}

/** Seeks once the video knows its length (before that a seek may be lost). */
export function seek(video: HTMLVideoElement, time: number): void {
  if (video.readyState >= HTMLMediaElement.HAVE_METADATA) {
    if (Math.abs(video.currentTime - time) > 0.01) video.currentTime = time
    return
  }
  video.addEventListener('loadedmetadata', () => (video.currentTime = time), { once: true })
}

export function play(video: HTMLVideoElement): void {
  // Refused autoplay or an interrupted load: the user still has the controls.
  video.play().catch(() => {})
}

/** Stops playback and the Range download a player keeps open (a detached `<video>` may go on fetching). */
export function release(video: HTMLVideoElement | undefined): void {
  if (!video) return
  video.pause()
  video.removeAttribute('src')
  video.load()
}
