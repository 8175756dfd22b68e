import { IDENTITY_SECRET, identityIdOf, newIdentitySecret } from '../access/identity';

/**
 * Who I am to my collaborators: an identity id, a display name and a colour. This is all peers
 * ever see (awareness carries exactly these three fields) and what comments, dots and the
 * presenter name. Never holds the secret.
 */
export interface Identity {
  /** derived from this device's secret (src/access/identity.ts): who placed a dot, who presents, who was @mentioned */
  id: string;
  name: string;
  color: string;
}

/**
 * What this device keeps: the public identity and the secret that proves it. The secret goes
 * to the relay alone, as the `identity` parameter of each connection (SyncSession); it stays
 * out of awareness, the store, the DOM, logs, exports and the feedback doc. It is kept beside
 * the identity rather than in it, so that spreading an identity (`{ ...identity, name }`)
 * cannot carry it along.
 */
export interface DeviceIdentity {
  readonly identity: Identity;
  readonly secret: string;
}

const KEY = 'waymark.identity';
const NAME_MAX = 60;
const COLOR = /^#[0-9a-f]{6}$/i;

/** Colours that read well as cursor labels with white text (WCAG AA on white, too). */
/** Avatars print white initials on these: each has at least 4.5:1 contrast with white (WCAG AA). */
export const PRESENCE_COLORS = ['#2563eb', '#a21caf', '#047857', '#b45309', '#dc2626', '#7c3aed', '#0e7490', '#be123c'];

function randomColor(): string {
  return PRESENCE_COLORS[Math.floor(Math.random() * PRESENCE_COLORS.length)]!;
}

/** Only what peers may see of an identity, whatever else the object carries. */
export function publicIdentity(identity: Identity): Identity {
  return { id: identity.id, name: identity.name, color: identity.color };
}

/** A device identity with this secret; its id is always the one the secret proves. */
function deviceIdentity(secret: string, name: string, color: string): DeviceIdentity {
  return { secret, identity: { id: identityIdOf(secret)!, name: name.slice(0, NAME_MAX), color } };
}

interface Stored {
  secret?: unknown;
  id?: unknown;
  name?: unknown;
  color?: unknown;
}

function readStored(): Stored | null {
  const raw = localStorage.getItem(KEY);
  if (!raw) return null;
  const parsed = JSON.parse(raw) as unknown;
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Stored) : null;
}

/** A name for an identity that has none yet: fixed, or made from its id (`guestWords`). */
export type FallbackName = string | ((id: string) => string);

const nameFor = (fallback: FallbackName, secret: string): string => (typeof fallback === 'string' ? fallback : fallback(identityIdOf(secret)!));

/** A stored identity as it should be, and whether what was stored needs rewriting to get there. */
function fromStored(stored: Stored, fallbackName: FallbackName): { device: DeviceIdentity; changed: boolean } {
  const secret = typeof stored.secret === 'string' && IDENTITY_SECRET.test(stored.secret) ? stored.secret : null;
  // An identity remembered before secrets existed (an id alone) gets a secret, and so a new
  // id: nothing can prove the old one. Its comments and dots stay readable under the old id.
  const kept = secret ?? newIdentitySecret();
  const device = deviceIdentity(
    kept,
    typeof stored.name === 'string' && stored.name.trim() ? stored.name : nameFor(fallbackName, kept),
    typeof stored.color === 'string' && COLOR.test(stored.color) ? stored.color : randomColor(),
  );
  const changed =
    secret === null || stored.id !== device.identity.id || stored.name !== device.identity.name || stored.color !== device.identity.color;
  return { device, changed };
}

/**
 * This device's identity: the remembered one, or a new one (a random secret, the fallback name,
 * a random colour) remembered from now on. When storage is refused, a fresh identity for this
 * visit.
 *
 * Two tabs that start at once (a browser restoring its session, both migrating an identity from
 * before secrets) could each make a secret; the one stored last wins, and the other tab adopts
 * it — here when it reads back, or through `onIdentityStored` — so that every tab of a browser
 * proves the same identity. (Tabs pass their feedback updates to each other, and each one's
 * connection sends what it holds: under two identities the relay would refuse them.)
 */
