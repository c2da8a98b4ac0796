import { setupLibrarySection, type LibrarySectionDef } from '../features/library-section.ts'
import { setupLibraryFaceSets } from '../features/library-facesets.ts'
import { setupLibraryModels } from '../features/library-models.ts'
import { setupLibraryResults } from '../features/library-results.ts'
import { setupLibraryVideos } from '../features/library-videos.ts'
import { el, fragment } from '../ui/dom.ts'
import { icons } from '../ui/icons.ts'

/** The four steps of a swap, in order. */
export const LIBRARY_SECTIONS: LibrarySectionDef[] = [
  {
    id: 'library-videos',
    step: 1,
    title: 'Videos',
    summary: 'Source clips of the two people',
    icon: icons.video,
    emptyTitle: 'No videos yet',
    emptyText: 'Upload a clip of person A and one of person B to get started.',
  },
  {
    id: 'library-facesets',
    step: 2,
    title: 'Face sets',
    summary: 'Faces found in your videos',
    icon: icons.faces,
    emptyTitle: 'No face sets yet',
    emptyText:
      'Doppel finds the faces in each uploaded video and collects them into a face set, one per person.',
  },
  {
    id: 'library-models',
    step: 3,
    title: 'Models',
    summary: 'Trained to swap one face for the other',
    icon: icons.model,
    emptyTitle: 'No models yet',
    emptyText: 'Train a model on two face sets, one of each person. It learns to turn face A into face B, and back.',
  },
  {
    id: 'library-results',
    step: 4,
    title: 'Results',
    summary: 'Your finished face swaps',
    icon: icons.results,
    emptyTitle: 'No results yet',
    emptyText: 'Apply a trained model to a video, and the swapped clip will appear here to watch and download.',
  },
]

export function setupLibrary(outlet: HTMLElement): () => void {
  outlet.replaceChildren(
    fragment(`
      <div class="page-inner page-wide">
        <header class="page-header">
          <h1 tabindex="-1">Library</h1>
          <p class="page-lede">Everything you upload and create, from source videos to finished swaps. Only you can see it.</p>
        </header>
        <div id="library" class="library-grid"></div>
      </div>
    `),
  )
  const grid = outlet.querySelector('#library')!
  const cleanups: (() => void)[] = []
  for (const def of LIBRARY_SECTIONS) {
    const section = el('section')
    grid.append(section)
    const handle = setupLibrarySection(section, def)
    if (def.id === 'library-videos') cleanups.push(setupLibraryVideos(handle))
    if (def.id === 'library-facesets') cleanups.push(setupLibraryFaceSets(handle))
    if (def.id === 'library-models') cleanups.push(setupLibraryModels(handle))
    if (def.id === 'library-results') cleanups.push(setupLibraryResults(handle))
  }
  return () => cleanups.forEach((cleanup) => cleanup())
}
