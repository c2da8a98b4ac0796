/** Faces and face sets for the tests of this folder. */
import type { Face, FaceSet } from '../../api/model/faceset.ts'

export function face(id: string, blur: number, extra: Partial<Face> = {}): Face {
  return { id, faceSetId: 'set', frameIndex: 10, box: [0, 0, 96, 96], blur, size: 96.4, landmarks: true, faceScore: 0.91, looksLikeFace: true, ...extra }
}

export function faceSet(extra: Partial<FaceSet> = {}): FaceSet {
  return {
    id: 'set-1', name: 'Anna', videoId: 'video-1', status: 'READY', message: null, detector: 'yunet', everyNthFrame: 5,
    minFaceSize: 64, maxFacesPerFrame: 2, mask: 'hull', landmarks: true, faceCount: 42, framesScanned: 120,
    framesWithFaces: 40, facesChecked: 42, facesDoubtful: 2, mostlyNotFaces: false, createdAt: '2026-12-02T09:00:00Z',
    ...extra,
  }
}
