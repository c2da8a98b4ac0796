/** What the browser checks in the "Train a model" form before sending it (the server checks it all again). */
import type { CreateModelRequest } from '../../api/model/model.ts'
import { DEFAULT_PRESET } from '../model-meta.ts'

/** The form's fields, by the names the API gives them. */
export type ModelField = 'faceSetA' | 'faceSetB' | 'preset' | 'startFrom' | 'name' | 'maxIterations' | 'targetLoss'
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
