import { isActive, type Job } from '../api/model/job.ts'
import {
  activeJobCount,
  cancelJob,
  currentJobs,
  jobById,
  jobsLoaded,
  streamState,
  subjectName,
  subscribeJobs,
  type JobsEvent,
} from '../jobs.ts'
import { el, find } from '../ui/dom.ts'
import { messageOf } from '../ui/form.ts'
import { formatDateTime, formatRelative, formatTimeLeft } from '../ui/format.ts'
import { showToast } from '../ui/toast.ts'
import { EXTRACT_JOB, faceSetPagePath } from './faceset-meta.ts'
import { modelPagePath, TRAIN_JOB } from './model-meta.ts'
import { resultPagePath, SWAP_JOB } from './result-meta.ts'
import { videoPagePath } from './video-meta.ts'
import { waitingText } from './queue-place.ts'

const TYPE_LABELS: Record<string, string> = {
  THUMBNAIL: 'Making thumbnail',
  DIAGNOSTIC: 'Diagnostic job',
  EXTRACT: 'Finding faces',
  TRAIN: 'Training',
  SWAP: 'Swapping faces',
}

const STATUS_LABELS: Record<string, string> = {
  QUEUED: 'Queued',
  RUNNING: 'Running',
  SUCCEEDED: 'Done',
  FAILED: 'Failed',
  CANCELLED: 'Cancelled',
}

export const JOBS_EMPTY = 'No jobs yet. Uploads, face extraction, training and swaps show their progress here.'

/** "Making thumbnail", "Training", …; "SOME_NEW_TYPE" → "Some new type". */
export function jobLabel(type: string): string {
  const known = TYPE_LABELS[type]
  if (known) return known
  const words = type.toLowerCase().replace(/_+/g, ' ').trim()
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : 'Job'
}

/**
 * Training is never thrown away: cancelling it saves a checkpoint and the model can resume, which is what the
 * model page calls Stop. The jobs list uses the same words for it.
 */
function stopsRatherThanCancels(job: Job): boolean {
  return job.type === TRAIN_JOB
}

/** The status pill's text; a running job that was asked to stop is "Cancelling" ("Stopping" for training). */
export function jobStatusLabel(job: Job): string {
  const stops = stopsRatherThanCancels(job)
  if (job.status === 'RUNNING' && job.cancelRequested) return stops ? 'Stopping' : 'Cancelling'
  if (job.status === 'CANCELLED' && stops) return 'Stopped'
  return STATUS_LABELS[job.status] ?? jobLabel(job.status)
}

/** The name of what the job works on: the live name a page gave it, else the one the server kept. */
export function jobSubjectName(job: Job): string | undefined {
  return subjectName(job.subjectId) ?? job.subjectName ?? undefined
}

/** The page of what a job works on, where it has one. */
function subjectHref(job: Job): string | undefined {
  if (job.type === 'THUMBNAIL' && job.subjectId !== null) return videoPagePath(job.subjectId)
  if (job.type === EXTRACT_JOB && job.subjectId !== null) return faceSetPagePath(job.subjectId)
  if (job.type === TRAIN_JOB && job.subjectId !== null) return modelPagePath(job.subjectId)
  if (job.type === SWAP_JOB && job.subjectId !== null) return resultPagePath(job.subjectId)
  return undefined
}

interface JobRow {
  item: HTMLLIElement
  type: HTMLElement
  subject: HTMLElement
  time: HTMLTimeElement
  status: HTMLElement
  progress: HTMLProgressElement
  message: HTMLElement
  eta: HTMLElement
  foot: HTMLElement
  error: HTMLElement
  cancel: HTMLButtonElement
}

/**
 * The top bar's Jobs button (`#jobs-toggle`, with the `#jobs-active-count`
 * badge) and the `#jobs-panel` it opens: recent jobs, newest first, with their
 * progress, and Cancel for those still waiting or running. Fed by the jobs
 * store (jobs.ts). Status changes are announced politely; progress ticks are not.
 */
