import { fetchFaceSet } from '../api/facesets.ts'
import { ApiError } from '../api/http.ts'
import type { Job } from '../api/model/job.ts'
import { isInProgress, type Result } from '../api/model/result.ts'
import { fetchModel } from '../api/models.ts'
import { deleteResult, fetchResult, resultContentUrl } from '../api/results.ts'
import { modelPagePath } from '../features/model-meta.ts'
import { showNotFound, type NotFoundCard } from '../features/not-found-card.ts'
import {
  blendLabel,
  colourLabel,
  facesLabel,
  directionText,
  jobPercent,
  resultStatusLabel,
  resultStatusText,
  swapFormPath,
  watchResult,
} from '../features/result-meta.ts'
import { setupResultPlayer, type ResultPlayer } from '../features/result-player.ts'
import { setupResultReport, type PeopleNames, type ResultReport } from '../features/result-report.ts'
import { loadSubjectPage } from '../features/subject-page.ts'
import { durationAttr, videoPagePath } from '../features/video-meta.ts'
import { nameSubject } from '../jobs.ts'
import { waitingText } from '../features/queue-place.ts'
import { navigate } from '../router.ts'
import { confirmAction } from '../ui/confirm-dialog.ts'
import { el, find, fragment } from '../ui/dom.ts'
import { messageOf } from '../ui/form.ts'
import { formatBytes, formatCount, formatDateTime, formatDuration, formatFps, formatResolution, formatTimeLeft } from '../ui/format.ts'
import { icons } from '../ui/icons.ts'
import { showToast } from '../ui/toast.ts'

export const RESULT_MISSING = 'This result does not exist or is not yours'

const RESULT_NOT_FOUND: NotFoundCard = { id: 'result', icon: icons.results, title: 'Result not found', heading: RESULT_MISSING }

export const PROVENANCE_NOTE = 'This video is marked as AI-generated: a metadata tag always, and a visible label unless turned off.'

/**
 * Route `/results/:id`: a swap, live while its SWAP job runs (status,
 * progress, time left); once READY the player (swapped, original, side by
 * side), Download, the details and the quality report; if it FAILED, why and
 * "Try again" on the model's swap form. Delete is always there.
 */
export function setupResult(outlet: HTMLElement, params: Record<string, string>): () => void {
  const id = params.id ?? ''
  outlet.replaceChildren(
    fragment(`
      <div class="page-inner page-wide result-page">
        <nav class="back-nav" aria-label="Back">
          <a id="result-back" class="back-link" href="/library">${icons.arrowLeft}<span>Library</span></a>
        </nav>
        <header class="video-header">
          <div class="video-heading">
            <h1 id="result-title" tabindex="-1">Loading result…</h1>
            <p class="video-subtitle result-subtitle" hidden></p>
          </div>
          <div class="video-header-actions" hidden>
            <a id="result-download" class="btn btn-secondary btn-sm" download hidden>${icons.download}<span>Download</span></a>
            <button id="result-delete" type="button" class="btn btn-secondary btn-sm btn-danger-outline">${icons.trash}<span>Delete</span></button>
          </div>
        </header>
        <div class="result-content"></div>
      </div>
    `),
  )
  return loadSubjectPage(outlet, {
    id: 'result',
    noun: 'result',
    fetch: (signal) => fetchResult(id, signal),
    show: (result, signal) => showResult(outlet, result, signal),
    onMissing: () => showNotFound(outlet, RESULT_NOT_FOUND),
  })
}

