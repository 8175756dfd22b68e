import * as Y from 'yjs';
import { journeyToDoc, readJourney } from '../model/doc';
import { readComments, writeComments } from '../model/feedback';
import { putImages, readImages } from '../model/images';
import { LIMITS } from '../model/limits';
import type { Comment, Journey, VoteDot, VoteRound } from '../model/types';
import { readDots, readRounds, writeDots, writeRounds } from '../model/votes';
import { checkImages, imageEntries, type ImageFileEntry } from './images';
import { checkReferences } from './references';
import { issue, type FileIssue } from './issues';
import { FORMAT_VERSION, migrate } from './migrate';
import { mapFileSchemaV5, type MapFileV5 } from './v5';

/** A map file as this version writes it. */
export interface MapFile {
  format: 'waymark';
  version: typeof FORMAT_VERSION;
  journey: Journey;
  feedback: { comments: Comment[]; rounds: VoteRound[]; dots: VoteDot[] };
  /** the images the cards show, bytes in base64 */
  images: ImageFileEntry[];
}

export type ImportResult =
  | { ok: true; doc: Y.Doc; feedback: Y.Doc; file: MapFileV5 }
  | { ok: false; issues: FileIssue[] };

/**
 * The map (and, when given, its feedback doc) as a file object. Lists come out in display
 * order, so the same map always serialises to the same bytes and diffs well in git. Comments
 * and dots on cards that no longer exist are left out: there is nothing left to show them on.
 * A reply whose first comment is not written (deleted, or on a deleted card) is written as a
 * thread of its own — which is how the app shows it already. A workshop's timer and presenter
 * belong to the session and are not written.
 */
export function toJSON(doc: Y.Doc, feedback?: Y.Doc): MapFile {
  const stored = readImages(doc);
  const read = readJourney(doc);
  // a card whose image never arrived (or was unreadable) is written without one, so the file imports
  const journey = { ...read, cards: read.cards.map((c) => (c.image === null || stored.has(c.image) ? c : { ...c, image: null })) };
  const images = imageEntries(stored, journey.cards);
  if (!feedback) return { format: 'waymark', version: FORMAT_VERSION, journey, feedback: { comments: [], rounds: [], dots: [] }, images };
  const cardIds = new Set(journey.cards.map((c) => c.id));
  const kept = readComments(feedback).filter((c) => cardIds.has(c.cardId));
  const commentIds = new Set(kept.map((c) => c.id));
  const comments = kept.map((c) => (c.parentId === null || (c.parentId !== c.id && commentIds.has(c.parentId)) ? c : { ...c, parentId: null }));
  const rounds = readRounds(feedback);
  const roundIds = new Set(rounds.map((r) => r.id));
  const dots = readDots(feedback).filter((d) => cardIds.has(d.cardId) && roundIds.has(d.roundId) && d.voterId !== '');
  return { format: 'waymark', version: FORMAT_VERSION, journey, feedback: { comments, rounds, dots }, images };
}

/** A file's feedback (checked already) as a new feedback doc. */
export function feedbackToDoc(data: MapFile['feedback']): Y.Doc {
  const feedback = new Y.Doc();
  writeComments(feedback, data.comments);
  writeRounds(feedback, data.rounds);
  writeDots(feedback, data.dots);
  return feedback;
}

export function serializeMap(doc: Y.Doc, feedback?: Y.Doc): string {
  return `${JSON.stringify(toJSON(doc, feedback), null, 2)}\n`;
}

/**
 * Validates a parsed file, migrates it to the current version and builds the map's docs.
 * Never throws: anything wrong comes back as issues naming the path and the reason.
 */
export function fromJSON(value: unknown): ImportResult {
  try {
    const migrated = migrate(value);
    if (!migrated.ok) return migrated;
    const parsed = mapFileSchemaV5.safeParse(migrated.file);
    if (!parsed.success) {
      return { ok: false, issues: parsed.error.issues.map((i) => issue(i.path, i.message)) };
    }
    const problems = [...checkReferences(parsed.data), ...checkImages(parsed.data.images, parsed.data.journey.cards)];
    if (problems.length > 0) return { ok: false, issues: problems };
    const doc = journeyToDoc(parsed.data.journey);
    doc.transact(() => putImages(doc, parsed.data.images));
    const feedback = feedbackToDoc(parsed.data.feedback);
    return { ok: true, doc, feedback, file: parsed.data };
  } catch (error) {
    return { ok: false, issues: [issue([], `could not be read: ${(error as Error).message}`)] };
  }
}

/** Reads a map file's text: refuses empty, oversized and non-JSON input before validating. */
export function parseMapFile(text: string): ImportResult {
  const tooLarge = fileSizeIssue(text.length);
  if (tooLarge) return { ok: false, issues: [tooLarge] };
  if (text.trim() === '') return { ok: false, issues: [issue([], 'is empty')] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, issues: [issue([], `is not valid JSON: ${(error as Error).message}`)] };
  }
  return fromJSON(value);
}

/** The issue for a file over the size limit, or null; callers with a file on disk check before reading. */
export function fileSizeIssue(size: number): FileIssue | null {
  if (size <= LIMITS.fileBytes) return null;
  return issue([], `is too large (${formatMiB(size)}); map files are limited to ${formatMiB(LIMITS.fileBytes)}`);
}

function formatMiB(chars: number): string {
  return `${(chars / (1024 * 1024)).toFixed(1)} MiB`;
}
