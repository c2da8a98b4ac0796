import { describe, expect, it } from 'vitest'
import type { Job } from '../../api/model/job.ts'
import type { FaceModel } from '../../api/model/model.ts'
import {
  addTick,
  currentIteration,
  deviceText,
  lossGuide,
  measuredRate,
  readResumeLimit,
  resumeLimits,
  resumeSuggestion,
  statusLine,
  timeLeft,
  trainingNumbers,
  type TrainingSnapshot,
} from './training-view.ts'

function model(over: Partial<FaceModel> = {}): FaceModel {
  return {
    id: 'm1', name: 'Words', preset: 'lite', faceSetA: 'a', faceSetB: 'b', status: 'TRAINING', message: null, device: 'cpu (4 threads)',
    iterations: 100, lossA: 0.1, lossB: 0.2, smoothedLoss: 0.15, bestLoss: 0.14, trainingSeconds: 30, checkpointIteration: null,
    previewIteration: null, targetLoss: null, maxIterations: null, maxMinutes: null, plateauIterations: 2000, plateauPercent: 1,
    jobId: null, createdAt: '2026-12-02T07:00:00Z', ...over,
  } as FaceModel
}

function job(over: Partial<Job> = {}): Job {
  return { id: 'j1', type: 'TRAIN', subjectId: 'm1', status: 'RUNNING', progress: 0, message: null, etaSeconds: null, startedAt: null, ...over } as Job
}

function snapshot(over: Partial<TrainingSnapshot> = {}): TrainingSnapshot {
  return { model: model(), job: job(), latest: undefined, ticks: [], fetchedAt: 1_000_000, now: 1_000_000, ...over }
}

describe('the numbers', () => {
  it('counts the iterations from the model, the live points or the job, whichever is furthest', () => {
    expect(currentIteration(snapshot())).toBe(100)
    expect(currentIteration(snapshot({ latest: { iteration: 140, lossA: 0.1, lossB: 0.1 } }))).toBe(140)
    expect(currentIteration(snapshot({ job: job({ message: 'Iteration 1,250, loss 0.0712 (38.2 it/s)' }) }))).toBe(1250)
  })

  it('measures the speed from the points heard, once they span a second and a half', () => {
    let ticks = addTick([], 100, 0)
    expect(measuredRate(ticks)).toBeUndefined()
    ticks = addTick(ticks, 110, 1_000)
    expect(measuredRate(ticks)).toBeUndefined()
    ticks = addTick(ticks, 120, 2_000)
    expect(measuredRate(ticks)).toBe(10)
    for (let i = 3; i < 20; i++) ticks = addTick(ticks, 100 + i * 10, i * 1_000)
    expect(ticks).toHaveLength(12)
  })

  it('shows the live loss, and runs the training time on while the job runs', () => {
    const numbers = trainingNumbers(snapshot({ latest: { iteration: 150, lossA: 0.05, lossB: 0.06 }, now: 1_060_000 }))
    expect(numbers.lossA).toBe('0.0500')
    expect(numbers.lossB).toBe('0.0600')
    expect(numbers.smoothed).toBe('0.1500')
    expect(numbers.best).toBe('0.1400')
    expect(numbers.time).toBe('2 min')
    expect(numbers.device).toBe('CPU (4 threads)')
    expect(numbers.percent).toBeUndefined()
    expect(trainingNumbers(snapshot({ job: job({ progress: 0.42 }) })).percent).toBe(42)
    expect(trainingNumbers(snapshot({ model: model({ status: 'STOPPED' }), job: job({ progress: 0.42 }) })).percent).toBeUndefined()
  })

  it('says what the time left is to', () => {
    expect(timeLeft(snapshot({ model: model({ status: 'STOPPED' }) }))).toEqual({ eta: '—', goal: '' })
    expect(timeLeft(snapshot({ model: model({ maxIterations: 500 }), job: undefined }))).toEqual({ eta: '—', goal: 'to 500 iterations' })
    expect(timeLeft(snapshot()).goal).toBe('no limit: until the loss stops improving')
    expect(timeLeft(snapshot({ model: model({ targetLoss: 0.05 }) })).goal).toBe('to loss 0.0500')
    const fromRate = timeLeft(snapshot({ model: model({ maxIterations: 1_300 }), job: job({ message: 'Iteration 100 (10 it/s)' }) }))
    expect(fromRate.goal).toBe('to 1,300 iterations')
    expect(fromRate.eta).toMatch(/2 min/)
  })

  it('writes the device with CPU or GPU in capitals', () => {
    expect(deviceText(null)).toBe('—')
    expect(deviceText('gpu 0: NVIDIA H200')).toBe('GPU 0: NVIDIA H200')
  })
})

