const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' })
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' })

function parse(iso: string): Date | undefined {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? undefined : date
}

/** e.g. "12 Mar 2025, 14:05" in the user's locale and time zone. */
export function formatDateTime(iso: string): string {
  const date = parse(iso)
  return date ? dateTime.format(date) : iso
}

/** e.g. "12 March 2025". */
export function formatDate(iso: string): string {
  const date = parse(iso)
  return date ? dateOnly.format(date) : iso
}

/** e.g. "5 minutes ago", "yesterday"; empty when the date is unreadable. */
export function formatRelative(iso: string, now: number = Date.now()): string {
  const date = parse(iso)
  if (!date) return ''
  const seconds = Math.round((date.getTime() - now) / 1000)
  const abs = Math.abs(seconds)
  if (abs < 45) return 'just now'
  if (abs < 3600) return relative.format(Math.round(seconds / 60), 'minute')
  if (abs < 86400) return relative.format(Math.round(seconds / 3600), 'hour')
  if (abs < 86400 * 30) return relative.format(Math.round(seconds / 86400), 'day')
  return ''
}
