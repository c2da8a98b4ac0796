import { ApiError, request } from './http.ts'
import type { Activity } from './model/activity.ts'
import type { SignedInSession } from './model/session.ts'
import type { StorageUsage } from './model/storage.ts'
import type { Usage } from './model/usage.ts'
import type { ChangePasswordRequest, DeleteAccountRequest, User } from './model/user.ts'

const BASE = '/api/me'

/** The signed-in user, or `null` when signed out (401). */
export async function fetchCurrentUser(): Promise<User | null> {
  try {
    return await request<User>(BASE, { sessionRequired: false })
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null
    throw error
  }
}

/** `PUT /api/me/password` → 204; 400 with violations on `currentPassword` / `newPassword`. */
export async function changePassword(body: ChangePasswordRequest): Promise<void> {
  await request(`${BASE}/password`, { method: 'PUT', json: body })
}

/** `DELETE /api/me` → 204 and the session ends; 400 with a violation on `password`. */
export async function deleteAccount(body: DeleteAccountRequest): Promise<void> {
  await request(BASE, { method: 'DELETE', json: body })
}

/** `GET /api/me/activity`, newest first as sent by the server. */
export async function fetchActivity(signal?: AbortSignal): Promise<Activity[]> {
  const list = await request<Activity[] | undefined>(`${BASE}/activity`, { signal })
  return Array.isArray(list) ? list : []
}

/** `GET /api/me/storage`: space used, the quota and the upload limits. */
export function fetchStorage(signal?: AbortSignal): Promise<StorageUsage> {
  return request<StorageUsage>(`${BASE}/storage`, { signal })
}

/** `GET /api/me/usage`: today's GPU and CPU time and the daily GPU limit. */
export function fetchUsage(signal?: AbortSignal): Promise<Usage> {
  return request<Usage>(`${BASE}/usage`, { signal })
}

/** `GET /api/me/sessions`: open sessions, most recently used first. */
export async function fetchSessions(signal?: AbortSignal): Promise<SignedInSession[]> {
  const list = await request<SignedInSession[] | undefined>(`${BASE}/sessions`, { signal })
  return Array.isArray(list) ? list : []
}

/** `DELETE /api/me/sessions/{id}` → 204: that session is refused from its next request on. */
export async function endSession(id: string): Promise<void> {
  await request(`${BASE}/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' })
}

/** `DELETE /api/me/sessions` → 204: every session of the account ends, this one included. */
export async function endAllSessions(): Promise<void> {
  await request(`${BASE}/sessions`, { method: 'DELETE' })
}
