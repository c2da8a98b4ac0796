import { describe, expect, it } from 'vitest'
import type { FaceSet } from '../../api/model/faceset.ts'
import { choosePair, choosePreset, faceSetHint, keepApart, presetHint, presetList } from './choices.ts'
import { readModelInput, type ModelInput } from './form-check.ts'
import { faceSetOptionLabel, faceSetOptions, faceSetsWaiting, isUsableFaceSet } from './usable.ts'

function faceSet(id: string, status: FaceSet['status'] = 'READY', faceCount = 40): FaceSet {
  return { id, name: `Set ${id}`, status, faceCount } as FaceSet
}

// Newest first, as the server lists them.
const sets = [faceSet('new'), faceSet('busy', 'EXTRACTING', 0), faceSet('middle'), faceSet('few', 'READY', 1), faceSet('old')]

describe('which face sets the form preselects', () => {
  it('takes the two newest usable ones, the older as A', () => {
    expect(choosePair(sets, undefined, undefined)).toEqual({ a: 'middle', b: 'new' })
  })

  it('puts the wanted set in A and the newest other one in B', () => {
    expect(choosePair(sets, undefined, 'old')).toEqual({ a: 'old', b: 'new' })
    expect(choosePair(sets, undefined, 'new')).toEqual({ a: 'new', b: 'middle' })
  })

  it('keeps the user\'s pick while it is usable, and never the same set twice', () => {
    expect(choosePair(sets, { a: 'old', b: 'middle' }, 'new')).toEqual({ a: 'old', b: 'middle' })
    expect(choosePair(sets, { a: 'busy', b: 'old' }, undefined)).toEqual({ a: 'middle', b: 'old' })
    expect(choosePair([faceSet('only')], undefined, undefined)).toEqual({ a: 'only', b: '' })
    expect(choosePair([], undefined, undefined)).toEqual({ a: '', b: '' })
  })

  it('swaps the two when one side takes the set the other had', () => {
    expect(keepApart({ a: 'new', b: 'new' }, 'a', 'middle')).toEqual({ a: 'new', b: 'middle' })
    expect(keepApart({ a: 'old', b: 'old' }, 'b', 'new')).toEqual({ a: 'new', b: 'old' })
    expect(keepApart({ a: 'old', b: 'new' }, 'a', 'middle')).toEqual({ a: 'old', b: 'new' })
  })

  it('lists the usable sets first and says why the others cannot train', () => {
    expect(faceSetOptions(sets).map((s) => s.id)).toEqual(['new', 'middle', 'old', 'busy', 'few'])
    expect(sets.map(faceSetOptionLabel)).toEqual(['Set new', 'Set busy (still extracting)', 'Set middle', 'Set few (too few faces)', 'Set old'])
    expect(faceSetOptionLabel(faceSet('x', 'FAILED', 0))).toBe('Set x (failed)')
    expect(isUsableFaceSet(faceSet('two', 'READY', 2))).toBe(true)
    expect(faceSetsWaiting(sets)).toEqual({ extracting: 1, tooFew: 1 })
    expect(faceSetHint(sets, 'old', 'The face to replace')).toMatch(/^The face to replace · 40 faces$/)
    expect(faceSetHint(sets, '', 'The face to replace')).toBe('The face to replace')
  })
})

describe('the preset', () => {
  it('is lite unless another one is chosen and still offered', () => {
    const list = presetList(undefined)
    expect(list.map((p) => p.name)).toEqual(['lite', 'original', 'hq', 'tiny'])
    expect(choosePreset(list, '')).toBe('lite')
    expect(choosePreset(list, 'tiny')).toBe('tiny')
    expect(choosePreset(list, 'gone')).toBe('lite')
  })

  it('is described with its face size, loss and warning', () => {
    const tiny = presetList(undefined).find((p) => p.name === 'tiny')
    expect(presetHint(tiny)).toBe('For tests: the loss falls within seconds, the faces stay blurry. (32 px faces, MAE loss) Not for real swaps: its small faces stay blurry.')
    expect(presetHint(undefined)).toBe('')
  })
})

describe('what the form checks before sending', () => {
  const input = (changes: Partial<ModelInput>): ModelInput => ({
    faceSetA: 'a', faceSetB: 'b', preset: 'lite', name: '', maxIterations: '', maxIterationsBadInput: false, targetLoss: '', startFrom: '', ...changes,
  })

  it('sends the defaults as they are, with the optional fields left out', () => {
    expect(readModelInput(input({}))).toEqual({ ok: true, body: { faceSetA: 'a', faceSetB: 'b', preset: 'lite' } })
    expect(readModelInput(input({ startFrom: 'm1' }))).toEqual({
      ok: true,
      body: { faceSetA: 'a', faceSetB: 'b', preset: 'lite', startFrom: 'm1' },
    })
    expect(readModelInput(input({ preset: '', name: '  Mine ', maxIterations: '20000', targetLoss: '0,03' })))
      .toEqual({ ok: true, body: { faceSetA: 'a', faceSetB: 'b', preset: 'lite', name: 'Mine', maxIterations: 20000, targetLoss: 0.03 } })
  })

  it('wants two different face sets', () => {
    expect(readModelInput(input({ faceSetA: '', faceSetB: '' }))).toEqual({ ok: false, errors: {
      faceSetA: 'Choose the face set of person A.', faceSetB: 'Choose the face set of person B.' } })
    expect(readModelInput(input({ faceSetB: 'a' }))).toEqual({ ok: false, errors: {
      faceSetB: 'Choose two different face sets: the model learns one person from each.' } })
  })

  it('refuses limits that are no whole number of iterations or no loss between 0 and 1', () => {
    const errors = (changes: Partial<ModelInput>) => {
      const result = readModelInput(input(changes))
      return result.ok ? {} : result.errors
    }
    expect(errors({ maxIterations: '', maxIterationsBadInput: true }).maxIterations).toBe('Enter a whole number of iterations, or leave it empty.')
    expect(errors({ maxIterations: '0' }).maxIterations).toBe('Enter a whole number, at least 1.')
    expect(errors({ maxIterations: '2.5' }).maxIterations).toBe('Enter a whole number, at least 1.')
    expect(errors({ targetLoss: '1' }).targetLoss).toBe('Enter a loss between 0 and 1, e.g. 0.03, or leave it empty.')
    expect(errors({ targetLoss: '0' }).targetLoss).toBeDefined()
    expect(errors({ targetLoss: 'low' }).targetLoss).toBeDefined()
  })
})
