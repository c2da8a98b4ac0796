import { ApiError } from '../api/http.ts'
import type { Video } from '../api/model/video.ts'
import { deleteVideo } from '../api/videos.ts'
import { confirmAction } from '../ui/confirm-dialog.ts'
import { messageOf } from '../ui/form.ts'
import { showToast } from '../ui/toast.ts'

/**
 * Asks for confirmation, then deletes. `onConfirmed` runs once the user has
 * said yes, before the request goes (to show the card as busy). Resolves to
 * true when the video is gone (a 404 counts: it was already gone); a failure
 * shows a toast and resolves to false.
 */
export async function confirmAndDeleteVideo(video: Video, onConfirmed?: () => void): Promise<boolean> {
  const confirmed = await confirmAction({
    title: `Delete “${video.name}”?`,
    message: 'This removes the video file for good.',
    confirmLabel: 'Delete video',
  })
  if (!confirmed) return false
  onConfirmed?.()
  try {
    await deleteVideo(video.id)
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return true
    showToast(`Could not delete “${video.name}”. ${messageOf(error)}`, 'error')
    return false
  }
  return true
}
