import { deleteAccount } from '../api/me.ts'
import { navigate } from '../router.ts'
import { setCurrentUser, setFlash } from '../session.ts'
import { confirmAction } from '../ui/confirm-dialog.ts'
import { FormController } from '../ui/form.ts'

export const DELETE_WARNING =
  'This deletes your account and every video, face set, model and result. It cannot be undone.'

/** Wires `#delete-form`: asks for the password and an explicit confirmation, then deletes. */
export function setupDeleteAccount(form: HTMLFormElement): void {
  const controller = new FormController(form, { password: 'delete-password' }, 'delete-error')

  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    controller.clearErrors()
    if (controller.value('password') === '') {
      controller.setFieldError('password', 'Enter your password to confirm.')
      controller.focusFirstInvalid()
      return
    }
    const confirmed = await confirmAction({
      title: 'Delete your Doppel account?',
      message: DELETE_WARNING,
      confirmLabel: 'Delete account',
    })
    if (!confirmed) return

    controller.setBusy(true, 'Deleting…')
    try {
      await deleteAccount({ password: controller.value('password') })
    } catch (error) {
      controller.setBusy(false)
      controller.showError(error)
      return
    }
    setCurrentUser(null)
    setFlash('Your account has been deleted.')
    navigate('/signin')
  })
}
