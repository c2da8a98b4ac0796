import { isTraining, type FaceModel } from '../api/model/model.ts'
import type { Job } from '../api/model/job.ts'
import { fetchModel, isLossEvent, isPreviewEvent, LOSS_EVENT, PREVIEW_EVENT, previewUrl } from '../api/models.ts'
import { nameSubject, subscribeEvent } from '../jobs.ts'
import { waitingText } from './queue-place.ts'
import { navigate } from '../router.ts'
import { el, fragment } from '../ui/dom.ts'
import { formatCount, formatTimeSpent } from '../ui/format.ts'
import { icons } from '../ui/icons.ts'
import {
  formatLoss,
  modelPagePath,
  modelStatusLabel,
  presetLabel,
  throttle,
  watchTraining,
} from './model-meta.ts'
import { swapFormPath } from './result-meta.ts'

export interface ModelCard {
  element: HTMLElement
  model: () => FaceModel
  /** Shows a fresher copy of the model (e.g. from a list reload). */
  update: (model: FaceModel) => void
  /** Stops following its job and events (the card is going away). */
  dispose: () => void
}

export interface ModelCardOptions {
  /** Ends what the card keeps watching (its job, its events) when the page goes. */
  signal?: AbortSignal
  /** It was deleted elsewhere (a 404 when fetched again). */
  onGone?: (model: FaceModel) => void
}

/** A new preview refetches the model (for its smoothed loss and time) at most this often. */
const REFRESH_MS = 10_000

/**
 * One `.model-card`: the latest preview (its first two faces of A: as is,
 * rebuilt, swapped), name, preset, iterations, smoothed loss, training time
 * and status, and "Swap a video" once it has a checkpoint. Kept live from
 * the model's TRAIN job and its `loss` and `preview` events; the card opens
 * the model's page.
 */
