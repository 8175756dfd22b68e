import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runWaymark } from '../support/cli';
import { checkXml } from '../support/exportXml';
import { decodePngGrey, greyVariance } from '../support/png';

const dir = mkdtempSync(path.join(tmpdir(), 'waymark-export-cli-'));

const waymark = runWaymark;

const write = (name: string, content: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
};

const retail = waymark(['new', '--template', 'retail']).stdout;
const retailFile = write('retail.json', retail);

describe('waymark export', () => {
  it('writes the map as SVG with every card title, labelled in the language asked for', () => {
    const en = waymark(['export', retailFile, '--format', 'svg']);
    expect(en.code).toBe(0);
    expect(checkXml(en.stdout).errors).toEqual([]);
    const text = checkXml(en.stdout).texts.map((x) => x.text).join('\n');
    for (const card of JSON.parse(retail).journey.cards) expect(text).toContain(card.title.replace(/\s+/g, ' '));
    const de = waymark(['export', retailFile, '--format', 'svg', '--lang', 'de']);
    expect(de.stdout).toContain('Filiale');
  });

  it('writes CSV and JSON, to a file with --out', () => {
    const out = path.join(dir, 'retail.csv');
    expect(waymark(['export', retailFile, '--format', 'csv', '--out', out])).toMatchObject({ code: 0, stdout: '' });
    expect(readFileSync(out, 'utf8')).toMatch(/^\ufeffphase,stage,lane,lane kind,title/);
    const json = waymark(['export', retailFile, '--format', 'json']);
    expect(JSON.parse(json.stdout).journey).toEqual(JSON.parse(retail).journey);
  });

  it('writes OpenJourney with --format ojf or an .ojf --out, which imports back with the same cards', () => {
    const ojf = waymark(['export', retailFile, '--format', 'ojf']);
    expect(ojf).toMatchObject({ code: 0, stderr: '' });
    const file = JSON.parse(ojf.stdout);
    expect(file.version).toBe('1.0');
    expect(file.nodes.length).toBeGreaterThan(0);
    const out = path.join(dir, 'retail.ojf');
    expect(waymark(['export', retailFile, '--out', out]).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(ojf.stdout);
    const back = waymark(['import', out]);
    expect(back.code).toBe(0);
    const titles = (map: { journey: { cards: { title: string }[] } }) => map.journey.cards.map((c) => c.title).sort();
    expect(titles(JSON.parse(back.stdout))).toEqual(titles(JSON.parse(retail)));
    expect(waymark(['help']).stdout + waymark(['--help']).stdout).toContain('ojf');
  });

  it('exports only the stages named with --stages', () => {
    const journey = JSON.parse(retail).journey;
    const csv = waymark(['export', retailFile, '--format', 'csv', '--stages', journey.stages[1].id]).stdout;
    expect(csv.trim().split('\r\n')).toHaveLength(1 + journey.cards.filter((c: { stageId: string }) => c.stageId === journey.stages[1].id).length);
    expect(waymark(['export', retailFile, '--format', 'csv', '--stages', 'nope']).code).toBe(2);
  });

  it('reports a broken file as path: reason with exit code 1, and a bad format with 2', () => {
    const file = JSON.parse(retail);
    file.journey.cards[0].emotion = 12;
    const broken = waymark(['export', write('broken.json', JSON.stringify(file)), '--format', 'svg']);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toBe('journey.cards[0].emotion: must be between -3 and +3\n');
    expect(broken.stdout).toBe('');
    expect(waymark(['export', retailFile, '--format', 'gif']).code).toBe(2);
    expect(waymark(['export', path.join(dir, 'missing.json'), '--format', 'svg'])).toMatchObject({ code: 1, stderr: expect.stringMatching(/ENOENT/) });
  });
});

describe('waymark export --format pdf', () => {
  /** pdfinfo's "Pages:" and the first page as poppler renders it, in grey levels */
  const poppler = (file: string) => {
    const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info.status, info.stderr).toBe(0);
    const rendered = spawnSync('pdftoppm', ['-png', '-r', '40', '-f', '1', '-l', '1', file, `${file}-page`], { encoding: 'utf8' });
    expect(rendered.status, rendered.stderr).toBe(0);
    const png = readFileSync(`${file}-page-1.png`);
    return { pages: Number(/^Pages:\s+(\d+)$/m.exec(info.stdout)?.[1]), pageSize: /^Page size:\s+(.*)$/m.exec(info.stdout)?.[1], png, ...decodePngGrey(png) };
  };

  it('writes a PDF that poppler reads and renders to a picture of the map, not a blank page', () => {
    const out = path.join(dir, 'retail.pdf');
    expect(waymark(['export', retailFile, '--format', 'pdf', '--out', out])).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const page = poppler(out);
    expect(page.pages).toBe(1);
    expect(page.pageSize).toMatch(/^841\.89 x 595\.28 pts \(A4\)/);
    expect(page.width).toBeGreaterThan(400);
    // a blank page is one grey level; the map's lanes, cards and text spread them widely
    expect(greyVariance(page.grey)).toBeGreaterThan(200);
    expect(page.png.length).toBeGreaterThan(10_000);
  });

  it('tiles the map across pages on the paper asked for, and takes the format from --out', () => {
    const out = path.join(dir, 'retail-tiles.pdf');
    expect(waymark(['export', retailFile, '--out', out, '--paper', 'a3', '--pages', 'tile']).code).toBe(0);
    const page = poppler(out);
    expect(page.pages).toBeGreaterThan(1);
    expect(page.pageSize).toMatch(/\(A3\)/);
    expect(greyVariance(page.grey)).toBeGreaterThan(200);
  });

  it('refuses a paper or page mode it does not know, and says PNG needs the app', () => {
    expect(waymark(['export', retailFile, '--format', 'pdf', '--paper', 'a5']).code).toBe(2);
    expect(waymark(['export', retailFile, '--format', 'pdf', '--pages', 'all']).code).toBe(2);
    const png = waymark(['export', retailFile, '--format', 'png']);
    expect(png).toMatchObject({ code: 2, stdout: '' });
    expect(png.stderr).toMatch(/^PNG image is drawn by a browser .*Export dialog.*svg, pdf, json, csv, ojf\.\n$/);
  });
});

