import { describe, expect, it } from 'vitest';
import { importOjf } from '../../src/export/importOjf';
import { journeyToOjfText } from '../../src/export/ojf/fromJourney';
import { journeyToDoc, readJourney } from '../../src/model/doc';
import { addPersonaFromLibrary, setStageDetailMap, updateCard } from '../../src/model/ops';
import { createMapFromTemplate } from '../../src/model/templates';
import type { Journey } from '../../src/model/types';

/*
 * What a team space puts into a map (issue 16) goes to OpenJourney under the `waymark` keys and
 * comes back: a card's status, owner and detail map, a stage's detail map, a persona's library
 * link. Values the checks refuse are dropped as hints, never refuse the file.
 */

function roundTrip(text: string): Journey {
  const result = importOjf(text, { title: 'From a file' });
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return readJourney(journeyToDoc(result.journey));
}

function spaceMap() {
  const doc = createMapFromTemplate('service', 'en');
  const journey = readJourney(doc);
  const kindOf = (laneId: string) => journey.lanes.find((l) => l.id === laneId)!.kind;
  const pain = journey.cards.find((c) => kindOf(c.laneId) === 'pains')!;
  // a blueprint card travels as an entry of its customer node, not as a node
  const backstage = journey.cards.find((c) => kindOf(c.laneId) === 'backstage')!;
  updateCard(doc, pain.id, { status: 'planned', owner: 'Service desk', detailMapId: 'pickup-detail' });
  updateCard(doc, backstage.id, { status: 'done', owner: 'Workshop lead' });
  setStageDetailMap(doc, journey.stages[2]!.id, 'diagnosis-detail');
  addPersonaFromLibrary(doc, { id: 'lib-fleet', name: 'Fleet manager', role: 'B2B', age: '', quote: '', goals: [], frustrations: [], color: '#0ea5e9' });
  return { journey: readJourney(doc), pain: pain.title, backstage: backstage.title, stage: journey.stages[2]!.name };
}

describe('a map of a team space through OpenJourney and back', () => {
  it('keeps statuses, owners, detail maps and the library link of a persona', () => {
    const { journey, pain, backstage, stage } = spaceMap();
    const back = roundTrip(journeyToOjfText(journey));
    expect(back.cards.find((c) => c.title === pain)).toMatchObject({ status: 'planned', owner: 'Service desk', detailMapId: 'pickup-detail' });
    expect(back.cards.find((c) => c.title === backstage)).toMatchObject({ status: 'done', owner: 'Workshop lead' });
    expect(back.stages.find((s) => s.name === stage)!.detailMapId).toBe('diagnosis-detail');
    expect(back.personas.find((p) => p.name === 'Fleet manager')!.libraryId).toBe('lib-fleet');
    expect(back.personas.filter((p) => p.libraryId === null).length).toBe(journey.personas.length - 1);
  });

  it('writes no key for what is unset, so a map outside a space exports as before', () => {
    const text = journeyToOjfText(readJourney(createMapFromTemplate('retail', 'en')));
    expect(text).not.toMatch(/"(status|owner|detailMapId|libraryId)"/);
  });

  it('drops a hostile status or detail map as a hint and still imports the map', () => {
    const { journey, pain } = spaceMap();
    const text = journeyToOjfText(journey).replace('"status": "planned"', '"status": "<script>"').replace('"detailMapId": "pickup-detail"', '"detailMapId": "../../x"');
    const card = roundTrip(text).cards.find((c) => c.title === pain)!;
    expect(card.owner).toBe('Service desk');
    expect([card.status, card.detailMapId]).toEqual([null, null]);
  });
});
