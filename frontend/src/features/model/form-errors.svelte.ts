import { ApiError, fieldName } from '../../api/http.ts'
import { messageOf } from '../../ui/form.ts'

/**
 * A form's errors as component state, as `FormController` shows them in the
 * hand-built forms: each field's error under it (the input gets `aria-invalid`
 * and the error joins its `aria-describedby`), anything else in the form's
 * `role="alert"` box. An error element's id is `<input id>-error`.
 */
export class FormErrors<F extends string> {
  fields = $state<Partial<Record<F, string>>>({})
  /** The form-level alert ('' hides it). */
  form = $state('')
  private readonly ids: Record<F, string>

  /** @param ids field name (as the API names it) → input id, in the order focus looks for the first invalid one. */
  constructor(ids: Record<F, string>) {
    this.ids = ids
  }

  set(name: string, message: string): void {
    if (!(name in this.ids)) this.form = message
    else this.fields[name as F] = message
  }

  clear(name: F): void {
    if (this.fields[name] !== undefined) delete this.fields[name]
  }

  clearAll(): void {
    this.fields = {}
    this.form = ''
  }

  invalid(name: F): 'true' | undefined {
    return this.fields[name] !== undefined ? 'true' : undefined
  }

  /** The input's `aria-describedby`: its hint, then its error while one is shown. */
  describedBy(name: F, hint?: string): string | undefined {
    const ids = [hint, this.fields[name] !== undefined ? `${this.ids[name]}-error` : undefined].filter(Boolean)
    return ids.length > 0 ? ids.join(' ') : undefined
  }

  /**
   * Puts an error from the API where it belongs: violations next to their
   * field (unknown fields go to the alert), anything else in the alert.
   * Moves focus to the first invalid field.
   */
  show(error: unknown): void {
    if (error instanceof ApiError && error.violations.length > 0) {
      const loose: string[] = []
      for (const violation of error.violations) {
        const name = fieldName(violation.field)
        if (!(name in this.ids)) loose.push(violation.message)
        else {
          const shown = this.fields[name as F]
          // Several messages for one field: one per line (the element uses pre-line).
          this.fields[name as F] = shown === undefined ? violation.message : `${shown}\n${violation.message}`
        }
      }
      if (loose.length > 0) this.form = loose.join('\n')
      this.focusFirstInvalid()
      return
    }
    this.form = messageOf(error)
  }

  focusFirstInvalid(): void {
    for (const [name, id] of Object.entries(this.ids) as [F, string][]) {
      if (this.fields[name] !== undefined) {
        document.getElementById(id)?.focus()
        return
      }
    }
  }
}
