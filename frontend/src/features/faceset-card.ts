import { faceImageUrl } from '../api/faces.ts'
import { listFaces } from '../api/facesets.ts'
import type { Job } from '../api/model/job.ts'
import type { FaceSet } from '../api/model/faceset.ts'
import { nameSubject } from '../jobs.ts'
import { navigate } from '../router.ts'
import { el, fragment } from '../ui/dom.ts'
import { icons } from '../ui/icons.ts'
import {
  doubtfulText,
  faceCountText,
  faceSetPagePath,
  faceSetStateLabel,
  faceSetSummary,
  needsReview,
  watchExtraction,
} from './faceset-meta.ts'

/** Faces in a card's mosaic. */
const MOSAIC_SIZE = 4

export interface FaceSetCard {
  element: HTMLElement
  faceSet: () => FaceSet
  /** Shows a fresher copy of the set (e.g. from a list reload). */
  update: (faceSet: FaceSet) => void
  /** The `.faceset-select` checkbox (shown while merging). */
  select: HTMLInputElement
}

export interface FaceSetCardOptions {
  /** Ends what the card keeps watching (its EXTRACT job) when the page goes. */
  signal?: AbortSignal
  /** Its READY/EXTRACTING/FAILED state changed. */
  onChange?: (faceSet: FaceSet) => void
  /** It was deleted elsewhere (a 404 when fetched again). */
  onGone?: (faceSet: FaceSet) => void
}

/**
 * One `.faceset-card`: a 2×2 mosaic of its first faces, its name, face count and
 * status (with the EXTRACT job's progress while extracting) and message; a set
 * whose faces are mostly not faces says "Needs review" and how many. The
 * card opens the set's review page; a `.faceset-select` checkbox is there for
 * merging, hidden until the library asks for it.
 */
