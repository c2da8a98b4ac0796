import { isActive, type Job } from '../api/model/job.ts'
import { isTraining, type FaceModel, type ModelId, type Preset } from '../api/model/model.ts'
import { fetchModel } from '../api/models.ts'
import { isJobFor, watchSubjectJob, type SubjectJobWatch } from '../jobs.ts'
import { formatCount, formatTimeLeft } from '../ui/format.ts'

/** The job type that trains a model; its `subjectId` is the model id. */
export const TRAIN_JOB = 'TRAIN'

/** The preset the form starts with: its preview moves within minutes on a CPU. */
export const DEFAULT_PRESET = 'lite'

/** Offered when the server's list could not be loaded. */
export const FALLBACK_PRESETS: Preset[] = [
  { name: 'lite', description: 'The CPU default: the preview sharpens within minutes, but its swaps stay a blur on a CPU; a recognisable swap takes a GPU.', inputSize: 64, encoderFilters: [], denseSize: 0, batchSize: 16, learningRate: 2e-4, loss: 'mae', warmupIterations: 100, warpIterations: 2000, featureWeight: 0, icnr: false },
  { name: 'original', description: 'For a GPU: the classic deepfakes architecture.', inputSize: 64, encoderFilters: [], denseSize: 0, batchSize: 16, learningRate: 5e-5, loss: 'mae', warmupIterations: 0, featureWeight: 0, icnr: false, warpIterations: null },
  { name: 'hq', description: 'For a GPU: 128 px faces, sharper output, longer training.', inputSize: 128, encoderFilters: [], denseSize: 0, batchSize: 16, learningRate: 5e-5, loss: 'dssim+mse', warmupIterations: 0, featureWeight: 0, icnr: false, warpIterations: null },
  { name: 'tiny', description: 'For tests: the loss falls within seconds, the faces stay blurry.', inputSize: 32, encoderFilters: [], denseSize: 0, batchSize: 16, learningRate: 5e-5, loss: 'mae', warmupIterations: 0, featureWeight: 0, icnr: false, warpIterations: null },
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

/** `check()`: the model changed locally (e.g. Resume was accepted): look at it afresh. */
export type TrainingWatch = SubjectJobWatch

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
  return isJobFor(job, TRAIN_JOB, modelId)
}

/**
 * Follows a model through its TRAIN job (see {@link watchSubjectJob}): the
 * job's progress as it comes, and the model fetched again whenever the job's
 * status changes (it started, or it finished: done, stopped, failed).
 */
export function watchTraining(options: TrainingWatchOptions): TrainingWatch {
  return watchSubjectJob({
    type: TRAIN_JOB,
    subject: options.model,
    subjectId: (model) => model.id,
    busy: (model) => isTraining(model.status),
    // A job that runs while the model still says QUEUED has started since.
    agrees: (job, model) => isActive(job.status) === isTraining(model.status) && !(job.status === 'RUNNING' && model.status === 'QUEUED'),
    fetch: (model, signal) => fetchModel(model.id, signal),
    onJob: options.onJob,
    onSubject: options.onModel,
    onGone: options.onGone,
    signal: options.signal,
    owner: options.owner,
    pollMs: FALLBACK_POLL_MS,
  })
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
