import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './support/app';
import { cardNode, newMapFromTemplate } from './support/flows';

/**
 * Images on cards (issue 13): pasted, dropped or picked, shown on the canvas, in the side panel
 * and full size, kept through a reload, seen by a peer through the relay, drawn in the SVG/PNG
 * exports and carried by the JSON file, always re-encoded under the size limit.
 */

let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

const OUT = mkdtempSync(path.join(tmpdir(), 'waymark-e2e-images-'));
const FIRST = 'Realises the kids have outgrown';
const SECOND = 'Saves a jacket review';

interface Picture {
  width: number;
  height: number;
  /** random pixels: a photo-like picture that JPEG cannot squeeze much */
  noise?: boolean;
}

/** Makes a PNG in the page — magenta with "E17" in white, like a photo of an error display — and keeps it as `window.__picture`. */
async function makePicture(page: Page, { width, height, noise = false }: Picture): Promise<number> {
  return page.evaluate(
    async ({ width, height, noise }) => {
      const canvas = new OffscreenCanvas(width, height);
      const context = canvas.getContext('2d')!;
      context.fillStyle = '#ff00ff';
      context.fillRect(0, 0, width, height);
      if (noise) {
        const pixels = context.getImageData(0, 0, width, height);
        for (let i = 0; i < pixels.data.length; i += 4) {
          pixels.data[i] = Math.random() * 255;
          pixels.data[i + 1] = Math.random() * 255;
          pixels.data[i + 2] = Math.random() * 255;
        }
        context.putImageData(pixels, 0, 0);
      }
      context.fillStyle = '#ffffff';
      context.font = `bold ${Math.round(height / 3)}px sans-serif`;
      context.fillText('E17', width / 5, (height * 2) / 3);
      const blob = await canvas.convertToBlob({ type: 'image/png' });
      (window as unknown as { __picture: File }).__picture = new File([blob], 'error-code.png', { type: 'image/png' });
      return blob.size;
    },
    { width, height, noise },
  );
}

/** Pastes the picture made by `makePicture`, as a clipboard paste of a screenshot does. */
async function pastePicture(page: Page): Promise<void> {
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.items.add((window as unknown as { __picture: File }).__picture);
    document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
}

