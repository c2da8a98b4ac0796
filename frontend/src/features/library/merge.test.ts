import { describe, expect, it } from 'vitest'
import type { FaceSet } from '../../api/model/faceset.ts'
import { mergeableIds, mergeButtonTitle, mergeCountText, readyCount } from './merge.ts'

const faceSet = (id: string, status: string) => ({ id, status }) as unknown as FaceSet

describe('merge selection', () => {
  const sets = [faceSet('a', 'READY'), faceSet('b', 'EXTRACTING'), faceSet('c', 'READY'), faceSet('d', 'FAILED')]

  it('counts ready sets', () => {
    expect(readyCount(sets)).toBe(2)
    expect(mergeButtonTitle(2)).toBeUndefined()
    expect(mergeButtonTitle(1)).toBe('Two or more ready face sets are needed to merge')
  })

  it('merges only ticked sets that are ready, in the list order', () => {
    expect(mergeableIds(sets, new Set(['c', 'b', 'a', 'gone']))).toEqual(['a', 'c'])
  })

  it('says how many are ticked', () => {
    expect(mergeCountText(0)).toBe('No face sets ticked yet.')
    expect(mergeCountText(1)).toBe('1 face set ticked: tick one more.')
    expect(mergeCountText(3)).toBe('3 face sets ticked.')
  })
})
