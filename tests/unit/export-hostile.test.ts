import { describe, expect, it } from 'vitest';
import { journeyToCsv, parseCsv } from '../../src/export/csv';
import { exportFileName } from '../../src/export/filename';
import { renderJourneySvg, type Translate } from '../../src/export/svg';
import { createI18n } from '../../src/i18n';
import { defaultCard } from '../../src/model/cardRecord';
import { instantiateTemplate } from '../../src/model/templates';
import type { Journey } from '../../src/model/types';
import { checkXml } from '../support/exportXml';

const i18n = createI18n('en');
const t: Translate = (key, options) => String(i18n.t(key, options as never));

const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' onload='alert(1)",
  '\u202Egnp.exe',
  'Tom & Jerry <3 "quotes" \'apostrophes\'',
  'ctrl\u0000\u0001\u0007\u0008\u000b\u000c\u001b\u001f chars\ud800 lone',
  ']]><!-- --><![CDATA[x]]>',
  'x'.repeat(100_000),
];

function mapWith(text: string): Journey {
  const journey = instantiateTemplate('blank', 'en');
  const lane = journey.lanes.find((l) => l.kind === 'pains')!;
  return {
    ...journey,
    title: text,
    description: text,
    stages: [{ id: 's1', name: text, phase: 'purchase', order: 'a0', color: '"><script>', description: text, detailMapId: null }],
    lanes: journey.lanes.map((l) => (l.id === lane.id ? { ...l, name: text } : l)),
    personas: [{ id: 'p1', name: text, role: text, age: text, quote: '', goals: [], frustrations: [], color: 'red" onload="x', order: 'a0', libraryId: null }],
    cards: [
      { ...defaultCard(), id: 'c1', stageId: 's1', laneId: lane.id, order: 'a0', title: text, body: text, channel: 'web', emotion: -2, personaIds: ['p1'], tags: [text], color: 'url(javascript:x)', momentOfTruth: true, votes: 2 },
      { ...defaultCard(), id: 'c2', stageId: 's1', laneId: lane.id, order: 'a1', title: 'second', body: '', channel: null, emotion: null, personaIds: [], tags: [], color: null, momentOfTruth: false, votes: 0 },
    ],
    links: [{ id: 'l1', fromCardId: 'c1', toCardId: 'c2', label: text }],
  };
}

describe('hostile text in exports', () => {
  for (const text of HOSTILE) {
    const name = JSON.stringify(text.length > 40 ? `${text.slice(0, 20)}… (${text.length} characters)` : text);
    it(`comes out escaped in the SVG: ${name}`, () => {
      const svg = renderJourneySvg(mapWith(text), { t, date: new Date('2025-01-01') });
      const check = checkXml(svg);
      expect(check.errors).toEqual([]);
      // no element or attribute from the map's text
      expect(new Set(check.elements)).toEqual(new Set(['svg', 'title', 'desc', 'rect', 'path', 'circle', 'text']));
      expect(svg).not.toMatch(/<script|<img|<!--|<!\[CDATA/i);
      expect(svg).not.toMatch(/<[^>]*\s(on\w+|href|style)\s*=/i);
      expect(svg).not.toMatch(/javascript:|url\(/i);
      expect(svg).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u202a-\u202e\u2066-\u2069]/);
      // long text is clamped to fit; the document stays small
      expect(svg.length).toBeLessThan(40_000);
    });

    it(`is kept, quoted and neutralised in the CSV: ${name}`, () => {
      const csv = journeyToCsv(mapWith(`=${text}`));
      const parsed = parseCsv(csv);
      if (!parsed.ok) throw new Error('unparseable');
      const row = parsed.rows[1]!;
      expect(row[4]).toBe(`'=${text}`);
      // every text cell (the emotion column holds a plain number)
      for (const cell of row.filter((_, i) => i !== 7)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    });
  }

  it('makes a safe file name from any title', () => {
    expect(exportFileName('Kundenreise: Q3/2025 <final>', 'png')).toBe('Kundenreise Q3 2025 final.png');
    expect(exportFileName('../../etc/passwd', 'svg')).toBe('etc passwd.svg');
    expect(exportFileName('\u202Egnp.exe', 'pdf')).toBe('gnp.exe.pdf');
    expect(exportFileName('CON', 'csv')).toBe('CON-map.csv');
    expect(exportFileName('   ', 'json')).toBe('journey-map.json');
    expect(exportFileName('x'.repeat(100_000), 'png').length).toBeLessThan(100);
  });
});
