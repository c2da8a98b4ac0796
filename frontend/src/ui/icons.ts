/** Inline SVG icons (24×24, stroked with currentColor), decorative unless labelled by the caller. */

function icon(body: string, className = 'icon'): string {
  return `<svg class="${className}" viewBox="0 0 24 24" width="24" height="24" fill="none" stroke="currentColor" stroke-width="1.75" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${body}</svg>`
}

/** Two overlapping faces: the Doppel mark. */
export const logoMark = `<svg class="logo-mark" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true" focusable="false"><rect width="32" height="32" rx="8" fill="var(--accent)"/><circle cx="12.5" cy="16" r="6.5" fill="none" stroke="#fff" stroke-width="2.4"/><circle cx="19.5" cy="16" r="6.5" fill="#fff" fill-opacity=".35" stroke="#fff" stroke-width="2.4"/></svg>`

export const icons = {
  video: icon('<rect x="2.5" y="5.5" width="13" height="13" rx="2.5"/><path d="m15.5 10.5 5-3v9l-5-3"/>'),
  faces: icon(
    '<path d="M3 7V5.5A2.5 2.5 0 0 1 5.5 3H7M17 3h1.5A2.5 2.5 0 0 1 21 5.5V7M21 17v1.5a2.5 2.5 0 0 1-2.5 2.5H17M7 21H5.5A2.5 2.5 0 0 1 3 18.5V17"/><circle cx="12" cy="10" r="3"/><path d="M7.5 17.5a5 5 0 0 1 9 0"/>',
  ),
  model: icon(
    '<rect x="6" y="6" width="12" height="12" rx="2"/><path d="M9.5 9.5h5v5h-5zM9 2.5V6M15 2.5V6M9 18v3.5M15 18v3.5M2.5 9H6M2.5 15H6M18 9h3.5M18 15h3.5"/>',
  ),
  results: icon(
    '<path d="M12 3 13.8 8.2 19 10l-5.2 1.8L12 17l-1.8-5.2L5 10l5.2-1.8z"/><path d="M19 15.5l.8 2.2 2.2.8-2.2.8-.8 2.2-.8-2.2-2.2-.8 2.2-.8z"/>',
  ),
  userPlus: icon('<circle cx="9" cy="8" r="4"/><path d="M2.5 20a6.5 6.5 0 0 1 13 0M19 8v6M16 11h6"/>', 'icon icon-sm'),
  signIn: icon('<path d="M15 3h3.5A2.5 2.5 0 0 1 21 5.5v13a2.5 2.5 0 0 1-2.5 2.5H15M10 17l5-5-5-5M15 12H3"/>', 'icon icon-sm'),
  signOut: icon('<path d="M9 21H5.5A2.5 2.5 0 0 1 3 18.5v-13A2.5 2.5 0 0 1 5.5 3H9M16 17l5-5-5-5M21 12H9"/>', 'icon icon-sm'),
  warning: icon(
    '<path d="M10.3 3.9 2.4 17.5A2 2 0 0 0 4.1 20.5h15.8a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z"/><path d="M12 9v4M12 17h.01"/>',
    'icon icon-sm',
  ),
  key: icon(
    '<circle cx="7.5" cy="15.5" r="4.5"/><path d="m10.7 12.3 9.8-9.8M17 6l3 3M14.5 8.5l2.5 2.5"/>',
    'icon icon-sm',
  ),
  dot: icon('<circle cx="12" cy="12" r="3"/>', 'icon icon-sm'),
  shield: icon('<path d="M12 21.5s7.5-3.5 7.5-9.5V5.5L12 2.5 4.5 5.5V12c0 6 7.5 9.5 7.5 9.5z"/><path d="m9 12 2 2 4-4"/>', 'icon icon-sm'),
  upload: icon('<path d="M12 15V4M7.5 8.5 12 4l4.5 4.5"/><path d="M4 14.5v3A2.5 2.5 0 0 0 6.5 20h11a2.5 2.5 0 0 0 2.5-2.5v-3"/>'),
  audio: icon(
    '<path d="M4 9.5h3l4.5-4v13L7 14.5H4z"/><path d="M15.5 9a4 4 0 0 1 0 6M18.5 6.5a7.5 7.5 0 0 1 0 11"/>',
    'icon icon-sm',
  ),
  noAudio: icon('<path d="M4 9.5h3l4.5-4v13L7 14.5H4z"/><path d="m16 9.5 5 5M21 9.5l-5 5"/>', 'icon icon-sm'),
  pencil: icon('<path d="M4 20h4L19.5 8.5a2.8 2.8 0 0 0-4-4L4 16z"/><path d="m13.5 6.5 4 4"/>', 'icon icon-sm'),
  trash: icon(
    '<path d="M4 7h16M9.5 7V4.5h5V7M6 7l1 12.5A1.5 1.5 0 0 0 8.5 21h7a1.5 1.5 0 0 0 1.5-1.5L18 7M10 11v6M14 11v6"/>',
    'icon icon-sm',
  ),
  download: icon('<path d="M12 4v11M7.5 10.5 12 15l4.5-4.5"/><path d="M4 14.5v3A2.5 2.5 0 0 0 6.5 20h11a2.5 2.5 0 0 0 2.5-2.5v-3"/>', 'icon icon-sm'),
  /** Two sets coming together: merge. */
  merge: icon('<path d="M6 3v4.5c0 3.5 6 4.5 6 8.5v5M18 3v4.5c0 3.5-6 4.5-6 8.5"/>', 'icon icon-sm'),
  /** A face in a frame, small (for links and buttons). */
  faceSmall: icon(
    '<path d="M3 7V5.5A2.5 2.5 0 0 1 5.5 3H7M17 3h1.5A2.5 2.5 0 0 1 21 5.5V7M21 17v1.5a2.5 2.5 0 0 1-2.5 2.5H17M7 21H5.5A2.5 2.5 0 0 1 3 18.5V17"/><circle cx="12" cy="10" r="3"/><path d="M7.5 17.5a5 5 0 0 1 9 0"/>',
    'icon icon-sm',
  ),
  /** Sharpness (a focus ring). */
  focus: icon('<circle cx="12" cy="12" r="3.5"/><path d="M12 2.5v3M12 18.5v3M2.5 12h3M18.5 12h3"/>', 'icon icon-sm'),
  mask: icon('<rect x="3" y="3" width="18" height="18" rx="3"/><ellipse cx="12" cy="12" rx="5" ry="6.5" fill="currentColor" fill-opacity=".35"/>', 'icon icon-sm'),
  /** Two arrows, one each way: swap A and B. */
  swap: icon('<path d="M7 4 3.5 7.5 7 11M3.5 7.5h13M17 13l3.5 3.5L17 20M20.5 16.5h-13"/>', 'icon icon-sm'),
  /** Stop (a square). */
  stop: icon('<rect x="6" y="6" width="12" height="12" rx="1.5"/>', 'icon icon-sm'),
  /** Train a model (a spark), small for buttons. */
  sparkle: icon('<path d="M12 3 13.8 8.2 19 10l-5.2 1.8L12 17l-1.8-5.2L5 10l5.2-1.8z"/>', 'icon icon-sm'),
  arrowLeft: icon('<path d="M19 12H5M11 6l-6 6 6 6"/>', 'icon icon-sm'),
  /** Background work: a pulse line. */
  jobs: icon('<path d="M3 12h4l2.5-6 5 12 2.5-6h4"/>', 'icon icon-sm'),
  close: icon('<path d="M6 6l12 12M18 6 6 18"/>', 'icon icon-sm'),
  retry: icon('<path d="M20 11a8 8 0 1 0-2.3 5.7"/><path d="M20 4.5V11h-6.5"/>', 'icon icon-sm'),
  file: icon('<path d="M14 3H7.5A2.5 2.5 0 0 0 5 5.5v13A2.5 2.5 0 0 0 7.5 21h9a2.5 2.5 0 0 0 2.5-2.5V8z"/><path d="M14 3v5h5"/><path d="m10 11.5 4.5 2.5-4.5 2.5z"/>'),
} as const
