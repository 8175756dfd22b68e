import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../src/export/import';
import { importOjf, laneKindFromName } from '../../src/export/importOjf';
import type { Journey } from '../../src/model/types';

/* Files in the shapes the Ptolemy journey mapper writes: with `metadata` and no `version`, blueprint entries as objects or as text, German lanes. */

const fixture = (name: string) => readFileSync(path.resolve(__dirname, '../fixtures/ojf', name), 'utf8');

function imported(name: string): Journey {
  const result = importFile(name, fixture(name));
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return result.journey;
}

const laneOf = (j: Journey, cardTitle: string) => j.lanes.find((l) => l.id === j.cards.find((c) => c.title === cardTitle)!.laneId)!;
const stageOf = (j: Journey, cardTitle: string) => j.stages.find((s) => s.id === j.cards.find((c) => c.title === cardTitle)!.stageId)!;
const card = (j: Journey, title: string) => j.cards.find((c) => c.title === title)!;
const linked = (j: Journey, from: string, to: string) => j.links.some((l) => l.fromCardId === card(j, from).id && l.toCardId === card(j, to).id);

describe('importing the blueprint files the reference tool writes', () => {
  it('reads a file with metadata and no version: title, persona and point of view', () => {
    const j = imported('hotel-check-in-blueprint.ojf');
    expect(j.title).toBe('Late arrival at a city hotel');
    expect(j.personas.map((p) => p.name)).toEqual(['Consultant on a two-night trip']);
    expect(j.description).toBe('Arriving at 11 pm after a delayed train');
    expect(j.locale).toBe('en');
  });

  it('makes each blueprint entry a card in its lane, in the node’s stage, with its actor, linked to the node’s card', () => {
    const j = imported('hotel-check-in-blueprint.ojf');
    expect(j.lanes.map((l) => [l.name, l.kind])).toEqual([
      ['Customer Actions', 'actions'],
      ['Pain Points', 'pains'],
      ['Physical evidence', 'evidence'],
      ['Frontstage actions', 'frontstage'],
      ['Backstage', 'backstage'],
      ['Support processes', 'support'],
    ]);
    const greet = card(j, 'Opens the door and greets the guest by name');
    expect(laneOf(j, greet.title).kind).toBe('frontstage');
    expect(greet.actor).toBe('Night porter');
    expect(stageOf(j, greet.title).name).toBe('Arrival');
    expect(linked(j, greet.title, 'Walks in from the street')).toBe(true);

    const pms = card(j, 'Marks the room as occupied');
    expect(laneOf(j, pms.title).kind).toBe('support');
    expect(pms.actor).toBe('PMS (property management)');
    expect(linked(j, pms.title, 'Shows ID and card')).toBe(true);

    const registration = card(j, 'Registration card');
    expect(laneOf(j, registration.title).kind).toBe('evidence');
    expect(registration.body).toContain('Type: Digital/Physical');
    expect(linked(j, registration.title, 'Shows ID and card')).toBe(true);

    // every entry a card, every card of a blueprint lane linked once
    expect(j.cards).toHaveLength(4 + 5 + 4 + 4);
    expect(j.links).toHaveLength(13);
  });

  it('keeps the description exactly, the node’s other fields below it, and a stage’s own fields', () => {
    const j = imported('hotel-check-in-blueprint.ojf');
    const id = card(j, 'Shows ID and card');
    expect(id.body.split('\n\n— OpenJourney —\n')[0]).toBe('Signs the registration card at the desk.');
    expect(id.emotion).toBe(-1);
    expect(id.momentOfTruth).toBe(true);
    expect(id.color).toBe('#f59e0b');
    expect(id.tags).toEqual(['identity', 'payment', 'ojf:score=-2', 'ojf:severity=medium', 'ojf:sentiment=anxious']);
    expect(card(j, 'Waits while the card terminal reconnects').body).toContain('Icon: hourglass_empty');
    expect(j.stages[1]!.description).toContain('overrideEmotion: -1');
  });

  it('reads a single swimlane file with a blueprint under every node (the clinic sample)', () => {
    const j = imported('clinic-visit-blueprint.ojf');
    expect(j.lanes.map((l) => l.kind)).toEqual(['notes', 'evidence', 'frontstage', 'backstage', 'support']);
    expect(card(j, 'Checks the insurance').actor).toBe('Billing');
    expect(linked(j, 'Checks the insurance', 'Checks in at the front desk')).toBe(true);
    expect(linked(j, 'Lab order in the app', 'Talks to the doctor')).toBe(true);
    expect(card(j, 'Lab order in the app').body).toContain('Type: Digital');
  });

  it('reads a German file with text entries: German lanes, lanes named in German, needs and senses', () => {
    const j = imported('kundenreise-blueprint.ojf');
    expect(j.locale).toBe('de');
    expect(j.lanes.map((l) => [l.name, l.kind])).toEqual([
      ['Kundenaktionen', 'actions'],
      ['Bedürfnisse', 'needs'],
      ['Was der Kunde sieht und hört', 'senses'],
      ['Gefühle', 'emotions'],
      // made before the file's own backstage lane, as a blueprint reads
      ['Physische Evidenz', 'evidence'],
      ['Frontstage-Aktionen', 'frontstage'],
      ['Hinter den Kulissen', 'backstage'],
      ['Support-Prozesse', 'support'],
    ]);
    // the file's backstage lane takes the blueprint's backstage entries
    expect(laneOf(j, 'Leitstelle meldet den Ausfall').name).toBe('Hinter den Kulissen');
    expect(laneOf(j, 'Prüft den Antrag').name).toBe('Hinter den Kulissen');
    expect(card(j, 'Prüft den Antrag').actor).toBe('Servicecenter');
    for (const text of ['Fahrplansystem', 'Meldedienst']) expect(linked(j, text, 'Liest die Ausfallmeldung in der App')).toBe(true);
    expect(card(j, 'Überweist die Erstattung').actor).toBe('Buchhaltung');
    expect(j.stages[1]!.description).toBe('— OpenJourney —\noverrideEmotion: -3');
    expect(card(j, 'Liest die Ausfallmeldung in der App').body).toBe('Der Zug um 7:12 fällt aus.\n\n— OpenJourney —\nSentiment: verärgert\nScore: -3 (OpenJourney, −5…+5)\nOpenJourney id: n1');
  });

  it('finds the lane kind of the swimlane names the tool’s samples and German teams use', () => {
    const kinds = Object.fromEntries(
      ['Customer Actions', 'User Activity', 'Vendor Touchpoints', 'Support Channel', 'Emotional State', 'Friction Points', 'Internal Blockers', 'Needs & goals', 'Jobs', 'Senses', 'What the customer sees and hears', 'Bedürfnisse', 'Ziele', 'Sinneseindrücke', 'Was der Kunde sieht und hört', 'Hinter den Kulissen', 'Onstage', 'Unterstützungsprozesse'].map((n) => [n, laneKindFromName(n)]),
    );
    expect(kinds).toEqual({
      'Customer Actions': 'actions',
      'User Activity': 'actions',
      'Vendor Touchpoints': 'touchpoints',
      // a customer's channel to support, not a support process behind the counter
      'Support Channel': 'touchpoints',
      'Emotional State': 'emotions',
      'Friction Points': 'pains',
      'Internal Blockers': 'pains',
      'Needs & goals': 'needs',
      Jobs: 'needs',
      Senses: 'senses',
      'What the customer sees and hears': 'senses',
      Bedürfnisse: 'needs',
      Ziele: 'needs',
      Sinneseindrücke: 'senses',
      'Was der Kunde sieht und hört': 'senses',
      'Hinter den Kulissen': 'backstage',
      Onstage: 'frontstage',
      Unterstützungsprozesse: 'support',
    });
  });

  it('takes ids as numbers or text, nodes without ids, a file without nodes, and fields of other types as details', () => {
    const file = {
      metadata: { title: 'Loose file', version: 2, owner: 'Team Blue' },
      stages: [{ id: 1, name: 'One' }, { name: 'Unreferenced' }],
      swimlanes: [{ id: 'a', name: 'Touchpoints', colour: 'teal' }],
      nodes: [
        { stageId: '1', swimlaneId: 'a', title: 'No id', score: '3', isMomentOfTruth: 'true', tags: 'web, mobile', sentiment: { mood: 'odd' } },
        { stageId: 1, swimlaneId: 'a', title: 'Number stage id', blueprint: 'just text' },
      ],
    };
    const result = importOjf(JSON.stringify(file));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const j = result.journey;
    expect(j.stages.map((s) => s.name)).toEqual(['One', 'Unreferenced']);
    const first = card(j, 'No id');
    expect(first.emotion).toBe(2);
    expect(first.momentOfTruth).toBe(true);
    expect(first.tags.slice(0, 2)).toEqual(['web', 'mobile']);
    expect(first.body).toContain('sentiment: {"mood":"odd"}');
    expect(card(j, 'Number stage id').body).toContain('blueprint: just text');
    expect(j.description).toContain('metadata.owner: Team Blue');
    expect(j.description).toContain('["swimlane","Touchpoints","colour"]: teal');
    const white = importOjf(JSON.stringify({ ...file, nodes: [{ stageId: 1, swimlaneId: 'a', title: 'Untouched colour', iconColor: '#FFFFFF' }] }));
    // the tool saves white for "no colour"
    expect(white.ok && white.journey.cards[0]!.color).toBeNull();
    const bare = importOjf(JSON.stringify({ stages: [{ id: 's', name: 'S' }], swimlanes: [{ id: 'l', name: 'L' }] }));
    expect(bare.ok && bare.journey.cards).toEqual([]);
  });

  it('refuses only what cannot be a map, each problem as path: reason', () => {
    const refused = (file: unknown) => {
      const result = importOjf(JSON.stringify(file));
      return result.ok ? [] : result.issues.map((i) => `${i.path}: ${i.message}`);
    };
    expect(refused({ nodes: [] })).toEqual(['stages: is missing: an OpenJourney map lists its stages', 'swimlanes: is missing: an OpenJourney map lists its swimlanes']);
    expect(refused({ stages: 'one', swimlanes: [] })).toEqual(['stages: must be a list']);
    expect(refused({ stages: [{ id: 's', name: 'S' }], swimlanes: [{ id: 'l', name: 'L' }], nodes: [{ stageId: 's' }, 7] })).toEqual([
      'nodes[0].swimlaneId: is missing: a node sits in a swimlane',
      'nodes[1]: must be an object',
    ]);
    expect(refused({ stages: [{ id: 's', name: { de: 'S' } }], swimlanes: [] })).toEqual(['stages[0].name: must be text']);
    expect(refused({ stages: [], swimlanes: [], nodes: [{ stageId: 's', swimlaneId: 'l', score: 'lots' }] })).toEqual(['nodes[0].score: must be a number between -5 and +5']);
  });
});
