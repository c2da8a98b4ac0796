import { describe, expect, it } from 'vitest'
import type { Job } from '../../api/model/job.ts'
import {
  deleteQuestion, extractionEndedText, extractionView, landmarksNotice, noFacesText, removeLabel, removeQuestion,
  selectedCountText, subtitleText, summaryRows,
} from './faceset-text.ts'
import { faceSet } from './test-faces.ts'

function job(extra: Partial<Job>): Job {
  return { id: 'job-1', type: 'EXTRACT', status: 'RUNNING', progress: 0, message: null, ...extra } as Job
}

describe('landmarks notice', () => {
  it('says why landmarks are unavailable, without a doubled full stop', () => {
    expect(landmarksNotice('The model file is missing. ')).toBe(
      'Landmarks are unavailable: The model file is missing. Faces are aligned on the eyes only, which trains a blurrier model.',
    )
  })

  it('has a reason of its own when the server gives none', () => {
    expect(landmarksNotice(null)).toBe(
      'Landmarks are unavailable: the landmark model could not be loaded. Faces are aligned on the eyes only, which trains a blurrier model.',
    )
    expect(landmarksNotice('  ')).toContain('the landmark model could not be loaded.')
  })
})

describe('face set page words', () => {
  it('sums the set up under its name by its state', () => {
    expect(subtitleText(faceSet({ status: 'EXTRACTING', faceCount: 0 }))).toBe('Finding faces…')
    expect(subtitleText(faceSet({ status: 'EXTRACTING', faceCount: 3 }))).toBe('3 faces · extracting again')
    expect(subtitleText(faceSet({ status: 'FAILED', faceCount: 1 }))).toBe('1 face · extraction failed')
    expect(subtitleText(faceSet({ mostlyNotFaces: true, facesDoubtful: 31, facesChecked: 42 }))).toBe(
      '42 faces · 31 of 42 may not be faces — review them',
    )
    expect(subtitleText(faceSet())).toBe('42 faces · 40 of 120 scanned frames had faces')
  })

  it('shows extraction progress from the job, indeterminate until it is known', () => {
    expect(extractionView(faceSet(), undefined)).toBeUndefined()
    expect(extractionView(faceSet({ status: 'EXTRACTING', faceCount: 0 }), undefined)).toEqual({
      title: 'Finding faces…', percent: undefined, message: 'Starting…', note: false,
    })
    expect(extractionView(faceSet({ status: 'EXTRACTING' }), job({ status: 'QUEUED' }))).toEqual({
      title: 'Extracting again…', percent: 0, message: 'Waiting for a worker…', note: true,
    })
    expect(extractionView(faceSet({ status: 'EXTRACTING' }), job({ progress: 0.426, message: ' Frame 40 of 120 ' }))).toMatchObject({
      percent: 43, message: 'Frame 40 of 120',
    })
  })

  it('says why extraction failed', () => {
    expect(extractionView(faceSet({ status: 'FAILED', message: 'No video stream.' }), undefined)).toEqual({
      title: 'Extraction failed', percent: undefined, message: 'No video stream.', note: false,
    })
    expect(extractionView(faceSet({ status: 'FAILED', message: null }), undefined)?.message).toBe(
      'No faces could be extracted. Try again with other settings.',
    )
  })

  it('explains an empty grid by the set’s state', () => {
    expect(noFacesText(faceSet({ status: 'EXTRACTING' }))).toBe('Faces appear here when extraction finishes.')
    expect(noFacesText(faceSet({ status: 'FAILED' }))).toBe('No faces. Try extracting again with other settings.')
    expect(noFacesText(faceSet())).toBe('No faces in this set.')
  })

  it('counts the selection and names the remove button by it', () => {
    expect(selectedCountText(2, 42)).toBe('2 of 42 faces selected')
    expect(selectedCountText(0, 1)).toBe('0 of 1 face selected')
    expect(removeLabel(0)).toBe('Remove selected')
    expect(removeLabel(1)).toBe('Remove 1 face')
    expect(removeLabel(3)).toBe('Remove 3 faces')
  })

  it('asks before removing faces and before deleting the set', () => {
    expect(removeQuestion(2, 'Anna')).toEqual({
      title: 'Remove these 2 faces?', message: 'They leave “Anna” for good. This cannot be undone.', confirmLabel: 'Remove 2 faces',
    })
    expect(removeQuestion(1, 'Anna')).toEqual({
      title: 'Remove this face?', message: 'It leaves “Anna” for good. This cannot be undone.', confirmLabel: 'Remove face',
    })
    expect(deleteQuestion(faceSet())).toEqual({
      title: 'Delete “Anna”?', message: 'Its 42 faces go with it. This cannot be undone.', confirmLabel: 'Delete face set',
    })
    expect(deleteQuestion(faceSet({ faceCount: 1 })).message).toBe('Its one face goes with it. This cannot be undone.')
    expect(deleteQuestion(faceSet({ faceCount: 0 })).message).toBe('This cannot be undone.')
  })

  it('announces how an extraction ended', () => {
    expect(extractionEndedText(faceSet())).toBe('Extraction finished: 42 faces.')
    expect(extractionEndedText(faceSet({ mostlyNotFaces: true, facesDoubtful: 30 }))).toBe(
      'Extraction finished: 42 faces. 30 of 42 may not be faces — review them.',
    )
    expect(extractionEndedText(faceSet({ status: 'FAILED', message: 'Out of memory.' }))).toBe('Extraction failed. Out of memory.')
  })

  it('lists the settings in the summary', () => {
    const rows = Object.fromEntries(summaryRows(faceSet({ mask: 'mesh' })).map((row) => [row.key, row.value]))
    expect(rows).toMatchObject({
      faces: '42', 'face-check': '40 of 42 look like faces', detector: 'YuNet', mask: 'Face Mesh oval (to the hairline)',
      'every-nth': 'Every 5th frame', 'min-size': '64 px', 'max-faces': 'at most 2',
    })
  })
})
