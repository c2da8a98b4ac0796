// @vitest-environment jsdom
import { flushSync, mount, unmount } from 'svelte'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { FaceSet } from '../../api/model/faceset.ts'
import ModelCreate from './ModelCreate.svelte'

// The panel against the real API client, with fetch answered by the test (ModelResourceTests and
// TrainingBrowserTests cover the server side).
let posted: unknown[]
let answer: () => Response

const json = (body: unknown, status = 200, type = 'application/json'): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } })

function faceSet(id: string, status: FaceSet['status'] = 'READY', faceCount = 40): FaceSet {
  return { id, name: `Set ${id}`, status, faceCount } as FaceSet
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0))
  flushSync()
}

const byId = <T extends HTMLElement = HTMLElement>(id: string): T => document.getElementById(id) as T

beforeEach(() => {
  posted = []
  answer = () => json({ id: 'm1', name: 'Set middle → Set new' }, 201)
  vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
    if (init?.method === 'POST') {
      posted.push(JSON.parse(String(init.body)))
      return answer()
    }
    if (url.endsWith('/presets')) return json([])
    return json([faceSet('new'), faceSet('busy', 'EXTRACTING', 0), faceSet('middle'), faceSet('old')])
  }))
})

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.replaceChildren()
})

function setUp(): { panel: ReturnType<typeof mount<any, any>>; trigger: HTMLButtonElement; created: ReturnType<typeof vi.fn> } {
  const trigger = document.createElement('button')
  document.body.append(trigger)
  const created = vi.fn()
  const panel = mount(ModelCreate, { target: document.body, props: { trigger, oncreated: created } })
  return { panel, trigger, created }
}

describe('ModelCreate', () => {
  it('opens with the two newest usable face sets chosen and starts training with the defaults', async () => {
    const { panel, trigger, created } = setUp()
    await settle()
    expect(trigger.getAttribute('aria-expanded')).toBe('false')
    panel.open()
    expect(byId('new-model-panel').hidden).toBe(false)
    expect(trigger.getAttribute('aria-expanded')).toBe('true')
    expect(byId<HTMLSelectElement>('model-faceset-a').value).toBe('middle')
    expect(byId<HTMLSelectElement>('model-faceset-b').value).toBe('new')
    expect(byId<HTMLSelectElement>('model-preset').value).toBe('lite')
    expect(document.activeElement?.id).toBe('model-faceset-a')
    expect(byId('model-faceset-a-hint').textContent).toContain('The face to replace · 40')
    await settle()

    byId<HTMLButtonElement>('model-create-submit').click()
    await settle()
    expect(posted).toEqual([{ faceSetA: 'middle', faceSetB: 'new', preset: 'lite' }])
    expect(created).toHaveBeenCalledWith(expect.objectContaining({ id: 'm1' }))
    expect(byId('new-model-panel').hidden).toBe(true)
    expect(trigger.getAttribute('aria-expanded')).toBe('false')
    void unmount(panel)
  })

  it('shows wrong limits and the server\'s violations under their fields', async () => {
    const { panel, trigger } = setUp()
    await settle()
    panel.open({ faceSetA: 'old' })
    expect(byId<HTMLSelectElement>('model-faceset-a').value).toBe('old')
    const loss = byId<HTMLInputElement>('model-target-loss')
    loss.value = '2'
    loss.dispatchEvent(new Event('input', { bubbles: true }))
    byId<HTMLButtonElement>('model-create-submit').click()
    await settle()
    expect(posted).toHaveLength(0)
    expect(byId('model-target-loss-error').textContent).toBe('Enter a loss between 0 and 1, e.g. 0.03, or leave it empty.')
    expect(loss.getAttribute('aria-invalid')).toBe('true')
    expect(loss.getAttribute('aria-describedby')).toBe('model-target-loss-hint model-target-loss-error')
    expect(document.activeElement).toBe(loss)

    loss.value = '0,05'
    loss.dispatchEvent(new Event('input', { bubbles: true }))
    flushSync()
    expect(byId('model-target-loss-error').hidden).toBe(true)
    answer = () => json({ status: 400, title: 'Bad Request', detail: 'Invalid.', violations: [
      { field: 'create.body.faceSetB', message: 'This face set is still extracting.' }] }, 400, 'application/problem+json')
    byId<HTMLButtonElement>('model-create-submit').click()
    await settle()
    expect(posted).toEqual([{ faceSetA: 'old', faceSetB: 'new', preset: 'lite', targetLoss: 0.05 }])
    expect(byId('model-faceset-b-error').textContent).toBe('This face set is still extracting.')
    expect(document.activeElement?.id).toBe('model-faceset-b')

    // Escape closes, gives focus back, and the next opening starts afresh.
    byId('model-faceset-b').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
    flushSync()
    expect(byId('new-model-panel').hidden).toBe(true)
    expect(document.activeElement).toBe(trigger)
    panel.open()
    expect(byId<HTMLInputElement>('model-target-loss').value).toBe('')
    expect(byId('model-faceset-b-error').hidden).toBe(true)
    expect(byId<HTMLSelectElement>('model-faceset-a').value).toBe('middle')
    void unmount(panel)
  })

  it('says what to do first while fewer than two face sets can train', async () => {
    vi.stubGlobal('fetch', vi.fn(async (url: string) => url.endsWith('/presets') ? json([]) : json([faceSet('one'), faceSet('busy', 'EXTRACTING', 0)])))
    const { panel } = setUp()
    await settle()
    panel.open()
    expect(byId('new-model-form').hidden).toBe(true)
    const notice = byId('new-model-unavailable')
    expect(notice.hidden).toBe(false)
    expect(notice.textContent).toContain('you have one ready: Set one.')
    expect(notice.textContent).toContain('One face set is still being extracted')
    expect(document.activeElement?.classList.contains('model-create-close')).toBe(true)
    void unmount(panel)
  })
})
