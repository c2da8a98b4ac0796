/** The words of the upload area, apart from the components so that they can be tested and reused. */
import type { StorageUsage } from '../../api/model/storage.ts'
import { formatBytes, formatDurationWords } from '../../ui/format.ts'
import type { Upload } from '../../video-uploads.ts'

export const CONSENT_LABEL = 'I have the right to use these videos and the consent of the people shown in them.'
export const CONSENT_REQUIRED = 'Please confirm you have the right and consent to upload these videos.'
export const FORMATS = 'MP4, MOV, MKV, WebM or AVI'

/** What a row says under its progress bar (a failed row shows its error instead). */
export const STATE_TEXT: Record<Upload['status'], string> = {
  queued: 'Waiting…',
  uploading: 'Uploading…',
  processing: 'Checking the video…',
  failed: '',
}

/** The account's limits per video, after the formats in the drop zone's hint. */
export function limitsText(usage: StorageUsage): string {
  return (
    `Up to ${formatBytes(usage.maxUploadBytes)} and ${formatDurationWords(usage.maxDurationSeconds)} per video, ` +
    `at most ${usage.maxLongSidePixels} px on the long side.`
  )
}

/** How full the storage is, 0–1 (0 without a quota). */
export function storageShare(usage: StorageUsage): number {
  return usage.quotaBytes > 0 ? Math.min(1, usage.usedBytes / usage.quotaBytes) : 0
}

export function storageText(usage: StorageUsage): string {
  return `${formatBytes(usage.usedBytes)} of ${formatBytes(usage.quotaBytes)} used`
}

/** Read out when files are taken. */
export function startedText(files: readonly File[]): string {
  return files.length === 1 ? `Uploading “${files[0]!.name}”.` : `Uploading ${files.length} videos.`
}
