import { describe, expect, it } from 'vitest';
import { renderJourneySvg, type Translate } from '../../src/export/svg';
import { createI18n } from '../../src/i18n';
import { EVIDENCE_DEFAULTS, type EvidenceItem } from '../../src/model/evidence';
import { instantiateTemplate } from '../../src/model/templates';
import type { Journey, Locale } from '../../src/model/types';
import { checkXml } from '../support/exportXml';

const tr = (locale: Locale): Translate => {
  const i18n = createI18n(locale);
  return (key, options) => String(i18n.t(key, options as never));
};
const date = new Date('2026-06-01T10:00:00Z');

/** The retail template with scores on its first stage and marks on three of its cards. */
function withEvidence(locale: Locale = 'en'): Journey {
  const journey = instantiateTemplate('retail', locale);
  const stage = journey.stages[0]!;
  const [a, b, c] = journey.cards.filter((card) => card.stageId === stage.id);
  let n = 0;
  const item = (patch: Partial<EvidenceItem>): EvidenceItem => ({ ...EVIDENCE_DEFAULTS, id: `ev${++n}`, text: '<script>alert(1)</script>', order: `a${n}`, ...patch });
  return {
    ...journey,
    cards: journey.cards.map((card) => (card.id === b!.id ? { ...card, confidence: 'assumed' } : card.id === c!.id ? { ...card, confidence: 'proposed' } : card)),
    evidence: [
      // NPS: 30 promoters, 10 passives, 8 detractors of 48 → 62.5 % − 16.7 % = +45.8 → +46
      item({ cardId: a!.id, score: 10, scale: 'nps', count: 30, date: '2026-03-02' }),
      item({ cardId: a!.id, score: 8, scale: 'nps', count: 10, date: '2026-05-20' }),
      item({ cardId: a!.id, score: 2, scale: 'nps', count: 8 }),
    ],
  };
}

function texts(svg: string): string[] {
  return checkXml(svg).texts.map((x) => x.text);
}

describe('evidence in the picture export', () => {
  it('prints the stage\u2019s measured NPS beside the emotion curve, with its count and months, and spells it out in a tooltip', () => {
    const svg = renderJourneySvg(withEvidence(), { t: tr('en'), date });
    const all = texts(svg);
    expect(all).toContain('NPS +46');
    expect(all).toContain('· n=48');
    expect(all.some((t) => /^Mar\s–\sMay 2026$/.test(t))).toBe(true);
    expect(svg).toContain('Net Promoter Score +46 from 48 responses');
    // the quotes themselves are not printed: nothing of the hostile text reaches the picture
    expect(svg).not.toMatch(/<script/i);
  });

  it('marks an observed card with its evidence count, an assumed and a proposed card in words, and explains the observed badge in the title block', () => {
    const svg = renderJourneySvg(withEvidence(), { t: tr('en'), date });
    const all = texts(svg);
    expect(all).toContain('3'); // the observed badge: three items on the first card
    expect(all).toContain('Assumed');
    expect(all).toContain('Proposed');
    expect(svg).toContain('<title>Observed · 3 pieces of evidence</title>');
    expect(all).toContain('observed, with the number of evidence items behind it');
    const de = texts(renderJourneySvg(withEvidence('de'), { t: tr('de'), date }));
    expect(de).toContain('Annahme');
    expect(de).toContain('Vorgeschlagen');
  });

  it('draws no marks and no figures for a map without evidence or confidence, and no figures without an emotions lane', () => {
    const plain = instantiateTemplate('retail', 'en');
    const svg = renderJourneySvg(plain, { t: tr('en'), date });
    expect(svg).not.toContain('Assumed');
    expect(svg).not.toContain('observed, with the number');
    const noCurve = withEvidence();
    const lanes = noCurve.lanes.filter((l) => l.kind !== 'emotions');
    const cut = renderJourneySvg({ ...noCurve, lanes, cards: noCurve.cards.filter((c) => lanes.some((l) => l.id === c.laneId)) }, { t: tr('en'), date });
    expect(texts(cut)).not.toContain('NPS +46');
  });
});
