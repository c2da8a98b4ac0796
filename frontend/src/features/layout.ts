/** What a layout gives the router: where pages go, and how to take it down. */
export interface Layout {
  kind: 'app' | 'auth'
  /** The element pages render into. */
  outlet: HTMLElement
  /** Marks the nav entry for `path` as current (app layout only). */
  setActive(path: string): void
  destroy(): void
}
