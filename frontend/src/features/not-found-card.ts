import { find, fragment } from '../ui/dom.ts'
import { icons } from '../ui/icons.ts'

/** A subject page's "not found" card. */
export interface NotFoundCard {
  /** The page's prefix: the card is `#<id>-not-found`, its heading `#<id>-missing-title`. */
  id: string
  /** Inline SVG markup for the card. */
  icon: string
  /** The document title, before " · Doppel". */
  title: string
  /** The heading: that it does not exist or is not yours. */
  heading: string
}

/**
 * Replaces a subject page with its "not found" card. The server answers the
 * same for a deleted subject and another account's, so the card cannot say
 * which. The heading takes focus only when the page's heading had it, so a
 * subject deleted in another tab does not pull focus from elsewhere.
 */
export function showNotFound(outlet: HTMLElement, card: NotFoundCard): void {
  const hadFocus = outlet.contains(document.activeElement) && document.activeElement?.tagName === 'H1'
  document.title = `${card.title} · Doppel`
  outlet.replaceChildren(
    fragment(`
      <div class="page-inner page-narrow">
        <section id="${card.id}-not-found" class="card message-card" aria-labelledby="${card.id}-missing-title">
          <span class="message-icon" aria-hidden="true">${card.icon}</span>
          <h1 id="${card.id}-missing-title" tabindex="-1"></h1>
          <p>It may have been deleted, or the link may belong to another account.</p>
          <p><a class="btn btn-secondary" href="/library">${icons.arrowLeft}<span>Back to your library</span></a></p>
        </section>
      </div>
    `),
  )
  const heading = find(outlet, `#${card.id}-missing-title`)
  heading.textContent = card.heading
  if (hadFocus) heading.focus()
}
