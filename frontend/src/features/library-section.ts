import { el, fragment } from '../ui/dom.ts'

/** Static description of one library section. */
export interface LibrarySectionDef {
  /** Element id, e.g. `library-videos`. */
  id: string
  step: number
  title: string
  /** One line under the heading: what this section holds. */
  summary: string
  /** Inline SVG markup for the empty state. */
  icon: string
  emptyTitle: string
  /** What will appear here and what this step is. */
  emptyText: string
}

/** Handle for filling a section once its feature exists. */
export interface LibrarySection {
  element: HTMLElement
  /** Where the items or the empty state go (`.library-section-body`). */
  body: HTMLElement
  /** Replaces the body with these items, or the empty state when there are none. */
  showItems(items: Node[]): void
  showEmpty(): void
  /** Replaces the body with why the list could not be loaded, and "Try again". */
  showError(message: string, retry: () => void): void
}

/**
 * Renders a library card (heading, step number, body) into `section`.
 * Starts in the empty state; later features call `showItems` with their list.
 */
export function setupLibrarySection(section: HTMLElement, def: LibrarySectionDef): LibrarySection {
  const titleId = `${def.id}-title`
  section.id = def.id
  section.classList.add('card', 'library-section')
  section.setAttribute('aria-labelledby', titleId)
  section.replaceChildren(
    fragment(`
      <header class="card-header">
        <span class="step-badge" aria-hidden="true">${def.step}</span>
        <div class="card-heading">
          <h2 class="card-title"></h2>
          <p class="card-summary"></p>
        </div>
      </header>
      <div class="library-section-body"></div>
    `),
  )
  const title = section.querySelector('.card-title')!
  title.id = titleId
  title.textContent = def.title
  section.querySelector('.card-summary')!.textContent = def.summary
  const body = section.querySelector<HTMLElement>('.library-section-body')!

  const showEmpty = (): void => {
    const iconBox = el('div', { class: 'empty-icon' })
    iconBox.append(fragment(def.icon))
    body.replaceChildren(
      el(
        'div',
        { class: 'empty-state' },
        iconBox,
        el('p', { class: 'empty-title' }, def.emptyTitle),
        el('p', { class: 'empty-text' }, def.emptyText),
      ),
    )
  }

  const showItems = (items: Node[]): void => {
    if (items.length === 0) {
      showEmpty()
      return
    }
    body.replaceChildren(el('ul', { class: 'library-items', role: 'list' }, ...items.map((item) => el('li', {}, item))))
  }

  const showError = (message: string, retry: () => void): void => {
    const button = el('button', { type: 'button', class: 'btn btn-link' }, 'Try again')
    button.addEventListener('click', retry)
    body.replaceChildren(el('p', { class: 'library-error status-error', role: 'alert' }, `${message} `, button))
  }

  showEmpty()
  return { element: section, body, showItems, showEmpty, showError }
}
