import { request } from './http.ts'
import type { Credentials, User } from './model/user.ts'

const BASE = '/api/auth'
/** Quarkus form authentication endpoint (outside /api by design of the server). */
const FORM_LOGIN = '/j_security_check'

/** `POST /api/auth/register` → 201 with the new account. */
export function register(credentials: Credentials): Promise<User> {
  return request<User>(`${BASE}/register`, {
    method: 'POST',
    json: credentials,
    sessionRequired: false,
  })
}

/**
 * Form login: 200 and a session cookie; 401 for wrong credentials;
 * 429 with `Retry-After` when throttled.
 */
export async function signIn({ email, password }: Credentials): Promise<void> {
  await request(FORM_LOGIN, {
    method: 'POST',
    form: { j_username: email, j_password: password },
    sessionRequired: false,
  })
}

/** `POST /api/auth/logout` → 204. */
export async function signOut(): Promise<void> {
  await request(`${BASE}/logout`, { method: 'POST', sessionRequired: false })
}