function showResult(outlet: HTMLElement, initial: Result, signal: AbortSignal): () => void {
  let result = initial
  const title = find(outlet, '#result-title')
  const subtitle = find(outlet, '.result-subtitle')
  const actions = find(outlet, '.video-header-actions')
  const download = find<HTMLAnchorElement>(actions, '#result-download')
  const deleteButton = find<HTMLButtonElement>(actions, '#result-delete')
  const content = find(outlet, '.result-content')

  content.replaceChildren(
    fragment(`
      <section id="result-state" class="card result-state" aria-labelledby="result-state-title">
        <h2 id="result-state-title" class="visually-hidden">Status</h2>
        <div class="result-state-head">
          <p id="result-status" class="result-status-line"></p>
          <p id="result-eta" class="result-eta" hidden></p>
        </div>
        <progress id="result-progress" class="job-progress" max="100" aria-label="Swap progress" hidden></progress>
        <p id="result-message" class="result-state-message" hidden></p>
        <p class="result-failed" hidden><a id="result-retry" class="btn btn-secondary btn-sm">${icons.retry}<span>Try again</span></a></p>
        <p id="result-live" class="visually-hidden" role="status" aria-live="polite"></p>
      </section>
      <div class="video-layout result-layout">
        <div class="result-main">
          <div class="result-player-slot"></div>
          <p id="result-provenance" class="notice result-provenance"></p>
        </div>
        <section class="card video-details-card" aria-labelledby="result-details-title">
          <h2 id="result-details-title" class="card-title">Details</h2>
          <dl id="result-details" class="details video-details"></dl>
        </section>
      </div>
    `),
  )
  const statusLine = find(content, '#result-status')
  const eta = find(content, '#result-eta')
  const progress = find<HTMLProgressElement>(content, '#result-progress')
  const message = find(content, '#result-message')
  const failed = find(content, '.result-failed')
  const retry = find<HTMLAnchorElement>(content, '#result-retry')
  const live = find(content, '#result-live')
  const slot = find(content, '.result-player-slot')
  const provenance = find(content, '#result-provenance')
  const details = find(content, '#result-details')

  let job: Job | undefined
  let names: PeopleNames = {}
  let player: ResultPlayer | undefined
  let report: ResultReport | undefined
  let announced = result.status

  // --- Status ------------------------------------------------------------------

  const renderStatus = (): void => {
    const running = isInProgress(result.status)
    statusLine.dataset.status = result.status
    statusLine.textContent = resultStatusText(result, job)

    const percent = running ? jobPercent(job) : undefined
    progress.hidden = !running
    if (percent !== undefined) {
      if (progress.value !== percent) progress.value = percent
    } else {
      // Waiting, or nothing measured yet: an indeterminate bar.
      progress.removeAttribute('value')
    }
    const left = running && job?.status === 'RUNNING' && job.etaSeconds !== null ? formatTimeLeft(job.etaSeconds) : ''
    eta.textContent = left
    eta.hidden = left === ''

    const said = !running
      ? ''
      : result.status === 'QUEUED'
        ? waitingText(job, result.message)
        : job?.message?.trim() || result.message?.trim() || ''
    const text = result.status === 'READY' && result.finishedAt ? `Finished ${formatDateTime(result.finishedAt)}.` : said
    message.textContent = text
    message.hidden = text === ''

    failed.hidden = result.status !== 'FAILED'
    retry.href = swapFormPath(result.modelId)
  }

  /** Only a change of phase is announced, never a number ticking. */
  const announce = (): void => {
    if (result.status === announced) return
    announced = result.status
    live.textContent =
      result.status === 'READY'
        ? 'The swap is ready.'
        : result.status === 'FAILED'
          ? resultStatusText(result, job)
          : `${resultStatusLabel(result.status)}…`
  }

  // --- Header ------------------------------------------------------------------

  const renderHeader = (): void => {
    title.textContent = result.name
    document.title = `${result.name} · Doppel`
    nameSubject(result.id, result.name)
    subtitle.textContent = `${result.videoName}, swapped by ${result.modelName} · created ${formatDateTime(result.createdAt)}`
    subtitle.hidden = false
    actions.hidden = false
    const ready = result.status === 'READY'
    download.hidden = !ready
    if (ready) download.href = resultContentUrl(result.id, true)
    else download.removeAttribute('href')
  }

  // --- The video ---------------------------------------------------------------

  const renderVideo = (): void => {
    if (result.status === 'READY') {
      if (!player) {
        player = setupResultPlayer(result)
        slot.replaceChildren(player.element)
      }
    } else {
      const waiting = isInProgress(result.status)
      const box = el('div', { class: waiting ? 'result-placeholder' : 'result-placeholder is-failed' })
      box.append(
        waiting ? el('span', { class: 'spinner', 'aria-hidden': 'true' }) : fragment(icons.results),
        el('span', {}, waiting ? 'The swapped video appears here when it is ready.' : 'No video: the swap did not finish.'),
      )
      slot.replaceChildren(box)
    }
    // A failed swap made no video to mark.
    provenance.hidden = result.status === 'FAILED'
    const label = result.options?.label !== false
    provenance.textContent = `${PROVENANCE_NOTE} ${label ? 'This one shows the label.' : 'The visible label is off for this one; the metadata tag is still there.'}`
  }

  // --- Details -----------------------------------------------------------------

  const detail = (key: string, label: string, value: Node | string, wide = false): HTMLElement =>
    el('div', { class: wide ? 'detail detail-wide' : 'detail' }, el('dt', {}, label), el('dd', { id: `result-detail-${key}` }, value))

  const number = (value: number | null | undefined): string => (typeof value === 'number' && Number.isFinite(value) ? formatCount(value) : '—')

  const renderDetails = (): void => {
    const { frameCount, framesWithFaces, durationSeconds, width, height, options } = result
    // Counted as the swap goes: only a finished swap has the number.
    const faces =
      result.status === 'READY' && typeof framesWithFaces === 'number' && typeof frameCount === 'number' && frameCount > 0
        ? `${formatCount(framesWithFaces)} (${Math.round((framesWithFaces / frameCount) * 100)} %)`
        : '—'
    const duration =
      typeof durationSeconds === 'number' && durationSeconds > 0
        ? el('time', { datetime: durationAttr(durationSeconds) }, formatDuration(durationSeconds))
        : '—'
    const fineTune = options.fineTuneIterations > 0 ? `${formatCount(options.fineTuneIterations)} iterations first` : 'None (quick swap)'
    const optionList = el(
      'ul',
      { class: 'result-options' },
      el('li', {}, `Faces: ${facesLabel(options.faces ?? 'largest', result.direction === 'B_TO_A' ? names.b : names.a)}`),
      el('li', {}, `Colours: ${colourLabel(options.colour)}`),
      el('li', {}, `Edges: ${blendLabel(options.blend)}`),
      el('li', {}, `Mask: shrunk ${options.maskErode} %, edge softened ${options.maskFeather} %`),
      el('li', {}, `Label: ${options.label ? 'visible “AI-generated” label' : 'metadata tag only'}`),
      el('li', {}, `Fine-tuning: ${fineTune}`),
    )
    details.replaceChildren(
      detail('model', 'Model', el('a', { href: modelPagePath(result.modelId) }, result.modelName), true),
      detail('video', 'Source video', el('a', { href: videoPagePath(result.videoId) }, result.videoName), true),
      detail('direction', 'Direction', directionText(result.direction, names), true),
      detail('frames', 'Frames', number(frameCount)),
      detail('faces', 'Frames with a swapped face', faces),
      detail('duration', 'Duration', duration),
      detail('resolution', 'Resolution', width && height ? formatResolution(width, height) : '—'),
      detail('fps', 'Frame rate', typeof result.fps === 'number' ? formatFps(result.fps) : '—'),
      detail('size', 'Size', typeof result.sizeBytes === 'number' && result.sizeBytes > 0 ? formatBytes(result.sizeBytes) : '—'),
      detail('audio', 'Audio', result.hasAudio === null ? '—' : result.hasAudio ? 'Kept from the source' : 'None'),
      detail('options', 'Options', optionList, true),
    )
  }

  // --- Quality report --------------------------------------------------------------

  const renderReport = (): void => {
    if (result.status !== 'READY' || report) return
    report = setupResultReport(result, signal)
    report.setNames(names)
    content.append(report.element)
  }

  // --- Updates -----------------------------------------------------------------

  const render = (): void => {
    renderHeader()
    renderStatus()
    renderVideo()
    renderDetails()
    renderReport()
  }

  const setResult = (fresh: Result): void => {
    result = fresh
    if (!isInProgress(fresh.status)) job = undefined
    render()
    announce()
    watch.check()
  }

  const watch = watchResult({
    result: () => result,
    onJob: (next) => {
      job = next
      renderStatus()
    },
    onResult: setResult,
    onGone: () => {
      player?.dispose()
      showNotFound(outlet, RESULT_NOT_FOUND)
    },
    signal,
  })

  // The people's names, for the direction and the report; "A" and "B" until then.
  fetchModel(result.modelId, signal)
    .then((model) =>
      Promise.all([fetchFaceSet(model.faceSetA, signal), fetchFaceSet(model.faceSetB, signal)].map((p) => p.catch(() => undefined))),
    )
    .then(([a, b]) => {
      if (signal.aborted) return
      names = { a: a?.name, b: b?.name }
      renderDetails()
      report?.setNames(names)
    })
    .catch(() => {
      // The model may be gone; the letters will do.
    })

  // --- Delete --------------------------------------------------------------------

  deleteButton.addEventListener('click', async () => {
    const confirmed = await confirmAction({
      title: `Delete “${result.name}”?`,
      message: 'The swapped video goes for good. This cannot be undone.',
      confirmLabel: 'Delete result',
      signal,
    })
    if (!confirmed || signal.aborted) return
    deleteButton.disabled = true
    try {
      await deleteResult(result.id)
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) {
        deleteButton.disabled = false
        deleteButton.focus()
        showToast(`Could not delete “${result.name}”. ${messageOf(error)}`, 'error')
        return
      }
    }
    showToast(`Deleted “${result.name}”.`)
    navigate('/library')
  })

  render()
  // "starts in about 8 min" counts down between events.
  const clock = window.setInterval(() => {
    if (result.status === 'QUEUED') renderStatus()
  }, 5_000)

  return () => {
    window.clearInterval(clock)
    watch.stop()
    player?.dispose()
  }
}
