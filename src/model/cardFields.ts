import type * as z from 'zod';
import { readDetailMapId } from './detailMap';
import { isImageKey } from './images';
import { LIMITS } from './limits';
import { str, strList, strOrNull } from './readValue';
import { isOpportunityStatus, opportunityStatusFromWords } from './opportunityStatus';
import { CHANNELS, CONFIDENCE_LEVELS, EMOTION_MAX, EMOTION_MIN, OPPORTUNITY_STATUSES, type Card, type Channel, type Confidence } from './types';

/**
 * Every field of a card, in one list: what a new card holds, how the Y.Doc stores the field,
 * how it is read back from whatever a peer wrote, how the map file checks it and how a CSV
 * column writes and reads it. The Y.Doc write and read (doc.ts), adding and copying cards
 * (ops/cards.ts), the file schema (schema/v1.ts) and the CSV (export/csv.ts) all go through
 * this list (by way of cardRecord.ts), so a field added here travels everywhere; the
 * `satisfies` below makes a field of `Card` missing from the list (or one here that `Card`
 * lacks) a compile error.
 *
 * The list's order is the order of a card's keys in a map file.
 */

/**
 * What a field is to the rest of the app:
 *   identity  the card's id, the key of its record
 *   place     where the card sits (stage, lane, order in the cell); a copy gets a new place
 *   content   what a person wrote or chose; a copy keeps it
 *   tally     counted from a workshop; a copy starts again from the default
 */
export type CardFieldRole = 'identity' | 'place' | 'content' | 'tally';

/**
 * How the Y.Doc holds a field: as the record's key, as a plain value (the last writer wins;
 * left out while it holds its default, see doc.ts), or as a Y.Text that people type into together.
 */
export type CardFieldStorage = 'key' | 'value' | 'text';

/** What the file schema hands each field to build its check from (schema/v1.ts). */
export interface FileSchemaKit {
  z: typeof z;
  /** a string with a ceiling */
  text(max: number): z.ZodString;
  /** a list with a ceiling */
  list<T extends z.ZodType>(item: T, max: number): z.ZodArray<T>;
  id: z.ZodString;
  order: z.ZodString;
  color: z.ZodString;
}

/** What the CSV export hands a column to write a cell with (export/csv.ts). */
export interface CsvWriteKit {
  /** text a spreadsheet would run as a formula gets a leading apostrophe */
  neutralise(text: string): string;
  joinList(items: readonly string[]): string;
  personaName(id: string): string | undefined;
  /** a channel's name in the CSV's language ("Filiale"), so the sheet reads without a legend */
  channelName(channel: Channel): string;
}

/** What the CSV import hands a column to read a cell with (export/csv.ts). */
export interface CsvReadKit {
  /** undoes `neutralise` */
  restore(cell: string): string;
  splitList(cell: string): string[];
  /** the channel a cell names: its id ("store") or its name in a shipped language ("Filiale", "Store"); null if none */
  channelFromWords(cell: string): Channel | null;
  /** reports the cell as wrong, naming the row and column */
  problem(reason: string): void;
}

export interface CardCsvColumn<T> {
  header: string;
  /** other header names understood on import (a German spreadsheet, a hand-made one) */
  aliases: readonly string[];
  /**
   * The column's place among the card columns. CSVs written so far put votes before moment
   * of truth, unlike the map file; a new field takes the next number, so the columns of
   * existing exports stay where they are.
   */
  position: number;
  write(value: T, kit: CsvWriteKit): string;
  /** the value of a cell ('' when the column is missing); a bad cell reports a problem and gives the default */
  read(cell: string, kit: CsvReadKit): T;
}

export interface CardFieldSpec<T> {
  role: CardFieldRole;
  stored: CardFieldStorage;
  /** what a new card holds, and what a record without the key reads as */
  default: T;
  /** the value from whatever a peer wrote under the key (a Y.Text arrives as its string) */
  read(raw: unknown): T;
  /** the map file's check; a field with a default may be left out of a hand-written file */
  file(kit: FileSchemaKit): z.ZodType<T>;
  /** the field's CSV column, or null when the CSV does not carry it */
  csv: CardCsvColumn<T> | null;
}

export type CardFieldSpecs = { [K in keyof Card]-?: CardFieldSpec<Card[K]> };

const emotionRange = `must be between ${EMOTION_MIN} and +${EMOTION_MAX}`;
const YES = new Set(['yes', 'true', '1', 'x', 'ja', 'wahr', 'y', 'j']);
const NO = new Set(['', 'no', 'false', '0', 'nein', 'falsch', 'n']);

/** A confidence level by its id or its name in a shipped language, for a hand-made sheet. */
const CONFIDENCE_WORDS: Readonly<Record<string, Confidence>> = {
  observed: 'observed',
  beobachtet: 'observed',
  belegt: 'observed',
  assumed: 'assumed',
  angenommen: 'assumed',
  annahme: 'assumed',
  proposed: 'proposed',
  vorgeschlagen: 'proposed',
  idee: 'proposed',
};

