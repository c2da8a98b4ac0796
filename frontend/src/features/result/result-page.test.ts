import { describe, expect, it } from 'vitest'
import { phaseAnnouncement, PROVENANCE_NOTE, provenanceText, resultSubtitle, stateView } from './result-page.ts'
import { result, swapJob } from './test-fixtures.ts'

describe('stateView', () => {
  it('shows a running swap with its percent, time left and the job’s words', () => {
    const view = stateView(result({ status: 'SWAPPING' }), swapJob({ progress: 0.4, etaSeconds: 130, message: 'Frame 30 of 75' }))
    expect(view).toEqual({ running: true, status: 'Swapping — 40 %', percent: 40, timeLeft: 'about 2 min left', message: 'Frame 30 of 75' })
  })

  it('shows a waiting swap with an indeterminate bar and its place in line', () => {
    const job = swapJob({ status: 'QUEUED', progress: 0, queuePosition: 2 })
    const view = stateView(result({ status: 'QUEUED', message: 'Waiting for a worker…' }), job)
    expect(view).toMatchObject({ running: true, status: 'Queued', percent: undefined, timeLeft: '', message: '2nd in line' })
  })

  it('falls back to the result’s own words while no job is known', () => {
    expect(stateView(result({ status: 'FINE_TUNING', message: 'Fine-tuning on this video' }), undefined).message).toBe('Fine-tuning on this video')
  })

  it('says when a ready swap finished, and why a failed one failed', () => {
    const ready = stateView(result(), undefined)
    expect(ready).toMatchObject({ running: false, status: 'Ready', percent: undefined })
    expect(ready.message).toMatch(/^Finished .*2026.*\.$/)
    const failed = stateView(result({ status: 'FAILED', message: 'No face found in the video.', finishedAt: null }), undefined)
    expect(failed).toMatchObject({ running: false, status: 'Failed: No face found in the video.', message: '' })
  })
})

describe('phaseAnnouncement', () => {
  it('says each phase in words', () => {
    expect(phaseAnnouncement(result(), undefined)).toBe('The swap is ready.')
    expect(phaseAnnouncement(result({ status: 'SWAPPING' }), undefined)).toBe('Swapping…')
    expect(phaseAnnouncement(result({ status: 'FAILED', message: 'Out of memory.' }), undefined)).toBe('Failed: Out of memory.')
  })
})

describe('provenanceText', () => {
  it('says whether this video shows the visible label', () => {
    expect(provenanceText(result())).toBe(`${PROVENANCE_NOTE} This one shows the label.`)
    const unlabelled = result()
    unlabelled.options = { ...unlabelled.options, label: false }
    expect(provenanceText(unlabelled)).toBe(`${PROVENANCE_NOTE} The visible label is off for this one; the metadata tag is still there.`)
  })
})

describe('resultSubtitle', () => {
  it('names the source video and the model', () => {
    expect(resultSubtitle(result())).toMatch(/^clip\.mp4, swapped by Anna–Ben · created .*2026/)
  })
})
