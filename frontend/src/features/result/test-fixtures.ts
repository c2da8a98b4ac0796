import type { Job } from '../../api/model/job.ts'
import type { QualityReport, Result } from '../../api/model/result.ts'

// Test data for the result page's tests (not a test file itself: no `.test.ts`).

export function result(overrides: Partial<Result> = {}): Result {
  return {
    id: 'r1', name: 'clip swapped', modelId: 'm1', modelName: 'Anna–Ben', videoId: 'v1', videoName: 'clip.mp4',
    direction: 'A_TO_B', status: 'READY', message: null, jobId: 'j1',
    options: { colour: 'rct', blend: 'alpha', maskErode: 5, maskFeather: 10, label: true, fineTuneIterations: 0, faces: 'largest' },
    width: 360, height: 288, fps: 25, frameCount: 75, framesWithFaces: 60, durationSeconds: 3, hasAudio: true,
    sizeBytes: 200_000, reportReady: true, createdAt: '2026-12-02T09:00:00Z', finishedAt: '2026-12-02T09:01:00Z',
    ...overrides,
  }
}

export function swapJob(overrides: Partial<Job> = {}): Job {
  return {
    id: 'j1', type: 'SWAP', status: 'RUNNING', lane: 'gpu', subjectId: 'r1', subjectName: 'clip swapped', progress: 0.4,
    message: null, etaSeconds: null, attempts: 1, maxAttempts: 3, cancelRequested: false, queuePosition: null,
    estimatedStart: null, createdAt: '2026-12-02T09:00:00Z', startedAt: null, finishedAt: null, error: null,
    ...overrides,
  }
}

export function qualityReport(): QualityReport {
  return {
    identity: {
      target: 'B', method: 'verification', measurable: true, reason: null, swappedAsTarget: 0.823, swappedFaces: 60,
      ceiling: 0.95, heldOutFaces: 40, sourceAsTarget: 0.02, blurredSourceAsTarget: 0.03, blurredTargetAsTarget: 0.88,
      controlFaces: 75,
      blurSigma: 2.5, swapSharpness: 30.2,
    },
    reconstruction: { ssimA: 0.8312, ssimB: 0.79, facesA: 1500, facesB: 1400 },
    flicker: { swapped: 3.24, source: 2.5, pairs: 59 },
  }
}
