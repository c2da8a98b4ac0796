import { describe, expect, it } from 'vitest'
import { ApiError } from '../../api/http.ts'
import { FLICKER_NOTE, reportErrorText, reportWords } from './report-words.ts'
import { qualityReport } from './test-fixtures.ts'

describe('reportWords', () => {
  it('says the figures with the people named "person A" and "person B" until the names are known', () => {
    const words = reportWords(qualityReport(), {})
    expect(words.identity).toEqual({
      share: '82 %',
      target: 'person B',
      ceiling: 'Ceiling 95 % on real held-out faces',
      note:
        'A classifier that tells the two people apart looked at 60 swapped faces. ' +
        'The ceiling is its score on 1,200 real faces of person B it never learned from: the most a swap can hope for.',
    })
    expect(words.reconstruction).toEqual({
      a: '0.83',
      b: '0.79',
      note: 'How closely each decoder redraws its own person (structural similarity, 1 is identical): 1,500 faces of person A, 1,400 of person B.',
    })
    expect(words.flicker).toEqual({ swapped: '3.2', source: '2.5', note: FLICKER_NOTE })
  })

  it('names the people once their face sets are known', () => {
    const words = reportWords(qualityReport(), { a: 'Anna', b: 'Ben' })
    expect(words.identity.target).toBe('Ben')
    expect(words.identity.note).toContain('real faces of Ben')
    expect(words.reconstruction.note).toContain('faces of Anna, 1,400 of Ben.')
  })

  it('has no share without swapped faces, no ceiling without held-out faces, and dashes for what was not measured', () => {
    const report = qualityReport()
    report.identity = { ...report.identity, swappedFaces: 0, ceiling: Number.NaN, heldOutFaces: Number.NaN }
    report.reconstruction = { ...report.reconstruction, ssimB: null as unknown as number }
    const words = reportWords(report, {})
    expect(words.identity.share).toBeUndefined()
    expect(words.identity.ceiling).toBe('No held-out faces to set a ceiling.')
    expect(words.identity.note).toContain('on 0 real faces')
    expect(words.reconstruction.b).toBe('—')
  })
})

describe('reportErrorText', () => {
  it('says a report still being made is not ready, and any other failure in words', () => {
    const problem = (status: number): ApiError =>
      new ApiError({ status, title: status === 409 ? 'Conflict' : 'Server error', detail: 'Try later.' })
    expect(reportErrorText(problem(409))).toBe('The report is not ready yet.')
    expect(reportErrorText(problem(500))).toBe('Could not load the report. Try later.')
  })
})
