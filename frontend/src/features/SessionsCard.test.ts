// @vitest-environment jsdom
import { flushSync, mount, unmount } from 'svelte'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { SignedInSession } from '../api/model/session.ts'
import SessionsCard from './SessionsCard.svelte'

// The component against the real API client, with fetch answered by the test (the server side of these calls is
// covered by UserSessionTests and the browser test).
let listed: SignedInSession[]
let calls: string[]

function session(id: string, current: boolean, userAgent: string): SignedInSession {
  return { id, current, userAgent, clientAddress: '203.0.113.7', createdAt: '2026-12-02T09:00:00Z',
    lastSeenAt: new Date().toISOString() }
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0))
  flushSync()
}

beforeEach(() => {
  listed = [
    session('s1', true, 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0 Safari/537.36'),
    session('s2', false, 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1'),
  ]
  calls = []
  vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
    calls.push(`${init?.method ?? 'GET'} ${url}`)
    if (init?.method === 'DELETE') {
      listed = listed.filter((s) => !url.endsWith(s.id))
      return new Response(null, { status: 204 })
    }
    return new Response(JSON.stringify(listed), { status: 200, headers: { 'Content-Type': 'application/json' } })
  }))
})

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.replaceChildren()
})

describe('SessionsCard', () => {
  it('lists the sessions with this device marked, and signs another one out', async () => {
    const card = mount(SessionsCard, { target: document.body })
    await settle()
    const rows = [...document.querySelectorAll<HTMLLIElement>('#sessions-list li')]
    expect(rows.map((r) => r.dataset.current)).toEqual(['true', 'false'])
    expect(rows[0].textContent).toContain('Chrome on Linux')
    expect(rows[0].textContent).toContain('This device')
    expect(rows[1].textContent).toContain('Safari on iOS')
    expect(rows[1].textContent).toContain('from 203.0.113.7')
    expect(rows[1].textContent).toContain('Active just now')

    rows[1].querySelector<HTMLButtonElement>('.session-end')!.click()
    await settle()
    expect(calls).toContain('DELETE /api/me/sessions/s2')
    expect(document.querySelectorAll('#sessions-list li')).toHaveLength(1)
    void unmount(card)
  })

  it('says why when the list cannot be loaded', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ status: 503, detail: 'The database is down.' }),
      { status: 503, headers: { 'Content-Type': 'application/problem+json' } })))
    const card = mount(SessionsCard, { target: document.body })
    await settle()
    const status = document.querySelector<HTMLElement>('.sessions-status')!
    expect(status.hidden).toBe(false)
    expect(status.textContent).toContain('Could not load sessions. The database is down.')
    expect(status.classList.contains('status-error')).toBe(true)
    void unmount(card)
  })
})
