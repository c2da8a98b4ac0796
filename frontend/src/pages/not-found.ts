import { fragment } from '../ui/dom.ts'

export function setupNotFound(outlet: HTMLElement): void {
  outlet.replaceChildren(
    fragment(`
      <div class="page-inner page-narrow">
        <section class="card message-card" aria-labelledby="not-found-title">
          <h1 id="not-found-title" tabindex="-1">Page not found</h1>
          <p>There is nothing at this address. It may have moved, or the link may be mistyped.</p>
          <p><a class="btn btn-secondary" href="/">Go to Doppel</a></p>
        </section>
      </div>
    `),
  )
}
