/** The signed-in account, as returned by `GET /api/me` and `POST /api/auth/register`. */
export interface User {
  id: string | number
  email: string
  /** ISO-8601 timestamp. */
  createdAt: string
}

export interface Credentials {
  email: string
  password: string
}

export interface ChangePasswordRequest {
  currentPassword: string
  newPassword: string
}

export interface DeleteAccountRequest {
  password: string
}
