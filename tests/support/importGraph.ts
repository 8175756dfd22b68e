import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The import graph of the source tree and the checks the architecture test runs on it. Kept
 * apart from the rule table (tests/unit/architecture.test.ts) so the test can feed it a small
 * fixture graph and prove that it reports what it should.
 *
 * Paths are relative to the repository root with forward slashes (`src/model/doc.ts`); a bare
 * specifier (`react`, `zustand/react/shallow`) stays as written.
 */

export interface ImportEdge {
  from: string;
  /** a repository path when the specifier is relative, else the package specifier */
  to: string;
  /** the text in the source, for the message */
  specifier: string;
  /** `import type`, `export type … from` or `import('…').T` in a type: no runtime edge */
  typeOnly: boolean;
}

export interface ImportGraph {
  files: string[];
  edges: ImportEdge[];
}

/**
 * One layering rule. A rule applies to every file whose path starts with one of `files`. Then:
 * - `mayImport`: the only repository paths it may import (prefixes); its own folder is not
 *   implied, list it;
 * - `mayNotImport`: repository paths it must not import (prefixes);
 * - `packages`: package specifiers it must not import;
 * - `fileKinds`: repository files it must not import, by how their name ends (e.g. `.tsx`).
 */
export interface LayerRule {
  name: string;
  why: string;
  files: readonly string[];
  mayImport?: readonly string[];
  mayNotImport?: readonly string[];
  packages?: RegExp;
  fileKinds?: readonly string[];
}

/**
 * Folders that each keep their files to themselves: a file in one module may import code of
 * another module only from that module's `index.ts`/`index.tsx` (its public surface). A module is a path prefix ending in `/`; `*` stands for one folder name. A file
 * belongs to the longest module prefix that matches it.
 */
export interface ModuleRule {
  name: string;
  why: string;
  modules: readonly string[];
}

export interface Violation {
  rule: string;
  from: string;
  to: string;
  specifier: string;
}

const CODE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.mjs'];
const RESOLVE_SUFFIXES = ['', '.ts', '.tsx', '.mts', '.mjs', '/index.ts', '/index.tsx'];

/** Every code file (.ts, .tsx, .mts, .mjs; declaration files too) under the given folders. */
export function listSourceFiles(root: string, folders: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      else if (CODE_EXTENSIONS.some((ext) => entry.name.endsWith(ext))) out.push(rel);
    }
  };
  for (const folder of folders) walk(folder);
  return out.sort();
}

interface RawImport {
  specifier: string;
  typeOnly: boolean;
}

/**
 * The module specifiers one file names: static imports and re-exports (`export … from`), side
 * effect imports, dynamic `import()`, `require()` and `import('…')` types. Parsed with the
 * TypeScript compiler, so strings and comments that merely look like imports do not count.
 */
