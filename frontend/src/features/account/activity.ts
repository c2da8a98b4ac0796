/** What the "Recent activity" card calls each kind of entry, and its icon. */
import { icons } from '../../ui/icons.ts'

const LABELS: Record<string, string> = {
  REGISTERED: 'Account created',
  SIGNED_IN: 'Signed in',
  SIGN_IN_FAILED: 'Failed sign-in attempt',
  SIGN_IN_THROTTLED: 'Sign-in blocked after too many failed attempts',
  PASSWORD_CHANGED: 'Password changed',
}

export const ACTIVITY_ICONS: Record<string, string> = {
  REGISTERED: icons.userPlus,
  SIGNED_IN: icons.signIn,
  SIGN_IN_FAILED: icons.warning,
  SIGN_IN_THROTTLED: icons.warning,
  PASSWORD_CHANGED: icons.key,
}

/** "SOME_NEW_TYPE" → "Some new type" for types this UI does not know yet. */
export function activityLabel(type: string): string {
  const known = LABELS[type]
  if (known) return known
  const words = type.toLowerCase().replace(/_+/g, ' ').trim()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** Failed or blocked sign-ins stand out. */
export function isWarning(type: string): boolean {
  return type === 'SIGN_IN_FAILED' || type === 'SIGN_IN_THROTTLED'
}
