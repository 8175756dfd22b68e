import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { encodeUnderLimit, scaledSize, SMALLEST_SIDE } from '../../src/model/imageFit';
import { imageBudget, imageKey, imagesMap, readImage, readImages, setCardImage, type CardImage } from '../../src/model/images';
import { LIMITS } from '../../src/model/limits';
import { deleteCards, deleteLane, updateCard } from '../../src/model/ops';
import { LOCAL_ORIGIN } from '../../src/model/origin';
import { createMapFromTemplate } from '../../src/model/templates';
import { readJourney } from '../../src/model/doc';
import { createUndoManager } from '../../src/model/undo';
import { fromJSON, serializeMap } from '../../src/schema';
import { toBase64 } from 'lib0/buffer';
import { renderJourneySvg } from '../../src/export/svg';
import { journeyToCsv } from '../../src/export/csv';

/** A made-up JPEG: the format's first bytes, then `size` bytes that differ by `seed`. */
function jpeg(seed: number, size = 64): CardImage {
  const bytes = new Uint8Array(size);
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  for (let i = 4; i < size; i++) bytes[i] = (i * 31 + seed) & 0xff;
  return { key: imageKey(bytes), mime: 'image/jpeg', width: 400, height: 300, bytes };
}

function mapWithCards() {
  const doc = createMapFromTemplate('retail', 'en');
  const cards = readJourney(doc).cards;
  return { doc, cards, first: cards[0]!, second: cards[1]! };
}

describe('re-encoding a picture under the size limit', () => {
  it('scales the longer side down to the limit and never enlarges', () => {
    expect(scaledSize(4000, 3000, 1280)).toEqual({ width: 1280, height: 960 });
    expect(scaledSize(900, 2700, 1280)).toEqual({ width: 427, height: 1280 });
    expect(scaledSize(300, 200, 1280)).toEqual({ width: 300, height: 200 });
  });

  it('lowers the quality, then the size, until the bytes fit, and gives up below a useful size', async () => {
    // a stand-in encoder: bytes grow with pixels and quality
    const attempts: { width: number; quality: number }[] = [];
    const encode = async ({ width, height, quality }: { width: number; height: number; quality: number }) => {
      attempts.push({ width, quality });
      return new Uint8Array(Math.round(width * height * quality));
    };
    const fitted = await encodeUnderLimit({ width: 4000, height: 3000 }, encode, { longSide: 1280, maxBytes: 300 * 1024 });
    expect(fitted).not.toBeNull();
    expect(fitted!.bytes.length).toBeLessThanOrEqual(300 * 1024);
    expect(Math.max(fitted!.width, fitted!.height)).toBeLessThanOrEqual(1280);
    expect(attempts[0]).toEqual({ width: 1280, quality: 0.86 });
    // it tried lower qualities at full size before shrinking
    expect(attempts.slice(0, 5).every((a) => a.width === 1280)).toBe(true);
    expect(fitted!.width).toBeLessThan(1280);

    const never = await encodeUnderLimit({ width: 2000, height: 2000 }, async () => new Uint8Array(10), { longSide: 1280, maxBytes: 5 });
    expect(never).toBeNull();
    expect(SMALLEST_SIDE).toBeGreaterThan(0);
  });
});

