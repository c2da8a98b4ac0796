import { describe, expect, it } from 'vitest'
import type { FaceModel } from '../../api/model/model.ts'
import { keepStart, startingPointLabel, startingPoints } from './warm-start.ts'

function model(id: string, preset: string, checkpointIteration: number | null, startable = checkpointIteration !== null): FaceModel {
  return { id, name: `Model ${id}`, preset, checkpointIteration, startable } as FaceModel
}

describe('starting points', () => {
  const models = [
    model('m1', 'lite', 400), model('m2', 'tiny', 100), model('m3', 'lite', null), model('m4', 'lite', 2000),
    // A checkpoint of an earlier lite, shaped differently: the server says it cannot be a start.
    model('m5', 'lite', 5000, false),
  ]

  it('offers the models of the same preset that the server calls startable, most trained first', () => {
    expect(startingPoints(models, 'lite').map((m) => m.id)).toEqual(['m4', 'm1'])
    expect(startingPoints(models, 'hq')).toEqual([])
  })

  it('names a start with its iterations', () => {
    expect(startingPointLabel(model('m4', 'lite', 2000))).toBe('Model m4 (2,000 iterations)')
  })

  it('drops a chosen start that is no longer offered (another preset)', () => {
    expect(keepStart('m1', startingPoints(models, 'lite'))).toBe('m1')
    expect(keepStart('m1', startingPoints(models, 'tiny'))).toBe('')
    expect(keepStart('', startingPoints(models, 'lite'))).toBe('')
  })
})
