import { GRID, type Rect } from './layout';
import type { Persona } from './types';

/**
 * The persona header: a band above the phase bands with one compact card per persona (avatar,
 * name, age, role, quote), as UXPressia and TheyDo show who the journey is about. The canvas,
 * present mode and the image exports place it with this one function.
 *
 * It lies above the grid, at negative y in layout coordinates, so the grid (`layoutJourney`)
 * keeps y = 0 at the top of its phase bands whether the header is shown or not: nothing that
 * places stages, lanes or cards has to know about it.
 */
export const PERSONA_HEADER = {
  /** a card spans two stage columns: room for a quote of a long sentence in two lines */
  stagesPerCard: 2,
  cardHeight: 96,
  /** between cards, and between rows of cards */
  gap: 12,
  /** between the band's last row and the phase bands */
  marginBottom: 16,
} as const;

export interface PersonaSlot extends Rect {
  persona: Persona;
}

export interface PersonaHeaderLayout {
  /** the band's top (negative: above the grid) and its height including the margin below */
  top: number;
  height: number;
  /** the band's label cell, in the lane-header column */
  label: Rect;
  cards: PersonaSlot[];
}

/** Where the header's persona cards go; null for a map without personas (no empty band). */
export function layoutPersonaHeader(personas: readonly Persona[], stageCount: number): PersonaHeaderLayout | null {
  if (personas.length === 0) return null;
  const { stagesPerCard, cardHeight, gap, marginBottom } = PERSONA_HEADER;
  const width = stagesPerCard * GRID.stageWidth - gap;
  // as many cards in a row as the stages give room for, so the band is no wider than the map
  const perRow = Math.max(1, Math.floor(stageCount / stagesPerCard));
  const rows = Math.ceil(personas.length / perRow);
  const height = rows * cardHeight + (rows - 1) * gap + marginBottom;
  const top = -height;
  const cards = personas.map((persona, i) => ({
    persona,
    x: GRID.laneHeaderWidth + (i % perRow) * (width + gap),
    y: top + Math.floor(i / perRow) * (cardHeight + gap),
    width,
    height: cardHeight,
  }));
  return { top, height, label: { x: 0, y: top, width: GRID.laneHeaderWidth - gap, height: height - marginBottom }, cards };
}

/**
 * A persona's initials for its avatar: the first letters of the first and last word of the
 * name ("Julia Berger" → "JB", "Cher" → "C"), or "?" for a persona without a name.
 */
export function personaInitials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  const first = [...words[0]!][0]!;
  const last = words.length > 1 ? [...words[words.length - 1]!][0]! : '';
  return (first + last).toLocaleUpperCase();
}

/** Text colour on an avatar of this colour: dark on light colours, white on the rest. */
export function avatarInk(color: string): string {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim())?.[1];
  if (!hex) return '#ffffff';
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16) / 255) as [number, number, number];
  // relative luminance, roughly (sRGB weights without the gamma curve): enough to pick an ink
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.6 ? '#0f172a' : '#ffffff';
}
