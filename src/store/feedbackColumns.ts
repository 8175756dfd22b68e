import { EVIDENCE_SOURCES, SCORE_SCALES, type EvidenceSource, type ScoreScale } from '../model/evidence';
import { deviceStorage } from '../storage/deviceKeys';

/**
 * The column choices this device made for a kind of feedback file (issue 18): the second export
 * from the same survey tool or ticket system opens the import dialog with last time's choices,
 * not the guess. Keyed by the file's header signature (`mappingSignature` in
 * src/export/feedbackCsv.ts), kept per device and not per map — the same export feeds many maps —
 * in localStorage under one key, the most recent `REMEMBERED_FILE_KINDS` kinds.
 */

export const FEEDBACK_COLUMNS_KEY = 'waymark.feedbackColumns';
export const REMEMBERED_FILE_KINDS = 40;

/** What is remembered: the shape of a `FeedbackMapping`. */
export interface RememberedColumns {
  columns: Partial<Record<string, number>>;
  scale: ScoreScale | null;
  source: EvidenceSource;
}

type Stored = { signature: string; mapping: RememberedColumns }[];

function readAll(): Stored {
  try {
    const raw = deviceStorage()?.getItem(FEEDBACK_COLUMNS_KEY);
    if (!raw) return [];
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter((e): e is Stored[number] => typeof e === 'object' && e !== null && typeof (e as { signature?: unknown }).signature === 'string') : [];
  } catch {
    // refused or garbled: nothing remembered, the dialog guesses as for a new file
    return [];
  }
}

/**
 * The choices remembered for files with this signature, checked against the file at hand: a
 * field names a column the file has (0 ≤ index < `headerCount`) and is one of `fields`; a scale
 * and a default source are known ones. Null when nothing usable is remembered.
 */
export function recallColumns<F extends string>(signature: string, file: { headerCount: number; fields: readonly F[] }): { columns: Partial<Record<F, number>>; scale: ScoreScale | null; source: EvidenceSource } | null {
  const entry = readAll().find((e) => e.signature === signature);
  if (!entry || typeof entry.mapping !== 'object' || entry.mapping === null) return null;
  const { columns, scale, source } = entry.mapping as Partial<RememberedColumns>;
  if (typeof columns !== 'object' || columns === null) return null;
  const checked: Partial<Record<F, number>> = {};
  for (const field of file.fields) {
    const index = (columns as Record<string, unknown>)[field];
    if (typeof index === 'number' && Number.isInteger(index) && index >= 0 && index < file.headerCount) checked[field] = index;
  }
  return {
    columns: checked,
    scale: SCORE_SCALES.includes(scale as ScoreScale) ? (scale as ScoreScale) : null,
    source: EVIDENCE_SOURCES.includes(source as EvidenceSource) ? (source as EvidenceSource) : 'other',
  };
}

/** Remembers the choices for files with this signature (the newest first; the oldest beyond the limit forgotten). */
export function rememberColumns(signature: string, mapping: RememberedColumns): void {
  const entry = { signature, mapping: { columns: { ...mapping.columns }, scale: mapping.scale, source: mapping.source } };
  const next = [entry, ...readAll().filter((e) => e.signature !== signature)].slice(0, REMEMBERED_FILE_KINDS);
  try {
    deviceStorage()?.setItem(FEEDBACK_COLUMNS_KEY, JSON.stringify(next));
  } catch {
    // storage full or refused: the choices hold for this import only
  }
}
