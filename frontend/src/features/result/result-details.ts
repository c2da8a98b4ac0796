import type { Result } from '../../api/model/result.ts'
import { formatBytes, formatCount } from '../../ui/format.ts'
import { blendLabel, colourLabel, facesLabel } from '../result-meta.ts'
import type { PeopleNames } from './result-page.ts'

/** "1,234", or "—" when not known. */
export function countOrDash(value: number | null | undefined): string {
  return typeof value === 'number' && Number.isFinite(value) ? formatCount(value) : '—'
}

/** "57 (95 %)": counted as the swap goes, so only a finished swap has the number. */
export function facesShare(result: Result): string {
  const { frameCount, framesWithFaces } = result
  return result.status === 'READY' && typeof framesWithFaces === 'number' && typeof frameCount === 'number' && frameCount > 0
    ? `${formatCount(framesWithFaces)} (${Math.round((framesWithFaces / frameCount) * 100)} %)`
    : '—'
}

export function sizeText(result: Result): string {
  return typeof result.sizeBytes === 'number' && result.sizeBytes > 0 ? formatBytes(result.sizeBytes) : '—'
}

export function audioText(result: Result): string {
  return result.hasAudio === null ? '—' : result.hasAudio ? 'Kept from the source' : 'None'
}

/** The swap's options, one line each, as `.result-options` lists them. */
export function optionLines(result: Result, names: PeopleNames): string[] {
  const { options } = result
  const fineTune = options.fineTuneIterations > 0 ? `${formatCount(options.fineTuneIterations)} iterations first` : 'None (quick swap)'
  return [
    `Faces: ${facesLabel(options.faces ?? 'largest', result.direction === 'B_TO_A' ? names.b : names.a)}`,
    `Colours: ${colourLabel(options.colour)}`,
    `Edges: ${blendLabel(options.blend)}`,
    `Mask: shrunk ${options.maskErode} %, edge softened ${options.maskFeather} %`,
    `Label: ${options.label ? 'visible “AI-generated” label' : 'metadata tag only'}`,
    `Fine-tuning: ${fineTune}`,
  ]
}
