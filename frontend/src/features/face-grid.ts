import { faceImageUrl, faceMaskUrl } from '../api/faces.ts'
import type { Face } from '../api/model/faceset.ts'
import { el } from '../ui/dom.ts'

/** Tiles made at once; the rest follow a chunk per frame, so big sets never block the page. */
const FIRST_CHUNK = 48
const CHUNK = 40

/** The share of faces "Select blurriest" picks. */
export const BLURRY_SHARE = 0.1

export interface FaceGrid {
  /** Shows these faces in this order; the selection keeps the ones still there. */
  setFaces(faces: Face[]): void
  faces(): Face[]
  selectedIds(): string[]
  /** Replaces the selection. */
  select(ids: Iterable<string>): void
  clearSelection(): void
  /** Takes faces out (after they were removed on the server). */
  remove(ids: Iterable<string>): void
  /** Overlays each face's mask on its image. */
  setMasks(show: boolean): void
  /** The ids of the blurriest `share` of the faces (at least one when there are any). */
  blurriest(share?: number): string[]
  /** The ids of the faces the face check says may not be faces. */
  doubtful(): string[]
  /** A tile (or the grid) to put focus on after tiles went away. */
  focusTarget(): HTMLElement | undefined
  dispose(): void
}

export interface FaceGridOptions {
  /** The selection changed (count of selected faces). */
  onSelectionChange?: (count: number) => void
}

/** Sharpness as the API gives it, one decimal, no grouping ("1234.5"). */
export function formatBlur(blur: number): string {
  return Number.isFinite(blur) ? blur.toFixed(1) : '—'
}

/** A face score as shown: two decimals ("0.12"). */
export function formatFaceScore(score: number | null): string {
  return score !== null && Number.isFinite(score) ? score.toFixed(2) : 'not checked'
}

/** "96 px". */
export function formatFaceSize(size: number): string {
  return Number.isFinite(size) ? `${Math.round(size)} px` : '—'
}

/**
 * The `#face-grid` of `.face-tile` toggle buttons (`aria-pressed`), one per face:
 * the aligned image (lazy-loaded), its sharpness (`.face-blur`) and width
 * (`.face-size`), and a "Not a face?" badge (`.face-doubt`) on faces the face
 * check did not pass. Click, Enter or Space selects; Shift+click selects a range;
 * arrow keys, Home and End move between tiles.
 */
