import { ApiError } from '../../api/http.ts'
import type { QualityReport } from '../../api/model/result.ts'
import { messageOf } from '../../ui/form.ts'
import { formatCount } from '../../ui/format.ts'
import type { PeopleNames } from './result-page.ts'

/** How the quality report's three figures read; the component puts the `strong` parts in bold. */
export interface ReportWords {
  identity: {
    /** "82 %" of swapped faces recognised as the target; undefined when there were none to recognise. */
    share: string | undefined
    target: string
    ceiling: string
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
  return {
    identity: {
      share: id.swappedFaces > 0 && isNumber(id.swappedAsTarget) ? percent(id.swappedAsTarget) : undefined,
      target,
      ceiling: isNumber(id.ceiling) ? `Ceiling ${percent(id.ceiling)} on real held-out faces` : 'No held-out faces to set a ceiling.',
      note:
        `A classifier that tells the two people apart looked at ${faces(id.swappedFaces)} swapped faces. ` +
        `The ceiling is its score on ${faces(id.heldOutFaces)} real faces of ${target} it never learned from: the most a swap can hope for.`,
    },
    reconstruction: {
      a: decimals(rec.ssimA, 2),
      b: decimals(rec.ssimB, 2),
      note:
        `How closely each decoder redraws its own person (structural similarity, 1 is identical): ` +
        `${faces(rec.facesA)} faces of ${person('A')}, ${faces(rec.facesB)} of ${person('B')}.`,
    },
    flicker: { swapped: decimals(fl.swapped, 1), source: decimals(fl.source, 1), note: FLICKER_NOTE },
  }
}

/** Why the report is not shown: not made yet (409), or the failure in words. */
export function reportErrorText(error: unknown): string {
  return error instanceof ApiError && error.status === 409 ? 'The report is not ready yet.' : `Could not load the report. ${messageOf(error)}`
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
