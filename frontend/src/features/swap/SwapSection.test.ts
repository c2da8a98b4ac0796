// @vitest-environment jsdom
import { flushSync, mount, unmount } from 'svelte'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { FaceSet } from '../../api/model/faceset.ts'
import type { FaceModel } from '../../api/model/model.ts'
import SwapSection from './SwapSection.svelte'

// The section against the real API client, with fetch answered by the test (the server side and the result page
// are covered by SwapBrowserTests).
let calls: { method: string; url: string; body?: unknown }[]

const video = (id: string, name: string) => ({ id, name, durationSeconds: 3, width: 640, height: 480, hasAudio: false })
const faceSet = (name: string, videoId: string): FaceSet => ({ id: `fs-${name}`, name, videoId, minFaceSize: 40 }) as FaceSet
const model = (checkpointIteration: number | null): FaceModel =>
  ({ id: 'm1', name: 'Pair', status: 'STOPPED', checkpointIteration, faceSetA: 'fs-Alice', faceSetB: 'fs-Bob' }) as FaceModel

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0))
  flushSync()
}

function show(checkpoint: number | null) {
  const faceSets = { a: Promise.resolve(faceSet('Alice', 'v1')), b: Promise.resolve(faceSet('Bob', 'v2')) }
  return mount(SwapSection, { target: document.body, props: { model: model(checkpoint), faceSets, signal: new AbortController().signal } })
}

const $ = <T extends HTMLElement>(selector: string): T => document.querySelector<T>(selector)!

beforeEach(() => {
  calls = []
  vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
    calls.push({ method: init?.method ?? 'GET', url, body: init?.body ? JSON.parse(String(init.body)) : undefined })
    if (url === '/api/swaps') {
      return new Response(JSON.stringify({ status: 404, title: 'Not Found', detail: 'Video not found.' }),
        { status: 404, headers: { 'Content-Type': 'application/problem+json' } })
    }
    return new Response(JSON.stringify([video('v3', 'Beach'), video('v2', 'Bob talks'), video('v1', 'Alice talks')]),
      { status: 200, headers: { 'Content-Type': 'application/json' } })
  }))
})

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.replaceChildren()
})

describe('SwapSection', () => {
  it('waits for a checkpoint, without loading the videos', async () => {
    const section = show(null)
    await settle()
    expect($('#swap-form').hidden).toBe(true)
    expect($('#swap-unavailable').textContent).toContain('resume training to save one')
    expect(calls).toEqual([])
    void unmount(section)
  })

  it('starts on a video the model did not learn from, follows the video with the direction, and shows a refusal', async () => {
    const section = show(1200)
    await settle()
    expect($('#swap-summary').textContent).toContain('Uses the checkpoint saved at iteration 1,200.')
    expect($('#swap-form').hidden).toBe(false)
    const videoSelect = $<HTMLSelectElement>('#swap-video')
    expect(videoSelect.value).toBe('v3')
    expect([...videoSelect.options].map((o) => o.textContent)).toContain('Bob talks (face set B’s video)')
    expect($<HTMLSelectElement>('#swap-direction').value).toBe('A_TO_B')
    expect($<HTMLSelectElement>('#swap-faces').value).toBe('largest')
    expect($('#swap-faces-hint').textContent).toContain('the minimum of Alice’s face set')
    expect($<HTMLInputElement>('#swap-label').checked).toBe(true)

    videoSelect.value = 'v2'
    videoSelect.dispatchEvent(new Event('change', { bubbles: true }))
    flushSync()
    expect($<HTMLSelectElement>('#swap-direction').value).toBe('B_TO_A')
    expect($('#swap-direction-hint').textContent).toBe('Faces of Bob in the video become Alice’s.')

    const erode = $<HTMLInputElement>('#swap-erode')
    erode.value = '40'
    $<HTMLFormElement>('#swap-form').requestSubmit()
    flushSync()
    expect($('#swap-erode-error').textContent).toBe('Enter a whole number from 0 to 20.')
    expect(erode.getAttribute('aria-invalid')).toBe('true')
    expect(erode.getAttribute('aria-describedby')).toBe('swap-erode-hint swap-erode-error')
    expect(document.activeElement).toBe(erode)

    erode.value = '5'
    erode.dispatchEvent(new Event('input', { bubbles: true }))
    $<HTMLFormElement>('#swap-form').requestSubmit()
    await settle()
    const sent = calls.find((call) => call.url === '/api/swaps')
    expect(sent?.body).toMatchObject({ model: 'm1', video: 'v2', direction: 'B_TO_A', options: { maskErode: 5, maskFeather: 8, fineTuneIterations: 0, label: true, faces: 'largest' } })
    expect($('#swap-error').hidden).toBe(false)
    expect($('#swap-error').textContent).toBe('Video not found.')
    expect($('#swap-erode-error').hidden).toBe(true)
    void unmount(section)
  })
})
