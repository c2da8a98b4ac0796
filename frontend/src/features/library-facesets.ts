import { listFaceSets, mergeFaceSets } from '../api/facesets.ts'
import type { FaceSet } from '../api/model/faceset.ts'
import { subscribeJobs } from '../jobs.ts'
import { el, find, fragment } from '../ui/dom.ts'
import { FormController } from '../ui/form.ts'
import { icons } from '../ui/icons.ts'
import { showToast } from '../ui/toast.ts'
import { onUploadEvent } from '../video-uploads.ts'
import { setupCardList } from './card-list.ts'
import { renderFaceSetCard, type FaceSetCard } from './faceset-card.ts'
import { EXTRACT_JOB } from './faceset-meta.ts'
import type { LibrarySection } from './library-section.ts'

/**
 * Fills the Face sets section: a grid of face set cards (or the empty state),
 * kept live from the jobs store, and "Merge…" (`#faceset-merge`), which lets the
 * user tick two or more ready sets and merge them into a new one.
 */
export function setupLibraryFaceSets(section: LibrarySection): () => void {
  // --- Cards -----------------------------------------------------------------

  const list = setupCardList<FaceSet, FaceSetCard>(section, {
    gridClass: 'faceset-grid',
    label: 'Your face sets',
    noun: 'face sets',
    list: listFaceSets,
    render: (faceSet, options) => {
      const card = renderFaceSetCard(faceSet, { ...options, onChange: () => syncMerge() })
      card.element.querySelector<HTMLElement>('.faceset-select-label')!.hidden = !merging
      return card
    },
    onChange: () => syncMerge(),
    onLoaded: () => {
      const missing = [...pending].some((subject) => !list.card(subject))
      pending.clear()
      if (missing) list.reloadSoon()
    },
  })

  // --- Merge -----------------------------------------------------------------

  const mergeButton = el('button', {
    type: 'button',
    id: 'faceset-merge',
    class: 'btn btn-secondary btn-sm faceset-merge',
    'aria-expanded': 'false',
    'aria-controls': 'merge-form',
    hidden: true,
  })
  mergeButton.append(fragment(icons.merge), el('span', {}, 'Merge…'))
  find(section.element, '.card-header').append(mergeButton)

  const mergeForm = el('form', { id: 'merge-form', class: 'merge-panel', novalidate: true, hidden: true, 'aria-labelledby': 'merge-title' })
  mergeForm.append(
    fragment(`
      <div class="merge-head">
        <h3 id="merge-title" class="merge-title">Merge face sets</h3>
        <p class="merge-hint">Tick two or more ready face sets of the same person. Their faces are copied into a new set; the originals stay as they are.</p>
      </div>
      <div id="merge-error" class="form-alert" role="alert" hidden></div>
      <div class="merge-row">
        <div class="field merge-name-field">
          <label for="merge-name">Name of the new set</label>
          <input id="merge-name" name="name" type="text" autocomplete="off" maxlength="255" placeholder="e.g. Person A, all clips" />
          <p id="merge-name-error" class="field-error" hidden></p>
        </div>
        <div class="merge-actions">
          <button id="merge-submit" type="submit" class="btn btn-primary">Merge</button>
          <button id="merge-cancel" type="button" class="btn btn-ghost">Cancel</button>
        </div>
      </div>
      <p id="merge-count" class="merge-count" role="status" aria-live="polite"></p>
    `),
  )
  section.body.before(mergeForm)
  const mergeSubmit = find<HTMLButtonElement>(mergeForm, '#merge-submit')
  const mergeCount = find(mergeForm, '#merge-count')
  const merge = new FormController(mergeForm, { name: 'merge-name' }, 'merge-error')
  let merging = false
  let mergeBusy = false

  const readyCount = (): number => list.cards().filter((card) => card.faceSet().status === 'READY').length
  const selectedIds = (): string[] =>
    list.cards().filter((card) => card.select.checked && !card.select.disabled).map((card) => String(card.faceSet().id))

  const syncMerge = (): void => {
    const ready = readyCount()
    mergeButton.hidden = list.size() === 0
    mergeButton.disabled = ready < 2 && !merging
    mergeButton.title = ready < 2 ? 'Two or more ready face sets are needed to merge' : ''
    if (merging && list.size() === 0) closeMerge(false)
    const selected = selectedIds().length
    mergeCount.textContent =
      selected === 0 ? 'No face sets ticked yet.' : selected === 1 ? '1 face set ticked: tick one more.' : `${selected} face sets ticked.`
    mergeSubmit.disabled = mergeBusy || selected < 2
  }

  const openMerge = (): void => {
    if (merging) {
      find<HTMLInputElement>(mergeForm, '#merge-name').focus()
      return
    }
    merging = true
    section.element.classList.add('is-merging')
    mergeForm.hidden = false
    mergeButton.setAttribute('aria-expanded', 'true')
    for (const card of list.cards()) card.element.querySelector<HTMLElement>('.faceset-select-label')!.hidden = false
    syncMerge()
    // The first card's checkbox, so ticking can start at once.
    const first = list.cards().find((card) => !card.select.disabled)
    ;(first?.select ?? find<HTMLInputElement>(mergeForm, '#merge-name')).focus()
  }

  const closeMerge = (restoreFocus: boolean): void => {
    if (!merging) return
    merging = false
    section.element.classList.remove('is-merging')
    mergeForm.hidden = true
    mergeForm.reset()
    merge.clearErrors()
    mergeButton.setAttribute('aria-expanded', 'false')
    for (const card of list.cards()) {
      card.select.checked = false
      card.element.querySelector<HTMLElement>('.faceset-select-label')!.hidden = true
    }
    syncMerge()
    if (restoreFocus) mergeButton.focus()
  }

  mergeButton.addEventListener('click', () => (merging ? closeMerge(true) : openMerge()))
  find(mergeForm, '#merge-cancel').addEventListener('click', () => closeMerge(true))
  mergeForm.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !mergeBusy) {
      event.preventDefault()
      closeMerge(true)
    }
  })
  list.grid.addEventListener('change', (event) => {
    if (event.target instanceof HTMLInputElement && event.target.classList.contains('faceset-select')) {
      merge.setFormError(undefined)
      syncMerge()
    }
  })
  mergeForm.addEventListener('submit', async (event) => {
    event.preventDefault()
    if (mergeBusy) return
    merge.clearErrors()
    const ids = selectedIds()
    if (ids.length < 2) {
      merge.setFormError('Tick at least two ready face sets to merge.')
      return
    }
    const name = merge.value('name').trim()
    mergeBusy = true
    merge.setBusy(true, 'Merging…')
    try {
      const merged = await mergeFaceSets(name ? { name, faceSets: ids } : { faceSets: ids })
      mergeBusy = false
      merge.setBusy(false)
      list.add(merged, 'start')
      closeMerge(false)
      list.sync()
      showToast(`Merged ${ids.length} face sets into “${merged.name}”.`)
      list.card(String(merged.id))?.element.querySelector<HTMLElement>('.faceset-name')?.focus()
    } catch (error) {
      mergeBusy = false
      merge.setBusy(false)
      merge.showError(error)
      syncMerge()
    }
  })

  // Every upload makes a face set and an EXTRACT job: a job for a set we do not
  // show yet means the list has grown. Each unknown set is looked for once.
  const lookedFor = new Set<string>()
  const pending = new Set<string>()
  const unsubscribeJobs = subscribeJobs((event) => {
    if (event.kind !== 'changed' || event.job.type !== EXTRACT_JOB || event.job.subjectId === null) return
    const subject = String(event.job.subjectId)
    if (list.card(subject) || lookedFor.has(subject)) return
    lookedFor.add(subject)
    // A list on its way may hold it already: look again only if it does not.
    if (list.loading()) pending.add(subject)
    else list.reloadSoon()
  })
  const unsubscribeUploads = onUploadEvent((event) => {
    if (event.kind === 'uploaded') list.reloadSoon()
  })
  void list.load()

  return () => {
    unsubscribeJobs()
    unsubscribeUploads()
    list.dispose()
  }
}
