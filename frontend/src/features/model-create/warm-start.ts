/** Which earlier models a new one can start from, and how the choice reads. */
import type { FaceModel } from '../../api/model/model.ts'
import { formatCount } from '../../ui/format.ts'

/**
 * The account's models of `preset` that the server says a new model can start from (a checkpoint, and a network
 * still shaped as the preset is today), most trained first.
 */
export function startingPoints(models: readonly FaceModel[], preset: string): FaceModel[] {
  return models
    .filter((model) => model.preset === preset && model.startable)
    .sort((a, b) => (b.checkpointIteration ?? 0) - (a.checkpointIteration ?? 0))
}

/** "Anna ⇄ Ben (1,200 iterations)". */
export function startingPointLabel(model: FaceModel): string {
  return `${model.name} (${formatCount(model.checkpointIteration ?? 0)} iterations)`
}

/** The chosen start, kept only while it is still one of the points to start from. */
export function keepStart(chosen: string, points: readonly FaceModel[]): string {
  return points.some((model) => String(model.id) === chosen) ? chosen : ''
}
