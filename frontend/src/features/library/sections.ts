import { icons } from '../../ui/icons.ts'

/** Static description of one library section. */
export interface LibrarySectionDef {
  /** Element id, e.g. `library-videos`. */
  id: string
  step: number
  title: string
  /** One line under the heading: what this section holds. */
  summary: string
  /** Inline SVG markup for the empty state. */
  icon: string
  emptyTitle: string
  /** What will appear here and what this step is. */
  emptyText: string
}

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

/** The section described by `id` (one of the ids above). */
export function sectionDef(id: string): LibrarySectionDef {
  const def = LIBRARY_SECTIONS.find((section) => section.id === id)
  if (!def) throw new Error(`Unknown library section: ${id}`)
  return def
}
