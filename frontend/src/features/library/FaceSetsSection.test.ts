// @vitest-environment jsdom
import { flushSync, mount, unmount } from 'svelte'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import type { FaceSet } from '../../api/model/faceset.ts'
import FaceSetsSection from './FaceSetsSection.svelte'

// Merging face sets, against the real API client with fetch answered by the test; no browser test covers it.
let sets: FaceSet[]
let posted: unknown[]
let mergeAnswer: () => Response

function faceSet(id: string, status: FaceSet['status'], faceCount = 0): FaceSet {
  return { id, name: `Set ${id}`, status, faceCount, message: null, videoId: 'v', mostlyNotFaces: false,
    facesDoubtful: 0, facesChecked: 0, framesWithFaces: 0, framesScanned: 0 } as unknown as FaceSet
}

const json = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0))
  flushSync()
}

beforeEach(() => {
  sets = [faceSet('a', 'READY'), faceSet('b', 'READY'), faceSet('c', 'EXTRACTING')]
  posted = []
  mergeAnswer = () => json(faceSet('m', 'READY'), 201)
  vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
    if (url === '/api/facesets/merge') {
      posted.push(JSON.parse(String(init?.body)))
      return mergeAnswer()
    }
    if (url === '/api/facesets') return json(sets)
    return json([])
  }))
})

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.replaceChildren()
})

const $ = <T extends HTMLElement = HTMLElement>(selector: string): T => document.querySelector<T>(selector)!
const checkbox = (id: string) => $<HTMLInputElement>(`.faceset-card[data-faceset-id="${id}"] .faceset-select`)

it('ticks two ready sets and merges them into a new set shown first', async () => {
  const shown = mount(FaceSetsSection, { target: document.body })
  await settle()
  const button = $<HTMLButtonElement>('#faceset-merge')
  expect(button.hidden).toBe(false)
  expect(button.disabled).toBe(false)
  expect($('#merge-form').hidden).toBe(true)
  expect($('.faceset-select-label').hidden).toBe(true)

  button.click()
  await settle()
  expect(button.getAttribute('aria-expanded')).toBe('true')
  expect($('#library-facesets').classList.contains('is-merging')).toBe(true)
  expect($('#merge-form').hidden).toBe(false)
  expect(document.activeElement).toBe(checkbox('a'))
  expect(checkbox('c').disabled).toBe(true)
  expect($('#merge-count').textContent).toBe('No face sets ticked yet.')
  expect($<HTMLButtonElement>('#merge-submit').disabled).toBe(true)

  checkbox('a').click()
  flushSync()
  expect($('#merge-count').textContent).toBe('1 face set ticked: tick one more.')
  checkbox('b').click()
  flushSync()
  expect($('#merge-count').textContent).toBe('2 face sets ticked.')
  $<HTMLInputElement>('#merge-name').value = 'Both'
  $('#merge-name').dispatchEvent(new Event('input'))
  $<HTMLButtonElement>('#merge-submit').click()
  await settle()

  expect(posted).toEqual([{ name: 'Both', faceSets: ['a', 'b'] }])
  expect($('#merge-form').hidden).toBe(true)
  expect($('#library-facesets').classList.contains('is-merging')).toBe(false)
  const ids = [...document.querySelectorAll<HTMLElement>('.faceset-card')].map((card) => card.dataset.facesetId)
  expect(ids).toEqual(['m', 'a', 'b', 'c'])
  expect(document.activeElement).toBe($('.faceset-card[data-faceset-id="m"] .faceset-name'))
  expect(checkbox('a').checked).toBe(false)
  void unmount(shown)
})

it('shows the server\'s refusal, and Escape closes the form with focus back on "Merge…"', async () => {
  mergeAnswer = () =>
    json({ status: 400, title: 'Bad Request', violations: [{ field: 'merge.body.name', message: 'Too long' }] }, 400)
  const shown = mount(FaceSetsSection, { target: document.body })
  await settle()
  $('#faceset-merge').click()
  await settle()
  checkbox('a').click()
  checkbox('b').click()
  flushSync()
  $<HTMLButtonElement>('#merge-submit').click()
  await settle()
  expect($('#merge-name-error').textContent).toBe('Too long')
  expect($('#merge-name').getAttribute('aria-invalid')).toBe('true')
  expect(document.activeElement).toBe($('#merge-name'))

  $('#merge-name').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
  await settle()
  expect($('#merge-form').hidden).toBe(true)
  expect($('#merge-name-error').hidden).toBe(true)
  expect(document.activeElement).toBe($('#faceset-merge'))
  void unmount(shown)
})

it('needs two ready sets before "Merge…" can be used', async () => {
  sets = [faceSet('a', 'READY'), faceSet('c', 'EXTRACTING')]
  const shown = mount(FaceSetsSection, { target: document.body })
  await settle()
  const button = $<HTMLButtonElement>('#faceset-merge')
  expect(button.disabled).toBe(true)
  expect(button.title).toBe('Two or more ready face sets are needed to merge')
  void unmount(shown)
})
