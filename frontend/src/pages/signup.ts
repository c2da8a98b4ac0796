import { register } from '../api/auth.ts'
import { ApiError } from '../api/http.ts'
import { navigate } from '../router.ts'
import { setFlash } from '../session.ts'
import { find, fragment } from '../ui/dom.ts'
import { FormController } from '../ui/form.ts'
import { signInAndLoad } from './signin.ts'

export function setupSignUp(outlet: HTMLElement): void {
  outlet.replaceChildren(
    fragment(`
      <section class="auth-card" aria-labelledby="signup-title">
        <h1 id="signup-title" tabindex="-1">Create your account</h1>
        <p class="auth-intro">Swap faces between two videos, privately.</p>
        <form id="signup-form" class="form" novalidate>
          <div id="signup-error" class="form-alert" role="alert" hidden></div>
          <div class="field">
            <label for="signup-email">Email</label>
            <input id="signup-email" name="email" type="email" autocomplete="email"
                   inputmode="email" autocapitalize="none" spellcheck="false" required />
            <p id="signup-email-error" class="field-error" hidden></p>
          </div>
          <div class="field">
            <label for="signup-password">Password</label>
            <input id="signup-password" name="password" type="password" autocomplete="new-password"
                   minlength="10" required aria-describedby="signup-password-hint" />
            <p id="signup-password-hint" class="field-hint">At least 10 characters</p>
            <p id="signup-password-error" class="field-error" hidden></p>
          </div>
          <button id="signup-submit" type="submit" class="btn btn-primary btn-block">Create account</button>
        </form>
        <p class="auth-switch">Already have an account? <a id="goto-signin" href="/signin">Sign in</a></p>
      </section>
    `),
  )

  const form = find<HTMLFormElement>(outlet, '#signup-form')
  const controller = new FormController(form, { email: 'signup-email', password: 'signup-password' }, 'signup-error')

  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    controller.clearErrors()
    const email = controller.value('email').trim()
    const password = controller.value('password')

    controller.setBusy(true, 'Creating account…')
    try {
      await register({ email, password })
    } catch (error) {
      controller.setBusy(false)
      if (error instanceof ApiError && error.status === 409 && error.violations.length === 0) {
        controller.setFieldError('email', error.detail || 'An account with this email already exists.')
        controller.focusFirstInvalid()
      } else {
        controller.showError(error)
      }
      return
    }

    controller.setBusy(true, 'Signing in…')
    try {
      await signInAndLoad(email, password)
    } catch {
      // The account exists; only the automatic sign-in failed (e.g. throttled).
      setFlash('Your account is ready. Sign in to continue.')
      navigate('/signin')
      return
    }
    navigate('/library')
  })
}
