import type { Video } from '../api/model/video.ts'
import { renameVideo } from '../api/videos.ts'
import { setupInlineRename } from './inline-rename.ts'

export interface RenameOptions {
  /** The video as currently shown. */
  video: () => Video
  /** Shows the name; hidden while the editor is open, and the editor goes right after it. */
  title: HTMLElement
  /** The `.video-rename` button; it opens the editor and gets focus back when it closes. */
  trigger: HTMLButtonElement
  onRenamed: (video: Video) => void
}

/**
 * Wires a `.video-rename` button: it swaps the title for an inline form
 * (`.video-rename-form`: input, Save, Cancel). Enter saves, Escape cancels, and
 * errors from the server show under the input.
 */
export function setupVideoRename(options: RenameOptions): void {
  setupInlineRename({
    name: () => options.video().name,
    save: async (name) => options.onRenamed(await renameVideo(options.video().id, { name })),
    title: options.title,
    trigger: options.trigger,
    prefix: 'video-rename',
    label: 'Video name',
  })
}
