import { isDefaultPhaseId } from './phases';
import { STANDARD_PHASES } from './templates/standard';
import { SUPPORTED_LOCALES, type DefaultPhaseId, type Locale, type Phase, type PhaseId } from './types';

/**
 * What a phase is called where it is shown. Maps store a name per phase, and templates fill in
 * the default name in the language the map was made in; a map made in English and opened in
 * German would otherwise show "PRE-PURCHASE" beside German lanes and chips. So a name that was
 * never changed — empty, or a default name in any shipped language — counts as the default and
 * shows in the reader's language; a phase someone renamed shows exactly as they typed it. A
 * map's own phase has no default name: it shows as typed, and only an empty one falls back.
 */

function same(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
}

/** The name is empty or one of the phase's shipped default names (in any language). */
export function isDefaultPhaseName(id: PhaseId, name: string): boolean {
  if (name.trim() === '') return true;
  return isDefaultPhaseId(id) && SUPPORTED_LOCALES.some((locale) => same(STANDARD_PHASES[id][locale], name));
}

/** The phase's default name in one language. */
export function defaultPhaseName(id: DefaultPhaseId, locale: Locale): string {
  return STANDARD_PHASES[id][locale];
}

/**
 * The translation key of what a phase is called when it has no name of its own: a default
 * phase's name, or "Untitled phase" for a map's own phase left empty. Pass its translation
 * to `shownPhaseName`.
 */
export function phaseNameKey(id: PhaseId): `canvas.phases.${DefaultPhaseId}` | 'canvas.untitledPhase' {
  return isDefaultPhaseId(id) ? `canvas.phases.${id}` : 'canvas.untitledPhase';
}

/**
 * The name to show: `translatedDefault` (the reader's language, the translation of
 * `phaseNameKey`, or `defaultPhaseName`) for a phase never renamed, else the name as typed.
 */
export function shownPhaseName(phase: Pick<Phase, 'id' | 'name'>, translatedDefault: string): string {
  return isDefaultPhaseName(phase.id, phase.name) ? translatedDefault : phase.name;
}

/**
 * The phase a written name stands for: its id ("pre-purchase") or a default name in any
 * shipped language ("Vor dem Kauf"), in any case; null for anything else.
 */
export function phaseFromWords(words: string, ids: readonly DefaultPhaseId[]): DefaultPhaseId | null {
  const value = words.trim();
  if (value === '') return null;
  for (const id of ids) {
    if (same(id, value) || (SUPPORTED_LOCALES as readonly Locale[]).some((locale) => same(STANDARD_PHASES[id][locale], value))) return id;
  }
  return null;
}
