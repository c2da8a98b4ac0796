/** What the browser checks in the "Train a model" form before sending it (the server checks it all again). */
import { ApiError, fieldName } from '../../api/http.ts'
import type { CreateModelRequest } from '../../api/model/model.ts'
import { messageOf } from '../../ui/form.ts'
import { DEFAULT_PRESET } from '../model-meta.ts'

/** The form's fields, by the names the API gives them, in the order they appear (focus goes to the first wrong). */
export const MODEL_FIELDS = ['faceSetA', 'faceSetB', 'preset', 'startFrom', 'name', 'maxIterations', 'targetLoss'] as const
export type ModelField = (typeof MODEL_FIELDS)[number]
export type FieldErrors = Partial<Record<ModelField, string>>

export interface ModelInput {
  faceSetA: string
  faceSetB: string
  preset: string
  name: string
  maxIterations: string
  /** The number input held something that is no number (its value then reads empty). */
  maxIterationsBadInput: boolean
  targetLoss: string
  /** An earlier model to start from ('' for none). */
  startFrom: string
}

/** The request body, or the message for each field that is wrong. */
export function readModelInput(input: ModelInput):
  | { ok: true; body: CreateModelRequest }
  | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {}
  const a = input.faceSetA
  const b = input.faceSetB
  if (!a) errors.faceSetA = 'Choose the face set of person A.'
  if (!b) errors.faceSetB = 'Choose the face set of person B.'
  else if (a === b) errors.faceSetB = 'Choose two different face sets: the model learns one person from each.'

  const body: CreateModelRequest = { faceSetA: a, faceSetB: b, preset: input.preset || DEFAULT_PRESET }
  const name = input.name.trim()
  if (name) body.name = name
  if (input.startFrom) body.startFrom = input.startFrom

  const iterationsText = input.maxIterations.trim()
  if (input.maxIterationsBadInput) {
    errors.maxIterations = 'Enter a whole number of iterations, or leave it empty.'
  } else if (iterationsText !== '') {
    const value = Number(iterationsText)
    if (!Number.isInteger(value) || value < 1) errors.maxIterations = 'Enter a whole number, at least 1.'
    else body.maxIterations = value
  }

  // A decimal comma is fine too.
  const lossText = input.targetLoss.trim().replace(',', '.')
  if (lossText !== '') {
    const value = Number(lossText)
    if (!Number.isFinite(value) || value <= 0 || value >= 1) {
      errors.targetLoss = 'Enter a loss between 0 and 1, e.g. 0.03, or leave it empty.'
    } else {
      body.targetLoss = value
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, body }
}

/**
 * Where the server's refusal shows: each violation under its field (several on separate lines), those of other
 * fields and any other error in the form's alert.
 */
export function placeError(error: unknown): { errors: FieldErrors; alert: string | undefined } {
  if (!(error instanceof ApiError) || error.violations.length === 0) return { errors: {}, alert: messageOf(error) }
  const errors: FieldErrors = {}
  const loose: string[] = []
  for (const violation of error.violations) {
    const name = fieldName(violation.field)
    if (!(MODEL_FIELDS as readonly string[]).includes(name)) loose.push(violation.message)
    else {
      const field = name as ModelField
      errors[field] = errors[field] ? `${errors[field]}\n${violation.message}` : violation.message
    }
  }
  return { errors, alert: loose.length > 0 ? loose.join('\n') : undefined }
}

/** A field's `aria-describedby`: its hint, and its error while it shows one. */
export function describedBy(id: string, hasHint: boolean, error: string | undefined): string | undefined {
  const ids = [hasHint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean)
  return ids.length > 0 ? ids.join(' ') : undefined
}
