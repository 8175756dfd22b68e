import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { FeedbackActor, OwnerActor } from '../../src/model/actor';
import { newRecord } from '../../src/model/doc';
import { addComment, deleteComment, editComment, readComments, setCommentResolved } from '../../src/model/feedback';
import { keepObservation, observationsByCard } from '../../src/model/observations';
import { readJourney } from '../../src/model/doc';
import { createMapFromTemplate } from '../../src/model/templates';
import { countedDots, dotsMap, placeDot, readRounds, revealRound, roundsMap, startRound, takeBackDot } from '../../src/model/votes';
import { readPresenter, readTimer, setPresenter, startTimer, workshopMap } from '../../src/model/workshop';
import { spawnHostileRelay, stopRelay } from '../support/hostile';
import { connect, connectAs, registerMap, waitFor, whenSynced, type Client, type RelayProcess, type Tokens } from '../support/relay';

/**
 * A comment link in a workshop, driven by the app's own model functions over a stock client:
 * everything the facilitator alone may do, and everything that is someone else's. The relay (a
 * child process) judges each update by the identity the connection proved.
 */

let relay: RelayProcess;
beforeAll(async () => {
  relay = await spawnHostileRelay();
});
afterAll(() => stopRelay(relay));

const clients: Client[] = [];
const track = (c: Client) => (clients.push(c), c);
afterAll(() => {
  for (const c of clients) c.destroy();
});

interface Workshop {
  map: Tokens;
  /** the facilitator's feedback connection (owner link) */
  fran: Client;
  /** a participant with a comment link */
  pia: Client;
  roundId: string;
  franComment: string;
  piaDot: string;
}

const snapshot = (doc: Y.Doc) =>
  JSON.stringify({
    comments: doc.getMap('comments').toJSON(),
    dots: doc.getMap('dots').toJSON(),
    rounds: doc.getMap('rounds').toJSON(),
    workshop: doc.getMap('workshop').toJSON(),
  });

/** Who a client is, to the app's model functions. */
const owner = (c: Client): OwnerActor => ({ id: c.identityId!, owner: true });
const participant = (c: Client): FeedbackActor => ({ id: c.identityId!, owner: false });

/** A running workshop: an open round, a comment of the facilitator's, a dot of Pia's. */
async function workshop(): Promise<Workshop> {
  const map = await registerMap(relay.port);
  const room = `${map.id}/feedback`;
  const fran = track(connectAs(relay.port, room, map.ownerToken));
  const pia = track(connectAs(relay.port, room, map.commentToken));
  await Promise.all([whenSynced(fran), whenSynced(pia)]);
  const roundId = startRound(fran.doc, owner(fran), { title: 'Biggest pain?', votesPerPerson: 3, laneIds: [], anonymous: false, durationMs: null, startedBy: 'Fran' });
  const franComment = addComment(fran.doc, owner(fran), { cardId: 'card-1', author: 'Fran', text: 'Is this the real first touchpoint?' });
  await waitFor(() => readRounds(pia.doc).length === 1 && readComments(pia.doc).length === 1, 'the round and the comment at Pia');
  const piaDot = placeDot(pia.doc, participant(pia), { roundId, cardId: 'card-1', voterName: 'Pia' })!;
  await waitFor(() => dotsMap(fran.doc).has(piaDot), "Pia's dot at Fran");
  return { map, fran, pia, roundId, franComment, piaDot };
}

/**
 * An attack, given the attacker's doc and identity id, and `liar`: the attacker telling its own
 * copy of the app's model that it is the owner (the model's guards are the client's, not the relay's).
 */
type Attack = (doc: Y.Doc, w: Workshop, me: string, liar: OwnerActor) => void;

