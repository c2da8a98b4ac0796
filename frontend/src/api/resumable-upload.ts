import * as tus from 'tus-js-client'
import { abortError, ApiError, networkError, problemError, reportUnauthorized } from './http.ts'

/** Where resumable uploads are created (tus 1.0.0). */
export const UPLOADS = '/api/uploads'
/** The header on the last PATCH's answer that says where the finished video is. */
const VIDEO_HEADER = 'Doppel-Video'

export interface ResumableOptions {
  /** Bytes the server holds so far, and the total. */
  onProgress?: (sent: number, total: number) => void
  /** Aborting stops sending (what the server has is kept until it expires) and rejects with an `AbortError`. */
  signal?: AbortSignal
  /** Metadata the server reads at creation (e.g. `consent`). */
  metadata?: Record<string, string>
}

/**
 * Sends a file with the tus protocol and resolves to the path the server names on the answer to its last byte.
 * A dropped connection is retried from the byte the server stands at; a file dropped again after the tab was
 * closed resumes where it stopped (tus-js-client keeps the upload's URL in localStorage, by the file's name, size
 * and date). Refusals reject with an {@link ApiError} carrying the server's problem detail.
 */
export function uploadResumable(file: File, options: ResumableOptions = {}): Promise<string> {
  const { onProgress, signal, metadata = {} } = options
  return new Promise<string>((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError())
      return
    }
    let location: string | null = null
    const upload = new tus.Upload(file, {
      endpoint: UPLOADS,
      metadata: { filename: file.name, filetype: file.type, ...metadata },
      // Retried after a dropped connection or a busy upload (423); refusals (4xx) are not retried.
      retryDelays: [0, 1000, 3000, 5000, 10000],
      storeFingerprintForResuming: true,
      removeFingerprintOnSuccess: true,
      onProgress: (sent, total) => onProgress?.(sent, total),
      onAfterResponse: (_request, response) => {
        const video = response.getHeader(VIDEO_HEADER)
        if (video) location = video
      },
      onSuccess: () => {
        signal?.removeEventListener('abort', onAbort)
        if (location) resolve(location)
        else reject(problemError(502, 'Bad Gateway', null, '', null))
      },
      onError: (error) => {
        signal?.removeEventListener('abort', onAbort)
        reject(toApiError(error))
      },
    })
    const onAbort = (): void => {
      // false: keep the server's copy, so dropping the file again resumes it; the server sweeps it otherwise.
      void upload.abort(false)
      reject(abortError())
    }
    signal?.addEventListener('abort', onAbort, { once: true })
    void upload.findPreviousUploads().then((previous) => {
      const resumable = previous.find((p) => p.uploadUrl)
      if (resumable) upload.resumeFromPreviousUpload(resumable)
      if (!signal?.aborted) upload.start()
    })
  })
}

function toApiError(error: Error): ApiError {
  const response = (error as tus.DetailedError).originalResponse
  if (!response) return networkError()
  const status = response.getStatus()
  if (status === 401) reportUnauthorized()
  return problemError(status, '', response.getHeader('Content-Type') ?? null, response.getBody() ?? '',
    response.getHeader('Retry-After') ?? null)
}
