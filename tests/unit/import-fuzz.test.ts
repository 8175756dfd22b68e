import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { journeyToCsv } from '../../src/export/csv';
import { importCsv, importFile, importWaymarkJson, type ImportOutcome } from '../../src/export/import';
import { importOjf } from '../../src/export/importOjf';
import { instantiateTemplate } from '../../src/model/templates';
import type { Journey } from '../../src/model/types';
import { checkReferences } from '../../src/schema/references';
import { FORMAT_VERSION } from '../../src/schema';
import { mapFileSchemaV5 } from '../../src/schema/v5';

/**
 * 10,000 hostile or broken files, fixed seed: mutations of valid Waymark, CSV and OpenJourney
 * files, wrong types, deep nesting, huge strings and prototype keys. Every importer must
 * answer { ok: false, issues } or a valid journey — never throw, never touch Object.prototype.
 */

const small = (() => {
  const j = instantiateTemplate('service', 'en');
  const stages = j.stages.slice(0, 2);
  const ids = new Set(stages.map((s) => s.id));
  const cards = j.cards.filter((c) => ids.has(c.stageId)).slice(0, 8);
  const cardIds = new Set(cards.map((c) => c.id));
  return { ...j, stages, cards, links: j.links.filter((l) => cardIds.has(l.fromCardId) && cardIds.has(l.toCardId)) } satisfies Journey;
})();
const WAYMARK = JSON.stringify({ format: 'waymark', version: 1, journey: small, feedback: { comments: [] } });
const CSV = journeyToCsv(small);
const OJF = readFileSync(path.resolve(__dirname, '../fixtures/ojf/kundenreise.ojf'), 'utf8');
const BASES = [WAYMARK, OJF];

const POISON = ['__proto__', 'constructor', 'prototype'];
const weird = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, true, -1, 1e308, -0, '', [], {}, 'x'.repeat(70_000), '\u0000\ud800', { __proto__: { polluted: 1 } }),
  fc.string({ maxLength: 30 }),
);

/** Replaces or deletes a random node of a parsed JSON value, or plants a prototype key in it. */
function mutate(value: unknown, picks: number[], replacement: unknown): unknown {
  let node = value as Record<string, unknown>;
  for (const [depth, pick] of picks.entries()) {
    if (typeof node !== 'object' || node === null) break;
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const key = keys[pick % keys.length]!;
    const last = depth === picks.length - 1 || typeof node[key] !== 'object' || node[key] === null;
    if (last) {
      const action = pick % 4;
      if (action === 0) delete node[key];
      else if (action === 1) Object.defineProperty(node, POISON[pick % 3]!, { value: replacement, enumerable: true, configurable: true, writable: true });
      else node[key] = replacement;
      break;
    }
    node = node[key] as Record<string, unknown>;
  }
  return value;
}

const mutatedJson = fc.record({ base: fc.nat(BASES.length - 1), picks: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), replacement: weird }).map(({ base, picks, replacement }) =>
  JSON.stringify(mutate(JSON.parse(BASES[base]!), picks, replacement)),
);
const textEdits = fc.record({ base: fc.nat(2), at: fc.nat(), cut: fc.nat({ max: 50 }), insert: fc.string({ maxLength: 20 }) }).map(({ base, at, cut, insert }) => {
  const text = [WAYMARK, CSV, OJF][base]!;
  const i = at % (text.length + 1);
  return text.slice(0, i) + insert + text.slice(i + cut);
});
const protoKeys = fc.constantFrom(
  '{"__proto__":{"polluted":"yes"},"format":"waymark","version":1}',
  '{"constructor":{"prototype":{"polluted":"yes"}},"version":1,"stages":[],"swimlanes":[],"nodes":[]}',
  OJF.replace('"version": 1,', '"version": 1, "__proto__": {"polluted": "yes"},').replace('"stageId": 1,', '"stageId": 1, "__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}},'),
  WAYMARK.replace('"journey":{', '"journey":{"__proto__":{"polluted":"yes"},'),
);
const deep = fc.constantFrom(10, 1000, 10_000).chain((n) =>
  fc.constantFrom('['.repeat(n) + ']'.repeat(n), '{"a":'.repeat(n) + '1' + '}'.repeat(n), `{"version":1,"stages":${'['.repeat(n)}${']'.repeat(n)}}`, '['.repeat(n)),
);
const huge = fc.constantFrom(
  WAYMARK.replace('"title":"', `"title":"${'y'.repeat(300_000)}`),
  OJF.replace('"title": "Gestresst"', `"title": "${'z'.repeat(200_000)}"`),
  CSV + `purchase,S,L,notes,${'w'.repeat(100_000)},,,,,,0,\r\n`,
);

const anyFile = fc.oneof({ weight: 4, arbitrary: mutatedJson }, { weight: 3, arbitrary: textEdits }, { weight: 1, arbitrary: protoKeys }, { weight: 1, arbitrary: deep }, { weight: 1, arbitrary: huge }, { weight: 1, arbitrary: fc.string({ maxLength: 200 }) });

function isValid(journey: Journey): boolean {
  const parsed = mapFileSchemaV5.safeParse({ format: 'waymark', version: FORMAT_VERSION, journey });
  return parsed.success && checkReferences(parsed.data).length === 0;
}

function check(outcome: ImportOutcome): void {
  if (outcome.ok) expect(isValid(outcome.journey)).toBe(true);
  else {
    expect(outcome.issues.length).toBeGreaterThan(0);
    for (const i of outcome.issues) expect(typeof i.path === 'string' && typeof i.message === 'string').toBe(true);
  }
}

describe('importing hostile and broken files', () => {
  it('10,000 fuzzed files never throw, never pollute Object.prototype, and give issues or a valid journey', () => {
    let accepted = 0;
    fc.assert(
      fc.property(anyFile, fc.constantFrom('map.json', 'map.csv', 'map.ojf', 'map'), (text, name) => {
        for (const outcome of [importFile(name, text), importWaymarkJson(text), importCsv(text), importOjf(text)]) {
          check(outcome);
          if (outcome.ok) accepted++;
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
      }),
      { seed: 20_250_512, numRuns: 10_000 },
    );
    // the mutations keep enough files valid that the "ok" branch is exercised too
    expect(accepted).toBeGreaterThan(100);
  });

  it('refuses a file over the size limit before parsing it', () => {
    const result = importFile('big.json', ' '.repeat(33 * 1024 * 1024));
    expect(result).toMatchObject({ ok: false, issues: [{ path: '(file)', message: expect.stringMatching(/too large/) }] });
  });
});
