import { icons } from '../../ui/icons.ts'
import type { NotFoundCard } from '../not-found-card.ts'

export const MODEL_MISSING = 'This model does not exist or is not yours'

export const MODEL_NOT_FOUND: NotFoundCard = { id: 'model', icon: icons.model, title: 'Model not found', heading: MODEL_MISSING }

/** The preview grid's columns, left to right, and what each shows. */
export const PREVIEW_COLUMNS: [label: string, meaning: string][] = [
  ['A', 'A face of person A, as it is'],
  ['A→A', 'That face rebuilt by decoder A'],
  ['A→B', 'That face sent through decoder B: the swap'],
  ['B', 'A face of person B, as it is'],
  ['B→B', 'That face rebuilt by decoder B'],
  ['B→A', 'That face sent through decoder A'],
]

/** Where the loss chart's "Log scale" switch is remembered. */
export const LOG_SCALE_KEY = 'doppel.lossLogScale'
