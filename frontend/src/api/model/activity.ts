/** Known activity types; the backend may add more, so any string is accepted. */
export type ActivityType =
  | 'REGISTERED'
  | 'SIGNED_IN'
  | 'SIGN_IN_FAILED'
  | 'SIGN_IN_THROTTLED'
  | 'PASSWORD_CHANGED'
  | (string & {})

/** One entry of `GET /api/me/activity`. */
export interface Activity {
  id: string | number
  type: ActivityType
  /** ISO-8601 timestamp. */
  at: string
  clientAddress?: string | null
}
