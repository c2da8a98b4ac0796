import { listFaceSets } from '../api/facesets.ts'
import type { FaceSet, FaceSetId } from '../api/model/faceset.ts'
import type { CreateModelRequest, FaceModel, Preset } from '../api/model/model.ts'
import { createModel, listPresets } from '../api/models.ts'
import { el, find, fragment } from '../ui/dom.ts'
import { FormController, messageOf } from '../ui/form.ts'
import { formatCount } from '../ui/format.ts'
import { icons } from '../ui/icons.ts'
import { faceCountText, faceSetPagePath } from './faceset-meta.ts'
import { DEFAULT_PRESET, FALLBACK_PRESETS, presetLabel, sortPresets } from './model-meta.ts'

/** Said after a preset's own description, so that no one trains a real swap on the wrong one. */
const PRESET_NOTES: Record<string, string> = {
  tiny: 'Not for real swaps: its small faces stay blurry.',
  original: 'Slow without a GPU.',
  hq: 'Slow without a GPU.',
}

/** A face set can train a model once it is READY with at least this many faces. */
export const MIN_TRAIN_FACES = 2

export function isUsableFaceSet(faceSet: FaceSet): boolean {
  return faceSet.status === 'READY' && faceSet.faceCount >= MIN_TRAIN_FACES
}

export interface ModelCreate {
  /** Opens the panel (loading the face sets afresh); `faceSetA` preselects person A. */
  open(options?: { faceSetA?: FaceSetId; scroll?: boolean }): void
  close(restoreFocus: boolean): void
  isOpen(): boolean
  /** The face sets may have changed (e.g. an extraction finished): reload them if the panel is open. */
  faceSetsChanged(): void
  dispose(): void
}

export interface ModelCreateOptions {
  /** The button that opens the panel; it gets focus back when the panel closes. */
  trigger: HTMLButtonElement
  /** The server accepted: training has started. */
  onCreated: (model: FaceModel) => void
}

/**
 * The "Train a model" panel (`#new-model-panel`): when two usable face sets
 * exist, the `#new-model-form` with face set A and B (the two newest
 * preselected), the preset (lite by default, each described) and optional
 * name and limits, so that with the defaults one click starts training.
 * With fewer, it says what to do first. The server's violations show under
 * their fields.
 */
