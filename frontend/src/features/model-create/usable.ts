import type { FaceSet } from '../../api/model/faceset.ts'

/** A face set can train a model once it is READY with at least this many faces. */
export const MIN_TRAIN_FACES = 2

export function isUsableFaceSet(faceSet: FaceSet): boolean {
  return faceSet.status === 'READY' && faceSet.faceCount >= MIN_TRAIN_FACES
}

/** The option text of a face set, saying why one that cannot train is there but disabled. */
export function faceSetOptionLabel(faceSet: FaceSet): string {
  if (isUsableFaceSet(faceSet)) return faceSet.name
  const why = faceSet.status === 'EXTRACTING' ? 'still extracting' : faceSet.status === 'FAILED' ? 'failed' : 'too few faces'
  return `${faceSet.name} (${why})`
}

/** The usable face sets first (newest first, as the server lists them), then the others, disabled. */
export function faceSetOptions(faceSets: readonly FaceSet[]): FaceSet[] {
  return [...faceSets.filter(isUsableFaceSet), ...faceSets.filter((faceSet) => !isUsableFaceSet(faceSet))]
}

/** What keeps face sets from training, for the panel that says what to do first. */
export function faceSetsWaiting(faceSets: readonly FaceSet[]): { extracting: number; tooFew: number } {
  return {
    extracting: faceSets.filter((faceSet) => faceSet.status === 'EXTRACTING').length,
    tooFew: faceSets.filter((faceSet) => faceSet.status === 'READY' && faceSet.faceCount < MIN_TRAIN_FACES).length,
  }
}
