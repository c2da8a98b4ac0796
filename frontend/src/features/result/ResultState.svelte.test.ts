// @vitest-environment jsdom
import { flushSync, mount, unmount } from 'svelte'
import type { Job } from '../../api/model/job.ts'
import { afterEach, describe, expect, it } from 'vitest'
import ResultState from './ResultState.svelte'
import { result, swapJob } from './test-fixtures.ts'

afterEach(() => document.body.replaceChildren())

const q = <T extends HTMLElement = HTMLElement>(selector: string): T => document.querySelector<T>(selector)!

describe('ResultState', () => {
  it('follows a swap from the queue to the finish', () => {
    const props = $state({
      result: result({ status: 'QUEUED', message: 'Waiting for a worker…' }),
      job: swapJob({ status: 'QUEUED', progress: 0, queuePosition: 1 }) as Job | undefined,
      announcement: '',
    })
    const view = mount(ResultState, { target: document.body, props })
    flushSync()
    expect(q('#result-status').textContent).toBe('Queued')
    expect(q('#result-status').dataset.status).toBe('QUEUED')
    expect(q('#result-progress').hidden).toBe(false)
    expect(q('#result-progress').hasAttribute('value')).toBe(false)
    expect(q('#result-message').textContent).toBe('Next in line')
    expect(q('#result-eta').hidden).toBe(true)
    expect(q('.result-failed').hidden).toBe(true)

    props.result = result({ status: 'SWAPPING' })
    props.job = swapJob({ progress: 0.4, etaSeconds: 30 })
    props.announcement = 'Swapping…'
    flushSync()
    expect(q('#result-status').textContent).toBe('Swapping — 40 %')
    expect(q<HTMLProgressElement>('#result-progress').value).toBe(40)
    expect(q('#result-eta').textContent).toBe('about 30 s left')
    expect(q('#result-live').textContent).toBe('Swapping…')

    props.result = result({ status: 'FAILED', message: 'No face found.' })
    props.job = undefined
    flushSync()
    expect(q('#result-status').textContent).toBe('Failed: No face found.')
    expect(q('#result-progress').hidden).toBe(true)
    expect(q('.result-failed').hidden).toBe(false)
    expect(q('#result-retry').getAttribute('href')).toBe('/models/m1#swap')
    void unmount(view)
  })
})
