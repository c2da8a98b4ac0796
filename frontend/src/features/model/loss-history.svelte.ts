import type { LossPoint, ModelId } from '../../api/model/model.ts'
import { fetchLossHistory } from '../../api/models.ts'
import { messageOf } from '../../ui/form.ts'
import { throttle } from '../model-meta.ts'
import type { LossChart } from './uplot-chart.ts'

export interface LossHistoryOptions {
  modelId: () => ModelId
  /** The page's lifetime. */
  signal: AbortSignal
  /** A newer point than any before (from the history or live). */
  onLatest: (point: LossPoint) => void
}

/**
 * A model's loss history as drawn: fetched whole, then grown by live points.
 * Live points that come while it is on its way wait and join it after its
 * last point. The chart (uPlot, loaded late) attaches once it is there.
 */
export class LossHistory {
  /** The whole history as drawn, oldest first (plain: uPlot takes it as it is). */
  readonly series: LossPoint[] = []
  /** Bumped on every change of `series`, for what describes it. */
  version = $state(0)
  busy = $state(false)
  /** Why the history could not be loaded ('' when it was). */
  error = $state('')

  private readonly options: LossHistoryOptions
  private loaded = false
  private controller: AbortController | undefined
  private pending: LossPoint[] = []
  private chart: LossChart | undefined
  /** A point older than the last one means training went back to a checkpoint: the history is fetched anew. */
  private readonly reloadSoon = throttle(() => void this.load(), 2_000)

  constructor(options: LossHistoryOptions) {
    this.options = options
  }

  get last(): LossPoint | undefined {
    void this.version
    return this.series[this.series.length - 1]
  }

  get count(): number {
    void this.version
    return this.series.length
  }

  attach(chart: LossChart | undefined): void {
    this.chart = chart
    if (chart && this.series.length > 0) chart.setPoints(this.series)
  }

  async load(): Promise<void> {
    const { signal } = this.options
    this.controller?.abort()
    const current = new AbortController()
    this.controller = current
    signal.addEventListener('abort', () => current.abort(), { once: true })
    this.loaded = false
    this.busy = true
    try {
      const history = await fetchLossHistory(this.options.modelId(), current.signal)
      if (current.signal.aborted) return
      const last = history[history.length - 1]
      const merged = [...history, ...this.pending.filter((point) => !last || point.iteration > last.iteration)]
      this.pending = []
      this.loaded = true
      this.series.splice(0, this.series.length, ...merged)
      this.chart?.setPoints(this.series)
      const newest = this.series[this.series.length - 1]
      if (newest) this.options.onLatest(newest)
      this.error = ''
      this.version++
    } catch (error) {
      if (current.signal.aborted) return
      this.loaded = true
      for (const point of this.pending) this.add(point)
      this.pending = []
      this.error = `Could not load the loss history. ${messageOf(error)} `
    } finally {
      if (this.controller === current) {
        this.controller = undefined
        this.busy = false
      }
    }
  }

  /** A live point. */
  onLoss(point: LossPoint): void {
    if (!this.loaded) {
      this.pending.push(point)
      return
    }
    const last = this.series[this.series.length - 1]
    if (!this.add(point) && last && point.iteration < last.iteration) this.reloadSoon()
  }

  dispose(): void {
    this.reloadSoon.cancel()
    this.controller?.abort()
  }

  /** Adds a point after the last one; returns false for an older or repeated one. */
  private add(point: LossPoint): boolean {
    const last = this.series[this.series.length - 1]
    if (last && point.iteration <= last.iteration) return false
    this.series.push(point)
    this.chart?.addPoint(point)
    this.options.onLatest(point)
    this.version++
    return true
  }
}
