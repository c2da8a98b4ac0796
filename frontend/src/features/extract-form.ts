import { extractFaces } from '../api/facesets.ts'
import type { Job } from '../api/model/job.ts'
import type { Detector, ExtractRequest, FaceSet, MaskName } from '../api/model/faceset.ts'
import { el, find, fragment } from '../ui/dom.ts'
import { FormController } from '../ui/form.ts'
import { detectorLabel, maskLabel } from './faceset-meta.ts'

/** The settings' limits, as the server checks them. */
export const EXTRACT_LIMITS = {
  everyNthFrame: { min: 1, max: 1000 },
  minFaceSize: { min: 16, max: 4096 },
  maxFacesPerFrame: { min: 1, max: 20 },
} as const

/** Detectors offered when the server's list could not be loaded. */
const FALLBACK_DETECTORS: Detector[] = ['haar', 'lbp', 'yunet']

export interface ExtractForm {
  /** Shows these settings (and whether extraction is running, which disables the form). */
  update(faceSet: FaceSet): void
  /** Fills the detector list once the server's capabilities are known. */
  setDetectors(detectors: Detector[], preferred?: Detector): void
  /** Fills the mask list once the server's capabilities are known. */
  setMasks(masks: MaskName[], preferred?: MaskName): void
}

export interface ExtractFormOptions {
  faceSet: () => FaceSet
  /** The server accepted: the set is extracting with this job. */
  onAccepted: (job: Job) => void
}

/** The markup of `#extract-form`; wired by {@link setupExtractForm}. */
export function extractFormMarkup(): DocumentFragment {
  const { everyNthFrame, minFaceSize, maxFacesPerFrame } = EXTRACT_LIMITS
  return fragment(`
    <form id="extract-form" class="form extract-form" novalidate>
      <div id="extract-error" class="form-alert" role="alert" hidden></div>
      <div class="extract-fields">
        <div class="field">
          <label for="extract-every-nth">Scan every <i>n</i>th frame</label>
          <input id="extract-every-nth" name="everyNthFrame" type="number" inputmode="numeric"
                 min="${everyNthFrame.min}" max="${everyNthFrame.max}" step="1" required aria-describedby="extract-every-nth-hint" />
          <p id="extract-every-nth-hint" class="field-hint">${everyNthFrame.min}–${everyNthFrame.max}. 1 scans every frame; higher is faster.</p>
          <p id="extract-every-nth-error" class="field-error" hidden></p>
        </div>
        <div class="field">
          <label for="extract-min-size">Minimum face size (px)</label>
          <input id="extract-min-size" name="minFaceSize" type="number" inputmode="numeric"
                 min="${minFaceSize.min}" max="${minFaceSize.max}" step="1" required aria-describedby="extract-min-size-hint" />
          <p id="extract-min-size-hint" class="field-hint">${minFaceSize.min}–${minFaceSize.max}. Smaller finds distant faces too.</p>
          <p id="extract-min-size-error" class="field-error" hidden></p>
        </div>
        <div class="field">
          <label for="extract-max-faces">Faces per frame, at most</label>
          <input id="extract-max-faces" name="maxFacesPerFrame" type="number" inputmode="numeric"
                 min="${maxFacesPerFrame.min}" max="${maxFacesPerFrame.max}" step="1" required aria-describedby="extract-max-faces-hint" />
          <p id="extract-max-faces-hint" class="field-hint">${maxFacesPerFrame.min}–${maxFacesPerFrame.max}. The largest faces are kept.</p>
          <p id="extract-max-faces-error" class="field-error" hidden></p>
        </div>
        <div class="field">
          <label for="extract-detector">Detector</label>
          <select id="extract-detector" name="detector"></select>
          <p id="extract-detector-error" class="field-error" hidden></p>
        </div>
        <div class="field">
          <label for="extract-mask">Mask</label>
          <select id="extract-mask" name="mask" aria-describedby="extract-mask-hint"></select>
          <p id="extract-mask-hint" class="field-hint">The part of each face that is learnt and swapped.</p>
          <p id="extract-mask-error" class="field-error" hidden></p>
        </div>
      </div>
      <p class="extract-note">The faces in this set are replaced when the new extraction finishes.</p>
      <div class="form-actions">
        <button id="extract-submit" type="submit" class="btn btn-primary">Extract again</button>
        <p id="extract-busy-note" class="field-hint" hidden>Extraction is running.</p>
      </div>
    </form>
  `)
}

/**
 * Wires `#extract-form` ("Extract again"): every n-th frame, minimum face size,
 * faces per frame and detector, starting from the set's current settings.
 * The server's violations show under their fields.
 */
