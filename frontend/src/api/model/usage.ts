import type { components } from '../schema.d.ts'

/** `GET /api/me/usage`: worker time used today (UTC) and the daily GPU limit (null: none). */
export type Usage = components['schemas']['UsageView']
