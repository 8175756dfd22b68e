import { describe, expect, it } from 'vitest';
import { renderJourneyScene, renderJourneySceneAsync, renderJourneySvg, sceneToSvg, sceneToSvgAsync, type Translate } from '../../src/export/svg';
import { clampLine, measureText, wrapLines } from '../../src/export/text';
import { createI18n } from '../../src/i18n';
import { instantiateTemplate, TEMPLATE_KEYS } from '../../src/model/templates';
import { SUPPORTED_LOCALES, type Locale } from '../../src/model/types';
import { checkXml } from '../support/exportXml';

const translators = new Map<Locale, Translate>();
function tr(locale: Locale): Translate {
  let t = translators.get(locale);
  if (!t) {
    const i18n = createI18n(locale);
    t = (key, options) => String(i18n.t(key, options as never));
    translators.set(locale, t);
  }
  return t;
}
const date = new Date('2025-05-12T10:00:00Z');
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

function allText(svg: string): string {
  const { texts } = checkXml(svg);
  return texts.map((x) => x.text).join('\n');
}

describe('the SVG export', () => {
  for (const key of TEMPLATE_KEYS) {
    for (const locale of SUPPORTED_LOCALES) {
      it(`is well-formed XML and holds every card title of the ${key} template in ${locale}`, () => {
        const journey = instantiateTemplate(key, locale);
        const svg = renderJourneySvg(journey, { t: tr(locale), date });
        const check = checkXml(svg);
        expect(check.errors).toEqual([]);
        const text = allText(svg);
        for (const card of journey.cards) expect(text).toContain(flat(card.title));
        for (const stage of journey.stages) expect(text).toContain(stage.name);
        for (const lane of journey.lanes) expect(text).toContain(flat(lane.name).split(' ')[0]);
        expect(text).toContain(journey.title);
      });
    }
  }

  it('labels lane kinds, channels and unnamed phases in the language it is given', () => {
    const journey = instantiateTemplate('retail', 'en');
    journey.phases = journey.phases.map((p) => ({ ...p, name: '' }));
    journey.lanes[0] = { ...journey.lanes[0]!, name: 'Was Kunden tun' };
    const de = allText(renderJourneySvg(journey, { t: tr('de'), date, locale: 'de' }));
    expect(de).toContain('VOR DEM KAUF');
    expect(de).toContain('KUNDENAKTIONEN');
    expect(de).toContain('Filiale');
    expect(de).toContain('12. Mai 2025');
    const en = allText(renderJourneySvg(journey, { t: tr('en'), date }));
    expect(en).toContain('PRE-PURCHASE');
    expect(en).toContain('CUSTOMER ACTIONS');
    expect(en).toContain('Store');
  });

  it('draws the moment of truth, the emotion curve with its zero line, links with labels and the personas legend', () => {
    const journey = instantiateTemplate('retail', 'en');
    const svg = renderJourneySvg(journey, { t: tr('en'), date });
    expect(svg).toContain('stroke="#d97706"'); // moment-of-truth border
    expect(svg).toContain('stroke-dasharray="4 5"'); // the zero line
    expect(svg).toMatch(/<path d="M[^"]*C[^"]*" fill="none" stroke="#be185d"/); // the curve
    const text = allText(svg);
    for (const link of journey.links.filter((l) => l.label)) expect(text).toContain(link.label);
    for (const persona of journey.personas) expect(text).toContain(persona.name);
    expect(text).toContain('Moment of truth');
  });

  it('exports only the chosen stages and their cards', () => {
    const journey = instantiateTemplate('saas', 'en');
    const [first, second] = journey.stages;
    const svg = renderJourneySvg(journey, { t: tr('en'), date, stageIds: [second!.id] });
    const text = allText(svg);
    expect(text).toContain(second!.name);
    expect(text).not.toContain(`>${first!.name}<`);
    for (const card of journey.cards.filter((c) => c.stageId === first!.id)) expect(text).not.toContain(flat(card.title));
    for (const card of journey.cards.filter((c) => c.stageId === second!.id)) expect(text).toContain(flat(card.title));
    expect(text).toContain(`1 of ${journey.stages.length} stages`);
  });

  it('has a white background, or none when asked for a transparent one', () => {
    const journey = instantiateTemplate('blank', 'en');
    expect(renderJourneyScene(journey, { t: tr('en'), date }).background).toBe('#ffffff');
    expect(renderJourneyScene(journey, { t: tr('en'), date, background: 'transparent' }).background).toBeNull();
  });

  it('is the same picture whether drawn in one go or in chunks with pauses', async () => {
    const journey = instantiateTemplate('retail', 'en');
    const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
    const scene = await renderJourneySceneAsync(journey, { t: tr('en'), date }, pause);
    expect(scene).toEqual(renderJourneyScene(journey, { t: tr('en'), date }));
    expect(await sceneToSvgAsync(scene, pause)).toBe(sceneToSvg(scene));
    const tile = { viewBox: { x: 300, y: 200, width: 500, height: 400 }, width: 1000, height: 800 };
    expect(await sceneToSvgAsync(scene, pause, tile)).toBe(sceneToSvg(scene, tile));
    expect(checkXml(sceneToSvg(scene, tile)).errors).toEqual([]);
  });

  it('is the same string for the same journey and date', () => {
    const journey = instantiateTemplate('service', 'de');
    expect(renderJourneySvg(journey, { t: tr('de'), date })).toBe(renderJourneySvg(journey, { t: tr('de'), date }));
  });

  it('keeps every text of a card inside the card', () => {
    const journey = instantiateTemplate('retail', 'de');
    const scene = renderJourneyScene(journey, { t: tr('de'), date });
    const cards = scene.shapes.filter((s) => s.kind === 'rect' && s.tooltip !== undefined) as { x: number; y: number; width: number; height: number }[];
    for (const text of scene.shapes) {
      if (text.kind !== 'text') continue;
      const inside = cards.find((c) => text.x >= c.x && text.x <= c.x + c.width && text.y >= c.y && text.y <= c.y + c.height);
      if (!inside) continue;
      expect(text.bounds.x + text.bounds.width, text.text).toBeLessThanOrEqual(inside.x + inside.width + 0.5);
    }
  });
});

describe('fitting text', () => {
  it('clamps a long line with an ellipsis inside the width', () => {
    const line = clampLine('A very long card title that goes on and on and on'.repeat(5), 200, { size: 13, bold: true });
    expect(line.endsWith('…')).toBe(true);
    expect(measureText(line, 13, true)).toBeLessThanOrEqual(200);
  });

  it('wraps at spaces, breaks a word longer than a line, and ends a cut text with an ellipsis', () => {
    const lines = wrapLines('Supercalifragilisticexpialidocious'.repeat(3) + ' and more words here', 120, 2, { size: 13 });
    expect(lines).toHaveLength(2);
    expect(lines[1]!.endsWith('…')).toBe(true);
    for (const line of lines) expect(measureText(line, 13)).toBeLessThanOrEqual(120);
    expect(wrapLines('Short one', 200, 2, { size: 13 })).toEqual(['Short one']);
  });
});
