import type { FaceModel } from '../api/model/model.ts'
import { listModels } from '../api/models.ts'
import { isFinished } from '../api/model/job.ts'
import { nameSubject, refreshJobs, subscribeJobs } from '../jobs.ts'
import { navigate } from '../router.ts'
import { el, find, fragment } from '../ui/dom.ts'
import { messageOf } from '../ui/form.ts'
import { icons } from '../ui/icons.ts'
import { showToast } from '../ui/toast.ts'
import { EXTRACT_JOB } from './faceset-meta.ts'
import type { LibrarySection } from './library-section.ts'
import { renderModelCard, type ModelCard } from './model-card.ts'
import { setupModelCreate } from './model-create.ts'
import { modelPagePath, TRAIN_JOB } from './model-meta.ts'

/** `/library?train=<face set id>` opens "Train a model" with that set as A. */
export const TRAIN_PARAM = 'train'

/** The library link that opens "Train a model" with `faceSetId` as person A. */
export function trainWithFaceSetPath(faceSetId: string): string {
  return `/library?${TRAIN_PARAM}=${encodeURIComponent(faceSetId)}`
}

/**
 * Fills the Models section: "Train a model" (`#new-model`, which opens the
 * form), then a grid of model cards (or the empty state), kept live from the
 * jobs store and the models' `loss` and `preview` events.
 */
export function setupLibraryModels(section: LibrarySection): () => void {
  const grid = el('ul', { class: 'library-items model-grid', role: 'list', 'aria-label': 'Your models' })
  const cards = new Map<string, { item: HTMLLIElement; card: ModelCard }>()
  let failed = false
  const lifetime = new AbortController()

  // --- Train a model -----------------------------------------------------------

  const newButton = el('button', { type: 'button', id: 'new-model', class: 'btn btn-primary btn-sm library-section-action' })
  newButton.append(fragment(icons.sparkle), el('span', {}, 'Train a model'))
  find(section.element, '.card-header').append(newButton)

  const panel = el('section')
  section.body.before(panel)
  const create = setupModelCreate(panel, {
    trigger: newButton,
    onCreated: (model) => {
      nameSubject(model.id, model.name)
      // Its TRAIN job's events follow; the list makes sure it is known even if they are late.
      void refreshJobs()
      showToast(`Training “${model.name}” has started.`)
      navigate(modelPagePath(model.id))
    },
  })
  newButton.addEventListener('click', () => (create.isOpen() ? create.close(true) : create.open()))

  // --- Cards -------------------------------------------------------------------

  const sync = (): void => {
    if (cards.size > 0) {
      if (grid.parentElement !== section.body) section.body.replaceChildren(grid)
    } else if (!failed && !section.body.querySelector('.empty-state')) {
      section.showEmpty()
    }
  }

  const addCard = (model: FaceModel): void => {
    const key = String(model.id)
    const known = cards.get(key)
    if (known) {
      known.card.update(model)
      return
    }
    const card = renderModelCard(model, {
      signal: lifetime.signal,
      onGone: (gone) => removeCard(String(gone.id)),
    })
    const item = el('li', {}, card.element)
    cards.set(key, { item, card })
    grid.append(item)
  }

  const removeCard = (key: string): void => {
    const entry = cards.get(key)
    if (!entry) return
    entry.card.dispose()
    entry.item.remove()
    cards.delete(key)
    sync()
  }

  let controller: AbortController | undefined
  let reloadTimer: number | undefined
  const load = async (): Promise<void> => {
    window.clearTimeout(reloadTimer)
    controller?.abort()
    const current = new AbortController()
    controller = current
    section.element.setAttribute('aria-busy', 'true')
    try {
      const list = await listModels(current.signal)
      if (current.signal.aborted) return
      const listed = new Set(list.map((model) => String(model.id)))
      for (const key of [...cards.keys()]) if (!listed.has(key)) removeCard(key)
      // Newest first, as sent: existing cards are updated and moved into place.
      list.forEach((model, index) => {
        addCard(model)
        const item = cards.get(String(model.id))!.item
        if (grid.children[index] !== item) grid.insertBefore(item, grid.children[index] ?? null)
      })
      failed = false
      sync()
    } catch (error) {
      if (current.signal.aborted) return
      if (cards.size > 0) return
      failed = true
      const retry = el('button', { type: 'button', class: 'btn btn-link' }, 'Try again')
      retry.addEventListener('click', () => void load())
      section.body.replaceChildren(
        el('p', { class: 'library-error status-error', role: 'alert' }, `Could not load your models. ${messageOf(error)} `, retry),
      )
    } finally {
      if (controller === current) {
        controller = undefined
        section.element.removeAttribute('aria-busy')
      }
    }
  }

  const scheduleReload = (): void => {
    window.clearTimeout(reloadTimer)
    reloadTimer = window.setTimeout(() => void load(), 250)
  }

  // A TRAIN job for a model we do not show means one was made elsewhere (another tab).
  // A finished extraction may make a face set usable for the form.
  const lookedFor = new Set<string>()
  const unsubscribeJobs = subscribeJobs((event) => {
    if (event.kind !== 'changed' || event.job.subjectId === null) return
    const { job, previous } = event
    if (job.type === TRAIN_JOB) {
      const subject = String(job.subjectId)
      if (cards.has(subject) || lookedFor.has(subject)) return
      lookedFor.add(subject)
      scheduleReload()
    } else if (job.type === EXTRACT_JOB && isFinished(job.status) && previous && !isFinished(previous.status)) {
      create.faceSetsChanged()
    }
  })

  void load()

  // Arrived from a face set's "Train a model with this face set".
  const wanted = new URLSearchParams(location.search).get(TRAIN_PARAM)
  if (wanted) {
    const url = new URL(location.href)
    url.searchParams.delete(TRAIN_PARAM)
    history.replaceState(history.state, '', url.pathname + url.search + url.hash)
    // After the router has focused the heading and scrolled to the top.
    window.setTimeout(() => {
      if (!lifetime.signal.aborted) create.open({ faceSetA: wanted, scroll: true })
    }, 0)
  }

  return () => {
    unsubscribeJobs()
    window.clearTimeout(reloadTimer)
    controller?.abort()
    create.dispose()
    for (const { card } of cards.values()) card.dispose()
    lifetime.abort()
  }
}
