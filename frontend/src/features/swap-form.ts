import type { FaceSet } from '../api/model/faceset.ts'
import { isTraining, type FaceModel } from '../api/model/model.ts'
import type { CreateSwapRequest, SwapDirection, SwapOptionsRequest } from '../api/model/result.ts'
import type { Video } from '../api/model/video.ts'
import { createSwap } from '../api/results.ts'
import { listVideos } from '../api/videos.ts'
import { nameSubject, refreshJobs } from '../jobs.ts'
import { navigate } from '../router.ts'
import { el, find, fragment } from '../ui/dom.ts'
import { FormController, messageOf } from '../ui/form.ts'
import { formatCount, formatDuration, formatResolution } from '../ui/format.ts'
import { showToast } from '../ui/toast.ts'
import { watchNewVideos } from './new-videos.ts'
import {
  BLEND_CHOICES,
  blendLabel,
  COLOUR_CHOICES,
  colourLabel,
  directionText,
  FACES_CHOICES,
  facesLabel,
  resultPagePath,
} from './result-meta.ts'

/** The options' limits and defaults, as the server has them. */
export const SWAP_LIMITS = {
  maskErode: { min: 0, max: 20, default: 3 },
  maskFeather: { min: 0, max: 30, default: 8 },
  fineTuneIterations: { min: 0, max: 100_000, default: 0 },
} as const

/** The URL fragment that brings the form into view (`/models/:id#swap`). */
export const SWAP_HASH = '#swap'

type NumberOption = keyof typeof SWAP_LIMITS

export interface SwapForm {
  /** Shows the model afresh: the form appears once it has a checkpoint. */
  update(model: FaceModel): void
  /** Scrolls the section into view and moves focus to it. */
  reveal(): void
}

export interface SwapFormOptions {
  model: () => FaceModel
  /** The model's two face sets (undefined when one could not be loaded): their names and source videos. */
  faceSets: { a: Promise<FaceSet | undefined>; b: Promise<FaceSet | undefined> }
  signal: AbortSignal
}

/**
 * The model page's "Swap a video" section (`#swap-section`). Until the model
 * has a checkpoint it only says so; then `#swap-form`: the video (one the
 * model did not learn from, where there is one), the direction (named after
 * the face sets, following the video), colour matching, blending, the mask,
 * the visible label and optional fine-tuning. On 201 it opens the result.
 */
