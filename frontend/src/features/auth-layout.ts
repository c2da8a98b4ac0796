import { find, fragment } from '../ui/dom.ts'
import { logoMark } from '../ui/icons.ts'
import type { Layout } from './layout.ts'

/** Centred column for signed-out pages: brand, tagline, then the page's card. */
export function setupAuthLayout(root: HTMLElement): Layout {
  root.replaceChildren(
    fragment(`
      <div class="auth-layout">
        <main id="main" class="auth-main">
          <div class="auth-brand">
            ${logoMark}
            <span class="auth-brand-name">Doppel</span>
          </div>
          <p class="auth-tagline">Your private face-swap studio, right in the browser.</p>
          <div class="auth-outlet"></div>
          <p class="auth-footnote">Your videos, faces and models stay private to your account.</p>
        </main>
      </div>
    `),
  )
  return {
    kind: 'auth',
    outlet: find(root, '.auth-outlet'),
    setActive: () => {},
    destroy: () => root.replaceChildren(),
  }
}
