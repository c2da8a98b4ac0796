import { signIn } from '../api/auth.ts'
import { ApiError } from '../api/http.ts'
import { fetchCurrentUser } from '../api/me.ts'
import { navigate } from '../router.ts'
import { setCurrentUser, takeFlash } from '../session.ts'
import { find, fragment } from '../ui/dom.ts'
import { FormController, messageOf } from '../ui/form.ts'

export const WRONG_CREDENTIALS = 'Wrong email or password.'

/** Text for a 429 from the sign-in endpoint. */
export function tooManyAttempts(retryAfterSeconds: number | undefined): string {
  if (retryAfterSeconds === undefined) return 'Too many failed sign-in attempts. Try again later.'
  const unit = retryAfterSeconds === 1 ? 'second' : 'seconds'
  return `Too many failed sign-in attempts. Try again in ${retryAfterSeconds} ${unit}.`
}

/** Signs in with form auth, then loads the account; throws {@link ApiError} on failure. */
export async function signInAndLoad(email: string, password: string): Promise<void> {
  await signIn({ email, password })
  const user = await fetchCurrentUser()
  // A 2xx without a session (e.g. a redirect to an error page) still means "not signed in".
  if (!user) throw new ApiError({ status: 401, title: 'Unauthorized', detail: WRONG_CREDENTIALS })
  setCurrentUser(user)
}

/** The message for a failed sign-in, whatever the cause. */
export function signInErrorMessage(error: unknown): string {
  if (error instanceof ApiError && error.status === 401) return WRONG_CREDENTIALS
  if (error instanceof ApiError && error.status === 429) return tooManyAttempts(error.retryAfterSeconds)
  return messageOf(error)
}

export function setupSignIn(outlet: HTMLElement): void {
  outlet.replaceChildren(
    fragment(`
      <section class="auth-card" aria-labelledby="signin-title">
        <h1 id="signin-title" tabindex="-1">Sign in</h1>
        <p class="auth-intro">Welcome back. Pick up where you left off.</p>
        <p class="notice" role="status" hidden></p>
        <form id="signin-form" class="form" novalidate>
          <div id="signin-error" class="form-alert" role="alert" hidden></div>
          <div class="field">
            <label for="signin-email">Email</label>
            <input id="signin-email" name="email" type="email" autocomplete="email"
                   inputmode="email" autocapitalize="none" spellcheck="false" required />
            <p id="signin-email-error" class="field-error" hidden></p>
          </div>
          <div class="field">
            <label for="signin-password">Password</label>
            <input id="signin-password" name="password" type="password" autocomplete="current-password" required />
            <p id="signin-password-error" class="field-error" hidden></p>
          </div>
          <button id="signin-submit" type="submit" class="btn btn-primary btn-block">Sign in</button>
        </form>
        <p class="auth-switch">New to Doppel? <a id="goto-signup" href="/signup">Create an account</a></p>
      </section>
    `),
  )

  const notice = find(outlet, '.notice')
  const flash = takeFlash()
  if (flash) {
    notice.textContent = flash
    notice.hidden = false
  }

  const form = find<HTMLFormElement>(outlet, '#signin-form')
  const controller = new FormController(form, { email: 'signin-email', password: 'signin-password' }, 'signin-error')

  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    controller.clearErrors()
    controller.setBusy(true, 'Signing in…')
    try {
      await signInAndLoad(controller.value('email').trim(), controller.value('password'))
    } catch (error) {
      controller.setBusy(false)
      // One message at a time: "Your account is ready" beside "Too many attempts" reads as a contradiction.
      notice.hidden = true
      controller.setFormError(signInErrorMessage(error))
      return
    }
    navigate('/library')
  })
}
