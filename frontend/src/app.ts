import { onUnauthorized } from './api/http.ts'
import { fetchCurrentUser } from './api/me.ts'
import { setupAuthLayout } from './features/auth-layout.ts'
import type { Layout } from './features/layout.ts'
import { setupShell } from './features/shell.ts'
import { setupAccount } from './pages/account.ts'
import { setupFaceSet } from './pages/faceset.ts'
import { setupLibrary } from './pages/library.ts'
import ModelPage from './pages/ModelPage.svelte'
import NotFoundPage from './pages/NotFoundPage.svelte'
import { setupResult } from './pages/result.ts'
import { setupSignIn } from './pages/signin.ts'
import { setupSignUp } from './pages/signup.ts'
import { setupVideo } from './pages/video.ts'
import { matchRoute, redirect, setupRouter } from './router.ts'
import { currentUser, setCurrentUser, setFlash } from './session.ts'
import { fragment } from './ui/dom.ts'
import { mount, unmount, type Component } from 'svelte'

type Cleanup = () => void

interface Page {
  title: string
  /** `guest`: signed-out only; `member`: signed-in only; `any`: both. */
  access: 'guest' | 'member' | 'any'
  /** The page as a Svelte component, given the `:name` parts of the route's pattern as `params`. */
  component?: PageComponent
  /** A page not yet moved to a component: builds itself in `outlet`. */
  setup?: (outlet: HTMLElement, params: Record<string, string>) => Cleanup | void
  /** The nav entry to mark as current, when it is not the page's own path. */
  nav?: string
}

/** Patterns may hold `:name` parts (see {@link matchRoute}); the first match wins. */
const PAGES: Record<string, Page> = {
  '/signin': { title: 'Sign in', access: 'guest', setup: setupSignIn },
  '/signup': { title: 'Create account', access: 'guest', setup: setupSignUp },
  '/library': { title: 'Library', access: 'member', setup: setupLibrary },
  '/account': { title: 'Account', access: 'member', setup: setupAccount },
  '/videos/:id': { title: 'Video', access: 'member', setup: setupVideo, nav: '/library' },
  '/facesets/:id': { title: 'Face set', access: 'member', setup: setupFaceSet, nav: '/library' },
  '/models/:id': { title: 'Model', access: 'member', component: ModelPage, nav: '/library' },
  '/results/:id': { title: 'Result', access: 'member', setup: setupResult, nav: '/library' },
}

function findPage(path: string): { page: Page; params: Record<string, string> } {
  for (const [pattern, page] of Object.entries(PAGES)) {
    const params = matchRoute(pattern, path)
    if (params) return { page, params }
  }
  return { page: NOT_FOUND, params: {} }
}

const NOT_FOUND: Page = { title: 'Page not found', access: 'any', component: NotFoundPage }

/** Loads the session, then hands control to the router. */
export async function setupApp(root: HTMLElement): Promise<void> {
  onUnauthorized(() => {
    if (!currentUser()) return
    setCurrentUser(null)
    setFlash('Your session has ended. Sign in again to continue.')
    redirect('/signin')
  })

  try {
    setCurrentUser(await fetchCurrentUser())
  } catch {
    showStartupError(root)
    return
  }

  let layout: Layout | undefined
  let cleanup: Cleanup | undefined

  setupRouter((path, initial) => {
    const user = currentUser()
    if (path === '/') return user ? '/library' : '/signin'
    const { page, params } = findPage(path)
    if (page.access === 'member' && !user) return '/signin'
    if (page.access === 'guest' && user) return '/library'

    cleanup?.()
    cleanup = undefined
    const kind = user ? 'app' : 'auth'
    if (layout?.kind !== kind) {
      layout?.destroy()
      layout = kind === 'app' ? setupShell(root) : setupAuthLayout(root)
    }
    layout.setActive(page.nav ?? path)
    // Before setup, so a page that knows a better title (e.g. a video's name) can set it.
    document.title = `${page.title} · Doppel`
    cleanup = showPage(page, layout.outlet, params)

    if (!initial) {
      window.scrollTo(0, 0)
      // Move focus to the new page's heading so screen readers announce it.
      layout.outlet.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true })
    }
  })
}

/** A page as a Svelte component: `params` are the route's `:name` parts (e.g. `params.id`). */
export type PageComponent = Component<{ params: Record<string, string> }>

function showPage(page: Page, outlet: HTMLElement, params: Record<string, string>): Cleanup | undefined {
  if (!page.component) return page.setup?.(outlet, params) ?? undefined
  outlet.replaceChildren()
  const shown = mount(page.component, { target: outlet, props: { params } })
  return () => void unmount(shown)
}

function showStartupError(root: HTMLElement): void {
  document.title = 'Unavailable · Doppel'
  root.replaceChildren(
    fragment(`
      <main id="main" class="auth-layout">
        <div class="auth-main">
          <section class="auth-card message-card" aria-labelledby="startup-title">
            <h1 id="startup-title">Doppel is not available right now</h1>
            <p>We could not reach the server. Check your connection, then try again.</p>
            <p><button type="button" class="btn btn-primary" id="startup-retry">Try again</button></p>
          </section>
        </div>
      </main>
    `),
  )
  root.querySelector('#startup-retry')?.addEventListener('click', () => location.reload())
}