/** A free-text column: written safe from spreadsheets, refused over `max` characters. */
function textColumn(header: string, aliases: readonly string[], position: number, max: number): CardCsvColumn<string> {
  return {
    header,
    aliases,
    position,
    write: (value, kit) => kit.neutralise(value),
    read(cell, kit) {
      const value = kit.restore(cell);
      if (value.length > max) kit.problem(`is longer than ${max} characters`);
      return value;
    },
  };
}

export const CARD_FIELDS = {
  id: { role: 'identity', stored: 'key', default: '', read: str, file: (k) => k.id, csv: null },
  stageId: { role: 'place', stored: 'value', default: '', read: str, file: (k) => k.id, csv: null },
  laneId: { role: 'place', stored: 'value', default: '', read: str, file: (k) => k.id, csv: null },
  order: { role: 'place', stored: 'value', default: 'a0', read: (v) => str(v, 'a0'), file: (k) => k.order, csv: null },
  title: {
    role: 'content',
    stored: 'value',
    default: '',
    read: str,
    file: (k) => k.text(LIMITS.cardTitle),
    csv: textColumn('title', ['titel'], 1, LIMITS.cardTitle),
  },
  body: {
    role: 'content',
    stored: 'text',
    default: '',
    read: str,
    file: (k) => k.text(LIMITS.cardBody).default(''),
    csv: textColumn('body', ['notes', 'notizen', 'text'], 2, LIMITS.cardBody),
  },
  channel: {
    role: 'content',
    stored: 'value',
    default: null,
    read: (v) => (CHANNELS.includes(v as Channel) ? (v as Channel) : null),
    file: (k) => k.z.enum(CHANNELS).nullable().default(null),
    csv: {
      header: 'channel',
      aliases: ['kanal'],
      position: 3,
      write: (value, kit) => (value === null ? '' : kit.neutralise(kit.channelName(value))),
      read(cell, kit) {
        const value = kit.restore(cell).trim();
        if (value === '') return null;
        const channel = kit.channelFromWords(value);
        if (channel) return channel;
        kit.problem(`must be empty or one of ${CHANNELS.join(', ')}`);
        return null;
      },
    },
  },
  emotion: {
    role: 'content',
    stored: 'value',
    default: null,
    read: (v) => (typeof v === 'number' && Number.isInteger(v) ? v : null),
    file: (k) => k.z.number().int('must be a whole number').min(EMOTION_MIN, emotionRange).max(EMOTION_MAX, emotionRange).nullable().default(null),
    csv: {
      header: 'emotion',
      aliases: [],
      position: 4,
      // a plain number is no formula, and "'-2" would be text to a spreadsheet
      write: (value) => (value === null ? '' : String(value)),
      read(cell, kit) {
        const value = cell.trim().replace(/^'/, '').replace('−', '-').replace(/^\+/, '');
        if (value === '') return null;
        const n = Number(value);
        if (Number.isInteger(n) && n >= EMOTION_MIN && n <= EMOTION_MAX) return n;
        kit.problem(`must be empty or a whole number between ${EMOTION_MIN} and +${EMOTION_MAX}`);
        return null;
      },
    },
  },
  personaIds: {
    role: 'content',
    stored: 'value',
    default: [],
    read: strList,
    file: (k) => k.list(k.id, LIMITS.personasPerCard).default([]),
    // The CSV names personas; reading gives those names, which the importer turns into ids.
    csv: {
      header: 'personas',
      aliases: [],
      position: 5,
      write: (ids, kit) => kit.neutralise(kit.joinList(ids.map((id) => kit.personaName(id) ?? '').filter((name) => name !== ''))),
      read(cell, kit) {
        const names = [...new Set(kit.splitList(kit.restore(cell)).filter((p) => p !== ''))];
        if (names.some((p) => p.length > LIMITS.name)) kit.problem(`has a name longer than ${LIMITS.name} characters`);
        if (names.length > LIMITS.personasPerCard) kit.problem(`has more than ${LIMITS.personasPerCard} entries`);
        return names;
      },
    },
  },
  tags: {
    role: 'content',
    stored: 'value',
    default: [],
    read: strList,
    file: (k) => k.list(k.text(LIMITS.tag), LIMITS.tagsPerCard).default([]),
    csv: {
      header: 'tags',
      aliases: [],
      position: 6,
      write: (tags, kit) => kit.neutralise(kit.joinList(tags)),
      read(cell, kit) {
        const tags = kit.splitList(kit.restore(cell));
        if (tags.length > LIMITS.tagsPerCard) kit.problem(`has more than ${LIMITS.tagsPerCard} entries`);
        if (tags.some((tag) => tag.length > LIMITS.tag)) kit.problem(`has a tag longer than ${LIMITS.tag} characters`);
        return tags;
      },
    },
  },
  color: { role: 'content', stored: 'value', default: null, read: strOrNull, file: (k) => k.color.nullable().default(null), csv: null },
  momentOfTruth: {
    role: 'content',
    stored: 'value',
    default: false,
    read: (v) => v === true,
    file: (k) => k.z.boolean().default(false),
    csv: {
      header: 'moment of truth',
      aliases: ['moment_of_truth', 'moment der wahrheit'],
      position: 8,
      write: (value) => (value ? 'yes' : ''),
      read(cell, kit) {
        const value = cell.trim().toLowerCase();
        if (!YES.has(value) && !NO.has(value)) kit.problem('must be "yes" or empty');
        return YES.has(value);
      },
    },
  },
  votes: {
    role: 'tally',
    stored: 'value',
    default: 0,
    read: (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0),
    file: (k) => k.z.number().int().min(0).max(1_000_000).default(0),
    csv: {
      header: 'votes',
      aliases: ['stimmen'],
      position: 7,
      write: (value) => String(value),
      read(cell, kit) {
        const value = cell.trim();
        const n = value === '' ? 0 : Number(value);
        if (Number.isInteger(n) && n >= 0 && n <= 1_000_000) return n;
        kit.problem('must be a whole number from 0 up');
        return Number.isInteger(n) ? n : 0;
      },
    },
  },
  image: {
    role: 'content',
    stored: 'value',
    default: null,
    // the key of an image in the map's `images` (images.ts); the bytes travel beside the cards
    read: (v) => (isImageKey(v) ? v : null),
    file: (k) => k.z.string().regex(/^[0-9a-f]{64}$/, 'must be an image key (64 hex digits)').nullable().default(null),
    // A sheet cannot hold a photo: the column says which cards have one, and an import leaves it out.
    csv: {
      header: 'image',
      aliases: ['bild'],
      position: 9,
      write: (value) => (value === null ? '' : 'yes'),
      read: () => null,
    },
  },
  actor: {
    role: 'content',
    stored: 'value',
    default: '',
    read: (v) => str(v).slice(0, LIMITS.actor),
    file: (k) => k.text(LIMITS.actor).default(''),
    csv: textColumn('actor', ['akteur', 'who', 'wer'], 10, LIMITS.actor),
  },
  confidence: {
    role: 'content',
    stored: 'value',
    default: null,
    read: (v) => (CONFIDENCE_LEVELS.includes(v as Confidence) ? (v as Confidence) : null),
    file: (k) => k.z.enum(CONFIDENCE_LEVELS).nullable().default(null),
    csv: {
      header: 'confidence',
      aliases: ['konfidenz', 'gewissheit', 'evidenz'],
      position: 11,
      write: (value) => value ?? '',
      read(cell, kit) {
        const value = kit.restore(cell).trim().toLowerCase();
        if (value === '') return null;
        const level = CONFIDENCE_WORDS[value];
        if (level) return level;
        kit.problem(`must be empty or one of ${CONFIDENCE_LEVELS.join(', ')}`);
        return null;
      },
    },
  },
  // Status and owner: what the opportunity board tracks (opportunityStatus.ts). Every card holds
  // them; the lanes whose kind has `tracksStatus` (pains, opportunities) show and edit them.
  status: {
    role: 'content',
    stored: 'value',
    default: null,
    read: (v) => (isOpportunityStatus(v) ? v : null),
    file: (k) => k.z.enum(OPPORTUNITY_STATUSES).nullable().default(null),
    csv: {
      header: 'status',
      aliases: ['stand', 'bearbeitungsstand', 'zustand'],
      position: 12,
      write: (value) => value ?? '',
      read(cell, kit) {
        const value = kit.restore(cell).trim();
        if (value === '') return null;
        const status = opportunityStatusFromWords(value);
        if (status) return status;
        kit.problem(`must be empty or one of ${OPPORTUNITY_STATUSES.join(', ')}`);
        return null;
      },
    },
  },
  owner: {
    role: 'content',
    stored: 'value',
    default: '',
    read: (v) => str(v).slice(0, LIMITS.owner),
    file: (k) => k.text(LIMITS.owner).default(''),
    csv: textColumn('owner', ['verantwortlich', 'verantwortlicher', 'verantwortliche', 'zuständig', 'zustaendig'], 13, LIMITS.owner),
  },
  // Drill-down: another map of the space with this card's detailed sub-journey (detailMap.ts).
  // No CSV column: an id means nothing in a spreadsheet, and a sheet's rows become a new map
  // whose space may not hold that map.
  detailMapId: {
    role: 'content',
    stored: 'value',
    default: null,
    read: readDetailMapId,
    file: (k) => k.id.nullable().default(null),
    csv: null,
  },
} satisfies CardFieldSpecs;

export type CardFieldName = keyof Card;
type FieldsWith<Role extends CardFieldRole> = {
  [K in CardFieldName]: (typeof CARD_FIELDS)[K]['role'] extends Role ? K : never;
}[CardFieldName];

/** The fields a person fills in; a copy of a card keeps them. */
export type CardContentField = FieldsWith<'content'>;
export type CardContent = Pick<Card, CardContentField>;
/** The fields `updateCard` writes as plain values (text fields have their own ops, such as setCardBody). */
export type CardValueField = {
  [K in CardFieldName]: (typeof CARD_FIELDS)[K]['stored'] extends 'value' ? K : never;
}[FieldsWith<'content' | 'tally'>];
