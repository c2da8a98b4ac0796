import type { components, paths } from '../schema.d.ts'

type Schemas = components['schemas']

/**
 * The faces found in one video (or, with `videoId` null, copied from several sets by a merge), as returned by
 * `GET /api/facesets` and friends. EXTRACTING while its EXTRACT job runs (its `subjectId` is the face set id).
 */
export type FaceSet = Schemas['FaceSetView']

export type FaceSetId = FaceSet['id']

/** A face detector's name; `GET /api/faces/capabilities` lists the ones this server has. */
export type Detector = FaceSet['detector']

/** A mask's name; `GET /api/faces/capabilities` lists the ones this server can draw. */
export type MaskName = FaceSet['mask']

/** One aligned face of a set (`GET /api/facesets/{id}/faces`); `box` is x, y, width, height in the frame. */
export type Face = Schemas['FaceView']

export type FaceId = Face['id']

/** `frame`: by frame index; `blur`: sharpest first; `size`: largest first; `score`: least face-like first. */
export type FaceSort = NonNullable<NonNullable<paths['/api/facesets/{id}/faces']['get']['parameters']['query']>['sort']>

/** Body of `POST /api/facesets/{id}/extract`; what is left out keeps the server's default. */
export type ExtractRequest = Schemas['ExtractionSettings']

/** Body of `PATCH /api/facesets/{id}`. */
export type RenameFaceSetRequest = Schemas['RenameFaceSetRequest']

/** Body of `POST /api/facesets/merge`. */
export type MergeFaceSetsRequest = Schemas['MergeFaceSetsRequest']

/** Answer of `POST /api/faces/delete`: how many faces were removed. */
export type DeletedFaces = Schemas['DeletedFaces']

/** `GET /api/faces/capabilities`: landmarks and the face check (or why not), the detectors and masks. */
export type FaceCapabilities = Schemas['FaceCapabilities']
