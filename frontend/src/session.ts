import type { User } from './api/model/user.ts'

type Listener = (user: User | null) => void

let current: User | null = null
const listeners = new Set<Listener>()
let flash: string | undefined

/** The signed-in user, or `null` when signed out. */
export function currentUser(): User | null {
  return current
}

export function setCurrentUser(user: User | null): void {
  current = user
  for (const listener of listeners) listener(user)
}

/** Calls `listener` on every sign-in / sign-out; returns the unsubscribe function. */
export function onUserChange(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** A one-shot notice for the next page (e.g. "Your account has been deleted."). */
export function setFlash(message: string): void {
  flash = message
}

export function takeFlash(): string | undefined {
  const message = flash
  flash = undefined
  return message
}
