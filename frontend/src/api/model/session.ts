/** One entry of `GET /api/me/sessions`: a browser or device signed in to the account. */
export interface SignedInSession {
  id: string
  /** ISO-8601 timestamps. */
  createdAt: string
  lastSeenAt: string
  clientAddress?: string | null
  userAgent?: string | null
  /** True for the browser asking. */
  current: boolean
}
