// @vitest-environment jsdom
import { flushSync, mount, unmount } from 'svelte'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Video } from '../api/model/video.ts'
import { VIDEO_MISSING } from '../features/video/video-page.ts'
import VideoPage from './VideoPage.svelte'

// The page against the real API client, with fetch answered by the test; playback is recorded, as jsdom has none.
let video: Video
let calls: string[]

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0))
  flushSync()
}

const json = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status === 200 ? 'application/json' : 'application/problem+json' } })

beforeEach(() => {
  video = {
    id: 'v1', name: 'clip.mp4', sizeBytes: 198_000, container: 'mov,mp4,m4a', videoCodec: 'h264', audioCodec: 'aac',
    width: 360, height: 288, fps: 25, frameCount: 75, durationSeconds: 3, hasAudio: true, thumbnailReady: true,
    consentAt: '2026-12-02T09:00:00Z', createdAt: '2026-12-02T09:00:00Z',
  }
  calls = []
  vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
    calls.push(`${init?.method ?? 'GET'} ${url}`)
    if (url === '/api/videos/v1' && init?.method === 'PATCH') {
      video = { ...video, name: JSON.parse(String(init.body)).name }
      return json(video)
    }
    if (url === '/api/videos/v1') return json(video)
    if (url === '/api/facesets') return json([{ id: 'f1', name: 'Faces of clip', videoId: 'v1' }])
    return json({ type: 'about:blank', title: 'Not Found', status: 404, detail: 'No such video.' }, 404)
  }))
  for (const name of ['pause', 'load'] as const) {
    vi.spyOn(HTMLMediaElement.prototype, name).mockImplementation(function (this: HTMLMediaElement) {
      calls.push(`${name} ${this.id}`)
    })
  }
})

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
  document.body.replaceChildren()
})

describe('VideoPage', () => {
  it('shows the video with its details and actions, and lets go of the player when it goes', async () => {
    const page = mount(VideoPage, { target: document.body, props: { params: { id: 'v1' } } })
    expect(document.querySelector('#video-title')!.textContent).toBe('Loading video…')
    expect(document.querySelector('.video-page')!.getAttribute('aria-busy')).toBe('true')
    await settle()
    expect(document.querySelector('.video-page')!.hasAttribute('aria-busy')).toBe(false)
    expect(document.querySelector('#video-title')!.textContent).toBe('clip.mp4')
    expect(document.title).toBe('clip.mp4 · Doppel')
    expect(document.querySelector<HTMLElement>('.video-header-actions')!.hidden).toBe(false)
    const download = document.querySelector<HTMLAnchorElement>('.video-download')!
    expect(download.getAttribute('href')).toBe('/api/videos/v1/content')
    expect(download.getAttribute('download')).toBe('clip.mp4')
    const faces = document.querySelector<HTMLAnchorElement>('#video-facesets-link')!
    expect(faces.hidden).toBe(false)
    expect(faces.getAttribute('href')).toBe('/facesets/f1')
    const player = document.querySelector<HTMLVideoElement>('#video-player')!
    expect(player.getAttribute('src')).toBe('/api/videos/v1/content')
    expect(player.getAttribute('poster')).toBe('/api/videos/v1/thumbnail')
    expect(player.dataset.thumbnail).toBe('ready')
    expect(player.style.aspectRatio).toBe('360 / 288')
    expect(document.querySelector('#video-detail-audio')!.textContent).toBe('Audio (AAC)')
    expect(document.querySelector('#video-detail-container')!.textContent).toBe('mov, mp4, m4a')
    expect(document.querySelector('#video-detail-size')!.getAttribute('title')).toBe('198,000 bytes')

    void unmount(page)
    expect(calls).toContain('pause video-player')
    expect(calls).toContain('load video-player')
    expect(player.hasAttribute('src')).toBe(false)
  })

  it('renames the video in place, then gives focus back to Rename', async () => {
    const page = mount(VideoPage, { target: document.body, props: { params: { id: 'v1' } } })
    await settle()
    const rename = document.querySelector<HTMLButtonElement>('.video-rename')!
    expect(rename.getAttribute('aria-expanded')).toBe('false')
    rename.click()
    flushSync()
    expect(rename.getAttribute('aria-expanded')).toBe('true')
    expect(document.querySelector<HTMLElement>('#video-title')!.hidden).toBe(true)
    const input = document.querySelector<HTMLInputElement>('.video-rename-form .video-rename-input')!
    expect(input.value).toBe('clip.mp4')
    input.value = 'Holiday'
    input.dispatchEvent(new Event('input', { bubbles: true }))
    document.querySelector<HTMLFormElement>('.video-rename-form')!.requestSubmit()
    await settle()
    expect(calls).toContain('PATCH /api/videos/v1')
    expect(document.querySelector('.video-rename-form')).toBeNull()
    expect(document.querySelector<HTMLElement>('#video-title')!.hidden).toBe(false)
    expect(document.querySelector('#video-title')!.textContent).toBe('Holiday')
    expect(document.querySelector('.video-download')!.getAttribute('download')).toBe('Holiday')
    expect(document.title).toBe('Holiday · Doppel')
    expect(document.activeElement).toBe(rename)
    void unmount(page)
  })

  it('shows the "not found" card for a video that is not there', async () => {
    const page = mount(VideoPage, { target: document.body, props: { params: { id: 'gone' } } })
    await settle()
    expect(document.querySelector('#video-not-found')).not.toBeNull()
    expect(document.querySelector('#video-missing-title')!.textContent).toBe(VIDEO_MISSING)
    expect(document.querySelector('.video-page')).toBeNull()
    void unmount(page)
  })
})
