import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
import type { LossPoint } from '../../api/model/model.ts'
import { formatCount } from '../../ui/format.ts'

export interface LossChart {
  /** Replaces the history (oldest first). */
  setPoints(points: LossPoint[]): void
  /** Adds a live point after the last one (older or repeated iterations are ignored). */
  addPoint(point: LossPoint): void
  /** The last iteration drawn, or undefined when there is none. */
  lastIteration(): number | undefined
  setLogScale(on: boolean): void
  /** A dashed line at the target loss (null: none). */
  setTarget(loss: number | null): void
  dispose(): void
}

export interface LossChartOptions {
  logScale?: boolean
  target?: number | null
  /** Said when there are no points yet. */
  emptyText?: string
}

/** Chart height in CSS pixels: shorter where the chart is narrow (phones). */
function heightFor(width: number): number {
  return width < 480 ? 220 : 280
}

/** "0.3", "0.25", "0.071": the fewest digits that tell the grid lines apart. */
function formatAxisLoss(value: number): string {
  return String(Number(value.toPrecision(3)))
}

/** "12k" for wide numbers on the iteration axis. */
function formatAxisIteration(value: number): string {
  if (Math.abs(value) >= 10_000) return `${formatCount(Math.round(value / 100) / 10)}k`
  return formatCount(value)
}

/** The last non-empty value of a series, for the legend when the cursor is elsewhere. */
function lastValue(u: uPlot, seriesIdx: number): number | null {
  const values = u.data[seriesIdx] as (number | null | undefined)[] | undefined
  if (!values) return null
  for (let i = values.length - 1; i >= 0; i--) {
    const value = values[i]
    if (value !== null && value !== undefined) return value
  }
  return null
}

interface Colors {
  a: string
  b: string
  target: string
  axis: string
  grid: string
}

function readColors(element: HTMLElement): Colors {
  const style = getComputedStyle(element)
  const read = (name: string, fallback: string): string => style.getPropertyValue(name).trim() || fallback
  return {
    a: read('--chart-a', '#4f46e5'),
    b: read('--chart-b', '#d97706'),
    target: read('--chart-target', '#15803d'),
    axis: read('--chart-axis', '#6b6b76'),
    grid: read('--chart-grid', '#e6e6ea'),
  }
}

/**
 * The loss chart of a model (uPlot): "Loss A" and "Loss B" against the
 * iteration, on a linear or log y-axis, as wide as its element and redrawn in
 * the colours of the current light or dark theme.
 */
