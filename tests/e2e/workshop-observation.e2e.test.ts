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
});
