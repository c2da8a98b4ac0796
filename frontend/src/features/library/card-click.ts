import { navigate } from '../../router.ts'

/**
 * A click anywhere on a card opens its page; links, buttons, the checkbox and its label do their own thing,
 * and a click that ends a text selection does nothing (so names can be copied).
 */
export function openCardOnClick(event: MouseEvent, href: string): void {
  const target = event.target
  if (!(target instanceof Element) || target.closest('a, button, input, label')) return
  if (window.getSelection()?.toString()) return
  navigate(href)
}

/** The card in `root` whose `data-<name>` is `key` (ids are matched as text, with no selector escaping). */
export function findCard(root: ParentNode | undefined, selector: string, name: string, key: string): HTMLElement | undefined {
  return [...(root?.querySelectorAll<HTMLElement>(selector) ?? [])].find((card) => card.dataset[name] === key)
}