export function setupFaceGrid(grid: HTMLElement, options: FaceGridOptions = {}): FaceGrid {
  let faces: Face[] = []
  const tiles = new Map<string, HTMLButtonElement>()
  const selected = new Set<string>()
  /** Faces whose blur puts them among the blurriest {@link BLURRY_SHARE}. */
  let blurry = new Set<string>()
  let masks = false
  let rendered = 0
  let frame: number | undefined
  let anchor: string | undefined

  grid.classList.add('face-grid')
  grid.setAttribute('role', 'list')

  const notify = (): void => options.onSelectionChange?.(selected.size)

  const createTile = (face: Face): HTMLLIElement => {
    const id = String(face.id)
    const image = el('img', {
      class: 'face-image',
      src: faceImageUrl(id),
      alt: `Face from frame ${face.frameIndex}`,
      width: '256',
      height: '256',
      loading: 'lazy',
      decoding: 'async',
      draggable: 'false',
    })
    const picture = el('span', { class: 'face-picture' }, image, el('span', { class: 'face-check', 'aria-hidden': 'true' }))
    if (masks) picture.append(maskImage(id))
    const doubtful = face.looksLikeFace === false
    if (doubtful) picture.append(el('span', { class: 'face-doubt' }, 'Not a face?'))
    const blur = el('span', { class: 'face-blur' }, formatBlur(face.blur))
    if (blurry.has(id)) blur.classList.add('is-blurry')
    const tile = el(
      'button',
      {
        type: 'button',
        class: 'face-tile',
        'data-face-id': id,
        'aria-pressed': String(selected.has(id)),
        title: `Frame ${face.frameIndex} · sharpness ${formatBlur(face.blur)} · ${formatFaceSize(face.size)} wide · face score ${formatFaceScore(face.faceScore)}${doubtful ? ', may not be a face' : ''}${face.landmarks ? '' : ' · aligned on the eyes only'}`,
      },
      picture,
      el(
        'span',
        { class: 'face-stats' },
        el('span', { class: 'face-stat face-stat-blur' }, el('span', { class: 'visually-hidden' }, 'Sharpness '), blur),
        el('span', { class: 'face-stat face-stat-size' }, el('span', { class: 'visually-hidden' }, 'Width '), el('span', { class: 'face-size' }, formatFaceSize(face.size))),
      ),
    )
    tiles.set(id, tile)
    return el('li', { class: 'face-item' }, tile)
  }

  const maskImage = (id: string): HTMLImageElement =>
    el('img', { class: 'face-mask', src: faceMaskUrl(id), alt: '', 'aria-hidden': 'true', width: '256', height: '256', loading: 'lazy', decoding: 'async', draggable: 'false' })

  const renderChunk = (size: number): void => {
    const end = Math.min(faces.length, rendered + size)
    const batch = document.createDocumentFragment()
    for (let i = rendered; i < end; i++) batch.append(createTile(faces[i]!))
    grid.append(batch)
    rendered = end
    grid.toggleAttribute('aria-busy', rendered < faces.length)
    if (rendered < faces.length) frame = window.requestAnimationFrame(() => renderChunk(CHUNK))
    else frame = undefined
  }

  const setFaces = (next: Face[]): void => {
    if (frame !== undefined) window.cancelAnimationFrame(frame)
    frame = undefined
    faces = next
    const present = new Set(next.map((face) => String(face.id)))
    for (const id of [...selected]) if (!present.has(id)) selected.delete(id)
    if (anchor && !present.has(anchor)) anchor = undefined
    blurry = new Set(blurriest())
    tiles.clear()
    grid.replaceChildren()
    rendered = 0
    renderChunk(FIRST_CHUNK)
    notify()
  }

  const setPressed = (id: string, on: boolean): void => {
    if (on) selected.add(id)
    else selected.delete(id)
    tiles.get(id)?.setAttribute('aria-pressed', String(on))
  }

  const indexOf = (id: string): number => faces.findIndex((face) => String(face.id) === id)

  grid.addEventListener('click', (event) => {
    const tile = event.target instanceof Element ? event.target.closest<HTMLButtonElement>('.face-tile') : null
    if (!tile || !grid.contains(tile)) return
    const id = tile.dataset.faceId!
    const on = !selected.has(id)
    if (event.shiftKey && anchor !== undefined && anchor !== id) {
      // Everything between the last tile clicked and this one takes this one's new state.
      const from = indexOf(anchor)
      const to = indexOf(id)
      if (from >= 0 && to >= 0) {
        for (let i = Math.min(from, to); i <= Math.max(from, to); i++) setPressed(String(faces[i]!.id), on)
      }
    } else {
      setPressed(id, on)
    }
    anchor = id
    notify()
  })

  // Shift+click would otherwise select the text between the tiles.
  grid.addEventListener('mousedown', (event) => {
    if (event.shiftKey) event.preventDefault()
  })

  grid.addEventListener('keydown', (event) => {
    const tile = event.target instanceof Element ? event.target.closest<HTMLButtonElement>('.face-tile') : null
    if (!tile || event.altKey || event.ctrlKey || event.metaKey) return
    const items = grid.children
    const item = tile.parentElement
    let index = item ? Array.prototype.indexOf.call(items, item) : -1
    if (index < 0) return
    const columns = Math.max(1, getComputedStyle(grid).gridTemplateColumns.split(' ').filter(Boolean).length)
    switch (event.key) {
      case 'ArrowRight': index += 1; break
      case 'ArrowLeft': index -= 1; break
      case 'ArrowDown': index += columns; break
      case 'ArrowUp': index -= columns; break
      case 'Home': index = 0; break
      case 'End': index = items.length - 1; break
      default: return
    }
    event.preventDefault()
    const next = items[Math.max(0, Math.min(items.length - 1, index))]?.querySelector<HTMLElement>('.face-tile')
    next?.focus()
    next?.scrollIntoView({ block: 'nearest' })
  })

  const blurriest = (share = BLURRY_SHARE): string[] => {
    if (faces.length === 0) return []
    const count = Math.max(1, Math.ceil(faces.length * share))
    return [...faces]
      .sort((a, b) => a.blur - b.blur)
      .slice(0, count)
      .map((face) => String(face.id))
  }

  return {
    setFaces,
    faces: () => faces,
    selectedIds: () => faces.map((face) => String(face.id)).filter((id) => selected.has(id)),
    select(ids) {
      for (const id of [...selected]) setPressed(id, false)
      const present = new Set(faces.map((face) => String(face.id)))
      for (const id of ids) if (present.has(id)) setPressed(id, true)
      anchor = undefined
      notify()
    },
    clearSelection() {
      for (const id of [...selected]) setPressed(id, false)
      anchor = undefined
      notify()
    },
    remove(ids) {
      const gone = new Set([...ids].map(String))
      if (gone.size === 0) return
      const renderedBefore = rendered
      let removedRendered = 0
      faces.forEach((face, index) => {
        const id = String(face.id)
        if (!gone.has(id)) return
        if (index < renderedBefore) removedRendered++
        tiles.get(id)?.parentElement?.remove()
        tiles.delete(id)
        selected.delete(id)
      })
      faces = faces.filter((face) => !gone.has(String(face.id)))
      rendered = renderedBefore - removedRendered
      if (anchor && gone.has(anchor)) anchor = undefined
      blurry = new Set(blurriest())
      for (const [id, tile] of tiles) tile.querySelector('.face-blur')?.classList.toggle('is-blurry', blurry.has(id))
      notify()
    },
    setMasks(show) {
      masks = show
      grid.classList.toggle('show-masks', show)
      if (!show) return
      for (const [id, tile] of tiles) {
        const picture = tile.querySelector('.face-picture')
        if (picture && !picture.querySelector('.face-mask')) picture.append(maskImage(id))
      }
    },
    blurriest,
    doubtful: () => faces.filter((face) => face.looksLikeFace === false).map((face) => String(face.id)),
    focusTarget: () => grid.querySelector<HTMLElement>('.face-tile') ?? undefined,
    dispose() {
      if (frame !== undefined) window.cancelAnimationFrame(frame)
      frame = undefined
    },
  }
}
