import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

// The queue's transport (an XHR upload) is replaced by promises the test settles; the real requests are covered
// by the browser tests.
interface Sending {
  file: File
  signal?: AbortSignal
  onProgress?: (loaded: number, total: number) => void
  resolve: (video: unknown) => void
  reject: (error: unknown) => void
}
const sending: Sending[] = []
vi.mock('./api/videos.ts', () => ({
  uploadVideo: (file: File, options: { signal?: AbortSignal; onProgress?: (l: number, t: number) => void }) =>
    new Promise((resolve, reject) => sending.push({ file, ...options, resolve, reject })),
}))

type Queue = typeof import('./video-uploads.ts')
let queue: Queue
// From the same fresh module graph as the queue, or instanceof would not recognise it.
let ApiError: typeof import('./api/http.ts').ApiError

function clip(name: string, bytes = 1000): File {
  return new File([new Uint8Array(bytes)], name, { type: 'video/mp4' })
}

async function settle(): Promise<void> {
  await new Promise((r) => setTimeout(r, 0))
}

beforeEach(async () => {
  vi.resetModules()
  sending.length = 0
  vi.stubGlobal('window', { addEventListener: vi.fn(), removeEventListener: vi.fn() })
  queue = await import('./video-uploads.ts')
  ApiError = (await import('./api/http.ts')).ApiError
  queue.onUploadEvent(() => {})
})

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('the upload queue', () => {
  it('sends two files at a time and starts the next when one is done', async () => {
    const [a, b, c] = queue.enqueueUploads([clip('a.mp4'), clip('b.mp4'), clip('c.mp4')])
    expect(sending.map((s) => s.file.name)).toEqual(['a.mp4', 'b.mp4'])
    expect([a.status, b.status, c.status]).toEqual(['uploading', 'uploading', 'queued'])

    sending[0].onProgress?.(1000, 1000)
    expect(a.status).toBe('processing')
    sending[0].resolve({ id: 'v1' })
    await settle()
    expect(sending.map((s) => s.file.name)).toEqual(['a.mp4', 'b.mp4', 'c.mp4'])
    expect(queue.currentUploads().map((u) => u.file.name)).toEqual(['b.mp4', 'c.mp4'])
  })

  it('keeps a refused upload with the server\'s reason, and a retry queues it again', async () => {
    const [upload] = queue.enqueueUploads([clip('busy.mp4')])
    sending[0].reject(new ApiError({ status: 429, title: 'Too Many Requests',
      detail: 'Too many uploads in the last 10 minutes; try again in 4 min.', retryAfterSeconds: 240 }))
    await settle()
    expect(upload.status).toBe('failed')
    expect(upload.error).toBe('Too many uploads in the last 10 minutes; try again in 4 min.')
    expect(upload.retryable).toBe(true)
    expect(queue.activeUploadCount()).toBe(0)

    queue.retryUpload(upload.id)
    expect(upload.status).toBe('uploading')
    expect(sending).toHaveLength(2)
  })

  it('does not offer a retry for a file the server will never take', async () => {
    const [upload] = queue.enqueueUploads([clip('notes.mp4')])
    sending[0].reject(new ApiError({ status: 422, title: 'Unprocessable Content', detail: 'This file is not a video we can read.' }))
    await settle()
    expect(upload.retryable).toBe(false)
    queue.dismissUpload(upload.id)
    expect(queue.currentUploads()).toHaveLength(0)
  })

  it('cancelling aborts the request and lets the next file go', async () => {
    const [first] = queue.enqueueUploads([clip('a.mp4'), clip('b.mp4'), clip('c.mp4')])
    queue.cancelUpload(first.id)
    expect(sending[0].signal?.aborted).toBe(true)
    expect(sending.map((s) => s.file.name)).toEqual(['a.mp4', 'b.mp4', 'c.mp4'])
    expect(queue.currentUploads().map((u) => u.file.name)).toEqual(['b.mp4', 'c.mp4'])
  })

  it('explains a dropped connection by the limits when the file is over them', async () => {
    queue.setUploadLimits({ usedBytes: 0, quotaBytes: 10_000, maxUploadBytes: 2048 } as never)
    const [upload] = queue.enqueueUploads([clip('big.mp4', 4096)])
    sending[0].reject(new ApiError({ status: 0, title: 'Network error', detail: 'Doppel is unreachable.' }))
    await settle()
    expect(upload.error).toBe('This file is 4 KB, over the 2 KB limit per upload.')
    expect(upload.retryable).toBe(false)
  })
})

describe('the queue as a store', () => {
  it('gives a fresh copy of each upload after every change', async () => {
    const seen: { name: string; status: string; percent: number }[][] = []
    const stop = queue.uploadQueue.subscribe((list) => seen.push(list.map((u) => ({ name: u.file.name, status: u.status, percent: u.percent }))))
    queue.enqueueUploads([clip('a.mp4')])
    sending[0].onProgress?.(500, 1000)
    expect(seen.at(-1)).toEqual([{ name: 'a.mp4', status: 'uploading', percent: 50 }])
    // Earlier lists keep what they said: a component compares them to find what changed.
    expect(seen.some((list) => list[0]?.percent === 0)).toBe(true)
    sending[0].resolve({ id: 'v1' })
    await settle()
    expect(seen.at(-1)).toEqual([])
    stop()
  })
})
