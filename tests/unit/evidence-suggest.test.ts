import { describe, expect, it } from 'vitest';
import { EVIDENCE_DEFAULTS, type EvidenceItem } from '../../src/model/evidence';
import { buildSuggestionIndex, stem, suggestCards, suggestInChunks } from '../../src/model/evidenceSuggest';
import { instantiateTemplate } from '../../src/model/templates';
import type { Journey } from '../../src/model/types';

const retailEn = instantiateTemplate('retail', 'en');
const retailDe = instantiateTemplate('retail', 'de');
const indexEn = buildSuggestionIndex(retailEn);
const indexDe = buildSuggestionIndex(retailDe);

const titleOf = (journey: Journey, id: string) => journey.cards.find((c) => c.id === id)!.title;
const stageOf = (journey: Journey, name: string) => journey.stages.find((s) => s.name === name)!.id;

function item(text: string, extra: Partial<EvidenceItem> = {}): EvidenceItem {
  return { ...EVIDENCE_DEFAULTS, id: `e${text.length}-${text.slice(0, 8)}`, text, order: 'a0', ...extra };
}

describe('suggesting cards for evidence', () => {
  it('suggests the retail card a hotline complaint is about, saying which words matched where', () => {
    const [best] = suggestCards({ text: 'Customer says the app showed the jacket in stock but the shelf in the store was empty', stageId: null, channel: null }, indexEn);
    expect(titleOf(retailEn, best!.cardId)).toBe('In stock online, empty shelf in store');
    expect(best!.words).toEqual(expect.arrayContaining([{ word: 'stock', field: 'title' }, { word: 'shelf', field: 'title' }, { word: 'empty', field: 'title' }]));
  });

  it('matches plural and inflected forms in English and German', () => {
    expect(stem('refunds')).toBe(stem('refund'));
    expect(stem('refunded')).toBe(stem('refund'));
    expect(stem('deliveries')).toBe(stem('delivery'));
    expect(stem('lieferungen')).toBe(stem('lieferung'));
    expect(stem('retouren')).toBe(stem('retoure'));
    const titles = suggestCards({ text: 'Warum dauern Erstattungen so lange?', stageId: null, channel: null }, indexDe).map((s) => titleOf(retailDe, s.cardId));
    expect(titles).toContain('Erstattung dauert bis zu 14 Tage');
    const queue = suggestCards({ text: 'Schlange an der Kasse, 20 Minuten gewartet', stageId: null, channel: null }, indexDe);
    expect(titleOf(retailDe, queue[0]!.cardId)).toBe('Lange Schlangen an der Kasse am Samstag');
    expect(queue[0]!.words.map((w) => w.word)).toEqual(expect.arrayContaining(['Schlangen', 'Kasse']));
  });

  it('matches German compounds by the words they are made of, at half weight, naming the card\'s word', () => {
    // the item's compound: "Gutscheincode" finds the card about the voucher ("Gutschein")
    const voucher = suggestCards({ text: 'Gutscheincode ohne Begründung abgelehnt', stageId: null, channel: null }, indexDe);
    expect(titleOf(retailDe, voucher[0]!.cardId)).toBe('Gutschein ohne Begründung abgelehnt');
    // the card's compound: "Hochsaison" and "Reparaturzeit" answer "Saison" and "Reparatur"
    const repair = suggestCards({ text: 'Reparatur in der Saison dauert Wochen', stageId: null, channel: null }, indexDe);
    expect(titleOf(retailDe, repair[0]!.cardId)).toBe('Drei Wochen Reparaturzeit in der Hochsaison');
    expect(repair[0]!.words).toEqual(expect.arrayContaining([{ word: 'Reparaturzeit', field: 'title' }, { word: 'Hochsaison', field: 'title' }]));
  });

  it('ranks a word in a title above the same word in a body, and a rare word above a common one', () => {
    const journey: Journey = {
      ...retailEn,
      cards: [
        { ...retailEn.cards[0]!, id: 'title', title: 'Voucher instead of refund', body: '', tags: [], actor: '' },
        { ...retailEn.cards[0]!, id: 'body', title: 'Returns at the desk', body: 'Customers get a voucher', tags: [], actor: '' },
        { ...retailEn.cards[0]!, id: 'common1', title: 'Store visit', body: '', tags: [], actor: '' },
        { ...retailEn.cards[0]!, id: 'common2', title: 'Store layout', body: '', tags: [], actor: '' },
        { ...retailEn.cards[0]!, id: 'rare', title: 'Fitting room', body: '', tags: [], actor: '' },
      ],
    };
    const index = buildSuggestionIndex(journey);
    expect(suggestCards({ text: 'I got a voucher', stageId: null, channel: null }, index).map((s) => s.cardId)).toEqual(['title', 'body']);
    const both = suggestCards({ text: 'store fitting', stageId: null, channel: null }, index);
    expect(both[0]!.cardId).toBe('rare');
  });

  it('gives a bonus to cards of the stage and channel the file named, but never suggests a card for its stage alone', () => {
    const journey: Journey = {
      ...retailEn,
      cards: [
        { ...retailEn.cards[0]!, id: 'a', stageId: 'delivery', channel: 'app', title: 'Parcel tracking', body: '', tags: [], actor: '' },
        { ...retailEn.cards[0]!, id: 'b', stageId: 'return', channel: 'store', title: 'Parcel return label', body: '', tags: [], actor: '' },
        { ...retailEn.cards[0]!, id: 'c', stageId: 'return', channel: 'store', title: 'Receipt lost', body: '', tags: [], actor: '' },
      ],
    };
    const index = buildSuggestionIndex(journey);
    const plain = suggestCards({ text: 'Where is my parcel?', stageId: null, channel: null }, index);
    expect(plain.map((s) => s.cardId)).toEqual(['a', 'b']);
    const hinted = suggestCards({ text: 'Where is my parcel?', stageId: 'return', channel: 'store' }, index);
    expect(hinted.map((s) => [s.cardId, s.sameStage, s.sameChannel])).toEqual([
      ['b', true, true],
      ['a', false, false],
    ]);
    expect(hinted[0]!.score).toBeGreaterThan(plain[0]!.score);
  });

  it('suggests nothing for stop words, numbers and unrelated text', () => {
    expect(suggestCards({ text: 'and the of it was 12345 und der die das', stageId: null, channel: null }, indexEn)).toEqual([]);
    expect(suggestCards({ text: 'Zebras juggling quantum marmalade', stageId: null, channel: null }, indexEn)).toEqual([]);
  });

  it('uses the stage hint from a feedback file on the retail template', () => {
    const hinted = suggestCards({ text: 'The refund took weeks', stageId: stageOf(retailEn, 'Return'), channel: null }, indexEn);
    expect(hinted[0]!.sameStage).toBe(true);
    expect(titleOf(retailEn, hinted[0]!.cardId)).toMatch(/refund/i);
  });

  it('works through many items in slices, yielding to the event loop between them, with the same result as one by one', async () => {
    const texts = ['Refund took three weeks', 'Empty shelf again', 'Queue at the till', 'Parcel late', 'Size chart wrong', 'Lovely staff'];
    const items = Array.from({ length: 3000 }, (_, i) => item(`${texts[i % texts.length]} ${i}`, { id: `i${i}` }));
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const progress: number[] = [];
    const slices: number[] = [];
    const result = await suggestInChunks(items, indexEn, { budgetMs: 2, onProgress: (n) => progress.push(n), onSlice: (ms) => slices.push(ms) });
    clearInterval(timer);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toBe(items.length);
    expect(ticks).toBeGreaterThan(0);
    // wall-clock: a loaded machine may stretch a slice now and then, but most stay near the budget
    expect(slices.filter((ms) => ms < 50).length).toBeGreaterThan(slices.length / 2);
    expect(result.size).toBe(items.length);
    for (const it of items.slice(0, 50)) expect(result.get(it.id)).toEqual(suggestCards(it, indexEn));
  });

  it('stops when aborted, rejecting with an AbortError', async () => {
    const items = Array.from({ length: 5000 }, (_, i) => item(`Refund took weeks ${i}`, { id: `i${i}` }));
    const controller = new AbortController();
    let done = 0;
    const run = suggestInChunks(items, indexEn, {
      budgetMs: 1,
      signal: controller.signal,
      onProgress: (n) => {
        done = n;
        controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(done).toBeLessThan(items.length);
  });
});
