/**
 * What the model page says about a training, worked out from the model, its TRAIN job and the live loss points:
 * the numbers, the time left and what it is to, the status line, and what Resume suggests. Pure, so it can be
 * tested without a page.
 */
import type { Job } from '../../api/model/job.ts'
import { isTraining, type FaceModel, type LossPoint, type Preset, type TrainingLimits } from '../../api/model/model.ts'
import { formatCount, formatTimeSpent } from '../../ui/format.ts'
import { waitingText } from '../queue-place.ts'
import { etaFromSeconds, formatLoss, formatRate, iterationsText, modelStatusLabel, parseTrainMessage, presetLabel } from '../model-meta.ts'

/** Recent loss points (with when they came) for the speed when the job does not say it. */
export interface Tick {
  iteration: number
  at: number
}

/** Everything the numbers are worked out from. */
export interface TrainingSnapshot {
  model: FaceModel
  job: Job | undefined
  /** The newest loss point heard of (history or live). */
  latest: LossPoint | undefined
  ticks: Tick[]
  /** When `model` was fetched: its training time runs on from there while it trains. */
  fetchedAt: number
  now: number
}

/** `ticks` with a new point, keeping the last dozen within half a minute (but at least two). */
export function addTick(ticks: Tick[], iteration: number, at: number): Tick[] {
  const next = [...ticks, { iteration, at }]
  while (next.length > 12 || (next.length > 2 && at - next[0]!.at > 30_000)) next.shift()
  return next
}

export function currentIteration(s: TrainingSnapshot): number {
  const fromJob = s.job ? parseTrainMessage(s.job.message).iteration : undefined
  return Math.max(s.model.iterations, s.latest?.iteration ?? 0, fromJob ?? 0)
}

export function measuredRate(ticks: Tick[]): number | undefined {
  if (ticks.length < 2) return undefined
  const first = ticks[0]!
  const last = ticks[ticks.length - 1]!
  const seconds = (last.at - first.at) / 1000
  if (seconds < 1.5 || last.iteration <= first.iteration) return undefined
  return (last.iteration - first.iteration) / seconds
}

export function currentRate(s: TrainingSnapshot): number | undefined {
  if (!isTraining(s.model.status) || !s.job || s.job.status !== 'RUNNING') return undefined
  return parseTrainMessage(s.job.message).rate ?? measuredRate(s.ticks)
}

export function trainingSeconds(s: TrainingSnapshot): number {
  const running = isTraining(s.model.status) && s.job?.status === 'RUNNING'
  return s.model.trainingSeconds + (running ? (s.now - s.fetchedAt) / 1000 : 0)
}

/** The time left and what it is to, while it trains. */
export function timeLeft(s: TrainingSnapshot): { eta: string; goal: string } {
  const { model, job } = s
  if (!isTraining(model.status)) return { eta: '—', goal: '' }
  const targetGoal = model.targetLoss !== null ? `to loss ${model.targetLoss.toFixed(4)}` : ''
  const iterationGoal = model.maxIterations !== null ? `to ${iterationsText(model.maxIterations)}` : ''
  if (!job || job.status !== 'RUNNING') return { eta: '—', goal: targetGoal || iterationGoal }
  const said = parseTrainMessage(job.message)
  const goal = said.etaToTarget ? targetGoal || 'to the target loss' : iterationGoal || targetGoal
  if (job.etaSeconds !== null && job.etaSeconds >= 0) return { eta: etaFromSeconds(job.etaSeconds), goal }
  if (said.eta) return { eta: said.eta, goal: said.etaToTarget ? targetGoal || 'to the target loss' : goal }
  const rate = currentRate(s)
  const candidates: { seconds: number; goal: string }[] = []
  if (model.maxIterations !== null && rate) {
    candidates.push({ seconds: Math.max(0, model.maxIterations - currentIteration(s)) / rate, goal: iterationGoal })
  }
  if (model.maxMinutes !== null) {
    candidates.push({ seconds: Math.max(0, model.maxMinutes * 60 - trainingSeconds(s)), goal: 'to the time limit' })
  }
  if (candidates.length > 0) {
    const soonest = candidates.reduce((a, b) => (b.seconds < a.seconds ? b : a))
    return { eta: etaFromSeconds(soonest.seconds), goal: soonest.goal }
  }
  if (job.progress > 0.001 && job.startedAt) {
    const elapsed = (s.now - Date.parse(job.startedAt)) / 1000
    if (elapsed > 0) return { eta: etaFromSeconds((elapsed * (1 - job.progress)) / job.progress), goal }
  }
  return { eta: '—', goal: targetGoal ? targetGoal : 'no limit: until the loss stops improving' }
}

export function deviceText(device: string | null): string {
  if (!device) return '—'
  return device.replace(/^(cpu|gpu)\b/i, (word) => word.toUpperCase())
}

/** The stats card's texts, and the progress bar's percent (undefined: no bar). */
export interface TrainingNumbers {
  iterations: string
  rate: string
  eta: string
  goal: string
  lossA: string
  lossB: string
  smoothed: string
  best: string
  time: string
  device: string
  percent: number | undefined
}

