import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './support/app';
import { cardNode, newMapFromTemplate, shareOpenMap } from './support/flows';

/**
 * The evidence inbox (issue 18) in Chromium: a CX lead imports a feedback export through the file
 * picker, checks the columns the preview found, imports, and assigns the items to cards — one by
 * dragging it onto the card, one from the keyboard through "Assign to card…", one by clicking a
 * suggestion — and the map's file then holds each item on its card. Cells with HTML or a
 * spreadsheet formula show as the text they are. A view link sees the inbox and nothing to
 * change it with; 10,000 rows preview quickly and the list stays a window of rows.
 */

let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/evidence/feedback-small.csv');
const REFUND = 'The refund took three weeks, nobody told me why';
const VOUCHER = 'Voucher rejected at checkout without any reason';
const PARCEL = 'Parcel delay not communicated';

const panel = (page: Page) => page.getByRole('tabpanel');
const rows = (page: Page) => panel(page).locator('.ib-item');
const row = (page: Page, text: string) => rows(page).filter({ hasText: text });
const waitingCount = (page: Page) => panel(page).getByRole('list').getAttribute('aria-label');

/** Opens the import dialog with a file, as the "Import CSV…" button and the file picker do. */
async function importFile(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), panel(page).getByRole('button', { name: 'Import CSV…' }).click()]);
  await chooser.setFiles(file);
  return page.getByRole('dialog', { name: 'Import customer feedback' });
}

async function exportedJourney(page: Page) {
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+Shift+E');
  const dialog = page.getByRole('dialog', { name: 'Export map' });
  await dialog.getByRole('radio', { name: /Waymark file \(JSON\)/ }).check();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
  const file = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
    journey: { cards: { id: string; title: string }[]; evidence: { text: string; cardId: string | null; source: string; score: number | null; scale: string | null; reference: string }[] };
  };
  await dialog.getByRole('button', { name: 'Close' }).click();
  return file.journey;
}

