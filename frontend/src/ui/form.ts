import { ApiError, fieldName } from '../api/http.ts'
import { find } from './dom.ts'

interface Field {
  input: HTMLInputElement
  error: HTMLElement
}

/**
 * Error and busy-state handling shared by every form: field errors under their
 * input (with `aria-invalid` / `aria-describedby`), form-level errors in a
 * `role="alert"` box, and a submit button that shows progress.
 */
export class FormController {
  readonly form: HTMLFormElement
  private readonly fields = new Map<string, Field>()
  private readonly alert: HTMLElement
  private readonly submit: HTMLButtonElement
  private readonly idleLabel: string

  /**
   * @param fields API field name → input id; the error element is `#<input id>-error`.
   * @param alertId id of the form-level `role="alert"` element.
   */
  constructor(form: HTMLFormElement, fields: Record<string, string>, alertId: string) {
    this.form = form
    for (const [name, inputId] of Object.entries(fields)) {
      const input = find<HTMLInputElement>(form, `#${inputId}`)
      const error = find(form, `#${inputId}-error`)
      this.fields.set(name, { input, error })
      input.addEventListener('input', () => this.clearField(name))
    }
    this.alert = find(form, `#${alertId}`)
    this.submit = find<HTMLButtonElement>(form, 'button[type="submit"]')
    this.idleLabel = this.submit.textContent?.trim() ?? ''
  }

  value(name: string): string {
    return this.fields.get(name)?.input.value ?? ''
  }

  clearErrors(): void {
    for (const name of this.fields.keys()) this.clearField(name)
    this.setFormError(undefined)
  }

  setFieldError(name: string, message: string): void {
    const field = this.fields.get(name)
    if (!field) {
      this.setFormError(message)
      return
    }
    field.error.textContent = message
    field.error.hidden = false
    field.input.setAttribute('aria-invalid', 'true')
    setDescribedBy(field.input, field.error.id, true)
  }

  clearField(name: string): void {
    const field = this.fields.get(name)
    if (!field || field.error.hidden) return
    field.error.hidden = true
    field.error.textContent = ''
    field.input.removeAttribute('aria-invalid')
    setDescribedBy(field.input, field.error.id, false)
  }

  /** Shows or (with `undefined`) hides the form-level alert. */
  setFormError(message: string | undefined): void {
    this.alert.hidden = message === undefined
    this.alert.textContent = message ?? ''
  }

  setBusy(busy: boolean, busyLabel = 'Working…'): void {
    this.submit.disabled = busy
    this.form.setAttribute('aria-busy', String(busy))
    this.submit.classList.toggle('is-busy', busy)
    if (busy) {
      this.submit.replaceChildren(spinner(), document.createTextNode(busyLabel))
    } else {
      this.submit.textContent = this.idleLabel
    }
  }

  /**
   * Puts an error from the API where it belongs: violations next to their
   * field (unknown fields go to the alert), anything else in the alert.
   * Moves focus to the first invalid field.
   */
  showError(error: unknown): void {
    if (error instanceof ApiError && error.violations.length > 0) {
      const loose: string[] = []
      for (const violation of error.violations) {
        const name = fieldName(violation.field)
        const field = this.fields.get(name)
        if (!field) {
          loose.push(violation.message)
        } else if (field.error.hidden) {
          this.setFieldError(name, violation.message)
        } else {
          // Several messages for one field: one per line (the element uses pre-line).
          this.setFieldError(name, `${field.error.textContent}\n${violation.message}`)
        }
      }
      if (loose.length > 0) this.setFormError(loose.join('\n'))
      this.focusFirstInvalid()
      return
    }
    this.setFormError(messageOf(error))
  }

  focusFirstInvalid(): void {
    for (const field of this.fields.values()) {
      if (field.input.getAttribute('aria-invalid') === 'true') {
        field.input.focus()
        return
      }
    }
  }
}

/** A human sentence for any error. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.detail || error.title
  return 'Something went wrong. Try again.'
}

function setDescribedBy(input: HTMLElement, id: string, present: boolean): void {
  const ids = new Set((input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean))
  if (present) ids.add(id)
  else ids.delete(id)
  if (ids.size > 0) input.setAttribute('aria-describedby', [...ids].join(' '))
  else input.removeAttribute('aria-describedby')
}

function spinner(): HTMLElement {
  const span = document.createElement('span')
  span.className = 'spinner'
  span.setAttribute('aria-hidden', 'true')
  return span
}
