import { mount, unmount } from 'svelte'
import type { FaceSetId } from '../api/model/faceset.ts'
import type { FaceModel } from '../api/model/model.ts'
import ModelCreatePanel from './model-create/ModelCreate.svelte'

export { isUsableFaceSet, MIN_TRAIN_FACES } from './model-create/usable.ts'

export interface ModelCreate {
  /** Opens the panel (loading the face sets afresh); `faceSetA` preselects person A. */
  open(options?: { faceSetA?: FaceSetId; scroll?: boolean }): void
  close(restoreFocus: boolean): void
  isOpen(): boolean
  /** The face sets may have changed (e.g. an extraction finished): reload them if the panel is open. */
  faceSetsChanged(): void
  dispose(): void
}

export interface ModelCreateOptions {
  /** The button that opens the panel; it gets focus back when the panel closes. */
  trigger: HTMLButtonElement
  /** The server accepted: training has started. */
  onCreated: (model: FaceModel) => void
}

/**
 * The "Train a model" panel (`model-create/ModelCreate.svelte`) for the hand-built library page: it takes the
 * place of `panel` (which must be on the page), as the component renders the `#new-model-panel` section itself.
 * A Svelte page mounts the component directly.
 */
export function setupModelCreate(panel: HTMLElement, options: ModelCreateOptions): ModelCreate {
  const shown = mount(ModelCreatePanel, {
    target: panel.parentElement ?? panel,
    anchor: panel.parentElement ? panel : undefined,
    props: { trigger: options.trigger, oncreated: options.onCreated },
  })
  if (panel.parentElement) panel.remove()
  return {
    open: (openOptions) => shown.open(openOptions),
    close: (restoreFocus) => shown.close(restoreFocus),
    isOpen: () => shown.isOpen(),
    faceSetsChanged: () => shown.faceSetsChanged(),
    dispose: () => void unmount(shown),
  }
}