/** Drops the picture made by `makePicture` onto a card, as a drag from the desktop does. */
async function dropPicture(page: Page, title: string): Promise<void> {
  await cardNode(page, title).locator('.card-node').evaluate((target) => {
    const data = new DataTransfer();
    data.items.add((window as unknown as { __picture: File }).__picture);
    target.dispatchEvent(new DragEvent('dragenter', { dataTransfer: data, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  });
}

/** The thumbnail on a card, once its picture has loaded. */
async function thumbnailOf(page: Page, title: string) {
  const img = cardNode(page, title).locator('.card-image-thumb img');
  await img.waitFor();
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
  return img;
}

async function exportFile(page: Page, format: RegExp, name: string): Promise<Buffer> {
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+Shift+E');
  const dialog = page.getByRole('dialog', { name: 'Export map' });
  await dialog.getByRole('radio', { name: format }).check();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
  const file = path.join(OUT, name);
  await download.saveAs(file);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await dialog.waitFor({ state: 'detached' });
  return readFileSync(file);
}

/** Picks a file with the inspector's "Add image…" input. */
async function pickInInspector(page: Page, buffer: Buffer): Promise<void> {
  await page.getByRole('complementary').getByLabel(/Add image|Replace/).setInputFiles({ name: 'error-code.png', mimeType: 'image/png', buffer });
}

async function pictureBytes(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(async () => {
    const buffer = await (window as unknown as { __picture: File }).__picture.arrayBuffer();
    let text = '';
    for (const byte of new Uint8Array(buffer)) text += String.fromCharCode(byte);
    return btoa(text);
  });
  return Buffer.from(base64, 'base64');
}

describe('images on cards', () => {
  it('a CX lead pastes a photo of the error code onto a card and it shows on the canvas', async () => {
    const { context, page } = await app.newPage();
    await newMapFromTemplate(app, page);
    await cardNode(page, FIRST).click();
    await makePicture(page, { width: 800, height: 600 });
    await pastePicture(page);

    const img = await thumbnailOf(page, FIRST);
    expect(await img.getAttribute('alt')).toContain(FIRST);
    expect(await img.getAttribute('src')).toMatch(/^blob:/);
    // the side panel shows it larger
    const panelImage = page.getByRole('complementary').locator('.card-image-large img');
    await panelImage.waitFor();

    // full size in a dialog; Escape closes it and focus goes back to the thumbnail
    const thumb = cardNode(page, FIRST).locator('.card-image-thumb');
    await thumb.click();
    const lightbox = page.getByRole('dialog', { name: /Image of/ });
    await lightbox.waitFor();
    await expect.poll(() => lightbox.locator('img').evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(800);
    await page.keyboard.press('Escape');
    await lightbox.waitFor({ state: 'hidden' });
    expect(await thumb.evaluate((el) => el === document.activeElement)).toBe(true);

    // one undo takes the picture away again
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => cardNode(page, FIRST).locator('.card-image-thumb').count()).toBe(0);
    await context.close();
  });

  it('a dropped image survives a reload', async () => {
    const { context, page } = await app.newPage();
    await newMapFromTemplate(app, page);
    await makePicture(page, { width: 640, height: 480 });
    await dropPicture(page, SECOND);
    await thumbnailOf(page, SECOND);
    // stored on this device: a reload shows it again
    await page.waitForTimeout(600);
    await page.reload();
    await thumbnailOf(page, SECOND);
    expect(await cardNode(page, FIRST).locator('.card-image-thumb').count()).toBe(0);

    // presenting the first stage shows the picture on its card's slide
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+Alt+P');
    await page.waitForURL(/\/present/);
    const slidePicture = page.locator('.present-card', { hasText: SECOND }).locator('.card-image-slide img');
    await slidePicture.waitFor();
    await expect.poll(() => slidePicture.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
    expect(await slidePicture.getAttribute('alt')).toContain(SECOND);
    await context.close();
  });

  it('a peer sees the image', async () => {
    const owner = await app.newPage();
    await newMapFromTemplate(app, owner.page);
    await owner.page.getByRole('button', { name: 'Share', exact: true }).click();
    await owner.page.getByRole('button', { name: 'Create share links' }).click();
    const editLink = await owner.page.getByLabel('Edit link').inputValue();
    const viewLink = await owner.page.getByLabel('View link').inputValue();
    await owner.page.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => owner.page.locator('.connection-badge').textContent()).toBe('Live');

    const guest = await app.newPage();
    await guest.page.goto(editLink);
    await cardNode(guest.page, FIRST).waitFor();
    await expect.poll(() => guest.page.locator('.connection-badge').textContent()).toBe('Live');

    // the owner picks a file in the side panel
    await cardNode(owner.page, FIRST).click();
    await makePicture(owner.page, { width: 1024, height: 768 });
    await pickInInspector(owner.page, await pictureBytes(owner.page));
    await thumbnailOf(owner.page, FIRST);
    await thumbnailOf(guest.page, FIRST);

    // someone with the view link sees it too, but cannot add or remove one
    const viewer = await app.newPage();
    await viewer.page.goto(viewLink);
    await thumbnailOf(viewer.page, FIRST);
    await cardNode(viewer.page, FIRST).click();
    const panel = viewer.page.getByRole('complementary');
    await panel.locator('.card-image-large img').waitFor();
    expect(await panel.getByRole('button', { name: /Remove/ }).count()).toBe(0);
    expect(await panel.locator('input[type=file]').count()).toBe(0);
    await makePicture(viewer.page, { width: 300, height: 200 });
    await dropPicture(viewer.page, SECOND);
    await viewer.page.waitForTimeout(500);
    expect(await cardNode(viewer.page, SECOND).locator('.card-image-thumb').count()).toBe(0);

    // the guest removes it; everyone's card lets go of it
    await cardNode(guest.page, FIRST).click();
    await guest.page.getByRole('complementary').getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => cardNode(owner.page, FIRST).locator('.card-image-thumb').count()).toBe(0);
    await expect.poll(() => cardNode(viewer.page, FIRST).locator('.card-image-thumb').count()).toBe(0);
    await owner.context.close();
    await guest.context.close();
    await viewer.context.close();
  });

  it('an SVG/PNG export shows the image', async () => {
    const { context, page } = await app.newPage();
    // the thumbnail (blob:), the lightbox and the PNG export's data: pictures run under the app's CSP
    const violations: string[] = [];
    await context.exposeBinding('reportCspViolation', (_source, text: string) => void violations.push(text));
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    await newMapFromTemplate(app, page);
    await cardNode(page, FIRST).click();
    await makePicture(page, { width: 800, height: 600 });
    await pastePicture(page);
    await thumbnailOf(page, FIRST);

    const svg = (await exportFile(page, /SVG image/, 'with-image.svg')).toString('utf8');
    const images = svg.match(/<image [^>]*href="data:image\/jpeg;base64,[A-Za-z0-9+/=]+"/g) ?? [];
    expect(images).toHaveLength(1);

    // the PNG has the picture's magenta in it (nothing else on a map is that colour)
    const png = await exportFile(page, /PNG image/, 'with-image.png');
    const magenta = await page.evaluate(async (base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
      let count = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! > 230 && data[i + 1]! < 40 && data[i + 2]! > 230) count++;
      return count;
    }, png.toString('base64'));
    expect(magenta).toBeGreaterThan(2000);
    await cardNode(page, FIRST).locator('.card-image-thumb').click();
    await page.getByRole('dialog', { name: /Image of/ }).locator('img').waitFor();
    await page.keyboard.press('Escape');
    expect(violations).toEqual([]);
    await context.close();
  });

  it('a JSON export and import keeps the image', async () => {
    const { context, page } = await app.newPage();
    await newMapFromTemplate(app, page);
    await cardNode(page, FIRST).click();
    await makePicture(page, { width: 800, height: 600 });
    await pastePicture(page);
    await thumbnailOf(page, FIRST);

    const json = await exportFile(page, /Waymark file/, 'with-image.waymark.json');
    const file = JSON.parse(json.toString('utf8'));
    expect(file.images).toHaveLength(1);
    const card = file.journey.cards.find((c: { title: string }) => c.title.startsWith(FIRST));
    expect(card.image).toBe(file.images[0].key);
    expect(file.images[0].mime).toBe('image/jpeg');

    await page.goto(app.url('/'));
    await page.getByRole('button', { name: 'Import' }).waitFor();
    await page.locator('[data-testid=import-file]').setInputFiles({ name: 'with-image.waymark.json', mimeType: 'application/json', buffer: json });
    await page.waitForURL(/\/map\//);
    await thumbnailOf(page, FIRST);
    await context.close();
  });

  it('an oversized image is shrunk under the limit', async () => {
    const { context, page } = await app.newPage();
    await newMapFromTemplate(app, page);
    await cardNode(page, FIRST).click();
    const size = await makePicture(page, { width: 3000, height: 2000, noise: true });
    expect(size).toBeGreaterThan(4 * 1024 * 1024);
    await pastePicture(page);
    await thumbnailOf(page, FIRST);

    const file = JSON.parse((await exportFile(page, /Waymark file/, 'shrunk.waymark.json')).toString('utf8'));
    const [image] = file.images;
    expect(Math.max(image.width, image.height)).toBeLessThanOrEqual(1280);
    expect(image.width / image.height).toBeCloseTo(1.5, 1);
    expect(Buffer.from(image.data, 'base64').length).toBeLessThanOrEqual(300 * 1024);
    await context.close();
  });

  it('a file that is no picture is refused with a message that says why', async () => {
    const { context, page } = await app.newPage();
    await newMapFromTemplate(app, page);
    await cardNode(page, FIRST).click();
    // says it is a PNG, but is not one
    await pickInInspector(page, Buffer.from('this is not a picture at all'));
    const notice = page.getByRole('status').filter({ hasText: 'could not be read' });
    await notice.waitFor();
    expect(await cardNode(page, FIRST).locator('.card-image-thumb').count()).toBe(0);
    await context.close();
  });
});
