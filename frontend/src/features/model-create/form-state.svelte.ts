/** What the "Train a model" form holds: the choices and the limits as typed, and, as every form, its errors and whether it is sending. */
import type { FaceSet, FaceSetId } from '../../api/model/faceset.ts'
import type { CreateModelRequest, Preset } from '../../api/model/model.ts'
import { FormState } from '../../ui/form-state.svelte.ts'
import { choosePair, choosePreset, keepApart, presetList, type Pair } from './choices.ts'
import { readModelInput, type ModelField } from './form-check.ts'

/** Each field's input, in the order of the page: focus goes to the first with an error. */
const MODEL_INPUTS: Record<ModelField, string> = {
  faceSetA: 'model-faceset-a',
  faceSetB: 'model-faceset-b',
  preset: 'model-preset',
  startFrom: 'model-start-from',
  name: 'model-name',
  maxIterations: 'model-max-iterations',
  targetLoss: 'model-target-loss',
}

export class ModelForm extends FormState<ModelField> {
  a = $state('')
  b = $state('')
  preset = $state('')
  /** An earlier model of the same preset to start from; '' starts afresh. */
  startFrom = $state('')
  name = $state('')
  maxIterations = $state('')
  maxIterationsBadInput = false
  targetLoss = $state('')
  /** Whether the user has picked face sets: a reload then keeps their choice. */
  #picked = false
  #wantedA: string | undefined
  /** The pair as last shown, to tell what a select changed from. */
  #last: Pair = { a: '', b: '' }

  constructor() {
    super(MODEL_INPUTS)
  }

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
    this.clearField(side === 'a' ? 'faceSetA' : 'faceSetB')
    const pair = keepApart({ a: this.a, b: this.b }, side, this.#last[side])
    if (pair.a !== this.a || pair.b !== this.b) this.clearField(side === 'a' ? 'faceSetB' : 'faceSetA')
    this.#set(pair)
  }

  swap(): void {
    this.#picked = true
    this.clearField('faceSetA')
    this.clearField('faceSetB')
    this.#set({ a: this.b, b: this.a })
  }

  /** The request body, or undefined after showing what is wrong under the fields (focus goes to the first). */
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
    this.fail(result.errors)
    return undefined
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
    this.clear()
    this.#picked = false
    this.#wantedA = undefined
  }

  #set(pair: Pair): void {
    this.a = pair.a
    this.b = pair.b
    this.#last = pair
  }
}
