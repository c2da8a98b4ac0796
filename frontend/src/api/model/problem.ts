import type { components } from '../schema.d.ts'

/** One failed constraint from a validation error. */
export type Violation = components['schemas']['ProblemViolation']

/**
 * An `application/problem+json` body as the API documents it. Partial: an error can also come from a proxy or
 * the browser, so the client reads every field as optional.
 */
export type ProblemDetails = Partial<components['schemas']['Problem']>