const attacks: Array<[string, Attack]> = [
  ['reveal an open vote', (doc, w, _me, liar) => revealRound(doc, liar, w.roundId)],
  ['end the vote round', (doc, w) => roundsMap(doc).get(w.roundId)!.set('status', 'closed')],
  ['start a vote round of their own', (doc, _w, me, liar) => startRound(doc, liar, { title: 'mine', votesPerPerson: 99, laneIds: [], anonymous: true, durationMs: null, startedBy: me })],
  ["take the presenter role under the facilitator's identity", (doc, w, _me, liar) => setPresenter(doc, liar, { id: w.fran.identityId!, name: 'Fran' })],
  ['take the presenter role as themselves', (doc, _w, me, liar) => setPresenter(doc, liar, { id: me, name: 'Mallory' })],
  ['start the timer', (doc, _w, _me, liar) => startTimer(doc, liar)],
  ['plant other workshop state', (doc) => workshopMap(doc).set('stage', 'stage-9')],
  ["rewrite the facilitator's comment", (doc, w, _me, liar) => editComment(doc, liar, w.franComment, 'Everything is fine.')],
  ["delete the facilitator's comment", (doc, w, _me, liar) => deleteComment(doc, liar, w.franComment)],
  ["claim the facilitator's comment as theirs", (doc, w, me) => doc.getMap<Y.Map<unknown>>('comments').get(w.franComment)!.set('authorId', me)],
  ['post a comment as the facilitator', (doc, w, _me, liar) => addComment(doc, liar, { cardId: 'card-1', author: 'Fran', authorId: w.fran.identityId!, text: 'Let us skip this stage.' })],
  ['post a comment with no author', (doc) => addComment(doc, { id: '', owner: true }, { cardId: 'card-1', author: 'Nobody', text: 'anonymous' })],
  ["delete another person's dot", (doc, w) => dotsMap(doc).delete(w.piaDot)],
  ["move another person's dot", (doc, w) => dotsMap(doc).get(w.piaDot)!.set('cardId', 'card-2')],
  ['stuff dots under invented voters', (doc, w) => {
    doc.transact(() => {
      for (let i = 0; i < 20; i++) dotsMap(doc).set(`stuffed-${i}`, newRecord({ roundId: w.roundId, cardId: 'card-2', voterId: `voter-${i}`, voterName: `Voter ${i}`, at: new Date().toISOString() }));
    });
  }],
  ['write data the app does not have', (doc) => doc.getMap('anything').set('x', 'y')],
  ['post an observation as the facilitator', (doc, w, _me, liar) => addComment(doc, liar, { cardId: 'card-1', author: 'Fran', authorId: w.fran.identityId!, text: 'Customers love it', observation: true })],
  ["turn the facilitator's comment into an observation", (doc, w) => doc.getMap<Y.Map<unknown>>('comments').get(w.franComment)!.set('observation', true)],
  ['post an observation whose flag is not true or false', (doc, _w, me) => doc.getMap('comments').set('odd', newRecord({ cardId: 'card-1', author: 'Mallory', authorId: me, text: 'seen', at: new Date().toISOString(), observation: 'yes' }))],
];

