import { ApiError } from '../api/http.ts'
import type { Video } from '../api/model/video.ts'
import { deleteVideo } from '../api/videos.ts'
import { messageOf } from '../ui/form.ts'
import { showToast } from '../ui/toast.ts'

/** The question `confirm()` asks before a video is deleted. */
export function deleteQuestion(name: string): string {
  return `Delete “${name}”? This removes the video file for good.`
}

/**
 * Asks for confirmation, then deletes. Resolves to true when the video is gone
 * (a 404 counts: it was already gone); a failure shows a toast and resolves to false.
 */
export async function confirmAndDeleteVideo(video: Video): Promise<boolean> {
  if (!window.confirm(deleteQuestion(video.name))) return false
  try {
    await deleteVideo(video.id)
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return true
    showToast(`Could not delete “${video.name}”. ${messageOf(error)}`, 'error')
    return false
  }
  return true
}
