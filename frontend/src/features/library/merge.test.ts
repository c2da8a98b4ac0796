import { describe, expect, it } from 'vitest'
import { ApiError } from '../../api/http.ts'
import type { FaceSet } from '../../api/model/faceset.ts'
import { mergeableIds, mergeButtonTitle, mergeCountText, placeErrors, readyCount } from './merge.ts'

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

describe('placeErrors', () => {
  it('puts violations under their field, one per line, and the rest in the alert', () => {
    const error = new ApiError({
      status: 400,
      title: 'Bad Request',
      detail: '',
      violations: [
        { field: 'merge.body.name', message: 'too long' },
        { field: 'merge.body.name', message: 'not blank' },
        { field: 'merge.body.faceSets', message: 'two or more' },
      ],
    })
    expect(placeErrors(error, ['name'])).toEqual({ fields: { name: 'too long\nnot blank' }, form: 'two or more' })
  })

  it('puts any other error in the alert', () => {
    expect(placeErrors(new ApiError({ status: 409, title: 'Conflict', detail: 'Not ready' }), ['name'])).toEqual({
      fields: {},
      form: 'Not ready',
    })
    expect(placeErrors(new Error('boom'), ['name']).form).toBe('Something went wrong. Try again.')
  })
})
