/** `/library?train=<face set id>` opens "Train a model" with that set as A. */
export const TRAIN_PARAM = 'train'

/** The library link that opens "Train a model" with `faceSetId` as person A. */
export function trainWithFaceSetPath(faceSetId: string): string {
  return `/library?${TRAIN_PARAM}=${encodeURIComponent(faceSetId)}`
}

/**
 * The face set a `?train=` link asks for, taken out of the address bar so that a reload or Back does not open
 * the panel again; undefined when there is none.
 */
export function takeTrainParam(): string | undefined {
  const wanted = new URLSearchParams(location.search).get(TRAIN_PARAM)
  if (!wanted) return undefined
  const url = new URL(location.href)
  url.searchParams.delete(TRAIN_PARAM)
  history.replaceState(history.state, '', url.pathname + url.search + url.hash)
  return wanted
}
