// @vitest-environment jsdom
import { flushSync, mount, unmount } from 'svelte'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import ResultPlayer from './ResultPlayer.svelte'
import { result } from './test-fixtures.ts'

// jsdom has no media playback: the calls the player makes are recorded instead.
let calls: string[]

beforeEach(() => {
  calls = []
  const record = (name: string) =>
    function (this: HTMLMediaElement) {
      calls.push(`${name} ${this.id}`)
      return name === 'play' ? Promise.resolve() : undefined
    }
  vi.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(record('play') as () => Promise<void>)
  vi.spyOn(HTMLMediaElement.prototype, 'pause').mockImplementation(record('pause'))
  vi.spyOn(HTMLMediaElement.prototype, 'load').mockImplementation(record('load'))
})

afterEach(() => {
  vi.restoreAllMocks()
  document.body.replaceChildren()
})

const pressed = (): (string | null)[] =>
  [...document.querySelectorAll('.result-views button')].map((button) => button.getAttribute('aria-pressed'))

describe('ResultPlayer', () => {
  it('shows the swapped video first and loads the original only when asked for', () => {
    const player = mount(ResultPlayer, { target: document.body, props: { result: result() } })
    flushSync()
    const swapped = document.querySelector<HTMLVideoElement>('#result-video')!
    expect(swapped.getAttribute('src')).toBe('/api/results/r1/content')
    expect(swapped.getAttribute('aria-label')).toBe('Swapped: clip swapped')
    expect(swapped.style.aspectRatio).toBe('360 / 288')
    expect(document.querySelector('.result-player')!.getAttribute('data-view')).toBe('swapped')
    expect(pressed()).toEqual(['true', 'false', 'false'])
    expect(document.querySelector('#result-original')).toBeNull()
    expect(document.querySelector<HTMLElement>('.result-pane-original')!.hidden).toBe(true)

    document.querySelector<HTMLButtonElement>('#result-view-side')!.click()
    flushSync()
    const original = document.querySelector<HTMLVideoElement>('#result-original')!
    expect(original.getAttribute('src')).toBe('/api/videos/v1/content')
    expect(original.muted).toBe(true)
    expect(pressed()).toEqual(['false', 'false', 'true'])
    expect(document.querySelector('.result-player')!.getAttribute('data-view')).toBe('side')
    expect(document.querySelector<HTMLElement>('.result-pane-swapped')!.hidden).toBe(false)
    expect(document.querySelector<HTMLElement>('.result-pane-original')!.hidden).toBe(false)

    document.querySelector<HTMLButtonElement>('#result-view-original')!.click()
    flushSync()
    expect(original.muted).toBe(false)
    expect(document.querySelector<HTMLElement>('.result-pane-swapped')!.hidden).toBe(true)
    expect(calls).toContain('pause result-video')
    void unmount(player)
  })

  it('side by side, the original follows the swapped one’s play and pause', () => {
    const player = mount(ResultPlayer, { target: document.body, props: { result: result() } })
    flushSync()
    document.querySelector<HTMLButtonElement>('#result-view-side')!.click()
    flushSync()
    calls = []
    const swapped = document.querySelector<HTMLVideoElement>('#result-video')!
    swapped.dispatchEvent(new Event('play'))
    expect(calls).toContain('play result-original')
    swapped.dispatchEvent(new Event('pause'))
    expect(calls).toContain('pause result-original')
    void unmount(player)
  })

  it('lets go of both videos’ downloads when it goes', () => {
    const player = mount(ResultPlayer, { target: document.body, props: { result: result() } })
    flushSync()
    document.querySelector<HTMLButtonElement>('#result-view-side')!.click()
    flushSync()
    const videos = [...document.querySelectorAll('video')]
    calls = []
    void unmount(player)
    expect(calls).toEqual(['pause result-video', 'load result-video', 'pause result-original', 'load result-original'])
    expect(videos.every((video) => !video.hasAttribute('src'))).toBe(true)
  })
})
