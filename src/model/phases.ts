import { DEFAULT_PHASE_IDS, type DefaultPhaseId, type Phase } from './types';

/**
 * What a phase looks like and where the three default phases sit. Canvas, present mode, the
 * renderer, thumbnails, the file migration and the importers all read these, so a phase has
 * one colour everywhere.
 */

/**
 * The colours a phase may take in the app. Each carries white text at 4.5:1 or more, so the
 * band's name stays readable whichever is chosen; the first three are the defaults' colours.
 */
export const PHASE_PALETTE = [
  { key: 'sky', hex: '#0369a1' },
  { key: 'violet', hex: '#6d28d9' },
  { key: 'emerald', hex: '#047857' },
  { key: 'amber', hex: '#b45309' },
  { key: 'rose', hex: '#be123c' },
  { key: 'fuchsia', hex: '#a21caf' },
  { key: 'indigo', hex: '#4338ca' },
  { key: 'slate', hex: '#475569' },
] as const;

export type PhasePaletteKey = (typeof PHASE_PALETTE)[number]['key'];

export const DEFAULT_PHASE_COLORS: Readonly<Record<DefaultPhaseId, string>> = {
  'pre-purchase': '#0369a1',
  purchase: '#6d28d9',
  'post-purchase': '#047857',
};

/** Where the defaults sit in a map that never reordered them: before, between and after anything added. */
export const DEFAULT_PHASE_ORDERS: Readonly<Record<DefaultPhaseId, string>> = {
  'pre-purchase': 'a0',
  purchase: 'a1',
  'post-purchase': 'a2',
};

/** A phase whose colour is missing or unreadable (a hand-edited doc) draws in slate. */
export const FALLBACK_PHASE_COLOR = '#475569';

export function isDefaultPhaseId(id: string): id is DefaultPhaseId {
  return (DEFAULT_PHASE_IDS as readonly string[]).includes(id);
}

/** A default phase as a map starts with it: its name (empty shows the localized default), colour and place. */
export function defaultPhase(id: DefaultPhaseId, name = ''): Phase {
  return { id, name, color: DEFAULT_PHASE_COLORS[id], order: DEFAULT_PHASE_ORDERS[id] };
}

/** The three default phases, named as given (or never renamed). */
export function defaultPhases(names: Partial<Record<DefaultPhaseId, string>> = {}): Phase[] {
  return DEFAULT_PHASE_IDS.map((id) => defaultPhase(id, names[id] ?? ''));
}

/** The colour a new phase gets: the first palette colour no phase uses yet, so neighbours differ. */
export function nextPhaseColor(phases: readonly Pick<Phase, 'color'>[]): string {
  const used = new Set(phases.map((p) => p.color.toLowerCase()));
  return (PHASE_PALETTE.find((c) => !used.has(c.hex)) ?? PHASE_PALETTE[phases.length % PHASE_PALETTE.length]!).hex;
}

/**
 * A pale tint of a phase colour for backgrounds (present mode's stage pills): the colour mixed
 * with `white` parts of white. Any hex the file format allows works, not only the palette's.
 */
export function phaseTint(hex: string, white = 0.88): string {
  const rgb = parseHex(hex) ?? parseHex(FALLBACK_PHASE_COLOR)!;
  const mix = rgb.map((c) => Math.round(c + (255 - c) * white));
  return `#${mix.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

function parseHex(hex: string): [number, number, number] | null {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})(?:[0-9a-f]{2})?$/i.exec(hex.trim());
  if (!m) return null;
  const digits = m[1]!.length === 3 ? [...m[1]!].map((d) => d + d).join('') : m[1]!;
  return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16)) as [number, number, number];
}

/** A colour that is safe to put into CSS or SVG as is: a hex, else the fallback (a peer may write anything). */
export function safePhaseColor(value: unknown): string {
  return typeof value === 'string' && /^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(value) ? value : FALLBACK_PHASE_COLOR;
}

/**
 * The phase a stage is shown in: its own when the map has it, else the first phase. A peer may
 * delete a phase while another moves a stage into it; the stage must still show somewhere, and
 * the first phase is where a reader looks first. `phases` is sorted and never empty.
 */
export function phaseShownFor(phaseId: string, phases: readonly Phase[]): Phase {
  return phases.find((p) => p.id === phaseId) ?? phases[0]!;
}
