import type { components } from '../schema.d.ts'

/**
 * An uploaded source video, as returned by `GET /api/videos` and friends. `thumbnailReady` is false right after
 * upload, while the video's THUMBNAIL job runs (its `subjectId` is the video id).
 */
export type Video = components['schemas']['VideoView']

export type VideoId = Video['id']

/** Body of `PATCH /api/videos/{id}`. */
export type RenameVideoRequest = components['schemas']['RenameVideoRequest']
