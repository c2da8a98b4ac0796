import { ApiError } from '../api/http.ts'
import { isActive, type Job } from '../api/model/job.ts'
import { isTraining, type FaceModel, type ModelId, type Preset } from '../api/model/model.ts'
import { fetchModel } from '../api/models.ts'
import { jobsLoaded, latestJobFor, subscribeJobs } from '../jobs.ts'
import { formatCount, formatTimeLeft } from '../ui/format.ts'

/** The job type that trains a model; its `subjectId` is the model id. */
export const TRAIN_JOB = 'TRAIN'

/** The preset the form starts with: it trains on a CPU in minutes. */
export const DEFAULT_PRESET = 'lite'

/** Offered when the server's list could not be loaded. */
export const FALLBACK_PRESETS: Preset[] = [
  { name: 'lite', description: 'The CPU default: a visible result within minutes.', inputSize: 64, encoderFilters: [], denseSize: 0, batchSize: 16, learningRate: 5e-5, loss: 'mae' },
  { name: 'original', description: 'For a GPU: the classic deepfakes architecture.', inputSize: 64, encoderFilters: [], denseSize: 0, batchSize: 16, learningRate: 5e-5, loss: 'mae' },
  { name: 'hq', description: 'For a GPU: 128 px faces, sharper output, longer training.', inputSize: 128, encoderFilters: [], denseSize: 0, batchSize: 16, learningRate: 5e-5, loss: 'dssim+mse' },
  { name: 'tiny', description: 'For tests: the loss falls within seconds, the faces stay blurry.', inputSize: 32, encoderFilters: [], denseSize: 0, batchSize: 16, learningRate: 5e-5, loss: 'mae' },
]

/** Where each preset is meant to run, for people choosing one. */
const PRESET_TAGS: Record<string, string> = {
  tiny: 'for tests only',
  lite: 'CPU default',
  original: 'for GPUs',
  hq: 'for GPUs',
}

/** The order the form lists presets in: the default first, tests last. */
const PRESET_ORDER = ['lite', 'original', 'hq', 'tiny']

export function presetTag(name: string): string | undefined {
  return PRESET_TAGS[name]
}

/** "lite (CPU default)", "hq (for GPUs)", "custom". */
export function presetLabel(name: string): string {
  const tag = PRESET_TAGS[name]
  return tag ? `${name} (${tag})` : name
}

export function sortPresets(presets: Preset[]): Preset[] {
  const rank = (name: string): number => {
    const index = PRESET_ORDER.indexOf(name)
    return index === -1 ? PRESET_ORDER.length : index
  }
  return [...presets].sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name))
}

/** The page of a model (route `/models/:id`). */
export function modelPagePath(id: ModelId): string {
  return `/models/${encodeURIComponent(String(id))}`
}

const STATUS_LABELS: Record<string, string> = {
  QUEUED: 'Queued',
  TRAINING: 'Training',
  STOPPED: 'Stopped',
  COMPLETED: 'Completed',
  FAILED: 'Failed',
}

export function modelStatusLabel(status: string): string {
  return STATUS_LABELS[status] ?? status.charAt(0) + status.slice(1).toLowerCase()
}

/** A loss to 4 decimals ("0.0712"), or "—" when there is none yet. */
export function formatLoss(loss: number | null | undefined): string {
  return typeof loss === 'number' && Number.isFinite(loss) ? loss.toFixed(4) : '—'
}

