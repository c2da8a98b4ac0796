import type { components } from '../schema.d.ts'

/** One entry of `GET /api/me/sessions`: a browser or device signed in to the account; `current` is this one. */
export type SignedInSession = components['schemas']['SessionView']
