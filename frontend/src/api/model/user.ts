import type { components } from '../schema.d.ts'

/** The signed-in account, as returned by `GET /api/me` and `POST /api/auth/register`. */
export type User = components['schemas']['UserView']

/** Body of `POST /api/auth/register`; also what the sign-in form sends. */
export type Credentials = components['schemas']['RegisterRequest']

export type ChangePasswordRequest = components['schemas']['ChangePasswordRequest']

export type DeleteAccountRequest = components['schemas']['DeleteAccountRequest']
