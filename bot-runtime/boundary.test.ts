import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = import.meta.dirname;

/**
 * The runtime is run by the server, the studio and the CLI alike, so it reaches the world only
 * through what it is passed. Four files are the exceptions: the NLU's and the bot tests' command
 * lines, and the readers of the word-vector and off-topic background files shipped beside the NLU.
 */
const FILE_READERS = new Set([
  'nlu/cli.ts',
  'botTests/cli.ts',
  'nlu/wordVectors/readBundledWordVectors.ts',
  'nlu/background/readBundledBackground.ts',
]);

/**
 * The node types' inspector widgets and their kit are React components, kept in folders named
 * `editor`. The published-bot runner and the engine load the node registry on the server, so
 * nothing else loads React or an editor file: both may be named in types, which compile away,
 * and a node type declares its own editor as a lazy import that only the studio makes.
 */
const REACT = /^react(-dom)?(\/|$)/;

interface Import {
  specifier: string;
  /** The file inside bot-runtime a relative specifier names, relative to it. */
  target: string | null;
  typeOnly: boolean;
  lazy: boolean;
}

interface Source {
  file: string;
  text: string;
  imports: Import[];
}

const sources = sourceFiles(root).map(readSource);

describe('bot-runtime boundary', () => {
  it('imports nothing from app/ or server/', () => {
    const offenders = sources.flatMap(({ file, imports }) =>
      imports
        .filter(({ specifier }) =>
          /^(@\/|(\.\.\/)+)(app|server)\//.test(outsideRoot(file, specifier)),
        )
        .map(({ specifier }) => `${file} imports ${specifier}`),
    );
    expect(offenders).toEqual([]);
  });

  it('uses no Node built-in, except the four files that read files', () => {
    const offenders = sources
      .filter(({ file }) => !FILE_READERS.has(file))
      .flatMap(({ file, imports }) =>
        imports
          .filter(({ specifier }) => isBuiltin(specifier))
          .map(({ specifier }) => `${file} imports ${specifier}`),
      );
    expect(offenders).toEqual([]);
  });

  it('evaluates no code of its own: scripts run only in the action sandbox', () => {
    const offenders = sources
      .filter(({ text }) => /\b(eval|new Function)\s*\(/.test(text))
      .map(({ file }) => file);
    expect(offenders).toEqual([]);
  });

  it("loads React and editor files nowhere else, but for a node type's own lazy editor", () => {
    const offenders = sources
      .filter(({ file }) => !isEditorFile(file))
      .flatMap(({ file, imports }) =>
        imports
          .filter(({ specifier, target, typeOnly, lazy }) => {
            if (typeOnly) return false;
            if (REACT.test(specifier)) return true;
            if (!target || !isEditorFile(target)) return false;
            return !(lazy && target.startsWith(`${path.posix.dirname(file)}/editor/`));
          })
          .map(({ specifier }) => `${file} imports ${specifier}`),
      );
    expect(offenders).toEqual([]);
  });

  it('keeps editor files to React, the flow and their own node type', () => {
    const offenders = sources
      .filter(({ file }) => isEditorFile(file))
      .flatMap(({ file, imports }) =>
        imports
          .filter(({ specifier, target }) => {
            if (!target) return !REACT.test(specifier);
            const other = nodeTypeFolder(target);
            return (
              !target.startsWith('flow/') || (other !== null && other !== nodeTypeFolder(file))
            );
          })
          .map(({ specifier }) => `${file} imports ${specifier}`),
      );
    expect(offenders).toEqual([]);
  });

  it('has no import cycle, between files or between folders', () => {
    const fileGraph = new Map(
      sources.map(({ file, imports }) => [
        file,
        imports.flatMap(({ target }) => (target ? [target] : [])),
      ]),
    );
    const folderGraph = new Map<string, string[]>();
    for (const [file, targets] of fileGraph) {
      const folder = topFolder(file);
      const others = targets.map(topFolder).filter((target) => target !== folder);
      folderGraph.set(folder, [...(folderGraph.get(folder) ?? []), ...others]);
    }
    expect({ files: cyclesOf(fileGraph), folders: cyclesOf(folderGraph) }).toEqual({
      files: [],
      folders: [],
    });
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

function readSource(full: string): Source {
  const file = path.relative(root, full).split(path.sep).join('/');
  const text = readFileSync(full, 'utf8');
  const kind = full.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const tree = ts.createSourceFile(full, text, ts.ScriptTarget.Latest, false, kind);
  const imports: Import[] = [];
  const add = (specifier: ts.Expression | undefined, typeOnly: boolean, lazy: boolean) => {
    if (!specifier || !ts.isStringLiteralLike(specifier)) return;
    const target = resolve(full, specifier.text);
    imports.push({ specifier: specifier.text, target, typeOnly, lazy });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) {
      add(node.moduleSpecifier, node.importClause?.isTypeOnly ?? false, false);
    } else if (ts.isExportDeclaration(node)) {
      add(node.moduleSpecifier, node.isTypeOnly, false);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      add(node.arguments[0], false, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return { file, text, imports };
}

function resolve(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), specifier);
  const found = ['.ts', '.tsx', '/index.ts', '/index.tsx']
    .map((suffix) => base + suffix)
    .find((candidate) => existsSync(candidate));
  return found ? path.relative(root, found).split(path.sep).join('/') : null;
}

/** A specifier as seen from bot-runtime's parent, so `../../server/x` reads `../server/x`. */
function outsideRoot(file: string, specifier: string): string {
  if (!specifier.startsWith('.')) return specifier;
  const full = path.resolve(root, path.dirname(file), specifier);
  const relative = path.relative(root, full).split(path.sep).join('/');
  return relative.startsWith('../') ? relative : `./${relative}`;
}

function isBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0] ?? '');
}

function isEditorFile(file: string): boolean {
  return file.split('/').includes('editor');
}

/** `condition` for `flow/nodes/condition/…`; null outside a node type's folder. */
function nodeTypeFolder(file: string): string | null {
  const folder = /^flow\/nodes\/([^/]+)\//.exec(file)?.[1];
  return folder && folder !== 'editor' ? folder : null;
}

function topFolder(file: string): string {
  return file.split('/')[0] ?? file;
}

/** Each cycle found by a depth-first walk, as `a -> b -> a`. */
function cyclesOf(graph: Map<string, string[]>): string[] {
  const cycles: string[] = [];
  const done = new Set<string>();
  const trail: string[] = [];
  const walk = (node: string) => {
    trail.push(node);
    for (const next of new Set(graph.get(node) ?? [])) {
      const start = trail.indexOf(next);
      if (start >= 0) cycles.push([...trail.slice(start), next].join(' -> '));
      else if (!done.has(next)) walk(next);
    }
    trail.pop();
    done.add(node);
  };
  for (const node of graph.keys()) if (!done.has(node)) walk(node);
  return cycles;
}
