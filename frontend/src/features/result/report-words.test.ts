import { describe, expect, it } from 'vitest'
import { ApiError } from '../../api/http.ts'
import { FLICKER_NOTE, reportErrorText, reportWords } from './report-words.ts'
import { qualityReport } from './test-fixtures.ts'

describe('reportWords', () => {
  it('says the figures with the people named "person A" and "person B" until the names are known', () => {
    const words = reportWords(qualityReport(), {})
    expect(words.identity.share).toBe('82 %')
    expect(words.identity.instead).toBe('')
    expect(words.identity.ceiling).toBe("person B's own unseen faces: 95 % pass, 88 % when as soft as the swap")
    expect(words.identity.controls).toBe("Controls: person A's own faces 2 % · a blurred copy of person A 3 %")
    expect(words.identity.note).toContain('looked at 60 swapped faces')
    expect(words.reconstruction).toEqual({
      a: '0.83',
      b: '0.79',
      note: "How closely each decoder redraws its own person's face, inside the face mask (structural similarity, 1 is identical): 1,500 faces of person A, 1,400 of person B.",
    })
    expect(words.flicker).toEqual({ swapped: '3.2', source: '2.5', note: FLICKER_NOTE })
  })

  it('names the people once their face sets are known', () => {
    const words = reportWords(qualityReport(), { a: 'Anna', b: 'Ben' })
    expect(words.identity.target).toBe('Ben')
    expect(words.identity.controls).toBe("Controls: Anna's own faces 2 % · a blurred copy of Anna 3 %")
    expect(words.reconstruction.note).toContain('faces of Anna, 1,400 of Ben.')
  })

  it('gives the reason instead of a number when the recogniser cannot tell the two people apart', () => {
    const report = qualityReport()
    report.identity = { ...report.identity, measurable: false, reason: 'The recogniser cannot tell the two people apart: 40 % of the source’s own faces pass as the target.' }
    const words = reportWords(report, {})
    expect(words.identity.share).toBeUndefined()
    expect(words.identity.instead).toMatch(/^Not measurable\. The recogniser cannot tell/)
    expect(words.identity.controls).toBe("Controls: person A's own faces 2 % · a blurred copy of person A 3 %")
  })

  it('says why a swap too soft to judge has no figure, and leaves the soft ceiling out of reports made before it', () => {
    const report = qualityReport()
    report.identity = {
      ...report.identity, measurable: false, blurredTargetAsTarget: 0.04,
      reason: 'The swapped faces are too soft to judge: the target’s own faces blurred to the same sharpness pass only 4 %. Train longer for a sharper swap.',
    }
    const words = reportWords(report, { a: 'Anna', b: 'Ben' })
    expect(words.identity.share).toBeUndefined()
    expect(words.identity.instead).toMatch(/^Not measurable\. The swapped faces are too soft to judge/)
    expect(words.identity.ceiling).toBe("Ben's own unseen faces: 95 % pass, 4 % when as soft as the swap")
    expect(words.identity.note).toContain("Ben's own unseen faces, blurred the same way, show the most a swap that soft can reach.")

    report.identity = { ...report.identity, blurredTargetAsTarget: null }
    expect(reportWords(report, { a: 'Anna', b: 'Ben' }).identity.ceiling).toBe("Ben's own unseen faces: 95 % pass")
  })

  it('says no blurred copy was needed when the swap is as sharp as the source', () => {
    const report = qualityReport()
    report.identity = { ...report.identity, blurSigma: 0, blurredSourceAsTarget: 0.02 }
    const words = reportWords(report, { a: 'Anna', b: 'Ben' })
    expect(words.identity.controls).toBe("Controls: Anna's own faces 2 % · no blurred copy needed (the swap is no softer than Anna's faces)")
    expect(words.identity.note).toContain('when the swap is softer')
    expect(reportWords(qualityReport(), {}).identity.note).not.toContain('when the swap is softer')
  })

  it('gives no figure for a report made with the old two-way vote', () => {
    const report = qualityReport()
    report.identity = { ...report.identity, method: null }
    const words = reportWords(report, {})
    expect(words.identity.share).toBeUndefined()
    expect(words.identity.instead).toContain('before the identity check')
    expect(words.identity.controls).toBe('')
  })

  it('has no share without swapped faces, and dashes for what was not measured', () => {
    const report = qualityReport()
    report.identity = { ...report.identity, swappedFaces: 0 }
    report.reconstruction = { ...report.reconstruction, ssimB: null as unknown as number }
    const words = reportWords(report, {})
    expect(words.identity.share).toBeUndefined()
    expect(words.identity.instead).toBe('No swapped faces to check.')
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
