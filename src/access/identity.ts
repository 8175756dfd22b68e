import { digest } from 'lib0/hash/sha256';

/**
 * Who wrote a comment, placed a dot or presents a workshop is an *identity id*. So that nobody
 * can claim someone else's, an identity id is not chosen but derived: each device keeps a random
 * identity secret and its id is a hash of it. A client proves an identity by sending the secret
 * when it connects (`identity=` next to `token=`); the relay derives the id and binds it to that
 * connection, then refuses comments, dots and presence that name any other id
 * (server/feedbackRules.ts, server/awareness.ts). The secret never leaves for anyone but the relay;
 * peers only ever see the id.
 *
 * Pure and synchronous (lib0's SHA-256) so that the browser, the relay and the tests derive the
 * same id the same way.
 */

/** 24 random bytes, base64url: what a device keeps (and only sends to the relay). */
export const IDENTITY_SECRET = /^[A-Za-z0-9_-]{32}$/;

/** 22 base64url characters (132 bits) of SHA-256 over the secret. */
export const IDENTITY_ID = /^[A-Za-z0-9_-]{22}$/;

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function base64url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += BASE64URL[(n >> 18) & 63]! + BASE64URL[(n >> 12) & 63]!;
    if (i + 1 < bytes.length) out += BASE64URL[(n >> 6) & 63]!;
    if (i + 2 < bytes.length) out += BASE64URL[n & 63]!;
  }
  return out;
}

/** A fresh identity secret. */
export function newIdentitySecret(): string {
  const bytes = new Uint8Array(24);
  globalThis.crypto.getRandomValues(bytes);
  return base64url(bytes);
}

/** The identity id a secret proves, or null for something that is not a secret. */
export function identityIdOf(secret: string): string | null {
  if (!IDENTITY_SECRET.test(secret)) return null;
  const hash = digest(new TextEncoder().encode(`waymark identity\n${secret}`));
  return base64url(hash).slice(0, 22);
}
