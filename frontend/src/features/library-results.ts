import type { Result } from '../api/model/result.ts'
import { listResults } from '../api/results.ts'
import { subscribeJobs } from '../jobs.ts'
import { el } from '../ui/dom.ts'
import { messageOf } from '../ui/form.ts'
import type { LibrarySection } from './library-section.ts'
import { renderResultCard, type ResultCard } from './result-card.ts'
import { SWAP_JOB } from './result-meta.ts'

/**
 * Fills the Results section: a grid of result cards, newest first (or the
 * empty state), kept live from the jobs store. Swaps are started from a
 * model's page, so there is no form here.
 */
export function setupLibraryResults(section: LibrarySection): () => void {
  const grid = el('ul', { class: 'library-items result-grid', role: 'list', 'aria-label': 'Your results' })
  const cards = new Map<string, { item: HTMLLIElement; card: ResultCard }>()
  let failed = false
  const lifetime = new AbortController()

  const sync = (): void => {
    if (cards.size > 0) {
      if (grid.parentElement !== section.body) section.body.replaceChildren(grid)
    } else if (!failed && !section.body.querySelector('.empty-state')) {
      section.showEmpty()
    }
  }

  const addCard = (result: Result): void => {
    const key = String(result.id)
    const known = cards.get(key)
    if (known) {
      known.card.update(result)
      return
    }
    const card = renderResultCard(result, {
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
      const list = await listResults(current.signal)
      if (current.signal.aborted) return
      const listed = new Set(list.map((result) => String(result.id)))
      for (const key of [...cards.keys()]) if (!listed.has(key)) removeCard(key)
      // Newest first, as sent: existing cards are updated and moved into place.
      list.forEach((result, index) => {
        addCard(result)
        const item = cards.get(String(result.id))!.item
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
        el('p', { class: 'library-error status-error', role: 'alert' }, `Could not load your results. ${messageOf(error)} `, retry),
      )
    } finally {
      if (controller === current) {
        controller = undefined
        section.element.removeAttribute('aria-busy')
      }
    }
  }

  // A SWAP job for a result we do not show means one was started elsewhere (another tab).
  const lookedFor = new Set<string>()
  const unsubscribeJobs = subscribeJobs((event) => {
    if (event.kind !== 'changed' || event.job.type !== SWAP_JOB || event.job.subjectId === null) return
    const subject = String(event.job.subjectId)
    if (cards.has(subject) || lookedFor.has(subject)) return
    lookedFor.add(subject)
    window.clearTimeout(reloadTimer)
    reloadTimer = window.setTimeout(() => void load(), 250)
  })

  void load()

  return () => {
    unsubscribeJobs()
    window.clearTimeout(reloadTimer)
    controller?.abort()
    for (const { card } of cards.values()) card.dispose()
    lifetime.abort()
  }
}
