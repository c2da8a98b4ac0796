import { describe, expect, it } from 'vitest'
import { faceTitle, formatBlur, formatFaceScore, formatFaceSize, isDoubtful } from './face-format.ts'
import { face } from './test-faces.ts'

describe('face formatting', () => {
  it('shows sharpness with one decimal and no grouping', () => {
    expect(formatBlur(1234.56)).toBe('1234.6')
    expect(formatBlur(0)).toBe('0.0')
    expect(formatBlur(Number.NaN)).toBe('—')
  })

  it('shows a face score with two decimals, or that it was not checked', () => {
    expect(formatFaceScore(0.123)).toBe('0.12')
    expect(formatFaceScore(null)).toBe('not checked')
    expect(formatFaceScore(Number.POSITIVE_INFINITY)).toBe('not checked')
  })

  it('shows a width in whole pixels', () => {
    expect(formatFaceSize(96.4)).toBe('96 px')
    expect(formatFaceSize(Number.NaN)).toBe('—')
  })

  it('doubts only a face the check did not pass', () => {
    expect(isDoubtful(face('a', 1, { looksLikeFace: false }))).toBe(true)
    expect(isDoubtful(face('a', 1, { looksLikeFace: null }))).toBe(false)
    expect(isDoubtful(face('a', 1))).toBe(false)
  })

  it('sums a face up in its tooltip', () => {
    expect(faceTitle(face('a', 12.34))).toBe('Frame 10 · sharpness 12.3 · 96 px wide · face score 0.91')
    expect(faceTitle(face('a', 12.34, { looksLikeFace: false, faceScore: 0.05, landmarks: false }))).toBe(
      'Frame 10 · sharpness 12.3 · 96 px wide · face score 0.05, may not be a face · aligned on the eyes only',
    )
  })
})
