// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { FaceModel } from '../api/model/model.ts'
import { FakeEventSource } from '../test-doubles/event-source.ts'

// The page against the real API client and job store, with fetch and the event stream played by the test. uPlot
// needs a real canvas: the chart is a stand-in (the browser tests draw the real one).
vi.mock('../features/model/uplot-chart.ts', () => ({
  setupLossChart: () => ({ setPoints: vi.fn(), addPoint: vi.fn(), lastIteration: vi.fn(), setLogScale: vi.fn(), setTarget: vi.fn(), dispose: vi.fn() }),
}))

// Imported afresh with the job store (see resetModules below): one Svelte runtime for the page and the test.
let svelte: typeof import('svelte')
const flushSync = (): void => svelte.flushSync()

const USER = { id: 'u1', email: 'ada@example.test', createdAt: '2026-12-01T00:00:00Z' }
let model: FaceModel
let calls: string[]

const json = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } })

function trainJob(status: string, message: string | null) {
  return {
    id: 'j1', type: 'TRAIN', status, lane: 'cpu', subjectId: 'm1', subjectName: 'Pair', progress: 0.1, message, etaSeconds: null, attempts: 1,
    maxAttempts: 3, cancelRequested: false, queuePosition: null, estimatedStart: null, createdAt: '2026-12-02T10:00:00Z',
    startedAt: '2026-12-02T10:00:00Z', finishedAt: null, error: null,
  }
}

async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 0))
  flushSync()
}

const text = (selector: string): string => document.querySelector(selector)?.textContent?.trim() ?? ''

beforeEach(() => {
  vi.resetModules()
  FakeEventSource.opened = []
  calls = []
  // Its iterations cover its loss history, as the server's do (a QUEUED model behind its own history would be
  // taken for training and fetched again at once, over and over, with a stub that keeps saying QUEUED).
  model = {
    id: 'm1', name: 'Pair', preset: 'tiny', faceSetA: 'fa', faceSetB: 'fb', status: 'QUEUED', message: null, device: null, iterations: 10,
    lossA: null, lossB: null, smoothedLoss: null, bestLoss: null, trainingSeconds: 0, checkpointIteration: null, previewIteration: null,
    targetLoss: null, maxIterations: 120, maxMinutes: null, plateauIterations: 0, plateauPercent: 1, jobId: 'j1', createdAt: '2026-12-02T10:00:00Z',
  } as FaceModel
  vi.stubGlobal('EventSource', FakeEventSource)
  vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET'
    calls.push(`${method} ${url}`)
    if (url === '/api/models/m1/stop') {
      model = { ...model, status: 'STOPPED', iterations: 60, checkpointIteration: 60 }
      return json(model)
    }
    if (url === '/api/models/m1') return json(model)
    if (url === '/api/models/nope') return json({ status: 404, title: 'Not Found' }, 404)
    if (url === '/api/models/m1/loss') return json([{ iteration: 10, lossA: 0.3, lossB: 0.31 }])
    if (url.startsWith('/api/facesets/')) return json({ id: url.slice(14), name: url.endsWith('fa') ? 'Alice' : 'Bob', videoId: null, minFaceSize: 40 })
    return json([])
  }))
})

afterEach(async () => {
  const session = await import('../session.ts')
  session.setCurrentUser(null)
  vi.unstubAllGlobals()
  document.body.replaceChildren()
})

async function showPage(id: string) {
  const session = await import('../session.ts')
  // As the app does at start: the job stream follows who is signed in.
  const jobs = await import('../jobs.ts')
  jobs.followSignedInUser()
  session.setCurrentUser(USER)
  svelte = await import('svelte')
  const { default: ModelPage } = await import('./ModelPage.svelte')
  const page = svelte.mount(ModelPage, { target: document.body, props: { params: { id } } })
  expect(text('#model-title')).toBe('Loading model…')
  await settle()
  return page
}

// The first import of the page (after resetModules) transforms it and all it imports: slow on a loaded machine.
vi.setConfig({ testTimeout: 60_000 })

describe('ModelPage', () => {
  it('follows a queued model into training, live, and stops it', async () => {
    const page = await showPage('m1')
    const stream = FakeEventSource.latest()
    stream.open()
    await settle()
    expect(text('#model-title')).toBe('Pair')
    expect(document.title).toBe('Pair · Doppel')
    expect(text('#model-status .model-status')).toBe('Queued')
    expect(text('#model-faceset-a-link')).toBe('A: Alice')
    expect(document.querySelector('#loss-chart')?.getAttribute('aria-label')).toBe('Loss chart of 1 points up to iteration 10; latest loss A 0.3000, loss B 0.3100')
    expect(text('#model-loss-guide')).toContain('tiny is for tests')
    expect(document.querySelector<HTMLElement>('#resume-form')!.hidden).toBe(true)

    // Iterations beyond the model's own count prove it trains, before the model is fetched again.
    model = { ...model, status: 'TRAINING', iterations: 40 }
    stream.send('job', trainJob('RUNNING', 'Iteration 40, loss 0.2 (10 it/s)'), '1')
    flushSync()
    expect(text('#model-status .model-status')).toBe('Training')
    expect(text('#model-iterations')).toBe('40')
    expect(text('#model-rate')).toBe('10.0 it/s')

    stream.send('loss', { modelId: 'm1', iteration: 50, lossA: 0.2, lossB: 0.25, smoothed: 0.22 })
    flushSync()
    expect(text('#model-iterations')).toBe('50')
    expect(text('#model-loss-b')).toBe('0.2500')
    expect(text('#model-smoothed-loss')).toBe('0.2200')
    expect(text('#model-best-loss')).toBe('0.2200')

    document.querySelector<HTMLButtonElement>('#model-stop')!.click()
    flushSync()
    expect(text('#model-status .model-status')).toBe('Stopping')
    await settle()
    expect(calls).toContain('POST /api/models/m1/stop')
    expect(text('#model-status .model-status')).toBe('Stopped')
    expect(document.querySelector<HTMLElement>('#model-stop')!.hidden).toBe(true)
    expect(document.querySelector<HTMLElement>('#resume-form')!.hidden).toBe(false)
    expect(text('#resume-max-iterations-hint')).toBe('Empty keeps the limit of 120. It goes on from the checkpoint at iteration 60.')
    expect(document.querySelector<HTMLElement>('#model-swap-link')!.hidden).toBe(false)
    void svelte.unmount(page)
  })

  it('shows the not-found card for a model that is not there', async () => {
    const page = await showPage('nope')
    expect(text('#model-missing-title')).toBe('This model does not exist or is not yours')
    expect(document.title).toBe('Model not found · Doppel')
    void svelte.unmount(page)
  })
})