export function importsOf(fileName: string, text: string): RawImport[] {
  const kind = fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : fileName.endsWith('.mjs') ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
  const found: RawImport[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const allNamedTypeOnly =
        clause !== undefined &&
        clause.name === undefined &&
        clause.namedBindings !== undefined &&
        ts.isNamedImports(clause.namedBindings) &&
        clause.namedBindings.elements.length > 0 &&
        clause.namedBindings.elements.every((element) => element.isTypeOnly);
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: (clause?.isTypeOnly ?? false) || allNamedTypeOnly });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const allNamedTypeOnly =
        node.exportClause !== undefined &&
        ts.isNamedExports(node.exportClause) &&
        node.exportClause.elements.length > 0 &&
        node.exportClause.elements.every((element) => element.isTypeOnly);
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: node.isTypeOnly || allNamedTypeOnly });
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const expression = node.moduleReference.expression;
      if (ts.isStringLiteral(expression)) found.push({ specifier: expression.text, typeOnly: node.isTypeOnly });
    } else if (ts.isCallExpression(node)) {
      const [first] = node.arguments;
      const isDynamicImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
      if ((isDynamicImport || isRequire) && first && ts.isStringLiteralLike(first)) found.push({ specifier: first.text, typeOnly: false });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push({ specifier: node.argument.literal.text, typeOnly: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The repository file a relative specifier names (the file itself, a `.ts` for a `.js`, or a folder's index). */
function resolveRelative(root: string, from: string, specifier: string): string {
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  const candidates = [...RESOLVE_SUFFIXES.map((suffix) => base + suffix)];
  if (/\.(m?js)$/.test(base)) candidates.push(base.replace(/\.js$/, '.ts').replace(/\.mjs$/, '.mts'));
  for (const candidate of candidates) {
    const full = path.join(root, candidate);
    if (fs.existsSync(full) && fs.statSync(full).isFile()) return candidate;
  }
  return base;
}

/** The import graph of every code file under `folders` (paths relative to `root`). */
export function buildImportGraph(root: string, folders: readonly string[]): ImportGraph {
  const files = listSourceFiles(root, folders);
  const edges: ImportEdge[] = [];
  for (const file of files) {
    for (const { specifier, typeOnly } of importsOf(file, fs.readFileSync(path.join(root, file), 'utf8'))) {
      const to = specifier.startsWith('.') ? resolveRelative(root, file, specifier) : specifier;
      edges.push({ from: file, to, specifier, typeOnly });
    }
  }
  return { files, edges };
}

const isPackage = (target: string) => !target.startsWith('src/') && !target.startsWith('server/') && !target.startsWith('tests/') && !target.startsWith('bench/');
const startsWithAny = (target: string, prefixes: readonly string[]) => prefixes.some((prefix) => target.startsWith(prefix));

/** Every import that breaks one of the layer rules (one violation per rule broken). */
export function checkLayers(graph: ImportGraph, rules: readonly LayerRule[]): Violation[] {
  const violations: Violation[] = [];
  for (const edge of graph.edges) {
    for (const rule of rules) {
      if (!startsWithAny(edge.from, rule.files)) continue;
      const external = isPackage(edge.to);
      const broken = external
        ? rule.packages !== undefined && rule.packages.test(edge.to)
        : (rule.mayImport !== undefined && !startsWithAny(edge.to, rule.mayImport)) ||
          (rule.mayNotImport !== undefined && startsWithAny(edge.to, rule.mayNotImport)) ||
          (rule.fileKinds !== undefined && rule.fileKinds.some((kind) => edge.to.endsWith(kind)));
      if (broken) violations.push({ rule: rule.name, from: edge.from, to: edge.to, specifier: edge.specifier });
    }
  }
  return violations;
}

function modulePattern(prefix: string): RegExp {
  const escaped = prefix.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]+');
  return new RegExp(`^${escaped}`);
}

/** The module a path belongs to: the longest matching module prefix, with `*` filled in. */
export function moduleOf(target: string, modules: readonly string[]): string | null {
  let best: string | null = null;
  for (const module of modules) {
    const match = modulePattern(module).exec(target);
    if (match && (best === null || match[0].length > best.length)) best = match[0];
  }
  return best;
}

/**
 * Every import of code from one module into another module's files other than its index.
 * Stylesheets are not internals: Vite applies every imported stylesheet to the whole page, and
 * a component may import the stylesheet whose classes it uses.
 */
export function checkModules(graph: ImportGraph, rule: ModuleRule): Violation[] {
  const violations: Violation[] = [];
  for (const edge of graph.edges) {
    if (isPackage(edge.to) || !CODE_EXTENSIONS.some((ext) => edge.to.endsWith(ext))) continue;
    const from = moduleOf(edge.from, rule.modules);
    const to = moduleOf(edge.to, rule.modules);
    if (from === null || to === null || from === to) continue;
    const rest = edge.to.slice(to.length);
    if (rest === 'index.ts' || rest === 'index.tsx') continue;
    violations.push({ rule: rule.name, from: edge.from, to: edge.to, specifier: edge.specifier });
  }
  return violations;
}

/**
 * The import cycles among repository files, one per strongly connected component: each given
 * as a path `a → b → … → a`. Type-only imports count: a cycle of types still means neither
 * module can be understood, moved or tested without the other.
 */
export function findCycles(graph: ImportGraph): string[][] {
  const next = new Map<string, string[]>();
  for (const edge of graph.edges) {
    if (isPackage(edge.to) || edge.from === edge.to) continue;
    const list = next.get(edge.from) ?? [];
    if (!list.includes(edge.to)) list.push(edge.to);
    next.set(edge.from, list);
  }
  // Tarjan's strongly connected components
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const strongConnect = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const target of next.get(node) ?? []) {
      if (!index.has(target)) {
        strongConnect(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node)!, index.get(target)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) components.push(component);
    }
  };
  const nodes = [...new Set([...graph.files, ...next.keys()])].sort();
  for (const node of nodes) if (!index.has(node)) strongConnect(node);
  return components.map((component) => cyclePath(component, next));
}

/** One concrete cycle through a strongly connected component, starting at its first file by name. */
function cyclePath(component: string[], next: Map<string, string[]>): string[] {
  const members = new Set(component);
  const start = [...component].sort()[0]!;
  // breadth-first from start back to start, staying inside the component: the shortest cycle
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const target of next.get(node) ?? []) {
      if (!members.has(target)) continue;
      if (target === start) {
        const path = [start];
        for (let at: string | undefined = node; at !== undefined && at !== start; at = previous.get(at)) path.splice(1, 0, at);
        return [...path, start];
      }
      if (!previous.has(target)) {
        previous.set(target, node);
        queue.push(target);
      }
    }
  }
  return [...component, start];
}

export function describeViolations(violations: readonly Violation[], why: ReadonlyMap<string, string>): string {
  return violations
    .map((violation) => `  [${violation.rule}] ${violation.from} → ${violation.to} ('${violation.specifier}'): ${why.get(violation.rule) ?? ''}`)
    .join('\n');
}

export function describeCycles(cycles: readonly string[][]): string {
  return cycles.map((cycle) => `  cycle: ${cycle.join(' → ')}`).join('\n');
}
