import type { Action } from 'svelte/action'

/**
 * A `<progress>`'s value: a whole percent, or none (an indeterminate bar). Set through the DOM, as an
 * undefined `value` attribute in markup would read as 0 rather than as no value.
 */
export const progressValue: Action<HTMLProgressElement, number | undefined> = (node, percent) => {
  const show = (value: number | undefined): void => {
    if (value === undefined) node.removeAttribute('value')
    else if (node.value !== value || !node.hasAttribute('value')) node.value = value
  }
  show(percent)
  return { update: show }
}
