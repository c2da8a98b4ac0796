import { el } from '../ui/dom.ts'
import { messageOf } from '../ui/form.ts'
import type { LibrarySection } from './library-section.ts'

/** What the list needs of a card. */
export interface ListCard<T> {
  element: HTMLElement
  /** Shows a fresher copy of its item (from a list reload). */
  update: (item: T) => void
  /** Stops what it follows when it goes; a card without one stops with the list's signal. */
  dispose?: () => void
}

/** What each card is made with. */
export interface ListCardOptions<T> {
  /** Ends what the card keeps watching when the page goes. */
  signal: AbortSignal
  /** Takes its card away: it was deleted elsewhere. */
  onGone: (item: T) => void
}

export interface CardListOptions<T, C extends ListCard<T>> {
  /** The grid's class besides `library-items`, e.g. `model-grid`. */
  gridClass: string
  /** The grid's accessible name, e.g. `Your models`. */
  label: string
  /** Ends "Could not load your …", e.g. `face sets`. */
  noun: string
  /** The items, newest first. */
  list: (signal: AbortSignal) => Promise<T[]>
  render: (item: T, options: ListCardOptions<T>) => C
  /** After the grid, the empty state or the load error has been brought up to date. */
  onChange?: () => void
  /** After a fetched list has been shown. */
  onLoaded?: () => void
}

/** A section's grid of cards, kept in step with the server's list. */
export interface CardList<T, C extends ListCard<T>> {
  grid: HTMLUListElement
  /** Aborts when the list is disposed. */
  signal: AbortSignal
  cards: () => C[]
  card: (key: string) => C | undefined
  size: () => number
  /** Adds a card for `item`, or updates the one it has. */
  add: (item: T, position: 'start' | 'end') => void
  /** Shows the grid, or the empty state when there are no cards (a load error stays). */
  sync: () => void
  load: () => Promise<void>
  /** Loads again shortly: a burst of reasons makes one fetch. */
  reloadSoon: () => void
  /** Whether a list is on its way. */
  loading: () => boolean
  dispose: () => void
}

/**
 * The card plumbing the library's face set, model and result sections share:
 * cards keyed by id, updated in place and put in the server's order on every
 * load, dropped when deleted elsewhere, with the empty state or the load
 * error in their place when there are none.
 */
export function setupCardList<T extends { id: string }, C extends ListCard<T>>(
  section: LibrarySection,
  options: CardListOptions<T, C>,
): CardList<T, C> {
  const grid = el('ul', { class: `library-items ${options.gridClass}`, role: 'list', 'aria-label': options.label })
  const cards = new Map<string, { item: HTMLLIElement; card: C }>()
  let failed = false
  const lifetime = new AbortController()

  /** Grid, empty state, or the load error. */
  const sync = (): void => {
    if (cards.size > 0) {
      if (grid.parentElement !== section.body) section.body.replaceChildren(grid)
    } else if (!failed && !section.body.querySelector('.empty-state')) {
      section.showEmpty()
    }
    options.onChange?.()
  }

  const add = (subject: T, position: 'start' | 'end'): void => {
    const key = String(subject.id)
    const known = cards.get(key)
    if (known) {
      known.card.update(subject)
      return
    }
    const card = options.render(subject, {
      signal: lifetime.signal,
      onGone: (gone) => remove(String(gone.id)),
    })
    const item = el('li', {}, card.element)
    cards.set(key, { item, card })
    if (position === 'start') grid.prepend(item)
    else grid.append(item)
  }

  const remove = (key: string): void => {
    const entry = cards.get(key)
    if (!entry) return
    entry.card.dispose?.()
    entry.item.remove()
    cards.delete(key)
    sync()
  }

  let controller: AbortController | undefined
  let reloadTimer: number | undefined
  const load = async (): Promise<void> => {
    window.clearTimeout(reloadTimer)
    controller?.abort()
    const current = new AbortController()
    controller = current
    section.element.setAttribute('aria-busy', 'true')
    try {
      const list = await options.list(current.signal)
      if (current.signal.aborted) return
      const listed = new Set(list.map((subject) => String(subject.id)))
      for (const key of [...cards.keys()]) if (!listed.has(key)) remove(key)
      // Newest first, as sent: existing cards are updated and moved into place.
      list.forEach((subject, index) => {
        add(subject, 'end')
        const item = cards.get(String(subject.id))!.item
        if (grid.children[index] !== item) grid.insertBefore(item, grid.children[index] ?? null)
      })
      failed = false
      sync()
      options.onLoaded?.()
    } catch (error) {
      if (current.signal.aborted) return
      // A failed reload leaves the cards shown as they are.
      if (cards.size > 0) return
      failed = true
      section.showError(`Could not load your ${options.noun}. ${messageOf(error)}`, () => void load())
      options.onChange?.()
    } finally {
      if (controller === current) {
        controller = undefined
        section.element.removeAttribute('aria-busy')
      }
    }
  }

  const reloadSoon = (): void => {
    window.clearTimeout(reloadTimer)
    reloadTimer = window.setTimeout(() => void load(), 250)
  }

  return {
    grid,
    signal: lifetime.signal,
    cards: () => [...cards.values()].map(({ card }) => card),
    card: (key) => cards.get(key)?.card,
    size: () => cards.size,
    add,
    sync,
    load,
    reloadSoon,
    loading: () => controller !== undefined,
    dispose: () => {
      window.clearTimeout(reloadTimer)
      controller?.abort()
      for (const { card } of cards.values()) card.dispose?.()
      lifetime.abort()
    },
  }
}
