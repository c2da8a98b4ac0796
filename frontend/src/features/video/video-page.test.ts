import { describe, expect, it } from 'vitest'
import type { FaceSet } from '../../api/model/faceset.ts'
import type { Video } from '../../api/model/video.ts'
import { containerText, faceSetOf, formatBitRate } from './video-page.ts'

describe('video page', () => {
  it('gives the average bit rate in kb/s or Mb/s, and a dash when it cannot', () => {
    expect(formatBitRate(198_000, 3)).toBe('528 kb/s')
    expect(formatBitRate(1_575_000, 3)).toBe('4.2 Mb/s')
    expect(formatBitRate(0, 3)).toBe('—')
    expect(formatBitRate(1000, 0)).toBe('—')
  })

  it('spaces out a container family so that it can wrap', () => {
    expect(containerText('mov,mp4,m4a,3gp,3g2,mj2')).toBe('mov, mp4, m4a, 3gp, 3g2, mj2')
    expect(containerText('')).toBe('—')
  })

  it('finds the face set made from the video, not a merged one', () => {
    const sets = [
      { id: 'f3', name: 'merged', videoId: null },
      { id: 'f2', name: 'newest', videoId: 'v1' },
      { id: 'f1', name: 'older', videoId: 'v1' },
    ] as FaceSet[]
    expect(faceSetOf({ id: 'v1' } as Video, sets)?.id).toBe('f2')
    expect(faceSetOf({ id: 'v9' } as Video, sets)).toBeUndefined()
  })
})
