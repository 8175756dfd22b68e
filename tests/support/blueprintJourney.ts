import { createI18n } from '../../src/i18n';
import { defaultCard } from '../../src/model/cardRecord';
import { laneKindDescriptor } from '../../src/model/laneKindLookup';
import type { LaneKind } from '../../src/model/laneKinds';
import { defaultPhases } from '../../src/model/phases';
import type { Card, Journey, Locale } from '../../src/model/types';

/**
 * A small hotel-stay service blueprint built here, not from a template (templates change): four
 * stages over the three default phases and one lane per kind asked for, in that order, named
 * for its kind in the map's language, with a card per lane and stage. Staff rows name an actor on each card.
 */
export function blueprintJourney(kinds: readonly LaneKind[] = ['evidence', 'actions', 'frontstage', 'backstage', 'support'], locale: Locale = 'en'): Journey {
  const stages = [
    { id: 's1', name: 'Book', phase: 'pre-purchase' as const },
    { id: 's2', name: 'Arrive', phase: 'purchase' as const },
    { id: 's3', name: 'Stay', phase: 'purchase' as const },
    { id: 's4', name: 'Check out', phase: 'post-purchase' as const },
  ].map((s, i) => ({ ...s, order: `a${i}`, color: null, description: '', detailMapId: null }));
  const i18n = createI18n(locale);
  const lanes = kinds.map((kind, i) => ({ id: `lane-${kind}`, name: i18n.t(laneKindDescriptor(kind).labelKey), kind, order: `a${i}`, collapsed: false }));
  const cards: Card[] = [];
  for (const lane of lanes) {
    for (const [i, stage] of stages.entries()) {
      const content = CONTENT[lane.kind]?.[i];
      if (!content) continue;
      cards.push({ ...defaultCard(), id: `${lane.id}-${stage.id}`, stageId: stage.id, laneId: lane.id, order: 'a0', title: content[0], actor: content[1] ?? '' });
    }
  }
  return {
    id: 'blueprint-map',
    title: 'Hotel stay — service blueprint',
    description: '',
    locale,
    createdAt: '2025-05-12T10:00:00.000Z',
    phases: defaultPhases(),
    stages,
    lanes,
    cards,
    personas: [],
    links: [],
    evidence: [],
  };
}

/** Per lane kind, per stage: a card's title and its actor. */
const CONTENT: Partial<Record<LaneKind, readonly (readonly [string, string?] | null)[]>> = {
  evidence: [['Booking website and confirmation email'], ['Lobby, front desk, key card'], ['Room, minibar, Wi-Fi card'], ['Invoice and receipt']],
  actions: [['Books a room online'], ['Checks in at the front desk'], ['Orders room service'], ['Pays and leaves']],
  needs: [['Find a quiet room in budget'], ['Get to the room quickly'], ['Sleep well'], ['Leave without queueing']],
  senses: [['Photos of the room'], ['Music in the lobby'], ['Fresh linen smell'], ['Printer noise at the desk']],
  frontstage: [['Sends a personal welcome email', 'Reservations'], ['Greets the guest and hands over the key', 'Receptionist'], ['Delivers the order to the room', 'Room service'], ['Prints the invoice and says goodbye', 'Receptionist']],
  backstage: [['Assigns a room that fits the request', 'Reservations'], ['Prepares the key card', 'Receptionist'], ['Cooks and plates the order', 'Kitchen'], ['Checks the minibar', 'Housekeeping']],
  support: [['Booking engine', 'IT'], ['Property management system', 'IT'], ['Kitchen order system', 'Kitchen'], ['Payment provider', 'Billing']],
  pains: [null, null, null, ['Queue at the desk']],
};
