import { onUnauthorized } from './api/http.ts'
import { fetchCurrentUser } from './api/me.ts'
import { setupAuthLayout } from './features/auth-layout.ts'
import type { Layout } from './features/layout.ts'
import { setupShell } from './features/shell.ts'
import { setupAccount } from './pages/account.ts'
import { setupLibrary } from './pages/library.ts'
import { setupNotFound } from './pages/not-found.ts'
import { setupSignIn } from './pages/signin.ts'
import { setupSignUp } from './pages/signup.ts'
import { redirect, setupRouter } from './router.ts'
import { currentUser, setCurrentUser, setFlash } from './session.ts'
import { fragment } from './ui/dom.ts'

type Cleanup = () => void

interface Page {
  title: string
  /** `guest`: signed-out only; `member`: signed-in only; `any`: both. */
  access: 'guest' | 'member' | 'any'
  setup: (outlet: HTMLElement) => Cleanup | void
}

const PAGES: Record<string, Page> = {
  '/signin': { title: 'Sign in', access: 'guest', setup: setupSignIn },
  '/signup': { title: 'Create account', access: 'guest', setup: setupSignUp },
  '/library': { title: 'Library', access: 'member', setup: setupLibrary },
  '/account': { title: 'Account', access: 'member', setup: setupAccount },
}

const NOT_FOUND: Page = { title: 'Page not found', access: 'any', setup: setupNotFound }

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
    const page = PAGES[path] ?? NOT_FOUND
    if (page.access === 'member' && !user) return '/signin'
    if (page.access === 'guest' && user) return '/library'

    cleanup?.()
    cleanup = undefined
    const kind = user ? 'app' : 'auth'
    if (layout?.kind !== kind) {
      layout?.destroy()
      layout = kind === 'app' ? setupShell(root) : setupAuthLayout(root)
    }
    layout.setActive(path)
    cleanup = page.setup(layout.outlet) ?? undefined
    document.title = `${page.title} · Doppel`

    if (!initial) {
      window.scrollTo(0, 0)
      // Move focus to the new page's heading so screen readers announce it.
      layout.outlet.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true })
    }
  })
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
