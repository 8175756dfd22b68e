import { describe, expect, it } from 'vitest';
import { buildSpaceSearch, removeFromSpaceSearch, searchSpace, updateSpaceSearch, type SearchableMap, type SpaceSearchHit } from '../../src/model/space/search';

type CardText = { id: string; title: string; body?: string; tags?: string[] };

function map(id: string, title: string, cards: CardText[]): SearchableMap {
  return { id, title, journey: { cards: cards.map((c) => ({ id: c.id, title: c.title, body: c.body ?? '', tags: c.tags ?? [] })) } };
}

/** What a reader sees highlighted in each hit. */
const marked = (hit: SpaceSearchHit) => hit.snippet.ranges.map(([s, e]) => hit.snippet.text.slice(s, e));
const where = (hits: SpaceSearchHit[]) => hits.map((h) => `${h.mapId}/${h.cardId ?? 'title'}/${h.field}`);

const SPACE = [
  map('returns', 'Rückgabe & Erstattung', [
    { id: 'c1', title: 'Überweisung der Erstattung dauert', body: 'Kunden warten zwei Wochen auf die Rückzahlung.' },
    { id: 'c2', title: 'Paket zur Straße bringen', body: 'Die Abholung klappt nur werktags.', tags: ['Logistik'] },
    { id: 'c3', title: 'Rechnung von Herrn Mueller', body: '' },
    { id: 'c4', title: 'Café-Gutschein als Entschädigung', body: '' },
  ]),
  map('checkout', 'Online checkout', [
    { id: 'k1', title: 'Refund takes too long', body: 'The delay in refunds makes customers call the hotline.' },
    { id: 'k2', title: 'Delivery options', body: 'Customers compare delivery dates.', tags: ['refund policy'] },
    { id: 'k3', title: 'Lieferung verzögert', body: 'Die Lieferungen kommen zu spät.' },
  ]),
];

