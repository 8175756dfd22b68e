import { describe, expect, it } from 'vitest';
import { EMPTY_CARD_FILTER, isFilterActive, matchCard, type CardFilter } from '../../src/model/cardFilter';
import type { Card } from '../../src/model/types';

const card = (over: Partial<Card> = {}): Card => ({
  id: 'c1',
  stageId: 's1',
  laneId: 'lane-pains',
  order: 'a0',
  title: 'Checkout fails',
  body: 'The café card reader declines the payment',
  channel: null,
  emotion: -2,
  personaIds: ['p-anna'],
  tags: ['Überweisung', 'payment'],
  color: null,
  momentOfTruth: false,
  votes: 0,
  image: null,
  actor: '',
  confidence: null,
  status: null,
  owner: '',
  detailMapId: null,
  ...over,
});
const filter = (over: Partial<CardFilter>): CardFilter => ({ ...EMPTY_CARD_FILTER, ...over });

describe('matchCard', () => {
  it('matches every card with an empty filter, which is no search at all', () => {
    expect(matchCard(card(), EMPTY_CARD_FILTER)).toBe(true);
    expect(isFilterActive(EMPTY_CARD_FILTER)).toBe(false);
    expect(isFilterActive(filter({ text: '   ' }))).toBe(false);
    expect(isFilterActive(filter({ emotionMax: 0 }))).toBe(true);
  });

  it('finds text in the title, the body and the tags, whatever the case', () => {
    expect(matchCard(card(), filter({ text: 'CHECKOUT' }))).toBe(true);
    expect(matchCard(card(), filter({ text: 'reader' }))).toBe(true);
    expect(matchCard(card(), filter({ text: 'Payment' }))).toBe(true);
    expect(matchCard(card({ body: '' }), filter({ text: 'paym' }))).toBe(true);
    expect(matchCard(card(), filter({ text: 'refund' }))).toBe(false);
  });

  it('ignores accents on either side', () => {
    expect(matchCard(card(), filter({ text: 'cafe' }))).toBe(true);
    expect(matchCard(card(), filter({ text: 'uberweisung' }))).toBe(true);
    expect(matchCard(card({ title: 'Kundenkonto eroffnen' }), filter({ text: 'eröffnen' }))).toBe(true);
  });

  it('needs every word, in any order and any field', () => {
    expect(matchCard(card(), filter({ text: 'payment checkout' }))).toBe(true);
    expect(matchCard(card(), filter({ text: 'checkout refund' }))).toBe(false);
  });

  it('keeps the cards of the chosen lanes', () => {
    expect(matchCard(card(), filter({ laneIds: ['lane-pains', 'lane-other'] }))).toBe(true);
    expect(matchCard(card(), filter({ laneIds: ['lane-other'] }))).toBe(false);
  });

  it('keeps the cards of any chosen persona', () => {
    expect(matchCard(card(), filter({ personaIds: ['p-ben', 'p-anna'] }))).toBe(true);
    expect(matchCard(card(), filter({ personaIds: ['p-ben'] }))).toBe(false);
    expect(matchCard(card({ personaIds: [] }), filter({ personaIds: ['p-anna'] }))).toBe(false);
  });

  it('keeps the cards carrying a chosen tag, without caring for case or accents', () => {
    expect(matchCard(card(), filter({ tags: ['uberweisung'] }))).toBe(true);
    expect(matchCard(card(), filter({ tags: ['PAYMENT'] }))).toBe(true);
    expect(matchCard(card(), filter({ tags: ['pay'] }))).toBe(false);
  });

  it('keeps the emotion range with its bounds, and leaves out cards without a score', () => {
    expect(matchCard(card({ emotion: -2 }), filter({ emotionMin: -3, emotionMax: -2 }))).toBe(true);
    expect(matchCard(card({ emotion: -1 }), filter({ emotionMin: -3, emotionMax: -2 }))).toBe(false);
    expect(matchCard(card({ emotion: 3 }), filter({ emotionMin: 1 }))).toBe(true);
    expect(matchCard(card({ emotion: 0 }), filter({ emotionMin: 1 }))).toBe(false);
    expect(matchCard(card({ emotion: -3 }), filter({ emotionMax: -3 }))).toBe(true);
    expect(matchCard(card({ emotion: null }), filter({ emotionMax: 3 }))).toBe(false);
  });

  it('asks for every part at once when parts are combined', () => {
    const all = filter({ text: 'cafe', laneIds: ['lane-pains'], personaIds: ['p-anna'], tags: ['payment'], emotionMin: -3, emotionMax: -1 });
    expect(matchCard(card(), all)).toBe(true);
    expect(matchCard(card({ laneId: 'lane-x' }), all)).toBe(false);
    expect(matchCard(card({ personaIds: [] }), all)).toBe(false);
    expect(matchCard(card({ tags: ['payment'], body: 'no accents here' }), all)).toBe(false);
    expect(matchCard(card({ emotion: 0 }), all)).toBe(false);
  });
});
