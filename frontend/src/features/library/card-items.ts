/** What a card list keeps: anything with an id (numbers and strings compare by their text). */
export interface Keyed {
  id: string | number
}

export function keyOf(item: Keyed): string {
  return String(item.id)
}

/** An id as an element id part: `model-card-title-<safe id>`. */
export function safeId(id: string | number): string {
  return String(id).replace(/[^\w-]/g, '_')
}

/** `item` in place of the one with its id, or added at the start or the end when it is new. */
export function upsert<T extends Keyed>(items: readonly T[], item: T, position: 'start' | 'end'): T[] {
  const key = keyOf(item)
  const index = items.findIndex((known) => keyOf(known) === key)
  if (index !== -1) return items.map((known, i) => (i === index ? item : known))
  return position === 'start' ? [item, ...items] : [...items, item]
}

/**
 * `item` in place of the one with its id; `items` as they are when it is not there (a card's late news of an
 * item the list has dropped must not bring it back).
 */
export function replaceKnown<T extends Keyed>(items: readonly T[], item: T): readonly T[] {
  const key = keyOf(item)
  return items.some((known) => keyOf(known) === key) ? items.map((known) => (keyOf(known) === key ? item : known)) : items
}

export function withoutKey<T extends Keyed>(items: readonly T[], key: string): T[] {
  return items.filter((item) => keyOf(item) !== key)
}

/**
 * A fetched list, with the items shown that it does not hold yet kept on top in their order: videos whose
 * upload finished while the list was on its way.
 */
export function keepEarly<T extends Keyed>(shown: readonly T[], fetched: readonly T[]): T[] {
  const listed = new Set(fetched.map(keyOf))
  return [...shown.filter((item) => !listed.has(keyOf(item))), ...fetched]
}

/** Where focus goes when the card with `key` leaves: the next card's, else the previous card's key. */
export function neighbourKey<T extends Keyed>(items: readonly T[], key: string): string | undefined {
  const index = items.findIndex((item) => keyOf(item) === key)
  if (index === -1) return undefined
  const neighbour = items[index + 1] ?? items[index - 1]
  return neighbour ? keyOf(neighbour) : undefined
}
