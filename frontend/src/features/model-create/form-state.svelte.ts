/** What the "Train a model" form holds: the choices, the limits as typed, the errors, and whether it is sending. */
import type { FaceSet, FaceSetId } from '../../api/model/faceset.ts'
import type { CreateModelRequest, Preset } from '../../api/model/model.ts'
import { choosePair, choosePreset, keepApart, presetList, type Pair } from './choices.ts'
import { placeError, readModelInput, type FieldErrors, type ModelField } from './form-check.ts'

export class ModelForm {
  a = $state('')
  b = $state('')
  preset = $state('')
  /** An earlier model of the same preset to start from; '' starts afresh. */
  startFrom = $state('')
  name = $state('')
  maxIterations = $state('')
  maxIterationsBadInput = false
  targetLoss = $state('')
  errors = $state<FieldErrors>({})
  alert = $state<string | undefined>()
  busy = $state(false)
  /** Whether the user has picked face sets: a reload then keeps their choice. */
  #picked = false
  #wantedA: string | undefined
  /** The pair as last shown, to tell what a select changed from. */
  #last: Pair = { a: '', b: '' }

  /** Preselects person A (arrived from a face set's "Train a model with this face set"). */
  want(faceSetA: FaceSetId): void {
    this.#wantedA = String(faceSetA)
    this.#picked = false
  }

  /** Whatever is chosen now stays chosen when the list is reloaded. */
  keepChoice(): void {
    this.#picked = true
  }

  /** Chooses face sets and preset for the lists as they are now. */
  fill(faceSets: readonly FaceSet[], presets: readonly Preset[] | undefined): void {
    this.#set(choosePair(faceSets, this.#picked ? { a: this.a, b: this.b } : undefined, this.#wantedA))
    this.preset = choosePreset(presetList(presets), this.preset)
  }

  /** The user chose another face set for `side` (already in `a`/`b` through the select's binding). */
  picked(side: keyof Pair): void {
    this.#picked = true
    this.clear(side === 'a' ? 'faceSetA' : 'faceSetB')
    const pair = keepApart({ a: this.a, b: this.b }, side, this.#last[side])
    if (pair.a !== this.a || pair.b !== this.b) this.clear(side === 'a' ? 'faceSetB' : 'faceSetA')
    this.#set(pair)
  }

  swap(): void {
    this.#picked = true
    this.clear('faceSetA')
    this.clear('faceSetB')
    this.#set({ a: this.b, b: this.a })
  }

  clear(field: ModelField): void {
    if (!(field in this.errors)) return
    const { [field]: _gone, ...rest } = this.errors
    this.errors = rest
  }

  clearErrors(): void {
    this.errors = {}
    this.alert = undefined
  }

  /** The request body, or undefined after putting the errors under their fields. */
  read(): CreateModelRequest | undefined {
    const result = readModelInput({
      faceSetA: this.a,
      faceSetB: this.b,
      preset: this.preset,
      name: this.name,
      maxIterations: this.maxIterations,
      maxIterationsBadInput: this.maxIterationsBadInput,
      targetLoss: this.targetLoss,
      startFrom: this.startFrom,
    })
    if (result.ok) return result.body
    this.errors = result.errors
    return undefined
  }

  showError(error: unknown): void {
    const placed = placeError(error)
    this.errors = placed.errors
    this.alert = placed.alert
  }

  /** Back to the defaults, as when the panel first opened. */
  reset(): void {
    this.#set({ a: '', b: '' })
    this.preset = ''
    this.startFrom = ''
    this.name = ''
    this.maxIterations = ''
    this.maxIterationsBadInput = false
    this.targetLoss = ''
    this.clearErrors()
    this.#picked = false
    this.#wantedA = undefined
  }

  #set(pair: Pair): void {
    this.a = pair.a
    this.b = pair.b
    this.#last = pair
  }
}
