/**
 * The video upload queue. It lives outside any page, so uploads keep going
 * while the user moves around the app; the library subscribes to show them.
 */
import { readable, type Readable } from 'svelte/store'
import { ApiError, NETWORK_ERROR_STATUS } from './api/http.ts'
import type { StorageUsage } from './api/model/storage.ts'
import type { Video } from './api/model/video.ts'
import { uploadVideo } from './api/videos.ts'
import { onUserChange } from './session.ts'
import { formatBytes } from './ui/format.ts'
import { showToast } from './ui/toast.ts'

/** Files sent at the same time; the rest wait their turn. */
const PARALLEL_UPLOADS = 2

export type UploadStatus = 'queued' | 'uploading' | 'processing' | 'failed'

export interface Upload {
  readonly id: number
  readonly file: File
  status: UploadStatus
  /** 0–100, bytes sent so far. */
  percent: number
  /** Why it failed (status `failed`). */
  error?: string
  /** Whether trying again might help (network trouble, server error). */
  retryable: boolean
  controller?: AbortController
}

export type UploadEvent =
  | { kind: 'added' | 'changed' | 'removed'; upload: Upload }
  | { kind: 'uploaded'; upload: Upload; video: Video }

type Listener = (event: UploadEvent) => void

const uploads: Upload[] = []
const listeners = new Set<Listener>()
let nextId = 1
let limits: StorageUsage | undefined

/** Uploads not yet finished or failed, in the order they were added. */
export function currentUploads(): readonly Upload[] {
  return uploads
}

/** Queued, sending or being checked by the server. */
export function activeUploadCount(): number {
  return uploads.filter((u) => u.status !== 'failed').length
}

/** Subscribes to queue changes; returns the unsubscribe function. */
export function onUploadEvent(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/**
 * The queue as a Svelte store: `$uploadQueue` is a fresh list of copies after every change, because the queue
 * changes its uploads in place and a component would not see a new `percent` on an object it already has.
 * While a component reads it, the queue counts as watched (no toasts instead).
 */
export const uploadQueue: Readable<readonly Readonly<Upload>[]> = readable(snapshot(), (set) => {
  set(snapshot())
  return onUploadEvent(() => set(snapshot()))
})

function snapshot(): Readonly<Upload>[] {
  return uploads.map((upload) => ({ ...upload }))
}

/**
 * Remembers the account's limits, used only to explain an upload the server
 * cut off without an answer (a browser can report a refused body as a network error).
 */
export function setUploadLimits(usage: StorageUsage | undefined): void {
  limits = usage
}

/** Queues files for upload. The caller has checked consent. */
export function enqueueUploads(files: Iterable<File>): Upload[] {
  const added: Upload[] = []
  for (const file of files) {
    const upload: Upload = { id: nextId++, file, status: 'queued', percent: 0, retryable: false }
    uploads.push(upload)
    added.push(upload)
    emit({ kind: 'added', upload })
  }
  pump()
  return added
}

/** Stops an upload (queued or running) and forgets it. */
export function cancelUpload(id: number): void {
  const upload = uploads.find((u) => u.id === id)
  if (!upload) return
  upload.controller?.abort()
  remove(upload)
  pump()
}

/** Forgets a failed upload. */
export function dismissUpload(id: number): void {
  const upload = uploads.find((u) => u.id === id)
  if (upload && upload.status === 'failed') remove(upload)
}

/** Puts a failed upload back in the queue. */
export function retryUpload(id: number): void {
  const upload = uploads.find((u) => u.id === id)
  if (!upload || upload.status !== 'failed') return
  upload.status = 'queued'
  upload.percent = 0
  upload.error = undefined
  upload.retryable = false
  emit({ kind: 'changed', upload })
  pump()
}

function pump(): void {
  let running = uploads.filter((u) => u.status === 'uploading' || u.status === 'processing').length
  for (const upload of uploads) {
    if (running >= PARALLEL_UPLOADS) break
    if (upload.status !== 'queued') continue
    running++
    void run(upload)
  }
  updateUnloadGuard()
}

async function run(upload: Upload): Promise<void> {
  const controller = new AbortController()
  upload.controller = controller
  upload.status = 'uploading'
  upload.percent = 0
  emit({ kind: 'changed', upload })
  try {
    const video = await uploadVideo(upload.file, {
      signal: controller.signal,
      onProgress: (loaded, total) => {
        const percent = total > 0 ? Math.min(100, Math.floor((loaded / total) * 100)) : 0
        // All bytes sent: the server now reads and checks the video.
        const status: UploadStatus = loaded >= total ? 'processing' : 'uploading'
        if (percent === upload.percent && status === upload.status) return
        upload.percent = percent
        upload.status = status
        emit({ kind: 'changed', upload })
      },
    })
    if (!uploads.includes(upload)) return
    upload.percent = 100
    remove(upload, false)
    emit({ kind: 'uploaded', upload, video })
    if (listeners.size === 0) showToast(`“${upload.file.name}” is uploaded.`)
  } catch (error) {
    if (controller.signal.aborted || !uploads.includes(upload)) return
    const failure = describeFailure(error, upload.file)
    upload.status = 'failed'
    upload.error = failure.message
    upload.retryable = failure.retryable
    emit({ kind: 'changed', upload })
    if (listeners.size === 0) showToast(`“${upload.file.name}” could not be uploaded. ${failure.message}`, 'error')
  } finally {
    upload.controller = undefined
    pump()
  }
}

/** The server's `detail` (plus any field messages), or our best guess when it never answered. */
export function describeFailure(error: unknown, file: File): { message: string; retryable: boolean } {
  if (!(error instanceof ApiError)) {
    return { message: 'Something went wrong. Try again.', retryable: true }
  }
  if (error.status === NETWORK_ERROR_STATUS && limits) {
    if (file.size > limits.maxUploadBytes) {
      return {
        message: `This file is ${formatBytes(file.size)}, over the ${formatBytes(limits.maxUploadBytes)} limit per upload.`,
        retryable: false,
      }
    }
    const free = Math.max(0, limits.quotaBytes - limits.usedBytes)
    if (file.size > free) {
      return {
        message: `Not enough storage left: this file is ${formatBytes(file.size)} and ${formatBytes(free)} is free.`,
        retryable: false,
      }
    }
  }
  const lines = [error.detail || error.title]
  for (const violation of error.violations) {
    if (violation.message && !lines.includes(violation.message)) lines.push(violation.message)
  }
  const retryable = error.status === NETWORK_ERROR_STATUS || error.status === 429 || error.status >= 500
  return { message: lines.join('\n'), retryable }
}

function remove(upload: Upload, notify = true): void {
  const index = uploads.indexOf(upload)
  if (index < 0) return
  uploads.splice(index, 1)
  if (notify) emit({ kind: 'removed', upload })
  updateUnloadGuard()
}

function emit(event: UploadEvent): void {
  for (const listener of [...listeners]) listener(event)
}

// Leaving or reloading the page would cut running uploads off: ask first.
let guarding = false
function guardUnload(event: BeforeUnloadEvent): void {
  event.preventDefault()
  event.returnValue = ''
}
function updateUnloadGuard(): void {
  const active = activeUploadCount() > 0
  if (active === guarding) return
  guarding = active
  if (active) window.addEventListener('beforeunload', guardUnload)
  else window.removeEventListener('beforeunload', guardUnload)
}

// Signing out (or a session that ends) stops and forgets everything.
onUserChange((user) => {
  if (user) return
  for (const upload of [...uploads]) {
    upload.controller?.abort()
    remove(upload)
  }
  limits = undefined
})
