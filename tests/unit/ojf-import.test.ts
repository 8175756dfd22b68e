import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../src/export/import';
import { importOjf, laneKindFromName, scoreToEmotion } from '../../src/export/importOjf';

const fixture = (name: string) => readFileSync(path.resolve(__dirname, '../fixtures/ojf', name), 'utf8');

describe('importing OpenJourney (.ojf)', () => {
  it('imports every node of the clinic visit as a card, in its stage and lane', () => {
    const raw = JSON.parse(fixture('clinic-visit.ojf'));
    const result = importFile('clinic-visit.ojf', fixture('clinic-visit.ojf'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { journey } = result;
    expect(result.format).toBe('ojf');
    expect(journey.title).toBe('clinic-visit');
    expect(journey.stages.map((s) => s.name)).toEqual(['Booking', 'Arrival', 'Consultation', 'Follow-up']);
    for (const node of raw.nodes) {
      const card = journey.cards.find((c) => c.title === node.title);
      expect(card, node.title).toBeDefined();
      const stage = journey.stages.find((s) => s.id === card!.stageId)!;
      const lane = journey.lanes.find((l) => l.id === card!.laneId)!;
      expect(stage.name).toBe(raw.stages.find((s: { id: string }) => s.id === node.stageId).name);
      expect(lane.name).toBe(raw.swimlanes.find((s: { id: string }) => s.id === node.swimlaneId).name);
      // the score: mapped onto -3…+3, the original kept as a tag and in the body
      if (typeof node.score === 'number') {
        expect(card!.emotion).toBe(scoreToEmotion(node.score));
        expect(card!.tags).toContain(`ojf:score=${node.score}`);
        expect(card!.body).toContain(`Score: ${node.score > 0 ? '+' : ''}${node.score}`);
      }
      if (node.isMomentOfTruth) expect(card!.momentOfTruth).toBe(true);
      if (node.description) expect(card!.body).toContain(node.description);
      for (const tag of node.tags ?? []) expect(card!.tags).toContain(tag);
    }
  });

  it('maps swimlane names to lane kinds, in English and German', () => {
    const en = importOjf(fixture('clinic-visit.ojf'));
    const de = importOjf(fixture('kundenreise.ojf'));
    if (!en.ok || !de.ok) throw new Error('fixture did not import');
    const kinds = (j: typeof en.journey) => Object.fromEntries(j.lanes.map((l) => [l.name, l.kind]));
    expect(kinds(en.journey)).toEqual({
      Actions: 'actions',
      'Digital Touchpoints': 'touchpoints',
      Emotions: 'emotions',
      'Pain Points': 'pains',
      Opportunities: 'opportunities',
      KPIs: 'metrics',
      Thoughts: 'thoughts',
      'Staff remarks': 'notes',
      // made for the file's blueprint entries, named in the file's language
      'Physical evidence': 'evidence',
      'Frontstage actions': 'frontstage',
      Backstage: 'backstage',
      'Support processes': 'support',
    });
    expect(kinds(de.journey)).toMatchObject({
      Kundenaktionen: 'actions',
      Berührungspunkte: 'touchpoints',
      Gefühle: 'emotions',
      Schmerzpunkte: 'pains',
      Chancen: 'opportunities',
      Kennzahlen: 'metrics',
      Gedanken: 'thoughts',
      Backstage: 'backstage',
    });
    expect(laneKindFromName('Feelings')).toBe('emotions');
    expect(laneKindFromName('Metrics')).toBe('metrics');
    expect(laneKindFromName('Backstage processes')).toBe('backstage');
    expect(laneKindFromName('Misc')).toBe('notes');
  });

  it('maps scores -5…+5 onto emotions -3…+3, rounding', () => {
    expect([-5, -4, -3, -2, -1, 0, 1, 2, 2.5, 3, 4, 5].map(scoreToEmotion)).toEqual([-3, -2, -2, -1, -1, 0, 1, 1, 2, 2, 2, 3]);
  });

  it('puts blueprint fields into cards of their blueprint lane, each linked to the customer action it serves', () => {
    const result = importOjf(fixture('clinic-visit.ojf'));
    if (!result.ok) throw new Error('did not import');
    const { journey } = result;
    const titlesIn = (kind: string) => {
      const lane = journey.lanes.find((l) => l.kind === kind)!;
      return journey.cards.filter((c) => c.laneId === lane.id).map((c) => c.title).sort();
    };
    expect(titlesIn('evidence')).toEqual(['Booking confirmation email']);
    expect(titlesIn('frontstage')).toEqual(['Doctor summarises', 'Nurse prints plan']);
    expect(titlesIn('backstage')).toEqual(['Notes synced to the patient record', 'Scheduling system reserves the slot']);
    expect(titlesIn('support')).toEqual(['Practice management software']);
    const evidence = journey.cards.find((c) => c.title === 'Booking confirmation email')!;
    const booking = journey.cards.find((c) => c.title === 'Books an appointment in the app')!;
    expect(journey.links).toContainEqual(expect.objectContaining({ fromCardId: evidence.id, toCardId: booking.id }));
    expect(journey.stages.find((s) => s.id === evidence.stageId)!.name).toBe('Booking');
    // the blueprint reads top to bottom below the customer's lanes
    expect(journey.lanes.slice(-4).map((l) => l.kind)).toEqual(['evidence', 'frontstage', 'backstage', 'support']);
  });

  it('keeps what has no field of its own in the card body: severity, sentiment, purpose, icon, unknown fields', () => {
    const result = importOjf(fixture('clinic-visit.ojf'));
    if (!result.ok) throw new Error('did not import');
    const booking = result.journey.cards.find((c) => c.title === 'Books an appointment in the app')!;
    expect(booking.body).toContain('Sentiment: positive');
    expect(booking.body).toContain('Purpose: Get seen quickly');
    expect(booking.body).toContain('Icon: calendar');
    expect(booking.color).toBe('#2563eb');
    const pain = result.journey.cards.find((c) => c.title === 'No idea how long the wait is')!;
    expect(pain.body).toContain('Severity: high');
    const thought = result.journey.cards.find((c) => c.title === 'Did they get my lab results?')!;
    expect(thought.body).toContain('mood: uncertain');
  });

  it('turns the persona and point of view into the map persona and description', () => {
    const en = importOjf(fixture('clinic-visit.ojf'));
    const de = importOjf(fixture('kundenreise.ojf'));
    if (!en.ok || !de.ok) throw new Error('fixture did not import');
    expect(en.journey.personas).toHaveLength(1);
    expect(en.journey.personas[0]).toMatchObject({ name: 'Maria Lopez', role: 'Patient with a chronic condition', quote: 'I just want to know how long I will wait.' });
    expect(en.journey.personas[0]!.goals).toEqual(['Short waiting times', 'Clear follow-up instructions']);
    expect(en.journey.description).toContain('Seen from the patient');
    expect(en.journey.description).toContain('Sees her GP every quarter');
    expect(de.journey.personas[0]!.name).toBe('Thomas, 52, Vielflieger');
    expect(de.journey.description).toContain('Aus Sicht des Fluggasts');
    expect(de.journey.cards).toHaveLength(9 + 2);
  });

  it('refuses nodes pointing at stages or swimlanes that do not exist, naming the path', () => {
    const file = JSON.parse(fixture('kundenreise.ojf'));
    file.nodes[2].stageId = 99;
    file.nodes[4].score = 7;
    const result = importOjf(JSON.stringify(file));
    expect(result).toEqual({ ok: false, issues: [{ path: 'nodes[4].score', message: 'must be between -5 and +5' }] });
    file.nodes[4].score = 1;
    const again = importOjf(JSON.stringify(file));
    expect(again).toEqual({ ok: false, issues: [{ path: 'nodes[2].stageId', message: 'refers to stage "99", which does not exist' }] });
  });

  it('gives fresh ids, so the same file imports twice as two maps', () => {
    const a = importOjf(fixture('kundenreise.ojf'));
    const b = importOjf(fixture('kundenreise.ojf'));
    if (!a.ok || !b.ok) throw new Error('did not import');
    expect(a.journey.id).not.toBe(b.journey.id);
    const ids = new Set(a.journey.cards.map((c) => c.id));
    expect(b.journey.cards.some((c) => ids.has(c.id))).toBe(false);
  });
});
