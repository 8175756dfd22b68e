import { describe, expect, it } from 'vitest';
import { importOjf } from '../../src/export/importOjf';
import { journeyToOjfText } from '../../src/export/ojf/fromJourney';

/* Files made to break the OpenJourney import: each gives a clear problem or a map, never a throw or a polluted prototype. */

const base = () => ({
  version: '1.0',
  stages: [{ id: 's', name: 'Stage' }],
  swimlanes: [{ id: 'l', name: 'Actions' }],
  nodes: [{ id: 'n', stageId: 's', swimlaneId: 'l', title: 'Node', blueprint: { backstage: [{ actor: 'A', action: 'B' }] } }],
});

const problems = (text: string) => {
  const result = importOjf(text);
  return result.ok ? [] : result.issues.map((i) => `${i.path}: ${i.message}`);
};

describe('hostile OpenJourney files', () => {
  it('refuses lists longer than a map holds, before building anything', () => {
    const stages = { ...base(), stages: Array.from({ length: 100_000 }, (_, i) => ({ id: i, name: 'S' })) };
    expect(problems(JSON.stringify(stages))).toEqual(['stages: has more than 300 entries']);
    const nodes = { ...base(), nodes: Array.from({ length: 60_000 }, () => ({ stageId: 's', swimlaneId: 'l' })) };
    expect(problems(JSON.stringify(nodes))).toEqual(['nodes: has more than 50000 entries']);
    const entries = base();
    entries.nodes[0]!.blueprint.backstage = Array.from({ length: 5_000 }, () => ({ actor: 'A', action: 'B' }));
    expect(problems(JSON.stringify(entries))).toEqual(['nodes[0].blueprint.backstage: has more than 1000 entries']);
    const lanes = { ...base(), swimlanes: Array.from({ length: 60 }, (_, i) => ({ id: i, name: `Lane ${i}` })), nodes: [{ stageId: 's', swimlaneId: 0, blueprint: { support: 'x' } }] };
    expect(problems(JSON.stringify(lanes))).toEqual(['swimlanes: need 61 lanes with the blueprint\'s: a map holds at most 60']);
  });

  it('names wrong types by path', () => {
    expect(problems('[1, 2]')).toEqual(['(file): is not an OpenJourney file: expected a JSON object with stages, swimlanes and nodes']);
    expect(problems('"text"')[0]).toMatch(/is not an OpenJourney file/);
    expect(problems(JSON.stringify({ ...base(), swimlanes: { a: 1 } }))).toEqual(['swimlanes: must be a list']);
    expect(problems(JSON.stringify({ ...base(), nodes: [{ stageId: ['s'], swimlaneId: 'l', title: { t: 1 } }] }))).toEqual([
      'nodes[0].stageId: must be text or a number',
      'nodes[0].stageId: is missing: a node sits in a stage',
      'nodes[0].title: must be text',
    ]);
    expect(problems(JSON.stringify({ ...base(), nodes: [{ stageId: 's', swimlaneId: 'l', blueprint: { onstage: [[1]] } }] }))).toEqual(['nodes[0].blueprint.onstage[0]: must be text or an object']);
    expect(problems(JSON.stringify({ ...base(), nodes: [{ stageId: 's', swimlaneId: 'l', score: 0 }] }).replace('"score":0', '"score":1e400'))).toEqual(['nodes[0].score: must be a number between -5 and +5']);
  });

  it('never reads __proto__, constructor or prototype keys as fields, nor lets them reach an object', () => {
    const text = JSON.stringify(base())
      .replace('"version":"1.0"', '"version":"1.0","__proto__":{"polluted":"root"},"constructor":{"prototype":{"polluted":"ctor"}}')
      .replace('"title":"Node"', '"title":"Node","__proto__":{"polluted":"node"},"prototype":1')
      .replace('"backstage":[{"actor":"A"', '"__proto__":{"polluted":"bp"},"backstage":[{"__proto__":{"polluted":"entry"},"actor":"A"')
      .replace('"name":"Stage"', '"name":"Stage","__proto__":{"polluted":"stage"}');
    const result = importOjf(text);
    expect(result.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (!result.ok) return;
    const everything = JSON.stringify(result.journey);
    expect(everything).not.toContain('polluted');
    // and the export writes no such key either
    const out = journeyToOjfText(result.journey);
    expect(out).not.toContain('__proto__');
    expect(JSON.parse(out).nodes[0].title).toBe('Node');
  });

  it('keeps deeply nested unknown fields as text, and gives a problem, not a crash, when nesting is beyond reading', () => {
    const nested = `${'['.repeat(3_000)}1${']'.repeat(3_000)}`;
    const text = JSON.stringify(base()).replace('"title":"Node"', `"title":"Node","deep":${nested}`);
    const result = importOjf(text);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.journey.cards[0]!.body).toMatch(/deep: \[\[\[/);
    // nesting the engine reads: kept, as its first characters
    const abyss = JSON.stringify(base()).replace('"title":"Node"', `"title":"Node","deep":${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`);
    const outcome = importOjf(abyss);
    if (!outcome.ok) expect(outcome.issues[0]!.message).toMatch(/is not valid JSON|could not be read/);
    else expect(outcome.journey.cards[0]!.body.length).toBeLessThan(11_000);
  });

  it('keeps huge texts within the card limits and still exports and imports again', () => {
    const file = JSON.parse(JSON.stringify(base()));
    file.nodes[0] = { ...file.nodes[0], title: 'T'.repeat(5_000), description: 'D'.repeat(60_000), extra: 'E'.repeat(50_000) };
    const result = importOjf(JSON.stringify(file));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const card = result.journey.cards[0]!;
    expect(card.title.length).toBeLessThanOrEqual(500);
    expect(card.body.length).toBeLessThanOrEqual(20_000);
    const again = importOjf(journeyToOjfText(result.journey));
    expect(again.ok).toBe(true);
  });
});
