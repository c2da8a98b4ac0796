/** `GET /api/me/storage`: what the account uses and the upload limits that apply to it. */
export interface StorageUsage {
  usedBytes: number
  quotaBytes: number
  /** Largest single upload. */
  maxUploadBytes: number
  maxDurationSeconds: number
  /** Longest side (width or height) a video may have. */
  maxLongSidePixels: number
}
