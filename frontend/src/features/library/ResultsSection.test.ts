// @vitest-environment jsdom
import { flushSync, mount, unmount } from 'svelte'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import type { Result } from '../../api/model/result.ts'
import ResultsSection from './ResultsSection.svelte'

// The section against the real API client, with fetch answered by the test (the server side is covered by
// the results' resource tests and the browser tests).
let answers: (() => Response)[]

function result(id: string, status: Result['status'], extra: Partial<Result> = {}): Result {
  return { id, name: `Swap ${id}`, status, modelName: 'Model A', videoName: 'Clip', message: null, durationSeconds: null,
    finishedAt: null, ...extra } as unknown as Result
}

const json = (body: unknown, status = 200) => () =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0))
  flushSync()
}

beforeEach(() => {
  answers = []
  vi.stubGlobal('fetch', vi.fn(async (url: string) => {
    if (!String(url).startsWith('/api/results')) return json([])()
    const next = answers.shift()
    return next ? next() : json([])()
  }))
})

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.replaceChildren()
})

it('shows the empty state when there are no results', async () => {
  answers.push(json([]))
  const shown = mount(ResultsSection, { target: document.body })
  await settle()
  const section = document.querySelector('#library-results')!
  expect(section.getAttribute('aria-labelledby')).toBe('library-results-title')
  expect(section.querySelector('.empty-state .empty-title')?.textContent).toBe('No results yet')
  expect(section.hasAttribute('aria-busy')).toBe(false)
  void unmount(shown)
})

it('says why the list could not be loaded, and loads it again on "Try again"', async () => {
  answers.push(json({ title: 'Unavailable', status: 503, detail: 'Down for a moment.' }, 503))
  answers.push(json([result('r1', 'READY', { durationSeconds: 3.5, finishedAt: '2026-12-02T09:00:00Z' }), result('r2', 'QUEUED')]))
  const shown = mount(ResultsSection, { target: document.body })
  await settle()
  const error = document.querySelector('.library-error')!
  expect(error.getAttribute('role')).toBe('alert')
  expect(error.textContent).toContain('Could not load your results. Down for a moment.')

  error.querySelector('button')!.click()
  await settle()
  const cards = [...document.querySelectorAll<HTMLElement>('.result-grid > li > .result-card')]
  expect(cards.map((card) => card.dataset.resultId)).toEqual(['r1', 'r2'])
  expect(document.querySelector('.result-grid')?.getAttribute('aria-label')).toBe('Your results')

  const [ready, queued] = cards
  expect(ready!.querySelector('.result-status')?.textContent).toBe('Ready')
  expect(ready!.querySelector('img.result-thumb')?.getAttribute('src')).toContain('/api/results/r1/thumbnail')
  expect(ready!.querySelector<HTMLElement>('.video-duration')?.hidden).toBe(false)
  expect(queued!.querySelector('.result-thumb-box')?.classList.contains('is-preparing')).toBe(true)
  expect(queued!.querySelector('.thumb-note')?.textContent).toBe('Queued…')
  expect(queued!.querySelector<HTMLElement>('.result-progress')?.hidden).toBe(false)
  expect(queued!.querySelector('.result-progress')?.hasAttribute('value')).toBe(false)
  expect(queued!.querySelector('.result-message')?.textContent).toBe('Waiting for a worker…')
  void unmount(shown)
})
