import { ApiError } from '../api/http.ts'
import { el } from '../ui/dom.ts'
import { messageOf } from '../ui/form.ts'

export interface InlineRenameOptions {
  /** The name as currently shown. */
  name: () => string
  /** Saves the new name (already trimmed); a rejection shows under the input (violations on `name` first). */
  save: (name: string) => Promise<void>
  /** Shows the name; hidden while the editor is open, and the editor goes right after it. */
  title: HTMLElement
  /** The button that opens the editor; it gets focus back when the editor closes. */
  trigger: HTMLButtonElement
  /** Class prefix of the editor's parts, e.g. `video-rename` → `.video-rename-form`, `.video-rename-input`. */
  prefix: string
  /** The input's accessible name, e.g. "Video name". */
  label: string
}

let editorCount = 0

/**
 * Wires a Rename button: it swaps the title for an inline form (input, Save,
 * Cancel). Enter saves, Escape cancels, and errors from the server show under
 * the input.
 */
export function setupInlineRename(options: InlineRenameOptions): void {
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

function openEditor(options: InlineRenameOptions, close: () => void): HTMLFormElement {
  const { title, prefix } = options
  const errorId = `${prefix}-error-${++editorCount}`
  const input = el('input', {
    type: 'text',
    class: `${prefix}-input`,
    name: 'name',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-label': options.label,
  })
  input.value = options.name()
  const error = el('p', { id: errorId, class: `field-error ${prefix}-error`, hidden: true })
  const save = el('button', { type: 'submit', class: `btn btn-primary btn-sm ${prefix}-save` }, 'Save')
  const cancel = el('button', { type: 'button', class: `btn btn-ghost btn-sm ${prefix}-cancel` }, 'Cancel')
  const form = el(
    'form',
    { class: `rename-form ${prefix}-form`, novalidate: true },
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
    const name = input.value.trim()
    if (name === options.name()) {
      close()
      return
    }
    setBusy(true)
    try {
      await options.save(name)
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
