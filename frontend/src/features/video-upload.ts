import { mount, unmount } from 'svelte'
import VideoUploadArea from './upload/VideoUpload.svelte'

export { CONSENT_LABEL, CONSENT_REQUIRED } from './upload/upload-text.ts'

export interface VideoUpload {
  /** Reloads the storage line (after an upload or a delete). */
  refreshStorage(): void
  dispose(): void
}

/**
 * The upload area of the Videos section (`upload/VideoUpload.svelte`), mounted into `container` for the
 * hand-built library page; a Svelte page mounts the component itself.
 */
export function setupVideoUpload(container: HTMLElement): VideoUpload {
  container.replaceChildren()
  const shown = mount(VideoUploadArea, { target: container })
  return {
    refreshStorage: () => {
      void shown.refreshStorage()
    },
    dispose: () => void unmount(shown),
  }
}
