// @vitest-environment jsdom
import { flushSync, mount, unmount } from 'svelte'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Face } from '../../api/model/faceset.ts'
import FacesCard from './FacesCard.svelte'
import { face, faceSet } from './test-faces.ts'

// The in-page question is the browser tests' (it needs a real <dialog>); here the test answers it.
const confirmAction = vi.hoisted(() => vi.fn(async (_options: { title: string }) => true))
vi.mock('../../ui/confirm-dialog.ts', () => ({ confirmAction }))

let listed: Face[]
let calls: string[]

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0))
  flushSync()
}

const tiles = (): HTMLButtonElement[] => [...document.querySelectorAll<HTMLButtonElement>('#face-grid .face-tile')]
const pressed = (): string[] => tiles().filter((t) => t.getAttribute('aria-pressed') === 'true').map((t) => t.dataset.faceId!)
const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T

function click(element: Element, init: MouseEventInit = {}): void {
  element.dispatchEvent(new MouseEvent('click', { bubbles: true, ...init }))
  flushSync()
}

beforeEach(() => {
  // jsdom lays nothing out, so it has no scrolling.
  Element.prototype.scrollIntoView = vi.fn()
  listed = ['a', 'b', 'c', 'd', 'e'].map((id, i) => face(id, [50, 10, 30, 20, 40][i]!, { looksLikeFace: i !== 3 }))
  calls = []
  confirmAction.mockClear()
  vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
    calls.push(`${init?.method ?? 'GET'} ${url}`)
    if (init?.method === 'POST') {
      const { ids } = JSON.parse(String(init.body)) as { ids: string[] }
      listed = listed.filter((f) => !ids.includes(f.id))
      return new Response(JSON.stringify({ deleted: ids.length }), { status: 200, headers: { 'Content-Type': 'application/json' } })
    }
    return new Response(JSON.stringify(listed), { status: 200, headers: { 'Content-Type': 'application/json' } })
  }))
})

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.replaceChildren()
})

function show(onremoved = vi.fn(), announce = vi.fn()) {
  const card = mount(FacesCard, {
    target: document.body,
    props: { faceSet: faceSet(), signal: new AbortController().signal, announce, onremoved },
  })
  return { card, onremoved, announce }
}

describe('FacesCard', () => {
  it('selects by click and Shift+click, and counts the selection', async () => {
    const { card } = show()
    await settle()
    expect(calls).toEqual(['GET /api/facesets/set-1/faces?sort=frame'])
    expect(tiles()).toHaveLength(5)
    expect(byId('remove-selected').hasAttribute('disabled')).toBe(true)

    click(tiles()[1]!)
    click(tiles()[3]!, { shiftKey: true })
    expect(pressed()).toEqual(['b', 'c', 'd'])
    expect(byId('selected-count').textContent).toBe('3 of 5 faces selected')
    expect(byId('remove-selected').getAttribute('aria-label')).toBe('Remove 3 faces')
    expect(byId('clear-selection').hidden).toBe(false)

    click(byId('clear-selection'))
    expect(pressed()).toEqual([])
    expect(byId('clear-selection').hidden).toBe(true)
    void unmount(card)
  })

  it('moves between tiles with the arrow keys, Home and End', async () => {
    const { card } = show()
    await settle()
    tiles()[0]!.focus()
    tiles()[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }))
    expect(document.activeElement).toBe(tiles()[1])
    tiles()[1]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }))
    expect(document.activeElement).toBe(tiles()[4])
    tiles()[4]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true }))
    expect(document.activeElement).toBe(tiles()[0])
    void unmount(card)
  })

  it('selects the blurriest and the doubtful faces, marking the blurriest', async () => {
    const { card, announce } = show()
    await settle()
    expect(document.querySelectorAll('.face-blur.is-blurry')).toHaveLength(1)
    click(byId('select-blurry'))
    expect(pressed()).toEqual(['b'])
    expect(announce).toHaveBeenLastCalledWith('Selected the blurriest face.')
    click(byId('select-doubtful'))
    expect(pressed()).toEqual(['d'])
    expect(document.querySelectorAll('.face-doubt')).toHaveLength(1)
    void unmount(card)
  })

  it('removes the selected faces once confirmed, and keeps them when not', async () => {
    const { card, onremoved } = show()
    await settle()
    click(tiles()[0]!)
    click(tiles()[2]!)

    confirmAction.mockResolvedValueOnce(false)
    click(byId('remove-selected'))
    await settle()
    expect(confirmAction.mock.calls[0]![0].title).toBe('Remove these 2 faces?')
    expect(calls).not.toContain('POST /api/faces/delete')
    expect(pressed()).toEqual(['a', 'c'])

    click(byId('remove-selected'))
    await settle()
    expect(calls).toContain('POST /api/faces/delete')
    expect(tiles().map((t) => t.dataset.faceId)).toEqual(['b', 'd', 'e'])
    expect(pressed()).toEqual([])
    expect(onremoved).toHaveBeenCalledWith(2)
    expect(document.activeElement).toBe(tiles()[0])
    void unmount(card)
  })

  it('shows masks on demand', async () => {
    const { card } = show()
    await settle()
    expect(document.querySelectorAll('.face-mask')).toHaveLength(0)
    click(byId('show-masks'))
    expect(byId('show-masks').getAttribute('aria-pressed')).toBe('true')
    expect(byId('face-grid').classList.contains('show-masks')).toBe(true)
    expect(document.querySelectorAll('.face-mask')).toHaveLength(5)
    void unmount(card)
  })
})