export function renderFaceSetCard(initial: FaceSet, options: FaceSetCardOptions = {}): FaceSetCard {
  let faceSet = initial
  const href = faceSetPagePath(faceSet.id)
  const safeId = String(faceSet.id).replace(/[^\w-]/g, '_')
  const titleId = `faceset-card-title-${safeId}`

  const mosaic = el('div', { class: 'faceset-mosaic' })
  const mosaicLink = el('a', { class: 'faceset-mosaic-link', href, tabindex: '-1', 'aria-hidden': 'true' }, mosaic)

  const nameLink = el('a', { class: 'faceset-name', href })
  const title = el('h3', { id: titleId, class: 'faceset-card-title' }, nameLink)
  const count = el('span', { class: 'faceset-count' })
  const status = el('span', { class: 'faceset-status' })
  const progress = el('progress', { class: 'faceset-progress', max: '100', 'aria-labelledby': titleId, hidden: true })
  const message = el('p', { class: 'faceset-message' })

  const select = el('input', { type: 'checkbox', class: 'faceset-select', 'aria-describedby': `${titleId}-state` })
  const selectLabel = el('label', { class: 'faceset-select-label', hidden: true }, select)
  const stateText = el('span', { id: `${titleId}-state`, class: 'visually-hidden' })

  const card = el(
    'article',
    { class: 'faceset-card', 'data-faceset-id': String(faceSet.id), 'aria-labelledby': titleId },
    el('div', { class: 'faceset-mosaic-box' }, mosaicLink, selectLabel),
    el(
      'div',
      { class: 'faceset-card-body' },
      title,
      el('p', { class: 'faceset-facts' }, count, status),
      progress,
      message,
      stateText,
    ),
  )

  // The whole card opens the review page; links, the checkbox and its label do their own thing.
  card.addEventListener('click', (event) => {
    const target = event.target
    if (!(target instanceof Element) || target.closest('a, button, input, label')) return
    if (window.getSelection()?.toString()) return
    navigate(href)
  })

  // --- Mosaic ----------------------------------------------------------------

  let mosaicFor: string | undefined
  let mosaicController: AbortController | undefined
  const showMosaicPlaceholder = (kind: 'extracting' | 'empty' | 'failed'): void => {
    mosaic.dataset.state = kind
    const box = el('span', { class: 'faceset-mosaic-placeholder' })
    if (kind === 'extracting') box.append(el('span', { class: 'spinner', 'aria-hidden': 'true' }), el('span', { class: 'thumb-note' }, 'Finding faces…'))
    else box.append(fragment(icons.faces), el('span', { class: 'thumb-note' }, kind === 'failed' ? 'No faces' : 'No faces yet'))
    mosaic.replaceChildren(box)
  }

  const loadMosaic = async (): Promise<void> => {
    // One fetch per state of the set: a changed face count or a fresh extraction loads it again.
    const key = `${faceSet.status}:${faceSet.faceCount}`
    if (key === mosaicFor) return
    mosaicFor = key
    mosaicController?.abort()
    if (faceSet.status === 'EXTRACTING') {
      showMosaicPlaceholder('extracting')
      return
    }
    if (faceSet.faceCount <= 0) {
      showMosaicPlaceholder(faceSet.status === 'FAILED' ? 'failed' : 'empty')
      return
    }
    const current = new AbortController()
    mosaicController = current
    options.signal?.addEventListener('abort', () => current.abort(), { once: true })
    try {
      const faces = await listFaces(faceSet.id, 'frame', current.signal)
      if (current.signal.aborted) return
      const first = faces.slice(0, MOSAIC_SIZE)
      if (first.length === 0) {
        showMosaicPlaceholder('empty')
        return
      }
      mosaic.dataset.state = 'faces'
      mosaic.dataset.count = String(first.length)
      mosaic.replaceChildren(
        ...first.map((face, index) =>
          el('img', {
            class: 'faceset-thumb',
            src: faceImageUrl(face.id),
            alt: `Face ${index + 1} of “${faceSet.name}”, frame ${face.frameIndex}`,
            width: '128',
            height: '128',
            loading: 'lazy',
            decoding: 'async',
          }),
        ),
      )
    } catch {
      if (current.signal.aborted) return
      mosaicFor = undefined
      showMosaicPlaceholder('empty')
    }
  }

  // --- State -----------------------------------------------------------------

  let job: Job | undefined
  const render = (): void => {
    card.dataset.status = faceSet.status
    nameLink.textContent = faceSet.name
    nameLink.title = faceSet.name
    count.textContent = faceCountText(faceSet.faceCount)
    status.dataset.status = faceSet.status
    const review = needsReview(faceSet)
    status.className = `faceset-status faceset-status-${review ? 'review' : faceSet.status.toLowerCase()}`

    const extracting = faceSet.status === 'EXTRACTING'
    const percent = job ? Math.round(job.progress * 100) : undefined
    status.textContent = extracting && percent !== undefined ? `${faceSetStateLabel(faceSet)} · ${percent} %` : faceSetStateLabel(faceSet)
    progress.hidden = !extracting
    if (extracting && percent !== undefined) {
      if (progress.value !== percent) progress.value = percent
    } else {
      // No job known yet: an indeterminate bar.
      progress.removeAttribute('value')
    }

    const text = (extracting ? job?.message?.trim() || faceSet.message?.trim() : review ? doubtfulText(faceSet) : faceSetSummary(faceSet)) ?? ''
    message.textContent = text
    // Long messages are clamped: the whole sentence is a hover away.
    message.title = text
    message.hidden = text === ''
    message.classList.toggle('is-error', faceSet.status === 'FAILED')
    message.classList.toggle('is-warning', review)

    const ready = faceSet.status === 'READY'
    select.disabled = !ready
    if (!ready) select.checked = false
    select.setAttribute('aria-label', `Merge “${faceSet.name}”`)
    selectLabel.title = ready ? `Include “${faceSet.name}” in the merge` : 'Only ready face sets can be merged'
    stateText.textContent = ready ? '' : faceSet.status === 'EXTRACTING' ? 'Still extracting, cannot be merged yet.' : 'Failed, cannot be merged.'

    nameSubject(faceSet.id, faceSet.name)
    void loadMosaic()
  }

  const update = (fresh: FaceSet): void => {
    const before = faceSet.status
    faceSet = fresh
    if (fresh.status !== 'EXTRACTING') job = undefined
    render()
    watch.check()
    if (before !== fresh.status) options.onChange?.(fresh)
  }

  const watch = watchExtraction({
    faceSet: () => faceSet,
    onProgress: (next) => {
      job = next
      render()
    },
    onFaceSet: update,
    onGone: () => options.onGone?.(faceSet),
    signal: options.signal,
    owner: card,
  })
  render()

  return { element: card, faceSet: () => faceSet, update, select }
}
