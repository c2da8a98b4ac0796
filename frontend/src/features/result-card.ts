import type { Job } from '../api/model/job.ts'
import { isInProgress, type Result } from '../api/model/result.ts'
import { resultThumbnailUrl } from '../api/results.ts'
import { nameSubject } from '../jobs.ts'
import { waitingText } from './queue-place.ts'
import { navigate } from '../router.ts'
import { el, fragment } from '../ui/dom.ts'
import { formatDuration } from '../ui/format.ts'
import { icons } from '../ui/icons.ts'
import { jobPercent, resultPagePath, resultStatusLabel, watchResult } from './result-meta.ts'
import { durationAttr } from './video-meta.ts'

export interface ResultCard {
  element: HTMLElement
  result: () => Result
  /** Shows a fresher copy of the result (e.g. from a list reload). */
  update: (result: Result) => void
  /** Stops following its job (the card is going away). */
  dispose: () => void
}

export interface ResultCardOptions {
  /** Ends what the card keeps watching (its SWAP job) when the page goes. */
  signal?: AbortSignal
  /** It was deleted elsewhere (a 404 when fetched again). */
  onGone?: (result: Result) => void
}

/**
 * One `.result-card`: a still of the swapped video once it is READY (a
 * spinner and the phase before, never a broken image), its name, status (with
 * the SWAP job's progress while it runs), the model and the source video. Kept
 * live from the jobs store; the card opens the result's page.
 */
export function renderResultCard(initial: Result, options: ResultCardOptions = {}): ResultCard {
  let result = initial
  const href = resultPagePath(result.id)
  const titleId = `result-card-title-${String(result.id).replace(/[^\w-]/g, '_')}`

  const thumb = el('img', { class: 'video-thumb result-thumb', alt: '', loading: 'lazy', decoding: 'async' })
  const placeholder = el('span', { class: 'video-thumb-placeholder', 'aria-hidden': 'true' })
  const duration = el('time', { class: 'video-duration', hidden: true })
  const thumbBox = el(
    'div',
    { class: 'video-thumb-box result-thumb-box' },
    // The name link below is the one keyboard and screen-reader users get; this is a bigger mouse target.
    el('a', { class: 'video-thumb-link', href, tabindex: '-1', 'aria-hidden': 'true' }, thumb),
    placeholder,
    duration,
  )

  const nameLink = el('a', { class: 'result-name', href })
  const status = el('span', { class: 'result-status' })
  const progress = el('progress', { class: 'job-progress result-progress', max: '100', 'aria-labelledby': titleId, hidden: true })
  const modelName = el('span', { class: 'result-model-name' })
  const videoName = el('span', { class: 'result-video-name' })
  const message = el('p', { class: 'result-message' })
  const sourceLine = (icon: string, label: string, value: HTMLElement): HTMLElement => {
    const line = el('span', { class: 'result-source-line', title: label })
    line.append(fragment(icon), el('span', { class: 'visually-hidden' }, `${label}: `), value)
    return line
  }

  const card = el(
    'article',
    { class: 'result-card', 'data-result-id': String(result.id), 'aria-labelledby': titleId },
    thumbBox,
    el(
      'div',
      { class: 'result-card-body' },
      el('h3', { id: titleId, class: 'result-card-title' }, nameLink),
      el('p', { class: 'result-tags' }, status),
      progress,
      el('p', { class: 'result-sources' }, sourceLine(icons.model, 'Model', modelName), sourceLine(icons.video, 'Video', videoName)),
      message,
    ),
  )

  card.addEventListener('click', (event) => {
    const target = event.target
    if (!(target instanceof Element) || target.closest('a, button, input, label')) return
    if (window.getSelection()?.toString()) return
    navigate(href)
  })

  // --- Thumbnail -------------------------------------------------------------

  const showPlaceholder = (kind: 'preparing' | 'missing', words: string): void => {
    thumbBox.classList.toggle('is-preparing', kind === 'preparing')
    thumbBox.classList.toggle('is-missing', kind === 'missing')
    thumb.removeAttribute('src')
    const content = document.createDocumentFragment()
    content.append(kind === 'preparing' ? el('span', { class: 'spinner', 'aria-hidden': 'true' }) : fragment(icons.results))
    content.append(el('span', { class: 'thumb-note' }, words))
    placeholder.replaceChildren(content)
  }

  thumb.addEventListener('error', () => {
    if (thumb.getAttribute('src')) showPlaceholder('missing', 'No thumbnail')
  })

  const showThumbnail = (): void => {
    if (result.status === 'READY') {
      // finishedAt busts a cached 404 from before it was ready.
      const url = resultThumbnailUrl(result.id, result.finishedAt ?? undefined)
      if (thumb.getAttribute('src') === url) return
      thumbBox.classList.remove('is-preparing', 'is-missing')
      placeholder.replaceChildren()
      thumb.src = url
    } else if (result.status === 'FAILED') {
      showPlaceholder('missing', 'Failed')
    } else {
      showPlaceholder('preparing', `${resultStatusLabel(result.status)}…`)
    }
  }

  // --- State -----------------------------------------------------------------

  let job: Job | undefined

  const render = (): void => {
    card.dataset.status = result.status
    nameLink.textContent = result.name
    nameLink.title = result.name
    thumb.alt = `Still of “${result.name}”`

    const running = isInProgress(result.status)
    const percent = running && result.status !== 'QUEUED' ? jobPercent(job) : undefined
    status.className = `result-status result-status-${result.status.toLowerCase().replace(/_/g, '-')}`
    status.textContent = percent === undefined ? resultStatusLabel(result.status) : `${resultStatusLabel(result.status)} · ${percent} %`
    progress.hidden = !running
    if (percent !== undefined) {
      if (progress.value !== percent) progress.value = percent
    } else {
      // Nothing measured yet: an indeterminate bar.
      progress.removeAttribute('value')
    }

    modelName.textContent = result.modelName
    modelName.title = result.modelName
    videoName.textContent = result.videoName
    videoName.title = result.videoName

    const seconds = result.durationSeconds
    duration.hidden = result.status !== 'READY' || seconds === null || !(seconds > 0)
    if (!duration.hidden && seconds !== null) {
      duration.dateTime = durationAttr(seconds)
      duration.textContent = formatDuration(seconds)
    }

    const text =
      result.status === 'QUEUED'
        ? waitingText(job, result.message)
        : ((running ? job?.message?.trim() || result.message?.trim() : result.status === 'FAILED' ? result.message?.trim() : '') ?? '')
    message.textContent = text
    message.title = text
    message.hidden = text === ''
    message.classList.toggle('is-error', result.status === 'FAILED')

    nameSubject(result.id, result.name)
    showThumbnail()
  }

  const update = (fresh: Result): void => {
    result = fresh
    if (!isInProgress(fresh.status)) job = undefined
    render()
    watch.check()
  }

  const watch = watchResult({
    result: () => result,
    onJob: (next) => {
      job = next
      render()
    },
    onResult: update,
    onGone: () => options.onGone?.(result),
    signal: options.signal,
    owner: card,
  })

  render()
  return { element: card, result: () => result, update, dispose: watch.stop }
}
