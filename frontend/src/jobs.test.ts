import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Job } from './api/model/job.ts'
import { FakeEventSource } from './test-doubles/event-source.ts'

// The job store opens its stream when a user signs in once the app follows the session: each test imports a
// fresh copy of it (and of the session it listens to) with the browser APIs it uses replaced.
type Store = typeof import('./jobs.ts')
type Session = typeof import('./session.ts')

const USER = { id: 'u1', email: 'ada@example.test', createdAt: '2026-12-01T00:00:00Z' }
let listed: Job[]
let fetches: string[]
let store: Store
let session: Session
let stopFollowing: () => void

function job(id: string, status: Job['status'], progress = 0): Job {
  return {
    id, type: 'EXTRACT', status, lane: 'cpu', subjectId: 'v1', subjectName: 'clip.mp4', progress, message: null,
    etaSeconds: null, attempts: 1, maxAttempts: 3, cancelRequested: false, queuePosition: null, estimatedStart: null,
    createdAt: '2026-12-02T10:00:00Z', startedAt: null, finishedAt: null, error: null,
  }
}

beforeEach(async () => {
  vi.useFakeTimers()
  vi.resetModules()
  FakeEventSource.opened = []
  listed = []
  fetches = []
  vi.stubGlobal('window', globalThis)
  vi.stubGlobal('EventSource', FakeEventSource)
  vi.stubGlobal('fetch', vi.fn(async (url: string) => {
    fetches.push(url)
    return new Response(JSON.stringify(listed), { status: 200, headers: { 'Content-Type': 'application/json' } })
  }))
  session = await import('./session.ts')
  store = await import('./jobs.ts')
  stopFollowing = store.followSignedInUser()
})

afterEach(() => {
  session.setCurrentUser(null)
  stopFollowing()
  vi.unstubAllGlobals()
  vi.useRealTimers()
})

describe('the job store', () => {
  it('opens the stream on sign-in and closes it, forgetting every job, on sign-out', async () => {
    expect(FakeEventSource.opened).toHaveLength(0)
    listed = [job('j1', 'QUEUED')]
    session.setCurrentUser(USER)
    expect(FakeEventSource.opened).toHaveLength(1)
    expect(FakeEventSource.latest().url).toBe('/api/events')
    await vi.runOnlyPendingTimersAsync()
    expect(store.currentJobs().map((j) => j.id)).toEqual(['j1'])

    const events: string[] = []
    store.subscribeJobs((e) => events.push(e.kind))
    session.setCurrentUser(null)
    expect(FakeEventSource.latest().readyState).toBe(FakeEventSource.CLOSED)
    expect(store.currentJobs()).toEqual([])
    expect(store.streamState()).toBe('idle')
    expect(events).toContain('cleared')
  })

  it('applies live job events and ignores one older than what it already applied', async () => {
    session.setCurrentUser(USER)
    const stream = FakeEventSource.latest()
    stream.open()
    await vi.runOnlyPendingTimersAsync()
    expect(store.streamState()).toBe('open')

    stream.send('job', job('j2', 'RUNNING', 0.5), '7')
    expect(store.jobById('j2')?.progress).toBe(0.5)
    expect(store.activeJobCount()).toBe(1)
    // A late, older event for the same job changes nothing.
    stream.send('job', job('j2', 'QUEUED', 0), '6')
    expect(store.jobById('j2')?.status).toBe('RUNNING')
    stream.send('job', job('j2', 'SUCCEEDED', 1), '8')
    expect(store.jobById('j2')?.status).toBe('SUCCEEDED')
    expect(store.activeJobCount()).toBe(0)
    // Not a job: ignored.
    stream.send('job', 'not json', '9')
    expect(store.currentJobs()).toHaveLength(1)
  })

  it('passes other named events on to their subscribers', () => {
    session.setCurrentUser(USER)
    const seen: unknown[] = []
    store.subscribeEvent('loss', (data) => seen.push(data))
    FakeEventSource.latest().send('loss', { iteration: 10, a: 0.1 })
    expect(seen).toEqual([{ iteration: 10, a: 0.1 }])
  })
})

describe('the event stream', () => {
  it('retries a refused stream after 2 s, then 4 s, and starts over at 2 s once it opened', async () => {
    session.setCurrentUser(USER)
    FakeEventSource.latest().refuse()
    expect(store.streamState()).toBe('reconnecting')
    expect(FakeEventSource.opened).toHaveLength(1)

    await vi.advanceTimersByTimeAsync(1_999)
    expect(FakeEventSource.opened).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(FakeEventSource.opened).toHaveLength(2)

    FakeEventSource.latest().refuse()
    await vi.advanceTimersByTimeAsync(3_999)
    expect(FakeEventSource.opened).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(1)
    expect(FakeEventSource.opened).toHaveLength(3)

    FakeEventSource.latest().open()
    expect(store.streamState()).toBe('open')
    FakeEventSource.latest().refuse()
    await vi.advanceTimersByTimeAsync(2_000)
    expect(FakeEventSource.opened).toHaveLength(4)
  })

  it('leaves a dropped connection to the browser and reloads the list when it is back', async () => {
    session.setCurrentUser(USER)
    const stream = FakeEventSource.latest()
    stream.open()
    await vi.runOnlyPendingTimersAsync()
    const before = fetches.length

    stream.drop()
    expect(store.streamState()).toBe('reconnecting')
    await vi.advanceTimersByTimeAsync(60_000)
    expect(FakeEventSource.opened).toHaveLength(1)

    // Meanwhile a job finished; the reopened stream does not replay it, the list does.
    listed = [job('j3', 'SUCCEEDED', 1)]
    stream.open()
    await vi.runOnlyPendingTimersAsync()
    expect(fetches.length).toBe(before + 1)
    expect(store.jobById('j3')?.status).toBe('SUCCEEDED')
  })

  it('stops retrying after sign-out', async () => {
    session.setCurrentUser(USER)
    FakeEventSource.latest().refuse()
    session.setCurrentUser(null)
    await vi.advanceTimersByTimeAsync(120_000)
    expect(FakeEventSource.opened).toHaveLength(1)
  })
})
