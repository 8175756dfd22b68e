import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { App } from './app';

/** Where the e2e tests keep what they download, to read and to look at. */
export const EXPORTS_DIR = path.join(tmpdir(), 'waymark-e2e-exports');
mkdirSync(EXPORTS_DIR, { recursive: true });

const WORDS = {
  en: { dialog: 'Export map', export: 'Export', import: 'Import' },
  de: { dialog: 'Map exportieren', export: 'Exportieren', import: 'Importieren' },
};
export type UiLanguage = keyof typeof WORDS;

export interface Exported {
  file: string;
  bytes: Buffer;
  /** the file name the app offered */
  suggested: string;
}

/**
 * Exports the open map as a user does: Ctrl+Shift+E, a format, whatever `setup` sets, Export;
 * saves the download under EXPORTS_DIR as `name` and closes the dialog with Escape once done.
 */
export async function exportAs(
  page: Page,
  format: RegExp,
  name: string,
  options: { language?: UiLanguage; setup?: (dialog: Locator) => Promise<void> } = {},
): Promise<Exported> {
  const words = WORDS[options.language ?? 'en'];
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+Shift+E');
  const dialog = page.getByRole('dialog', { name: words.dialog });
  await dialog.waitFor();
  await dialog.getByRole('radio', { name: format }).check();
  await options.setup?.(dialog);
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: words.export, exact: true }).click()]);
  const file = path.join(EXPORTS_DIR, name);
  await download.saveAs(file);
  // Escape closes it once the export is done: the export button, disabled while it ran, did not
  // take the keyboard focus out of the dialog with it
  await dialog.locator('.wm-export-done').waitFor();
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  return { file, bytes: readFileSync(file), suggested: download.suggestedFilename() };
}

/** Drops a file into the library's import, as picking it with the Import button does. */
export async function importInLibrary(app: App, page: Page, name: string, buffer: Buffer, mimeType: string, language: UiLanguage = 'en'): Promise<void> {
  await page.goto(app.url('/'));
  await page.getByRole('button', { name: WORDS[language].import }).waitFor();
  await page.locator('[data-testid=import-file]').setInputFiles({ name, mimeType, buffer });
}

/** A map file's journey without what an import renews: ids (as positions), creation time, a title suffix. */
export function comparableJourney(text: string) {
  const { journey } = JSON.parse(text);
  const idx = (list: { id: string }[]) => new Map(list.map((x, i) => [x.id, i]));
  const stages = idx(journey.stages);
  const lanes = idx(journey.lanes);
  const cards = idx(journey.cards);
  const personas = idx(journey.personas);
  return {
    title: journey.title.replace(/ \(\d+\)$/, ''),
    description: journey.description,
    phases: journey.phases,
    stages: journey.stages.map(({ id: _, ...s }: { id: string }) => s),
    lanes: journey.lanes.map(({ id: _, ...l }: { id: string }) => l),
    personas: journey.personas.map(({ id: _, ...p }: { id: string }) => p),
    cards: journey.cards.map(({ id: _, ...c }: { id: string; stageId: string; laneId: string; personaIds: string[] }) => ({
      ...c,
      stageId: stages.get(c.stageId),
      laneId: lanes.get(c.laneId),
      personaIds: c.personaIds.map((p) => personas.get(p)),
    })),
    links: journey.links
      .map((l: { fromCardId: string; toCardId: string; label: string }) => [cards.get(l.fromCardId), cards.get(l.toCardId), l.label])
      .sort((a: number[], b: number[]) => a[0]! - b[0]! || a[1]! - b[1]!),
  };
}
