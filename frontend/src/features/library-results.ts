import type { Result } from '../api/model/result.ts'
import { listResults } from '../api/results.ts'
import { subscribeJobs } from '../jobs.ts'
import { setupCardList } from './card-list.ts'
import type { LibrarySection } from './library-section.ts'
import { renderResultCard, type ResultCard } from './result-card.ts'
import { SWAP_JOB } from './result-meta.ts'

/**
 * Fills the Results section: a grid of result cards, newest first (or the
 * empty state), kept live from the jobs store. Swaps are started from a
 * model's page, so there is no form here.
 */
export function setupLibraryResults(section: LibrarySection): () => void {
  const list = setupCardList<Result, ResultCard>(section, {
    gridClass: 'result-grid',
    label: 'Your results',
    noun: 'results',
    list: listResults,
    render: renderResultCard,
  })

  // A SWAP job for a result we do not show means one was started elsewhere (another tab).
  const lookedFor = new Set<string>()
  const unsubscribeJobs = subscribeJobs((event) => {
    if (event.kind !== 'changed' || event.job.type !== SWAP_JOB || event.job.subjectId === null) return
    const subject = String(event.job.subjectId)
    if (list.card(subject) || lookedFor.has(subject)) return
    lookedFor.add(subject)
    list.reloadSoon()
  })

  void list.load()

  return () => {
    unsubscribeJobs()
    list.dispose()
  }
}
