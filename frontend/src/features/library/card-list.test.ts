// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../api/http.ts'
import { keepEarly } from './card-items.ts'
import { CardList } from './card-list.svelte.ts'

interface Item {
  id: string
  name: string
}

const item = (id: string, name = id): Item => ({ id, name })

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('CardList', () => {
  it('shows the fetched list in its order and says when it is loading', async () => {
    let answer: (items: Item[]) => void = () => {}
    const list = new CardList<Item>({ noun: 'things', list: () => new Promise((resolve) => (answer = resolve)) })
    const loading = list.load()
    expect(list.loading).toBe(true)
    answer([item('b'), item('a')])
    await loading
    expect(list.loading).toBe(false)
    expect(list.items.map((i) => i.id)).toEqual(['b', 'a'])
    expect(list.error).toBeUndefined()
  })

  it('says why a first load failed, and keeps the cards when a reload fails', async () => {
    const fetch = vi.fn<() => Promise<Item[]>>().mockRejectedValueOnce(new ApiError({ status: 503, title: 'Unavailable', detail: 'Down.' }))
    const list = new CardList<Item>({ noun: 'things', list: fetch })
    await list.load()
    expect(list.error).toBe('Could not load your things. Down.')

    fetch.mockResolvedValueOnce([item('a')])
    await list.load()
    expect(list.error).toBeUndefined()

    fetch.mockRejectedValueOnce(new Error('offline'))
    await list.load()
    expect(list.items.map((i) => i.id)).toEqual(['a'])
    expect(list.error).toBeUndefined()
  })

  it('ignores an answer overtaken by a newer load', async () => {
    const answers: ((items: Item[]) => void)[] = []
    const list = new CardList<Item>({ noun: 'things', list: () => new Promise((resolve) => answers.push(resolve)) })
    const first = list.load()
    const second = list.load()
    answers[1]!([item('new')])
    answers[0]!([item('old')])
    await Promise.all([first, second])
    expect(list.items.map((i) => i.id)).toEqual(['new'])
  })

  it('makes one fetch of a burst of reloads', async () => {
    const fetch = vi.fn(async () => [item('a')])
    const list = new CardList<Item>({ noun: 'things', list: fetch })
    list.reloadSoon()
    list.reloadSoon()
    list.reloadSoon()
    await vi.advanceTimersByTimeAsync(300)
    expect(fetch).toHaveBeenCalledTimes(1)
    list.reloadSoon()
    list.dispose()
    await vi.advanceTimersByTimeAsync(300)
    expect(fetch).toHaveBeenCalledTimes(1)
  })

  it('adds, replaces and removes items; a card cannot bring back a removed item', () => {
    const list = new CardList<Item>({ noun: 'things', list: async () => [] })
    list.add(item('a'), 'end')
    list.add(item('b'), 'start')
    list.add(item('a', 'renamed'), 'start')
    expect(list.items).toEqual([item('b'), item('a', 'renamed')])
    list.remove('b')
    list.set(item('b', 'late news'))
    expect(list.items).toEqual([item('a', 'renamed')])
    expect(list.has('a')).toBe(true)
  })

  it('keeps items added while a list was on its way, with a merge that says so', async () => {
    let answer: (items: Item[]) => void = () => {}
    const list = new CardList<Item>({ noun: 'videos', list: () => new Promise((resolve) => (answer = resolve)), merge: keepEarly })
    const loading = list.load()
    list.add(item('uploaded'), 'start')
    answer([item('a')])
    await loading
    expect(list.items.map((i) => i.id)).toEqual(['uploaded', 'a'])
  })

  it('calls onLoaded after a fetched list is shown', async () => {
    const onLoaded = vi.fn()
    const list = new CardList<Item>({ noun: 'things', list: async () => [item('a')], onLoaded })
    await list.load()
    expect(onLoaded).toHaveBeenCalledOnce()
  })
})