describe('waymark import', () => {
  it('turns an OpenJourney file into a Waymark map that validates', () => {
    const ojf = path.resolve(__dirname, '../fixtures/ojf/clinic-visit.ojf');
    const made = waymark(['import', ojf]);
    expect(made.code).toBe(0);
    const map = JSON.parse(made.stdout);
    expect(map.journey.title).toBe('clinic-visit');
    expect(map.journey.cards.length).toBeGreaterThanOrEqual(9);
    expect(waymark(['validate', write('clinic.json', made.stdout)])).toMatchObject({ code: 0, stdout: 'ok\n' });
  });

  it('turns an exported CSV back into a map, also from standard input', () => {
    const csv = waymark(['export', retailFile, '--format', 'csv']).stdout;
    const made = waymark(['import', write('retail.csv', csv), '--title', 'From the sheet']);
    expect(made.code).toBe(0);
    expect(JSON.parse(made.stdout).journey.title).toBe('From the sheet');
    const piped = waymark(['import', '-'], { input: csv });
    expect(piped.code).toBe(0);
    const again = waymark(['export', write('again.json', piped.stdout), '--format', 'csv']).stdout;
    expect(again).toBe(csv);
  });

  it('prints each problem of an invalid file as path: reason and exits 1', () => {
    const bad = waymark(['import', write('bad.ojf', '{"version":1,"stages":[{"id":"a","name":"A"}],"swimlanes":[],"nodes":[{"stageId":"a","swimlaneId":"x","score":9}]}')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('nodes[0].score: must be between -5 and +5\n');
  });
});