describe('card images in the map', () => {
  it('are stored once per picture, under the SHA-256 of their bytes', () => {
    const { doc, first, second } = mapWithCards();
    const photo = jpeg(1);
    expect(photo.key).toMatch(/^[0-9a-f]{64}$/);
    expect(setCardImage(doc, [first.id], photo, LOCAL_ORIGIN)).toBe(true);
    expect(setCardImage(doc, [second.id], { ...photo, bytes: new Uint8Array(photo.bytes) }, LOCAL_ORIGIN)).toBe(true);
    expect(imagesMap(doc).size).toBe(1);
    const cards = readJourney(doc).cards;
    expect(cards.find((c) => c.id === first.id)!.image).toBe(photo.key);
    expect(cards.find((c) => c.id === second.id)!.image).toBe(photo.key);
    expect(readImage(doc, photo.key)!.bytes).toEqual(photo.bytes);
  });

  it('drops an image no card shows in the same step as the edit that let go of it, and undo brings it back', () => {
    const { doc, first, second } = mapWithCards();
    const undo = createUndoManager(doc, { captureTimeout: 0 });
    const a = jpeg(1);
    const b = jpeg(2);
    setCardImage(doc, [first.id], a, LOCAL_ORIGIN);
    setCardImage(doc, [second.id], a, LOCAL_ORIGIN);
    // replacing one card's image keeps the one the other card still shows
    setCardImage(doc, [first.id], b, LOCAL_ORIGIN);
    expect([...readImages(doc).keys()].sort()).toEqual([a.key, b.key].sort());
    // removing the last use deletes it
    setCardImage(doc, [second.id], null, LOCAL_ORIGIN);
    expect([...readImages(doc).keys()]).toEqual([b.key]);
    undo.undo();
    expect([...readImages(doc).keys()].sort()).toEqual([a.key, b.key].sort());
    expect(readJourney(doc).cards.find((c) => c.id === second.id)!.image).toBe(a.key);

    // deleting the card (or its lane) takes its image along, undoably
    deleteCards(doc, [first.id], LOCAL_ORIGIN);
    expect(readImages(doc).has(b.key)).toBe(false);
    undo.undo();
    expect(readImages(doc).has(b.key)).toBe(true);
    deleteLane(doc, second.laneId, LOCAL_ORIGIN);
    expect(readImages(doc).has(a.key)).toBe(false);
    undo.undo();
    expect(readImages(doc).has(a.key)).toBe(true);

    // clearing the field through updateCard prunes as well
    updateCard(doc, first.id, { image: null }, LOCAL_ORIGIN);
    expect(readImages(doc).has(b.key)).toBe(false);
  });

  it('refuses an image past the map-wide limits and writes nothing', () => {
    const { doc, cards } = mapWithCards();
    for (let i = 0; i < LIMITS.imagesPerMap; i++) expect(setCardImage(doc, [cards[i]!.id], jpeg(100 + i), LOCAL_ORIGIN)).toBe(true);
    const extra = jpeg(999);
    expect(imageBudget(doc, extra)).toBe('tooMany');
    expect(setCardImage(doc, [cards[LIMITS.imagesPerMap]!.id], extra, LOCAL_ORIGIN)).toBe(false);
    // a picture already stored costs nothing
    expect(imageBudget(doc, jpeg(100))).toBe('ok');
    expect(imageBudget(mapWithCards().doc, jpeg(1, LIMITS.imageBytes + 1))).toBe('tooLarge');
  });

  it('reads whatever a peer wrote forgivingly: an SVG, a wrong key or a huge claim is no image', () => {
    const doc = new Y.Doc();
    const svg = new TextEncoder().encode('<svg onload="alert(1)"/>');
    const key = imageKey(svg);
    imagesMap(doc).set(key, { mime: 'image/svg+xml', width: 10, height: 10, bytes: svg });
    expect(readImage(doc, key)).toBeNull();
    const ok = jpeg(5);
    imagesMap(doc).set(ok.key, { mime: 'image/jpeg', width: 1e9, height: 10, bytes: ok.bytes });
    expect(readImage(doc, ok.key)).toBeNull();
    imagesMap(doc).set('not-a-key', { mime: 'image/jpeg', width: 10, height: 10, bytes: ok.bytes });
    expect(readImages(doc).size).toBe(0);
  });

  it('a peer cannot put other bytes under a picture’s key, nor call other bytes a JPEG', () => {
    const doc = new Y.Doc();
    const real = jpeg(5);
    const other = jpeg(6);
    // another picture's bytes under this one's key: another map using the key would show it
    imagesMap(doc).set(real.key, { mime: 'image/jpeg', width: 10, height: 10, bytes: other.bytes });
    expect(readImage(doc, real.key)).toBeNull();
    // bytes that hash to their key but are no JPEG
    const text = new TextEncoder().encode('not a picture at all');
    imagesMap(doc).set(imageKey(text), { mime: 'image/jpeg', width: 10, height: 10, bytes: text });
    expect(readImage(doc, imageKey(text))).toBeNull();
    // the same bytes under their own key read as the picture
    imagesMap(doc).set(other.key, { mime: 'image/jpeg', width: 10, height: 10, bytes: other.bytes });
    expect(readImage(doc, other.key)?.bytes).toBe(other.bytes);
  });

  it('survive the Y.Doc update encoding a relay passes on', () => {
    const { doc, first } = mapWithCards();
    const photo = jpeg(7, LIMITS.imageBytes);
    setCardImage(doc, [first.id], photo, LOCAL_ORIGIN);
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    expect(Buffer.from(readImage(peer, photo.key)!.bytes).equals(Buffer.from(photo.bytes))).toBe(true);
  });
});

