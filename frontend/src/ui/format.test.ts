import { describe, expect, it } from 'vitest'
import {
  formatBytes,
  formatDuration,
  formatDurationWords,
  formatMinutes,
  formatRelative,
  formatTimeLeft,
  formatTimeSpent,
} from './format.ts'

describe('formatBytes', () => {
  it('uses units of 1024 with one decimal below ten', () => {
    expect(formatBytes(0)).toBe('0 bytes')
    expect(formatBytes(1)).toBe('1 byte')
    expect(formatBytes(1023)).toBe('1023 bytes')
    expect(formatBytes(1536)).toBe('1.5 KB')
    expect(formatBytes(350 * 1024)).toBe('350 KB')
    expect(formatBytes(5 * 1024 ** 3)).toBe('5 GB')
  })

  it('never shows 1024 of a unit after rounding', () => {
    expect(formatBytes(1024 ** 2 - 1)).toBe('1 MB')
  })

  it('shows a dash for what is not a size', () => {
    expect(formatBytes(-1)).toBe('—')
    expect(formatBytes(Number.NaN)).toBe('—')
  })
})

describe('formatDuration', () => {
  it('reads like a clock', () => {
    expect(formatDuration(3.2)).toBe('0:03')
    expect(formatDuration(725)).toBe('12:05')
    expect(formatDuration(3729)).toBe('1:02:09')
    expect(formatDuration(-5)).toBe('—')
  })
})

describe('formatDurationWords', () => {
  it('says limits in words', () => {
    expect(formatDurationWords(90)).toBe('90 seconds')
    expect(formatDurationWords(600)).toBe('10 minutes')
    expect(formatDurationWords(5400)).toBe('1 hour 30 minutes')
    expect(formatDurationWords(60)).toBe('1 minute')
  })
})

describe('time spent and left', () => {
  it('rounds spent time to what a person reads', () => {
    expect(formatTimeSpent(null)).toBe('—')
    expect(formatTimeSpent(0.4)).toBe('1 s')
    expect(formatTimeSpent(45)).toBe('45 s')
    expect(formatTimeSpent(720)).toBe('12 min')
    expect(formatTimeSpent(3900)).toBe('1 h 5 min')
    expect(formatMinutes(120)).toBe('2 h')
  })

  it('rounds time left to fives of seconds, then minutes', () => {
    expect(formatTimeLeft(3)).toBe('a few seconds left')
    expect(formatTimeLeft(38)).toBe('about 40 s left')
    expect(formatTimeLeft(130)).toBe('about 2 min left')
    expect(formatTimeLeft(-1)).toBe('')
  })
})

describe('formatRelative', () => {
  const now = Date.parse('2026-12-02T12:00:00Z')
  it('is "just now" within 45 seconds, then minutes, hours and days', () => {
    expect(formatRelative('2026-12-02T11:59:30Z', now)).toBe('just now')
    expect(formatRelative('2026-12-02T11:55:00Z', now)).toMatch(/5 minutes ago/)
    expect(formatRelative('2026-12-02T09:00:00Z', now)).toMatch(/3 hours ago/)
    expect(formatRelative('2026-12-01T12:00:00Z', now)).toMatch(/yesterday|1 day ago/)
  })

  it('says nothing for old or unreadable dates', () => {
    expect(formatRelative('2026-01-01T00:00:00Z', now)).toBe('')
    expect(formatRelative('not a date', now)).toBe('')
  })
})
