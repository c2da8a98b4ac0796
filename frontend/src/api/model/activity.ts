import type { components } from '../schema.d.ts'

/** One entry of `GET /api/me/activity` (generated: `AccountEventView`). */
export type Activity = components['schemas']['AccountEventView']
