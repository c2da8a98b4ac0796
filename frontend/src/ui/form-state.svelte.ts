/**
 * A form's errors and busy state, as reactive state for its components: each field's error under its input
 * (`#<input id>-error`; the input is then `aria-invalid` and described by it), anything else in the form's
 * `role="alert"` box, and whether it is submitting. Every form shows its errors through this class, so that
 * they all place the server's refusals, and move focus, the same way.
 */
import { flushSync } from 'svelte'
import { ApiError, fieldName } from '../api/http.ts'
import { messageOf } from './form.ts'

export class FormState<F extends string> {
  /** Per field, its message; a field without an error has none. Several messages are one per line (the element uses pre-line). */
  errors = $state<Partial<Record<F, string>>>({})
  /** The form-level alert ('' hides it). */
  alert = $state('')
  busy = $state(false)

  readonly #inputs: Readonly<Record<F, string>>

  /**
   * @param inputs field name (as the API names it) → its input's id, in the order of the page: focus goes to the
   *   first one with an error.
   */
  constructor(inputs: Readonly<Record<F, string>>) {
    this.#inputs = inputs
  }

  clear(): void {
    this.errors = {}
    this.alert = ''
  }

  clearField(name: F): void {
    if (name in this.errors) delete this.errors[name]
  }

  /** The browser's own checks found these fields wrong: shows each under its field and moves focus to the first. */
  fail(errors: Partial<Record<F, string>>): void {
    Object.assign(this.errors, errors)
    this.#focusFirstInvalid()
  }

  /**
   * Shows the server's refusal in place of what was shown: violations under their field (those of fields this
   * form does not have go to the alert, as the user could not find them otherwise), anything else in the alert.
   * After violations, focus moves to the first field with an error.
   */
  show(error: unknown): void {
    if (!(error instanceof ApiError) || error.violations.length === 0) {
      this.errors = {}
      this.alert = messageOf(error)
      return
    }
    const placed: Partial<Record<F, string>> = {}
    const loose: string[] = []
    for (const violation of error.violations) {
      const name = fieldName(violation.field)
      if (!isFieldOf(this.#inputs, name)) {
        loose.push(violation.message)
        continue
      }
      const before = placed[name]
      placed[name] = before ? `${before}\n${violation.message}` : violation.message
    }
    this.errors = placed
    this.alert = loose.join('\n')
    this.#focusFirstInvalid()
  }

  /** The input's `aria-invalid`. */
  invalid(name: F): 'true' | undefined {
    return this.errors[name] ? 'true' : undefined
  }

  /** The input's `aria-describedby`: its hint, then its error while one is shown. */
  describedBy(name: F, hintId?: string): string | undefined {
    const ids = [hintId, this.errors[name] ? `${this.#inputs[name]}-error` : undefined].filter(Boolean)
    return ids.length > 0 ? ids.join(' ') : undefined
  }

  /**
   * Focuses the first field with an error that is in the page (a field may be left out, e.g. a choice with
   * nothing to choose from). The page shows the errors first, so that a screen reader announces the focused
   * input together with its error.
   */
  #focusFirstInvalid(): void {
    flushSync()
    for (const [name, id] of Object.entries(this.#inputs) as [F, string][]) {
      if (!this.errors[name]) continue
      const input = document.getElementById(id)
      if (input) {
        input.focus()
        return
      }
    }
  }
}

function isFieldOf<F extends string>(inputs: Readonly<Record<F, string>>, name: string): name is F {
  return Object.hasOwn(inputs, name)
}
