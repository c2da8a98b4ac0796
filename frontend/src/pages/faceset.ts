import { deleteFaces, fetchCapabilities } from '../api/faces.ts'
import { deleteFaceSet, fetchFaceSet, listFaces, renameFaceSet } from '../api/facesets.ts'
import { ApiError } from '../api/http.ts'
import type { Job } from '../api/model/job.ts'
import type { FaceCapabilities, FaceSet, FaceSort } from '../api/model/faceset.ts'
import { fetchVideo } from '../api/videos.ts'
import { extractFormMarkup, setupExtractForm, type ExtractForm } from '../features/extract-form.ts'
import { BLURRY_SHARE, setupFaceGrid } from '../features/face-grid.ts'
import {
  detectorLabel,
  doubtfulText,
  everyNthText,
  faceCheckText,
  faceCountText,
  faceSetSummary,
  maskLabel,
  needsReview,
  watchExtraction,
} from '../features/faceset-meta.ts'
import { setupInlineRename } from '../features/inline-rename.ts'
import { trainWithFaceSetPath } from '../features/library/train-link.ts'
import { isUsableFaceSet } from '../features/model-create/usable.ts'
import { showNotFound, type NotFoundCard } from '../features/not-found-card.ts'
import { loadSubjectPage } from '../features/subject-page.ts'
import { videoPagePath } from '../features/video-meta.ts'
import { nameSubject, refreshJobs } from '../jobs.ts'
import { navigate } from '../router.ts'
import { confirmAction } from '../ui/confirm-dialog.ts'
import { el, find, fragment } from '../ui/dom.ts'
import { messageOf } from '../ui/form.ts'
import { formatCount, formatDateTime } from '../ui/format.ts'
import { icons } from '../ui/icons.ts'
import { showToast } from '../ui/toast.ts'

export const FACESET_MISSING = 'This face set does not exist or is not yours'

const FACESET_NOT_FOUND: NotFoundCard = { id: 'faceset', icon: icons.faces, title: 'Face set not found', heading: FACESET_MISSING }

/** The notice shown when faces can only be aligned on the eyes. */
export function landmarksNotice(problem: string | null): string {
  const why = (problem ?? '').trim().replace(/[.\s]+$/, '') || 'the landmark model could not be loaded'
  return `Landmarks are unavailable: ${why}. Faces are aligned on the eyes only, which trains a blurrier model.`
}

const SORT_LABELS: Record<FaceSort, string> = {
  frame: 'Frame',
  blur: 'Sharpest first',
  size: 'Largest first',
  score: 'Least face-like first',
}

/**
 * Route `/facesets/:id`: review a face set. Its summary, live extraction
 * progress, a warning when most faces may not be faces, the faces (sortable,
 * selectable, with masks on demand) with "Remove selected", "Extract again"
 * with other settings, Rename and Delete.
 */
export function setupFaceSet(outlet: HTMLElement, params: Record<string, string>): () => void {
  const id = params.id ?? ''
  outlet.replaceChildren(
    fragment(`
      <div class="page-inner page-wide faceset-page">
        <nav class="back-nav faceset-nav" aria-label="Back">
          <a id="faceset-back" class="back-link" href="/library">${icons.arrowLeft}<span>Library</span></a>
          <a id="faceset-video-link" class="back-link" hidden>${icons.video}<span>Source video</span></a>
        </nav>
        <header class="video-header faceset-header">
          <div class="video-heading">
            <h1 id="faceset-title" tabindex="-1">Loading face set…</h1>
            <p class="video-subtitle faceset-subtitle" hidden></p>
          </div>
          <div class="video-header-actions" hidden>
            <a id="faceset-train" class="btn btn-secondary btn-sm faceset-train" hidden>${icons.sparkle}<span>Train a model with this face set</span></a>
            <button id="faceset-rename" type="button" class="btn btn-secondary btn-sm faceset-rename">${icons.pencil}<span>Rename</span></button>
            <button id="faceset-delete" type="button" class="btn btn-secondary btn-sm btn-danger-outline faceset-delete">${icons.trash}<span>Delete</span></button>
          </div>
        </header>
        <p id="faceset-live" class="visually-hidden" role="status" aria-live="polite"></p>
        <div class="faceset-content"></div>
      </div>
    `),
  )
  return loadSubjectPage(outlet, {
    id: 'faceset',
    noun: 'face set',
    fetch: async (signal) => {
      // Capabilities only add the notice and the detector list: the page works without them.
      const capabilities = fetchCapabilities(signal).catch(() => undefined)
      return { faceSet: await fetchFaceSet(id, signal), capabilities }
    },
    show: ({ faceSet, capabilities }, signal) => showFaceSet(outlet, faceSet, capabilities, signal),
    onMissing: () => showNotFound(outlet, FACESET_NOT_FOUND),
  })
}

