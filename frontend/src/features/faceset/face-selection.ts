/**
 * Which faces of the grid are selected, as plain values: the grid and its selection bar show it, these
 * functions decide how clicks, ranges and the "select …" buttons change it.
 */
import type { Face } from '../../api/model/faceset.ts'
import { BLURRY_SHARE, isDoubtful } from './face-format.ts'

export interface Selection {
  readonly selected: ReadonlySet<string>
  /** The tile clicked last: Shift+click selects the range from it. */
  readonly anchor?: string
}

export const NO_SELECTION: Selection = { selected: new Set() }

/** A click on a tile: it toggles; with Shift, everything from the anchor to it takes its new state. */
export function clickFace(faces: readonly Face[], selection: Selection, id: string, shift: boolean): Selection {
  const selected = new Set(selection.selected)
  const on = !selected.has(id)
  const from = selection.anchor === undefined ? -1 : faces.findIndex((face) => face.id === selection.anchor)
  const to = faces.findIndex((face) => face.id === id)
  if (shift && selection.anchor !== id && from >= 0 && to >= 0) {
    for (let i = Math.min(from, to); i <= Math.max(from, to); i++) toggle(selected, faces[i]!.id, on)
  } else {
    toggle(selected, id, on)
  }
  return { selected, anchor: id }
}

/** Exactly these (of the faces shown); the range anchor is dropped. */
export function selectOnly(faces: readonly Face[], ids: Iterable<string>): Selection {
  const present = new Set(faces.map((face) => face.id))
  return { selected: new Set([...ids].filter((id) => present.has(id))) }
}

/** The selection left once the faces shown are these (after a reload or a removal). */
export function keepPresent(faces: readonly Face[], selection: Selection): Selection {
  const present = new Set(faces.map((face) => face.id))
  const selected = new Set([...selection.selected].filter((id) => present.has(id)))
  const anchor = selection.anchor !== undefined && present.has(selection.anchor) ? selection.anchor : undefined
  return { selected, anchor }
}

/** The selected ids in grid order. */
export function selectedIds(faces: readonly Face[], selection: Selection): string[] {
  return faces.filter((face) => selection.selected.has(face.id)).map((face) => face.id)
}

/** The ids of the blurriest `share` of the faces (at least one when there are any). */
export function blurriest(faces: readonly Face[], share = BLURRY_SHARE): string[] {
  if (faces.length === 0) return []
  const count = Math.max(1, Math.ceil(faces.length * share))
  return [...faces]
    .sort((a, b) => a.blur - b.blur)
    .slice(0, count)
    .map((face) => face.id)
}

/** The ids of the faces the face check says may not be faces. */
export function doubtful(faces: readonly Face[]): string[] {
  return faces.filter(isDoubtful).map((face) => face.id)
}

/**
 * Where a key moves focus in a grid of `count` tiles laid out in `columns`: arrows by one tile or one row,
 * Home and End to the ends. `undefined` for a key that does not move.
 */
export function moveIndex(key: string, index: number, columns: number, count: number): number | undefined {
  let next: number
  switch (key) {
    case 'ArrowRight': next = index + 1; break
    case 'ArrowLeft': next = index - 1; break
    case 'ArrowDown': next = index + Math.max(1, columns); break
    case 'ArrowUp': next = index - Math.max(1, columns); break
    case 'Home': next = 0; break
    case 'End': next = count - 1; break
    default: return undefined
  }
  return Math.max(0, Math.min(count - 1, next))
}

function toggle(selected: Set<string>, id: string, on: boolean): void {
  if (on) selected.add(id)
  else selected.delete(id)
}
