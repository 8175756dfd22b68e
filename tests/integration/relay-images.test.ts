import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readJourney } from '../../src/model/doc';
import { imageKey, readImages, setCardImage, type CardImage } from '../../src/model/images';
import { LIMITS } from '../../src/model/limits';
import { LOCAL_ORIGIN } from '../../src/model/origin';
import { createMapFromTemplate } from '../../src/model/templates';
import { connect, registerMap, startRelay, waitFor, whenSynced, type Server } from '../support/relay';

/**
 * Card images travel in the map's own updates (model/images.ts). With the relay's default
 * limits, an image of the largest size the app makes, and a map holding as many images as it
 * may, pass the relay and reach a late joiner whole.
 */

let server: Server;
beforeAll(async () => {
  server = await startRelay();
});
afterAll(() => server.close());

/** Bytes a JPEG encoder would not shrink further: random after the format's first bytes. */
function photo(seed: number, size: number): CardImage {
  const bytes = new Uint8Array(size);
  let x = seed * 2654435761;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    bytes[i] = x >>> 24;
  }
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  return { key: imageKey(bytes), mime: 'image/jpeg', width: 1280, height: 960, bytes };
}

describe('card images through the relay, with its default limits', () => {
  it('a largest-size image reaches a peer, and a map full of images reaches a late joiner whole', async () => {
    const map = await registerMap(server.port);
    const owner = connect(server.port, map.id, map.ownerToken, createMapFromTemplate('retail', 'en'));
    const peer = connect(server.port, map.id, map.editToken);
    await Promise.all([whenSynced(owner), whenSynced(peer)]);
    const cards = readJourney(owner.doc).cards;

    // one image of the largest size the app makes: one update of about LIMITS.imageBytes
    expect(setCardImage(owner.doc, [cards[0]!.id], photo(1, LIMITS.imageBytes), LOCAL_ORIGIN)).toBe(true);
    await waitFor(() => readImages(peer.doc).size === 1, 'the peer to receive the image');

    // then images up to the map's byte budget, each in its own update
    const count = Math.floor(LIMITS.imagesTotalBytes / LIMITS.imageBytes);
    for (let i = 1; i < count; i++) expect(setCardImage(owner.doc, [cards[i]!.id], photo(i + 1, LIMITS.imageBytes), LOCAL_ORIGIN)).toBe(true);
    await waitFor(() => readImages(peer.doc).size === count, 'the peer to receive every image');

    const late = connect(server.port, map.id, map.viewToken);
    await whenSynced(late);
    await waitFor(() => readImages(late.doc).size === count, 'the late joiner to receive every image');
    const sent = Y.encodeStateAsUpdate(owner.doc).length;
    expect(sent).toBeGreaterThan(count * LIMITS.imageBytes);
    // byte for byte (Buffer.equals: a deep toEqual of 6 MiB would take the test's whole budget)
    const arrived = readImages(late.doc);
    for (const [key, image] of readImages(owner.doc)) expect(Buffer.from(arrived.get(key)!.bytes).equals(Buffer.from(image.bytes)), key).toBe(true);
    for (const client of [owner, peer, late]) client.destroy();
  }, 60_000);
});
