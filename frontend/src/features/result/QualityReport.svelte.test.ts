// @vitest-environment jsdom
import { flushSync, mount, unmount } from 'svelte'
import { afterEach, describe, expect, it, vi } from 'vitest'
import QualityReport from './QualityReport.svelte'
import { qualityReport, result } from './test-fixtures.ts'

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0))
  flushSync()
}

function answer(status: number, body: unknown): void {
  const type = status === 200 ? 'application/json' : 'application/problem+json'
  vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } })))
}

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.replaceChildren()
})

describe('QualityReport', () => {
  it('shows the three figures, naming the people once known', async () => {
    answer(200, qualityReport())
    const props = $state({ result: result(), names: {}, signal: new AbortController().signal })
    const report = mount(QualityReport, { target: document.body, props })
    expect(document.querySelector('#result-report')!.getAttribute('aria-busy')).toBe('true')
    await settle()
    expect(document.querySelector('#result-report')!.hasAttribute('aria-busy')).toBe(false)
    expect(document.querySelector<HTMLElement>('.result-report-status')!.hidden).toBe(true)
    expect(document.querySelector<HTMLElement>('.report-figures')!.hidden).toBe(false)
    expect(document.querySelector('#report-identity .report-value')!.textContent).toBe('82 % of swapped faces pass as person B')
    expect(document.querySelector('#report-identity strong')!.textContent).toBe('82 %')
    expect(document.querySelector('#report-ssim .report-value')!.textContent).toBe('A 0.83 · B 0.79')
    expect(document.querySelector('#report-flicker .report-value')!.textContent).toBe('Swapped 3.2 · source 2.5')

    props.names = { a: 'Anna', b: 'Ben' }
    flushSync()
    expect(document.querySelector('#report-identity .report-value')!.textContent).toBe('82 % of swapped faces pass as Ben')
    void unmount(report)
  })

  it('says a report not made yet is not ready, with "Try again"', async () => {
    answer(409, { type: 'about:blank', title: 'Conflict', status: 409, detail: 'Not ready.' })
    const report = mount(QualityReport, { target: document.body, props: { result: result(), names: {}, signal: new AbortController().signal } })
    await settle()
    const status = document.querySelector('.result-report-status')!
    expect(status.className).toBe('result-report-status status-error')
    expect(status.textContent).toBe('The report is not ready yet. Try again')

    answer(200, qualityReport())
    status.querySelector('button')!.click()
    await settle()
    expect(document.querySelector('#report-flicker .report-value')!.textContent).toBe('Swapped 3.2 · source 2.5')
    void unmount(report)
  })
})
