import type { components } from '../schema.d.ts'

/** `GET /api/me/storage`: what the account uses and the upload limits that apply to it. */
export type StorageUsage = components['schemas']['StorageUsage']
