/** The "Extract again" form's rules: the limits, the choices offered, reading the fields, placing errors. */
import { ApiError, fieldName } from '../../api/http.ts'
import type { Detector, FaceCapabilities, FaceSet, MaskName } from '../../api/model/faceset.ts'
import { messageOf } from '../../ui/form.ts'

/** The settings' limits, as the server checks them. */
export const EXTRACT_LIMITS = {
  everyNthFrame: { min: 1, max: 1000 },
  minFaceSize: { min: 16, max: 4096 },
  maxFacesPerFrame: { min: 1, max: 20 },
} as const

export type NumberSetting = keyof typeof EXTRACT_LIMITS

/** The form's fields in order: where errors go and which gets focus first. */
export const EXTRACT_FIELDS = ['everyNthFrame', 'minFaceSize', 'maxFacesPerFrame', 'detector', 'mask'] as const

export type ExtractField = (typeof EXTRACT_FIELDS)[number]

/** Detectors offered when the server's list could not be loaded. */
const FALLBACK_DETECTORS: Detector[] = ['haar', 'lbp', 'yunet']

/**
 * The options of a list: the server's, else `fallback`; the current choice stays choosable even when the
 * server no longer lists it.
 */
export function optionNames(list: readonly string[], fallback: readonly string[], current: string): string[] {
  const names = list.length > 0 ? [...list] : [...fallback]
  if (current && !names.includes(current)) names.push(current)
  return names
}

export function detectorOptions(capabilities: FaceCapabilities | undefined, current: Detector): Detector[] {
  return optionNames(capabilities?.detectors ?? [], FALLBACK_DETECTORS, current)
}

export function maskOptions(capabilities: FaceCapabilities | undefined, current: MaskName): MaskName[] {
  return optionNames(capabilities?.masks ?? [], ['hull'], current || 'hull')
}

/**
 * A number field as read: a whole number, `undefined` (the server's default) for an empty field, `null` when
 * it cannot be read (`badInput`: the browser could not make a number of what was typed).
 */
export function readWholeNumber(value: number | null | undefined, badInput: boolean): number | undefined | null {
  if (badInput) return null
  if (value === null || value === undefined) return undefined
  return Number.isInteger(value) ? value : null
}

/** The fields' values shown for a set's settings. */
export function settingsOf(faceSet: FaceSet): Record<NumberSetting, number> {
  return { everyNthFrame: faceSet.everyNthFrame, minFaceSize: faceSet.minFaceSize, maxFacesPerFrame: faceSet.maxFacesPerFrame }
}

/**
 * Where a refusal shows: violations under their field (several on one field, one per line), those of other
 * fields and any other failure in the form's alert.
 */
export function placeErrors(error: unknown): { fields: Partial<Record<ExtractField, string>>; form: string } {
  const fields: Partial<Record<ExtractField, string>> = {}
  if (!(error instanceof ApiError) || error.violations.length === 0) return { fields, form: messageOf(error) }
  const loose: string[] = []
  for (const violation of error.violations) {
    const name = fieldName(violation.field) as ExtractField
    if (!(EXTRACT_FIELDS as readonly string[]).includes(name)) loose.push(violation.message)
    else fields[name] = fields[name] ? `${fields[name]}\n${violation.message}` : violation.message
  }
  return { fields, form: loose.join('\n') }
}
