// @vitest-environment jsdom
import { flushSync, mount, unmount } from 'svelte'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Job } from '../../api/model/job.ts'
import * as store from '../../jobs.ts'
import * as session from '../../session.ts'
import { FakeEventSource } from '../../test-doubles/event-source.ts'
import JobsPanel from './JobsPanel.svelte'

// The panel against the real job store and its stream, with fetch and EventSource answered by the test. Each test
// signs in afresh; signing out forgets every job.

let listed: Job[]
let calls: string[]
let stop: () => void

function job(id: string, status: Job['status'], overrides: Partial<Job> = {}): Job {
  return {
    id, type: 'SWAP', status, lane: 'gpu', subjectId: 'r1', subjectName: 'clip.mp4', progress: 0.25, message: null,
    etaSeconds: null, attempts: 1, maxAttempts: 3, cancelRequested: false, queuePosition: null, estimatedStart: null,
    createdAt: '2026-12-02T10:00:00Z', startedAt: null, finishedAt: null, error: null, ...overrides,
  }
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0))
  flushSync()
}

beforeEach(async () => {
  FakeEventSource.opened = []
  listed = [job('j1', 'RUNNING'), job('j2', 'FAILED', { createdAt: '2026-12-02T09:00:00Z', error: 'No faces found' })]
  calls = []
  vi.stubGlobal('EventSource', FakeEventSource)
  vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
    calls.push(`${init?.method ?? 'GET'} ${url}`)
    if (url.endsWith('/cancel')) {
      const cancelled = { ...listed[0]!, cancelRequested: true }
      return new Response(JSON.stringify(cancelled), { status: 200, headers: { 'Content-Type': 'application/json' } })
    }
    return new Response(JSON.stringify(listed), { status: 200, headers: { 'Content-Type': 'application/json' } })
  }))
  stop = store.followSignedInUser()
  session.setCurrentUser({ id: 'u1', email: 'ada@example.test', createdAt: '2026-12-01T00:00:00Z' })
  await settle()
})

afterEach(() => {
  session.setCurrentUser(null)
  stop()
  vi.unstubAllGlobals()
  document.body.replaceChildren()
})

describe('JobsPanel', () => {
  it('lists the jobs newest first, a failure with its error, and Cancel only for the running one', async () => {
    const panel = mount(JobsPanel, { target: document.body, props: { open: true, toggle: undefined, onclose: () => {} } })
    await settle()
    const rows = [...document.querySelectorAll<HTMLElement>('.job-item')]
    expect(rows.map((row) => row.dataset.jobId)).toEqual(['j1', 'j2'])
    expect(rows[1]!.querySelector('.job-error')!.textContent).toBe('No faces found')
    expect(rows[0]!.querySelector<HTMLButtonElement>('.job-cancel')!.hidden).toBe(false)
    expect(rows[1]!.querySelector<HTMLButtonElement>('.job-cancel')!.hidden).toBe(true)
    expect(rows[0]!.querySelector<HTMLProgressElement>('progress')!.value).toBe(25)
    void unmount(panel)
  })

  it('follows live events and shows the cancel answer at once', async () => {
    const panel = mount(JobsPanel, { target: document.body, props: { open: true, toggle: undefined, onclose: () => {} } })
    await settle()
    FakeEventSource.latest().send('job', job('j1', 'RUNNING', { progress: 0.5 }), '7')
    flushSync()
    expect(document.querySelector<HTMLProgressElement>('[data-job-id="j1"] progress')!.value).toBe(50)

    document.querySelector<HTMLButtonElement>('[data-job-id="j1"] .job-cancel')!.click()
    await settle()
    expect(calls).toContain('POST /api/jobs/j1/cancel')
    expect(document.querySelector('[data-job-id="j1"] .job-status')!.textContent).toBe('Cancelling')
    expect(document.querySelector<HTMLButtonElement>('[data-job-id="j1"] .job-cancel')!.hidden).toBe(true)
    void unmount(panel)
  })

  it('says there are no jobs once the list came back empty', async () => {
    listed = []
    await store.refreshJobs()
    const panel = mount(JobsPanel, { target: document.body, props: { open: true, toggle: undefined, onclose: () => {} } })
    await settle()
    expect(document.querySelector('.jobs-status')!.textContent!.trim()).toMatch(/^No jobs yet/)
    void unmount(panel)
  })
})
