import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FORMAT_VERSION } from '../../src/schema';
import { runWaymark } from '../support/cli';

const dir = mkdtempSync(path.join(tmpdir(), 'waymark-evidence-cli-'));
const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/feedback');

const write = (name: string, content: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
};

describe('waymark evidence', () => {
  it('adds a German Excel feedback export to a German map\'s inbox, says what it recognised, and writes the map back as format 4', () => {
    const map = write('kundenreise.json', runWaymark(['new', '--template', 'retail', '--lang', 'de']).stdout);
    const feedback = path.join(dir, 'feedback.de.csv');
    copyFileSync(path.join(fixtures, 'retail-feedback.de.csv'), feedback);
    const run = runWaymark(['evidence', map, feedback], { env: { LANG: 'de_DE.UTF-8' } });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('200 Belege in den Eingang von „Omnichannel-Kauf im Handel“ gelegt.');
    expect(run.stdout).toContain('Trennzeichen: Semikolon');
    expect(run.stdout).toContain('  Text ← „Kommentar“');
    expect(run.stdout).toContain('  Schritt ← „Schritt“');
    expect(run.stdout).toContain('  Referenz ← „Ticket-Nr.“');
    expect(run.stdout).toMatch(/(\d+) von 200 Belegen haben einen Kartenvorschlag\./);
    expect(run.stdout).toContain('Am häufigsten zuerst vorgeschlagene Karten:');
    const file = JSON.parse(readFileSync(map, 'utf8'));
    expect(file.version).toBe(FORMAT_VERSION);
    expect(file.journey.evidence).toHaveLength(200);
    const stages = new Set(file.journey.stages.map((s: { id: string }) => s.id));
    const item = file.journey.evidence.find((e: { text: string }) => e.text.startsWith('Kundin:'));
    expect(item).toMatchObject({ cardId: null, source: 'chat', channel: 'chat' });
    expect(item.text).toContain('\nAgent:');
    expect(file.journey.evidence.filter((e: { stageId: string | null }) => e.stageId !== null).every((e: { stageId: string }) => stages.has(e.stageId))).toBe(true);
    // a second run adds the rows again, after the first
    const again = runWaymark(['evidence', map, feedback, '--out', path.join(dir, 'twice.json')]);
    expect(again.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, 'twice.json'), 'utf8')).journey.evidence).toHaveLength(400);
  });

  it('refuses a file with cells it cannot read: each as file: path: reason, exit 1, nothing written', () => {
    const original = runWaymark(['new', '--template', 'retail']).stdout;
    const map = write('retail.json', original);
    const feedback = write('bad-rows.csv', 'Comment,Date,Stars\nParcel came late,2026-02-30,4\nRefund took three weeks,2026-03-01,9\n');
    const out = path.join(dir, 'with-evidence.json');
    const run = runWaymark(['evidence', map, feedback, '--out', out]);
    expect(run.code).toBe(1);
    expect(readFileSync(map, 'utf8')).toBe(original);
    expect(existsSync(out)).toBe(false);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${feedback}: row[2].date: "2026-02-30" is not a date (YYYY-MM-DD or DD.MM.YYYY); left out`);
    expect(run.stderr).toContain(`${feedback}: row[3].score: "9" is not a whole number from 1 to 5 (stars); left out`);
    expect(run.stderr).toContain('Nothing written: 2 cells could not be read.');
  });

  it('reads an NPS export with score-only rows: those are left out with a note, the rest added, exit 0', () => {
    const map = write('nps.json', runWaymark(['new', '--template', 'retail']).stdout);
    const feedback = write('nps.csv', 'Comment,NPS\n,9\nThe refund took three weeks,2\n');
    const run = runWaymark(['evidence', map, feedback]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`${feedback}: row[2].text: is empty; the row is left out`);
    expect(JSON.parse(readFileSync(map, 'utf8')).journey.evidence.map((e: { text: string; score: number }) => [e.text, e.score])).toEqual([['The refund took three weeks', 2]]);
  });

  it('writes to --out and leaves the map file as it was', () => {
    const original = runWaymark(['new', '--template', 'retail']).stdout;
    const map = write('retail-out.json', original);
    const feedback = write('good-rows.csv', 'Comment,Date,Stars\nParcel came late,2026-02-27,4\nRefund took three weeks,2026-03-01,2\n');
    const out = path.join(dir, 'with-evidence-2.json');
    const run = runWaymark(['evidence', map, feedback, '--out', out]);
    expect(run.code).toBe(0);
    expect(readFileSync(map, 'utf8')).toBe(original);
    expect(run.stdout).toContain('Added 2 items to the evidence inbox of "Omnichannel retail purchase".');
    expect(run.stdout).toContain(`Map written to ${out}.`);
    expect(JSON.parse(readFileSync(out, 'utf8')).journey.evidence.map((e: { text: string }) => e.text)).toEqual(['Parcel came late', 'Refund took three weeks']);
  });

  it('never passes a terminal escape sequence or a direction override from the file to the terminal', () => {
    const map = write('escape.json', runWaymark(['new', '--template', 'retail']).stdout);
    const feedback = write('escape.csv', 'Comment\u001b[2J\u202e,Stars\n"Parcel late \u001b]0;pwned\u0007",4\n');
    const run = runWaymark(['evidence', map, feedback, '--out', path.join(dir, 'escape-out.json')]);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/[\u001b\u0007\u202e]/);
    expect(run.stdout).toContain('text ← "Comment\\u{1b}[2J\\u{202e}"');
  });

  it('exits 1 with the reason on standard error for a feedback file it cannot read, and leaves the map alone', () => {
    const original = runWaymark(['new', '--template', 'retail']).stdout;
    const map = write('untouched.json', original);
    const unclosed = write('unclosed.csv', 'Comment\n"never closed\n');
    const broken = runWaymark(['evidence', map, unclosed]);
    expect(broken).toMatchObject({ code: 1, stdout: '' });
    expect(broken.stderr).toContain(`${unclosed}: line 2: has a quoted cell that is never closed`);
    const noText = runWaymark(['evidence', map, write('numbers.csv', 'a,b\n1,2\n')]);
    expect(noText.code).toBe(1);
    expect(noText.stderr).toContain('has no column of feedback text');
    const missing = runWaymark(['evidence', map, path.join(dir, 'nope.csv')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('ENOENT');
    expect(readFileSync(map, 'utf8')).toBe(original);
    expect(runWaymark(['evidence', map]).code).toBe(2);
    expect(runWaymark(['--help']).stdout).toContain('waymark evidence <map> <feedback.csv> [--out <file>]');
  });
});
