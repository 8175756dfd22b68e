import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildImportGraph,
  checkLayers,
  checkModules,
  describeCycles,
  describeViolations,
  findCycles,
  importsOf,
  type ImportGraph,
  type LayerRule,
  type ModuleRule,
} from '../support/importGraph';

/**
 * THE RULES. Every .ts/.tsx/.mts/.mjs file under src/ and server/ is parsed, its imports
 * (static, `export … from`, dynamic `import()`, `import type`) resolved, and checked against
 * this table. Paths are prefixes from the repository root. Type-only imports count too.
 *
 * | rule                 | files                                   | may import                                         |
 * |----------------------|-----------------------------------------|----------------------------------------------------|
 * | model-schema-leaf    | src/model, src/schema                   | only src/model, src/schema (and packages)          |
 * | access-contract      | src/access                              | only src/access, src/model, src/schema             |
 * | server-contract-only | server                                  | only server, src/model, src/schema, src/access     |
 * | no-react             | src/model, src/schema, src/access,      | no React package (react, react-dom, react-i18next, |
 * |                      | src/export, src/storage, src/sync,      | lucide-react, @xyflow/react, zustand/react) and no |
 * |                      | src/cli, server                         | .tsx file                                          |
 * | below-ui             | src/model, src/schema, src/access,      | not src/app, src/canvas, src/panels, src/present,  |
 * |                      | src/export, src/storage, src/sync,      | src/actions                                        |
 * |                      | src/store, src/i18n, src/cli, server    |                                                    |
 * | ui-via-store         | src/canvas, src/panels, src/present,    | not src/storage, src/sync: the UI reaches them     |
 * |                      | src/actions                             | through src/store, or gets them passed by src/app  |
 * | ui-public-surface    | UI modules: src/canvas, src/present,    | another UI module's code only through its          |
 * |                      | src/actions, each src/panels/<name>,    | index.ts(x); stylesheets are free. src/app (the    |
 * |                      | and the files directly in src/panels    | composition root) is no UI module: it imports any. |
 * | no-cycles            | src and server                          | no import cycle, of any length                     |
 * | server-no-dom        | server, src/model, src/schema,          | type-checked a second time without the DOM library |
 * |                      | src/access                              | (tsconfig.server.json, run by npm run typecheck)   |
 *
 * src/app, src/store and src/i18n have no rule of their own beyond these: app wires everything,
 * store may use model, storage, sync and export. Packages not named above are free everywhere.
 */
const REACT_PACKAGES = /^(react|react-dom|react-i18next|lucide-react|@xyflow\/react|zustand\/react)(\/|$)/;
const CONTRACT = ['src/model/', 'src/schema/', 'src/access/'];
const UI = ['src/canvas/', 'src/panels/', 'src/present/', 'src/actions/'];

export const LAYER_RULES: readonly LayerRule[] = [
  {
    name: 'model-schema-leaf',
    why: 'model and schema are the shared core: they import nothing else of the app',
    files: ['src/model/', 'src/schema/'],
    mayImport: ['src/model/', 'src/schema/'],
  },
  {
    name: 'access-contract',
    why: 'the access contract is shared by server and client: it builds on model and schema only',
    files: ['src/access/'],
    mayImport: CONTRACT,
  },
  {
    name: 'server-contract-only',
    why: 'the relay shares only the contract (model, schema, access) with the client',
    files: ['server/'],
    mayImport: ['server/', ...CONTRACT],
  },
  {
    name: 'no-react',
    why: 'the core, export, storage, sync, CLI and server run without React (Node, workers, tests)',
    files: [...CONTRACT, 'src/export/', 'src/storage/', 'src/sync/', 'src/cli/', 'server/'],
    packages: REACT_PACKAGES,
    fileKinds: ['.tsx'],
  },
  {
    name: 'below-ui',
    why: 'lower layers never reach up into the UI or the composition root',
    files: [...CONTRACT, 'src/export/', 'src/storage/', 'src/sync/', 'src/store/', 'src/i18n/', 'src/cli/', 'server/'],
    mayNotImport: ['src/app/', ...UI],
  },
  {
    name: 'ui-via-store',
    why: 'UI goes through src/store (or what src/app passes down) to reach storage and sync',
    files: UI,
    mayNotImport: ['src/storage/', 'src/sync/'],
  },
];

export const MODULE_RULE: ModuleRule = {
  name: 'ui-public-surface',
  why: "a UI folder imports another UI folder only through that folder's index.ts",
  modules: ['src/canvas/', 'src/present/', 'src/actions/', 'src/panels/', 'src/panels/*/'],
};

const WHY = new Map([...LAYER_RULES.map((rule) => [rule.name, rule.why] as const), [MODULE_RULE.name, MODULE_RULE.why]]);
const ROOT = path.resolve(import.meta.dirname, '../..');

function report(graph: ImportGraph) {
  const violations = [...checkLayers(graph, LAYER_RULES), ...checkModules(graph, MODULE_RULE)];
  const cycles = findCycles(graph);
  return { violations, cycles };
}

