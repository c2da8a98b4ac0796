export type VideoId = string | number

/** An uploaded source video, as returned by `GET /api/videos` and friends. */
export interface Video {
  id: VideoId
  name: string
  sizeBytes: number
  /** Container format as probed, e.g. `mp4` or `mov,mp4,m4a,3gp,3g2,mj2`. */
  container: string
  videoCodec: string
  audioCodec: string | null
  width: number
  height: number
  fps: number
  frameCount: number
  durationSeconds: number
  hasAudio: boolean
  /**
   * Whether `GET /api/videos/{id}/thumbnail` has an image yet. False right after
   * upload, while the video's THUMBNAIL job runs (its `subjectId` is the video id).
   * Older servers leave it out: treat a missing value as ready.
   */
  thumbnailReady?: boolean
  /** ISO-8601 timestamp. */
  createdAt: string
}

/** Body of `PATCH /api/videos/{id}`. */
export interface RenameVideoRequest {
  name: string
}