export function trainingNumbers(s: TrainingSnapshot): TrainingNumbers {
  const { model, job, latest } = s
  const fresh = latest && latest.iteration >= model.iterations ? latest : undefined
  const percent = job && job.status === 'RUNNING' ? Math.round(job.progress * 100) : undefined
  return {
    iterations: formatCount(currentIteration(s)),
    rate: formatRate(currentRate(s)),
    ...timeLeft(s),
    lossA: formatLoss(fresh ? fresh.lossA : model.lossA),
    lossB: formatLoss(fresh ? fresh.lossB : model.lossB),
    // Best and now, both smoothed the same way: the best is never above the loss it is compared with.
    smoothed: formatLoss(model.smoothedLoss),
    best: formatLoss(model.bestLoss),
    time: formatTimeSpent(trainingSeconds(s)),
    device: deviceText(model.device),
    // Training with no limit set has no progress to show: no bar then.
    percent: isTraining(model.status) && percent !== undefined && percent > 0 ? percent : undefined,
  }
}

/** The status pill (its words and its `model-status-*` modifier) and the message beside it. */
export function statusLine(model: FaceModel, job: Job | undefined, stopRequested: boolean): { label: string; cls: string; message: string } {
  if (stopRequested) return { label: 'Stopping', cls: 'stopping', message: 'Saving a checkpoint, then it stops. You can resume from there.' }
  let message = model.message?.trim() ?? ''
  if (model.status === 'QUEUED') message = waitingText(job, message)
  return { label: modelStatusLabel(model.status), cls: model.status.toLowerCase(), message }
}

/** A model that reached its target loss would stop again at once with it. */
export function reachedTarget(model: FaceModel): boolean {
  return model.status === 'COMPLETED' && model.targetLoss !== null && model.bestLoss !== null && model.bestLoss <= model.targetLoss
}

/** What the resume form starts with: a higher limit when the last one was what stopped it. */
export function resumeSuggestion(model: FaceModel): { value: string; hint: string; placeholder: string } {
  const limit = model.maxIterations
  let value = ''
  let hint: string
  if (limit !== null && model.iterations >= limit) {
    value = String(Math.max(limit * 2, Math.ceil((model.iterations + 1) / 1000) * 1000))
    hint = `It stopped at its limit of ${formatCount(limit)}: resume with a higher one.`
  } else {
    hint = limit !== null ? `Empty keeps the limit of ${formatCount(limit)}.` : 'Empty: no limit, it runs until the loss stops improving or you stop it.'
  }
  if (reachedTarget(model)) hint += ` It reached its target loss of ${formatLoss(model.targetLoss)}: it goes on without one.`
  const from = model.checkpointIteration
  if (from !== null) hint += ` It goes on from the checkpoint at iteration ${formatCount(from)}.`
  return { value, hint, placeholder: limit !== null ? formatCount(limit) : 'No limit' }
}

/** The resume form's input read: no limit given, a limit, or why it is not one. */
export function readResumeLimit(text: string, badInput: boolean): { maxIterations?: number; error?: string } {
  if (badInput) return { error: 'Enter a whole number of iterations, or leave it empty.' }
  const trimmed = text.trim()
  if (trimmed === '') return {}
  const value = Number(trimmed)
  if (!Number.isInteger(value) || value < 1) return { error: 'Enter a whole number, at least 1.' }
  return { maxIterations: value }
}

/**
 * The limits to resume with: none sent keeps them all; a new iteration limit
 * is sent with the others as they are, so that none is lost on the way.
 */
export function resumeLimits(model: FaceModel, maxIterations: number | undefined): TrainingLimits | undefined {
  const dropTarget = reachedTarget(model)
  if (maxIterations === undefined && !dropTarget) return undefined
  const limits: TrainingLimits = { plateauIterations: model.plateauIterations, plateauPercent: model.plateauPercent }
  const iterations = maxIterations ?? model.maxIterations
  if (iterations !== null) limits.maxIterations = iterations
  if (model.targetLoss !== null && !dropTarget) limits.targetLoss = model.targetLoss
  if (model.maxMinutes !== null) limits.maxMinutes = model.maxMinutes
  return limits
}

/** "Preset lite (CPU default) · 64 px faces · created …". */
export function modelSubtitle(model: FaceModel, preset: Preset | undefined, created: string): string {
  const bits = [`Preset ${presetLabel(model.preset)}`]
  if (preset && preset.inputSize > 0) bits.push(`${preset.inputSize} px faces`)
  bits.push(`created ${created}`)
  return bits.join(' · ')
}

/** "at iteration 1,200" for a model that started from another; '' for one that started afresh. */
export function startedFromIteration(model: FaceModel): string {
  const iteration = model.startedFrom?.iteration
  return typeof iteration === 'number' ? `at iteration ${iteration.toLocaleString('en')}` : ''
}

/**
 * What the loss can and cannot say. No verdict comes from the number alone: a
 * tiny model once read "0.0377, recognisable" beside a preview of colour noise.
 */
export function lossGuide(model: FaceModel, preset: Preset | undefined): { measureText: string; tinyNote: boolean } {
  const loss = preset?.loss ?? (model.preset === 'hq' ? 'dssim+mse' : 'mae')
  const measure = loss === 'mae' ? 'mean absolute error' : loss === 'dssim+mse' ? 'structural dissimilarity plus squared error' : loss
  return {
    measureText: `It falls as the decoders learn (the ${model.preset} preset measures it as ${measure}), but no number says the faces look right: the same loss can go with a clear face on one pair of face sets and with colour noise on another.`,
    tinyNote: model.preset === 'tiny',
  }
}
