import { onUnauthorized } from './api/http.ts'
import { fetchCurrentUser } from './api/me.ts'
import { mountAuthLayout, mountShell, type Layout } from './features/shell/layouts.svelte.ts'
import AccountPage from './pages/AccountPage.svelte'
import FaceSetPage from './pages/FaceSetPage.svelte'
import LibraryPage from './pages/LibraryPage.svelte'
import ModelPage from './pages/ModelPage.svelte'
import NotFoundPage from './pages/NotFoundPage.svelte'
import ResultPage from './pages/ResultPage.svelte'
import SignInPage from './pages/SignInPage.svelte'
import SignUpPage from './pages/SignUpPage.svelte'
import VideoPage from './pages/VideoPage.svelte'
import { followSignedInUser } from './jobs.ts'
import { matchRoute, redirect, setupRouter } from './router.ts'
import { currentUser, setCurrentUser, setFlash } from './session.ts'
import StartupError from './features/shell/StartupError.svelte'
import { mount, unmount, type Component } from 'svelte'

type Cleanup = () => void

interface Page {
  title: string
  /** `guest`: signed-out only; `member`: signed-in only; `any`: both. */
  access: 'guest' | 'member' | 'any'
  /** The page, given the `:name` parts of the route's pattern as `params`. */
  component: PageComponent
  /** The nav entry to mark as current, when it is not the page's own path. */
  nav?: string
}

/** Patterns may hold `:name` parts (see {@link matchRoute}); the first match wins. */
const PAGES: Record<string, Page> = {
  '/signin': { title: 'Sign in', access: 'guest', component: SignInPage },
  '/signup': { title: 'Create account', access: 'guest', component: SignUpPage },
  '/library': { title: 'Library', access: 'member', component: LibraryPage },
  '/account': { title: 'Account', access: 'member', component: AccountPage },
  '/videos/:id': { title: 'Video', access: 'member', component: VideoPage, nav: '/library' },
  '/facesets/:id': { title: 'Face set', access: 'member', component: FaceSetPage, nav: '/library' },
  '/models/:id': { title: 'Model', access: 'member', component: ModelPage, nav: '/library' },
  '/results/:id': { title: 'Result', access: 'member', component: ResultPage, nav: '/library' },
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
  // The jobs' live stream opens once the session below says who is signed in.
  followSignedInUser()
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
      layout = kind === 'app' ? mountShell(root) : mountAuthLayout(root)
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

function showPage(page: Page, outlet: HTMLElement, params: Record<string, string>): Cleanup {
  outlet.replaceChildren()
  const shown = mount(page.component, { target: outlet, props: { params } })
  return () => void unmount(shown)
}

function showStartupError(root: HTMLElement): void {
  document.title = 'Unavailable · Doppel'
  root.replaceChildren()
  mount(StartupError, { target: root })
}
