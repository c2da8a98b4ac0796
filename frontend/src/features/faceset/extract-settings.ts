/** The "Extract again" form's rules: the limits, the choices offered, reading the fields. */
import type { Detector, FaceCapabilities, FaceSet, MaskName } from '../../api/model/faceset.ts'

/** The settings' limits, as the server checks them. */
export const EXTRACT_LIMITS = {
  everyNthFrame: { min: 1, max: 1000 },
  minFaceSize: { min: 16, max: 4096 },
  maxFacesPerFrame: { min: 1, max: 20 },
} as const

export type NumberSetting = keyof typeof EXTRACT_LIMITS

/** The form's fields, by the names the API gives them. */
export type ExtractField = NumberSetting | 'detector' | 'mask'

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
