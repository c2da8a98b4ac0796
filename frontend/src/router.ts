/**
 * Minimal history-API router. It only knows how to turn URL changes into
 * calls of `render(path)`; which page a path shows lives in app.ts.
 */

/** Renders `path`, or returns another path to redirect to (history entry replaced). */
type Render = (path: string, initial: boolean) => string | void

let renderPath: Render | undefined

function render(path: string, initial: boolean): void {
  for (let hops = 0; hops < 5 && renderPath; hops++) {
    const target = renderPath(path, initial)
    if (target === undefined || target === path) return
    history.replaceState(null, '', target)
    path = currentPath()
  }
}

/** Paths served by the backend, never routed on the client. */
const SERVER_PATHS = /^\/(api|q|j_security_check)(\/|$)/

export function setupRouter(onRender: Render): void {
  renderPath = onRender
  window.addEventListener('popstate', () => render(currentPath(), false))
  document.addEventListener('click', interceptLinkClick)
  render(currentPath(), true)
}

/** Goes to `path` inside the app (pushes history unless `replace`). */
export function navigate(path: string, { replace = false }: { replace?: boolean } = {}): void {
  if (path !== currentPath()) {
    if (replace) history.replaceState(null, '', path)
    else history.pushState(null, '', path)
  }
  render(currentPath(), false)
}

/** Like {@link navigate} but replaces the current history entry. */
export function redirect(path: string): void {
  navigate(path, { replace: true })
}

export function currentPath(): string {
  const path = location.pathname.replace(/\/+$/, '')
  return path === '' ? '/' : path
}

function interceptLinkClick(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0) return
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
  const target = event.target
  if (!(target instanceof Element)) return
  const anchor = target.closest('a')
  if (!anchor || anchor.target || anchor.hasAttribute('download')) return
  const url = new URL(anchor.href, location.href)
  if (url.origin !== location.origin || SERVER_PATHS.test(url.pathname)) return
  // In-page anchors (e.g. the skip link) keep their default behaviour.
  if (url.pathname === location.pathname && url.hash) return
  event.preventDefault()
  navigate(url.pathname + url.search + url.hash)
}

/**
 * Matches `path` against a pattern such as `/videos/:id`; returns the decoded
 * `:params`, or undefined when it does not match.
 */
export function matchRoute(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/')
  const have = path.split('/')
  if (want.length !== have.length) return undefined
  const params: Record<string, string> = {}
  for (let i = 0; i < want.length; i++) {
    const part = want[i]!
    const value = have[i]!
    if (part.startsWith(':')) {
      if (value === '') return undefined
      try {
        params[part.slice(1)] = decodeURIComponent(value)
      } catch {
        return undefined
      }
    } else if (part !== value) {
      return undefined
    }
  }
  return params
}
