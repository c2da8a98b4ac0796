import type { VideoId } from './video.ts'

export type FaceSetId = string

export type FaceId = string

/** EXTRACTING while its EXTRACT job runs (its `subjectId` is the face set id). */
export type FaceSetStatus = 'EXTRACTING' | 'READY' | 'FAILED'

/** Known face detectors; `GET /api/faces/capabilities` lists the ones this server has. */
export type Detector = 'haar' | 'lbp' | 'yunet' | (string & {})

/** Known masks: the landmarks' hull, or Face Mesh's face oval. */
export type MaskName = 'hull' | 'mesh' | (string & {})

/**
 * The faces found in one video (or, with `videoId` null, copied from several
 * sets by a merge), as returned by `GET /api/facesets` and friends.
 */
export interface FaceSet {
  id: FaceSetId
  name: string
  /** The video it was extracted from; null for merged sets. */
  videoId: VideoId | null
  status: FaceSetStatus
  /**
   * A sentence for people, e.g. "15 faces from 15 of 15 frames scanned", or why
   * nothing was found.
   */
  message: string | null
  detector: Detector
  /** The mask its faces were drawn with (a swap of this person uses it too). */
  mask: MaskName
  everyNthFrame: number
  minFaceSize: number
  maxFacesPerFrame: number
  /** Aligned on 68 landmarks; false: on the eyes only. */
  landmarks: boolean
  faceCount: number
  framesScanned: number
  framesWithFaces: number
  /** Faces the face check looked at (0: none, e.g. a set from before the check or without its model file). */
  facesChecked: number
  /** Checked faces that may not be faces. */
  facesDoubtful: number
  /** Most checked faces may not be faces: the set needs a review. */
  mostlyNotFaces: boolean
  /** ISO-8601 timestamp. */
  createdAt: string
}

/** One aligned face of a set (`GET /api/facesets/{id}/faces`). */
export interface Face {
  id: FaceId
  faceSetId: FaceSetId
  frameIndex: number
  /** Where it was in the frame: x, y, width, height (pixels). */
  box: [number, number, number, number]
  /** Variance of the Laplacian: higher is sharper. */
  blur: number
  /** Face width in the frame, pixels. */
  size: number
  /** Aligned on 68 landmarks; false: on the eyes only. */
  landmarks: boolean
  /** How sure the face check is that this is a face, 0–1; null: not checked. */
  faceScore: number | null
  /** Whether the face check passed; null: not checked (unknown, not failed). */
  looksLikeFace: boolean | null
}

/** `frame`: by frame index; `blur`: sharpest first; `size`: largest first; `score`: least face-like first. */
export type FaceSort = 'frame' | 'blur' | 'size' | 'score'

/** Body of `POST /api/facesets/{id}/extract`; what is left out keeps the server's default. */
export interface ExtractRequest {
  /** 1–1000. */
  everyNthFrame?: number
  /** 16–4096 pixels. */
  minFaceSize?: number
  /** 1–20. */
  maxFacesPerFrame?: number
  detector?: Detector
  mask?: MaskName
}

/** Body of `PATCH /api/facesets/{id}`. */
export interface RenameFaceSetRequest {
  name: string
}

/** Body of `POST /api/facesets/merge`. */
export interface MergeFaceSetsRequest {
  name?: string
  faceSets: FaceSetId[]
}

/** `GET /api/faces/capabilities`. */
export interface FaceCapabilities {
  /** Whether faces are aligned on 68 landmarks (otherwise on the eyes only). */
  landmarks: boolean
  /** Why landmarks are unavailable, when they are. */
  landmarksProblem: string | null
  detectors: Detector[]
  defaultDetector: Detector
  /** Masks this server can draw, the default first. */
  masks: MaskName[]
  defaultMask: MaskName
  /** Side of the square face images, pixels. */
  alignedSize: number
  /** Whether extracted faces are checked by a second face model. */
  faceCheck: boolean
  /** Why they are not, when they are not. */
  faceCheckProblem: string | null
}
