/**
 * The two frames pages appear in, mounted by the router in `app.ts`: the
 * signed-in shell and the signed-out column. Pages are mounted into the
 * layout's outlet by the router rather than rendered by the layout, so a route
 * change swaps the page and leaves the frame (and an open jobs panel) alone.
 */
import { flushSync, mount, unmount } from 'svelte'
import AuthLayout from './AuthLayout.svelte'
import Shell from './Shell.svelte'

export interface Layout {
  kind: 'app' | 'auth'
  /** The element pages render into. */
  outlet: HTMLElement
  /** Marks the nav entry for `path` as current (app layout only). */
  setActive(path: string): void
  destroy(): void
}

export function mountShell(root: HTMLElement): Layout {
  root.replaceChildren()
  const props = $state({ active: '' })
  const shell = mount(Shell, { target: root, props })
  // `bind:this` fills in the outlet once mounting has flushed.
  flushSync()
  return {
    kind: 'app',
    outlet: shell.outlet(),
    setActive: (path) => (props.active = path),
    destroy: () => void unmount(shell),
  }
}

export function mountAuthLayout(root: HTMLElement): Layout {
  root.replaceChildren()
  const layout = mount(AuthLayout, { target: root, props: {} })
  flushSync()
  return { kind: 'auth', outlet: layout.outlet(), setActive: () => {}, destroy: () => void unmount(layout) }
}