/** Time spent training: "45 s", "12 min", "1 h 5 min"; "—" before it has started. */
export function formatTrainingTime(seconds: number | null | undefined): string {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0) return '—'
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`
  const minutes = Math.round(seconds / 60)
  if (minutes < 60) return `${minutes} min`
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  return m === 0 ? `${h} h` : `${h} h ${m} min`
}

/** "1 iteration", "1,240 iterations". */
export function iterationsText(count: number): string {
  return count === 1 ? '1 iteration' : `${formatCount(count)} iterations`
}

/** "38.2 it/s", "0.45 it/s". */
export function formatRate(perSecond: number | undefined): string {
  if (perSecond === undefined || !Number.isFinite(perSecond) || perSecond <= 0) return '—'
  const digits = perSecond >= 100 ? 0 : perSecond >= 1 ? 1 : 2
  return `${new Intl.NumberFormat(undefined, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(perSecond)} it/s`
}

/** What a TRAIN job's message says, e.g. "Iteration 340, loss 0.0712 (38.2 it/s), target in about 4 min". */
export interface TrainProgress {
  iteration?: number
  rate?: number
  /** "about 4 min" (to the target loss or the iteration limit). */
  eta?: string
  /** Whether the message's estimate is for the target loss. */
  etaToTarget?: boolean
}

/** Reads the numbers out of a TRAIN job's message; what it does not say stays undefined. */
export function parseTrainMessage(message: string | null | undefined): TrainProgress {
  const text = (message ?? '').trim()
  const result: TrainProgress = {}
  if (!text) return result
  const iteration = /\biteration\s+([\d,.\s]*\d)/i.exec(text)
  if (iteration) {
    const value = Number(iteration[1]!.replace(/[^\d]/g, ''))
    if (Number.isFinite(value)) result.iteration = value
  }
  const rate = /([\d]+(?:[.,]\d+)?)\s*it\/s/i.exec(text)
  if (rate) {
    const value = Number(rate[1]!.replace(',', '.'))
    if (Number.isFinite(value)) result.rate = value
  }
  const eta = /\b(target|limit|done|end|finished)?\s*in\s+(about\s+)?([^,;()]+?)\s*$/i.exec(text)
  if (eta && /\d|few|moment/.test(eta[3]!)) {
    result.eta = `${eta[2] ? 'about ' : ''}${eta[3]!.trim()}`
    result.etaToTarget = (eta[1] ?? '').toLowerCase() === 'target'
  }
  return result
}

/** "about 4 min" from seconds (the job's etaSeconds). */
export function etaFromSeconds(seconds: number): string {
  return formatTimeLeft(seconds).replace(/\s+left$/, '')
}

export interface TrainingWatch {
  /** The model changed locally (e.g. Resume was accepted): look at it afresh. */
  check(): void
  stop(): void
}

export interface TrainingWatchOptions {
  model: () => FaceModel
  /** Its TRAIN job moved (undefined while none is known); called while it trains. */
  onJob: (job: Job | undefined) => void
  /** The model as fetched again after its job started or ended. */
  onModel: (model: FaceModel) => void
  /** A 404 while fetching it again: it was deleted meanwhile. */
  onGone?: () => void
  signal?: AbortSignal
  /** Stops watching once this element has been in the page and left it. */
  owner?: Element
}

/** How often a training model with no job in sight is fetched again. */
const FALLBACK_POLL_MS = 15_000

export function isTrainJobOf(job: Job, modelId: ModelId): boolean {
  return job.type === TRAIN_JOB && job.subjectId !== null && String(job.subjectId) === String(modelId)
}

/**
 * Follows a model through its TRAIN job (from the jobs store): the job's
 * progress as it comes, and the model fetched again whenever the job's status
 * changes (it started, or it finished: done, stopped, failed). A training model
 * whose job the store does not know is fetched again now and then instead.
 */
export function watchTraining(options: TrainingWatchOptions): TrainingWatch {
  const { signal, owner } = options
  /** Per job, the status whose change has been dealt with. */
  const seenStatus = new Map<string, string>()
  let fetching = false
  let fetchAgain = false
  let stopped = false
  let seenInPage = false
  let pollTimer: number | undefined

  const refetch = async (): Promise<void> => {
    if (stopped) return
    if (fetching) {
      fetchAgain = true
      return
    }
    fetching = true
    window.clearTimeout(pollTimer)
    try {
      const fresh = await fetchModel(options.model().id, signal)
      if (stopped) return
      options.onModel(fresh)
    } catch (error) {
      if (stopped || signal?.aborted) return
      if (error instanceof ApiError && error.status === 404) {
        options.onGone?.()
        return
      }
    } finally {
      fetching = false
    }
    if (stopped) return
    if (fetchAgain) {
      fetchAgain = false
      void refetch()
      return
    }
    check()
  }

  const check = (): void => {
    if (stopped) return
    window.clearTimeout(pollTimer)
    const model = options.model()
    const job = latestJobFor(TRAIN_JOB, model.id)
    if (job && seenStatus.get(job.id) !== job.status) {
      const firstSight = !seenStatus.has(job.id)
      seenStatus.set(job.id, job.status)
      // The model's status follows its job's. A job seen for the first time
      // that agrees with what is shown needs nothing; any later change (it
      // started, it ended) does.
      const agrees = isActive(job.status) === isTraining(model.status) && !(job.status === 'RUNNING' && model.status === 'QUEUED')
      if (!firstSight || !agrees) {
        options.onJob(isActive(job.status) ? job : undefined)
        void refetch()
        return
      }
    }
    if (!isTraining(model.status)) {
      options.onJob(undefined)
      return
    }
    options.onJob(job && isActive(job.status) ? job : undefined)
    if ((!job || !isActive(job.status)) && jobsLoaded()) {
      pollTimer = window.setTimeout(() => void refetch(), FALLBACK_POLL_MS)
    }
  }

  const unsubscribe = subscribeJobs((event) => {
    if (owner) {
      if (owner.isConnected) seenInPage = true
      else if (seenInPage) {
        stop()
        return
      }
    }
    if (event.kind === 'synced' || (event.kind === 'changed' && isTrainJobOf(event.job, options.model().id))) check()
  })

  const stop = (): void => {
    if (stopped) return
    stopped = true
    unsubscribe()
    window.clearTimeout(pollTimer)
    signal?.removeEventListener('abort', stop)
  }
  signal?.addEventListener('abort', stop, { once: true })
  if (signal?.aborted) stop()
  check()
  return {
    check,
    stop,
  }
}

/** Runs `run` at most once per `minMs` (the last call in a burst still runs, late); e.g. a fetch on every preview event. */
export function throttle(run: () => void, minMs: number): { (): void; cancel(): void } {
  let last = 0
  let timer: number | undefined
  const call = (): void => {
    const wait = last + minMs - Date.now()
    if (wait <= 0) {
      last = Date.now()
      run()
      return
    }
    if (timer === undefined) {
      timer = window.setTimeout(() => {
        timer = undefined
        last = Date.now()
        run()
      }, wait)
    }
  }
  call.cancel = (): void => {
    window.clearTimeout(timer)
    timer = undefined
  }
  return call
}