describe('a comment link cannot run the workshop or touch what is not theirs', () => {
  for (const [what, attack] of attacks) {
    it(`a comment link that tries to ${what} is closed and changes nothing`, async () => {
      const w = await workshop();
      const before = snapshot(w.fran.doc);
      const mallory = connectAs(relay.port, `${w.map.id}/feedback`, w.map.commentToken);
      await whenSynced(mallory);
      attack(mallory.doc, w, mallory.identityId!, { id: mallory.identityId!, owner: true });
      await waitFor(() => mallory.closes.length > 0, "Mallory's connection to close", 20_000).catch((error: Error) => {
        // what the relay said about this map, to tell a slow machine from a lost verdict
        throw new Error(`${error.message}\n${relay.logs.filter((l) => l.includes(w.map.id) || /"level":[45]0/.test(l)).slice(-30).join('\n')}`);
      });
      mallory.destroy();
      expect(mallory.closes[0]!.code).toBe(1008);
      expect(mallory.closes[0]!.reason).toMatch(/^not allowed: /);
      // nothing of it reached anyone, nor the room: a newcomer sees what was there before
      const late = track(connect(relay.port, `${w.map.id}/feedback`, w.map.viewToken));
      await whenSynced(late);
      expect(snapshot(late.doc)).toBe(before);
      expect(snapshot(w.fran.doc)).toBe(before);
      expect(snapshot(w.pia.doc)).toBe(before);
      expect([...w.fran.closes, ...w.pia.closes]).toEqual([]);
    });
  }

  it('a participant who proved no identity can write no feedback at all', async () => {
    const w = await workshop();
    const before = snapshot(w.fran.doc);
    const anonymous = connect(relay.port, `${w.map.id}/feedback`, w.map.commentToken);
    await whenSynced(anonymous);
    addComment(anonymous.doc, { id: 'someone', owner: false }, { cardId: 'card-1', author: 'Anon', text: 'hello' });
    await waitFor(() => anonymous.closes.length > 0, 'the anonymous connection to close');
    anonymous.destroy();
    expect(anonymous.closes[0]).toMatchObject({ code: 1008 });
    expect(snapshot(w.fran.doc)).toBe(before);
  });

  it('extra dots under their own name do not count: the tally holds each voter to the allowance', async () => {
    const w = await workshop();
    const mallory = track(connectAs(relay.port, `${w.map.id}/feedback`, w.map.commentToken));
    await whenSynced(mallory);
    const me = mallory.identityId!;
    mallory.doc.transact(() => {
      for (let i = 0; i < 20; i++) dotsMap(mallory.doc).set(`own-${i}`, newRecord({ roundId: w.roundId, cardId: 'card-2', voterId: me, voterName: 'Mallory', at: new Date(Date.now() - i).toISOString() }));
    });
    await waitFor(() => dotsMap(w.fran.doc).has('own-19'), "Mallory's dots at Fran");
    expect(mallory.closes).toEqual([]);
    expect(countedDots(w.fran.doc, w.roundId).filter((d) => d.voterId === me)).toHaveLength(3);
  });
});

describe('what participants and the facilitator may do', () => {
  it('a participant comments, edits and deletes their own, resolves anyone’s, and places and takes back their own dots', async () => {
    const w = await workshop();
    const pia = participant(w.pia);
    const mine = addComment(w.pia.doc, pia, { cardId: 'card-1', author: 'Pia', text: 'Return label missing' })!;
    editComment(w.pia.doc, pia, mine, 'Return label missing from the box');
    setCommentResolved(w.pia.doc, w.franComment, true);
    placeDot(w.pia.doc, pia, { roundId: w.roundId, cardId: 'card-2', voterName: 'Pia' });
    takeBackDot(w.pia.doc, pia, { roundId: w.roundId, cardId: 'card-1' });
    const reply = addComment(w.pia.doc, pia, { cardId: 'card-1', parentId: mine, author: 'Pia', text: 'typo' })!;
    deleteComment(w.pia.doc, pia, reply);
    await waitFor(() => snapshot(w.fran.doc) === snapshot(w.pia.doc), 'Fran to have all of it');
    expect(readComments(w.fran.doc).find((c) => c.id === mine)?.text).toBe('Return label missing from the box');
    expect(readComments(w.fran.doc).find((c) => c.id === w.franComment)?.resolved).toBe(true);
    expect(countedDots(w.fran.doc, w.roundId).map((d) => d.cardId)).toEqual(['card-2']);
    expect(w.pia.closes).toEqual([]);
  });

  it('the facilitator reveals, presents, runs the timer and may remove anyone’s comment or dot', async () => {
    const w = await workshop();
    revealRound(w.fran.doc, owner(w.fran), w.roundId);
    setPresenter(w.fran.doc, owner(w.fran), { id: w.fran.identityId!, name: 'Fran' });
    startTimer(w.fran.doc, owner(w.fran));
    dotsMap(w.fran.doc).delete(w.piaDot);
    await waitFor(() => snapshot(w.pia.doc) === snapshot(w.fran.doc), 'Pia to have all of it');
    expect(readRounds(w.pia.doc)[0]!.status).toBe('revealed');
    expect(readPresenter(w.pia.doc)?.id).toBe(w.fran.identityId);
    expect(readTimer(w.pia.doc).status).toBe('running');
    expect(w.fran.closes).toEqual([]);
  });
});

