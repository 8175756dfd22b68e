import { describe, expect, it } from 'vitest';
import { renderJourneyScene } from '../../src/export/render';
import { createI18n } from '../../src/i18n';
import { isDefaultPhaseName, phaseFromWords, shownPhaseName } from '../../src/model/phaseNames';
import { instantiateTemplate } from '../../src/model/templates';
import { DEFAULT_PHASE_IDS } from '../../src/model/types';

describe('phase names as shown', () => {
  it('a phase never renamed shows in the reader’s language, whatever language the map was made in', () => {
    expect(shownPhaseName({ id: 'pre-purchase', name: 'Pre-purchase' }, 'Vor dem Kauf')).toBe('Vor dem Kauf');
    expect(shownPhaseName({ id: 'purchase', name: 'Kauf' }, 'Purchase')).toBe('Purchase');
    expect(shownPhaseName({ id: 'post-purchase', name: '' }, 'Nach dem Kauf')).toBe('Nach dem Kauf');
    expect(isDefaultPhaseName('post-purchase', ' post-PURCHASE ')).toBe(true);
  });

  it('a renamed phase shows as typed, even when it is another phase’s default name', () => {
    expect(shownPhaseName({ id: 'pre-purchase', name: 'Awareness' }, 'Vor dem Kauf')).toBe('Awareness');
    expect(shownPhaseName({ id: 'pre-purchase', name: 'Purchase' }, 'Vor dem Kauf')).toBe('Purchase');
  });

  it('reads a phase from its id or a default name in any shipped language', () => {
    expect(phaseFromWords('Nach dem Kauf', DEFAULT_PHASE_IDS)).toBe('post-purchase');
    expect(phaseFromWords('purchase', DEFAULT_PHASE_IDS)).toBe('purchase');
    expect(phaseFromWords('Service recovery', DEFAULT_PHASE_IDS)).toBeNull();
  });

  it('an English map exported from a German editor has German phase bands', () => {
    const journey = instantiateTemplate('retail', 'en');
    const t = createI18n('de').t;
    const scene = renderJourneyScene(journey, { t: (key, options) => String(t(key, options as never)), locale: 'de', date: new Date(0) });
    const texts = scene.shapes.flatMap((s) => (s.kind === 'text' ? [s.text] : []));
    expect(texts).toContain('VOR DEM KAUF');
    expect(texts).not.toContain('PRE-PURCHASE');
  });
});
