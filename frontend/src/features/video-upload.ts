import { fetchStorage } from '../api/me.ts'
import type { StorageUsage } from '../api/model/storage.ts'
import { el, find, fragment } from '../ui/dom.ts'
import { formatBytes, formatDurationWords } from '../ui/format.ts'
import { icons } from '../ui/icons.ts'
import {
  cancelUpload,
  currentUploads,
  dismissUpload,
  enqueueUploads,
  onUploadEvent,
  retryUpload,
  setUploadLimits,
  type Upload,
  type UploadEvent,
} from '../video-uploads.ts'

export const CONSENT_LABEL = 'I have the right to use these videos and the consent of the people shown in them.'
export const CONSENT_REQUIRED = 'Please confirm you have the right and consent to upload these videos.'
const FORMATS = 'MP4, MOV, MKV, WebM or AVI'

export interface VideoUpload {
  /** Reloads the storage line (after an upload or a delete). */
  refreshStorage(): void
  dispose(): void
}

/**
 * The upload area of the Videos section: consent checkbox, drop zone with a
 * file picker, storage usage and limits, and one row per upload with its progress.
 */
export function setupVideoUpload(container: HTMLElement): VideoUpload {
  container.classList.add('video-upload')
  container.replaceChildren(
    fragment(`
      <div class="consent">
        <input type="checkbox" id="video-consent" name="consent" />
        <label for="video-consent"></label>
      </div>
      <p id="video-consent-error" class="field-error" hidden></p>
      <div id="video-dropzone" class="dropzone">
        <span class="dropzone-icon">${icons.upload}</span>
        <div class="dropzone-copy">
          <p class="dropzone-title">Drag videos here to upload</p>
          <p id="video-limits" class="dropzone-hint"></p>
        </div>
        <button type="button" id="video-choose" class="btn btn-secondary btn-sm" aria-describedby="video-limits">Choose files</button>
        <input type="file" id="video-upload-input" class="visually-hidden" multiple
               accept="video/*,.mp4,.mov,.mkv,.webm,.avi" tabindex="-1" aria-label="Video files to upload" />
      </div>
      <div id="video-storage" class="storage" hidden>
        <p class="storage-text"></p>
        <div class="storage-bar" aria-hidden="true"><span class="storage-bar-fill"></span></div>
      </div>
      <ul id="video-upload-list" class="upload-list" aria-label="Uploads" hidden></ul>
      <p id="video-upload-status" class="visually-hidden" role="status" aria-live="polite"></p>
    `),
  )

  const consent = find<HTMLInputElement>(container, '#video-consent')
  find(container, 'label[for="video-consent"]').textContent = CONSENT_LABEL
  const consentError = find(container, '#video-consent-error')
  const dropzone = find(container, '#video-dropzone')
  const input = find<HTMLInputElement>(container, '#video-upload-input')
  const chooseButton = find<HTMLButtonElement>(container, '#video-choose')
  const limitsHint = find(container, '#video-limits')
  const storage = find(container, '#video-storage')
  const list = find<HTMLUListElement>(container, '#video-upload-list')
  const liveStatus = find(container, '#video-upload-status')
  limitsHint.textContent = `${FORMATS}.`

  // --- Consent -------------------------------------------------------------

  const showConsentError = (): void => {
    consentError.textContent = CONSENT_REQUIRED
    consentError.hidden = false
    consent.setAttribute('aria-invalid', 'true')
    consent.setAttribute('aria-describedby', consentError.id)
    consent.focus()
  }
  const clearConsentError = (): void => {
    consentError.hidden = true
    consentError.textContent = ''
    consent.removeAttribute('aria-invalid')
    consent.removeAttribute('aria-describedby')
  }
  consent.addEventListener('change', () => {
    if (consent.checked) clearConsentError()
  })

  /** Nothing leaves the browser without consent. */
  const takeFiles = (files: File[]): void => {
    if (files.length === 0) return
    if (!consent.checked) {
      showConsentError()
      return
    }
    clearConsentError()
    enqueueUploads(files)
    announce(files.length === 1 ? `Uploading “${files[0]!.name}”.` : `Uploading ${files.length} videos.`)
  }

  // --- Picker and drop zone ------------------------------------------------

  chooseButton.addEventListener('click', (event) => {
    event.stopPropagation()
    if (!consent.checked) {
      showConsentError()
      return
    }
    input.click()
  })
  // The whole zone is a mouse target for the picker; the button is the keyboard one.
  dropzone.addEventListener('click', (event) => {
    if (event.target === input) return
    if (!consent.checked) {
      showConsentError()
      return
    }
    input.click()
  })
  input.addEventListener('change', () => {
    const files = [...(input.files ?? [])]
    // Reset, so picking the same file again still fires `change`.
    input.value = ''
    takeFiles(files)
  })

  let dragDepth = 0
  const hasFiles = (event: DragEvent): boolean => event.dataTransfer?.types.includes('Files') ?? false
  dropzone.addEventListener('dragenter', (event) => {
    if (!hasFiles(event)) return
    event.preventDefault()
    dragDepth++
    dropzone.classList.add('is-dragover')
  })
  dropzone.addEventListener('dragover', (event) => {
    if (!hasFiles(event)) return
    event.preventDefault()
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy'
  })
  dropzone.addEventListener('dragleave', () => {
    dragDepth = Math.max(0, dragDepth - 1)
    if (dragDepth === 0) dropzone.classList.remove('is-dragover')
  })
  dropzone.addEventListener('drop', (event) => {
    event.preventDefault()
    dragDepth = 0
    dropzone.classList.remove('is-dragover')
    takeFiles([...(event.dataTransfer?.files ?? [])])
  })
  // A file dropped next to the zone must not make the browser open it (and end the uploads).
  const swallowDrop = (event: DragEvent): void => {
    if (hasFiles(event) && !dropzone.contains(event.target as Node)) {
      event.preventDefault()
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'none'
    }
  }
  window.addEventListener('dragover', swallowDrop)
  window.addEventListener('drop', swallowDrop)

  // --- Storage and limits --------------------------------------------------

  let storageController: AbortController | undefined
  const showStorage = (usage: StorageUsage): void => {
    const share = usage.quotaBytes > 0 ? Math.min(1, usage.usedBytes / usage.quotaBytes) : 0
    find(storage, '.storage-text').textContent =
      `${formatBytes(usage.usedBytes)} of ${formatBytes(usage.quotaBytes)} used`
    find(storage, '.storage-bar-fill').style.width = `${(share * 100).toFixed(1)}%`
    storage.classList.toggle('is-nearly-full', share >= 0.9)
    storage.hidden = false
    limitsHint.replaceChildren(
      el('span', {}, `${FORMATS}.`),
      ' ',
      el(
        'span',
        {},
        `Up to ${formatBytes(usage.maxUploadBytes)} and ${formatDurationWords(usage.maxDurationSeconds)} per video, ` +
          `at most ${usage.maxLongSidePixels} px on the long side.`,
      ),
    )
  }
  const refreshStorage = async (): Promise<void> => {
    storageController?.abort()
    const controller = new AbortController()
    storageController = controller
    try {
      const usage = await fetchStorage(controller.signal)
      if (controller.signal.aborted) return
      setUploadLimits(usage)
      showStorage(usage)
    } catch {
      // The hint is a nicety: the server still enforces every limit.
    }
  }

  // --- Upload rows ---------------------------------------------------------

  const rows = new Map<number, HTMLLIElement>()
  const announce = (message: string): void => {
    // Re-set even an identical message so it is read again.
    liveStatus.textContent = ''
    window.setTimeout(() => {
      liveStatus.textContent = message
    }, 50)
  }
  const syncListVisibility = (): void => {
    list.hidden = rows.size === 0
  }

  const onEvent = (event: UploadEvent): void => {
    const { upload } = event
    switch (event.kind) {
      case 'added':
      case 'changed': {
        const wasFailed = rows.get(upload.id)?.dataset.status === 'failed'
        renderRow(upload)
        if (event.kind === 'changed' && upload.status === 'failed' && !wasFailed) {
          announce(`“${upload.file.name}” could not be uploaded. ${upload.error ?? ''}`)
        }
        break
      }
      case 'removed':
        removeRow(upload.id)
        break
      case 'uploaded':
        removeRow(upload.id)
        announce(`“${upload.file.name}” is uploaded.`)
        void refreshStorage()
        break
    }
  }

  const removeRow = (id: number): void => {
    const row = rows.get(id)
    if (!row) return
    // Keep focus inside the list when the focused row goes away.
    const hadFocus = row.contains(document.activeElement)
    const next = (row.nextElementSibling ?? row.previousElementSibling) as HTMLElement | null
    row.remove()
    rows.delete(id)
    syncListVisibility()
    if (hadFocus) (next?.querySelector<HTMLElement>('button') ?? chooseButton).focus()
  }

  const renderRow = (upload: Upload): void => {
    let row = rows.get(upload.id)
    if (!row) {
      row = createRow(upload)
      rows.set(upload.id, row)
      list.append(row)
      syncListVisibility()
    }
    updateRow(row, upload)
  }

  const createRow = (upload: Upload): HTMLLIElement => {
    const name = upload.file.name
    const icon = el('span', { class: 'upload-icon', 'aria-hidden': 'true' })
    icon.append(fragment(icons.file))
    const cancel = el('button', {
      type: 'button',
      class: 'btn btn-ghost btn-icon upload-cancel',
      'aria-label': `Cancel upload of “${name}”`,
      title: 'Cancel upload',
    })
    cancel.append(fragment(icons.close))
    cancel.addEventListener('click', () => {
      cancelUpload(upload.id)
      announce(`Upload of “${name}” cancelled.`)
    })

    const retry = el('button', { type: 'button', class: 'btn btn-link upload-retry' }, 'Try again')
    retry.addEventListener('click', () => retryUpload(upload.id))
    const dismiss = el('button', { type: 'button', class: 'btn btn-link upload-dismiss', 'aria-label': `Dismiss “${name}”` }, 'Dismiss')
    dismiss.addEventListener('click', () => dismissUpload(upload.id))

    const progress = el('progress', { class: 'upload-progress', max: '100', value: '0', 'aria-label': `Upload progress of “${name}”` })
    return el(
      'li',
      { class: 'upload-item', 'data-file-name': name, 'data-upload-id': String(upload.id) },
      el(
        'div',
        { class: 'upload-head' },
        icon,
        el('span', { class: 'upload-name', title: name }, name),
        el('span', { class: 'upload-size' }, formatBytes(upload.file.size)),
        el('span', { class: 'upload-percent' }, '0%'),
        cancel,
      ),
      progress,
      el('p', { class: 'upload-state' }),
      el('p', { class: 'upload-error', hidden: true }),
      el('div', { class: 'upload-error-actions', hidden: true }, retry, dismiss),
    )
  }

  const updateRow = (row: HTMLLIElement, upload: Upload): void => {
    const failed = upload.status === 'failed'
    row.dataset.status = upload.status
    row.classList.toggle('is-failed', failed)
    const progress = find<HTMLProgressElement>(row, '.upload-progress')
    progress.value = upload.percent
    progress.hidden = failed
    const percent = find(row, '.upload-percent')
    percent.textContent = `${upload.percent}%`
    percent.hidden = failed
    find(row, '.upload-cancel').hidden = failed
    const state = find(row, '.upload-state')
    state.textContent = STATE_TEXT[upload.status]
    state.hidden = failed
    const error = find(row, '.upload-error')
    error.textContent = upload.error ?? ''
    error.hidden = !failed
    find(row, '.upload-error-actions').hidden = !failed
    find(row, '.upload-retry').hidden = !upload.retryable
  }

  // Uploads started earlier (before the user left the page) are still running.
  for (const upload of currentUploads()) renderRow(upload)
  const unsubscribe = onUploadEvent(onEvent)
  void refreshStorage()

  return {
    refreshStorage: () => void refreshStorage(),
    dispose: () => {
      unsubscribe()
      storageController?.abort()
      window.removeEventListener('dragover', swallowDrop)
      window.removeEventListener('drop', swallowDrop)
    },
  }
}

const STATE_TEXT: Record<Upload['status'], string> = {
  queued: 'Waiting…',
  uploading: 'Uploading…',
  processing: 'Checking the video…',
  failed: '',
}
