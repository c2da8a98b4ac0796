/** The signed-in user as a Svelte store (`$user`); null while signed out. */
import { readable, type Readable } from 'svelte/store'
import type { User } from '../api/model/user.ts'
import { currentUser, onUserChange } from '../session.ts'

export const user: Readable<User | null> = readable(currentUser(), (set) => {
  set(currentUser())
  return onUserChange(set)
})