function showFaceSet(
  outlet: HTMLElement,
  initial: FaceSet,
  capabilitiesPromise: Promise<FaceCapabilities | undefined>,
  signal: AbortSignal,
): () => void {
  let faceSet = initial
  const title = find(outlet, '#faceset-title')
  const subtitle = find(outlet, '.faceset-subtitle')
  const actions = find(outlet, '.video-header-actions')
  const content = find(outlet, '.faceset-content')
  const live = find(outlet, '#faceset-live')
  const videoLink = find<HTMLAnchorElement>(outlet, '#faceset-video-link')
  const trainLink = find<HTMLAnchorElement>(outlet, '#faceset-train')

  content.replaceChildren(
    fragment(`
      <p id="landmarks-notice" class="notice notice-warning" hidden></p>
      <div id="faceset-review" class="notice notice-warning faceset-review" hidden>
        <div>
          <p><strong class="faceset-review-count"></strong></p>
          <p>A second face model found no clear face in them: background, objects, or faces cut off by a wrong alignment. A model trained on them learns noise. Look at them first and remove the ones that are not faces.</p>
          <p class="faceset-review-actions"><button id="review-doubtful" type="button" class="btn btn-secondary btn-sm">Show them first</button></p>
        </div>
      </div>
      <section id="faceset-state" class="card faceset-state" aria-labelledby="faceset-state-title" hidden>
        <div class="faceset-state-head">
          <span class="faceset-state-icon" aria-hidden="true"></span>
          <h2 id="faceset-state-title" class="faceset-state-title"></h2>
          <span class="faceset-state-percent" aria-hidden="true"></span>
        </div>
        <progress id="faceset-extract-progress" class="job-progress faceset-extract-progress" max="100" aria-labelledby="faceset-state-title"></progress>
        <p class="faceset-state-message"></p>
        <p class="faceset-state-note" hidden>The faces below are replaced when it finishes.</p>
        <p class="faceset-state-retry" hidden><button type="button" class="btn btn-secondary btn-sm">Try other settings</button></p>
      </section>
      <div class="faceset-layout">
        <section class="card faces-card" aria-labelledby="faces-title">
          <header class="faces-header">
            <div class="card-heading">
              <h2 id="faces-title" class="card-title">Faces</h2>
              <p id="faces-summary" class="card-summary">Sharpness: higher is sharper. Size: the face's width in the video.</p>
            </div>
            <div class="faces-controls">
              <div class="faces-sort">
                <label for="face-sort">Sort</label>
                <select id="face-sort" name="sort">
                  ${(Object.keys(SORT_LABELS) as FaceSort[]).map((key) => `<option value="${key}">${SORT_LABELS[key]}</option>`).join('')}
                </select>
              </div>
              <button id="show-masks" type="button" class="btn btn-secondary btn-sm" aria-pressed="false">${icons.mask}<span>Show masks</span></button>
            </div>
          </header>
          <div class="selection-bar" role="group" aria-label="Selection">
            <p id="selected-count" class="selected-count" aria-live="polite"></p>
            <div class="selection-actions">
              <button id="select-doubtful" type="button" class="btn btn-ghost btn-sm" hidden>${icons.warning}<span>Select the ones that may not be faces</span></button>
              <button id="select-blurry" type="button" class="btn btn-ghost btn-sm">${icons.focus}<span>Select blurriest ${Math.round(BLURRY_SHARE * 100)} %</span></button>
              <button id="clear-selection" type="button" class="btn btn-ghost btn-sm">Clear</button>
              <button id="remove-selected" type="button" class="btn btn-danger btn-sm">${icons.trash}<span>Remove selected</span></button>
            </div>
          </div>
          <p class="faces-hint">Click faces to select them (Shift+click for a range), then remove the bad ones: blurred, turned away, or someone else.</p>
          <p class="faces-status" hidden></p>
          <ul id="face-grid" aria-labelledby="faces-title"></ul>
        </section>
        <aside class="faceset-side">
          <section class="card faceset-summary-card" aria-labelledby="faceset-summary-title">
            <h2 id="faceset-summary-title" class="card-title">Summary</h2>
            <dl id="faceset-summary" class="details faceset-details"></dl>
          </section>
          <section id="extract-card" class="card extract-card" aria-labelledby="extract-title">
            <h2 id="extract-title" class="card-title">Extract again</h2>
            <p class="card-summary">Try other settings when faces are missing or wrong.</p>
          </section>
        </aside>
      </div>
    `),
  )

  const notice = find(content, '#landmarks-notice')
  const review = find(content, '#faceset-review')
  const reviewCount = find(review, '.faceset-review-count')
  const state = find(content, '#faceset-state')
  const stateTitle = find(content, '#faceset-state-title')
  const statePercent = find(content, '.faceset-state-percent')
  const stateIcon = find(content, '.faceset-state-icon')
  const progress = find<HTMLProgressElement>(content, '#faceset-extract-progress')
  const stateMessage = find(content, '.faceset-state-message')
  const stateNote = find(content, '.faceset-state-note')
  const stateRetry = find(content, '.faceset-state-retry')
  find(stateRetry, 'button').addEventListener('click', () => {
    const first = content.querySelector<HTMLInputElement>('#extract-every-nth')
    first?.scrollIntoView({ block: 'center', behavior: 'smooth' })
    first?.focus({ preventScroll: true })
  })
  const sortSelect = find<HTMLSelectElement>(content, '#face-sort')
  const masksButton = find<HTMLButtonElement>(content, '#show-masks')
  const selectedCount = find(content, '#selected-count')
  const selectBlurry = find<HTMLButtonElement>(content, '#select-blurry')
  const selectDoubtful = find<HTMLButtonElement>(content, '#select-doubtful')
  const clearSelection = find<HTMLButtonElement>(content, '#clear-selection')
  const removeSelected = find<HTMLButtonElement>(content, '#remove-selected')
  const facesStatus = find(content, '.faces-status')
  const selectionBar = find(content, '.selection-bar')
  const facesHint = find(content, '.faces-hint')
  const summary = find(content, '#faceset-summary')
  const extractCard = find(content, '#extract-card')

  const announce = (text: string): void => {
    live.textContent = ''
    // A fresh node change, so the same sentence twice is still read.
    window.setTimeout(() => {
      live.textContent = text
    }, 50)
  }

  // --- Faces -----------------------------------------------------------------

  let removing = false
  const grid = setupFaceGrid(find(content, '#face-grid'), {
    onSelectionChange: () => syncSelection(),
  })

  const syncSelection = (): void => {
    const count = grid.selectedIds().length
    const total = grid.faces().length
    selectedCount.textContent = `${formatCount(count)} of ${faceCountText(total)} selected`
    removeSelected.disabled = count === 0 || removing
    clearSelection.hidden = count === 0
    selectBlurry.disabled = total === 0
    selectDoubtful.hidden = grid.doubtful().length === 0
    // Nothing to select from (yet): no selection tools either.
    selectionBar.hidden = total === 0
    facesHint.hidden = total === 0
    removeSelected.setAttribute('aria-label', count > 0 ? `Remove ${faceCountText(count)}` : 'Remove selected')
  }

  let facesController: AbortController | undefined
  let facesLoaded = false
  const loadFaces = async (): Promise<void> => {
    facesController?.abort()
    const current = new AbortController()
    facesController = current
    signal.addEventListener('abort', () => current.abort(), { once: true })
    const sort = sortSelect.value as FaceSort
    const gridElement = find(content, '#face-grid')
    gridElement.setAttribute('aria-busy', 'true')
    if (!facesLoaded) showFacesStatus('loading')
    try {
      const faces = await listFaces(faceSet.id, sort, current.signal)
      if (current.signal.aborted) return
      facesLoaded = true
      grid.setFaces(faces)
      showFacesStatus(faces.length === 0 ? 'empty' : undefined)
    } catch (error) {
      if (current.signal.aborted) return
      showFacesStatus('error', messageOf(error))
    } finally {
      if (facesController === current) gridElement.removeAttribute('aria-busy')
    }
  }

  const showFacesStatus = (kind: 'loading' | 'empty' | 'error' | undefined, detail = ''): void => {
    facesStatus.hidden = kind === undefined
    facesStatus.className = `faces-status${kind === 'error' ? ' status-error' : ''}`
    facesStatus.removeAttribute('role')
    if (kind === 'loading') {
      facesStatus.replaceChildren(el('span', { class: 'spinner', 'aria-hidden': 'true' }), 'Loading faces…')
    } else if (kind === 'empty') {
      facesStatus.textContent =
        faceSet.status === 'EXTRACTING'
          ? 'Faces appear here when extraction finishes.'
          : faceSet.status === 'FAILED'
            ? 'No faces. Try extracting again with other settings.'
            : 'No faces in this set.'
    } else if (kind === 'error') {
      const retry = el('button', { type: 'button', class: 'btn btn-link' }, 'Try again')
      retry.addEventListener('click', () => void loadFaces())
      facesStatus.setAttribute('role', 'alert')
      facesStatus.replaceChildren(`Could not load the faces. ${detail} `, retry)
    }
  }

  sortSelect.addEventListener('change', () => void loadFaces())

  masksButton.addEventListener('click', () => {
    const show = masksButton.getAttribute('aria-pressed') !== 'true'
    masksButton.setAttribute('aria-pressed', String(show))
    grid.setMasks(show)
  })

  selectBlurry.addEventListener('click', () => {
    const ids = grid.blurriest()
    grid.select(ids)
    announce(`Selected the ${ids.length === 1 ? 'blurriest face' : `${formatCount(ids.length)} blurriest faces`}.`)
  })

  selectDoubtful.addEventListener('click', () => {
    const ids = grid.doubtful()
    grid.select(ids)
    announce(`Selected ${ids.length === 1 ? 'the face that may not be a face' : `the ${formatCount(ids.length)} faces that may not be faces`}.`)
  })

  find(review, '#review-doubtful').addEventListener('click', () => {
    sortSelect.value = 'score'
    void loadFaces()
    find(content, '.faces-card').scrollIntoView({ block: 'start', behavior: 'smooth' })
  })

  clearSelection.addEventListener('click', () => {
    grid.clearSelection()
    removeSelected.focus()
  })

  removeSelected.addEventListener('click', async () => {
    const ids = grid.selectedIds()
    if (ids.length === 0 || removing) return
    const confirmed = await confirmAction({
      title: ids.length === 1 ? 'Remove this face?' : `Remove these ${formatCount(ids.length)} faces?`,
      message: `${ids.length === 1 ? 'It leaves' : 'They leave'} “${faceSet.name}” for good. This cannot be undone.`,
      confirmLabel: ids.length === 1 ? 'Remove face' : `Remove ${formatCount(ids.length)} faces`,
      signal,
    })
    if (!confirmed || removing || signal.aborted) return
    removing = true
    removeSelected.classList.add('is-busy')
    syncSelection()
    try {
      const deleted = await deleteFaces(ids)
      if (signal.aborted) return
      grid.remove(ids)
      faceSet = { ...faceSet, faceCount: Math.max(0, faceSet.faceCount - deleted) }
      render()
      if (grid.faces().length === 0) showFacesStatus('empty')
      showToast(deleted === 1 ? 'Removed 1 face.' : `Removed ${formatCount(deleted)} faces.`)
      // Focus was on the (now disabled) button: the first tile is a good place to go on from.
      ;(grid.focusTarget() ?? sortSelect).focus()
      void refresh()
    } catch (error) {
      showToast(`Could not remove the faces. ${messageOf(error)}`, 'error')
    } finally {
      removing = false
      removeSelected.classList.remove('is-busy')
      syncSelection()
    }
  })

  // --- Summary and state -----------------------------------------------------

  let job: Job | undefined

  const detail = (key: string, label: string, value: Node | string): HTMLElement =>
    el('div', { class: 'detail' }, el('dt', {}, label), el('dd', { id: `faceset-detail-${key}` }, value))

  const renderSummary = (): void => {
    const created = el('time', { datetime: faceSet.createdAt }, formatDateTime(faceSet.createdAt))
    summary.replaceChildren(
      detail('faces', 'Faces', formatCount(faceSet.faceCount)),
      detail('frames', 'Frames scanned', formatCount(faceSet.framesScanned)),
      detail('frames-with-faces', 'Frames with faces', formatCount(faceSet.framesWithFaces)),
      detail('face-check', 'Face check', faceCheckText(faceSet)),
      detail('detector', 'Detector', detectorLabel(faceSet.detector)),
      detail('mask', 'Mask', maskLabel(faceSet.mask ?? 'hull')),
      detail('every-nth', 'Frames', everyNthText(faceSet.everyNthFrame)),
      detail('min-size', 'Min. face size', `${formatCount(faceSet.minFaceSize)} px`),
      detail('max-faces', 'Faces per frame', `at most ${formatCount(faceSet.maxFacesPerFrame)}`),
      detail(
        'alignment',
        'Alignment',
        faceSet.landmarks
          ? el('span', { class: 'alignment alignment-landmarks' }, '68 landmarks')
          : el('span', { class: 'alignment alignment-eyes' }, 'Eyes only'),
      ),
      detail('created', faceSet.videoId === null ? 'Merged' : 'Created', created),
    )
  }

  const renderState = (): void => {
    const extracting = faceSet.status === 'EXTRACTING'
    const failed = faceSet.status === 'FAILED'
    state.hidden = !extracting && !failed
    state.dataset.status = faceSet.status
    stateIcon.replaceChildren(extracting ? el('span', { class: 'spinner' }) : fragment(icons.warning))
    progress.hidden = !extracting
    if (extracting) {
      const percent = job ? Math.round(job.progress * 100) : undefined
      stateTitle.textContent = faceSet.faceCount > 0 ? 'Extracting again…' : 'Finding faces…'
      statePercent.textContent = percent === undefined ? '' : `${percent} %`
      if (percent === undefined) progress.removeAttribute('value')
      else if (progress.value !== percent) progress.value = percent
      const text = job?.message?.trim() || (job?.status === 'QUEUED' ? 'Waiting for a worker…' : 'Starting…')
      stateMessage.textContent = text
      stateNote.hidden = faceSet.faceCount === 0
    } else if (failed) {
      stateTitle.textContent = 'Extraction failed'
      statePercent.textContent = ''
      stateMessage.textContent = faceSet.message?.trim() || 'No faces could be extracted. Try again with other settings.'
      stateNote.hidden = true
    }
    stateRetry.hidden = !failed || !extract
  }

  const render = (): void => {
    title.textContent = faceSet.name
    document.title = `${faceSet.name} · Doppel`
    nameSubject(faceSet.id, faceSet.name)
    subtitle.textContent =
      faceSet.status === 'EXTRACTING'
        ? faceSet.faceCount > 0 ? `${faceCountText(faceSet.faceCount)} · extracting again` : 'Finding faces…'
        : faceSet.status === 'FAILED'
          ? `${faceCountText(faceSet.faceCount)} · extraction failed`
          : needsReview(faceSet)
            ? `${faceCountText(faceSet.faceCount)} · ${doubtfulText(faceSet)}`
            : faceSetSummary(faceSet) || faceCountText(faceSet.faceCount)
    subtitle.hidden = false
    review.hidden = !needsReview(faceSet)
    reviewCount.textContent = `${doubtfulText(faceSet)}.`
    trainLink.href = trainWithFaceSetPath(String(faceSet.id))
    trainLink.hidden = !isUsableFaceSet(faceSet)
    renderSummary()
    renderState()
    extract?.update(faceSet)
    syncSelection()
  }

  // --- Header: video link, rename, delete --------------------------------------

  if (faceSet.videoId !== null) {
    const videoId = faceSet.videoId
    videoLink.href = videoPagePath(videoId)
    videoLink.hidden = false
    fetchVideo(videoId, signal)
      .then((video) => {
        find(videoLink, 'span').textContent = `Video: ${video.name}`
        videoLink.title = video.name
      })
      .catch((error: unknown) => {
        // The video is gone: nothing to link to.
        if (error instanceof ApiError && error.status === 404) videoLink.hidden = true
      })
  }

  actions.hidden = false
  const renameButton = find<HTMLButtonElement>(actions, '#faceset-rename')
  const deleteButton = find<HTMLButtonElement>(actions, '#faceset-delete')
  setupInlineRename({
    name: () => faceSet.name,
    save: async (name) => {
      const updated = await renameFaceSet(faceSet.id, { name })
      faceSet = { ...faceSet, name: updated.name }
      render()
    },
    title,
    trigger: renameButton,
    prefix: 'faceset-rename',
    label: 'Face set name',
  })

  deleteButton.addEventListener('click', async () => {
    const count = faceSet.faceCount
    const faces = count === 0 ? '' : count === 1 ? 'Its one face goes with it. ' : `Its ${faceCountText(count)} go with it. `
    const confirmed = await confirmAction({
      title: `Delete “${faceSet.name}”?`,
      message: `${faces}This cannot be undone.`,
      confirmLabel: 'Delete face set',
      signal,
    })
    if (!confirmed || signal.aborted) return
    deleteButton.disabled = true
    try {
      await deleteFaceSet(faceSet.id)
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) {
        deleteButton.disabled = false
        deleteButton.focus()
        showToast(`Could not delete “${faceSet.name}”. ${messageOf(error)}`, 'error')
        return
      }
    }
    showToast(`Deleted “${faceSet.name}”.`)
    navigate('/library')
  })

  // --- Extract again -----------------------------------------------------------

  let extract: ExtractForm | undefined
  if (faceSet.videoId === null) {
    extractCard.append(
      el('p', { class: 'extract-note' }, 'A merged face set has no video of its own. Extract again from the face sets it was made of, then merge them anew.'),
    )
  } else {
    extractCard.append(extractFormMarkup())
    extract = setupExtractForm(find<HTMLFormElement>(extractCard, '#extract-form'), {
      faceSet: () => faceSet,
      onAccepted: (accepted) => {
        faceSet = { ...faceSet, status: 'EXTRACTING' }
        job = accepted.status === 'QUEUED' || accepted.status === 'RUNNING' ? accepted : undefined
        render()
        watch.check()
        announce('Extracting faces again.')
        state.scrollIntoView({ block: 'nearest', behavior: 'smooth' })
        // The job's events will follow; the list makes sure it is known even if they are late.
        void refreshJobs()
      },
    })
  }

  // --- Live ------------------------------------------------------------------

  const refresh = async (): Promise<void> => {
    try {
      const fresh = await fetchFaceSet(faceSet.id, signal)
      if (signal.aborted) return
      faceSet = fresh
      render()
    } catch {
      // What is shown stays; the next change will try again.
    }
  }

  const watch = watchExtraction({
    faceSet: () => faceSet,
    onProgress: (next) => {
      // Keep the accepted job until the store knows a newer one.
      if (next || !job || job.status === 'SUCCEEDED' || job.status === 'FAILED') job = next
      renderState()
    },
    onFaceSet: (fresh) => {
      const before = faceSet.status
      faceSet = fresh
      job = undefined
      render()
      if (before === 'EXTRACTING' && fresh.status !== 'EXTRACTING') {
        if (fresh.status === 'READY') announce(`Extraction finished: ${faceCountText(fresh.faceCount)}.${needsReview(fresh) ? ` ${doubtfulText(fresh)}.` : ''}`)
        else announce(`Extraction failed. ${fresh.message ?? ''}`)
        void loadFaces()
      }
    },
    onGone: () => showNotFound(outlet, FACESET_NOT_FOUND),
    signal,
  })

  capabilitiesPromise.then((caps) => {
    if (signal.aborted || !caps) return
    notice.textContent = landmarksNotice(caps.landmarks ? null : caps.landmarksProblem)
    notice.hidden = caps.landmarks
    extract?.setDetectors(caps.detectors, faceSet.detector)
    extract?.setMasks(caps.masks ?? [], faceSet.mask)
    extract?.update(faceSet)
  })

  render()
  void loadFaces()

  return () => {
    watch.stop()
    grid.dispose()
    facesController?.abort()
  }
}
