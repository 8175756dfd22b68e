import { describe, expect, it } from 'vitest';
import { EVIDENCE_DEFAULTS, type EvidenceItem } from '../../src/model/evidence';
import { stageMetrics, strongestQuotes } from '../../src/model/evidenceMetrics';
import type { Card, Journey, Stage } from '../../src/model/types';

let next = 0;
function item(patch: Partial<EvidenceItem>): EvidenceItem {
  next += 1;
  return { ...EVIDENCE_DEFAULTS, id: `e${next}`, text: `quote ${next}`, order: `a${String(next).padStart(3, '0')}`, ...patch };
}
const stage = (id: string): Stage => ({ id, name: id, phase: 'purchase', order: 'a0', color: null, description: '', detailMapId: null });
const card = (id: string, stageId: string): Card => ({
  id, stageId, laneId: 'lane', order: 'a0', title: id, body: '', channel: null, emotion: null, personaIds: [], tags: [], color: null,
  momentOfTruth: false, votes: 0, image: null, actor: '', confidence: null, status: null, owner: '', detailMapId: null,
});
function journey(evidence: EvidenceItem[]): Journey {
  return {
    id: 'm', title: 'm', description: '', locale: 'en', createdAt: '2026-01-01T00:00:00Z',
    phases: [], stages: [stage('browse'), stage('pay'), stage('empty')], lanes: [{ id: 'lane', name: 'l', kind: 'pains', order: 'a0', collapsed: false }],
    cards: [card('c1', 'browse'), card('c2', 'browse'), card('c3', 'pay')], personas: [], links: [], evidence,
  };
}

