import { changePassword } from '../api/me.ts'
import { find } from '../ui/dom.ts'
import { FormController } from '../ui/form.ts'

/** Wires `#password-form`; calls `onChanged` after a successful change. */
export function setupChangePassword(form: HTMLFormElement, onChanged: () => void = () => {}): void {
  const controller = new FormController(
    form,
    { currentPassword: 'current-password', newPassword: 'new-password' },
    'password-error',
  )
  const success = find(form, '#password-success')

  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    controller.clearErrors()
    success.hidden = true
    controller.setBusy(true, 'Updating…')
    try {
      await changePassword({
        currentPassword: controller.value('currentPassword'),
        newPassword: controller.value('newPassword'),
      })
    } catch (error) {
      controller.setBusy(false)
      controller.showError(error)
      return
    }
    controller.setBusy(false)
    form.reset()
    success.hidden = false
    onChanged()
  })
  form.addEventListener('input', () => {
    success.hidden = true
  })
}
