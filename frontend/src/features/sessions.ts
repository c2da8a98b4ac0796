import { navigate } from '../router.ts'
import { setCurrentUser, setFlash } from '../session.ts'

/** "Chrome on Linux" from a User-Agent header; "Unknown browser" when it says nothing we know. */
export function deviceLabel(userAgent: string | null | undefined): string {
  const ua = userAgent ?? ''
  const browser =
    /Edg\//.test(ua) ? 'Edge'
      : /OPR\/|Opera/.test(ua) ? 'Opera'
        : /Firefox\//.test(ua) ? 'Firefox'
          : /(Chrome|Chromium|CriOS)\//.test(ua) ? 'Chrome'
            : /Safari\//.test(ua) ? 'Safari'
              : /curl\//.test(ua) ? 'curl'
                : ''
  const system =
    /Android/.test(ua) ? 'Android'
      : /iPhone|iPad|iPod/.test(ua) ? 'iOS'
        : /Windows/.test(ua) ? 'Windows'
          : /Mac OS X|Macintosh/.test(ua) ? 'macOS'
            : /CrOS/.test(ua) ? 'ChromeOS'
              : /Linux/.test(ua) ? 'Linux'
                : ''
  if (browser && system) return `${browser} on ${system}`
  return browser || system || 'Unknown browser'
}

/** Ends this browser's sign-in in the UI the way the sign-out button does, with a word on the sign-in page. */
export function signedOutHere(message: string): void {
  setCurrentUser(null)
  setFlash(message)
  navigate('/signin')
}
