import { describe, expect, it } from 'vitest'
import type { Job } from '../../api/model/job.ts'
import { canCancel, describeChange, jobLabel, jobLines, jobStatusLabel, statusClass } from './job-text.ts'

function job(overrides: Partial<Job>): Job {
  return {
    id: 'j1',
    type: 'SWAP',
    status: 'RUNNING',
    lane: 'gpu',
    subjectId: null,
    subjectName: null,
    progress: 0.5,
    message: null,
    error: null,
    cancelRequested: false,
    etaSeconds: null,
    createdAt: '2026-12-01T10:00:00Z',
    startedAt: '2026-12-01T10:00:05Z',
    finishedAt: null,
    queuePosition: null,
    ...overrides,
  } as Job
}

describe('job text', () => {
  it('names known and unknown job types', () => {
    expect(jobLabel('TRAIN')).toBe('Training')
    expect(jobLabel('SOME_NEW_TYPE')).toBe('Some new type')
  })

  it('says Stopping and Stopped for training, Cancelling for the rest', () => {
    expect(jobStatusLabel(job({ type: 'TRAIN', cancelRequested: true }))).toBe('Stopping')
    expect(jobStatusLabel(job({ type: 'TRAIN', status: 'CANCELLED' }))).toBe('Stopped')
    expect(jobStatusLabel(job({ cancelRequested: true }))).toBe('Cancelling')
    expect(statusClass(job({ cancelRequested: true }))).toBe('job-status-cancelling')
  })

  it('drops a message that only repeats the status and shows a failure as its error', () => {
    expect(jobLines(job({ message: 'running' })).message).toBe('')
    const failed = jobLines(job({ status: 'FAILED', message: 'Decoding', error: 'No faces found' }))
    expect(failed).toEqual({ message: '', eta: '', error: 'No faces found' })
    expect(jobLines(job({ etaSeconds: 90 })).eta).not.toBe('')
  })

  it('offers Cancel only while a job waits or runs and nobody asked yet', () => {
    expect(canCancel(job({}))).toBe(true)
    expect(canCancel(job({ cancelRequested: true }))).toBe(false)
    expect(canCancel(job({ status: 'SUCCEEDED' }))).toBe(false)
  })

  it('announces status changes, not progress ticks', () => {
    const before = job({ status: 'QUEUED' })
    expect(describeChange(job({}), before)).toBe('Swapping faces: started.')
    expect(describeChange(job({ progress: 0.6 }), job({}))).toBeUndefined()
    expect(describeChange(job({ type: 'TRAIN', status: 'CANCELLED', subjectName: 'Anna' }), job({ type: 'TRAIN' }))).toBe(
      'Training “Anna”: stopped.',
    )
  })
})
