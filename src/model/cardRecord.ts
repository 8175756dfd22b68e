import { CARD_FIELDS, type CardContent, type CardFieldName, type CardFieldSpec } from './cardFields';
import type { Card } from './types';

/*
 * Cards built, filled and copied field by field from the list in cardFields.ts: the code that
 * treats every field alike, so none of it names a field it could forget.
 */

/** The field list as entries, for code that treats every field alike; in the list's order. */
export function cardFieldEntries(): ReadonlyArray<readonly [CardFieldName, CardFieldSpec<unknown>]> {
  // Object.entries types its keys as string; the keys are exactly Card's (the satisfies in cardFields.ts).
  return Object.entries(CARD_FIELDS) as unknown as ReadonlyArray<readonly [CardFieldName, CardFieldSpec<unknown>]>;
}

/**
 * A card built field by field: `value(name, spec)` gives each field's value. Every field of
 * the list is set and the list has every field of Card, hence the one cast.
 */
export function buildCard(value: (name: CardFieldName, spec: CardFieldSpec<unknown>) => unknown): Card {
  const card: Record<string, unknown> = {};
  for (const [name, spec] of cardFieldEntries()) card[name] = value(name, spec);
  return card as unknown as Card;
}

/** A fresh copy of a value, so lists are never shared between cards. */
function fresh<T>(value: T): T {
  return (Array.isArray(value) ? [...value] : value) as T;
}

/** A card holding every field's default. */
export function defaultCard(): Card {
  return buildCard((_, spec) => fresh(spec.default));
}

function contentEntries() {
  return cardFieldEntries().filter(([, spec]) => spec.role === 'content');
}

/** Each content field from `given`, or its default where `given` has none (undefined or null). */
export function cardContentFrom(given: Partial<CardContent>): CardContent {
  const values = given as Record<string, unknown>;
  const content: Record<string, unknown> = {};
  for (const [name, spec] of contentEntries()) content[name] = fresh(values[name] ?? spec.default);
  return content as CardContent;
}

/**
 * What a copy of the card keeps (paste, duplicate): its content, with lists copied and only
 * the personas that still exist in the map; not its id, place or votes.
 */
export function copyCardContent(card: Card, knownPersonaIds?: ReadonlySet<string>): CardContent {
  const content = cardContentFrom(card);
  return knownPersonaIds ? { ...content, personaIds: content.personaIds.filter((id) => knownPersonaIds.has(id)) } : content;
}
