import { fetchFaceSet } from '../api/facesets.ts'
import { ApiError } from '../api/http.ts'
import type { Job } from '../api/model/job.ts'
import { isTraining, type FaceModel, type LossPoint, type Preset, type TrainingLimits } from '../api/model/model.ts'
import {
  deleteModel,
  fetchLossHistory,
  fetchModel,
  isLossEvent,
  isPreviewEvent,
  listPresets,
  LOSS_EVENT,
  PREVIEW_EVENT,
  previewUrl,
  resumeModel,
  stopModel,
} from '../api/models.ts'
import { faceSetPagePath } from '../features/faceset-meta.ts'
import type { LossChart } from '../features/loss-chart.ts'
import {
  etaFromSeconds,
  FALLBACK_PRESETS,
  formatLoss,
  formatRate,
  iterationsText,
  modelStatusLabel,
  parseTrainMessage,
  presetLabel,
  throttle,
  watchTraining,
} from '../features/model-meta.ts'
import { showNotFound, type NotFoundCard } from '../features/not-found-card.ts'
import { loadSubjectPage } from '../features/subject-page.ts'
import { setupSwapForm, SWAP_HASH } from '../features/swap-form.ts'
import { nameSubject, refreshJobs, subscribeEvent, subscribeJobs } from '../jobs.ts'
import { waitingText } from '../features/queue-place.ts'
import { navigate } from '../router.ts'
import { confirmAction } from '../ui/confirm-dialog.ts'
import { el, find, fragment } from '../ui/dom.ts'
import { FormController, messageOf } from '../ui/form.ts'
import { formatCount, formatDateTime, formatTimeSpent } from '../ui/format.ts'
import { icons } from '../ui/icons.ts'
import { showToast } from '../ui/toast.ts'

export const MODEL_MISSING = 'This model does not exist or is not yours'

const MODEL_NOT_FOUND: NotFoundCard = { id: 'model', icon: icons.model, title: 'Model not found', heading: MODEL_MISSING }

/** The preview grid's columns, left to right, and what each shows. */
export const PREVIEW_COLUMNS: [label: string, meaning: string][] = [
  ['A', 'A face of person A, as it is'],
  ['A→A', 'That face rebuilt by decoder A'],
  ['A→B', 'That face sent through decoder B: the swap'],
  ['B', 'A face of person B, as it is'],
  ['B→B', 'That face rebuilt by decoder B'],
  ['B→A', 'That face sent through decoder A'],
]

const LOG_SCALE_KEY = 'doppel.lossLogScale'

/** Recent loss points (with when they came) for the speed when the job does not say it. */
interface Tick {
  iteration: number
  at: number
}

/**
 * Route `/models/:id`: a model's training, live. Its status with Stop or
 * Resume, the numbers (iterations, speed, time left, losses, device), the loss
 * chart updated from `loss` events, the latest preview grid refreshed on
 * `preview` events, what it all means, "Swap a video" once there is a
 * checkpoint (`#swap` in the address brings it into view), and Delete.
 */
export function setupModel(outlet: HTMLElement, params: Record<string, string>): () => void {
  const id = params.id ?? ''
  outlet.replaceChildren(
    fragment(`
      <div class="page-inner page-wide model-page">
        <nav class="back-nav model-nav" aria-label="Back">
          <a id="model-back" class="back-link" href="/library">${icons.arrowLeft}<span>Library</span></a>
        </nav>
        <header class="video-header model-header">
          <div class="video-heading">
            <h1 id="model-title" tabindex="-1">Loading model…</h1>
            <p class="video-subtitle model-subtitle" hidden></p>
          </div>
          <div class="video-header-actions" hidden>
            <a id="model-swap-link" class="btn btn-secondary btn-sm" href="#swap" hidden>${icons.swap}<span>Swap a video</span></a>
            <button id="model-delete" type="button" class="btn btn-secondary btn-sm btn-danger-outline">${icons.trash}<span>Delete</span></button>
          </div>
        </header>
        <div class="model-content"></div>
      </div>
    `),
  )
  return loadSubjectPage(outlet, {
    id: 'model',
    noun: 'model',
    fetch: async (signal) => {
      // Asked for alongside the model, not after it; the page works without them.
      const presets = listPresets(signal).catch(() => [] as Preset[])
      return { model: await fetchModel(id, signal), presets }
    },
    show: ({ model, presets }, signal) => showModel(outlet, model, presets, signal),
    onMissing: () => showNotFound(outlet, MODEL_NOT_FOUND),
  })
}