describe('workshop observations', () => {
  it('a comment-link participant adds an observation under their own name; the facilitator keeps it as evidence in the map, and it counts once', async () => {
    const w = await workshop();
    // the facilitator's map, in the map room, where a comment link never writes
    const template = createMapFromTemplate('retail', 'en');
    const franMap = track(connectAs(relay.port, w.map.id, w.map.ownerToken));
    await whenSynced(franMap);
    Y.applyUpdate(franMap.doc, Y.encodeStateAsUpdate(template));
    const card = readJourney(franMap.doc).cards[0]!;
    const seen = addComment(w.pia.doc, participant(w.pia), { cardId: card.id, author: 'Pia', text: 'Two people left the queue at the till', at: '2026-12-04T10:00:00.000Z', observation: true })!;
    await waitFor(() => readComments(w.fran.doc).some((c) => c.id === seen), "Pia's observation at Fran");
    const arrived = readComments(w.fran.doc).find((c) => c.id === seen)!;
    expect(arrived).toMatchObject({ observation: true, authorId: w.pia.identityId, resolved: false });
    expect(observationsByCard(readComments(w.fran.doc)).get(card.id)?.map((c) => c.id)).toEqual([seen]);

    expect(keepObservation(franMap.doc, w.fran.doc, seen)).toBe('kept');
    await waitFor(() => readComments(w.pia.doc).find((c) => c.id === seen)?.resolved === true, 'the observation resolved at Pia');
    // a newcomer to the map room sees the evidence item the relay kept
    const late = track(connect(relay.port, w.map.id, w.map.viewToken));
    await whenSynced(late);
    await waitFor(() => readJourney(late.doc).evidence.some((e) => e.source === 'workshop'), 'the evidence item at a newcomer');
    expect(readJourney(late.doc).evidence.filter((e) => e.source === 'workshop')).toEqual([
      expect.objectContaining({ cardId: card.id, text: 'Two people left the queue at the till', date: '2026-12-04', addedBy: 'Pia' }),
    ]);
    expect(observationsByCard(readComments(w.pia.doc)).size).toBe(0);
    expect([...w.fran.closes, ...w.pia.closes, ...franMap.closes]).toEqual([]);
  });

  it('a comment-link participant cannot keep their own observation as evidence: the map room refuses them', async () => {
    const w = await workshop();
    const owner = track(connectAs(relay.port, w.map.id, w.map.ownerToken));
    await whenSynced(owner);
    Y.applyUpdate(owner.doc, Y.encodeStateAsUpdate(createMapFromTemplate('retail', 'en')));
    const piaMap = connectAs(relay.port, w.map.id, w.map.commentToken);
    await whenSynced(piaMap);
    await waitFor(() => readJourney(piaMap.doc).cards.length > 0, 'the map at Pia');
    const before = readJourney(owner.doc).evidence.length;
    const card = readJourney(piaMap.doc).cards[0]!;
    const seen = addComment(w.pia.doc, participant(w.pia), { cardId: card.id, author: 'Pia', text: 'mine to keep?', observation: true })!;
    keepObservation(piaMap.doc, w.pia.doc, seen);
    await waitFor(() => piaMap.denied.length > 0, 'a permission-denied auth message', 20_000);
    expect(piaMap.denied).toEqual(['read-only']);
    piaMap.destroy();
    // not on the relay: a newcomer to the map room has no item from the workshop
    const late = track(connect(relay.port, w.map.id, w.map.viewToken));
    await whenSynced(late);
    expect(readJourney(late.doc).evidence.filter((e) => e.source === 'workshop')).toEqual([]);
    expect(readJourney(owner.doc).evidence.length).toBe(before);
  });
});
