import { ApiError } from '../../api/http.ts'
import type { Job } from '../../api/model/job.ts'
import { isTraining, type FaceModel, type LossPoint, type Preset } from '../../api/model/model.ts'
import { fetchModel, isLossEvent, isPreviewEvent, stopModel } from '../../api/models.ts'
import { refreshJobs, subscribeJobs } from '../../jobs.ts'
import { messageOf } from '../../ui/form.ts'
import { showToast } from '../../ui/toast.ts'
import { FALLBACK_PRESETS, throttle, watchTraining, type TrainingWatch } from '../model-meta.ts'
import { LossHistory } from './loss-history.svelte.ts'
import { addTick, currentIteration, type Tick, type TrainingSnapshot } from './training-view.ts'

/**
 * A model's training as the model page follows it: the model (fetched again
 * when its TRAIN job starts or ends, see `watchTraining`), the job's progress,
 * the live `loss` and `preview` events, and the loss history. Created with the
 * page (so its event listeners are set up with it); `start` once the model is
 * loaded, `dispose` when the page goes.
 */
export class ModelLive {
  model = $state.raw<FaceModel | undefined>(undefined)
  presets = $state.raw<Preset[]>([])
  /** When `model` was fetched: its training time runs on from there while it trains. */
  fetchedAt = $state(0)
  job = $state.raw<Job | undefined>(undefined)
  stopRequested = $state(false)
  /** The newest loss point heard of (history or live). */
  latest = $state.raw<LossPoint | undefined>(undefined)
  ticks = $state.raw<Tick[]>([])
  /** Ticks every 5 s while it trains: the training time and the time left move on between events. */
  clock = $state(0)
  /** A 404 on fetching it again: deleted meanwhile. */
  gone = $state(false)
  readonly history: LossHistory

  private readonly signal: AbortSignal
  private watch: TrainingWatch | undefined
  private timer: number | undefined
  private stopStream: (() => void) | undefined
  // A new preview: the smoothed loss and the time have moved on too.
  private readonly refreshSoon = throttle(() => void this.refetch(), 10_000)

  constructor(signal: AbortSignal) {
    this.signal = signal
    this.history = new LossHistory({ modelId: () => this.model!.id, signal, onLatest: (point) => (this.latest = point) })
  }

  get snapshot(): TrainingSnapshot {
    void this.clock
    return { model: this.model!, job: this.job, latest: this.latest, ticks: this.ticks, fetchedAt: this.fetchedAt, now: Date.now() }
  }

  get preset(): Preset | undefined {
    const name = this.model?.preset
    return this.presets.find((preset) => preset.name === name) ?? FALLBACK_PRESETS.find((preset) => preset.name === name)
  }

  start(model: FaceModel, presets: Promise<Preset[]>): void {
    const { signal } = this
    this.model = model
    this.fetchedAt = Date.now()
    this.watch = watchTraining({
      model: () => this.model!,
      onJob: (next) => {
        this.job = next
        this.noticeTraining()
      },
      onModel: (fresh) => this.setModel(fresh),
      onGone: () => (this.gone = true),
      signal,
    })
    // No replay after a reconnect: what was missed comes from the server.
    let disconnected = false
    this.stopStream = subscribeJobs((event) => {
      if (event.kind !== 'stream') return
      if (event.state === 'reconnecting') disconnected = true
      else if (event.state === 'open' && disconnected) {
        disconnected = false
        void this.refetch()
        void this.history.load()
      }
    })
    this.timer = window.setInterval(() => {
      if (this.model && isTraining(this.model.status)) this.clock++
    }, 5_000)
    presets.then((list) => {
      if (!signal.aborted) this.presets = list
    })
    void this.history.load()
  }

  setModel(fresh: FaceModel): void {
    const before = this.model?.status
    this.model = fresh
    this.fetchedAt = Date.now()
    if (!isTraining(fresh.status)) {
      this.job = undefined
      this.stopRequested = false
    }
    this.watch?.check()
    if (before !== fresh.status && !isTraining(fresh.status)) this.ticks = []
  }

  async refetch(): Promise<void> {
    if (!this.model) return
    try {
      const fresh = await fetchModel(this.model.id, this.signal)
      if (!this.signal.aborted) this.setModel(fresh)
    } catch (error) {
      if (this.signal.aborted) return
      if (error instanceof ApiError && error.status === 404) this.gone = true
    }
  }

  /**
   * Iterations beyond the model's own count (from the job's progress or a loss point) prove it trains: a
   * "Queued" fetched before the worker started is out of date. The status says so at once, the rest follows.
   */
  private noticeTraining(): void {
    const model = this.model!
    if (model.status !== 'QUEUED' || currentIteration(this.snapshot) <= model.iterations) return
    this.model = { ...model, status: 'TRAINING', message: null }
    void this.refetch()
  }

  private isMine(modelId: unknown): boolean {
    return this.model !== undefined && String(modelId) === String(this.model.id)
  }

  onLossEvent(data: unknown): void {
    if (!isLossEvent(data) || !this.isMine(data.modelId)) return
    const model = this.model!
    if (typeof data.smoothed === 'number' && data.iteration >= model.iterations) {
      const best = model.bestLoss === null ? data.smoothed : Math.min(model.bestLoss, data.smoothed)
      this.model = { ...model, smoothedLoss: data.smoothed, bestLoss: best }
    }
    this.ticks = addTick(this.ticks, data.iteration, Date.now())
    this.history.onLoss({ iteration: data.iteration, lossA: data.lossA, lossB: data.lossB })
    this.noticeTraining()
  }

  /** A new preview grid; true when it is this model's (the preview card loads it). */
  onPreviewEvent(data: unknown): boolean {
    if (!isPreviewEvent(data) || !this.isMine(data.modelId)) return false
    const model = this.model!
    if (model.previewIteration === null || data.iteration > model.previewIteration) {
      this.model = { ...model, previewIteration: data.iteration }
    }
    this.refreshSoon()
    return true
  }

  async stop(): Promise<void> {
    if (this.stopRequested || !this.model) return
    this.stopRequested = true
    try {
      const answer = await stopModel(this.model.id)
      if (this.signal.aborted) return
      this.setModel(answer)
    } catch (error) {
      if (this.signal.aborted) return
      this.stopRequested = false
      if (error instanceof ApiError && error.status === 409) {
        // It had already stopped: show how it is now.
        void this.refetch()
      } else {
        showToast(`Could not stop training. ${messageOf(error)}`, 'error')
      }
    }
  }

  /** Resume was accepted. */
  resumed(answer: FaceModel): void {
    this.ticks = []
    this.setModel(answer)
    void refreshJobs()
    // It goes on from its checkpoint: the history after it is gone.
    void this.history.load()
  }

  dispose(): void {
    window.clearInterval(this.timer)
    this.stopStream?.()
    this.refreshSoon.cancel()
    this.history.dispose()
    this.watch?.stop()
  }
}
