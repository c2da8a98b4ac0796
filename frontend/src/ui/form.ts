import { ApiError } from '../api/http.ts'

/** A human sentence for any error. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.detail || error.title
  return 'Something went wrong. Try again.'
}
