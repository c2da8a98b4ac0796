import { describe, expect, it } from 'vitest'
import { blurriest, clickFace, doubtful, keepPresent, moveIndex, NO_SELECTION, selectedIds, selectOnly } from './face-selection.ts'
import { face } from './test-faces.ts'

const faces = ['a', 'b', 'c', 'd', 'e'].map((id, i) => face(id, [50, 10, 30, 20, 40][i]!, { looksLikeFace: i === 3 ? false : i === 4 ? null : true }))

describe('face selection', () => {
  it('toggles a clicked face and remembers it as the anchor', () => {
    const one = clickFace(faces, NO_SELECTION, 'b', false)
    expect([...one.selected]).toEqual(['b'])
    expect(one.anchor).toBe('b')
    const none = clickFace(faces, one, 'b', false)
    expect(none.selected.size).toBe(0)
  })

  it('gives the whole range from the anchor the clicked face’s new state on Shift+click', () => {
    const anchored = clickFace(faces, NO_SELECTION, 'd', false)
    const range = clickFace(faces, anchored, 'b', true)
    expect(selectedIds(faces, range)).toEqual(['b', 'c', 'd'])
    expect(range.anchor).toBe('b')
    // With b to e selected and e clicked last, Shift+click on the selected b unselects b to e.
    const off = clickFace(faces, clickFace(faces, range, 'e', false), 'b', true)
    expect(selectedIds(faces, off)).toEqual([])
  })

  it('selects just the clicked face on Shift+click without an anchor', () => {
    const selection = clickFace(faces, selectOnly(faces, ['a']), 'c', true)
    expect(selectedIds(faces, selection)).toEqual(['a', 'c'])
  })

  it('selects only faces that are shown, and drops the anchor', () => {
    const selection = selectOnly(faces, ['e', 'x', 'a'])
    expect(selectedIds(faces, selection)).toEqual(['a', 'e'])
    expect(selection.anchor).toBeUndefined()
  })

  it('keeps the selection and anchor of faces still there', () => {
    const selection = clickFace(faces, selectOnly(faces, ['a', 'b']), 'c', false)
    const kept = keepPresent(faces.filter((f) => f.id !== 'a' && f.id !== 'c'), selection)
    expect([...kept.selected]).toEqual(['b'])
    expect(kept.anchor).toBeUndefined()
  })

  it('picks the blurriest tenth, at least one face', () => {
    expect(blurriest(faces)).toEqual(['b'])
    expect(blurriest(faces, 0.5)).toEqual(['b', 'd', 'c'])
    expect(blurriest([])).toEqual([])
  })

  it('lists the faces that may not be faces', () => {
    expect(doubtful(faces)).toEqual(['d'])
  })

  it('moves by tile, by row and to the ends, staying inside the grid', () => {
    expect(moveIndex('ArrowRight', 2, 4, 10)).toBe(3)
    expect(moveIndex('ArrowLeft', 0, 4, 10)).toBe(0)
    expect(moveIndex('ArrowDown', 2, 4, 10)).toBe(6)
    expect(moveIndex('ArrowDown', 8, 4, 10)).toBe(9)
    expect(moveIndex('ArrowUp', 2, 4, 10)).toBe(0)
    expect(moveIndex('ArrowDown', 2, 0, 10)).toBe(3)
    expect(moveIndex('Home', 7, 4, 10)).toBe(0)
    expect(moveIndex('End', 1, 4, 10)).toBe(9)
    expect(moveIndex('Enter', 1, 4, 10)).toBeUndefined()
  })
})
