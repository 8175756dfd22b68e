import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readJourney } from '../../src/model/doc';
import { deleteCard, updateCard } from '../../src/model/ops';
import { createMapFromTemplate } from '../../src/model/templates';
import { serializeMap } from '../../src/schema';
import { runWaymark } from '../support/cli';

const dir = mkdtempSync(path.join(tmpdir(), 'waymark-diff-'));

/** The retail map as it was at the workshop and as it is now, as two files in a git checkout would be. */
function twoFiles() {
  const doc = createMapFromTemplate('retail', 'en');
  const old = path.join(dir, 'before.json');
  writeFileSync(old, serializeMap(doc));
  const then = readJourney(doc);
  const painLane = then.lanes.find((l) => l.kind === 'pains')!.id;
  const pains = then.cards.filter((c) => c.laneId === painLane);
  deleteCard(doc, pains[0]!.id);
  deleteCard(doc, pains[1]!.id);
  const delivery = then.stages.find((s) => s.name === 'Delivery / pick-up')!;
  const feeling = then.cards.find((c) => c.stageId === delivery.id && then.lanes.find((l) => l.id === c.laneId)!.kind === 'emotions')!;
  updateCard(doc, feeling.id, { emotion: 2, title: 'Relieved: it came a day early' });
  const now = path.join(dir, 'after.json');
  writeFileSync(now, serializeMap(doc));
  return { old, now, pains, feeling, doc: doc as Y.Doc };
}

describe('waymark diff', () => {
  it('prints the summary and one line per changed card, and exits 0', () => {
    const { old, now, pains } = twoFiles();
    const run = runWaymark(['diff', old, now]);
    expect(run.code).toBe(0);
    const [summary, ...lines] = run.stdout.trimEnd().split('\n');
    expect(summary).toBe('1 card changed, 2 cards removed, Pain points: 2 removed, feeling at Delivery / pick-up \u22121 → +2');
    expect(lines).toContain('~ Delivery / pick-up › Feelings: Relieved: it came a day early (title, emotion)');
    expect(lines).toContain(`\u2212 Awareness › Pain points: ${pains[0]!.title}`);
    expect(lines).toHaveLength(3);
  });

  it('says it in German under a German locale', () => {
    const { old, now } = twoFiles();
    const run = runWaymark(['diff', old, now], { env: { LANG: 'de_DE.UTF-8' } });
    expect(run.stdout.split('\n')[0]).toBe('1 Karte geändert, 2 Karten entfernt, Schmerzpunkte: 2 entfernt, Gefühl bei Delivery / pick-up \u22121 → +2');
  });

  it('gives machines the summary, the counts and every changed record as JSON', () => {
    const { old, now, feeling } = twoFiles();
    const run = runWaymark(['diff', old, now, '--format', 'json']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.counts.cards).toEqual({ added: 0, removed: 2, changed: 1, moved: 0 });
    const changed = out.diff.cards.find((c: { id: string }) => c.id === feeling.id);
    expect(changed.fields.sort()).toEqual(['emotion', 'title']);
    expect(changed.before.emotion).toBe(feeling.emotion);
  });

  it('a file compared with itself has no changes', () => {
    const { old } = twoFiles();
    expect(runWaymark(['diff', old, old]).stdout).toBe('No changes\n');
  });

  it('a broken file is reported as path: reason with exit 1, and one file alone is a usage error', () => {
    const { old } = twoFiles();
    const broken = path.join(dir, 'broken.json');
    writeFileSync(broken, '{"format":"waymark","version":3,"journey":{}}');
    const run = runWaymark(['diff', old, broken]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/broken\.json: journey\.\w+: /);
    expect(runWaymark(['diff', old]).code).toBe(2);
  });
});
