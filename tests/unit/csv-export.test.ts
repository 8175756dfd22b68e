import { LANE_KINDS } from '../../src/model/laneKinds';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, journeyToCsv, neutraliseCell, parseCsv, readCsvCards } from '../../src/export/csv';
import { importCsv, importFile } from '../../src/export/import';
import { defaultCard } from '../../src/model/cardRecord';
import { readJourney } from '../../src/model/doc';
import { updateCard, updateLane, updatePersona, updateStage } from '../../src/model/ops';
import { createMapFromTemplate, instantiateTemplate, TEMPLATE_KEYS } from '../../src/model/templates';
import { SUPPORTED_LOCALES } from '../../src/model/types';
import { applyRandomOp, randomOp } from '../support/randomOps';

function reimport(csv: string): string {
  const result = importCsv(csv, { title: 'Imported' });
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return journeyToCsv(result.journey);
}

describe('the CSV export', () => {
  it('has one row per card with the columns a CX lead expects, a BOM and CRLF line ends', () => {
    const journey = instantiateTemplate('retail', 'en');
    const csv = journeyToCsv(journey);
    expect(csv.startsWith('\ufeffphase,stage,lane,lane kind,title,body,channel,emotion,personas,tags,votes,moment of truth,image,actor,confidence,evidence,status,owner\r\n')).toBe(true);
    const parsed = parseCsv(csv);
    if (!parsed.ok) throw new Error('unparseable');
    expect(parsed.rows).toHaveLength(journey.cards.length + 1);
    expect(parsed.rows.every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
    const mot = journey.cards.find((c) => c.momentOfTruth)!;
    const row = parsed.rows.find((r) => r[4] === mot.title)!;
    expect(row[11]).toBe('yes');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  for (const key of TEMPLATE_KEYS) {
    for (const locale of SUPPORTED_LOCALES) {
      it(`CSV → import → CSV is identical for the ${key} template in ${locale}`, () => {
        const csv = journeyToCsv(instantiateTemplate(key, locale));
        expect(reimport(csv)).toBe(csv);
      });
    }
  }

  it('CSV → import → CSV is identical for 200 random maps (stages, lanes and personas named apart)', () => {
    fc.assert(
      fc.property(fc.array(randomOp, { minLength: 5, maxLength: 80 }), (ops) => {
        const doc = createMapFromTemplate('blank', 'en');
        for (const op of ops) applyRandomOp(doc, op);
        // a CSV knows a stage by name and phase, a lane by name and kind, a persona by name
        const j = readJourney(doc);
        j.stages.forEach((s, i) => updateStage(doc, s.id, { name: `${s.name} ${i}` }));
        j.lanes.forEach((l, i) => updateLane(doc, l.id, { name: `${l.name} ${i}` }));
        j.personas.forEach((p, i) => updatePersona(doc, p.id, { name: `${p.name} ${i}` }));
        const csv = journeyToCsv(readJourney(doc));
        expect(reimport(csv)).toBe(csv);
      }),
      { seed: 4180, numRuns: 200 },
    );
  });

  it('keeps stages, lanes, personas, tags and every card field through an import', () => {
    const journey = instantiateTemplate('saas', 'de');
    const result = importCsv(journeyToCsv(journey));
    if (!result.ok) throw new Error('did not import');
    const imported = result.journey;
    expect(imported.stages.map((s) => [s.name, s.phase])).toEqual(journey.stages.map((s) => [s.name, s.phase]));
    expect(imported.cards.map((c) => [c.title, c.body, c.channel, c.emotion, c.tags, c.momentOfTruth, c.votes])).toEqual(
      journey.cards.map((c) => [c.title, c.body, c.channel, c.emotion, c.tags, c.momentOfTruth, c.votes]),
    );
    const names = (j: typeof journey, ids: string[]) => ids.map((id) => j.personas.find((p) => p.id === id)!.name);
    expect(imported.cards.map((c) => names(imported, c.personaIds))).toEqual(journey.cards.map((c) => names(journey, c.personaIds)));
  });

  it('neutralises cells a spreadsheet would run as a formula, and restores them on import', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(neutraliseCell(`${start}1+1`)).toBe(`'${start}1+1`);
    expect(neutraliseCell("'=already")).toBe("''=already");
    expect(neutraliseCell("'90s")).toBe("'90s");
    expect(neutraliseCell('Plain')).toBe('Plain');
    const journey = instantiateTemplate('blank', 'en');
    const stage = { id: 's1', name: '@SUM(A1)', phase: 'purchase' as const, order: 'a0', color: null, description: '', detailMapId: null };
    const hostile = ['=HYPERLINK("http://evil.example","Click")', "=cmd|' /C calc'!A0", '+1+1', '-2+3', '@SUM(1)', '\t=1', '\r=1', "'=quoted"];
    const cards = hostile.map((title, i) => ({
      ...defaultCard(),
      id: `c${i}`, stageId: 's1', laneId: journey.lanes[0]!.id, order: `a${i}`, title, body: title, channel: null, emotion: -2, personaIds: [], tags: [title], color: null, momentOfTruth: false, votes: 0,
    }));
    const csv = journeyToCsv({ ...journey, stages: [stage], cards });
    const parsed = parseCsv(csv);
    if (!parsed.ok) throw new Error('unparseable');
    for (const row of parsed.rows.slice(1)) {
      for (const [i, cell] of row.entries()) {
        if (CSV_COLUMNS[i] === 'emotion') expect(cell).toBe('-2');
        else expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
      }
    }
    expect(reimport(csv)).toBe(csv);
    const back = importCsv(csv);
    if (!back.ok) throw new Error('did not import');
    expect(back.journey.cards.map((c) => c.title)).toEqual(hostile);
    expect(back.journey.stages[0]!.name).toBe('@SUM(A1)');
  });

  it('writes a card’s status and owner, and reads them back from a German sheet with its own words', () => {
    const doc = createMapFromTemplate('retail', 'de');
    const j = readJourney(doc);
    const pain = j.cards.find((c) => j.lanes.find((l) => l.id === c.laneId)!.kind === 'pains')!;
    updateCard(doc, pain.id, { status: 'inProgress', owner: '=Team Kasse' });
    const csv = journeyToCsv(readJourney(doc));
    const parsed = parseCsv(csv);
    if (!parsed.ok) throw new Error('unparseable');
    const row = parsed.rows.find((r) => r[CSV_COLUMNS.indexOf('title')] === pain.title)!;
    expect([row[CSV_COLUMNS.indexOf('status')], row[CSV_COLUMNS.indexOf('owner')]]).toEqual(['inProgress', "'=Team Kasse"]);
    expect(reimport(csv)).toBe(csv);

    const german = importCsv('Schritt,Ebene,Ebenen-Art,Titel,Stand,Verantwortlich\r\nKasse,Schmerzpunkte,pains,Karte abgelehnt,In Arbeit,Eli\r\nKasse,Chancen,opportunities,Ein-Klick,Erledigt,\r\nKasse,Chancen,opportunities,Später,,\r\n');
    if (!german.ok) throw new Error(JSON.stringify(german.issues));
    expect(german.journey.cards.map((c) => [c.title, c.status, c.owner])).toEqual([
      ['Karte abgelehnt', 'inProgress', 'Eli'],
      ['Ein-Klick', 'done', ''],
      ['Später', null, ''],
    ]);
    const bad = importCsv('stage,lane,title,status\r\nS,L,T,urgent\r\n');
    expect(bad).toMatchObject({ ok: false, issues: [{ path: 'line 2.status', message: 'must be empty or one of idea, planned, inProgress, done' }] });
  });

  it('reads quoted cells with commas, quotes and line breaks, LF-only files and no final line end', () => {
    const parsed = parseCsv('a,b,c\n"x, y","say ""hi""","two\nlines"\n1,,3');
    expect(parsed).toEqual({ ok: true, rows: [['a', 'b', 'c'], ['x, y', 'say "hi"', 'two\nlines'], ['1', '', '3']] });
  });

  it('names the line and column of each problem', () => {
    const csv = 'stage,lane,lane kind,title,emotion,channel\nA,B,actions,ok,7,fax\nA,B,robots,ok,,\n';
    const result = importFile('broken.csv', csv);
    expect(result).toEqual({
      ok: false,
      issues: [
        { path: 'line 2.channel', message: 'must be empty or one of web, app, email, phone, store, social, delivery, chat, other' },
        { path: 'line 2.emotion', message: 'must be empty or a whole number between -3 and +3' },
        { path: 'line 3.lane kind', message: `must be one of ${LANE_KINDS.join(', ')}` },
      ],
    });
    expect(importFile('x.csv', 'a,b\n1,2')).toMatchObject({ ok: false, issues: [{ path: 'line 1' }] });
    expect(readCsvCards('title,stage,lane\n"unclosed,x,y\n')).toMatchObject({ ok: false, issues: [{ path: 'line 2', message: 'has a quoted cell that is never closed' }] });
  });
});
