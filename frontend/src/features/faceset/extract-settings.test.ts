import { describe, expect, it } from 'vitest'
import { ApiError } from '../../api/http.ts'
import { detectorOptions, maskOptions, optionNames, placeErrors, readWholeNumber } from './extract-settings.ts'

describe('extract settings', () => {
  it('reads whole numbers, an empty field as the server default, anything else as unreadable', () => {
    expect(readWholeNumber(5, false)).toBe(5)
    expect(readWholeNumber(null, false)).toBeUndefined()
    expect(readWholeNumber(1.5, false)).toBeNull()
    expect(readWholeNumber(null, true)).toBeNull()
  })

  it('offers the server’s choices, a fallback without them, and always the current one', () => {
    expect(optionNames(['a', 'b'], ['x'], 'b')).toEqual(['a', 'b'])
    expect(optionNames([], ['x'], 'x')).toEqual(['x'])
    expect(optionNames(['a'], ['x'], 'old')).toEqual(['a', 'old'])
    expect(detectorOptions(undefined, 'yunet')).toEqual(['haar', 'lbp', 'yunet'])
    expect(maskOptions(undefined, '')).toEqual(['hull'])
    expect(maskOptions({ masks: ['hull', 'mesh'] } as never, 'hull')).toEqual(['hull', 'mesh'])
  })

  it('puts violations under their fields and the rest in the form’s alert', () => {
    const error = new ApiError({
      status: 400, title: 'Bad Request', detail: '',
      violations: [
        { field: 'extract.body.minFaceSize', message: 'must be at least 16' },
        { field: 'extract.body.minFaceSize', message: 'must be a whole number' },
        { field: 'extract.body.other', message: 'is odd' },
      ],
    })
    expect(placeErrors(error)).toEqual({ fields: { minFaceSize: 'must be at least 16\nmust be a whole number' }, form: 'is odd' })
    expect(placeErrors(new ApiError({ status: 409, title: 'Conflict', detail: 'It is extracting already.' }))).toEqual({
      fields: {}, form: 'It is extracting already.',
    })
    expect(placeErrors(new Error('x')).form).toBe('Something went wrong. Try again.')
  })
})
