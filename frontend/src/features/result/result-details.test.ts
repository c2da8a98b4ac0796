import { describe, expect, it } from 'vitest'
import { audioText, countOrDash, facesShare, optionLines, sizeText } from './result-details.ts'
import { result } from './test-fixtures.ts'

describe('result details', () => {
  it('gives the share of frames with a swapped face only once the swap is done', () => {
    expect(facesShare(result())).toBe('60 (80 %)')
    expect(facesShare(result({ status: 'SWAPPING' }))).toBe('—')
    expect(facesShare(result({ frameCount: 0 }))).toBe('—')
  })

  it('puts dashes where the file is not measured yet', () => {
    expect(countOrDash(1234)).toBe('1,234')
    expect(countOrDash(Number.NaN)).toBe('—')
    expect(sizeText(result({ sizeBytes: 0 }))).toBe('—')
    expect(audioText(result())).toBe('Kept from the source')
    expect(audioText(result({ hasAudio: false }))).toBe('None')
    expect(audioText(result({ hasAudio: null as unknown as boolean }))).toBe('—')
  })

  it('lists the options, naming the source person for "match"', () => {
    const matching = result({ direction: 'B_TO_A' })
    matching.options = { ...matching.options, faces: 'match', fineTuneIterations: 2000, label: false, blend: 'seamless' }
    expect(optionLines(matching, { a: 'Anna', b: 'Ben' })).toEqual([
      'Faces: Only faces that look like Ben',
      'Colours: Match colours (Reinhard, recommended)',
      'Edges: Seamless clone',
      'Mask: shrunk 5 %, edge softened 10 %',
      'Label: metadata tag only',
      'Fine-tuning: 2,000 iterations first',
    ])
    expect(optionLines(result(), {})).toContain('Fine-tuning: None (quick swap)')
    expect(optionLines(result(), {})[0]).toBe('Faces: The largest face (one person)')
  })
})
