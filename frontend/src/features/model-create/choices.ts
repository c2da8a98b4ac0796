/** Which face sets and preset the "Train a model" form shows chosen, and what it says about them. */
import type { FaceSet } from '../../api/model/faceset.ts'
import type { Preset } from '../../api/model/model.ts'
import { faceCountText } from '../faceset-meta.ts'
import { DEFAULT_PRESET, FALLBACK_PRESETS, sortPresets } from '../model-meta.ts'
import { isUsableFaceSet } from './usable.ts'

/** Said after a preset's own description, so that no one trains a real swap on the wrong one. */
const PRESET_NOTES: Record<string, string> = {
  tiny: 'Not for real swaps: its small faces stay blurry.',
  original: 'Slow without a GPU.',
  hq: 'Slow without a GPU.',
}

export interface Pair {
  a: string
  b: string
}

/**
 * The face sets to show chosen after (re)loading: the user's own pick (`keep`) while it is still usable, else
 * the wanted A (arrived from a face set's page), else the two newest usable ones. Newest first from the server:
 * the older of the two newest is A (usually uploaded first), the newer B. Never the same set twice.
 */
export function choosePair(faceSets: readonly FaceSet[], keep: Pair | undefined, wantedA: string | undefined): Pair {
  const list = faceSets.filter(isUsableFaceSet)
  const has = (id: string | undefined): id is string => !!id && list.some((faceSet) => String(faceSet.id) === id)
  const a = has(keep?.a) ? keep.a : has(wantedA) ? wantedA : String(list[1]?.id ?? list[0]?.id ?? '')
  let b = has(keep?.b) && keep.b !== a ? keep.b : String(list.find((faceSet) => String(faceSet.id) !== a)?.id ?? '')
  if (a === b) b = ''
  return { a, b }
}

/**
 * Choosing for one side the set the other side had swaps them, so they stay different.
 * `side` is the one the user changed, from `previous` to `pair[side]`.
 */
export function keepApart(pair: Pair, side: keyof Pair, previous: string): Pair {
  const other: keyof Pair = side === 'a' ? 'b' : 'a'
  if (pair.a === pair.b && previous && previous !== pair[side]) return { ...pair, [other]: previous }
  return pair
}

/** Under a face set's select: what the set is for, and how many faces it has. */
export function faceSetHint(faceSets: readonly FaceSet[], id: string, role: string): string {
  const faceSet = faceSets.find((item) => String(item.id) === id)
  return faceSet ? `${role} · ${faceCountText(faceSet.faceCount)}` : role
}

/** The server's presets in display order, or the built-in ones when it sent none. */
export function presetList(presets: readonly Preset[] | undefined): Preset[] {
  return sortPresets(presets && presets.length > 0 ? [...presets] : FALLBACK_PRESETS)
}

/** The preset to show chosen: the current one while offered, else lite, else the first. */
export function choosePreset(list: readonly Preset[], current: string): string {
  const names = list.map((preset) => preset.name)
  return names.includes(current) ? current : names.includes(DEFAULT_PRESET) ? DEFAULT_PRESET : (names[0] ?? '')
}

/** A preset's description, its face size and loss, and any warning. */
export function presetHint(preset: Preset | undefined): string {
  if (!preset) return ''
  const facts: string[] = []
  if (preset.inputSize > 0) facts.push(`${preset.inputSize} px faces`)
  if (preset.loss) facts.push(preset.loss === 'mae' ? 'MAE loss' : preset.loss === 'dssim+mse' ? 'DSSIM + MSE loss' : `${preset.loss} loss`)
  const note = PRESET_NOTES[preset.name] ?? ''
  return `${preset.description.trim()}${facts.length > 0 ? ` (${facts.join(', ')})` : ''}${note ? ` ${note}` : ''}`
}
