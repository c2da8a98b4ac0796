import { el } from './dom.ts'

export interface ConfirmOptions {
  /** The question, short: "Remove 3 faces?" */
  title: string
  /** What happens, in a sentence or two. */
  message: string
  /** Says what the button does: "Remove faces", not "OK". */
  confirmLabel: string
  cancelLabel?: string
  /** `danger` (the default) for what cannot be undone. */
  tone?: 'danger' | 'primary'
  /** Closes the question unanswered (as a cancel) when the page it belongs to goes (back and forward always do). */
  signal?: AbortSignal
}

let counter = 0

/**
 * Asks in the page, instead of the browser's `confirm()`: a modal
 * `role="alertdialog"` named by its title and described by its message, with
 * focus on the confirm button. Escape, Cancel and a click beside it all
 * cancel; focus goes back to where it was. Resolves to whether the user
 * confirmed.
 */
export function confirmAction(options: ConfirmOptions): Promise<boolean> {
  const id = `confirm-${++counter}`
  const cancel = el('button', { type: 'submit', class: 'btn btn-secondary confirm-cancel', value: 'cancel' }, options.cancelLabel ?? 'Cancel')
  const confirm = el(
    'button',
    { type: 'submit', class: `btn ${options.tone === 'primary' ? 'btn-primary' : 'btn-danger'} confirm-accept`, value: 'confirm' },
    options.confirmLabel,
  )
  const dialog = el(
    'dialog',
    { class: 'confirm-dialog', role: 'alertdialog', 'aria-modal': 'true', 'aria-labelledby': `${id}-title`, 'aria-describedby': `${id}-message` },
    // method="dialog": either button closes the dialog with its value as the answer.
    el(
      'form',
      { method: 'dialog', class: 'confirm-body' },
      el('h2', { id: `${id}-title`, class: 'confirm-title' }, options.title),
      el('p', { id: `${id}-message`, class: 'confirm-message' }, options.message),
      el('div', { class: 'confirm-actions' }, cancel, confirm),
    ),
  )
  const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null

  return new Promise<boolean>((resolve) => {
    const close = (): void => {
      if (dialog.open) dialog.close('cancel')
    }
    // The form fills the dialog: a click on the dialog itself is on the backdrop beside it.
    dialog.addEventListener('click', (event) => {
      if (event.target === dialog) close()
    })
    dialog.addEventListener(
      'close',
      () => {
        options.signal?.removeEventListener('abort', close)
        window.removeEventListener('popstate', close)
        dialog.remove()
        if (previous?.isConnected) previous.focus()
        resolve(dialog.returnValue === 'confirm')
      },
      { once: true },
    )
    options.signal?.addEventListener('abort', close, { once: true })
    // Back or forward leaves the page the question was about.
    window.addEventListener('popstate', close)
    document.body.append(dialog)
    // Escape closes a modal dialog by itself (returnValue stays empty: a cancel).
    dialog.showModal()
    confirm.focus()
    if (options.signal?.aborted) close()
  })
}
