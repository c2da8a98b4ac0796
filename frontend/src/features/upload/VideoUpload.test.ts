// @vitest-environment jsdom
import { flushSync, mount, unmount } from 'svelte'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../api/http.ts'
import VideoUpload from './VideoUpload.svelte'
import { CONSENT_REQUIRED } from './upload-text.ts'

// The transport (a resumable upload) is replaced by promises the test settles; the real one is covered by
// VideoBrowserTests. The storage line comes from a stubbed fetch.
const sending: { file: File; resolve: (video: unknown) => void; reject: (error: unknown) => void }[] = []
vi.mock('../../api/videos.ts', () => ({
  uploadVideo: (file: File) => new Promise((resolve, reject) => sending.push({ file, resolve, reject })),
}))

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0))
  flushSync()
}

function choose(files: File[]): void {
  const input = document.querySelector<HTMLInputElement>('#video-upload-input')!
  Object.defineProperty(input, 'files', { value: files, configurable: true })
  input.dispatchEvent(new Event('change', { bubbles: true }))
  flushSync()
}

const clip = (name: string): File => new File([new Uint8Array(10)], name, { type: 'video/mp4' })

beforeEach(() => {
  sending.length = 0
  vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({
    usedBytes: 950, quotaBytes: 1000, maxUploadBytes: 500 * 1024 * 1024, maxDurationSeconds: 600, maxLongSidePixels: 1920,
  }), { status: 200, headers: { 'Content-Type': 'application/json' } })))
})

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.replaceChildren()
})

describe('VideoUpload', () => {
  it('refuses files without consent, and takes them once it is given', async () => {
    const area = mount(VideoUpload, { target: document.body })
    await settle()
    expect(document.querySelector('#video-limits')!.textContent).toContain('at most 1920 px on the long side')
    expect(document.querySelector<HTMLElement>('#video-storage')!.hidden).toBe(false)
    expect(document.querySelector('#video-storage')!.classList.contains('is-nearly-full')).toBe(true)

    choose([clip('a.mp4')])
    const consent = document.querySelector<HTMLInputElement>('#video-consent')!
    const error = document.querySelector<HTMLElement>('#video-consent-error')!
    expect(error.hidden).toBe(false)
    expect(error.textContent).toBe(CONSENT_REQUIRED)
    expect(consent.getAttribute('aria-invalid')).toBe('true')
    expect(consent.getAttribute('aria-describedby')).toBe('video-consent-error')
    expect(document.activeElement).toBe(consent)
    expect(document.querySelectorAll('.upload-item')).toHaveLength(0)
    expect(sending).toHaveLength(0)

    consent.click()
    flushSync()
    expect(error.hidden).toBe(true)
    expect(consent.hasAttribute('aria-invalid')).toBe(false)
    choose([clip('a.mp4')])
    expect(sending.map((s) => s.file.name)).toEqual(['a.mp4'])
    const row = document.querySelector<HTMLElement>('.upload-item[data-file-name="a.mp4"]')!
    expect(row.dataset.status).toBe('uploading')
    expect(document.querySelector<HTMLElement>('#video-upload-list')!.hidden).toBe(false)

    // Refused: the reason, Try again, and Dismiss (which takes the row away and gives focus to Choose files).
    sending[0].reject(new ApiError({ status: 503, title: 'Service Unavailable', detail: 'Try later.' }))
    await settle()
    expect(row.classList.contains('is-failed')).toBe(true)
    expect(row.querySelector('.upload-error')!.textContent).toBe('Try later.')
    expect(row.querySelector<HTMLElement>('.upload-retry')!.hidden).toBe(false)
    expect(row.querySelector<HTMLElement>('.upload-cancel')!.hidden).toBe(true)
    const dismiss = row.querySelector<HTMLButtonElement>('.upload-dismiss')!
    dismiss.focus()
    dismiss.click()
    await settle()
    expect(document.querySelectorAll('.upload-item')).toHaveLength(0)
    expect(document.querySelector<HTMLElement>('#video-upload-list')!.hidden).toBe(true)
    expect(document.activeElement?.id).toBe('video-choose')
    void unmount(area)
  })
})
