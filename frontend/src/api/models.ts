import { request } from './http.ts'
import type {
  CreateModelRequest,
  FaceModel,
  LossEventData,
  LossPoint,
  ModelId,
  Preset,
  PreviewEventData,
  TrainingLimits,
} from './model/model.ts'

const BASE = '/api/models'

/** The `/api/events` event that carries a new loss point ({@link LossEventData}). */
export const LOSS_EVENT = 'loss'
/** The `/api/events` event that says a new preview grid exists ({@link PreviewEventData}). */
export const PREVIEW_EVENT = 'preview'

function modelPath(id: ModelId): string {
  return `${BASE}/${encodeURIComponent(String(id))}`
}

/** `GET /api/models/presets`: tiny (tests), lite (the CPU default), original and hq (GPUs). */
export async function listPresets(signal?: AbortSignal): Promise<Preset[]> {
  const list = await request<Preset[] | undefined>(`${BASE}/presets`, { signal })
  return Array.isArray(list) ? list : []
}

/** `GET /api/models`, newest first as sent by the server. */
export async function listModels(signal?: AbortSignal): Promise<FaceModel[]> {
  const list = await request<FaceModel[] | undefined>(BASE, { signal })
  return Array.isArray(list) ? list : []
}

/** `GET /api/models/{id}`; 404 for an unknown id or someone else's. */
export function fetchModel(id: ModelId, signal?: AbortSignal): Promise<FaceModel> {
  return request<FaceModel>(modelPath(id), { signal })
}

/**
 * `POST /api/models` → 201 with the model; training starts at once (QUEUED,
 * then TRAINING). 400 with violations on `faceSetA`, `faceSetB`, `preset` and
 * the limits.
 */
export function createModel(body: CreateModelRequest): Promise<FaceModel> {
  return request<FaceModel>(BASE, { method: 'POST', json: body })
}

/** `GET /api/models/{id}/loss`: the history, oldest first (a point every 10 iterations). */
export async function fetchLossHistory(id: ModelId, signal?: AbortSignal): Promise<LossPoint[]> {
  const list = await request<LossPoint[] | undefined>(`${modelPath(id)}/loss`, { signal })
  return Array.isArray(list) ? list : []
}

/**
 * The latest preview grid (PNG, 404 until the first exists): 4 rows of 6
 * 128 px cells: A, A→A, A→B, B, B→B, B→A. `iteration` busts caches.
 */
export function previewUrl(id: ModelId, iteration?: number | null): string {
  const url = `${modelPath(id)}/preview`
  return iteration === undefined || iteration === null ? url : `${url}?v=${encodeURIComponent(String(iteration))}`
}

/** `POST /api/models/{id}/stop` → the model; it turns STOPPED once a checkpoint is saved. 409 when not training. */
export function stopModel(id: ModelId): Promise<FaceModel> {
  return request<FaceModel>(`${modelPath(id)}/stop`, { method: 'POST' })
}

/** `POST /api/models/{id}/resume` → the model, from its last checkpoint, with new limits if given. 409 when already training. */
export function resumeModel(id: ModelId, limits?: TrainingLimits): Promise<FaceModel> {
  const hasLimits = limits !== undefined && Object.keys(limits).length > 0
  return request<FaceModel>(`${modelPath(id)}/resume`, { method: 'POST', json: hasLimits ? limits : undefined })
}

/** `DELETE /api/models/{id}` → 204; its history, checkpoint and previews go with it. */
export async function deleteModel(id: ModelId): Promise<void> {
  await request(modelPath(id), { method: 'DELETE' })
}

/** Whether an event's data is a loss point (numbers may be null while a decoder has none yet). */
export function isLossEvent(data: unknown): data is LossEventData {
  if (!data || typeof data !== 'object') return false
  const value = data as Partial<LossEventData>
  return value.modelId !== undefined && value.modelId !== null && typeof value.iteration === 'number'
}

export function isPreviewEvent(data: unknown): data is PreviewEventData {
  if (!data || typeof data !== 'object') return false
  const value = data as Partial<PreviewEventData>
  return value.modelId !== undefined && value.modelId !== null && typeof value.iteration === 'number'
}