export function loadIdentity(fallbackName: FallbackName): DeviceIdentity {
  try {
    const stored = readStored();
    if (stored) {
      const { device, changed } = fromStored(stored, fallbackName);
      if (!changed) return device;
      saveIdentity(device);
      return storedIdentity(fallbackName) ?? device;
    }
  } catch {
    // storage refused or a broken value: a fresh identity (for this visit, if it cannot be stored)
  }
  const secret = newIdentitySecret();
  const device = deviceIdentity(secret, nameFor(fallbackName, secret), randomColor());
  saveIdentity(device);
  return storedIdentity(fallbackName) ?? device;
}

/** What storage holds now, if it holds a complete identity with a secret. */
function storedIdentity(fallbackName: FallbackName): DeviceIdentity | null {
  try {
    const stored = readStored();
    if (!stored) return null;
    const { device, changed } = fromStored(stored, fallbackName);
    return changed ? null : device;
  } catch {
    return null;
  }
}

export function saveIdentity(device: DeviceIdentity): void {
  try {
    const { secret, identity } = device;
    localStorage.setItem(KEY, JSON.stringify({ secret, id: identityIdOf(secret), name: identity.name.slice(0, NAME_MAX), color: identity.color }));
  } catch {
    // not remembered; it still applies to this visit
  }
}

/** The same device identity with another name or colour (the id and secret stay). */
export function withProfile(device: DeviceIdentity, profile: Partial<Pick<Identity, 'name' | 'color'>>): DeviceIdentity {
  const name = profile.name?.trim() ? profile.name.trim() : device.identity.name;
  const color = profile.color && COLOR.test(profile.color) ? profile.color : device.identity.color;
  return deviceIdentity(device.secret, name, color);
}

/**
 * Calls `listener` when another tab of this browser stores a (different) identity: a new name,
 * colour or — when two tabs made one at once — secret. Returns the unsubscribe function.
 */
export function onIdentityStored(listener: (device: DeviceIdentity) => void): () => void {
  const target = globalThis as unknown as Partial<Pick<Window, 'addEventListener' | 'removeEventListener'>>;
  if (typeof target.addEventListener !== 'function') return () => undefined;
  const onStorage = (event: StorageEvent) => {
    if (event.key !== KEY || !event.newValue) return;
    const device = storedIdentity('');
    if (device) listener(device);
  };
  target.addEventListener('storage', onStorage);
  return () => target.removeEventListener?.('storage', onStorage);
}

/** How many words each guest-name list holds (src/i18n/<lang>/sharing.ts). */
export const GUEST_WORDS = 16;
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * Which adjective and which animal name a guest: two characters of their identity id, each one
 * of 64 (4 × 16, so every word is as likely). 256 names whose initials all differ, the same on
 * every device and in every tab, where the former "Guest 10…99" gave two guests in ninety the
 * same name and an initial "G" each.
 */
export function guestWords(id: string): { adjective: number; animal: number } {
  const at = (i: number) => Math.max(0, BASE64URL.indexOf(id[i] ?? 'A')) % GUEST_WORDS;
  return { adjective: at(0), animal: at(1) };
}

/** The default names before `guestWords`: "Guest 42", "Gast 42". */
const FORMER_GUEST_NAME = /^(Guest|Gast) \d{2}$/;

/** An identity still called by a former default name, renamed with `name` (else unchanged). */
export function withoutFormerGuestName(device: DeviceIdentity, name: (id: string) => string): DeviceIdentity {
  return FORMER_GUEST_NAME.test(device.identity.name) ? withProfile(device, { name: name(device.identity.id) }) : device;
}

const NAME_ASKED_KEY = 'waymark.nameAsked';

/** Whether this device was already asked what to call its person (asked once, answered or skipped). */
export function wasAskedForName(): boolean {
  try {
    return localStorage.getItem(NAME_ASKED_KEY) === '1';
  } catch {
    return true; // without storage it would ask on every visit: better not at all
  }
}

export function rememberAskedForName(): void {
  try {
    localStorage.setItem(NAME_ASKED_KEY, '1');
  } catch {
    // asked again next visit
  }
}
