import { ApiError } from '../../api/http.ts'
import type { QualityReport } from '../../api/model/result.ts'
import { messageOf } from '../../ui/form.ts'
import { formatCount } from '../../ui/format.ts'
import type { PeopleNames } from './result-page.ts'

/** How the quality report's three figures read; the component puts the `strong` parts in bold. */
export interface ReportWords {
  identity: {
    /** "82 %" of swapped faces that pass as the target; undefined when there is no figure to give. */
    share: string | undefined
    target: string
    /** Why there is no figure (not measurable, an old report, no swapped faces); '' when there is one. */
    instead: string
    /**
     * How often the target's own unseen faces pass: the most a swap can hope for; and, blurred to the swap's
     * sharpness, the most a swap that soft can reach (absent from reports made before it).
     */
    ceiling: string
    /** The two controls, which must stay low: the source's own faces and a blurred copy of them. */
    controls: string
    note: string
  }
  reconstruction: { a: string; b: string; note: string }
  flicker: { swapped: string; source: string; note: string }
}

export const FLICKER_NOTE =
  'How much a face changes from one frame to the next (mean difference, 0–255): lower is steadier. The source shows how much real faces move.'

export function reportWords(report: QualityReport, names: PeopleNames): ReportWords {
  const person = (letter: 'A' | 'B'): string => (letter === 'A' ? names.a : names.b) ?? `person ${letter}`
  const { identity: id, reconstruction: rec, flicker: fl } = report
  const target = person(id.target)
  const source = person(id.target === 'A' ? 'B' : 'A')
  const legacy = id.method !== 'verification'
  const measured = !legacy && id.measurable && id.swappedFaces > 0 && isNumber(id.swappedAsTarget)
  return {
    identity: {
      share: measured ? percent(id.swappedAsTarget) : undefined,
      target,
      instead: legacy
        ? 'Not checked: this report is from before the identity check, when a blurred face could pass. Swap again for one.'
        : !id.measurable
          ? `Not measurable. ${id.reason ?? 'The recogniser cannot tell the two people apart.'}`
          : id.swappedFaces === 0
            ? 'No swapped faces to check.'
            : '',
      ceiling: legacy || !isNumber(id.ceiling) ? '' : ceilingWords(target, id.ceiling, id.blurredTargetAsTarget),
      controls:
        legacy || !isNumber(id.sourceAsTarget)
          ? ''
          : `Controls: ${source}'s own faces ${percent(id.sourceAsTarget)} · ${blurredControl(id.blurSigma, id.blurredSourceAsTarget, source)}`,
      note: legacy
        ? ''
        : `A face recogniser that knows only ${target}'s training faces looked at ${faces(id.swappedFaces)} swapped faces. ` +
          `A face passes when it is as close to ${target} as ${target}'s real unseen faces are, and farther than ${source}'s. ` +
          `The controls must stay low for the figure to mean anything: ${source}'s own faces (${faces(id.controlFaces)}), ` +
          (id.blurSigma > 0
            ? `and the same blurred to the swap's sharpness, so that a smear cannot pass.`
            : `and the same blurred to the swap's sharpness when the swap is softer, so that a smear cannot pass.`) +
          ` ${target}'s own unseen faces, blurred the same way, show the most a swap that soft can reach.`,
    },
    reconstruction: {
      a: decimals(rec.ssimA, 2),
      b: decimals(rec.ssimB, 2),
      note:
        `How closely each decoder redraws its own person's face, inside the face mask (structural similarity, 1 is identical): ` +
        `${faces(rec.facesA)} faces of ${person('A')}, ${faces(rec.facesB)} of ${person('B')}.`,
    },
    flicker: { swapped: decimals(fl.swapped, 1), source: decimals(fl.source, 1), note: FLICKER_NOTE },
  }
}

/** Why the report is not shown: not made yet (409), or the failure in words. */
export function reportErrorText(error: unknown): string {
  return error instanceof ApiError && error.status === 409 ? 'The report is not ready yet.' : `Could not load the report. ${messageOf(error)}`
}

/**
 * The second control. Its blur matches the swap's sharpness; a swap at least as sharp as the source (noise is
 * sharp too) needs no blur, and the control is then the source's own faces again, which the words say.
 */
function blurredControl(sigma: number, share: number, source: string): string {
  return sigma > 0
    ? `a blurred copy of ${source} ${percent(share)}`
    : `no blurred copy needed (the swap is no softer than ${source}'s faces)`
}

/** "Ben's own unseen faces: 95 % pass, 88 % when as soft as the swap". */
function ceilingWords(target: string, sharp: number, soft: number | null | undefined): string {
  const own = `${target}'s own unseen faces: ${percent(sharp)} pass`
  return isNumber(soft) ? `${own}, ${percent(soft)} when as soft as the swap` : own
}

function isNumber(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value)
}

/** "82 %". */
function percent(share: number): string {
  return `${Math.round(share * 100)} %`
}

/** "0.83", "3.2"; "—" when not measured. */
function decimals(value: number | null | undefined, digits: number): string {
  return isNumber(value) ? value.toFixed(digits) : '—'
}

function faces(count: number): string {
  return formatCount(Number.isFinite(count) ? count : 0)
}