function showModel(outlet: HTMLElement, initial: FaceModel, presetsPromise: Promise<Preset[]>, signal: AbortSignal): () => void {
  let model = initial
  /** When `model` was fetched: its training time runs on from there while it trains. */
  let fetchedAt = Date.now()
  const title = find(outlet, '#model-title')
  const subtitle = find(outlet, '.model-subtitle')
  const actions = find(outlet, '.video-header-actions')
  const nav = find(outlet, '.model-nav')
  const content = find(outlet, '.model-content')

  const columnLabels = PREVIEW_COLUMNS.map(([label, meaning]) => `<span title="${meaning}">${label}</span>`).join('')
  const columnLegend = PREVIEW_COLUMNS.map(([label, meaning]) => `<div><dt>${label}</dt><dd>${meaning}</dd></div>`).join('')
  content.replaceChildren(
    fragment(`
      <section id="model-state" class="card model-state" aria-labelledby="model-state-title">
        <h2 id="model-state-title" class="visually-hidden">Training</h2>
        <div class="model-state-head">
          <p id="model-status" class="model-status-line" role="status" aria-live="polite">
            <span class="model-status"></span>
            <span class="model-status-message"></span>
          </p>
          <div class="model-controls">
            <button id="model-stop" type="button" class="btn btn-secondary" hidden>${icons.stop}<span>Stop</span></button>
            <form id="resume-form" class="resume-form" novalidate hidden>
              <div class="field resume-field">
                <label for="resume-max-iterations">Stop after iterations <span class="label-note">optional</span></label>
                <input id="resume-max-iterations" name="maxIterations" type="number" inputmode="numeric" min="1" step="1" aria-describedby="resume-max-iterations-hint" />
                <p id="resume-max-iterations-error" class="field-error" hidden></p>
              </div>
              <button id="model-resume" type="submit" class="btn btn-primary">Resume</button>
              <p id="resume-max-iterations-hint" class="field-hint resume-hint"></p>
              <div id="resume-error" class="form-alert" role="alert" hidden></div>
            </form>
          </div>
        </div>
        <progress id="model-progress" class="job-progress model-progress-bar" max="100" aria-label="Training progress" hidden></progress>
        <dl class="model-stats">
          <div class="model-stat"><dt>Iterations</dt><dd id="model-iterations">—</dd></div>
          <div class="model-stat"><dt>Speed</dt><dd id="model-rate">—</dd></div>
          <div class="model-stat"><dt>Time left</dt><dd><span id="model-eta">—</span><span id="model-eta-goal" class="model-stat-note"></span></dd></div>
          <div class="model-stat"><dt><span class="loss-key loss-key-a" aria-hidden="true"></span>Loss A</dt><dd id="model-loss-a">—</dd></div>
          <div class="model-stat"><dt><span class="loss-key loss-key-b" aria-hidden="true"></span>Loss B</dt><dd id="model-loss-b">—</dd></div>
          <div class="model-stat"><dt title="The mean of A and B, smoothed over recent iterations">Smoothed loss</dt><dd id="model-smoothed-loss">—</dd></div>
          <div class="model-stat"><dt title="The smoothed loss at its lowest so far">Best loss</dt><dd id="model-best-loss">—</dd></div>
          <div class="model-stat"><dt>Training time</dt><dd id="model-time">—</dd></div>
          <div class="model-stat"><dt>Device</dt><dd id="model-device">—</dd></div>
        </dl>
      </section>
      <div class="model-layout">
        <section class="card model-chart-card" aria-labelledby="loss-title">
          <header class="model-section-header">
            <div class="card-heading">
              <h2 id="loss-title" class="card-title">Loss</h2>
              <p class="card-summary">How far each decoder's faces are from the real ones. Lower is better.</p>
            </div>
            <label class="switch" for="loss-log-scale">
              <input id="loss-log-scale" type="checkbox" role="switch" />
              <span>Log scale</span>
            </label>
          </header>
          <div id="loss-chart" role="img" aria-label="Loss chart: no points yet"></div>
          <p class="loss-chart-status" role="alert" hidden></p>
        </section>
        <aside id="model-explainer" class="card model-explainer" aria-labelledby="explainer-title">
          <h2 id="explainer-title" class="card-title">What is going on</h2>
          <p>One shared <strong>encoder</strong> looks at the faces of both people and learns what all faces have in common: pose, expression, lighting.</p>
          <p><strong>Decoder A</strong> and <strong>decoder B</strong> each learn to draw one person from what the encoder saw.</p>
          <p>The <strong>loss</strong> is the average difference between a face and its reconstruction, counted inside the face mask only. 0 would be perfect.</p>
          <p>Each step of <strong>gradient descent</strong> (the Adam optimiser) nudges every weight slightly in the direction that lowers the loss. Thousands of small nudges add up.</p>
          <p><strong>The swap</strong> sends a face of A through decoder B: B's face, with A's pose, expression and lighting.</p>
          <h3 class="explainer-subtitle">Reading the loss</h3>
          <div id="model-loss-guide" class="loss-guide"></div>
        </aside>
        <section class="card model-preview-card" aria-labelledby="preview-title">
          <header class="model-section-header">
            <div class="card-heading">
              <h2 id="preview-title" class="card-title">Preview</h2>
              <p id="model-preview-iteration" class="card-summary">No preview yet.</p>
            </div>
          </header>
          <figure class="model-preview-figure">
            <div class="model-preview-scroll">
              <div class="model-preview-grid">
                <div class="model-preview-columns" aria-hidden="true">${columnLabels}</div>
                <img id="model-preview" width="768" height="512" alt="" decoding="async" hidden />
                <div class="model-preview-none"></div>
              </div>
            </div>
            <figcaption>
              <p class="model-preview-caption">Each row takes a face of A, then one of B, and shows each as it is, rebuilt by its own decoder, and swapped. The swapped columns are the result to watch.</p>
              <dl class="model-preview-legend">${columnLegend}</dl>
            </figcaption>
          </figure>
        </section>
      </div>
    `),
  )

  const statusPill = find(content, '#model-status .model-status')
  const statusMessage = find(content, '.model-status-message')
  const stopButton = find<HTMLButtonElement>(content, '#model-stop')
  const resumeForm = find<HTMLFormElement>(content, '#resume-form')
  const resumeInput = find<HTMLInputElement>(content, '#resume-max-iterations')
  const resumeHint = find(content, '#resume-max-iterations-hint')
  const progress = find<HTMLProgressElement>(content, '#model-progress')
  const iterationsOut = find(content, '#model-iterations')
  const rateOut = find(content, '#model-rate')
  const etaOut = find(content, '#model-eta')
  const etaGoal = find(content, '#model-eta-goal')
  const lossAOut = find(content, '#model-loss-a')
  const lossBOut = find(content, '#model-loss-b')
  const smoothedOut = find(content, '#model-smoothed-loss')
  const bestOut = find(content, '#model-best-loss')
  const timeOut = find(content, '#model-time')
  const deviceOut = find(content, '#model-device')
  const chartBox = find(content, '#loss-chart')
  const chartStatus = find(content, '.loss-chart-status')
  const logToggle = find<HTMLInputElement>(content, '#loss-log-scale')
  const guide = find(content, '#model-loss-guide')
  const previewImg = find<HTMLImageElement>(content, '#model-preview')
  const previewNone = find(content, '.model-preview-none')
  const previewIteration = find(content, '#model-preview-iteration')

  let presets: Preset[] = []
  let job: Job | undefined
  let stopRequested = false
  /** The newest loss point heard of (history or live). */
  let latest: LossPoint | undefined
  const ticks: Tick[] = []

  // --- Header, links -----------------------------------------------------------

  const presetOf = (): Preset | undefined =>
    presets.find((preset) => preset.name === model.preset) ?? FALLBACK_PRESETS.find((preset) => preset.name === model.preset)

  // Fetched once: the links above and the swap form both name the people after them.
  const faceSets = { a: fetchFaceSet(model.faceSetA, signal), b: fetchFaceSet(model.faceSetB, signal) }

  const faceSetLink = (which: 'a' | 'b'): HTMLAnchorElement => {
    const faceSetId = which === 'a' ? model.faceSetA : model.faceSetB
    const label = el('span', {}, `Face set ${which.toUpperCase()}`)
    const link = el('a', { id: `model-faceset-${which}-link`, class: 'back-link', href: faceSetPagePath(faceSetId) }, label)
    link.prepend(fragment(icons.faceSmall))
    faceSets[which]
      .then((faceSet) => {
        label.textContent = `${which.toUpperCase()}: ${faceSet.name}`
        link.title = `Face set ${which.toUpperCase()}: ${faceSet.name}`
      })
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 404) {
          link.removeAttribute('href')
          link.classList.add('is-gone')
          label.textContent = `${which.toUpperCase()}: deleted face set`
        }
      })
    return link
  }
  nav.append(faceSetLink('a'), faceSetLink('b'))

  // --- Swap a video --------------------------------------------------------------

  const swapSection = el('section')
  content.append(swapSection)
  const swapForm = setupSwapForm(swapSection, {
    model: () => model,
    faceSets: { a: faceSets.a.catch(() => undefined), b: faceSets.b.catch(() => undefined) },
    signal,
  })
  const swapLink = find<HTMLAnchorElement>(actions, '#model-swap-link')
  swapLink.addEventListener('click', (event) => {
    event.preventDefault()
    history.replaceState(history.state, '', `${location.pathname}${location.search}${SWAP_HASH}`)
    swapForm.reveal()
  })

  const renderHeader = (): void => {
    title.textContent = model.name
    document.title = `${model.name} · Doppel`
    nameSubject(model.id, model.name)
    const preset = presetOf()
    const bits = [`Preset ${presetLabel(model.preset)}`]
    if (preset && preset.inputSize > 0) bits.push(`${preset.inputSize} px faces`)
    bits.push(`created ${formatDateTime(model.createdAt)}`)
    subtitle.textContent = bits.join(' · ')
    subtitle.hidden = false
    actions.hidden = false
  }

  // --- Numbers -------------------------------------------------------------------

  const currentIteration = (): number => {
    const fromJob = job ? parseTrainMessage(job.message).iteration : undefined
    return Math.max(model.iterations, latest?.iteration ?? 0, fromJob ?? 0)
  }

  const measuredRate = (): number | undefined => {
    if (ticks.length < 2) return undefined
    const first = ticks[0]!
    const last = ticks[ticks.length - 1]!
    const seconds = (last.at - first.at) / 1000
    if (seconds < 1.5 || last.iteration <= first.iteration) return undefined
    return (last.iteration - first.iteration) / seconds
  }

  const currentRate = (): number | undefined => {
    if (!isTraining(model.status) || !job || job.status !== 'RUNNING') return undefined
    return parseTrainMessage(job.message).rate ?? measuredRate()
  }

  /** The time left and what it is to, while it trains. */
  const timeLeft = (): { eta: string; goal: string } => {
    if (!isTraining(model.status)) return { eta: '—', goal: '' }
    const targetGoal = model.targetLoss !== null ? `to loss ${model.targetLoss.toFixed(4)}` : ''
    const iterationGoal = model.maxIterations !== null ? `to ${iterationsText(model.maxIterations)}` : ''
    if (!job || job.status !== 'RUNNING') return { eta: '—', goal: targetGoal || iterationGoal }
    const said = parseTrainMessage(job.message)
    const goal = said.etaToTarget ? targetGoal || 'to the target loss' : iterationGoal || targetGoal
    if (job.etaSeconds !== null && job.etaSeconds >= 0) return { eta: etaFromSeconds(job.etaSeconds), goal }
    if (said.eta) return { eta: said.eta, goal: said.etaToTarget ? targetGoal || 'to the target loss' : goal }
    const rate = currentRate()
    const candidates: { seconds: number; goal: string }[] = []
    if (model.maxIterations !== null && rate) {
      candidates.push({ seconds: Math.max(0, model.maxIterations - currentIteration()) / rate, goal: iterationGoal })
    }
    if (model.maxMinutes !== null) {
      candidates.push({ seconds: Math.max(0, model.maxMinutes * 60 - trainingSeconds()), goal: 'to the time limit' })
    }
    if (candidates.length > 0) {
      const soonest = candidates.reduce((a, b) => (b.seconds < a.seconds ? b : a))
      return { eta: etaFromSeconds(soonest.seconds), goal: soonest.goal }
    }
    if (job.progress > 0.001 && job.startedAt) {
      const elapsed = (Date.now() - Date.parse(job.startedAt)) / 1000
      if (elapsed > 0) return { eta: etaFromSeconds((elapsed * (1 - job.progress)) / job.progress), goal }
    }
    return { eta: '—', goal: targetGoal ? targetGoal : 'no limit: until the loss stops improving' }
  }

  const trainingSeconds = (): number => {
    const running = isTraining(model.status) && job?.status === 'RUNNING'
    return model.trainingSeconds + (running ? (Date.now() - fetchedAt) / 1000 : 0)
  }

  const deviceText = (device: string | null): string => {
    if (!device) return '—'
    return device.replace(/^(cpu|gpu)\b/i, (word) => word.toUpperCase())
  }

  const renderNumbers = (): void => {
    iterationsOut.textContent = formatCount(currentIteration())
    rateOut.textContent = formatRate(currentRate())
    const { eta, goal } = timeLeft()
    etaOut.textContent = eta
    etaGoal.textContent = goal
    etaGoal.hidden = goal === ''
    const fresh = latest && latest.iteration >= model.iterations ? latest : undefined
    lossAOut.textContent = formatLoss(fresh ? fresh.lossA : model.lossA)
    lossBOut.textContent = formatLoss(fresh ? fresh.lossB : model.lossB)
    // Best and now, both smoothed the same way: the best is never above the loss it is compared with.
    smoothedOut.textContent = formatLoss(model.smoothedLoss)
    bestOut.textContent = formatLoss(model.bestLoss)
    timeOut.textContent = formatTimeSpent(trainingSeconds())
    deviceOut.textContent = deviceText(model.device)

    const training = isTraining(model.status)
    const percent = job && job.status === 'RUNNING' ? Math.round(job.progress * 100) : undefined
    // Training with no limit set has no progress to show: no bar then.
    progress.hidden = !training || percent === undefined || percent <= 0
    if (training && percent !== undefined && percent > 0) {
      if (progress.value !== percent) progress.value = percent
    } else {
      progress.removeAttribute('value')
    }
  }

  // --- Status and controls ---------------------------------------------------------

  let statusText = ''
  const renderStatus = (): void => {
    const training = isTraining(model.status)
    if (!training) stopRequested = false
    const label = stopRequested ? 'Stopping' : modelStatusLabel(model.status)
    const cls = stopRequested ? 'stopping' : model.status.toLowerCase()
    let message = model.message?.trim() ?? ''
    if (stopRequested) message = 'Saving a checkpoint, then it stops. You can resume from there.'
    else if (model.status === 'QUEUED') message = waitingText(job, message)
    // Only a change of words is announced (the region is polite), never a number ticking.
    const text = `${label}|${message}`
    if (text !== statusText) {
      statusText = text
      statusPill.className = `model-status model-status-${cls}`
      statusPill.textContent = label
      statusMessage.textContent = message
      statusMessage.classList.toggle('is-error', model.status === 'FAILED')
    }

    // aria-disabled rather than disabled, so keyboard focus stays on it while it stops.
    const stopHadFocus = document.activeElement === stopButton
    stopButton.hidden = !training
    stopButton.setAttribute('aria-disabled', String(stopRequested))
    stopButton.classList.toggle('is-busy', stopRequested)
    find(stopButton, 'span').textContent = stopRequested ? 'Stopping…' : 'Stop'

    const wasHidden = resumeForm.hidden
    resumeForm.hidden = training
    if (!training && wasHidden) prepareResume()
    if (!training && stopHadFocus) find<HTMLButtonElement>(resumeForm, '#model-resume').focus()
  }

  /** Suggests a higher limit when the last one was what stopped it. */
  const prepareResume = (): void => {
    resume.clearErrors()
    const limit = model.maxIterations
    const reachedLimit = limit !== null && model.iterations >= limit
    if (reachedLimit) {
      const suggestion = Math.max(limit * 2, Math.ceil((model.iterations + 1) / 1000) * 1000)
      resumeInput.value = String(suggestion)
      resumeHint.textContent = `It stopped at its limit of ${formatCount(limit)}: resume with a higher one.`
    } else {
      resumeInput.value = ''
      resumeHint.textContent =
        limit !== null ? `Empty keeps the limit of ${formatCount(limit)}.` : 'Empty: no limit, it runs until the loss stops improving or you stop it.'
    }
    resumeInput.placeholder = limit !== null ? formatCount(limit) : 'No limit'
    if (reachedTarget()) resumeHint.textContent += ` It reached its target loss of ${formatLoss(model.targetLoss)}: it goes on without one.`
    const from = model.checkpointIteration
    const note = from !== null ? ` It goes on from the checkpoint at iteration ${formatCount(from)}.` : ''
    resumeHint.textContent += note
  }

  /** A model that reached its target loss would stop again at once with it. */
  const reachedTarget = (): boolean =>
    model.status === 'COMPLETED' && model.targetLoss !== null && model.bestLoss !== null && model.bestLoss <= model.targetLoss

  /**
   * The limits to resume with: none sent keeps them all; a new iteration limit
   * is sent with the others as they are, so that none is lost on the way.
   */
  const resumeLimits = (maxIterations: number | undefined): TrainingLimits | undefined => {
    const dropTarget = reachedTarget()
    if (maxIterations === undefined && !dropTarget) return undefined
    const limits: TrainingLimits = {
      plateauIterations: model.plateauIterations,
      plateauPercent: model.plateauPercent,
    }
    const iterations = maxIterations ?? model.maxIterations
    if (iterations !== null) limits.maxIterations = iterations
    if (model.targetLoss !== null && !dropTarget) limits.targetLoss = model.targetLoss
    if (model.maxMinutes !== null) limits.maxMinutes = model.maxMinutes
    return limits
  }

  const resume = new FormController(resumeForm, { maxIterations: 'resume-max-iterations' }, 'resume-error')

  stopButton.addEventListener('click', async () => {
    if (stopRequested) return
    stopRequested = true
    renderStatus()
    try {
      const answer = await stopModel(model.id)
      if (signal.aborted) return
      setModel(answer)
    } catch (error) {
      if (signal.aborted) return
      stopRequested = false
      if (error instanceof ApiError && error.status === 409) {
        // It had already stopped: show how it is now.
        void refetchModel()
      } else {
        showToast(`Could not stop training. ${messageOf(error)}`, 'error')
      }
      renderStatus()
    }
  })

  let resuming = false
  resumeForm.addEventListener('submit', async (event) => {
    event.preventDefault()
    if (resuming) return
    resume.clearErrors()
    let maxIterations: number | undefined
    const text = resumeInput.value.trim()
    if (resumeInput.validity.badInput) {
      resume.setFieldError('maxIterations', 'Enter a whole number of iterations, or leave it empty.')
      resumeInput.focus()
      return
    }
    if (text !== '') {
      const value = Number(text)
      if (!Number.isInteger(value) || value < 1) {
        resume.setFieldError('maxIterations', 'Enter a whole number, at least 1.')
        resumeInput.focus()
        return
      }
      maxIterations = value
    }
    resuming = true
    resume.setBusy(true, 'Resuming…')
    try {
      const answer = await resumeModel(model.id, resumeLimits(maxIterations))
      if (signal.aborted) return
      resuming = false
      resume.setBusy(false)
      ticks.length = 0
      setModel(answer)
      void refreshJobs()
      // It goes on from its checkpoint: the history after it is gone.
      void loadHistory()
      stopButton.focus()
    } catch (error) {
      if (signal.aborted) return
      resuming = false
      resume.setBusy(false)
      if (error instanceof ApiError && error.status === 409) void refetchModel()
      resume.showError(error)
    }
  })

  // --- Delete ------------------------------------------------------------------------

  const deleteButton = find<HTMLButtonElement>(actions, '#model-delete')
  deleteButton.addEventListener('click', async () => {
    const training = isTraining(model.status) ? 'Training stops, and its' : 'Its'
    const confirmed = await confirmAction({
      title: `Delete “${model.name}”?`,
      message: `${training} loss history, checkpoint and previews go with it. This cannot be undone.`,
      confirmLabel: 'Delete model',
      signal,
    })
    if (!confirmed || signal.aborted) return
    deleteButton.disabled = true
    try {
      await deleteModel(model.id)
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) {
        deleteButton.disabled = false
        deleteButton.focus()
        showToast(`Could not delete “${model.name}”. ${messageOf(error)}`, 'error')
        return
      }
    }
    showToast(`Deleted “${model.name}”.`)
    navigate('/library')
  })

  // --- Loss chart --------------------------------------------------------------------

  let logScale = false
  try {
    logScale = localStorage.getItem(LOG_SCALE_KEY) === 'true'
  } catch {
    // Storage may be off: the toggle still works for this page.
  }
  logToggle.checked = logScale
  /** The whole history as drawn, oldest first. */
  const series: LossPoint[] = []
  /** uPlot is only fetched for this page (a chunk of its own); the points wait in `series` for it. */
  let chart: LossChart | undefined
  import('../features/loss-chart.ts').then(
    ({ setupLossChart }) => {
      if (signal.aborted) return
      chart = setupLossChart(chartBox, { logScale: logToggle.checked, target: model.targetLoss })
      if (series.length > 0) chart.setPoints(series)
    },
    () => {
      if (signal.aborted) return
      const retry = el('button', { type: 'button', class: 'btn btn-link' }, 'Reload the page')
      retry.addEventListener('click', () => location.reload())
      chartStatus.replaceChildren('Could not load the chart. ', retry)
      chartStatus.hidden = false
    },
  )
  logToggle.addEventListener('change', () => {
    chart?.setLogScale(logToggle.checked)
    try {
      localStorage.setItem(LOG_SCALE_KEY, String(logToggle.checked))
    } catch {
      // Not remembered; fine.
    }
  })

  const describeChart = (): void => {
    const last = series[series.length - 1]
    chartBox.setAttribute(
      'aria-label',
      !last
        ? 'Loss chart: no points yet'
        : `Loss chart of ${formatCount(series.length)} points up to iteration ${formatCount(last.iteration)}; latest loss A ${formatLoss(last.lossA)}, loss B ${formatLoss(last.lossB)}`,
    )
  }

  let historyLoaded = false
  let historyController: AbortController | undefined
  /** Live points that came while the history was on its way. */
  let pending: LossPoint[] = []

  const loadHistory = async (): Promise<void> => {
    historyController?.abort()
    const current = new AbortController()
    historyController = current
    signal.addEventListener('abort', () => current.abort(), { once: true })
    historyLoaded = false
    chartBox.setAttribute('aria-busy', 'true')
    try {
      const history = await fetchLossHistory(model.id, current.signal)
      if (current.signal.aborted) return
      const last = history[history.length - 1]
      const merged = [...history, ...pending.filter((point) => !last || point.iteration > last.iteration)]
      pending = []
      historyLoaded = true
      series.splice(0, series.length, ...merged)
      chart?.setPoints(series)
      latest = series[series.length - 1] ?? latest
      chartStatus.hidden = true
      describeChart()
      renderNumbers()
    } catch (error) {
      if (current.signal.aborted) return
      historyLoaded = true
      for (const point of pending) addPoint(point)
      pending = []
      const retry = el('button', { type: 'button', class: 'btn btn-link' }, 'Try again')
      retry.addEventListener('click', () => void loadHistory())
      chartStatus.replaceChildren(`Could not load the loss history. ${messageOf(error)} `, retry)
      chartStatus.hidden = false
    } finally {
      if (historyController === current) {
        historyController = undefined
        chartBox.removeAttribute('aria-busy')
      }
    }
  }

  /** A point older than the last one means training went back to a checkpoint: the history is fetched anew. */
  const reloadHistorySoon = throttle(() => void loadHistory(), 2_000)

  /** Adds a point after the last one; returns false for an older or repeated one. */
  const addPoint = (point: LossPoint): boolean => {
    const last = series[series.length - 1]
    if (last && point.iteration <= last.iteration) return false
    series.push(point)
    chart?.addPoint(point)
    latest = point
    return true
  }

  const onLoss = (point: LossPoint): void => {
    ticks.push({ iteration: point.iteration, at: Date.now() })
    while (ticks.length > 12 || (ticks.length > 2 && Date.now() - ticks[0]!.at > 30_000)) ticks.shift()
    if (!historyLoaded) {
      pending.push(point)
      return
    }
    const last = series[series.length - 1]
    if (!addPoint(point)) {
      if (last && point.iteration < last.iteration) reloadHistorySoon()
      return
    }
    describeChart()
    renderNumbers()
  }

  // --- Explainer -----------------------------------------------------------------------

  /**
   * What the loss can and cannot say. No verdict comes from the number alone: a
   * tiny model once read "0.0377, recognisable" beside a preview of colour noise.
   */
  const renderGuide = (): void => {
    const preset = presetOf()
    const loss = preset?.loss ?? (model.preset === 'hq' ? 'dssim+mse' : 'mae')
    const measure = loss === 'mae' ? 'mean absolute error' : loss === 'dssim+mse' ? 'structural dissimilarity plus squared error' : loss
    guide.replaceChildren(
      el(
        'p',
        {},
        `It falls as the decoders learn (the ${model.preset} preset measures it as ${measure}), but no number says the faces look right: the same loss can go with a clear face on one pair of face sets and with colour noise on another.`,
      ),
      el(
        'p',
        {},
        'Judge by the preview: faces held out of training come first in it, rebuilt and swapped by the model as it is now. Once the swapped columns show the other person, try a swap; its quality report measures the result on held-out faces.',
      ),
    )
    if (model.preset === 'tiny') {
      guide.append(el('p', { class: 'field-hint' }, 'tiny is for tests: its 32-pixel faces stay coarse whatever the loss says.'))
    }
  }

  // --- Preview -------------------------------------------------------------------------

  let previewShown: number | null = null
  let previewLoading: number | null = null
  const showNoPreview = (): void => {
    previewImg.hidden = true
    previewNone.hidden = false
    const training = isTraining(model.status)
    previewNone.replaceChildren(
      training ? el('span', { class: 'spinner', 'aria-hidden': 'true' }) : el('span', { class: 'model-preview-none-icon' }),
      el(
        'span',
        {},
        training
          ? 'The first preview appears after a hundred iterations or so.'
          : 'No preview: training stopped before the first one.',
      ),
    )
    previewIteration.textContent = 'No preview yet.'
  }

  const loadPreview = (iteration: number): void => {
    if (previewShown !== null && iteration <= previewShown) return
    if (previewLoading !== null && iteration <= previewLoading) return
    previewLoading = iteration
    const url = previewUrl(model.id, iteration)
    // Loaded out of sight first: the old grid stays until the new one is there.
    const loader = new Image()
    loader.decoding = 'async'
    loader.addEventListener('load', () => {
      if (signal.aborted || previewLoading !== iteration) return
      previewLoading = null
      previewShown = iteration
      previewImg.src = url
      previewImg.alt = `Preview at iteration ${formatCount(iteration)}: four faces of A and four of B, each as it is, rebuilt by its own decoder, and swapped`
      previewImg.hidden = false
      previewNone.hidden = true
      previewIteration.textContent = `Iteration ${formatCount(iteration)}. Compare each face with its rebuilt and swapped versions.`
    })
    loader.addEventListener('error', () => {
      if (previewLoading !== iteration) return
      previewLoading = null
      if (previewShown === null) showNoPreview()
    })
    loader.src = url
  }

  const syncPreview = (): void => {
    if (model.previewIteration !== null) loadPreview(model.previewIteration)
    else if (previewShown === null) showNoPreview()
  }

  // --- Model updates ---------------------------------------------------------------------

  const render = (): void => {
    renderHeader()
    renderStatus()
    renderNumbers()
    renderGuide()
    chart?.setTarget(model.targetLoss)
    syncPreview()
    swapForm.update(model)
    swapLink.hidden = model.checkpointIteration === null
  }

  const setModel = (fresh: FaceModel): void => {
    const before = model.status
    model = fresh
    fetchedAt = Date.now()
    if (!isTraining(fresh.status)) job = undefined
    render()
    watch.check()
    if (before !== fresh.status && !isTraining(fresh.status)) ticks.length = 0
  }

  /**
   * Iterations beyond the model's own count (from the job's progress or a loss point) prove it trains: a
   * "Queued" fetched before the worker started is out of date. The status says so at once, the rest follows.
   */
  const noticeTraining = (): void => {
    if (model.status !== 'QUEUED' || currentIteration() <= model.iterations) return
    model = { ...model, status: 'TRAINING', message: null }
    renderStatus()
    void refetchModel()
  }

  const refetchModel = async (): Promise<void> => {
    try {
      const fresh = await fetchModel(model.id, signal)
      if (!signal.aborted) setModel(fresh)
    } catch (error) {
      if (signal.aborted) return
      if (error instanceof ApiError && error.status === 404) showNotFound(outlet, MODEL_NOT_FOUND)
    }
  }

  const watch = watchTraining({
    model: () => model,
    onJob: (next) => {
      job = next
      renderNumbers()
      renderStatus()
      noticeTraining()
    },
    onModel: setModel,
    onGone: () => showNotFound(outlet, MODEL_NOT_FOUND),
    signal,
  })

  // --- Live ------------------------------------------------------------------------------

  const isMine = (modelId: unknown): boolean => String(modelId) === String(model.id)
  // A new preview: the smoothed loss and the time have moved on too.
  const refreshSoon = throttle(() => void refetchModel(), 10_000)
  const unsubscribeLoss = subscribeEvent(LOSS_EVENT, (data) => {
    if (!isLossEvent(data) || !isMine(data.modelId)) return
    if (typeof data.smoothed === 'number' && data.iteration >= model.iterations) {
      const best = model.bestLoss === null ? data.smoothed : Math.min(model.bestLoss, data.smoothed)
      model = { ...model, smoothedLoss: data.smoothed, bestLoss: best }
    }
    onLoss({ iteration: data.iteration, lossA: data.lossA, lossB: data.lossB })
    noticeTraining()
  })
  const unsubscribePreview = subscribeEvent(PREVIEW_EVENT, (data) => {
    if (!isPreviewEvent(data) || !isMine(data.modelId)) return
    if (model.previewIteration === null || data.iteration > model.previewIteration) {
      model = { ...model, previewIteration: data.iteration }
    }
    loadPreview(data.iteration)
    refreshSoon()
  })
  // No replay after a reconnect: what was missed comes from the server.
  let disconnected = false
  const unsubscribeStream = subscribeJobs((event) => {
    if (event.kind !== 'stream') return
    if (event.state === 'reconnecting') disconnected = true
    else if (event.state === 'open' && disconnected) {
      disconnected = false
      void refetchModel()
      void loadHistory()
    }
  })

  // The training time and the time left move on between events.
  const clock = window.setInterval(() => {
    if (isTraining(model.status)) renderNumbers()
    // "starts in about 8 min" counts down between events.
    if (model.status === 'QUEUED') renderStatus()
  }, 5_000)

  presetsPromise.then((list) => {
    if (signal.aborted) return
    presets = list
    renderHeader()
    renderGuide()
  })

  render()
  void loadHistory()
  if (location.hash === SWAP_HASH) swapForm.reveal()

  return () => {
    window.clearInterval(clock)
    unsubscribeLoss()
    unsubscribePreview()
    unsubscribeStream()
    refreshSoon.cancel()
    reloadHistorySoon.cancel()
    historyController?.abort()
    watch.stop()
    chart?.dispose()
  }
}
