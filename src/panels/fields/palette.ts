/**
 * Eight colours for cards and personas. Each reaches at least 4.5:1 against white, so it works
 * as a swatch, an accent stripe, or a fill under white text.
 */
export const PALETTE = [
  { key: 'red', hex: '#dc2626' },
  { key: 'orange', hex: '#c2410c' },
  { key: 'amber', hex: '#b45309' },
  { key: 'green', hex: '#15803d' },
  { key: 'teal', hex: '#0f766e' },
  { key: 'blue', hex: '#2563eb' },
  { key: 'purple', hex: '#7c3aed' },
  { key: 'pink', hex: '#be185d' },
] as const;

export type PaletteKey = (typeof PALETTE)[number]['key'];

/** The palette entry for a stored colour, compared case-insensitively. */
export function paletteEntry(hex: string | null | undefined) {
  if (!hex) return undefined;
  const lower = hex.toLowerCase();
  return PALETTE.find((c) => c.hex === lower);
}
