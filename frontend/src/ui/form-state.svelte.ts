/**
 * A form's errors and busy state, as reactive state for its component: field
 * errors under their input, form-level errors in the alert box, and whether it
 * is submitting.
 */
import { tick } from 'svelte'
import { ApiError, fieldName } from '../api/http.ts'
import { messageOf } from './form.ts'

export class FormState<F extends string> {
  /** Per field, its message ('' = none); several messages are one per line. */
  errors = $state<Partial<Record<F, string>>>({})
  /** The form-level alert ('' = hidden). */
  alert = $state('')
  busy = $state(false)

  private readonly fields: readonly F[]

  constructor(fields: readonly F[]) {
    this.fields = fields
  }

  clear(): void {
    this.errors = {}
    this.alert = ''
  }

  clearField(name: F): void {
    if (this.errors[name]) this.errors[name] = ''
  }

  /** Puts `message` under `name`, and moves focus to the first invalid field once shown. */
  fail(name: F, message: string, form?: HTMLFormElement): void {
    this.errors[name] = message
    if (form) void focusFirstInvalid(form)
  }

  /**
   * Puts an error from the API where it belongs: violations next to their field
   * (unknown fields go to the alert), anything else in the alert. Moves focus to
   * the first invalid field of `form`.
   */
  show(error: unknown, form?: HTMLFormElement): void {
    if (!(error instanceof ApiError) || error.violations.length === 0) {
      this.alert = messageOf(error)
      return
    }
    const loose: string[] = []
    for (const violation of error.violations) {
      const name = fieldName(violation.field) as F
      if (!this.fields.includes(name)) {
        loose.push(violation.message)
        continue
      }
      const before = this.errors[name]
      this.errors[name] = before ? `${before}\n${violation.message}` : violation.message
    }
    if (loose.length > 0) this.alert = loose.join('\n')
    if (form) void focusFirstInvalid(form)
  }
}

/** Focuses the first input marked invalid, once the marks are in the page. */
export async function focusFirstInvalid(form: HTMLFormElement): Promise<void> {
  await tick()
  form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
}
