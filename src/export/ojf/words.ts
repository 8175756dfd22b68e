import type { BlueprintPart, LaneKind } from '../../model/laneKinds';
import type { Locale } from '../../model/types';
import { canvas as deCanvas } from '../../i18n/de/canvas';
import { canvas as enCanvas } from '../../i18n/en/canvas';

/**
 * Words an OpenJourney file is written in: the language a file's own names are in (so lanes an
 * import adds are named in it and the map is a German map when the file was German), and the
 * words the export writes where OpenJourney expects a word (sentiment, purpose).
 */

const KIND_NAMES: Record<Locale, Record<LaneKind, string>> = { en: enCanvas.laneKinds, de: deCanvas.laneKinds };

/** A blueprint lane's name, as the app names the kind in that language. */
export function blueprintLaneName(part: BlueprintPart, locale: Locale): string {
  return KIND_NAMES[locale][part];
}

const GERMAN = /\b(der|die|das|und|nicht|mit|für|ist|ein|eine|zum|zur|auf|den|dem|des|wird|sich|kunde|kunden)\b|[äöüß]/giu;
const ENGLISH = /\b(the|and|with|for|is|to|a|an|of|on|not|from|customer|user|their|his|her)\b/giu;

/** The language most of the texts are in, by their common words; English when they do not tell. */
export function guessLocale(texts: Iterable<string>): Locale {
  let de = 0;
  let en = 0;
  let seen = 0;
  for (const text of texts) {
    // a sample is enough, and keeps a huge file from costing time here
    if (++seen > 2_000) break;
    const sample = text.slice(0, 2_000);
    de += sample.match(GERMAN)?.length ?? 0;
    en += sample.match(ENGLISH)?.length ?? 0;
  }
  return de > en ? 'de' : 'en';
}

/** The reference tool's sentiment words (its samples use these), for a card's emotion. */
const SENTIMENTS: Record<number, string> = { [-3]: 'frustrated', [-2]: 'frustrated', [-1]: 'anxious', 0: 'neutral', 1: 'positive', 2: 'positive', 3: 'delighted' };

export function sentimentForEmotion(emotion: number | null): string | null {
  return emotion === null ? null : (SENTIMENTS[emotion] ?? null);
}

/** The reference tool's purpose words, for the lane kinds that mean one. */
const PURPOSES: Partial<Record<LaneKind, string>> = { actions: 'action', touchpoints: 'touchpoint', pains: 'pain-point', opportunities: 'opportunity' };

export function purposeForKind(kind: LaneKind): string | null {
  return PURPOSES[kind] ?? null;
}
