import { describe, expect, it } from 'vitest'
import type { FaceSet } from '../../api/model/faceset.ts'
import type { Video } from '../../api/model/video.ts'
import { chooseVideo, defaultDirection, directionPeople, facesHint, readNumber, videoHint, videoOptionText, type FaceSetPair } from './swap-options.ts'

const video = (id: string, name: string): Video => ({ id, name, durationSeconds: 72, width: 1280, height: 720, hasAudio: true }) as Video
const faceSet = (name: string, videoId: string | null): FaceSet => ({ id: `fs-${name}`, name, videoId, minFaceSize: 40 }) as FaceSet

// Newest first, as the server lists them.
const videos = [video('v3', 'Beach'), video('v2', 'Bob talks'), video('v1', 'Alice talks')]
const pair: FaceSetPair = { a: faceSet('Alice', 'v1'), b: faceSet('Bob', 'v2') }

describe('the swap form', () => {
  it('starts on the newest video the model did not learn from, and keeps a choice the list still has', () => {
    expect(chooseVideo(videos, pair, '')).toBe('v3')
    expect(chooseVideo(videos.slice(1), pair, '')).toBe('v2')
    expect(chooseVideo(videos, pair, 'v1')).toBe('v1')
    expect(chooseVideo(videos, pair, 'gone')).toBe('v3')
    expect(chooseVideo([], pair, '')).toBe('')
  })

  it('marks the face sets’ videos and describes the one chosen', () => {
    expect(videos.map((v) => videoOptionText(v, pair))).toEqual(['Beach', 'Bob talks (face set B’s video)', 'Alice talks (face set A’s video)'])
    expect(videoHint(videos[0])).toBe('1:12 · 1280×720 · with audio')
    expect(videoHint(undefined)).toBe('')
  })

  it('swaps B for A in B’s own video, A for B otherwise', () => {
    expect(defaultDirection('v2', pair)).toBe('B_TO_A')
    expect(defaultDirection('v1', pair)).toBe('A_TO_B')
    expect(defaultDirection('v3', { a: undefined, b: undefined })).toBe('A_TO_B')
    expect(directionPeople('B_TO_A', pair)).toEqual({ from: 'Bob', to: 'Alice' })
    expect(directionPeople('A_TO_B', { a: undefined, b: undefined })).toEqual({ from: 'A', to: 'B' })
  })

  it('says which faces stay as they are once the source face set is known', () => {
    expect(facesHint('A_TO_B', pair)).toBe(
      'With several people in the video, choose whose faces change. Faces under 40 px (the minimum of Alice’s face set) stay as they are.',
    )
    expect(facesHint('B_TO_A', { a: pair.a, b: undefined })).toBe('With several people in the video, choose whose faces change.')
  })

  it('reads the number options: empty means the default, anything else a whole number within the limits', () => {
    expect(readNumber('maskErode', '', false)).toEqual({ value: 3 })
    expect(readNumber('maskFeather', ' 12 ', false)).toEqual({ value: 12 })
    expect(readNumber('maskErode', '21', false)).toEqual({ error: 'Enter a whole number from 0 to 20.' })
    expect(readNumber('fineTuneIterations', '1.5', false)).toEqual({ error: 'Enter a whole number from 0 to 100,000.' })
    expect(readNumber('fineTuneIterations', '', true)).toEqual({ error: 'Enter a whole number from 0 to 100,000.' })
  })
})
