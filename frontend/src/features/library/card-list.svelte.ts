import { messageOf } from '../../ui/form.ts'
import { keyOf, replaceKnown, upsert, withoutKey, type Keyed } from './card-items.ts'

export interface CardListOptions<T> {
  /** Ends "Could not load your …", e.g. `face sets`. */
  noun: string
  /** The items, newest first. */
  list: (signal: AbortSignal) => Promise<T[]>
  /** What to show of a fetched list, given what is shown now; the fetched list as it is by default. */
  merge?: (shown: readonly T[], fetched: T[]) => T[]
  /** After a fetched list has been shown. */
  onLoaded?: () => void
}

/**
 * A section's items, kept in step with the server's list: the cards (keyed by id) follow `items`, so a load
 * updates them in place and puts them in the server's order, and a card's fresher copy of its item (`set`)
 * goes back here. A failed first load leaves `error` ("Could not load your …") until one succeeds; a failed
 * reload leaves the cards shown as they are.
 */
export class CardList<T extends Keyed> {
  items: readonly T[] = $state.raw([])
  error: string | undefined = $state()
  /** Whether a list is on its way (the section says `aria-busy`). */
  loading = $state(false)

  readonly #options: CardListOptions<T>
  #controller: AbortController | undefined
  #reloadTimer: number | undefined

  constructor(options: CardListOptions<T>) {
    this.#options = options
  }

  has(key: string): boolean {
    return this.items.some((item) => keyOf(item) === key)
  }

  /** Adds `item` at the start or the end, or puts it in place of the one it has. */
  add(item: T, position: 'start' | 'end'): void {
    this.items = upsert(this.items, item, position)
  }

  /** A fresher copy of an item shown (from its card); an item no longer shown stays out. */
  set(item: T): void {
    this.items = replaceKnown(this.items, item)
  }

  remove(key: string): void {
    this.items = withoutKey(this.items, key)
  }

  async load(): Promise<void> {
    window.clearTimeout(this.#reloadTimer)
    this.#controller?.abort()
    const current = new AbortController()
    this.#controller = current
    this.loading = true
    try {
      const fetched = await this.#options.list(current.signal)
      if (current.signal.aborted) return
      this.items = this.#options.merge ? this.#options.merge(this.items, fetched) : fetched
      this.error = undefined
      this.#options.onLoaded?.()
    } catch (error) {
      if (current.signal.aborted) return
      if (this.items.length > 0) return
      this.error = `Could not load your ${this.#options.noun}. ${messageOf(error)}`
    } finally {
      if (this.#controller === current) {
        this.#controller = undefined
        this.loading = false
      }
    }
  }

  /** Loads again shortly: a burst of reasons makes one fetch. */
  reloadSoon(): void {
    window.clearTimeout(this.#reloadTimer)
    this.#reloadTimer = window.setTimeout(() => void this.load(), 250)
  }

  dispose(): void {
    window.clearTimeout(this.#reloadTimer)
    this.#controller?.abort()
  }
}