export function setupSwapForm(section: HTMLElement, options: SwapFormOptions): SwapForm {
  const { signal } = options
  const { maskErode, maskFeather, fineTuneIterations } = SWAP_LIMITS
  section.id = 'swap-section'
  section.classList.add('card', 'swap-section')
  section.setAttribute('aria-labelledby', 'swap-title')
  section.tabIndex = -1
  section.replaceChildren(
    fragment(`
      <div class="card-heading">
        <h2 id="swap-title" class="card-title">Swap a video</h2>
        <p id="swap-summary" class="card-summary"></p>
      </div>
      <p class="swap-loading video-loading" hidden><span class="spinner" aria-hidden="true"></span>Loading your videos…</p>
      <div id="swap-unavailable" class="swap-unavailable" hidden></div>
      <form id="swap-form" class="form swap-form" novalidate hidden>
        <div id="swap-error" class="form-alert" role="alert" hidden></div>
        <div class="swap-main">
          <div class="field">
            <label for="swap-video">Video</label>
            <select id="swap-video" name="video" aria-describedby="swap-video-hint"></select>
            <p id="swap-video-hint" class="field-hint"></p>
            <p id="swap-video-error" class="field-error" hidden></p>
          </div>
          <div class="field">
            <label for="swap-direction">Swap</label>
            <select id="swap-direction" name="direction" aria-describedby="swap-direction-hint">
              <option value="A_TO_B"></option>
              <option value="B_TO_A"></option>
            </select>
            <p id="swap-direction-hint" class="field-hint"></p>
            <p id="swap-direction-error" class="field-error" hidden></p>
          </div>
          <div class="field">
            <label for="swap-faces">Faces to swap</label>
            <select id="swap-faces" name="faces" aria-describedby="swap-faces-hint"></select>
            <p id="swap-faces-hint" class="field-hint">With several people in the video, choose whose faces change.</p>
            <p id="swap-faces-error" class="field-error" hidden></p>
          </div>
        </div>
        <fieldset class="model-create-options">
          <legend>Blending</legend>
          <div class="swap-options-grid">
            <div class="field">
              <label for="swap-colour">Colours</label>
              <select id="swap-colour" name="colour"></select>
              <p id="swap-colour-error" class="field-error" hidden></p>
            </div>
            <div class="field">
              <label for="swap-blend">Edges</label>
              <select id="swap-blend" name="blend" aria-describedby="swap-blend-hint"></select>
              <p id="swap-blend-hint" class="field-hint">Seamless cloning also evens out the light across the edge.</p>
              <p id="swap-blend-error" class="field-error" hidden></p>
            </div>
            <div class="field">
              <label for="swap-erode">Shrink the mask (%)</label>
              <input id="swap-erode" name="maskErode" type="number" inputmode="numeric" min="${maskErode.min}" max="${maskErode.max}" step="1"
                     value="${maskErode.default}" aria-describedby="swap-erode-hint" />
              <p id="swap-erode-hint" class="field-hint">${maskErode.min}–${maskErode.max} % of the face width. More keeps the original's outline.</p>
              <p id="swap-erode-error" class="field-error" hidden></p>
            </div>
            <div class="field">
              <label for="swap-feather">Soften the edge (%)</label>
              <input id="swap-feather" name="maskFeather" type="number" inputmode="numeric" min="${maskFeather.min}" max="${maskFeather.max}" step="1"
                     value="${maskFeather.default}" aria-describedby="swap-feather-hint" />
              <p id="swap-feather-hint" class="field-hint">${maskFeather.min}–${maskFeather.max} % of the face width.</p>
              <p id="swap-feather-error" class="field-error" hidden></p>
            </div>
          </div>
        </fieldset>
        <div class="swap-extra">
          <div class="field">
            <label for="swap-finetune">Fine-tune first (iterations, 0 = quick swap, no training)</label>
            <input id="swap-finetune" name="fineTuneIterations" type="number" inputmode="numeric" min="${fineTuneIterations.min}" max="${fineTuneIterations.max}" step="1"
                   value="${fineTuneIterations.default}" aria-describedby="swap-finetune-hint" />
            <p id="swap-finetune-hint" class="field-hint">Up to ${formatCount(fineTuneIterations.max)}. Training first takes longer, and can sharpen the faces.</p>
            <p id="swap-finetune-error" class="field-error" hidden></p>
          </div>
          <div class="swap-label-field">
            <div class="consent">
              <input id="swap-label" name="label" type="checkbox" checked aria-describedby="swap-label-hint" />
              <label for="swap-label">Show an “AI-generated” label in the corner</label>
            </div>
            <p id="swap-label-hint" class="field-hint">The file is always tagged as AI-generated in its metadata, label or not.</p>
            <p id="swap-label-error" class="field-error" hidden></p>
          </div>
        </div>
        <div class="form-actions">
          <button id="swap-submit" type="submit" class="btn btn-primary">Swap video</button>
        </div>
      </form>
    `),
  )

  const summary = find(section, '#swap-summary')
  const loading = find(section, '.swap-loading')
  const unavailable = find(section, '#swap-unavailable')
  const form = find<HTMLFormElement>(section, '#swap-form')
  const videoSelect = find<HTMLSelectElement>(form, '#swap-video')
  const videoHint = find(form, '#swap-video-hint')
  const directionSelect = find<HTMLSelectElement>(form, '#swap-direction')
  const facesSelect = find<HTMLSelectElement>(form, '#swap-faces')
  const facesHint = find<HTMLElement>(form, '#swap-faces-hint')
  const directionHint = find(form, '#swap-direction-hint')
  const colourSelect = find<HTMLSelectElement>(form, '#swap-colour')
  const blendSelect = find<HTMLSelectElement>(form, '#swap-blend')
  const labelBox = find<HTMLInputElement>(form, '#swap-label')
  const numbers: Record<NumberOption, HTMLInputElement> = {
    maskErode: find<HTMLInputElement>(form, '#swap-erode'),
    maskFeather: find<HTMLInputElement>(form, '#swap-feather'),
    fineTuneIterations: find<HTMLInputElement>(form, '#swap-finetune'),
  }
  colourSelect.replaceChildren(...COLOUR_CHOICES.map((value) => el('option', { value }, colourLabel(value))))
  blendSelect.replaceChildren(...BLEND_CHOICES.map((value) => el('option', { value }, blendLabel(value))))
  const controller = new FormController(
    form,
    {
      video: 'swap-video',
      direction: 'swap-direction',
      faces: 'swap-faces',
      colour: 'swap-colour',
      blend: 'swap-blend',
      maskErode: 'swap-erode',
      maskFeather: 'swap-feather',
      label: 'swap-label',
      fineTuneIterations: 'swap-finetune',
    },
    'swap-error',
  )

  let model = options.model()
  let videos: Video[] | undefined
  let videosLoading = false
  /** A refresh of the list (after an upload elsewhere) is on its way; another is due once it is here. */
  let refreshing = false
  let refreshAgain = false
  let faceSetA: FaceSet | undefined
  let faceSetB: FaceSet | undefined
  /** Once the user has chosen, later arrivals (face sets, the video list) leave the choice alone. */
  let pickedVideo = false
  let pickedDirection = false
  let busy = false

  // --- Choices -----------------------------------------------------------------

  const isSourceOf = (faceSet: FaceSet | undefined, videoId: string): boolean =>
    faceSet?.videoId !== null && faceSet?.videoId !== undefined && String(faceSet.videoId) === videoId

  const names = (): { a?: string; b?: string } => ({ a: faceSetA?.name, b: faceSetB?.name })

  /** `keepShown`: the video shown stays chosen (a list refreshed under the user's eyes), not only a picked one. */
  const fillVideos = (keepShown = false): void => {
    const list = videos ?? []
    const keep = pickedVideo || keepShown ? videoSelect.value : ''
    videoSelect.replaceChildren(
      ...list.map((video) => {
        const id = String(video.id)
        const source = isSourceOf(faceSetA, id) ? ' (face set A’s video)' : isSourceOf(faceSetB, id) ? ' (face set B’s video)' : ''
        return el('option', { value: id }, `${video.name}${source}`)
      }),
    )
    const has = (id: string): boolean => list.some((video) => String(video.id) === id)
    // Newest first from the server; one the model did not learn from shows the swap best.
    const fresh = list.find((video) => !isSourceOf(faceSetA, String(video.id)) && !isSourceOf(faceSetB, String(video.id)))
    videoSelect.value = keep && has(keep) ? keep : String((fresh ?? list[0])?.id ?? '')
    describeVideo()
  }

  const describeVideo = (): void => {
    const video = videos?.find((item) => String(item.id) === videoSelect.value)
    videoHint.textContent = video
      ? `${formatDuration(video.durationSeconds)} · ${formatResolution(video.width, video.height)}${video.hasAudio ? ' · with audio' : ''}`
      : ''
    videoHint.hidden = !video
  }

  const fillDirections = (): void => {
    for (const option of directionSelect.options) option.textContent = directionText(option.value, names())
    // The video shows person B: B's face is the one to replace.
    if (!pickedDirection) directionSelect.value = isSourceOf(faceSetB, videoSelect.value) ? 'B_TO_A' : 'A_TO_B'
    describeDirection()
  }

  const describeDirection = (): void => {
    const { a = 'A', b = 'B' } = names()
    const [from, to] = directionSelect.value === 'B_TO_A' ? [b, a] : [a, b]
    directionHint.textContent = `Faces of ${from} in the video become ${to}’s.`
    const picked = facesSelect.value || 'largest'
    facesSelect.replaceChildren(...FACES_CHOICES.map((value) => el('option', { value }, facesLabel(value, from))))
    facesSelect.value = picked
    // Faces are found as the source person's face set found them: smaller ones stay as they are.
    const source = directionSelect.value === 'B_TO_A' ? faceSetB : faceSetA
    facesHint.textContent = source
      ? `With several people in the video, choose whose faces change. Faces under ${source.minFaceSize} px (the minimum of ${from}’s face set) stay as they are.`
      : 'With several people in the video, choose whose faces change.'
  }

  videoSelect.addEventListener('change', () => {
    pickedVideo = true
    controller.clearField('video')
    describeVideo()
    fillDirections()
  })
  directionSelect.addEventListener('change', () => {
    pickedDirection = true
    controller.clearField('direction')
    describeDirection()
  })
  facesSelect.addEventListener('change', () => controller.clearField('faces'))
  colourSelect.addEventListener('change', () => controller.clearField('colour'))
  blendSelect.addEventListener('change', () => controller.clearField('blend'))
  labelBox.addEventListener('change', () => controller.clearField('label'))

  options.faceSets.a.then((faceSet) => {
    if (signal.aborted) return
    faceSetA = faceSet
    fillVideos()
    fillDirections()
  })
  options.faceSets.b.then((faceSet) => {
    if (signal.aborted) return
    faceSetB = faceSet
    fillVideos()
    fillDirections()
  })

  // --- Availability --------------------------------------------------------------

  const loadVideos = async (): Promise<void> => {
    if (videosLoading) return
    videosLoading = true
    loading.hidden = false
    unavailable.hidden = true
    try {
      const list = await listVideos(signal)
      if (signal.aborted) return
      videos = list
      fillVideos()
      fillDirections()
      // News of a video that came while the list was on its way: it may not be in it.
      if (refreshAgain) void refreshVideos()
    } catch (error) {
      if (signal.aborted) return
      const retry = el('button', { type: 'button', class: 'btn btn-link' }, 'Try again')
      retry.addEventListener('click', () => void loadVideos())
      unavailable.replaceChildren(el('p', { class: 'status-error', role: 'alert' }, `Could not load your videos. ${messageOf(error)} `, retry))
    } finally {
      videosLoading = false
      if (!signal.aborted) {
        loading.hidden = true
        render()
      }
    }
  }

  // A video uploaded meanwhile (in another tab too) joins the list; the one chosen stays chosen.
  const refreshVideos = async (): Promise<void> => {
    if (videos === undefined || refreshing) {
      // The first list (or a refresh) is on its way: look again once it is here.
      refreshAgain = videosLoading || refreshing
      return
    }
    refreshing = true
    refreshAgain = false
    try {
      const list = await listVideos(signal)
      if (signal.aborted) return
      videos = list
      fillVideos(true)
      fillDirections()
      render()
    } catch {
      // The list shown stays; the next upload or reconnect tries again.
    } finally {
      refreshing = false
      if (refreshAgain && !signal.aborted) void refreshVideos()
    }
  }
  watchNewVideos({
    shows: (id) => videos?.some((video) => String(video.id) === id) ?? false,
    onNew: () => void refreshVideos(),
    signal,
  })

  const render = (): void => {
    const checkpoint = model.checkpointIteration
    if (checkpoint === null) {
      summary.textContent = 'Put one person’s face in place of the other’s, in any of your videos.'
      unavailable.replaceChildren(
        el(
          'p',
          { class: 'swap-waiting' },
          isTraining(model.status)
            ? 'This model can swap once its first checkpoint is saved, a few minutes into training.'
            : 'This model can swap once its first checkpoint is saved: resume training to save one.',
        ),
      )
      unavailable.hidden = false
      form.hidden = true
      return
    }
    summary.textContent = `Uses the checkpoint saved at iteration ${formatCount(checkpoint)}${isTraining(model.status) ? '; training goes on meanwhile' : ''}.`
    if (videos === undefined) {
      form.hidden = true
      if (!videosLoading && !unavailable.querySelector('[role="alert"]')) void loadVideos()
      else unavailable.hidden = videosLoading
      return
    }
    if (videos.length === 0) {
      unavailable.replaceChildren(
        el('p', { class: 'swap-waiting' }, 'No videos to swap yet. ', el('a', { href: '/library' }, 'Upload one in your library'), '.'),
      )
      unavailable.hidden = false
      form.hidden = true
      return
    }
    unavailable.hidden = true
    form.hidden = false
  }

  // --- Submit ----------------------------------------------------------------------

  /** A whole number within its limits; null (with the error shown) otherwise. */
  const readNumber = (name: NumberOption): number | null => {
    const input = numbers[name]
    const { min, max, default: fallback } = SWAP_LIMITS[name]
    const text = input.value.trim()
    if (text === '' && !input.validity.badInput) return fallback
    const value = Number(text)
    if (input.validity.badInput || !Number.isInteger(value) || value < min || value > max) {
      controller.setFieldError(name, `Enter a whole number from ${formatCount(min)} to ${formatCount(max)}.`)
      return null
    }
    return value
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    if (busy) return
    controller.clearErrors()
    if (!videoSelect.value) {
      controller.setFieldError('video', 'Choose a video.')
      controller.focusFirstInvalid()
      return
    }
    const values = {
      maskErode: readNumber('maskErode'),
      maskFeather: readNumber('maskFeather'),
      fineTuneIterations: readNumber('fineTuneIterations'),
    }
    if (values.maskErode === null || values.maskFeather === null || values.fineTuneIterations === null) {
      controller.focusFirstInvalid()
      return
    }
    const swapOptions: SwapOptionsRequest = {
      colour: colourSelect.value,
      blend: blendSelect.value,
      maskErode: values.maskErode,
      maskFeather: values.maskFeather,
      label: labelBox.checked,
      fineTuneIterations: values.fineTuneIterations,
      faces: facesSelect.value,
    }
    const body: CreateSwapRequest = {
      model: model.id,
      video: videoSelect.value,
      direction: directionSelect.value as SwapDirection,
      options: swapOptions,
    }
    busy = true
    controller.setBusy(true, 'Starting…')
    try {
      const result = await createSwap(body)
      if (signal.aborted) return
      nameSubject(result.id, result.name)
      // Its SWAP job's events follow; the list makes sure it is known even if they are late.
      void refreshJobs()
      // Queued, not started: the result page says where it stands in line.
      showToast(`Swap of “${result.videoName || result.name}” queued.`)
      navigate(resultPagePath(result.id))
    } catch (error) {
      if (signal.aborted) return
      controller.showError(error)
    } finally {
      busy = false
      if (!signal.aborted) controller.setBusy(false)
    }
  })

  const update = (fresh: FaceModel): void => {
    model = fresh
    render()
  }

  const reveal = (): void => {
    const scroll = (): void => section.scrollIntoView({ block: 'start' })
    scroll()
    section.focus({ preventScroll: true })
    // What loads above it (the chart, the preview) pushes it down: it is
    // followed for a moment, until the user scrolls by themselves.
    const above = section.parentElement
    if (!above) return
    const observer = new ResizeObserver(scroll)
    const userEvents = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const
    const stop = (): void => {
      observer.disconnect()
      window.clearTimeout(timer)
      for (const type of userEvents) window.removeEventListener(type, stop)
    }
    const timer = window.setTimeout(stop, 3_000)
    for (const type of userEvents) window.addEventListener(type, stop, { passive: true })
    signal.addEventListener('abort', stop, { once: true })
    observer.observe(above)
  }

  fillDirections()
  render()
  return { update, reveal }
}
