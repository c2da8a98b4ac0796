import { describe, expect, it } from 'vitest'
import { deviceLabel } from './sessions.ts'

describe('deviceLabel', () => {
  it('names the browser and the system', () => {
    expect(deviceLabel('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/142.0.0.0 Safari/537.36'))
      .toBe('Chrome on Linux')
    expect(deviceLabel('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1'))
      .toBe('Safari on iOS')
    expect(deviceLabel('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0'))
      .toBe('Edge on Windows')
    expect(deviceLabel('Mozilla/5.0 (Macintosh; Intel Mac OS X 14.1; rv:121.0) Gecko/20100101 Firefox/121.0'))
      .toBe('Firefox on macOS')
    expect(deviceLabel('Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36'))
      .toBe('Chrome on Android')
  })

  it('falls back to what it knows', () => {
    expect(deviceLabel('curl/7.88.1')).toBe('curl')
    expect(deviceLabel(null)).toBe('Unknown browser')
    expect(deviceLabel('')).toBe('Unknown browser')
  })
})
