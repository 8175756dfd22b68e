/**
 * Who I am to my collaborators: a display name and a colour, chosen once and remembered on
 * this device. Never sent anywhere but to the peers in a shared map's room (awareness).
 */
export interface Identity {
  name: string;
  color: string;
}

const KEY = 'waymark.identity';

/** Colours that read well as cursor labels with white text (WCAG AA on white, too). */
export const PRESENCE_COLORS = ['#2563eb', '#c026d3', '#059669', '#d97706', '#dc2626', '#7c3aed', '#0891b2', '#be123c'];

function randomColor(): string {
  return PRESENCE_COLORS[Math.floor(Math.random() * PRESENCE_COLORS.length)]!;
}

export function loadIdentity(fallbackName: string): Identity {
  try {
    const raw = localStorage.getItem(KEY);
    if (raw) {
      const parsed = JSON.parse(raw) as Partial<Identity>;
      if (typeof parsed.name === 'string' && typeof parsed.color === 'string' && /^#[0-9a-f]{6}$/i.test(parsed.color)) {
        return { name: parsed.name.slice(0, 60), color: parsed.color };
      }
    }
  } catch {
    // storage refused or a broken value: a fresh identity for this visit
  }
  const identity = { name: fallbackName, color: randomColor() };
  saveIdentity(identity);
  return identity;
}

export function saveIdentity(identity: Identity): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ name: identity.name.slice(0, 60), color: identity.color }));
  } catch {
    // not remembered; it still applies to this visit
  }
}