describe('card images in files and exports', () => {
  function fileWithImage() {
    const { doc, first } = mapWithCards();
    const photo = jpeg(3);
    setCardImage(doc, [first.id], photo, LOCAL_ORIGIN);
    return { doc, first, photo, text: serializeMap(doc) };
  }

  it('a JSON export carries the bytes in base64 and an import restores them', () => {
    const { first, photo, text } = fileWithImage();
    const file = JSON.parse(text);
    expect(file.images).toEqual([{ key: photo.key, mime: 'image/jpeg', width: 400, height: 300, data: toBase64(photo.bytes) }]);
    const imported = fromJSON(file);
    if (!imported.ok) throw new Error(JSON.stringify(imported.issues));
    expect(readImage(imported.doc, photo.key)!.bytes).toEqual(photo.bytes);
    expect(readJourney(imported.doc).cards.find((c) => c.id === first.id)!.image).toBe(photo.key);
    expect(serializeMap(imported.doc)).toBe(text);
  });

  it('a file without images (written before them) still imports', () => {
    const { text } = fileWithImage();
    const file = JSON.parse(text);
    delete file.images;
    for (const card of file.journey.cards) delete card.image;
    expect(fromJSON(file).ok).toBe(true);
  });

  it('refuses hostile image entries, naming where and why', () => {
    const { text, photo } = fileWithImage();
    const issuesOf = (change: (file: { images: Record<string, unknown>[]; journey: { cards: Record<string, unknown>[] } }) => void) => {
      const file = JSON.parse(text);
      change(file);
      const result = fromJSON(file);
      return result.ok ? [] : result.issues.map((i) => `${i.path}: ${i.message}`);
    };
    const svg = toBase64(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'));
    expect(issuesOf((f) => (f.images[0]!.mime = 'image/svg+xml')).join()).toContain('images[0].mime');
    expect(issuesOf((f) => (f.images[0]!.data = svg)).join()).toContain('images[0].data: is not image/jpeg data');
    expect(issuesOf((f) => (f.images[0]!.data = '***not base64***')).join()).toContain('images[0].data: is not base64');
    expect(issuesOf((f) => (f.images[0]!.data = 'A'.repeat(Math.ceil(LIMITS.imageBytes / 3) * 4 + 4))).join()).toContain('images[0].data');
    expect(issuesOf((f) => (f.images[0]!.key = 'f'.repeat(64))).join()).toContain('does not match the image data');
    expect(issuesOf((f) => (f.images[0]!.width = 1e9)).join()).toContain('images[0].width');
    expect(issuesOf((f) => f.images.push({ ...f.images[0]! })).join()).toContain('names an image twice');
    expect(issuesOf((f) => (f.images = [])).join()).toContain('journey.cards[0].image: names an image the file does not hold');
    expect(issuesOf((f) => (f.journey.cards[0]!.image = '<img src=x onerror=alert(1)>')).join()).toContain('journey.cards[0].image');
    expect(photo.key).toHaveLength(64);
  });

  it('the SVG picture embeds the image as a data: URL inside its card, and the CSV says which cards have one', () => {
    const { doc, photo } = fileWithImage();
    const svg = renderJourneySvg(readJourney(doc), { t: (k) => k, date: new Date(0), images: readImages(doc) });
    expect(svg).toContain(`href="data:image/jpeg;base64,${toBase64(photo.bytes)}"`);
    expect(svg.match(/<image /g)).toHaveLength(1);
    const csv = journeyToCsv(readJourney(doc));
    const rows = csv.trim().split('\r\n');
    expect(rows[0]!.endsWith(',image,actor,confidence,evidence,status,owner')).toBe(true);
    expect(rows.filter((r) => r.endsWith(',yes,,,,,')).length).toBe(1);
  });
});

describe('card images in the PDF', () => {
  it('embeds a card picture once, as an image of the page', async () => {
    const { sceneToPdf } = await import('../../src/export/pdf');
    const { renderJourneyScene } = await import('../../src/export/render');
    // the smallest JPEG pdf-lib reads: start of image, a baseline frame header (4×3, 3 components), end
    const sof = [0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x03, 0x00, 0x04, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01];
    const bytes = new Uint8Array([0xff, 0xd8, ...sof, 0xff, 0xd9]);
    const photo: CardImage = { key: imageKey(bytes), mime: 'image/jpeg', width: 4, height: 3, bytes };
    const { doc, first, second } = mapWithCards();
    setCardImage(doc, [first.id, second.id], photo, LOCAL_ORIGIN);
    const scene = renderJourneyScene(readJourney(doc), { t: (k) => k, date: new Date(0), images: readImages(doc) });
    expect(scene.shapes.filter((s) => s.kind === 'image')).toHaveLength(2);
    const pdf = Buffer.from(await sceneToPdf(scene, { paper: 'a4', pages: 'fit', date: new Date(0) })).toString('latin1');
    expect(pdf.match(/\/Subtype \/Image/g)).toHaveLength(1);
    expect(pdf).toMatch(/\/Filter \/DCTDecode/);
  });
});