describe('architecture', () => {
  const graph = buildImportGraph(ROOT, ['src', 'server']);

  it('reads the whole source tree', () => {
    expect(graph.files.length).toBeGreaterThan(150);
    expect(graph.files).toContain('src/model/doc.ts');
    expect(graph.files).toContain('server/feedbackRules.mjs');
    // every relative import names a file that exists: a rule cannot miss an edge it never saw
    const files = new Set(graph.files);
    const unresolved = graph.edges.filter((edge) => edge.specifier.startsWith('.') && !files.has(edge.to) && !/\.(css|json|svg)$/.test(edge.to));
    expect(unresolved.map((edge) => `${edge.from} → ${edge.specifier}`)).toEqual([]);
  });

  it('every import follows the layering', () => {
    const { violations } = report(graph);
    // one line per offending import, so the failure reads as a list: [rule] file → target ('specifier'): why
    expect(describeViolations(violations, WHY).split('\n').filter(Boolean)).toEqual([]);
  });

  it('type-checks the server and the shared contract without the DOM library (tsconfig.server.json)', () => {
    const config = JSON.parse(fs.readFileSync(path.join(ROOT, 'tsconfig.server.json'), 'utf8')) as { compilerOptions: { lib: string[] }; include: string[] };
    expect(config.compilerOptions.lib.some((lib) => /^dom/i.test(lib))).toBe(false);
    expect([...config.include].sort()).toEqual(['server/', ...CONTRACT].map((folder) => folder.replace(/\/$/, '')).sort());
    const scripts = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.typecheck).toContain('-p tsconfig.server.json');
  });

  it('has no import cycle', () => {
    const { cycles } = report(graph);
    expect(describeCycles(cycles).split('\n').filter(Boolean)).toEqual([]);
  });
});

describe('the architecture checker itself', () => {
  const fixture: ImportGraph = {
    files: ['src/model/a.ts', 'src/model/b.ts', 'src/storage/c.ts', 'src/canvas/d.tsx', 'src/present/e.tsx', 'src/present/index.ts', 'server/f.ts'],
    edges: [
      { from: 'src/model/a.ts', to: 'src/model/b.ts', specifier: './b', typeOnly: false },
      { from: 'src/model/b.ts', to: 'src/model/a.ts', specifier: './a', typeOnly: true },
      { from: 'src/model/a.ts', to: 'src/storage/c.ts', specifier: '../storage/c', typeOnly: false },
      { from: 'src/storage/c.ts', to: 'react', specifier: 'react', typeOnly: false },
      { from: 'src/canvas/d.tsx', to: 'src/present/e.tsx', specifier: '../present/e', typeOnly: false },
      { from: 'src/canvas/d.tsx', to: 'src/present/index.ts', specifier: '../present', typeOnly: false },
      { from: 'src/canvas/d.tsx', to: 'src/sync/x.ts', specifier: '../sync/x', typeOnly: true },
      { from: 'server/f.ts', to: 'src/model/a.ts', specifier: '../src/model/a', typeOnly: false },
      { from: 'server/f.ts', to: 'src/export/g.ts', specifier: '../src/export/g', typeOnly: false },
    ],
  };

  it('reports a cycle with its path, type-only edges included', () => {
    expect(findCycles(fixture)).toEqual([['src/model/a.ts', 'src/model/b.ts', 'src/model/a.ts']]);
  });

  it('reports each forbidden import under the rule it breaks, and nothing allowed', () => {
    const { violations } = report(fixture);
    expect(violations.map((violation) => `${violation.rule}: ${violation.from} → ${violation.to}`).sort()).toEqual([
      'model-schema-leaf: src/model/a.ts → src/storage/c.ts',
      'no-react: src/storage/c.ts → react',
      'server-contract-only: server/f.ts → src/export/g.ts',
      'ui-public-surface: src/canvas/d.tsx → src/present/e.tsx',
      'ui-via-store: src/canvas/d.tsx → src/sync/x.ts',
    ]);
    expect(describeViolations(violations, WHY)).toContain("[ui-public-surface] src/canvas/d.tsx → src/present/e.tsx ('../present/e')");
  });

  it('finds every kind of import in source text, and no look-alike in strings or comments', () => {
    const text = [
      "import a from './a';",
      "import type { B } from './b';",
      "import { type C, type D } from './c';",
      "import './side-effect.css';",
      "export { e } from './e';",
      "export * from './f';",
      "const g = await import('./g');",
      "type H = import('./h').H;",
      "// import nope from './comment';",
      "const s = \"import x from './string'\";",
    ].join('\n');
    expect(importsOf('x.ts', text)).toEqual([
      { specifier: './a', typeOnly: false },
      { specifier: './b', typeOnly: true },
      { specifier: './c', typeOnly: true },
      { specifier: './side-effect.css', typeOnly: false },
      { specifier: './e', typeOnly: false },
      { specifier: './f', typeOnly: false },
      { specifier: './g', typeOnly: false },
      { specifier: './h', typeOnly: true },
    ]);
  });
});
