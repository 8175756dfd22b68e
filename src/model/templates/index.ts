import type * as Y from 'yjs';
import { defaultCard } from '../cardRecord';
import { journeyToDoc } from '../doc';
import { newId, newMapId } from '../ids';
import { ordersAfter } from '../order';
import { defaultPhases } from '../phases';
import { DEFAULT_PHASE_IDS, type Card, type Journey, type Locale } from '../types';
import { laneKindDescriptor } from '../laneKindLookup';
import { blankTemplate } from './blank';
import { hotelTemplate } from './hotel';
import { retailTemplate } from './retail';
import { saasTemplate } from './saas';
import { serviceTemplate } from './service';
import type { TemplateKey, TemplateLink, TemplateSource } from './types';

export { TEMPLATE_KEYS, type TemplateKey, type TemplateSource, type Localized } from './types';

export const TEMPLATES: Readonly<Record<TemplateKey, TemplateSource>> = {
  retail: retailTemplate,
  saas: saasTemplate,
  service: serviceTemplate,
  hotel: hotelTemplate,
  blank: blankTemplate,
};

export interface InstantiateOptions {
  /** the new map's id; default: a fresh one */
  mapId?: string;
  /** default: now */
  createdAt?: Date;
  /** for reproducible output in tests; default: random ids */
  makeId?: () => string;
}

/**
 * A new journey from a template, in one language, with fresh ids: two maps made from the same
 * template share no ids, so they can be merged or copied between without clashes.
 */
export function instantiateTemplate(key: TemplateKey, locale: Locale, options: InstantiateOptions = {}): Journey {
  const t = TEMPLATES[key];
  const makeId = options.makeId ?? (() => newId());
  const ids = (keys: readonly string[]) => new Map(keys.map((k) => [k, makeId()]));
  const stageIds = ids(t.stages.map((s) => s.key));
  const laneIds = ids(t.lanes.map((l) => l.key));
  const personaIds = ids(t.personas.map((p) => p.key));
  const cardKeys = new Map<string, string>();

  const stageOrders = ordersAfter(null, t.stages.length);
  const laneOrders = ordersAfter(null, t.lanes.length);
  const personaOrders = ordersAfter(null, t.personas.length);
  const lastInCell = new Map<string, string>();

  const cards: Card[] = t.cards.map((c) => {
    const id = makeId();
    if (c.key) cardKeys.set(c.key, id);
    const stageId = lookup(stageIds, c.stage, 'stage');
    const laneId = lookup(laneIds, c.lane, 'lane');
    const cell = `${stageId}/${laneId}`;
    const order = ordersAfter(lastInCell.get(cell) ?? null, 1)[0]!;
    lastInCell.set(cell, order);
    return {
      ...defaultCard(),
      id,
      stageId,
      laneId,
      order,
      title: c.title[locale],
      body: c.body?.[locale] ?? '',
      channel: c.channel ?? null,
      emotion: c.emotion ?? null,
      personaIds: (c.personas ?? []).map((p) => lookup(personaIds, p, 'persona')),
      tags: (c.tags ?? []).map((tag) => tag[locale]),
      color: c.color ?? null,
      momentOfTruth: c.momentOfTruth ?? false,
      actor: c.actor?.[locale] ?? '',
    };
  });

  return {
    id: options.mapId ?? newMapId(),
    title: t.title[locale],
    description: t.description[locale],
    locale,
    createdAt: (options.createdAt ?? new Date()).toISOString(),
    phases: defaultPhases(Object.fromEntries(DEFAULT_PHASE_IDS.map((id) => [id, t.phases[id][locale]]))),
    stages: t.stages.map((s, i) => ({
      id: stageIds.get(s.key)!,
      name: s.name[locale],
      phase: s.phase,
      order: stageOrders[i]!,
      color: null,
      description: s.description?.[locale] ?? '',
      detailMapId: null,
    })),
    lanes: t.lanes.map((l, i) => ({ id: laneIds.get(l.key)!, name: l.name[locale], kind: l.kind, order: laneOrders[i]!, collapsed: false })),
    cards,
    personas: t.personas.map((p, i) => ({
      id: personaIds.get(p.key)!,
      name: p.name[locale],
      role: p.role[locale],
      age: p.age ?? '',
      quote: p.quote[locale],
      goals: p.goals.map((g) => g[locale]),
      frustrations: p.frustrations.map((f) => f[locale]),
      color: p.color,
      order: personaOrders[i]!,
      libraryId: null,
    })),
    links: [...t.links, ...servesLinks(t)].map((l) => ({
      id: makeId(),
      fromCardId: lookup(cardKeys, l.from, 'card'),
      toCardId: lookup(cardKeys, l.to, 'card'),
      label: l.label[locale],
    })),
    evidence: [],
  };
}

export function createMapFromTemplate(key: TemplateKey, locale: Locale, options: InstantiateOptions = {}): Y.Doc {
  return journeyToDoc(instantiateTemplate(key, locale, options));
}

/**
 * A blueprint card's `serves` as a link to the customer's card, without a label: the card's row
 * says what the link is (evidence of, serves, prepares, enables), and a blueprint has dozens of
 * them — words on every one buried the cards. A link a team labels ("causes") keeps its word.
 */
function servesLinks(t: TemplateSource): TemplateLink[] {
  const kinds = new Map(t.lanes.map((l) => [l.key, l.kind]));
  return t.cards.flatMap((c) => {
    if (!c.serves) return [];
    if (!c.key) throw new Error(`a template card on "${c.lane}" serves "${c.serves}" but has no key`);
    const part = laneKindDescriptor(kinds.get(c.lane) ?? 'notes').blueprint;
    if (!part) throw new Error(`template card "${c.key}" serves a card but is not on a blueprint row`);
    return [{ from: c.key, to: c.serves, label: { en: '', de: '' } }];
  });
}

function lookup(ids: Map<string, string>, key: string, what: string): string {
  const id = ids.get(key);
  // A template is source code we ship: a dangling key is a bug to catch in tests, not user input.
  if (!id) throw new Error(`template refers to unknown ${what} "${key}"`);
  return id;
}
