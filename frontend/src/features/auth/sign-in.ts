/** Signing in: the form-auth round trip and what to say when it fails. */
import { signIn } from '../../api/auth.ts'
import { ApiError } from '../../api/http.ts'
import { fetchCurrentUser } from '../../api/me.ts'
import { setCurrentUser } from '../../session.ts'
import { messageOf } from '../../ui/form.ts'

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
