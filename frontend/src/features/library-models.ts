import type { FaceModel } from '../api/model/model.ts'
import { listModels } from '../api/models.ts'
import { isFinished } from '../api/model/job.ts'
import { nameSubject, refreshJobs, subscribeJobs } from '../jobs.ts'
import { navigate } from '../router.ts'
import { el, find, fragment } from '../ui/dom.ts'
import { icons } from '../ui/icons.ts'
import { showToast } from '../ui/toast.ts'
import { setupCardList } from './card-list.ts'
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
  const list = setupCardList<FaceModel, ModelCard>(section, {
    gridClass: 'model-grid',
    label: 'Your models',
    noun: 'models',
    list: listModels,
    render: renderModelCard,
  })

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
      showToast(`Training “${model.name}” queued.`)
      navigate(modelPagePath(model.id))
    },
  })
  newButton.addEventListener('click', () => (create.isOpen() ? create.close(true) : create.open()))

  // A TRAIN job for a model we do not show means one was made elsewhere (another tab).
  // A finished extraction may make a face set usable for the form.
  const lookedFor = new Set<string>()
  const unsubscribeJobs = subscribeJobs((event) => {
    if (event.kind !== 'changed' || event.job.subjectId === null) return
    const { job, previous } = event
    if (job.type === TRAIN_JOB) {
      const subject = String(job.subjectId)
      if (list.card(subject) || lookedFor.has(subject)) return
      lookedFor.add(subject)
      list.reloadSoon()
    } else if (job.type === EXTRACT_JOB && isFinished(job.status) && previous && !isFinished(previous.status)) {
      create.faceSetsChanged()
    }
  })

  void list.load()

  // Arrived from a face set's "Train a model with this face set".
  const wanted = new URLSearchParams(location.search).get(TRAIN_PARAM)
  if (wanted) {
    const url = new URL(location.href)
    url.searchParams.delete(TRAIN_PARAM)
    history.replaceState(history.state, '', url.pathname + url.search + url.hash)
    // After the router has focused the heading and scrolled to the top.
    window.setTimeout(() => {
      if (!list.signal.aborted) create.open({ faceSetA: wanted, scroll: true })
    }, 0)
  }

  return () => {
    unsubscribeJobs()
    create.dispose()
    list.dispose()
  }
}