export function setupModelCreate(panel: HTMLElement, options: ModelCreateOptions): ModelCreate {
  const { trigger } = options
  panel.id = 'new-model-panel'
  panel.classList.add('merge-panel', 'model-create')
  panel.setAttribute('aria-labelledby', 'new-model-title')
  panel.hidden = true
  panel.replaceChildren(
    fragment(`
      <div class="model-create-head">
        <div class="merge-head">
          <h3 id="new-model-title" class="merge-title">Train a model</h3>
          <p class="merge-hint">The model learns to draw both faces. Once trained, it puts face B where face A was.</p>
        </div>
        <button type="button" class="btn btn-ghost btn-icon model-create-close" aria-label="Close">${icons.close}</button>
      </div>
      <p class="model-create-loading video-loading" hidden><span class="spinner" aria-hidden="true"></span>Loading your face sets…</p>
      <div id="new-model-unavailable" class="model-create-unavailable" hidden></div>
      <form id="new-model-form" class="form model-create-form" novalidate hidden>
        <div id="new-model-error" class="form-alert" role="alert" hidden></div>
        <div class="model-create-pair">
          <div class="field">
            <label for="model-faceset-a">Face set A</label>
            <select id="model-faceset-a" name="faceSetA" aria-describedby="model-faceset-a-hint"></select>
            <p id="model-faceset-a-hint" class="field-hint">The face to replace</p>
            <p id="model-faceset-a-error" class="field-error" hidden></p>
          </div>
          <button id="model-swap-sets" type="button" class="btn btn-ghost btn-icon model-swap-sets" aria-label="Swap face sets A and B" title="Swap A and B">${icons.swap}</button>
          <div class="field">
            <label for="model-faceset-b">Face set B</label>
            <select id="model-faceset-b" name="faceSetB" aria-describedby="model-faceset-b-hint"></select>
            <p id="model-faceset-b-hint" class="field-hint">The face to put in its place</p>
            <p id="model-faceset-b-error" class="field-error" hidden></p>
          </div>
        </div>
        <div class="field">
          <label for="model-preset">Preset</label>
          <select id="model-preset" name="preset" aria-describedby="model-preset-hint"></select>
          <p id="model-preset-hint" class="field-hint model-preset-hint"></p>
          <p id="model-preset-error" class="field-error" hidden></p>
        </div>
        <fieldset class="model-create-options">
          <legend>Optional</legend>
          <div class="model-create-options-grid">
            <div class="field model-name-field">
              <label for="model-name">Name</label>
              <input id="model-name" name="name" type="text" autocomplete="off" maxlength="255" placeholder="Named after the face sets" />
              <p id="model-name-error" class="field-error" hidden></p>
            </div>
            <div class="field">
              <label for="model-max-iterations">Stop after iterations</label>
              <input id="model-max-iterations" name="maxIterations" type="number" inputmode="numeric" min="1" step="1" placeholder="No limit" aria-describedby="model-max-iterations-hint" />
              <p id="model-max-iterations-hint" class="field-hint">e.g. 20,000</p>
              <p id="model-max-iterations-error" class="field-error" hidden></p>
            </div>
            <div class="field">
              <label for="model-target-loss">Stop at loss</label>
              <input id="model-target-loss" name="targetLoss" type="text" inputmode="decimal" autocomplete="off" placeholder="None" aria-describedby="model-target-loss-hint" />
              <p id="model-target-loss-hint" class="field-hint">Between 0 and 1, e.g. 0.03</p>
              <p id="model-target-loss-error" class="field-error" hidden></p>
            </div>
          </div>
          <p class="field-hint model-create-default-note">Left empty, training goes on until the loss stops improving (by less than 1&nbsp;% over 5,000 iterations) or you stop it. You can stop and resume at any time.</p>
        </fieldset>
        <div class="form-actions">
          <button id="model-create-submit" type="submit" class="btn btn-primary">Start training</button>
          <button id="model-create-cancel" type="button" class="btn btn-ghost">Cancel</button>
        </div>
      </form>
    `),
  )

  const form = find<HTMLFormElement>(panel, '#new-model-form')
  const loading = find(panel, '.model-create-loading')
  const unavailable = find(panel, '#new-model-unavailable')
  const selectA = find<HTMLSelectElement>(form, '#model-faceset-a')
  const selectB = find<HTMLSelectElement>(form, '#model-faceset-b')
  const hintA = find(form, '#model-faceset-a-hint')
  const hintB = find(form, '#model-faceset-b-hint')
  const presetSelect = find<HTMLSelectElement>(form, '#model-preset')
  const presetHint = find(form, '#model-preset-hint')
  const maxIterations = find<HTMLInputElement>(form, '#model-max-iterations')
  const targetLoss = find<HTMLInputElement>(form, '#model-target-loss')
  const controller = new FormController(
    form,
    {
      faceSetA: 'model-faceset-a',
      faceSetB: 'model-faceset-b',
      preset: 'model-preset',
      name: 'model-name',
      maxIterations: 'model-max-iterations',
      targetLoss: 'model-target-loss',
    },
    'new-model-error',
  )
  trigger.setAttribute('aria-controls', panel.id)
  trigger.setAttribute('aria-expanded', 'false')

  let faceSets: FaceSet[] | undefined
  let presets: Preset[] | undefined
  let opened = false
  let busy = false
  /** Whether the user has picked face sets: a reload then keeps their choice. */
  let picked = false
  let wantedA: FaceSetId | undefined
  let loadController: AbortController | undefined
  const lifetime = new AbortController()

  // --- Face sets -------------------------------------------------------------

  const usable = (): FaceSet[] => (faceSets ?? []).filter(isUsableFaceSet)

  const optionFor = (faceSet: FaceSet): HTMLOptionElement => {
    const ok = isUsableFaceSet(faceSet)
    const why = ok ? '' : faceSet.status === 'EXTRACTING' ? ' (still extracting)' : faceSet.status === 'FAILED' ? ' (failed)' : ' (too few faces)'
    return el('option', { value: String(faceSet.id), disabled: !ok }, `${faceSet.name}${why}`)
  }

  /** Under each select: what the set is for, and how many faces it has. */
  const describeSets = (): void => {
    const describe = (select: HTMLSelectElement, hint: HTMLElement, role: string): void => {
      const faceSet = (faceSets ?? []).find((item) => String(item.id) === select.value)
      hint.textContent = faceSet ? `${role} · ${faceCountText(faceSet.faceCount)}` : role
    }
    describe(selectA, hintA, 'The face to replace')
    describe(selectB, hintB, 'The face to put in its place')
  }

  const fillSelects = (): void => {
    const list = usable()
    const others = (faceSets ?? []).filter((faceSet) => !isUsableFaceSet(faceSet))
    const keepA = picked ? selectA.value : ''
    const keepB = picked ? selectB.value : ''
    for (const select of [selectA, selectB]) {
      select.replaceChildren(...list.map(optionFor), ...others.map(optionFor))
    }
    const has = (id: string | undefined): id is string => !!id && list.some((faceSet) => String(faceSet.id) === id)
    // Newest first from the server: the older of the two newest is A (usually uploaded first), the newer B.
    let a = has(keepA) ? keepA : has(wantedA === undefined ? undefined : String(wantedA)) ? String(wantedA) : String(list[1]?.id ?? list[0]?.id ?? '')
    let b = has(keepB) && keepB !== a ? keepB : String(list.find((faceSet) => String(faceSet.id) !== a)?.id ?? '')
    if (a === b) b = ''
    selectA.value = a
    selectB.value = b
    describeSets()
  }

  /** Says what to do when fewer than two face sets can train; returns whether the form can be shown. */
  const showAvailability = (): boolean => {
    const list = usable()
    if (list.length >= 2) {
      unavailable.hidden = true
      form.hidden = false
      return true
    }
    form.hidden = true
    const pending = (faceSets ?? []).filter((faceSet) => faceSet.status === 'EXTRACTING').length
    const parts: (Node | string)[] = []
    if (list.length === 1) {
      const only = list[0]!
      parts.push(
        el(
          'p',
          {},
          'A model needs a face set of each person, and you have one ready: ',
          el('a', { href: faceSetPagePath(only.id) }, only.name),
          '.',
        ),
      )
    } else {
      parts.push(el('p', {}, 'A model needs two face sets with faces, one of each person, and you have none ready yet.'))
    }
    parts.push(
      el(
        'p',
        {},
        list.length === 1
          ? 'Upload a clip of the other person under Videos: Doppel finds the faces in it and makes the second face set.'
          : 'Upload a clip of each person under Videos: Doppel finds the faces in each and makes a face set of them.',
      ),
    )
    if (pending > 0) {
      parts.push(el('p', { class: 'field-hint' }, pending === 1 ? 'One face set is still being extracted: it can be chosen once it is ready.' : `${formatCount(pending)} face sets are still being extracted: they can be chosen once they are ready.`))
    }
    const tooFew = (faceSets ?? []).filter((faceSet) => faceSet.status === 'READY' && faceSet.faceCount < MIN_TRAIN_FACES).length
    if (tooFew > 0) {
      parts.push(el('p', { class: 'field-hint' }, `A face set needs at least ${MIN_TRAIN_FACES} faces to train on; ${tooFew === 1 ? 'one of yours has' : `${formatCount(tooFew)} of yours have`} fewer. Try extracting it again with other settings.`))
    }
    const videos = el('a', { class: 'btn btn-secondary btn-sm', href: '#library-videos' }, 'Go to Videos')
    videos.addEventListener('click', (event) => {
      event.preventDefault()
      const section = document.getElementById('library-videos')
      section?.scrollIntoView({ behavior: 'smooth', block: 'start' })
      section?.querySelector<HTMLElement>('button, input, a[href]')?.focus({ preventScroll: true })
    })
    unavailable.replaceChildren(el('div', { class: 'notice model-create-notice' }, el('div', { class: 'model-create-notice-text' }, ...parts)), el('p', {}, videos))
    unavailable.hidden = false
    return false
  }

  // --- Presets ---------------------------------------------------------------

  const fillPresets = (): void => {
    const list = sortPresets(presets && presets.length > 0 ? presets : FALLBACK_PRESETS)
    const keep = presetSelect.value
    presetSelect.replaceChildren(...list.map((preset) => el('option', { value: preset.name }, presetLabel(preset.name))))
    const names = list.map((preset) => preset.name)
    presetSelect.value = names.includes(keep) ? keep : names.includes(DEFAULT_PRESET) ? DEFAULT_PRESET : (names[0] ?? '')
    describePreset()
  }

  const describePreset = (): void => {
    const list = presets && presets.length > 0 ? presets : FALLBACK_PRESETS
    const preset = list.find((item) => item.name === presetSelect.value)
    if (!preset) {
      presetHint.textContent = ''
      return
    }
    const facts: string[] = []
    if (preset.inputSize > 0) facts.push(`${preset.inputSize} px faces`)
    if (preset.loss) facts.push(preset.loss === 'mae' ? 'MAE loss' : preset.loss === 'dssim+mse' ? 'DSSIM + MSE loss' : `${preset.loss} loss`)
    const note = PRESET_NOTES[preset.name] ?? ''
    presetHint.textContent = `${preset.description.trim()}${facts.length > 0 ? ` (${facts.join(', ')})` : ''}${note ? ` ${note}` : ''}`
  }
  presetSelect.addEventListener('change', () => {
    controller.clearField('preset')
    describePreset()
  })

  // --- Loading ---------------------------------------------------------------

  const load = async (): Promise<void> => {
    loadController?.abort()
    const current = new AbortController()
    loadController = current
    lifetime.signal.addEventListener('abort', () => current.abort(), { once: true })
    if (!faceSets) {
      loading.hidden = false
      form.hidden = true
      unavailable.hidden = true
    }
    const presetsLoad = presets ? Promise.resolve(presets) : listPresets(current.signal).catch(() => undefined)
    try {
      const [list, presetList] = await Promise.all([listFaceSets(current.signal), presetsLoad])
      if (current.signal.aborted) return
      faceSets = list
      if (presetList && presetList.length > 0) presets = presetList
      loading.hidden = true
      fillPresets()
      fillSelects()
      if (opened) {
        const wasHidden = form.hidden
        if (showAvailability() && wasHidden && !busy) selectA.focus()
      }
    } catch (error) {
      if (current.signal.aborted) return
      loading.hidden = true
      if (faceSets) return
      unavailable.replaceChildren(el('p', { class: 'status-error', role: 'alert' }, `Could not load your face sets. ${messageOf(error)} `))
      const retry = el('button', { type: 'button', class: 'btn btn-link' }, 'Try again')
      retry.addEventListener('click', () => void load())
      unavailable.firstElementChild!.append(retry)
      unavailable.hidden = false
    } finally {
      if (loadController === current) loadController = undefined
    }
  }

  // --- Open and close --------------------------------------------------------

  const open = ({ faceSetA, scroll = false }: { faceSetA?: FaceSetId; scroll?: boolean } = {}): void => {
    if (faceSetA !== undefined) {
      wantedA = faceSetA
      picked = false
    }
    if (!opened) {
      opened = true
      panel.hidden = false
      trigger.setAttribute('aria-expanded', 'true')
      controller.clearErrors()
    }
    if (faceSets) {
      loading.hidden = true
      fillPresets()
      fillSelects()
      showAvailability()
    }
    if (scroll) panel.scrollIntoView({ behavior: 'smooth', block: 'nearest' })
    // The form is filled in: A is a fine place to start (Start training is one Tab away).
    if (!form.hidden) selectA.focus({ preventScroll: scroll })
    else find<HTMLButtonElement>(panel, '.model-create-close').focus({ preventScroll: scroll })
    void load()
  }

  const close = (restoreFocus: boolean): void => {
    if (!opened || busy) return
    opened = false
    panel.hidden = true
    trigger.setAttribute('aria-expanded', 'false')
    form.reset()
    controller.clearErrors()
    picked = false
    wantedA = undefined
    loadController?.abort()
    if (restoreFocus) trigger.focus()
  }

  find(panel, '.model-create-close').addEventListener('click', () => close(true))
  find(form, '#model-create-cancel').addEventListener('click', () => close(true))
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !busy) {
      event.preventDefault()
      close(true)
    }
  })

  // Choosing for A the set B had (or the other way round) swaps them, so they stay different.
  let lastA = ''
  let lastB = ''
  const remember = (): void => {
    lastA = selectA.value
    lastB = selectB.value
  }
  selectA.addEventListener('focus', remember)
  selectB.addEventListener('focus', remember)
  selectA.addEventListener('change', () => {
    picked = true
    controller.clearField('faceSetA')
    if (selectA.value === selectB.value && lastA && lastA !== selectA.value) {
      selectB.value = lastA
      controller.clearField('faceSetB')
    }
    remember()
    describeSets()
  })
  selectB.addEventListener('change', () => {
    picked = true
    controller.clearField('faceSetB')
    if (selectA.value === selectB.value && lastB && lastB !== selectB.value) {
      selectA.value = lastB
      controller.clearField('faceSetA')
    }
    remember()
    describeSets()
  })
  find(form, '#model-swap-sets').addEventListener('click', () => {
    const a = selectA.value
    selectA.value = selectB.value
    selectB.value = a
    picked = true
    controller.clearField('faceSetA')
    controller.clearField('faceSetB')
    remember()
    describeSets()
  })

  // --- Submit ----------------------------------------------------------------

  /** Checks what the browser can; returns the body, or undefined after showing the errors. */
  const readForm = (): CreateModelRequest | undefined => {
    let ok = true
    const a = selectA.value
    const b = selectB.value
    if (!a) {
      controller.setFieldError('faceSetA', 'Choose the face set of person A.')
      ok = false
    }
    if (!b) {
      controller.setFieldError('faceSetB', 'Choose the face set of person B.')
      ok = false
    } else if (a === b) {
      controller.setFieldError('faceSetB', 'Choose two different face sets: the model learns one person from each.')
      ok = false
    }
    const body: CreateModelRequest = { faceSetA: a, faceSetB: b, preset: presetSelect.value || DEFAULT_PRESET }
    const name = controller.value('name').trim()
    if (name) body.name = name

    const iterationsText = maxIterations.value.trim()
    if (maxIterations.validity.badInput) {
      controller.setFieldError('maxIterations', 'Enter a whole number of iterations, or leave it empty.')
      ok = false
    } else if (iterationsText !== '') {
      const value = Number(iterationsText)
      if (!Number.isInteger(value) || value < 1) {
        controller.setFieldError('maxIterations', 'Enter a whole number, at least 1.')
        ok = false
      } else {
        body.maxIterations = value
      }
    }

    const lossText = targetLoss.value.trim().replace(',', '.')
    if (lossText !== '') {
      const value = Number(lossText)
      if (!Number.isFinite(value) || value <= 0 || value >= 1) {
        controller.setFieldError('targetLoss', 'Enter a loss between 0 and 1, e.g. 0.03, or leave it empty.')
        ok = false
      } else {
        body.targetLoss = value
      }
    }
    if (!ok) controller.focusFirstInvalid()
    return ok ? body : undefined
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    if (busy) return
    controller.clearErrors()
    const body = readForm()
    if (!body) return
    // Whatever is chosen now stays chosen when the list is reloaded.
    picked = true
    busy = true
    controller.setBusy(true, 'Starting…')
    try {
      const model = await createModel(body)
      busy = false
      controller.setBusy(false)
      close(false)
      options.onCreated(model)
    } catch (error) {
      busy = false
      controller.setBusy(false)
      controller.showError(error)
      // A set may have changed meanwhile (deleted, re-extracting): show the list as it is now.
      void load()
    }
  })

  // Ready before the first click, so opening shows the filled-in form at once.
  void load()

  return {
    open,
    close,
    isOpen: () => opened,
    faceSetsChanged: () => {
      if (opened && !busy) void load()
    },
    dispose: () => {
      lifetime.abort()
    },
  }
}
