/**
 * Who I am to my collaborators: a display name and a colour, chosen once and remembered on
 * this device. Never sent anywhere but to the peers in a shared map's room (awareness).
 */
export interface Identity {
  /** random and stable on this device: who placed a dot, who is presenting, who was @mentioned */
  id: string;
  name: string;
  color: string;
}

const ID = /^[A-Za-z0-9_-]{8,64}$/;

function randomId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
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
        // identities remembered before ids existed get one now, kept from then on
        const identity = { id: typeof parsed.id === 'string' && ID.test(parsed.id) ? parsed.id : randomId(), name: parsed.name.slice(0, 60), color: parsed.color };
        if (identity.id !== parsed.id) saveIdentity(identity);
        return identity;
      }
    }
  } catch {
    // storage refused or a broken value: a fresh identity for this visit
  }
  const identity = { id: randomId(), name: fallbackName, color: randomColor() };
  saveIdentity(identity);
  return identity;
}

export function saveIdentity(identity: Identity): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ id: identity.id, name: identity.name.slice(0, 60), color: identity.color }));
  } catch {
    // not remembered; it still applies to this visit
  }
}