export function setupLossChart(element: HTMLElement, options: LossChartOptions = {}): LossChart {
  let logScale = options.logScale === true
  let target = options.target ?? null
  const xs: number[] = []
  const as: (number | null)[] = []
  const bs: (number | null)[] = []

  element.classList.add('loss-chart')
  const host = document.createElement('div')
  host.className = 'loss-chart-host'
  const empty = document.createElement('p')
  empty.className = 'loss-chart-empty'
  empty.textContent = options.emptyText ?? 'The loss appears here as soon as training has made its first steps.'
  element.replaceChildren(host, empty)

  let chart: uPlot | undefined
  let width = 0

  /** Log scales cannot show 0 or less: those points become gaps. */
  const data = (): uPlot.AlignedData => {
    if (!logScale) return [xs, as, bs]
    const positive = (value: number | null): number | null => (value !== null && value > 0 ? value : null)
    return [xs, as.map(positive), bs.map(positive)]
  }

  const yRange = (_u: uPlot, min: number | null, max: number | null): uPlot.Range.MinMax => {
    if (min === null || max === null || !Number.isFinite(min) || !Number.isFinite(max)) {
      return logScale ? [0.01, 1] : [0, target !== null ? target * 2 : 0.1]
    }
    if (target !== null) {
      min = Math.min(min, target)
      max = Math.max(max, target)
    }
    if (logScale) return uPlot.rangeLog(Math.max(min, 1e-6), max, 10, false)
    return [0, max > 0 ? max * 1.08 : 0.1]
  }

  const drawTarget = (u: uPlot): void => {
    if (target === null || xs.length === 0) return
    const y = Math.round(u.valToPos(target, 'y', true))
    const { left, top, width: w, height: h } = u.bbox
    if (y < top || y > top + h) return
    const ratio = uPlot.pxRatio
    const colors = readColors(element)
    const ctx = u.ctx
    ctx.save()
    ctx.strokeStyle = colors.target
    ctx.fillStyle = colors.target
    ctx.lineWidth = ratio
    ctx.setLineDash([5 * ratio, 4 * ratio])
    ctx.beginPath()
    ctx.moveTo(left, y)
    ctx.lineTo(left + w, y)
    ctx.stroke()
    ctx.setLineDash([])
    ctx.font = `600 ${11 * ratio}px system-ui, sans-serif`
    // At the left, where the curve is still high above it.
    ctx.textAlign = 'left'
    ctx.textBaseline = 'bottom'
    ctx.fillText(`target ${target.toFixed(4)}`, left + 6 * ratio, y - 3 * ratio)
    ctx.restore()
  }

  const build = (): void => {
    chart?.destroy()
    chart = undefined
    width = Math.floor(host.clientWidth)
    if (width <= 0) return
    const colors = readColors(element)
    const narrow = width < 480
    const font = '12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif'
    const axis = (label: string): uPlot.Axis => ({
      stroke: colors.axis,
      font,
      labelFont: `600 ${font}`,
      label,
      grid: { stroke: colors.grid, width: 1 },
      ticks: { stroke: colors.grid, width: 1, size: 4 },
    })
    const loss = (label: string, stroke: string): uPlot.Series => ({
      label,
      stroke,
      width: 2,
      points: { show: false },
      spanGaps: true,
      value: (u, value, seriesIdx, idx) => {
        // Away from the cursor, the legend shows the latest point.
        const shown = idx === null ? lastValue(u, seriesIdx) : value
        return shown === null || shown === undefined ? '—' : shown.toFixed(4)
      },
    })
    chart = new uPlot(
      {
        width,
        height: heightFor(width),
        scales: {
          x: { time: false },
          y: logScale ? { distr: 3, log: 10, range: yRange } : { range: yRange },
        },
        axes: [
          { ...axis('Iteration'), values: (_u, splits) => splits.map(formatAxisIteration) },
          // Narrow (phones): the card's title says "Loss", so the axis keeps its room for the numbers.
          {
            ...axis(narrow ? '' : 'Loss'),
            // uPlot takes a key set to undefined as meant: only set what differs from its defaults.
            ...(narrow ? { labelSize: 0 } : {}),
            size: narrow ? 44 : 58,
            values: (_u, splits) => splits.map((value) => (value === null ? '' : formatAxisLoss(value))),
          },
        ],
        series: [
          {
            label: 'Iteration',
            value: (u, value, _seriesIdx, idx) => {
              const shown = idx === null ? lastValue(u, 0) : value
              return shown === null || shown === undefined ? '—' : formatCount(shown)
            },
          },
          loss('Loss A', colors.a),
          loss('Loss B', colors.b),
        ],
        cursor: { points: { size: 7 }, drag: { x: true, y: false } },
        legend: { live: true },
        hooks: { draw: [drawTarget] },
      },
      data(),
      host,
    )
  }

  let frame: number | undefined
  /** Coalesces a burst of points into one redraw. */
  const redraw = (): void => {
    empty.hidden = xs.length > 0
    element.classList.toggle('is-empty', xs.length === 0)
    if (frame !== undefined) return
    frame = window.requestAnimationFrame(() => {
      frame = undefined
      if (!chart) build()
      else chart.setData(data())
    })
  }

  const resize = new ResizeObserver(() => {
    const next = Math.floor(host.clientWidth)
    if (next <= 0 || next === width) return
    // Crossing into or out of the phone layout changes the axes: draw it anew.
    if (!chart || next < 480 !== width < 480) {
      build()
      return
    }
    width = next
    chart.setSize({ width, height: heightFor(width) })
  })
  resize.observe(host)

  // Light and dark draw with different colours: a change of theme draws it anew.
  const scheme = window.matchMedia('(prefers-color-scheme: dark)')
  const onScheme = (): void => build()
  scheme.addEventListener('change', onScheme)

  const push = (point: LossPoint): void => {
    xs.push(point.iteration)
    as.push(typeof point.lossA === 'number' && Number.isFinite(point.lossA) ? point.lossA : null)
    bs.push(typeof point.lossB === 'number' && Number.isFinite(point.lossB) ? point.lossB : null)
  }

  build()
  redraw()

  return {
    setPoints(points) {
      xs.length = 0
      as.length = 0
      bs.length = 0
      let last = -Infinity
      for (const point of points) {
        if (!(point.iteration > last)) continue
        last = point.iteration
        push(point)
      }
      redraw()
    },
    addPoint(point) {
      const last = xs[xs.length - 1]
      if (last !== undefined && point.iteration <= last) return
      push(point)
      redraw()
    },
    lastIteration: () => xs[xs.length - 1],
    setLogScale(on) {
      if (on === logScale) return
      logScale = on
      build()
    },
    setTarget(loss) {
      if (loss === target) return
      target = loss
      // The y range makes room for the target: it is worked out again from the data.
      chart?.setData(data())
    },
    dispose() {
      if (frame !== undefined) window.cancelAnimationFrame(frame)
      resize.disconnect()
      scheme.removeEventListener('change', onScheme)
      chart?.destroy()
      chart = undefined
    },
  }
}