describe('the evidence inbox', () => {
  it('a CX lead imports a feedback CSV, assigns items by drag, keyboard and suggestion, and each lands on its card', async () => {
    const { context, page } = await app.newPage();
    await newMapFromTemplate(app, page);
    await page.getByRole('tab', { name: /Evidence inbox/ }).click();
    await panel(page).getByText(/Nothing waiting/).waitFor();

    // the preview: the file's first rows, the columns it found, the separator, the problems
    const dialog = await importFile(page, FIXTURE);
    await dialog.getByText('columns separated by commas').waitFor();
    const selected = (label: string) => dialog.getByLabel(label, { exact: true }).evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.textContent);
    expect(await selected('Feedback text (required)')).toBe('Comment');
    expect(await selected('Date')).toBe('Date');
    expect(await selected('Score')).toBe('NPS');
    expect(await selected('Reference (ticket no., link)')).toBe('Ticket');
    expect(await selected('Stage')).toBe('Stage');
    expect(await selected('Scale of the score')).toBe('NPS (0–10)');
    // a date that is none is named with its row and the file's own column header
    await dialog.getByText(/^row 7: Date: “last spring” is not a date/).waitFor();
    // HTML and formulas in cells are text in the preview
    await dialog.getByRole('cell', { name: '<b>x</b>', exact: true }).waitFor();
    expect(await dialog.locator('table b, table a').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Import 6 items' }).click();
    await dialog.waitFor({ state: 'detached' });

    expect(await waitingCount(page)).toBe('6 items waiting for a card');
    await panel(page).getByText('6 of 6 not on a card').waitFor();
    await page.getByRole('tab', { name: 'Evidence inbox: 6 items waiting for a card' }).waitFor();
    // a cell "<b>x</b>" and a formula show as the literal text, nothing rendered or linked
    await row(page, '<b>x</b>').locator('.ib-text', { hasText: /^<b>x<\/b>$/ }).waitFor();
    await row(page, '=HYPERLINK("http://evil.example","click")').waitFor();
    expect(await panel(page).locator('.ib-list b, .ib-list a').count()).toBe(0);
    // the facts of an item: source, date, score
    expect(await row(page, REFUND).locator('.ib-facts').textContent()).toMatch(/^Support \/ hotline · Mar 2, 2026 · NPS 3\/10 · stage: Return/);

    // 1. drag an item onto the card it backs
    const refundCard = cardNode(page, 'Refund takes up to 14 days');
    await row(page, REFUND).dragTo(refundCard);
    await expect.poll(() => waitingCount(page)).toBe('5 items waiting for a card');
    await panel(page).locator('.ib-notice', { hasText: 'Assigned 1 item to “Refund takes up to 14 days”.' }).waitFor();
    expect(await row(page, REFUND).count()).toBe(0);

    // 2. from the keyboard: Enter on an item opens "Assign to card…", its suggestions first
    await row(page, VOUCHER).focus();
    await page.keyboard.press('Enter');
    const assign = page.getByRole('dialog', { name: 'Assign to card' });
    await assign.waitFor();
    const firstOption = assign.getByRole('option').first();
    expect(await firstOption.getAttribute('aria-selected')).toBe('true');
    expect(await firstOption.textContent()).toContain('Voucher rejected without a reason');
    expect(await firstOption.textContent()).toMatch(/matches ‘voucher’ in title/i);
    // the search finds any card; clearing it brings the suggestions back
    await page.keyboard.type('queues saturday');
    expect(await assign.getByRole('option').allTextContents()).toEqual([expect.stringContaining('Long queues at the till on Saturdays')]);
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Enter');
    await assign.waitFor({ state: 'detached' });
    await expect.poll(() => waitingCount(page)).toBe('4 items waiting for a card');
    // the keyboard goes on at the next item
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('ib-item'))).toBe(true);

    // 3. click a suggestion under an item
    await row(page, PARCEL).getByRole('button', { name: /^Assign to “Delay not communicated proactively”/ }).click();
    await expect.poll(() => waitingCount(page)).toBe('3 items waiting for a card');

    // one undo takes the last assignment back into the inbox
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => waitingCount(page)).toBe('4 items waiting for a card');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => waitingCount(page)).toBe('3 items waiting for a card');

    // the map itself: each item on its card, the rest still in the inbox
    const journey = await exportedJourney(page);
    const cardOf = (title: string) => journey.cards.find((c) => c.title === title)!.id;
    const itemOf = (text: string) => journey.evidence.find((e) => e.text.startsWith(text))!;
    expect(itemOf(REFUND)).toMatchObject({ cardId: cardOf('Refund takes up to 14 days'), source: 'support', score: 3, scale: 'nps', reference: 'T-1001' });
    expect(itemOf(VOUCHER).cardId).toBe(cardOf('Voucher rejected without a reason'));
    expect(itemOf(PARCEL).cardId).toBe(cardOf('Delay not communicated proactively'));
    expect(itemOf(PARCEL).text).toBe('Parcel delay not communicated,\nI had to call the hotline twice');
    expect(journey.evidence.filter((e) => e.cardId === null).map((e) => e.text)).toEqual(['<b>x</b>', '=HYPERLINK("http://evil.example","click")', 'Size chart online was wrong for the kids boots']);
    await context.close();
  });

  it('the column choices of a file come back for the next file with the same headers', async () => {
    const { context, page } = await app.newPage();
    await newMapFromTemplate(app, page);
    await page.getByRole('tab', { name: /Evidence inbox/ }).click();
    const first = await importFile(page, FIXTURE);
    // the ticket number is not wanted this time
    await first.getByLabel('Reference (ticket no., link)').selectOption({ label: '— not in this file —' });
    await first.getByRole('button', { name: 'Import 6 items' }).click();
    await first.waitFor({ state: 'detached' });
    const again = await importFile(page, FIXTURE);
    await again.getByText(/column choices you made for the last file/).waitFor();
    expect(await again.getByLabel('Reference (ticket no., link)').evaluate((el: HTMLSelectElement) => el.value)).toBe('');
    await again.getByRole('button', { name: 'Cancel' }).click();
    await context.close();
  });

  it('several picked items go to one card together: shift-click a range, "Assign 2 to card…", Enter', async () => {
    const { context, page } = await app.newPage();
    await newMapFromTemplate(app, page);
    await page.keyboard.press('Control+Alt+E');
    await panel(page).getByRole('button', { name: 'Paste lines…' }).click();
    const paste = page.getByRole('dialog', { name: 'Paste feedback lines' });
    await paste.getByLabel('Feedback, one item per line').fill('Waited 20 minutes at the till\nOnly one till open on Saturday\nNice window display');
    await paste.getByRole('button', { name: 'Add 3 items' }).click();
    await expect.poll(() => waitingCount(page)).toBe('3 items waiting for a card');
    await row(page, 'Waited 20 minutes').locator('.ib-text').click();
    await row(page, 'Only one till open').locator('.ib-text').click({ modifiers: ['Shift'] });
    await panel(page).getByText('2 picked').waitFor();
    await panel(page).getByRole('button', { name: 'Assign 2 to card…' }).click();
    const assign = page.getByRole('dialog', { name: 'Assign 2 items to a card' });
    await page.keyboard.type('long queues');
    await expect.poll(() => assign.getByRole('option', { selected: true }).textContent()).toContain('Long queues at the till on Saturdays');
    await page.keyboard.press('Enter');
    await expect.poll(() => waitingCount(page)).toBe('1 item waiting for a card');
    await panel(page).locator('.ib-notice', { hasText: 'Assigned 2 items to “Long queues at the till on Saturdays”.' }).waitFor();
    await context.close();
  });

  it('a view link reads the inbox but is offered nothing that changes it', async () => {
    const owner = await app.newPage();
    await newMapFromTemplate(app, owner.page);
    await owner.page.getByRole('tab', { name: /Evidence inbox/ }).click();
    await panel(owner.page).getByRole('button', { name: 'Paste lines…' }).click();
    const paste = owner.page.getByRole('dialog', { name: 'Paste feedback lines' });
    await paste.getByLabel('Feedback, one item per line').fill('- Queue at the till was 20 minutes\n\n• Staff could not find my Click & Collect order\n');
    await paste.getByLabel('Where it comes from').selectOption({ label: 'Observation' });
    await paste.getByRole('button', { name: 'Add 2 items' }).click();
    await expect.poll(() => waitingCount(owner.page)).toBe('2 items waiting for a card');
    expect(await row(owner.page, 'Queue at the till was 20 minutes').locator('.ib-facts').textContent()).toBe('Observation');
    const { viewLink } = await shareOpenMap(owner.page);

    const viewer = await app.newPage();
    await viewer.page.goto(viewLink);
    await cardNode(viewer.page, 'Refund takes up to 14 days').waitFor();
    await viewer.page.getByRole('tab', { name: /Evidence inbox/ }).click();
    await expect.poll(() => waitingCount(viewer.page), { timeout: 10_000 }).toBe('2 items waiting for a card');
    await panel(viewer.page).getByText(/you can read it, not import or assign it/).waitFor();
    expect(await panel(viewer.page).getByRole('button', { name: /Import|Paste|Assign/ }).count()).toBe(0);
    expect(await rows(viewer.page).first().getAttribute('draggable')).toBe('false');
    // Enter on an item opens nothing
    await rows(viewer.page).first().focus();
    await viewer.page.keyboard.press('Enter');
    await viewer.page.waitForTimeout(300);
    expect(await viewer.page.getByRole('dialog', { name: /Assign/ }).count()).toBe(0);
    await viewer.context.close();
    await owner.context.close();
  });

  it('the realistic German hotline and review file reads in a German map, and the inbox and its dialogs have no serious or critical accessibility finding', async () => {
    const { context, page } = await app.newPage({ locale: 'de-DE' });
    await newMapFromTemplate(app, page, 'retail', 'Deutsch');
    await page.getByRole('tab', { name: /Eingang für Belege/ }).click();
    const serious = async (include: string) => {
      const audit = await new AxeBuilder({ page }).include(include).analyze();
      return audit.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
    };
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), panel(page).getByRole('button', { name: 'CSV importieren …' }).click()]);
    await chooser.setFiles(path.resolve(import.meta.dirname, '../fixtures/feedback/retail-feedback.de.csv'));
    const dialog = page.getByRole('dialog', { name: 'Kundenfeedback importieren' });
    await dialog.getByText('Spalten getrennt durch Semikolons').waitFor();
    const chosen = (label: string) => dialog.getByLabel(label, { exact: true }).evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.textContent);
    expect(await chosen('Feedback-Text (erforderlich)')).toBe('Kommentar');
    expect(await chosen('Schritt')).toBe('Schritt');
    expect(await chosen('Referenz (Ticketnr., Link)')).toBe('Ticket-Nr.');
    expect(await serious('.ib-import')).toEqual([]);
    await dialog.getByRole('button', { name: '200 Belege importieren' }).click();
    await expect.poll(() => waitingCount(page)).toBe('200 Belege warten auf eine Karte');
    await page.waitForTimeout(400);
    expect(await serious('.ib-panel')).toEqual([]);
    await rows(page).first().focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Einer Karte zuordnen' }).waitFor();
    expect(await serious('.ib-assign')).toEqual([]);
    await context.close();
  });

  it('10,000 rows preview within a second or so, import, and the inbox stays a window of rows', async () => {
    const { context, page } = await app.newPage();
    await newMapFromTemplate(app, page);
    await page.getByRole('tab', { name: /Evidence inbox/ }).click();
    const topics = ['refund took weeks', 'voucher was rejected', 'parcel arrived late', 'queue at the till', 'size chart wrong'];
    const lines = ['Kommentar;Quelle;Datum;Bewertung'];
    for (let i = 0; i < 10_000; i++) lines.push(`"Kunde ${i}: ${topics[i % topics.length]}";Hotline;${String(1 + (i % 28)).padStart(2, '0')}.03.2026;${i % 11}`);
    const buffer = Buffer.from(lines.join('\n'), 'utf8');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), panel(page).getByRole('button', { name: 'Import CSV…' }).click()]);
    const started = Date.now();
    await chooser.setFiles({ name: 'hotline.csv', mimeType: 'text/csv', buffer });
    const dialog = page.getByRole('dialog', { name: 'Import customer feedback' });
    await dialog.getByRole('button', { name: 'Import 10,000 items' }).waitFor();
    const previewMs = Date.now() - started;
    console.log(`10,000-row feedback file: preview after ${previewMs} ms`);
    // the issue asks for < 1 s; a shared CI machine gets some slack
    expect(previewMs).toBeLessThan(2500);
    expect(await dialog.getByText('columns separated by semicolons').count()).toBe(1);
    await dialog.getByRole('button', { name: 'Import 10,000 items' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => waitingCount(page)).toBe('10,000 items waiting for a card');
    expect(await rows(page).count()).toBeLessThan(30);
    // the filter box answers at once and the list follows it
    const typed = Date.now();
    await panel(page).getByPlaceholder('Filter by words in the feedback').fill('Kunde 9999:');
    await expect.poll(() => waitingCount(page)).toBe('1 item waiting for a card');
    console.log(`filter over 10,000 items: ${Date.now() - typed} ms`);
    await panel(page).getByPlaceholder('Filter by words in the feedback').fill('');
    // the end of the list is reachable from the keyboard
    await rows(page).first().focus();
    await page.keyboard.press('End');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Kunde 9999: size chart wrong');
    await context.close();
  });
});
