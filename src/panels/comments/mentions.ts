/**
 * @mentions in comment text: who can be mentioned, the `@query` being typed, what picking a
 * person inserts, and which mentions a finished text holds. Pure, so the tests can pin them.
 *
 * A mention is `@` followed by a person's name exactly as it appears in the text (case aside):
 * `@Ann Lee, see above` mentions Ann Lee. The name must end at a word boundary, so `@Anna`
 * does not mention Ann; when two names match at the same `@`, the longer one wins.
 */

/** Someone who can be @mentioned, or who was. */
export interface Person {
  /** identity id */
  id: string;
  name: string;
  /** their presence colour, when they are here */
  color?: string;
}

/** A stretch of text that mentions someone (several people, when they share the name). */
export interface MentionSpan {
  /** index of the `@` */
  start: number;
  /** index after the name */
  end: number;
  people: Person[];
}

/** A piece of comment text, plain or a mention, for rendering. */
export interface TextSegment {
  text: string;
  /** the people this piece mentions; absent for plain text */
  mention?: Person[];
}

/** Longest name a mention query runs to before the picker gives up (peer names are capped at 60). */
export const MAX_QUERY = 60;
/** Options the picker shows at most. */
export const MAX_OPTIONS = 8;

const WORD = /[\p{L}\p{N}_]/u;
const isWordChar = (ch: string | undefined): boolean => ch !== undefined && WORD.test(ch);

/** A name as mentions use it: one line, single spaces, trimmed. */
export function mentionName(name: string): string {
  return name.replace(/\s+/g, ' ').trim();
}

/** Lower case, accents removed: "Jürgen" and "jurgen" compare alike. Length-preserving enough for prefixes. */
export function foldName(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('en');
}

/**
 * The people who can be @mentioned: those present, once each (a person with two tabs open is
 * two peers with one id), never me, never a peer without an id or a name; sorted by name.
 */