describe('searching a space', () => {
  it('finds German words whatever case, accents or umlaut spelling the searcher types', () => {
    const index = buildSpaceSearch(SPACE);
    for (const query of ['Überweisung', 'uberweisung', 'UEBERWEISUNG', 'ueberweisung ', 'überweis']) {
      expect(where(searchSpace(index, query, 10)), query).toEqual(['returns/c1/card title']);
    }
    expect(where(searchSpace(index, 'strasse', 10))).toEqual(['returns/c2/card title']);
    expect(where(searchSpace(index, 'Müller', 10))).toEqual(['returns/c3/card title']);
    expect(where(searchSpace(index, 'cafe', 10))).toEqual(['returns/c4/card title']);
    expect(where(searchSpace(index, 'ruckgabe', 10))).toEqual(['returns/title/title']);
  });

  it('finds a text stored with decomposed umlauts (as macOS files carry them)', () => {
    const index = buildSpaceSearch([map('m', 'x', [{ id: 'c', title: 'U\u0308berweisung pru\u0308fen' }])]);
    const [hit] = searchSpace(index, 'prüfen', 10);
    expect(hit!.cardId).toBe('c');
    expect(marked(hit!)).toEqual(['pru\u0308fen']);
  });

  it('needs every word of the query in the same card, in any of its fields', () => {
    const index = buildSpaceSearch(SPACE);
    expect(where(searchSpace(index, 'refund hotline', 10))).toEqual(['checkout/k1/body']);
    // words in different fields: the snippet shows the field holding most of them, the title on a tie
    expect(where(searchSpace(index, 'delivery refund', 10))).toEqual(['checkout/k2/card title']);
    expect(where(searchSpace(index, 'refund polic', 10))).toEqual(['checkout/k2/tags']);
    expect(searchSpace(index, 'refund Überweisung', 10)).toEqual([]);
  });

  it('matches the start of the word still being typed, and whole words (or their other forms) before it', () => {
    const index = buildSpaceSearch(SPACE);
    expect(where(searchSpace(index, 'lief', 10))).toEqual(['checkout/k3/card title']);
    // "lief" finished with a space is a whole word, which "Lieferung" is not
    expect(searchSpace(index, 'lief ', 10)).toEqual([]);
    expect(searchSpace(index, 'lief verz', 10)).toEqual([]);
    expect(where(searchSpace(index, 'lieferung verz', 10))).toEqual(['checkout/k3/card title']);
    // another form of a finished word: plural and singular meet
    expect(where(searchSpace(index, 'lieferungen verz', 10))).toEqual(['checkout/k3/card title']);
    expect(where(searchSpace(index, 'refunds ', 10))).toEqual(['checkout/k1/card title', 'checkout/k2/tags']);
  });

  it('ranks map titles first, then card titles, tags and bodies', () => {
    const index = buildSpaceSearch([
      map('a', 'Notes', [
        { id: 'body', title: 'x', body: 'the onboarding call' },
        { id: 'tags', title: 'y', tags: ['onboarding'] },
        { id: 'title', title: 'Onboarding email' },
      ]),
      map('b', 'Onboarding journey', []),
    ]);
    expect(where(searchSpace(index, 'onboard', 10))).toEqual(['b/title/title', 'a/title/card title', 'a/tags/tags', 'a/body/body']);
  });

  it('marks exactly the matched words in the snippet, and only the typed part of a prefix', () => {
    const index = buildSpaceSearch(SPACE);
    const [hit] = searchSpace(index, 'kunden rückz', 10);
    expect(hit).toMatchObject({ mapId: 'returns', cardId: 'c1', field: 'body' });
    expect(hit!.snippet.text).toBe('Kunden warten zwei Wochen auf die Rückzahlung.');
    expect(marked(hit!)).toEqual(['Kunden', 'Rückz']);
    const [umlaut] = searchSpace(index, 'ueberw', 10);
    expect(marked(umlaut!)).toEqual(['Überw']);
    const [sharp] = searchSpace(index, 'strass', 10);
    expect(marked(sharp!)).toEqual(['Straß']);
  });

  it('cuts a long body around the first match, with the ranges still on the matched words', () => {
    const filler = 'Lorem ipsum dolor sit amet. '.repeat(40);
    const body = `${filler}Die Hotline war\nnicht erreichbar. ${filler}`;
    const index = buildSpaceSearch([map('m', 'x', [{ id: 'c', title: 't', body }])]);
    const [hit] = searchSpace(index, 'hotline erreich', 10);
    expect(hit!.snippet.text.startsWith('…')).toBe(true);
    expect(hit!.snippet.text.endsWith('…')).toBe(true);
    expect(hit!.snippet.text.length).toBeLessThanOrEqual(162);
    expect(hit!.snippet.text).not.toContain('\n');
    expect(marked(hit!)).toEqual(['Hotline', 'erreich']);
  });

  it('finds nothing for an empty query and stops at the limit', () => {
    const index = buildSpaceSearch(SPACE);
    expect(searchSpace(index, '', 10)).toEqual([]);
    expect(searchSpace(index, '  ,. ', 10)).toEqual([]);
    expect(searchSpace(index, 'e', 2)).toHaveLength(2);
  });

  it('stays quick and bounded with a hostile card: a 10 MB body and a query of a thousand words', () => {
    const huge = 'Ä'.repeat(5 * 1024 * 1024) + ' needle ' + 'x'.repeat(5 * 1024 * 1024);
    const index = buildSpaceSearch([map('m', 'x', [{ id: 'c', title: 'y'.repeat(100_000), body: huge, tags: Array.from({ length: 10_000 }, () => 'tag') }])]);
    const started = performance.now();
    expect(searchSpace(index, 'needle', 10)).toEqual([]); // past the body limit: not indexed
    searchSpace(index, Array.from({ length: 1000 }, () => 'word').join(' '), 10);
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe('updating one map of the search', () => {
  it('finds a colleague’s edit in that map and leaves the other maps as they were', () => {
    const index = buildSpaceSearch(SPACE);
    const version = index.version;
    updateSpaceSearch(
      index,
      map('checkout', 'Online checkout', [
        { id: 'k1', title: 'Refund takes too long', body: 'The delay in refunds makes customers call the hotline.' },
        { id: 'k2', title: 'Express shipping', body: 'Customers compare delivery dates.', tags: ['refund policy'] },
      ]),
    );
    expect(index.version).toBeGreaterThan(version);
    expect(where(searchSpace(index, 'express', 10))).toEqual(['checkout/k2/card title']);
    expect(searchSpace(index, 'lieferung', 10)).toEqual([]);
    expect(where(searchSpace(index, 'überweisung', 10))).toEqual(['returns/c1/card title']);
  });

  it('adds a new map and removes one that left the space', () => {
    const index = buildSpaceSearch(SPACE);
    updateSpaceSearch(index, map('new', 'Kündigung', [{ id: 'n1', title: 'Vertrag kündigen' }]));
    expect(where(searchSpace(index, 'kundig', 10))).toEqual(['new/title/title', 'new/n1/card title']);
    removeFromSpaceSearch(index, 'new');
    expect(searchSpace(index, 'kundig', 10)).toEqual([]);
  });

  it('picks up a renamed map title', () => {
    const index = buildSpaceSearch(SPACE);
    updateSpaceSearch(index, { ...SPACE[1]!, title: 'Web shop checkout' });
    expect(where(searchSpace(index, 'web sh', 10))).toEqual(['checkout/title/title']);
    expect(searchSpace(index, 'online', 10)).toEqual([]);
  });
});