describe('stage figures from customer evidence', () => {
  it('NPS: 5 promoters, 2 passives, 3 detractors of 10 → 50 % − 30 % = +20, average (10+9·4+8+7+3·3)/10 = 7.0', () => {
    const ev = [
      item({ cardId: 'c1', score: 10, scale: 'nps' }),
      item({ cardId: 'c1', score: 9, scale: 'nps', count: 4 }), // four promoters in one aggregated item
      item({ cardId: 'c2', score: 8, scale: 'nps' }),
      item({ cardId: 'c2', score: 7, scale: 'nps' }),
      item({ cardId: 'c2', score: 3, scale: 'nps', count: 3 }),
    ];
    const m = stageMetrics(journey(ev)).get('browse')!;
    expect(m.items).toBe(5);
    expect(m.scores).toEqual([{ scale: 'nps', responses: 10, average: 7, nps: 20, satisfiedPercent: null }]);
  });

  it('NPS rounds half away from zero: 1 promoter, 2 detractors, 5 passives of 8 → (1−2)/8 = −12.5 % → −13; mirrored +12.5 → +13', () => {
    const neg = [item({ cardId: 'c3', score: 10, scale: 'nps' }), item({ cardId: 'c3', score: 0, scale: 'nps', count: 2 }), item({ cardId: 'c3', score: 7, scale: 'nps', count: 5 })];
    expect(stageMetrics(journey(neg)).get('pay')!.scores[0]!.nps).toBe(-13);
    const pos = [item({ cardId: 'c3', score: 10, scale: 'nps', count: 2 }), item({ cardId: 'c3', score: 6, scale: 'nps' }), item({ cardId: 'c3', score: 8, scale: 'nps', count: 5 })];
    expect(stageMetrics(journey(pos)).get('pay')!.scores[0]!.nps).toBe(13);
  });

  it('all detractors → −100, all promoters → +100', () => {
    expect(stageMetrics(journey([item({ cardId: 'c3', score: 6, scale: 'nps', count: 48 })])).get('pay')!.scores[0]!.nps).toBe(-100);
    expect(stageMetrics(journey([item({ cardId: 'c3', score: 9, scale: 'nps', count: 7 })])).get('pay')!.scores[0]!.nps).toBe(100);
  });

  it('CSAT: 4·5 + 3·4 + 2·3 + 1·1 = 10 responses, satisfied (4–5) 7 of 10 = 70 %, average 39/10 = 3.9', () => {
    const ev = [
      item({ cardId: 'c3', score: 5, scale: 'csat', count: 4 }),
      item({ cardId: 'c3', score: 4, scale: 'csat', count: 3 }),
      item({ cardId: 'c3', score: 3, scale: 'csat', count: 2 }),
      item({ cardId: 'c3', score: 1, scale: 'csat' }),
    ];
    expect(stageMetrics(journey(ev)).get('pay')!.scores).toEqual([{ scale: 'csat', responses: 10, average: 3.9, nps: null, satisfiedPercent: 70 }]);
  });

  it('CSAT satisfied 2 of 3 = 66.67 % → 67; stars 5,4,1 with counts 1,1,1 → average 10/3 = 3.3', () => {
    const ev = [item({ cardId: 'c3', score: 5, scale: 'csat' }), item({ cardId: 'c3', score: 4, scale: 'csat' }), item({ cardId: 'c3', score: 2, scale: 'csat' })];
    expect(stageMetrics(journey(ev)).get('pay')!.scores[0]!.satisfiedPercent).toBe(67);
    const stars = [item({ cardId: 'c3', score: 5, scale: 'stars' }), item({ cardId: 'c3', score: 4, scale: 'stars' }), item({ cardId: 'c3', score: 1, scale: 'stars' })];
    expect(stageMetrics(journey(stars)).get('pay')!.scores).toEqual([{ scale: 'stars', responses: 3, average: 3.3, nps: null, satisfiedPercent: null }]);
  });

  it('scales are never mixed: a stage with NPS 10 (×1) and stars 1 (×3) gets two summaries, NPS +100 and ★ 1.0, in the scale order nps, csat, stars', () => {
    const ev = [item({ cardId: 'c1', score: 1, scale: 'stars', count: 3 }), item({ cardId: 'c1', score: 10, scale: 'nps' })];
    const m = stageMetrics(journey(ev)).get('browse')!;
    expect(m.scores.map((s) => [s.scale, s.responses, s.average])).toEqual([['nps', 1, 10], ['stars', 3, 1]]);
    expect(m.scores[0]!.nps).toBe(100);
  });

  it('inbox items count for the stage their hint names; an item on a deleted card counts by its hint; items on no known stage count nowhere', () => {
    const ev = [
      item({ cardId: null, stageId: 'pay', score: 1, scale: 'stars' }),
      item({ cardId: 'gone', stageId: 'pay', score: 5, scale: 'stars' }),
      item({ cardId: 'c1', stageId: 'pay', score: 3, scale: 'stars' }), // on a card of browse: the card wins over the hint
      item({ cardId: null, stageId: null, score: 5, scale: 'stars' }),
      item({ cardId: null, stageId: 'no-such-stage', score: 5, scale: 'stars' }),
    ];
    const all = stageMetrics(journey(ev));
    expect(all.get('pay')).toMatchObject({ items: 2, scores: [{ scale: 'stars', responses: 2, average: 3 }] });
    expect(all.get('browse')).toMatchObject({ items: 1, scores: [{ responses: 1, average: 3 }] });
    expect([...all.keys()]).toEqual(['browse', 'pay']);
  });

  it('the period is the earliest and latest date among scored items; unscored and undated items do not stretch it', () => {
    const ev = [
      item({ cardId: 'c1', score: 4, scale: 'csat', date: '2026-05-20' }),
      item({ cardId: 'c1', score: 2, scale: 'csat', date: '2026-03-02' }),
      item({ cardId: 'c1', score: 2, scale: 'csat', date: '' }),
      item({ cardId: 'c2', date: '2025-01-01' }), // no score
    ];
    expect(stageMetrics(journey(ev)).get('browse')).toMatchObject({ items: 4, from: '2026-03-02', to: '2026-05-20' });
  });

  it('a stage with evidence but no scores has its item count and no figures', () => {
    expect(stageMetrics(journey([item({ cardId: 'c3', date: '2026-01-05' })])).get('pay')).toEqual({ stageId: 'pay', items: 1, scores: [], from: null, to: null });
  });
});

