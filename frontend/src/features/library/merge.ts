import { ApiError, fieldName } from '../../api/http.ts'
import type { FaceSet } from '../../api/model/faceset.ts'
import { messageOf } from '../../ui/form.ts'
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

export interface PlacedErrors {
  /** Field name → its messages, one per line. */
  fields: Record<string, string>
  /** For the form's alert: anything that is not about one of `fields`. */
  form?: string
}

/**
 * Puts an API error where a form shows it, as `FormController.showError` does: violations under their field
 * (several on one line each), the rest in the form's alert.
 */
export function placeErrors(error: unknown, fields: readonly string[]): PlacedErrors {
  if (!(error instanceof ApiError) || error.violations.length === 0) return { fields: {}, form: messageOf(error) }
  const placed: Record<string, string> = {}
  const loose: string[] = []
  for (const violation of error.violations) {
    const name = fieldName(violation.field)
    if (!fields.includes(name)) loose.push(violation.message)
    else placed[name] = placed[name] ? `${placed[name]}\n${violation.message}` : violation.message
  }
  return loose.length > 0 ? { fields: placed, form: loose.join('\n') } : { fields: placed }
}
