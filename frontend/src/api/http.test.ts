import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, onUnauthorized, parseRetryAfter, request } from './http.ts'

function answer(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers })
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('40')).toBe(40)
    expect(parseRetryAfter(null)).toBeUndefined()
    expect(parseRetryAfter('soon')).toBeUndefined()
    const inAMinute = new Date(Date.now() + 60_000).toUTCString()
    expect(parseRetryAfter(inAMinute)).toBeGreaterThanOrEqual(59)
  })
})

describe('request', () => {
  it('turns a problem document into an ApiError with its detail, status and wait', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => answer(429,
      { title: 'Too Many Requests', status: 429, detail: 'Too many swaps requested in the last minute; try again in 40 s.' },
      { 'Content-Type': 'application/problem+json', 'Retry-After': '40' })))
    const error = await request('/api/swaps', { method: 'POST', json: {} }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).status).toBe(429)
    expect((error as ApiError).message).toContain('try again in 40 s')
  })

  it('reports an ended session to the handler, but not for calls that need none', async () => {
    const ended = vi.fn()
    onUnauthorized(ended)
    vi.stubGlobal('fetch', vi.fn(async () => answer(401, { status: 401, detail: 'Your session has ended.' },
      { 'Content-Type': 'application/problem+json' })))
    await expect(request('/api/me/activity')).rejects.toBeInstanceOf(ApiError)
    expect(ended).toHaveBeenCalledTimes(1)
    await expect(request('/api/me', { sessionRequired: false })).rejects.toBeInstanceOf(ApiError)
    expect(ended).toHaveBeenCalledTimes(1)
  })

  it('sends JSON with same-origin credentials and reads JSON back', async () => {
    const fetch = vi.fn(async () => answer(200, { id: 'v1' }, { 'Content-Type': 'application/json' }))
    vi.stubGlobal('fetch', fetch)
    await expect(request<{ id: string }>('/api/things', { method: 'POST', json: { a: 1 } })).resolves.toEqual({ id: 'v1' })
    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit]
    expect(init.credentials).toBe('same-origin')
    expect(init.body).toBe('{"a":1}')
  })
})
