import { request } from './http.ts'
import type { Job } from './model/job.ts'
import type {
  ExtractRequest,
  Face,
  FaceSet,
  FaceSetId,
  FaceSort,
  MergeFaceSetsRequest,
  RenameFaceSetRequest,
} from './model/faceset.ts'

const BASE = '/api/facesets'

function faceSetPath(id: FaceSetId): string {
  return `${BASE}/${encodeURIComponent(String(id))}`
}

/** `GET /api/facesets`, newest first as sent by the server. */
export async function listFaceSets(signal?: AbortSignal): Promise<FaceSet[]> {
  const list = await request<FaceSet[] | undefined>(BASE, { signal })
  return Array.isArray(list) ? list : []
}

/** `GET /api/facesets/{id}`; 404 for an unknown id or someone else's. */
export function fetchFaceSet(id: FaceSetId, signal?: AbortSignal): Promise<FaceSet> {
  return request<FaceSet>(faceSetPath(id), { signal })
}

/**
 * `GET /api/facesets/{id}/faces?sort=…`: by frame, sharpest first (`blur`),
 * largest first (`size`) or least face-like first (`score`).
 */
export async function listFaces(id: FaceSetId, sort: FaceSort = 'frame', signal?: AbortSignal): Promise<Face[]> {
  const list = await request<Face[] | undefined>(`${faceSetPath(id)}/faces?sort=${encodeURIComponent(sort)}`, { signal })
  return Array.isArray(list) ? list : []
}

/**
 * `POST /api/facesets/{id}/extract` → 202 with the EXTRACT job (its `subjectId`
 * is the face set). The set turns EXTRACTING; its faces are replaced when the
 * job finishes. 400 with violations on the settings.
 */
export function extractFaces(id: FaceSetId, body: ExtractRequest): Promise<Job> {
  return request<Job>(`${faceSetPath(id)}/extract`, { method: 'POST', json: body })
}

/** `PATCH /api/facesets/{id}` → the renamed set; 400 with a violation on `name`. */
export function renameFaceSet(id: FaceSetId, body: RenameFaceSetRequest): Promise<FaceSet> {
  return request<FaceSet>(faceSetPath(id), { method: 'PATCH', json: body })
}

/** `DELETE /api/facesets/{id}` → 204; its faces go with it. */
export async function deleteFaceSet(id: FaceSetId): Promise<void> {
  await request(faceSetPath(id), { method: 'DELETE' })
}

/**
 * `POST /api/facesets/merge` → 201 with a new READY set holding copies of the
 * faces. 400 when fewer than two are given or one is still extracting.
 */
export function mergeFaceSets(body: MergeFaceSetsRequest): Promise<FaceSet> {
  return request<FaceSet>(`${BASE}/merge`, { method: 'POST', json: body })
}