describe('the status line', () => {
  it('says Stopping while a stop is on its way, and a queued model waits', () => {
    expect(statusLine(model(), undefined, true)).toEqual({
      label: 'Stopping', cls: 'stopping', message: 'Saving a checkpoint, then it stops. You can resume from there.',
    })
    expect(statusLine(model({ status: 'QUEUED' }), undefined, false)).toEqual({ label: 'Queued', cls: 'queued', message: 'Waiting for a worker…' })
    expect(statusLine(model({ status: 'FAILED', message: ' Out of memory ' }), undefined, false)).toEqual({
      label: 'Failed', cls: 'failed', message: 'Out of memory',
    })
  })
})

describe('resume', () => {
  it('suggests a higher limit when the last one stopped it', () => {
    const stopped = model({ status: 'COMPLETED', iterations: 1_200, maxIterations: 1_200, checkpointIteration: 1_200 })
    expect(resumeSuggestion(stopped)).toEqual({
      value: '2400',
      hint: 'It stopped at its limit of 1,200: resume with a higher one. It goes on from the checkpoint at iteration 1,200.',
      placeholder: '1,200',
    })
    expect(resumeSuggestion(model({ status: 'STOPPED' }))).toEqual({
      value: '', hint: 'Empty: no limit, it runs until the loss stops improving or you stop it.', placeholder: 'No limit',
    })
  })

  it('drops a target loss already reached, and keeps the other limits with a new iteration limit', () => {
    const reached = model({ status: 'COMPLETED', targetLoss: 0.2, bestLoss: 0.1, maxMinutes: 30 })
    expect(resumeSuggestion(reached).hint).toContain('It reached its target loss of 0.2000: it goes on without one.')
    expect(resumeLimits(reached, undefined)).toEqual({ plateauIterations: 2000, plateauPercent: 1, maxMinutes: 30 })
    expect(resumeLimits(model({ status: 'STOPPED' }), undefined)).toBeUndefined()
    expect(resumeLimits(model({ status: 'STOPPED', targetLoss: 0.05 }), 5_000)).toEqual({
      plateauIterations: 2000, plateauPercent: 1, maxIterations: 5_000, targetLoss: 0.05,
    })
  })

  it('reads the iteration limit typed', () => {
    expect(readResumeLimit(' ', false)).toEqual({})
    expect(readResumeLimit('3000', false)).toEqual({ maxIterations: 3000 })
    expect(readResumeLimit('0', false).error).toBe('Enter a whole number, at least 1.')
    expect(readResumeLimit('', true).error).toBe('Enter a whole number of iterations, or leave it empty.')
  })
})

describe('the loss guide', () => {
  it('names how the preset measures the loss, and warns about tiny', () => {
    expect(lossGuide(model({ preset: 'hq' }), undefined).measureText).toContain('structural dissimilarity plus squared error')
    expect(lossGuide(model({ preset: 'tiny' }), undefined)).toMatchObject({ tinyNote: true })
    expect(lossGuide(model(), undefined).measureText).not.toMatch(/recogni[sz]able/i)
  })
})