export function mentionCandidates(
  peers: readonly { id: string; name: string; color?: string }[],
  myId: string | null | undefined,
): Person[] {
  const seen = new Set<string>();
  const out: Person[] = [];
  for (const peer of peers) {
    if (!peer.id || peer.id === myId || seen.has(peer.id)) continue;
    const name = mentionName(peer.name);
    if (!name) continue;
    seen.add(peer.id);
    out.push(peer.color ? { id: peer.id, name, color: peer.color } : { id: peer.id, name });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The candidates whose name (or one of whose words) starts with `query`, name prefixes first. */
export function filterCandidates(candidates: readonly Person[], query: string, max = MAX_OPTIONS): Person[] {
  const q = foldName(query);
  if (q === '') return candidates.slice(0, max);
  const starts: Person[] = [];
  const words: Person[] = [];
  for (const person of candidates) {
    const name = foldName(person.name);
    if (name.startsWith(q)) starts.push(person);
    else if (name.split(' ').some((word, i) => i > 0 && word.startsWith(q))) words.push(person);
  }
  return [...starts, ...words].slice(0, max);
}

/** The `@query` the caret is in: `@` at the start or after a non-word character, no line break since. */
export function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  if (caret < 1 || caret > text.length) return null;
  const from = Math.max(0, caret - MAX_QUERY - 1);
  for (let i = caret - 1; i >= from; i--) {
    const ch = text[i]!;
    if (ch === '\n' || ch === '\r') return null;
    if (ch !== '@') continue;
    if (isWordChar(text[i - 1]) || text[i - 1] === '@') return null;
    const query = text.slice(i + 1, caret);
    if (/^\s/.test(query)) return null;
    return { start: i, query };
  }
  return null;
}

/**
 * What the picker offers at the caret: the query and the matching people, or null when it is
 * closed (no `@` here, nobody matches, or the `@Name ` there is already a finished mention).
 */
export function activeMention(
  text: string,
  caret: number,
  candidates: readonly Person[],
): { start: number; query: string; options: Person[] } | null {
  const at = mentionQuery(text, caret);
  if (!at || candidates.length === 0) return null;
  if (/\s$/.test(at.query)) {
    const done = foldName(at.query.trimEnd());
    if (candidates.some((p) => foldName(p.name) === done)) return null;
  }
  const options = filterCandidates(candidates, at.query);
  return options.length > 0 ? { ...at, options } : null;
}

/** Replaces the `@query` from `start` to `caret` with `@Name ` and puts the caret after it. */
export function insertMention(text: string, start: number, caret: number, name: string): { text: string; caret: number } {
  const before = text.slice(0, start);
  const after = text.slice(caret);
  const inserted = `@${mentionName(name)}`;
  const space = /^\s/.test(after) ? '' : ' ';
  return { text: before + inserted + space + after, caret: before.length + inserted.length + 1 };
}

/**
 * Every mention of one of `people` in `text`, in order. People who share a name are mentioned
 * together; at one `@` the longest matching name wins.
 */
export function findMentions(text: string, people: readonly Person[]): MentionSpan[] {
  if (people.length === 0 || !text.includes('@')) return [];
  const byName = new Map<string, { name: string; people: Person[] }>();
  for (const person of people) {
    const name = mentionName(person.name);
    if (!name) continue;
    const key = name.toLocaleLowerCase('en');
    const entry = byName.get(key);
    if (entry) {
      if (!entry.people.some((p) => p.id === person.id)) entry.people.push(person);
    } else byName.set(key, { name, people: [person] });
  }
  const names = [...byName.entries()].sort((a, b) => b[1].name.length - a[1].name.length);
  const spans: MentionSpan[] = [];
  let i = text.indexOf('@');
  while (i !== -1) {
    let next = i + 1;
    if (!isWordChar(text[i - 1]) && text[i - 1] !== '@') {
      for (const [key, entry] of names) {
        const end = i + 1 + entry.name.length;
        if (end > text.length || isWordChar(text[end])) continue;
        if (text.slice(i + 1, end).toLocaleLowerCase('en') !== key) continue;
        spans.push({ start: i, end, people: entry.people });
        next = end;
        break;
      }
    }
    i = text.indexOf('@', next);
  }
  return spans;
}

/** The ids of the people `text` mentions, each once, in the order they first appear. */
export function mentionsIn(text: string, people: readonly Person[]): string[] {
  const ids = new Set<string>();
  for (const span of findMentions(text, people)) for (const person of span.people) ids.add(person.id);
  return [...ids];
}

/**
 * Whom the `@Name`s of a finished text can mean: the people picked from the list (they decide
 * between namesakes), then those present whose name no picked person has.
 */
export function mentionPeople(picked: readonly Person[], candidates: readonly Person[]): Person[] {
  const ids = new Set<string>();
  const names = new Set<string>();
  const out: Person[] = [];
  for (const person of picked) {
    if (ids.has(person.id)) continue;
    ids.add(person.id);
    names.add(foldName(mentionName(person.name)));
    out.push(person);
  }
  for (const person of candidates) {
    if (ids.has(person.id) || names.has(foldName(mentionName(person.name)))) continue;
    ids.add(person.id);
    out.push(person);
  }
  return out;
}

/** The text cut into plain pieces and mentions of `people`, for rendering as text and spans. */
export function segmentText(text: string, people: readonly Person[]): TextSegment[] {
  const spans = findMentions(text, people);
  if (spans.length === 0) return text ? [{ text }] : [];
  const out: TextSegment[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start > at) out.push({ text: text.slice(at, span.start) });
    out.push({ text: text.slice(span.start, span.end), mention: span.people });
    at = span.end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

/**
 * Everyone a comment's mention ids may refer to, by id: people present, me, and every comment
 * author (the last name each used). A later source overrides an earlier one.
 */
export function peopleDirectory(
  authors: readonly { authorId: string; author: string }[],
  present: readonly Person[],
  me: Person | null,
): Map<string, Person> {
  const out = new Map<string, Person>();
  for (const c of authors) {
    const name = mentionName(c.author);
    if (c.authorId && name) out.set(c.authorId, { id: c.authorId, name });
  }
  for (const person of present) out.set(person.id, person);
  if (me && me.id) out.set(me.id, { ...me, name: mentionName(me.name) });
  return out;
}
