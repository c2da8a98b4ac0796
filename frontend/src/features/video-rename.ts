import { ApiError } from '../api/http.ts'
import type { Video } from '../api/model/video.ts'
import { renameVideo } from '../api/videos.ts'
import { el } from '../ui/dom.ts'
import { messageOf } from '../ui/form.ts'

export interface RenameOptions {
  /** The video as currently shown. */
  video: () => Video
  /** Shows the name; hidden while the editor is open, and the editor goes right after it. */
  title: HTMLElement
  /** The `.video-rename` button; it opens the editor and gets focus back when it closes. */
  trigger: HTMLButtonElement
  onRenamed: (video: Video) => void
}

let editorCount = 0

/**
 * Wires a `.video-rename` button: it swaps the title for an inline form
 * (input, Save, Cancel). Enter saves, Escape cancels, and errors from the
 * server show under the input.
 */
export function setupVideoRename(options: RenameOptions): void {
  const { title, trigger } = options
  let form: HTMLFormElement | undefined

  trigger.setAttribute('aria-expanded', 'false')
  trigger.addEventListener('click', () => {
    if (form) {
      form.querySelector('input')?.focus()
      return
    }
    form = openEditor(options, () => {
      form?.remove()
      form = undefined
      title.hidden = false
      trigger.setAttribute('aria-expanded', 'false')
      trigger.focus()
    })
    trigger.setAttribute('aria-expanded', 'true')
  })
}

function openEditor(options: RenameOptions, close: () => void): HTMLFormElement {
  const { title } = options
  const current = options.video()
  const errorId = `video-rename-error-${++editorCount}`
  const input = el('input', {
    type: 'text',
    class: 'video-rename-input',
    name: 'name',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-label': 'Video name',
  })
  input.value = current.name
  const error = el('p', { id: errorId, class: 'field-error video-rename-error', hidden: true })
  const save = el('button', { type: 'submit', class: 'btn btn-primary btn-sm video-rename-save' }, 'Save')
  const cancel = el('button', { type: 'button', class: 'btn btn-ghost btn-sm video-rename-cancel' }, 'Cancel')
  const form = el(
    'form',
    { class: 'rename-form video-rename-form', novalidate: true },
    input,
    el('div', { class: 'rename-actions' }, save, cancel),
    error,
  )

  const showError = (message: string): void => {
    error.textContent = message
    error.hidden = false
    input.setAttribute('aria-invalid', 'true')
    input.setAttribute('aria-describedby', errorId)
  }
  const clearError = (): void => {
    error.hidden = true
    error.textContent = ''
    input.removeAttribute('aria-invalid')
    input.removeAttribute('aria-describedby')
  }
  let busy = false
  const setBusy = (value: boolean): void => {
    busy = value
    form.setAttribute('aria-busy', String(value))
    input.readOnly = value
    save.disabled = value
    save.textContent = value ? 'Saving…' : 'Save'
  }

  input.addEventListener('input', clearError)
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault()
      event.stopPropagation()
      if (!busy) close()
    }
  })
  cancel.addEventListener('click', () => {
    if (!busy) close()
  })
  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    if (busy) return
    clearError()
    const video = options.video()
    const name = input.value.trim()
    if (name === video.name) {
      close()
      return
    }
    setBusy(true)
    try {
      const updated = await renameVideo(video.id, { name })
      options.onRenamed(updated)
      close()
    } catch (failure) {
      setBusy(false)
      const messages = failure instanceof ApiError ? failure.messagesFor('name') : []
      showError(messages.length > 0 ? messages.join('\n') : messageOf(failure))
      input.focus()
    }
  })

  title.hidden = true
  title.after(form)
  input.focus()
  input.select()
  return form
}
