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

const BYTE_UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB']

/** e.g. "1.2 GB", "350 KB", "5 GB" (units of 1024, one decimal below 10). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—'
  if (bytes < 1024) return bytes === 1 ? '1 byte' : `${Math.round(bytes)} bytes`
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024
    unit++
  }
  // Avoid "1024 MB" after rounding.
  if (Math.round(value) >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024
    unit++
  }
  const digits = value < 10 ? 1 : 0
  const number = new Intl.NumberFormat(undefined, { maximumFractionDigits: digits }).format(value)
  return `${number} ${BYTE_UNITS[unit]}`
}

/** Clock-style length: "0:03", "12:05", "1:02:09". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '—'
  const total = Math.round(seconds)
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = String(total % 60).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`
}

/** A limit in words: "10 minutes", "90 seconds", "1 hour 30 minutes". */
export function formatDurationWords(seconds: number): string {
  const total = Math.round(seconds)
  const plural = (n: number, unit: string): string => `${n} ${unit}${n === 1 ? '' : 's'}`
  if (total < 120 && total % 60 !== 0) return plural(total, 'second')
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  const parts: string[] = []
  if (h > 0) parts.push(plural(h, 'hour'))
  if (m > 0) parts.push(plural(m, 'minute'))
  if (s > 0) parts.push(plural(s, 'second'))
  return parts.join(' ')
}

/** "25 fps", "29.97 fps". */
export function formatFps(fps: number): string {
  if (!Number.isFinite(fps) || fps <= 0) return '—'
  return `${new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 }).format(fps)} fps`
}

/** "1920×1080". */
export function formatResolution(width: number, height: number): string {
  return `${width}×${height}`
}

/** "1,234". */
export function formatCount(value: number): string {
  return new Intl.NumberFormat().format(value)
}

/** Whole minutes in words: "12 min", "2 h", "1 h 5 min". */
export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} min`
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  return m === 0 ? `${h} h` : `${h} h ${m} min`
}

/** Time spent (training, worker time): "45 s", "12 min", "1 h 5 min"; "—" when none. */
export function formatTimeSpent(seconds: number | null | undefined): string {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0) return '—'
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`
  return formatMinutes(Math.round(seconds / 60))
}

/** A job's remaining time: "a few seconds left", "about 40 s left", "about 2 min left", "about 1 h 5 min left". */
export function formatTimeLeft(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return ''
  if (seconds < 10) return 'a few seconds left'
  if (seconds < 55) return `about ${Math.round(seconds / 5) * 5} s left`
  return `about ${formatMinutes(Math.max(1, Math.round(seconds / 60)))} left`
}
