import { describe, expect, it } from 'vitest'
import { keepEarly, neighbourKey, replaceKnown, safeId, upsert, withoutKey } from './card-items.ts'

const item = (id: string | number, name = `item ${id}`) => ({ id, name })

describe('upsert', () => {
  it('adds a new item at the start or the end', () => {
    const items = [item(1), item(2)]
    expect(upsert(items, item(3), 'start').map((i) => i.id)).toEqual([3, 1, 2])
    expect(upsert(items, item(3), 'end').map((i) => i.id)).toEqual([1, 2, 3])
  })

  it('puts a known item in place, whatever the position asked for', () => {
    const fresh = item(2, 'renamed')
    const result = upsert([item(1), item(2), item(3)], fresh, 'start')
    expect(result.map((i) => i.id)).toEqual([1, 2, 3])
    expect(result[1]).toBe(fresh)
  })

  it('matches ids by their text', () => {
    expect(upsert([item(7)], item('7', 'seven'), 'end')).toEqual([item('7', 'seven')])
  })
})

describe('replaceKnown', () => {
  it('replaces the item with the same id', () => {
    const fresh = item(1, 'new')
    expect(replaceKnown([item(1), item(2)], fresh)[0]).toBe(fresh)
  })

  it('does not bring back an item the list has dropped', () => {
    const items = [item(1)]
    expect(replaceKnown(items, item(2))).toBe(items)
  })
})

describe('keepEarly', () => {
  it('keeps items not yet listed on top, in their order, then the fetched list', () => {
    const shown = [item('new2'), item('new1'), item('a')]
    const fetched = [item('a', 'fresh a'), item('b')]
    expect(keepEarly(shown, fetched)).toEqual([item('new2'), item('new1'), item('a', 'fresh a'), item('b')])
  })

  it('is the fetched list when everything shown is in it', () => {
    expect(keepEarly([item(1)], [item(2), item(1)]).map((i) => i.id)).toEqual([2, 1])
  })
})

describe('withoutKey and neighbourKey', () => {
  const items = [item(1), item(2), item(3)]

  it('drops the item with that key', () => {
    expect(withoutKey(items, '2').map((i) => i.id)).toEqual([1, 3])
  })

  it('names the next card, else the previous one, else none', () => {
    expect(neighbourKey(items, '2')).toBe('3')
    expect(neighbourKey(items, '3')).toBe('2')
    expect(neighbourKey([item(1)], '1')).toBeUndefined()
    expect(neighbourKey(items, '9')).toBeUndefined()
  })
})

it('makes ids safe for element ids', () => {
  expect(safeId('a b/c-1_2')).toBe('a_b_c-1_2')
  expect(safeId(42)).toBe('42')
})