export function setupExtractForm(form: HTMLFormElement, options: ExtractFormOptions): ExtractForm {
  const controller = new FormController(
    form,
    {
      everyNthFrame: 'extract-every-nth',
      minFaceSize: 'extract-min-size',
      maxFacesPerFrame: 'extract-max-faces',
      detector: 'extract-detector',
      mask: 'extract-mask',
    },
    'extract-error',
  )
  const everyNth = find<HTMLInputElement>(form, '#extract-every-nth')
  const minSize = find<HTMLInputElement>(form, '#extract-min-size')
  const maxFaces = find<HTMLInputElement>(form, '#extract-max-faces')
  const detector = find<HTMLSelectElement>(form, '#extract-detector')
  const mask = find<HTMLSelectElement>(form, '#extract-mask')
  const submit = find<HTMLButtonElement>(form, '#extract-submit')
  const busyNote = find(form, '#extract-busy-note')
  // FormController clears a field's error on `input`; a select also sends `change`.
  detector.addEventListener('change', () => controller.clearField('detector'))
  mask.addEventListener('change', () => controller.clearField('mask'))

  let busy = false
  let extracting = false
  /** Whether the user has typed: fresh settings from the server then leave the fields alone. */
  let edited = false
  form.addEventListener('input', () => {
    edited = true
  })

  const syncDisabled = (): void => {
    submit.disabled = busy || extracting
    busyNote.hidden = !extracting || busy
  }

  const setDetectors = (list: Detector[], preferred?: Detector): void => {
    const current = detector.value || preferred || options.faceSet().detector
    const names = list.length > 0 ? [...list] : [...FALLBACK_DETECTORS]
    // The set's own detector stays choosable even when the server no longer lists it.
    if (current && !names.includes(current)) names.push(current)
    detector.replaceChildren(...names.map((name) => el('option', { value: name }, detectorLabel(name))))
    detector.value = current
  }

  const setMasks = (list: MaskName[], preferred?: MaskName): void => {
    const current = mask.value || preferred || options.faceSet().mask || 'hull'
    const names = list.length > 0 ? [...list] : ['hull']
    if (current && !names.includes(current)) names.push(current)
    mask.replaceChildren(...names.map((name) => el('option', { value: name }, maskLabel(name))))
    mask.value = current
  }

  const update = (faceSet: FaceSet): void => {
    extracting = faceSet.status === 'EXTRACTING'
    if (!edited) {
      everyNth.value = String(faceSet.everyNthFrame)
      minSize.value = String(faceSet.minFaceSize)
      maxFaces.value = String(faceSet.maxFacesPerFrame)
      if ([...detector.options].some((option) => option.value === faceSet.detector)) detector.value = faceSet.detector
      if ([...mask.options].some((option) => option.value === faceSet.mask)) mask.value = faceSet.mask
    }
    syncDisabled()
  }

  /** A whole number, or `undefined` (server default) for an empty field; `null` when unreadable. */
  const readInt = (input: HTMLInputElement): number | undefined | null => {
    if (input.validity.badInput) return null
    const text = input.value.trim()
    if (text === '') return undefined
    const value = Number(text)
    return Number.isInteger(value) ? value : null
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    if (busy || extracting) return
    controller.clearErrors()
    const body: ExtractRequest = {}
    let invalid = false
    const read = (name: 'everyNthFrame' | 'minFaceSize' | 'maxFacesPerFrame', input: HTMLInputElement): void => {
      const value = readInt(input)
      if (value === null) {
        controller.setFieldError(name, 'Enter a whole number.')
        invalid = true
      } else if (value !== undefined) {
        body[name] = value
      }
    }
    read('everyNthFrame', everyNth)
    read('minFaceSize', minSize)
    read('maxFacesPerFrame', maxFaces)
    if (detector.value) body.detector = detector.value
    if (mask.value) body.mask = mask.value
    if (invalid) {
      controller.focusFirstInvalid()
      return
    }
    busy = true
    controller.setBusy(true, 'Starting…')
    try {
      const job = await extractFaces(options.faceSet().id, body)
      busy = false
      controller.setBusy(false)
      edited = false
      options.onAccepted(job)
    } catch (error) {
      busy = false
      controller.setBusy(false)
      controller.showError(error)
    }
    syncDisabled()
  })

  setDetectors([], options.faceSet().detector)
  setMasks([], options.faceSet().mask)
  update(options.faceSet())
  return { update, setDetectors, setMasks }
}
