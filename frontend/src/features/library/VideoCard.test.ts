// @vitest-environment jsdom
import { flushSync, mount, unmount } from 'svelte'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import type { Video } from '../../api/model/video.ts'
import VideoCard from './VideoCard.svelte'

// A library video card's rename and thumbnail, against the real API client with fetch answered by the test.
let patched: unknown[]

function video(extra: Partial<Video> = {}): Video {
  return { id: 'v1', name: 'Clip A', sizeBytes: 2048, width: 640, height: 360, fps: 25, durationSeconds: 3.2,
    hasAudio: true, thumbnailReady: true, ...extra } as unknown as Video
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0))
  flushSync()
}

beforeEach(() => {
  patched = []
  vi.stubGlobal('fetch', vi.fn(async (_url: string, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body ?? '{}'))
    patched.push(body)
    return new Response(JSON.stringify(video({ name: body.name })), { status: 200, headers: { 'Content-Type': 'application/json' } })
  }))
})

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.replaceChildren()
})

const $ = <T extends HTMLElement = HTMLElement>(selector: string): T => document.querySelector<T>(selector)!

it('renames inline: the editor takes the name\'s place, saves, and gives focus back to Rename', async () => {
  const renamed = vi.fn()
  const shown = mount(VideoCard, { target: document.body, props: { video: video(), onrenamed: renamed, ondeleted: () => {} } })
  flushSync()
  expect($('.video-card').getAttribute('aria-labelledby')).toBe('video-card-title-v1')
  expect($('.video-name').textContent).toBe('Clip A')
  const rename = $<HTMLButtonElement>('.video-rename')
  expect(rename.getAttribute('aria-label')).toBe('Rename “Clip A”')
  expect(rename.getAttribute('aria-expanded')).toBe('false')

  rename.click()
  flushSync()
  expect(rename.getAttribute('aria-expanded')).toBe('true')
  expect($('.video-card-title').hidden).toBe(true)
  const input = $<HTMLInputElement>('.video-rename-input')
  expect(document.activeElement).toBe(input)
  input.value = 'Clip B'
  input.dispatchEvent(new Event('input'))
  $<HTMLButtonElement>('.video-rename-save').click()
  await settle()

  expect(patched).toEqual([{ name: 'Clip B' }])
  // The section puts the renamed video in its list, and so on the card.
  expect(renamed).toHaveBeenCalledWith(expect.objectContaining({ id: 'v1', name: 'Clip B' }))
  expect(document.querySelector('.video-rename-form')).toBeNull()
  expect($('.video-card-title').hidden).toBe(false)
  expect(document.activeElement).toBe(rename)
  void unmount(shown)
})

it('shows the thumbnail of a ready video, and "Preparing…" while its thumbnail is made', () => {
  const ready = mount(VideoCard, { target: document.body, props: { video: video(), onrenamed: () => {}, ondeleted: () => {} } })
  flushSync()
  expect($('img.video-thumb').getAttribute('src')).toBe('/api/videos/v1/thumbnail')
  expect($('.video-thumb-box').dataset.thumbnail).toBe('ready')
  expect($('.video-duration').getAttribute('datetime')).toBe('PT3.2S')
  expect($('.video-audio').classList.contains('has-audio')).toBe(true)
  void unmount(ready)
  document.body.replaceChildren()

  const preparing = mount(VideoCard, {
    target: document.body,
    props: { video: video({ id: 'v2', thumbnailReady: false }), onrenamed: () => {}, ondeleted: () => {} },
  })
  flushSync()
  expect($('img.video-thumb').hasAttribute('src')).toBe(false)
  expect($('.video-thumb-box').classList.contains('is-preparing')).toBe(true)
  expect($('.video-thumb-placeholder .thumb-note').textContent).toBe('Preparing…')
  void unmount(preparing)
})