describe('a stage\u2019s strongest quotes', () => {
  it('ranks by count, then a clear sentiment, then how extreme the score is, then order; skips empty text', () => {
    const plain = item({ text: 'plain', order: 'a1' });
    const many = item({ text: '37 tickets about late refunds', count: 37, order: 'a9' });
    const angry = item({ text: 'angry', sentiment: 'negative', order: 'a8' });
    const neutral = item({ text: 'neutral', sentiment: 'neutral', score: 0, scale: 'nps', order: 'a0' });
    const extreme = item({ text: 'five stars', score: 5, scale: 'stars', order: 'a7' }); // |5−3|/2 = 1
    const mild = item({ text: 'four stars', score: 4, scale: 'stars', order: 'a6' }); // |4−3|/2 = 0.5
    const blank = item({ text: '   \n', count: 500 });
    const ranked = strongestQuotes([plain, many, angry, neutral, extreme, mild, blank], 10);
    // neutral has extremity |0−5|/5 = 1, same as five stars; its order a0 comes first
    expect(ranked.map((i) => i.text)).toEqual(['37 tickets about late refunds', 'angry', 'neutral', 'five stars', 'four stars', 'plain']);
    expect(strongestQuotes([plain, many, angry], 2).map((i) => i.text)).toEqual(['37 tickets about late refunds', 'angry']);
    expect(strongestQuotes([plain], 0)).toEqual([]);
  });
});

describe('how the figures read', () => {
  it('English and German: "NPS +20 · n=10", "CSAT 70% · n=10", "★ 3,3 · n=3" and the period in months, tooltip in full sentences', async () => {
    const { createI18n } = await import('../../src/i18n');
    const { stageFigures } = await import('../../src/model/evidenceFigures');
    const ev = [
      item({ cardId: 'c1', score: 10, scale: 'nps', count: 5, date: '2026-03-02' }),
      item({ cardId: 'c1', score: 8, scale: 'nps', count: 2, date: '2026-05-20' }),
      item({ cardId: 'c1', score: 2, scale: 'nps', count: 3 }),
      item({ cardId: 'c1', score: 4, scale: 'csat', count: 7 }),
      item({ cardId: 'c1', score: 2, scale: 'csat', count: 3 }),
      item({ cardId: 'c1', score: 5, scale: 'stars' }),
      item({ cardId: 'c1', score: 4, scale: 'stars' }),
      item({ cardId: 'c1', score: 1, scale: 'stars' }),
    ];
    const m = stageMetrics(journey(ev)).get('browse')!;
    const en = stageFigures(m, createI18n('en').t, 'en');
    expect(en.lines.map((l) => l.text)).toEqual(['NPS +20 · n=10', 'CSAT 70% · n=10', '★ 3.3 · n=3']);
    expect(en.period?.replace(/\s/g, ' ')).toBe('Mar – May 2026');
    expect(en.description).toContain('Net Promoter Score +20 from 10 responses');
    expect(en.description).toContain('never mixed');
    const de = stageFigures(m, createI18n('de').t, 'de');
    expect(de.lines.map((l) => l.text)).toEqual(['NPS +20 · n=10', 'CSAT 70 % · n=10', '★ 3,3 · n=3']);
    expect(de.description).toContain('Antworten');
  });
});

describe('a stage\u2019s strongest quotes', () => {
  it('shows the same words once, however many sources said them', () => {
    const quote = (id: string, text: string, count: number) => ({ ...EVIDENCE_DEFAULTS, id, text, count, order: `a${id}`, cardId: 'c' });
    const top = strongestQuotes([quote('1', 'Voucher rules hidden', 3), quote('2', 'voucher rules hidden ', 2), quote('3', 'Refund slow', 1)], 3);
    expect(top.map((q) => q.id)).toEqual(['1', '3']);
  });
});
