import { ApiError } from '../api/http.ts'
import type { QualityReport, Result } from '../api/model/result.ts'
import { fetchReport } from '../api/results.ts'
import { el, find, fragment } from '../ui/dom.ts'
import { messageOf } from '../ui/form.ts'
import { formatCount } from '../ui/format.ts'

/** The people's names, where known (from the model's face sets). */
export interface PeopleNames {
  a?: string
  b?: string
}

export interface ResultReport {
  element: HTMLElement
  /** The face sets' names arrived: say them rather than "A" and "B". */
  setNames(names: PeopleNames): void
}

/**
 * `#result-report`, the quality report of a READY result, in three figures:
 * `#report-identity` (how often the swapped faces pass for the target, against
 * the ceiling real faces reach), `#report-ssim` (how well each decoder redraws
 * its own person) and `#report-flicker` (how steady the swapped faces are,
 * against the source's own).
 */
export function setupResultReport(result: Result, signal: AbortSignal): ResultReport {
  const element = el('section', { id: 'result-report', class: 'card result-report', 'aria-labelledby': 'result-report-title' })
  element.append(
    fragment(`
      <div class="card-heading">
        <h2 id="result-report-title" class="card-title">Quality report</h2>
        <p class="card-summary">Measured on this video's faces once the swap was done.</p>
      </div>
      <p class="result-report-status video-loading"><span class="spinner" aria-hidden="true"></span>Loading the report…</p>
      <div class="report-figures" hidden>
        <article id="report-identity" class="report-figure" aria-labelledby="report-identity-title">
          <h3 id="report-identity-title" class="report-figure-title">Identity</h3>
          <p class="report-value"></p>
          <p class="report-ceiling"></p>
          <p class="report-note"></p>
        </article>
        <article id="report-ssim" class="report-figure" aria-labelledby="report-ssim-title">
          <h3 id="report-ssim-title" class="report-figure-title">Reconstruction</h3>
          <p class="report-value"></p>
          <p class="report-note"></p>
        </article>
        <article id="report-flicker" class="report-figure" aria-labelledby="report-flicker-title">
          <h3 id="report-flicker-title" class="report-figure-title">Flicker</h3>
          <p class="report-value"></p>
          <p class="report-note"></p>
        </article>
      </div>
    `),
  )
  const status = find(element, '.result-report-status')
  const figures = find(element, '.report-figures')
  const identity = find(element, '#report-identity')
  const ssim = find(element, '#report-ssim')
  const flicker = find(element, '#report-flicker')

  let report: QualityReport | undefined
  let names: PeopleNames = {}

  const person = (letter: 'A' | 'B'): string => (letter === 'A' ? names.a : names.b) ?? `person ${letter}`

  const render = (): void => {
    if (!report) return
    const { identity: id, reconstruction: rec, flicker: fl } = report
    const target = person(id.target)
    if (id.swappedFaces > 0 && isNumber(id.swappedAsTarget)) {
      find(identity, '.report-value').replaceChildren(
        el('strong', {}, percent(id.swappedAsTarget)),
        ` of swapped faces recognised as ${target}`,
      )
    } else {
      find(identity, '.report-value').textContent = 'No swapped faces to recognise.'
    }
    find(identity, '.report-ceiling').textContent = isNumber(id.ceiling)
      ? `Ceiling ${percent(id.ceiling)} on real held-out faces`
      : 'No held-out faces to set a ceiling.'
    find(identity, '.report-note').textContent =
      `A classifier that tells the two people apart looked at ${faces(id.swappedFaces)} swapped faces. ` +
      `The ceiling is its score on ${faces(id.heldOutFaces)} real faces of ${target} it never learned from: the most a swap can hope for.`

    find(ssim, '.report-value').replaceChildren(
      'A ',
      el('strong', {}, decimals(rec.ssimA, 2)),
      ' · B ',
      el('strong', {}, decimals(rec.ssimB, 2)),
    )
    find(ssim, '.report-note').textContent =
      `How closely each decoder redraws its own person (structural similarity, 1 is identical): ` +
      `${faces(rec.facesA)} faces of ${person('A')}, ${faces(rec.facesB)} of ${person('B')}.`

    find(flicker, '.report-value').replaceChildren(
      'Swapped ',
      el('strong', {}, decimals(fl.swapped, 1)),
      ' · source ',
      el('strong', {}, decimals(fl.source, 1)),
    )
    find(flicker, '.report-note').textContent =
      'How much a face changes from one frame to the next (mean difference, 0–255): lower is steadier. The source shows how much real faces move.'

    figures.hidden = false
    status.hidden = true
  }

  const load = async (): Promise<void> => {
    status.hidden = false
    status.className = 'result-report-status video-loading'
    status.replaceChildren(el('span', { class: 'spinner', 'aria-hidden': 'true' }), 'Loading the report…')
    element.setAttribute('aria-busy', 'true')
    try {
      report = await fetchReport(result.id, signal)
      if (signal.aborted) return
      render()
    } catch (error) {
      if (signal.aborted) return
      const retry = el('button', { type: 'button', class: 'btn btn-link' }, 'Try again')
      retry.addEventListener('click', () => void load())
      const words = error instanceof ApiError && error.status === 409 ? 'The report is not ready yet.' : `Could not load the report. ${messageOf(error)}`
      status.className = 'result-report-status status-error'
      status.replaceChildren(`${words} `, retry)
    } finally {
      if (!signal.aborted) element.removeAttribute('aria-busy')
    }
  }
  void load()

  return {
    element,
    setNames: (fresh) => {
      names = fresh
      render()
    },
  }
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
