import { describe, expect, it } from 'vitest';
import { createMapFromTemplate } from '../../src/model/templates';
import { LIMITS } from '../../src/model/limits';
import { fromJSON, parseMapFile, toJSON, type FileIssue } from '../../src/schema';

/** A valid file to break in one place per test. */
function validFile(): any {
  return JSON.parse(JSON.stringify(toJSON(createMapFromTemplate('retail', 'en'))));
}

function issuesOf(value: unknown): FileIssue[] {
  const result = fromJSON(value);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.issues;
}

function expectIssue(issues: FileIssue[], path: string, reason: RegExp): void {
  expect(issues, JSON.stringify(issues)).toContainEqual({ path, message: expect.stringMatching(reason) });
}

describe('a broken map file is refused with the path and the reason', () => {
  it('names a missing field', () => {
    const file = validFile();
    delete file.journey.cards[3].title;
    expectIssue(issuesOf(file), 'journey.cards[3].title', /expected string/i);
  });

  it('names a field of the wrong type', () => {
    const file = validFile();
    file.journey.stages[1].name = 42;
    file.journey.cards[0].momentOfTruth = 'yes';
    const issues = issuesOf(file);
    expectIssue(issues, 'journey.stages[1].name', /expected string/i);
    expectIssue(issues, 'journey.cards[0].momentOfTruth', /expected boolean/i);
  });

  it('refuses an emotion outside -3…+3 and a fractional one', () => {
    const file = validFile();
    file.journey.cards[3].emotion = 5;
    file.journey.cards[4].emotion = -4;
    file.journey.cards[5].emotion = 1.5;
    const issues = issuesOf(file);
    expectIssue(issues, 'journey.cards[3].emotion', /between -3 and \+3/);
    expectIssue(issues, 'journey.cards[4].emotion', /between -3 and \+3/);
    expectIssue(issues, 'journey.cards[5].emotion', /whole number/);
  });

  it('refuses a card in a stage or lane that does not exist', () => {
    const file = validFile();
    file.journey.cards[2].stageId = 'nostage';
    file.journey.cards[7].laneId = 'nolane';
    const issues = issuesOf(file);
    expectIssue(issues, 'journey.cards[2].stageId', /stage "nostage", which does not exist/);
    expectIssue(issues, 'journey.cards[7].laneId', /lane "nolane", which does not exist/);
  });

  it('refuses links and persona references that point nowhere', () => {
    const file = validFile();
    file.journey.links[0].toCardId = 'ghost';
    file.journey.cards[0].personaIds = ['nobody'];
    const issues = issuesOf(file);
    expectIssue(issues, 'journey.links[0].toCardId', /card "ghost", which does not exist/);
    expectIssue(issues, 'journey.cards[0].personaIds[0]', /persona "nobody", which does not exist/);
  });

  it('refuses duplicate ids', () => {
    const file = validFile();
    file.journey.cards[9].id = file.journey.cards[4].id;
    file.journey.lanes[2].id = file.journey.lanes[0].id;
    const issues = issuesOf(file);
    expectIssue(issues, 'journey.cards[9].id', /duplicates the id .* of journey\.cards\[4\]/);
    expectIssue(issues, 'journey.lanes[2].id', /duplicates the id/);
  });

  it('refuses a file from a future version and says to update Waymark', () => {
    const file = validFile();
    file.version = 7;
    expectIssue(issuesOf(file), 'version', /format version 7, written by a newer Waymark.*Update Waymark/);
  });

  it('refuses something that is not a Waymark file', () => {
    expectIssue(issuesOf({ hello: 'world' }), 'format', /not a Waymark map file/);
    expectIssue(issuesOf([1, 2, 3]), '(file)', /expected a JSON object/);
    expectIssue(issuesOf(null), '(file)', /expected a JSON object/);
    expectIssue(issuesOf('a string'), '(file)', /expected a JSON object/);
  });

  it('refuses text that is not JSON, and an empty file', () => {
    const notJson = parseMapFile('{"format": "waymark", "version": 1, ');
    expect(notJson.ok).toBe(false);
    if (!notJson.ok) expectIssue(notJson.issues, '(file)', /not valid JSON/);
    const empty = parseMapFile('  \n');
    expect(empty.ok).toBe(false);
    if (!empty.ok) expectIssue(empty.issues, '(file)', /is empty/);
  });

  it('refuses 50 MB of text without parsing it', () => {
    const huge = 'x'.repeat(50 * 1024 * 1024);
    const result = parseMapFile(huge);
    expect(result.ok).toBe(false);
    if (!result.ok) expectIssue(result.issues, '(file)', /too large \(50\.0 MiB\).*limited to 32\.0 MiB/);
  });

  it('refuses strings and lists beyond their limits', () => {
    const file = validFile();
    file.journey.title = 't'.repeat(LIMITS.mapTitle + 1);
    file.journey.cards[0].tags = Array.from({ length: LIMITS.tagsPerCard + 1 }, (_, i) => `tag${i}`);
    const issues = issuesOf(file);
    expectIssue(issues, 'journey.title', /longer than 200 characters/);
    expectIssue(issues, 'journey.cards[0].tags', /more than 30 entries/);
  });

  it('refuses an order key that would break sorting', () => {
    const file = validFile();
    file.journey.stages[0].order = '';
    file.journey.lanes[0].order = 'a!';
    const issues = issuesOf(file);
    expectIssue(issues, 'journey.stages[0].order', /not a valid order key/);
    expectIssue(issues, 'journey.lanes[0].order', /not a valid order key/);
  });

  it('never throws, whatever it is given', () => {
    const nasty: unknown[] = [undefined, 0, true, Symbol('s'), () => 1, { format: 'waymark', version: 1, journey: null }, { format: 'waymark', version: '1' }, { format: 'waymark', version: 1.5 }];
    const cyclic: any = { format: 'waymark', version: 1 };
    cyclic.journey = cyclic;
    nasty.push(cyclic);
    for (const value of nasty) expect(() => fromJSON(value)).not.toThrow();
    for (const value of nasty) expect(fromJSON(value).ok).toBe(false);
  });
});

describe('a hand-written file', () => {
  it('may leave out fields that have defaults', () => {
    const result = fromJSON({
      format: 'waymark',
      version: 1,
      journey: {
        id: 'm1',
        title: 'Minimal',
        locale: 'en',
        createdAt: '2026-01-01T00:00:00Z',
        stages: [{ id: 's1', name: 'Awareness', phase: 'pre-purchase', order: 'a0' }],
        lanes: [{ id: 'l1', name: 'Feelings', kind: 'emotions', order: 'a0' }],
        cards: [{ id: 'c1', stageId: 's1', laneId: 'l1', order: 'a0', title: 'Curious', emotion: 1 }],
      },
    });
    expect(result.ok ? [] : result.issues).toEqual([]);
    if (result.ok) expect(toJSON(result.doc).journey.cards[0]).toMatchObject({ title: 'Curious', emotion: 1, body: '', tags: [], channel: null });
  });
});
