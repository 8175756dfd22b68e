import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './support/app';
import { exportAs } from './support/exports';
import { badgeReads, cardNode, namedPerson, newMapFromTemplate, shareOpenMap } from './support/flows';

/**
 * A workshop participant (a comment link, who can never write the map) adds what she saw as an
 * observation while following the facilitator; the facilitator keeps it as evidence, and it is
 * then in the map's evidence, from a workshop. Screenshots land in test-results/.
 */
let app: App;
const open: BrowserContext[] = [];
beforeAll(async () => {
  app = await startApp();
  mkdirSync('test-results', { recursive: true });
});
afterAll(async () => {
  for (const context of open) await context.close().catch(() => undefined);
  await app?.close();
});

const PAIN_STOCK = 'In stock online, empty shelf in store';
const SEEN = 'A customer showed us the app saying “in stock”, then walked out empty-handed';

async function person(name: string): Promise<Page> {
  const { context, page } = await namedPerson(app, name, { color: '#7c3aed' });
  open.push(context);
  return page;
}

async function commentsTab(page: Page): Promise<void> {
  await page.getByRole('tab', { name: /^Comments/ }).click();
}

describe('a workshop observation', () => {
  it('a participant following the presenter adds an observation; the facilitator keeps it as evidence from the workshop', async () => {
    const host = await person('Fran Facilitator');
    await newMapFromTemplate(app, host);
    const { commentLink } = await shareOpenMap(host);
    await badgeReads(host, 'Live');
    const ana = await person('Ana Participant');
    await ana.goto(commentLink);
    await cardNode(ana, PAIN_STOCK).waitFor();
    await badgeReads(ana, 'Comment & vote');

    // the facilitator presents; Ana follows in her editor
    await host.getByRole('button', { name: 'Present', exact: true }).click();
    await host.waitForURL(/\/present/);
    await ana.getByText('Following Fran Facilitator').waitFor();

    // Ana picks the card and offers what she saw as an observation
    await cardNode(ana, PAIN_STOCK).click();
    await commentsTab(ana);
    const panel = ana.getByRole('complementary');
    await panel.getByRole('switch', { name: 'Observation' }).check();
    const box = panel.getByRole('combobox', { name: 'New observation' });
    await box.fill(SEEN);
    await panel.getByRole('button', { name: 'Add observation', exact: true }).click();
    const anaThread = panel.locator('.cm-thread', { hasText: 'walked out empty-handed' });
    await anaThread.getByText('Observation', { exact: true }).waitFor();
    await panel.screenshot({ path: 'test-results/workshop-observation-participant.png' });
    // a comment link writes no map: nothing offers Ana to keep it
    expect(await panel.getByRole('button', { name: 'Keep as evidence' }).count()).toBe(0);
    expect(await ana.getByText('Following Fran Facilitator').count()).toBe(1);

    // the facilitator leaves present mode and finds it on the card, marked as an observation
    await host.keyboard.press('Escape');
    await host.waitForURL(/\/map\/[^/?]+$/);
    await cardNode(host, PAIN_STOCK).locator('.cm-card-badge.is-unread').waitFor();
    await cardNode(host, PAIN_STOCK).click();
    await commentsTab(host);
    const hostPanel = host.getByRole('complementary');
    const thread = hostPanel.locator('.cm-thread', { hasText: 'walked out empty-handed' });
    await thread.getByText('Observation', { exact: true }).waitFor();
    await thread.screenshot({ path: 'test-results/workshop-observation-thread.png' });
    await hostPanel.screenshot({ path: 'test-results/workshop-observation-panel.png' });

    await thread.getByRole('button', { name: 'Keep as evidence' }).click();
    await hostPanel.getByText('Observation by Ana Participant kept as evidence.').waitFor();
    // kept means resolved: it leaves the open threads, for Ana too, and says it was kept
    await expect.poll(() => panel.getByText('walked out empty-handed').count(), { timeout: 10_000 }).toBe(0);
    await hostPanel.getByRole('button', { name: /1 resolved/ }).click();
    await hostPanel.getByText('Kept as evidence', { exact: true }).waitFor();
    await hostPanel.screenshot({ path: 'test-results/workshop-observation-kept.png' });

    // in the map's evidence, on its card, from the workshop, by Ana, on today's date
    const exported = await exportAs(host, /Waymark file/, 'workshop-observation.waymark.json');
    const file = JSON.parse(exported.bytes.toString('utf8'));
    const card = file.journey.cards.find((c: { title: string }) => c.title === PAIN_STOCK);
    const kept = file.journey.evidence.filter((e: { source: string }) => e.source === 'workshop');
    expect(kept).toEqual([expect.objectContaining({ cardId: card.id, text: SEEN, source: 'workshop', addedBy: 'Ana Participant', date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) })]);
    const comment = file.feedback.comments.find((c: { text: string }) => c.text === SEEN);
    expect(comment).toMatchObject({ observation: true, resolved: true, author: 'Ana Participant' });
  });

  it('a participant following the slides in present mode adds an observation on a card of the stage on screen', async () => {
    const host = await person('Fran Facilitator');
    await newMapFromTemplate(app, host);
    const { commentLink, viewLink } = await shareOpenMap(host);
    await badgeReads(host, 'Live');
    const ben = await person('Ben Participant');
    await ben.goto(commentLink);
    await badgeReads(ben, 'Comment & vote');

    await host.getByRole('button', { name: 'Present', exact: true }).click();
    await host.getByText('Stage 1 of 8', { exact: true }).waitFor();
    await host.keyboard.press('ArrowRight');
    await host.getByText('Stage 2 of 8', { exact: true }).waitFor();
    // the presenter's screen is the room's: no observation button on it
    expect(await host.getByRole('button', { name: 'Add observation' }).count()).toBe(0);

    await ben.getByRole('button', { name: 'Present', exact: true }).click();
    await ben.getByText('Stage 2 of 8', { exact: true }).waitFor();
    await ben.getByRole('button', { name: 'Add observation' }).click();
    const form = ben.getByRole('dialog', { name: 'New observation' });
    await form.waitFor();
    // the stage on screen comes first, its first card chosen
    expect(await form.locator('optgroup').first().getAttribute('label')).toBe('Consideration');
    const chosen = (await form.getByLabel('On card').locator('option:checked').textContent())!;
    const cardTitle = chosen.split(' · ')[0]!;
    // typing is typing: arrows and letters do not turn Ben's slides
    await form.getByLabel('What did you see or hear?').pressSequentially('Compared prices on two phones at once; n → ←');
    await ben.getByText('Stage 2 of 8', { exact: true }).waitFor();
    await ben.screenshot({ path: 'test-results/workshop-observation-present.png' });
    await form.getByRole('button', { name: 'Add observation' }).click();
    await form.waitFor({ state: 'detached' });
    await ben.getByRole('status').getByText('Observation added.').waitFor();
    // following goes on: the presenter moves, Ben's slide moves
    await host.keyboard.press('ArrowRight');
    await ben.getByText('Stage 3 of 8', { exact: true }).waitFor();

    // everyone sees it on that card, as an observation; a view link is offered no button
    await host.keyboard.press('Escape');
    await host.waitForURL(/\/map\/[^/?]+$/);
    await cardNode(host, cardTitle).click();
    await commentsTab(host);
    const thread = host.getByRole('complementary').locator('.cm-thread', { hasText: 'Compared prices on two phones at once' });
    await thread.getByText('Observation', { exact: true }).waitFor();
    await thread.getByText('Ben Participant').waitFor();

    const viewer = await person('Vic Viewer');
    await viewer.goto(viewLink);
    await badgeReads(viewer, 'View only');
    await viewer.getByRole('button', { name: 'Present', exact: true }).click();
    await viewer.getByText(/Stage \d of 8/).first().waitFor();
    expect(await viewer.getByRole('button', { name: 'Add observation' }).count()).toBe(0);
  });
});

