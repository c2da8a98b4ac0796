import { describe, expect, it } from 'vitest'
import { detectorOptions, maskOptions, optionNames, readWholeNumber } from './extract-settings.ts'

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
})