export function renderModelCard(initial: FaceModel, options: ModelCardOptions = {}): ModelCard {
  let model = initial
  const href = modelPagePath(model.id)
  const safeId = String(model.id).replace(/[^\w-]/g, '_')
  const titleId = `model-card-title-${safeId}`

  const preview = el('div', { class: 'model-preview-frame' })
  const previewLink = el('a', { class: 'model-preview-link', href, tabindex: '-1', 'aria-hidden': 'true' }, preview)

  const nameLink = el('a', { class: 'model-name', href })
  const title = el('h3', { id: titleId, class: 'model-card-title' }, nameLink)
  const preset = el('span', { class: 'model-preset' })
  const status = el('span', { class: 'model-status' })
  const progress = el('progress', { class: 'model-progress', max: '100', 'aria-labelledby': titleId, hidden: true })
  const iterations = el('dd', { class: 'model-iterations' })
  const loss = el('dd', { class: 'model-loss' })
  const time = el('dd', { class: 'model-time' })
  const message = el('p', { class: 'model-message' })
  const swapLink = el('a', { class: 'model-swap-link', href: swapFormPath(model.id), hidden: true })
  swapLink.append(fragment(icons.swap), el('span', {}, 'Swap a video'))

  const fact = (label: string, value: HTMLElement, hint?: string): HTMLElement => {
    const term = el('dt', {}, label)
    if (hint) term.title = hint
    return el('div', { class: 'model-fact' }, term, value)
  }

  const card = el(
    'article',
    { class: 'model-card', 'data-model-id': String(model.id), 'aria-labelledby': titleId },
    el('div', { class: 'model-preview-box' }, previewLink),
    el(
      'div',
      { class: 'model-card-body' },
      title,
      el('p', { class: 'model-tags' }, preset, status),
      progress,
      el(
        'dl',
        { class: 'model-facts' },
        fact('Iterations', iterations),
        fact('Loss', loss, 'The smoothed loss: lower is better, 0 is perfect'),
        fact('Time', time, 'Time spent training'),
      ),
      message,
      swapLink,
    ),
  )

  card.addEventListener('click', (event) => {
    const target = event.target
    if (!(target instanceof Element) || target.closest('a, button, input, label')) return
    if (window.getSelection()?.toString()) return
    navigate(href)
  })

  // --- Preview ---------------------------------------------------------------

  /** The iteration whose preview is shown (or being loaded). */
  let previewShown: number | null | undefined
  const showPlaceholder = (): void => {
    preview.dataset.state = 'none'
    const box = el('span', { class: 'model-preview-placeholder' })
    if (isTraining(model.status)) {
      box.append(el('span', { class: 'spinner', 'aria-hidden': 'true' }), el('span', { class: 'thumb-note' }, model.status === 'QUEUED' ? 'Waiting to start…' : 'First preview soon…'))
    } else {
      box.append(fragment(icons.model), el('span', { class: 'thumb-note' }, 'No preview'))
    }
    preview.replaceChildren(box)
  }

  const showPreview = (iteration: number | null): void => {
    if (iteration === null) {
      previewShown = null
      showPlaceholder()
      return
    }
    if (previewShown === iteration) return
    previewShown = iteration
    const url = previewUrl(model.id, iteration)
    const current = preview.querySelector<HTMLImageElement>('img.model-preview-thumb')
    // Load out of sight first, so the old preview stays until the new one is there.
    const next = el('img', {
      class: 'model-preview-thumb',
      alt: `Preview of “${model.name}” at iteration ${formatCount(iteration)}: faces of A as they are, rebuilt, and swapped to B`,
      width: '768',
      height: '512',
      decoding: 'async',
    })
    next.addEventListener('load', () => {
      if (previewShown !== iteration) return
      preview.dataset.state = 'image'
      preview.replaceChildren(next)
    })
    next.addEventListener('error', () => {
      if (previewShown !== iteration) return
      if (!current) showPlaceholder()
    })
    next.src = url
    if (!current) showPlaceholder()
  }

  // --- State -----------------------------------------------------------------

  let job: Job | undefined
  /** The newest iteration heard of from `loss` events since the model was fetched. */
  let liveIteration = 0

  const render = (): void => {
    card.dataset.status = model.status
    nameLink.textContent = model.name
    nameLink.title = model.name
    preset.textContent = model.preset
    preset.title = `Preset: ${presetLabel(model.preset)}`
    status.className = `model-status model-status-${model.status.toLowerCase()}`
    const training = isTraining(model.status)
    const percent = job && job.status === 'RUNNING' ? Math.round(job.progress * 100) : undefined
    status.textContent = modelStatusLabel(model.status)
    // Training with no limit set has no progress to show: no bar then.
    progress.hidden = !training || percent === undefined || percent <= 0
    if (training && percent !== undefined && percent > 0) {
      if (progress.value !== percent) progress.value = percent
    } else {
      progress.removeAttribute('value')
    }

    iterations.textContent = formatCount(Math.max(model.iterations, liveIteration))
    loss.textContent = formatLoss(model.bestLoss)
    time.textContent = formatTimeSpent(model.trainingSeconds)

    const text =
      model.status === 'QUEUED'
        ? waitingText(job, model.message)
        : ((training ? job?.message?.trim() || model.message?.trim() : model.message?.trim()) ?? '')
    message.textContent = text
    message.title = text
    message.hidden = text === ''
    message.classList.toggle('is-error', model.status === 'FAILED')
    // It swaps from its last checkpoint, so one is enough, even while it trains on.
    swapLink.hidden = model.checkpointIteration === null
    swapLink.setAttribute('aria-label', `Swap a video with “${model.name}”`)

    nameSubject(model.id, model.name)
    const latest = model.previewIteration ?? null
    if (latest !== null && (previewShown === undefined || previewShown === null || latest > previewShown)) showPreview(latest)
    // No preview yet: the placeholder's words follow the status (waiting, training, stopped).
    else if (latest === null && (previewShown === undefined || previewShown === null)) showPreview(null)
  }

  const update = (fresh: FaceModel): void => {
    model = fresh
    if (fresh.iterations >= liveIteration) liveIteration = 0
    if (!isTraining(fresh.status)) job = undefined
    render()
    watch.check()
  }

  const watch = watchTraining({
    model: () => model,
    onJob: (next) => {
      job = next
      render()
    },
    onModel: update,
    onGone: () => options.onGone?.(model),
    signal: options.signal,
    owner: card,
  })

  // --- Live events -----------------------------------------------------------

  // Between job changes, a new preview is the cue to fetch fresher numbers (smoothed loss, time).
  const refresh = throttle(() => {
    fetchModel(model.id, options.signal).then(
      (fresh) => {
        if (!options.signal?.aborted) update(fresh)
      },
      () => {},
    )
  }, REFRESH_MS)
  const isMine = (modelId: unknown): boolean => String(modelId) === String(model.id)
  const unsubscribeLoss = subscribeEvent(LOSS_EVENT, (data) => {
    if (!isLossEvent(data) || !isMine(data.modelId)) return
    if (data.iteration <= Math.max(model.iterations, liveIteration)) return
    liveIteration = data.iteration
    iterations.textContent = formatCount(liveIteration)
    // A loss point proves it trains: a "Queued" read before the worker started is out of date.
    if (model.status === 'QUEUED') {
      model = { ...model, status: 'TRAINING', message: null }
      render()
      refresh()
    }
  })
  const unsubscribePreview = subscribeEvent(PREVIEW_EVENT, (data) => {
    if (!isPreviewEvent(data) || !isMine(data.modelId)) return
    if (previewShown === undefined || previewShown === null || data.iteration > previewShown) {
      model = { ...model, previewIteration: data.iteration }
      showPreview(data.iteration)
    }
    refresh()
  })

  const dispose = (): void => {
    unsubscribeLoss()
    unsubscribePreview()
    refresh.cancel()
    watch.stop()
  }
  options.signal?.addEventListener('abort', dispose, { once: true })

  render()
  return { element: card, model: () => model, update, dispose }
}
