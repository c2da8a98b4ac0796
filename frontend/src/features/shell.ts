import { ApiError, NETWORK_ERROR_STATUS } from '../api/http.ts'
import { signOut } from '../api/auth.ts'
import { navigate } from '../router.ts'
import { currentUser, onUserChange, setCurrentUser } from '../session.ts'
import { find, fragment } from '../ui/dom.ts'
import { icons, logoMark } from '../ui/icons.ts'
import { showToast } from '../ui/toast.ts'
import { setupJobsPanel } from './jobs-panel.ts'
import type { Layout } from './layout.ts'

/** The signed-in frame: top bar with brand, nav, the user's email, Jobs and Sign out. */
export function setupShell(root: HTMLElement): Layout {
  root.replaceChildren(
    fragment(`
      <a class="skip-link" href="#main">Skip to content</a>
      <header class="topbar">
        <div class="topbar-inner">
          <a class="brand" href="/library" aria-label="Doppel home">
            ${logoMark}
            <span class="brand-name">Doppel</span>
          </a>
          <nav class="nav" aria-label="Main">
            <a id="nav-library" class="nav-link" href="/library">Library</a>
            <a id="nav-account" class="nav-link" href="/account">Account</a>
          </nav>
          <span id="account-email" class="user-email"></span>
          <button id="jobs-toggle" type="button" class="btn btn-ghost btn-sm jobs-toggle"
                  aria-label="Jobs" aria-expanded="false" aria-controls="jobs-panel" aria-describedby="jobs-toggle-state">
            ${icons.jobs}<span class="jobs-toggle-label" aria-hidden="true">Jobs</span>
            <span id="jobs-active-count" class="jobs-badge" aria-hidden="true" hidden></span>
            <span id="jobs-toggle-state" class="visually-hidden"></span>
          </button>
          <button id="signout-button" type="button" class="btn btn-ghost btn-sm">
            ${icons.signOut}<span>Sign out</span>
          </button>
        </div>
      </header>
      <div id="jobs-backdrop" class="jobs-backdrop" hidden></div>
      <div id="jobs-panel" class="jobs-panel" role="dialog" aria-labelledby="jobs-panel-title" hidden>
        <div class="jobs-panel-header">
          <h2 id="jobs-panel-title" class="jobs-panel-title">Jobs</h2>
          <button id="jobs-close" type="button" class="btn btn-ghost btn-icon" aria-label="Close jobs">${icons.close}</button>
        </div>
        <p class="jobs-connection" hidden><span class="spinner" aria-hidden="true"></span>Reconnecting to live updates…</p>
        <ul class="job-list" aria-label="Recent jobs" hidden></ul>
        <p class="jobs-status"></p>
      </div>
      <main id="main" class="page" tabindex="-1"></main>
    `),
  )

  const email = find(root, '#account-email')
  const showUser = (): void => {
    const address = currentUser()?.email ?? ''
    email.textContent = address
    email.title = address
  }
  showUser()
  const unsubscribe = onUserChange(showUser)
  const disposeJobs = setupJobsPanel(root)

  const signOutButton = find<HTMLButtonElement>(root, '#signout-button')
  signOutButton.addEventListener('click', async () => {
    signOutButton.disabled = true
    signOutButton.setAttribute('aria-busy', 'true')
    try {
      await signOut()
    } catch (error) {
      // 401 means the session was already gone: that is still "signed out".
      if (!(error instanceof ApiError && error.status === 401)) {
        signOutButton.disabled = false
        signOutButton.removeAttribute('aria-busy')
        showToast(
          error instanceof ApiError && error.status === NETWORK_ERROR_STATUS
            ? 'Could not sign out: Doppel is unreachable. Try again.'
            : 'Could not sign out. Try again.',
          'error',
        )
        return
      }
    }
    setCurrentUser(null)
    navigate('/signin')
  })

  const links = [...root.querySelectorAll<HTMLAnchorElement>('.nav-link')]
  return {
    kind: 'app',
    outlet: find(root, '#main'),
    setActive(path: string) {
      for (const link of links) {
        if (new URL(link.href).pathname === path) link.setAttribute('aria-current', 'page')
        else link.removeAttribute('aria-current')
      }
    },
    destroy() {
      unsubscribe()
      disposeJobs()
      root.replaceChildren()
    },
  }
}
