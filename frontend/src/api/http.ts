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

/**
 * fetch() wrapper: same-origin credentials, JSON in and out, and every non-2xx
 * answer turned into an {@link ApiError}. Resolves to `undefined` for empty bodies.
 */
export async function request<T = void>(url: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', json, form, sessionRequired = true, signal } = options
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' }
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
    throw new ApiError({
      status: NETWORK_ERROR_STATUS,
      title: 'Network error',
      detail: 'Could not reach Doppel. Check your connection and try again.',
    })
  }

  if (!response.ok) {
    const error = await toApiError(response)
    if (response.status === 401 && sessionRequired) unauthorizedHandler?.()
    throw error
  }
  return (await readBody(response)) as T
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined
  const text = await response.text()
  if (!text) return undefined
  if (isJson(response)) return JSON.parse(text)
  return text
}

async function toApiError(response: Response): Promise<ApiError> {
  let problem: ProblemDetails = {}
  try {
    const text = await response.text()
    if (text && isJson(response)) problem = JSON.parse(text) as ProblemDetails
  } catch {
    // Unreadable body: fall back to the status line below.
  }
  const title = problem.title || response.statusText || defaultTitle(response.status)
  return new ApiError({
    status: response.status,
    title,
    detail: problem.detail || defaultDetail(response.status),
    violations: Array.isArray(problem.violations) ? problem.violations : [],
    retryAfterSeconds: parseRetryAfter(response.headers.get('Retry-After')),
  })
}

function isJson(response: Response): boolean {
  const type = response.headers.get('Content-Type') ?? ''
  return /[/+]json\b/i.test(type)
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
    case 429: return 'Too Many Requests'
    default: return status >= 500 ? 'Server Error' : 'Error'
  }
}

function defaultDetail(status: number): string {
  if (status === 401) return 'You are not signed in.'
  if (status === 403) return 'You are not allowed to do that.'
  if (status === 404) return 'That could not be found.'
  if (status === 429) return 'Too many requests. Wait a moment and try again.'
  if (status >= 500) return 'Something went wrong on our side. Try again in a moment.'
  return 'The request could not be completed.'
}
