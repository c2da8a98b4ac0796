/** A subject page's "not found" card (`MissingCard.svelte`). */
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
