import type { FaceSet } from '../../api/model/faceset.ts'
import { keyOf } from './card-items.ts'

/** The live line under the merge form. */
export function mergeCountText(selected: number): string {
  if (selected === 0) return 'No face sets ticked yet.'
  return selected === 1 ? '1 face set ticked: tick one more.' : `${selected} face sets ticked.`
}

/** The ids of the ticked sets that can still be merged (a set that stopped being ready drops out). */
export function mergeableIds(faceSets: readonly FaceSet[], ticked: ReadonlySet<string>): string[] {
  return faceSets.filter((faceSet) => faceSet.status === 'READY' && ticked.has(keyOf(faceSet))).map(keyOf)
}

export function readyCount(faceSets: readonly FaceSet[]): number {
  return faceSets.filter((faceSet) => faceSet.status === 'READY').length
}

/** Why "Merge…" is disabled, or undefined when it is not. */
export function mergeButtonTitle(ready: number): string | undefined {
  return ready < 2 ? 'Two or more ready face sets are needed to merge' : undefined
}
