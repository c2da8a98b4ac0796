/** One failed constraint from a validation error. */
export interface Violation {
  field: string
  message: string
}

/** RFC 9457 `application/problem+json` body as sent by the backend. */
export interface ProblemDetails {
  type?: string
  title?: string
  status?: number
  detail?: string
  violations?: Violation[]
}
