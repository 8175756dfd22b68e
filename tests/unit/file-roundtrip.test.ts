import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMapFromTemplate, TEMPLATE_KEYS } from '../../src/model/templates';
import { SUPPORTED_LOCALES, type Journey } from '../../src/model/types';
import { addComment, deleteComment, readComments, setCommentResolved } from '../../src/model/feedback';
import { closeRound, deleteRound, placeDot, readRounds, revealRound, startRound, takeBackDot } from '../../src/model/votes';
import { setPresenter, startTimer } from '../../src/model/workshop';
import { readJourney } from '../../src/model/doc';
import * as Y from 'yjs';
import { fromJSON, serializeMap, toJSON } from '../../src/schema';
import { applyRandomOp, randomOp } from '../support/randomOps';
import { OWNER } from '../support/actors';

function roundTrip(text: string): string {
  const imported = fromJSON(JSON.parse(text));
  if (!imported.ok) throw new Error(imported.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return serializeMap(imported.doc, imported.feedback);
}

describe('export → import → export', () => {
  for (const key of TEMPLATE_KEYS) {
    for (const locale of SUPPORTED_LOCALES) {
      it(`gives the identical file for the ${key} template in ${locale}`, () => {
        const doc = createMapFromTemplate(key, locale);
        const first = serializeMap(doc);
        expect(roundTrip(first)).toBe(first);
        expect(JSON.parse(first).journey.locale).toBe(locale);
      });
    }
  }

  it('keeps comments, including resolved ones, with the cards they belong to', () => {
    const doc = createMapFromTemplate('saas', 'en');
    const feedback = new Y.Doc();
    const card = readJourney(doc).cards[3]!;
    addComment(feedback, OWNER, { cardId: card.id, author: 'Dana', text: 'Is 14 days enough for agencies?', at: '2026-05-01T10:00:00.000Z' });
    const first = serializeMap(doc, feedback);
    expect(JSON.parse(first).feedback.comments).toHaveLength(1);
    expect(roundTrip(first)).toBe(first);
  });

  it('keeps a workshop observation as an observation, and a file from before observations reads its comments as plain ones', () => {
    const doc = createMapFromTemplate('retail', 'en');
    const feedback = new Y.Doc();
    const card = readJourney(doc).cards[2]!;
    addComment(feedback, OWNER, { id: 'obs-1', cardId: card.id, author: 'Pia', text: 'Two customers left the queue at the till', at: '2026-05-01T10:00:00.000Z', observation: true });
    addComment(feedback, OWNER, { id: 'plain-1', cardId: card.id, author: 'Fay', text: 'Is that every weekend?', at: '2026-05-01T10:05:00.000Z' });
    const first = serializeMap(doc, feedback);
    const comments = JSON.parse(first).feedback.comments as { id: string; observation: boolean }[];
    expect(comments.map((c) => [c.id, c.observation])).toEqual([['obs-1', true], ['plain-1', false]]);
    expect(roundTrip(first)).toBe(first);
    const imported = fromJSON(JSON.parse(first));
    if (!imported.ok) throw new Error('did not import');
    expect(readComments(imported.feedback).map((c) => c.observation)).toEqual([true, false]);

    const older = JSON.parse(first);
    for (const c of older.feedback.comments) delete c.observation;
    const read = fromJSON(older);
    if (!read.ok) throw new Error('an older file did not import');
    expect(readComments(read.feedback).map((c) => c.observation)).toEqual([false, false]);
  });

  it('refuses a file whose comment says it is an observation with anything but true or false', () => {
    const doc = createMapFromTemplate('retail', 'en');
    const feedback = new Y.Doc();
    addComment(feedback, OWNER, { cardId: readJourney(doc).cards[0]!.id, author: 'Pia', text: 'seen', at: '2026-05-01T10:00:00.000Z', observation: true });
    const file = JSON.parse(serializeMap(doc, feedback));
    file.feedback.comments[0].observation = 'yes';
    const read = fromJSON(file);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.issues.map((i) => String(i.path))).toEqual([expect.stringMatching(/observation/)]);
  });

  it('gives the identical file for 200 random maps, statuses, owners, detail maps and library personas among them', () => {
    const used = { status: 0, owner: 0, cardDetail: 0, stageDetail: 0, libraryPersona: 0 };
    fc.assert(
      fc.property(fc.array(randomOp, { minLength: 5, maxLength: 80 }), (ops) => {
        const doc = createMapFromTemplate('blank', 'de');
        for (const op of ops) applyRandomOp(doc, op);
        const first = serializeMap(doc);
        expect(roundTrip(first)).toBe(first);
        const { journey } = JSON.parse(first) as { journey: Journey };
        if (journey.cards.some((c) => c.status !== null)) used.status++;
        if (journey.cards.some((c) => c.owner !== '')) used.owner++;
        if (journey.cards.some((c) => c.detailMapId !== null)) used.cardDetail++;
        if (journey.stages.some((s) => s.detailMapId !== null)) used.stageDetail++;
        if (journey.personas.some((p) => p.libraryId !== null)) used.libraryPersona++;
      }),
      { seed: 2026, numRuns: 200 },
    );
    // the random maps did use what file format 5 added, so the round trip above covers it
    for (const [field, maps] of Object.entries(used)) expect(maps, field).toBeGreaterThanOrEqual(5);
  });

  it('gives the identical file for 150 random maps with random threads, vote rounds and dots', () => {
    const feedbackOp = fc.oneof(
      fc.record({ kind: fc.constant('comment' as const), card: fc.nat(), parent: fc.option(fc.nat(), { nil: null }), text: fc.string({ maxLength: 20, unit: 'grapheme' }), mentions: fc.array(fc.constantFrom('ann-0001', 'ben-0002', 'cy-00003'), { maxLength: 3 }), author: fc.constantFrom('', 'ann-0001'), observation: fc.boolean() }),
      fc.record({ kind: fc.constant('resolve' as const), pick: fc.nat(), resolved: fc.boolean() }),
      fc.record({ kind: fc.constant('deleteComment' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('startRound' as const), title: fc.string({ maxLength: 20, unit: 'grapheme' }), votes: fc.integer({ min: -2, max: 60 }), anonymous: fc.boolean(), duration: fc.option(fc.integer({ min: 0, max: 3_600_000 }), { nil: null }), lanes: fc.nat({ max: 2 }) }),
      fc.record({ kind: fc.constant('dot' as const), card: fc.nat(), voter: fc.nat({ max: 3 }) }),
      fc.record({ kind: fc.constant('dot' as const), card: fc.nat(), voter: fc.nat({ max: 3 }) }),
      fc.record({ kind: fc.constant('takeBack' as const), card: fc.nat(), voter: fc.nat({ max: 3 }) }),
      fc.record({ kind: fc.constantFrom('close' as const, 'reveal' as const, 'deleteRound' as const), pick: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(randomOp, { minLength: 5, maxLength: 40 }), fc.array(feedbackOp, { minLength: 10, maxLength: 40, size: 'medium' }), fc.nat({ max: 5 }), (ops, feedbackOps, deletions) => {
        const doc = createMapFromTemplate('retail', 'en');
        for (const op of ops) applyRandomOp(doc, op);
        const feedback = new Y.Doc();
        const journey = readJourney(doc);
        const cards = journey.cards.map((c) => c.id);
        const now = (i: number) => new Date(Date.UTC(2026, 10, 23, 9, 0, i));
        feedbackOps.forEach((op, i) => {
          const comments = readComments(feedback);
          const rounds = readRounds(feedback);
          const card = (n: number) => cards[n % Math.max(1, cards.length)] ?? 'gone';
          const pick = <T,>(list: readonly T[], n: number) => list[n % Math.max(1, list.length)];
          const round = rounds[rounds.length - 1];
          if (op.kind === 'comment') {
            const parent = op.parent === null ? null : (pick(comments, op.parent)?.id ?? null);
            addComment(feedback, OWNER, { cardId: card(op.card), parentId: parent, author: 'Ann', authorId: op.author, text: op.text, mentions: op.mentions, at: now(i).toISOString(), observation: op.observation });
          } else if (op.kind === 'resolve') {
            const c = pick(comments, op.pick);
            if (c) setCommentResolved(feedback, c.id, op.resolved);
          } else if (op.kind === 'deleteComment') {
            const c = pick(comments, op.pick);
            if (c) deleteComment(feedback, OWNER, c.id);
          } else if (op.kind === 'startRound') {
            const laneIds = journey.lanes.slice(0, op.lanes).map((l) => l.id);
            startRound(feedback, OWNER, { title: op.title, votesPerPerson: op.votes, laneIds, anonymous: op.anonymous, durationMs: op.duration, startedBy: 'Fay', now: now(i) });
          } else if (op.kind === 'dot') {
            if (round) placeDot(feedback, OWNER, { roundId: round.id, cardId: card(op.card), voterId: `voter-${op.voter}`, voterName: `Voter ${op.voter}`, now: now(i) });
          } else if (op.kind === 'takeBack') {
            if (round) takeBackDot(feedback, OWNER, { roundId: round.id, cardId: card(op.card), voterId: `voter-${op.voter}`, now: now(i) });
          } else {
            const r = pick(rounds, op.pick);
            if (r) (op.kind === 'close' ? closeRound : op.kind === 'reveal' ? revealRound : deleteRound)(feedback, OWNER, r.id);
          }
        });
        startTimer(feedback, OWNER, now(0));
        setPresenter(feedback, OWNER, { id: 'fay-0001', name: 'Fay' });
        // cards deleted after people commented and voted on them
        for (const id of cards.slice(0, deletions)) doc.getMap('cards').delete(id);
        const first = serializeMap(doc, feedback);
        const file = JSON.parse(first);
        expect(Object.keys(file.feedback)).toEqual(['comments', 'rounds', 'dots']);
        expect(roundTrip(first)).toBe(first);
      }),
      { seed: 20261123, numRuns: 150 },
    );
  });

  it('does not depend on which replica wrote the map: the same content gives the same bytes', () => {
    const doc = createMapFromTemplate('service', 'en');
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(serializeMap(copy)).toBe(serializeMap(doc));
    expect(toJSON(copy)).toEqual(toJSON(doc));
  });
});