export function setupJobsPanel(root: HTMLElement): () => void {
  const toggle = find<HTMLButtonElement>(root, '#jobs-toggle')
  const badge = find(root, '#jobs-active-count')
  const toggleState = find(root, '#jobs-toggle-state')
  const panel = find(root, '#jobs-panel')
  const backdrop = find(root, '#jobs-backdrop')
  const closeButton = find<HTMLButtonElement>(panel, '#jobs-close')
  const list = find<HTMLUListElement>(panel, '.job-list')
  const status = find(panel, '.jobs-status')
  const connection = find(panel, '.jobs-connection')
  const live = el('p', { id: 'jobs-live', class: 'visually-hidden', role: 'status', 'aria-live': 'polite' })
  root.append(live)

  const rows = new Map<string, JobRow>()
  /** Jobs whose cancel request is on its way. */
  const cancelling = new Set<string>()

  // --- Badge -----------------------------------------------------------------

  const showCount = (): void => {
    const count = activeJobCount()
    badge.textContent = String(count)
    badge.hidden = count === 0
    toggle.classList.toggle('has-active', count > 0)
    toggleState.textContent = count === 0 ? '' : count === 1 ? '1 job in progress' : `${count} jobs in progress`
  }

  // --- Rows ------------------------------------------------------------------

  const createRow = (job: Job): JobRow => {
    const typeId = `job-type-${job.id.replace(/[^\w-]/g, '_')}`
    const type = el('span', { id: typeId, class: 'job-type' })
    const subject = el('span', { class: 'job-subject' })
    const time = el('time', { class: 'job-time' })
    const statusPill = el('span', { class: 'job-status' })
    const progress = el('progress', { class: 'job-progress', max: '100', 'aria-labelledby': typeId })
    const message = el('span', { class: 'job-message' })
    const eta = el('span', { class: 'job-eta' })
    const cancel = el('button', { type: 'button', class: 'btn btn-secondary btn-sm job-cancel' }, 'Cancel')
    const foot = el('div', { class: 'job-foot' }, message, eta, cancel)
    const error = el('p', { class: 'job-error' })
    const item = el(
      'li',
      { class: 'job-item', 'data-job-id': job.id, tabindex: '-1', 'aria-labelledby': typeId },
      el('div', { class: 'job-head' }, el('div', { class: 'job-title' }, type, el('span', { class: 'job-meta' }, subject, time)), statusPill),
      progress,
      foot,
      error,
    )
    const row: JobRow = { item, type, subject, time, status: statusPill, progress, message, eta, foot, error, cancel }
    cancel.addEventListener('click', () => void requestCancel(job.id, row))
    return row
  }

  const updateRow = (row: JobRow, job: Job): void => {
    const label = jobLabel(job.type)
    const active = isActive(job.status)
    row.item.dataset.status = job.status
    row.item.classList.toggle('is-active', active)
    row.type.textContent = label

    const name = jobSubjectName(job)
    const href = subjectHref(job)
    if (row.subject.textContent !== (name ?? '') || (href !== undefined) !== !!row.subject.querySelector('a')) {
      row.subject.replaceChildren(name ? (href ? el('a', { class: 'job-subject-link', href }, name) : name) : '')
    }
    row.subject.hidden = !name
    if (name) row.subject.title = name

    const at = isActive(job.status) ? job.createdAt : job.finishedAt ?? job.createdAt
    const relative = formatRelative(at)
    row.time.dateTime = at
    row.time.textContent = relative || formatDateTime(at)
    row.time.title = formatDateTime(at)

    const statusText = jobStatusLabel(job)
    row.status.textContent = statusText
    row.status.className = `job-status job-status-${job.cancelRequested && job.status === 'RUNNING' ? 'cancelling' : job.status.toLowerCase()}`

    row.progress.hidden = !active
    const percent = Math.round(job.progress * 100)
    if (row.progress.value !== percent) row.progress.value = percent

    const failed = job.status === 'FAILED'
    const message = job.status === 'QUEUED' ? waitingText(job, job.message, '') : (job.message ?? '').trim()
    // "Done", "Running", … only repeat the pill; a failure shows its error instead.
    const redundant = message === '' || message.toLowerCase() === statusText.toLowerCase() || (failed && !!job.error)
    row.message.textContent = redundant ? '' : message
    row.message.hidden = redundant

    const eta = job.status === 'RUNNING' && job.etaSeconds !== null ? formatTimeLeft(job.etaSeconds) : ''
    row.eta.textContent = eta
    row.eta.hidden = eta === ''

    row.error.textContent = failed ? job.error || message || 'Something went wrong.' : ''
    row.error.hidden = !failed

    const canCancel = active && !job.cancelRequested
    const busy = cancelling.has(job.id)
    if (!canCancel && row.cancel === document.activeElement) row.item.focus()
    row.cancel.hidden = !canCancel
    row.cancel.disabled = busy
    row.cancel.classList.toggle('is-busy', busy)
    const stops = stopsRatherThanCancels(job)
    const verb = stops ? 'Stop' : 'Cancel'
    row.cancel.setAttribute('aria-label', `${verb} ${label.toLowerCase()}${name ? ` “${name}”` : ''}`)
    if (busy) row.cancel.setAttribute('aria-busy', 'true')
    else row.cancel.removeAttribute('aria-busy')
    row.cancel.textContent = busy ? (stops ? 'Stopping…' : 'Cancelling…') : verb

    row.foot.hidden = row.message.hidden && row.eta.hidden && row.cancel.hidden
  }

  const requestCancel = async (id: string, row: JobRow): Promise<void> => {
    if (cancelling.has(id)) return
    // Disabling the button takes focus from it: it comes back when the answer does.
    const hadFocus = document.activeElement === row.cancel
    cancelling.add(id)
    const job = jobById(id)
    if (job) updateRow(row, job)
    try {
      await cancelJob(id)
    } catch (error) {
      showToast(`Could not cancel: ${messageOf(error)}`, 'error')
    } finally {
      cancelling.delete(id)
      const latest = jobById(id)
      if (latest && rows.get(id) === row) updateRow(row, latest)
      const focusLost = document.activeElement === null || document.activeElement === document.body
      if (hadFocus && focusLost && isOpen() && row.item.isConnected) (row.cancel.hidden ? row.item : row.cancel).focus()
    }
  }

  /** Brings the list in line with the store, moving rows only when their order changed (keeps focus). */
  const render = (): void => {
    const jobs = currentJobs()
    const keep = new Set(jobs.map((job) => job.id))
    for (const [id, row] of rows) {
      if (keep.has(id)) continue
      if (row.item.contains(document.activeElement)) closeButton.focus()
      row.item.remove()
      rows.delete(id)
    }
    jobs.forEach((job, index) => {
      let row = rows.get(job.id)
      if (!row) {
        row = createRow(job)
        rows.set(job.id, row)
      }
      updateRow(row, job)
      const at = list.children[index]
      if (at !== row.item) list.insertBefore(row.item, at ?? null)
    })

    list.hidden = jobs.length === 0
    const loading = jobs.length === 0 && !jobsLoaded() && streamState() !== 'reconnecting'
    status.textContent = jobs.length > 0 ? '' : loading ? 'Loading jobs…' : JOBS_EMPTY
    status.classList.toggle('jobs-empty', jobs.length === 0 && !loading)
    status.hidden = jobs.length > 0
    connection.hidden = streamState() !== 'reconnecting'
  }

  // --- Announcements ---------------------------------------------------------

  let pending: string[] = []
  let announceTimer: number | undefined
  const announce = (text: string): void => {
    pending.push(text)
    window.clearTimeout(announceTimer)
    announceTimer = window.setTimeout(() => {
      live.textContent = pending.join(' ')
      pending = []
    }, 600)
  }
  const STATUS_WORDS: Record<string, string> = {
    QUEUED: 'queued',
    RUNNING: 'started',
    SUCCEEDED: 'done',
    FAILED: 'failed',
    CANCELLED: 'cancelled',
  }
  const describeChange = (job: Job, previous: Job | undefined): string | undefined => {
    let word: string | undefined
    if (previous?.status !== job.status) word = STATUS_WORDS[job.status]
    else if (job.cancelRequested && !previous.cancelRequested) word = 'cancelling'
    if (!word) return undefined
    if (stopsRatherThanCancels(job)) word = word === 'cancelled' ? 'stopped' : word === 'cancelling' ? 'stopping' : word
    const name = jobSubjectName(job)
    return `${jobLabel(job.type)}${name ? ` “${name}”` : ''}: ${word}.`
  }

  // --- Open and close --------------------------------------------------------

  let clockTimer: number | undefined
  const isOpen = (): boolean => !panel.hidden

  const open = (): void => {
    if (isOpen()) return
    render()
    panel.hidden = false
    backdrop.hidden = false
    toggle.setAttribute('aria-expanded', 'true')
    document.addEventListener('keydown', onKeydown)
    document.addEventListener('pointerdown', onPointerDown, true)
    // Relative times ("2 minutes ago") move on while the panel is open.
    clockTimer = window.setInterval(render, 30_000)
    closeButton.focus()
  }

  const close = (restoreFocus: boolean): void => {
    if (!isOpen()) return
    const focusWasInside = panel.contains(document.activeElement)
    panel.hidden = true
    backdrop.hidden = true
    toggle.setAttribute('aria-expanded', 'false')
    document.removeEventListener('keydown', onKeydown)
    document.removeEventListener('pointerdown', onPointerDown, true)
    window.clearInterval(clockTimer)
    if (restoreFocus || focusWasInside) toggle.focus()
  }

  const onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented) return
    event.preventDefault()
    close(true)
  }

  /** A click elsewhere closes the panel (the toggle handles its own). */
  const onPointerDown = (event: PointerEvent): void => {
    const target = event.target
    if (!(target instanceof Node) || panel.contains(target) || toggle.contains(target)) return
    close(false)
  }

  toggle.addEventListener('click', () => (isOpen() ? close(true) : open()))
  closeButton.addEventListener('click', () => close(true))
  // Following a link in the panel (a video's page) leaves it behind.
  panel.addEventListener('click', (event) => {
    if (event.target instanceof Element && event.target.closest('a[href]')) close(false)
  })

  // --- Store -----------------------------------------------------------------

  const onJobs = (event: JobsEvent): void => {
    if (event.kind === 'changed' && event.live) {
      const text = describeChange(event.job, event.previous)
      if (text) announce(text)
    }
    if (event.kind === 'changed' || event.kind === 'removed' || event.kind === 'synced' || event.kind === 'cleared') {
      showCount()
    }
    // Closed, the list waits until it is opened again.
    if (isOpen() || event.kind === 'cleared') render()
  }
  const unsubscribe = subscribeJobs(onJobs)
  showCount()
  render()

  return () => {
    unsubscribe()
    close(false)
    window.clearTimeout(announceTimer)
    live.remove()
  }
}
