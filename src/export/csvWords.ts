import { defaultPhaseName, phaseFromWords } from '../model/phaseNames';
import { CHANNELS, DEFAULT_PHASE_IDS, SUPPORTED_LOCALES, type Channel, type DefaultPhaseId, type Locale } from '../model/types';
import { canvas as deCanvas } from '../i18n/de/canvas';
import { canvas as enCanvas } from '../i18n/en/canvas';

/**
 * The words a CSV uses for phases and channels. A spreadsheet is read by people, so the export
 * writes names in the map's language ("Vor dem Kauf", "Filiale") rather than the file format's
 * ids ("pre-purchase", "store"); the import understands the names in every shipped language and
 * the ids that older exports wrote, and notes which language the words were in so a map
 * imported from a German sheet is a German map again.
 */

const CHANNEL_NAMES: Record<Locale, Record<Channel, string>> = { en: enCanvas.channels, de: deCanvas.channels };

export function channelName(channel: Channel, locale: Locale): string {
  return CHANNEL_NAMES[locale][channel];
}

/** A default phase as the CSV names it: its default name in the map's language (ids stay stable across renames). */
export function phaseWord(phase: DefaultPhaseId, locale: Locale): string {
  return defaultPhaseName(phase, locale);
}

const same = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/** Tallies which language the words read so far were written in. */
export class CsvLanguage {
  private readonly hits = new Map<Locale, number>();

  /** The language most words were only in; English when none told. */
  get locale(): Locale {
    let best: Locale = 'en';
    for (const locale of SUPPORTED_LOCALES) if ((this.hits.get(locale) ?? 0) > (this.hits.get(best) ?? 0)) best = locale;
    return best;
  }

  private note(matches: (locale: Locale) => boolean): void {
    const locales = SUPPORTED_LOCALES.filter(matches);
    // "Web" or "Chat" are the same in both: only a word of one language tells
    if (locales.length === 1) this.hits.set(locales[0]!, (this.hits.get(locales[0]!) ?? 0) + 1);
  }

  channel(words: string): Channel | null {
    const value = words.trim();
    if ((CHANNELS as readonly string[]).includes(value)) return value as Channel;
    for (const channel of CHANNELS) {
      if (SUPPORTED_LOCALES.some((locale) => same(CHANNEL_NAMES[locale][channel], value))) {
        this.note((locale) => same(CHANNEL_NAMES[locale][channel], value));
        return channel;
      }
    }
    return null;
  }

  phase(words: string): DefaultPhaseId | null {
    const phase = phaseFromWords(words, DEFAULT_PHASE_IDS);
    if (phase) this.note((locale) => same(defaultPhaseName(phase, locale), words));
    return phase;
  }
}
