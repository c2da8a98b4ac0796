import type { ProblemDetails, Violation } from './model/problem.ts'

/** A failed HTTP call, normalised from an `application/problem+json` body (or its absence). */
export class ApiError extends Error {
  readonly status: number
  readonly title: string
  readonly detail: string
  readonly violations: Violation[]
  /** From the `Retry-After` header, when the server sent one. */
  readonly retryAfterSeconds?: number

  constructor(init: {
    status: number
    title: string
    detail: string
    violations?: Violation[]
    retryAfterSeconds?: number
  }) {
    super(init.detail || init.title)
    this.name = 'ApiError'
    this.status = init.status
    this.title = init.title
    this.detail = init.detail
    this.violations = init.violations ?? []
    this.retryAfterSeconds = init.retryAfterSeconds
  }

  /** Messages for one field (matched on the last path segment, so `register.body.email` counts as `email`). */
  messagesFor(field: string): string[] {
    return this.violations.filter((v) => fieldName(v.field) === field).map((v) => v.message)
  }
}

/** Status 0: the request never got an HTTP answer. */
export const NETWORK_ERROR_STATUS = 0

const ACCEPT = 'application/json, application/problem+json'

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH'
  /** Sent as JSON. */
  json?: unknown
  /** Sent as `application/x-www-form-urlencoded`. */
  form?: Record<string, string>
  /**
   * When true (default), a 401 is reported to the handler set with
   * {@link onUnauthorized} (the session has ended) before the error is thrown.
   */
  sessionRequired?: boolean
  signal?: AbortSignal
}

let unauthorizedHandler: (() => void) | undefined

/** Registers what to do when a call that needs a session gets a 401. */
export function onUnauthorized(handler: () => void): void {
  unauthorizedHandler = handler
}

/** For transports other than {@link request} and {@link upload} (the resumable upload): a call found the session ended. */
export function reportUnauthorized(): void {
  unauthorizedHandler?.()
}

/**
 * fetch() wrapper: same-origin credentials, JSON in and out, and every non-2xx
 * answer turned into an {@link ApiError}. Resolves to `undefined` for empty bodies.
 */
export async function request<T = void>(url: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', json, form, sessionRequired = true, signal } = options
  const headers: Record<string, string> = { Accept: ACCEPT }
  let body: BodyInit | undefined
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(json)
  } else if (form !== undefined) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded'
    body = new URLSearchParams(form).toString()
  }

  let response: Response
  try {
    response = await fetch(url, { method, headers, body, credentials: 'same-origin', signal })
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause
    throw networkError()
  }

  if (!response.ok) {
    const error = await toApiError(response)
    if (response.status === 401 && sessionRequired) unauthorizedHandler?.()
    throw error
  }
  return (await readBody(response)) as T
}

export function networkError(): ApiError {
  return new ApiError({
    status: NETWORK_ERROR_STATUS,
    title: 'Network error',
    detail: 'Could not reach Doppel. Check your connection and try again.',
  })
}

export function abortError(): DOMException {
  return new DOMException('The request was cancelled.', 'AbortError')
}

async function readBody(response: Response): Promise<unknown> {
  return parseBody(response.status, response.headers.get('Content-Type'), await response.text())
}

function parseBody(status: number, contentType: string | null, text: string): unknown {
  if (status === 204 || !text) return undefined
  if (isJson(contentType)) return JSON.parse(text)
  return text
}

async function toApiError(response: Response): Promise<ApiError> {
  let text = ''
  try {
    text = await response.text()
  } catch {
    // Unreadable body: fall back to the status line.
  }
  return problemError(
    response.status,
    response.statusText,
    response.headers.get('Content-Type'),
    text,
    response.headers.get('Retry-After'),
  )
}

/** Builds an {@link ApiError} from a non-2xx answer whose body may be `application/problem+json`. */
export function problemError(
  status: number,
  statusText: string,
  contentType: string | null,
  text: string,
  retryAfter: string | null,
): ApiError {
  let problem: ProblemDetails = {}
  try {
    if (text && isJson(contentType)) problem = JSON.parse(text) as ProblemDetails
  } catch {
    // Unreadable body: fall back to the status line below.
  }
  return new ApiError({
    status,
    title: problem.title || statusText || defaultTitle(status),
    detail: problem.detail || defaultDetail(status),
    violations: Array.isArray(problem.violations) ? problem.violations : [],
    retryAfterSeconds: parseRetryAfter(retryAfter),
  })
}

function isJson(contentType: string | null): boolean {
  return /[/+]json\b/i.test(contentType ?? '')
}

/** `Retry-After` is either delay-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed)
  const date = Date.parse(trimmed)
  if (Number.isNaN(date)) return undefined
  return Math.max(0, Math.ceil((date - Date.now()) / 1000))
}

export function fieldName(path: string): string {
  const parts = path.split('.')
  return parts[parts.length - 1] ?? path
}

function defaultTitle(status: number): string {
  switch (status) {
    case 400: return 'Bad Request'
    case 401: return 'Unauthorized'
    case 403: return 'Forbidden'
    case 404: return 'Not Found'
    case 409: return 'Conflict'
    case 413: return 'Content Too Large'
    case 422: return 'Unprocessable Content'
    case 429: return 'Too Many Requests'
    default: return status >= 500 ? 'Server Error' : 'Error'
  }
}

function defaultDetail(status: number): string {
  if (status === 401) return 'You are not signed in.'
  if (status === 403) return 'You are not allowed to do that.'
  if (status === 404) return 'That could not be found.'
  if (status === 413) return 'The file is too large.'
  if (status === 429) return 'Too many requests. Wait a moment and try again.'
  if (status >= 500) return 'Something went wrong on our side. Try again in a moment.'
  return 'The request could not be completed.'
}
