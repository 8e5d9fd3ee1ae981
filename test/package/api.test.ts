// The package root is a deliberate API: every name it exports is documented in docs/api.md (and its
// Chinese page), and nothing else is exported. An export added without documenting it, or a
// documented name that disappears, fails here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/go-matrix.ts';

type Kind = 'function' | 'class' | 'const' | 'type';

/** `- \`name\` *kind*: …` lines of a docs page. */
function documented(page: string): Map<string, Kind> {
  const text = readFileSync(join(repoRoot, 'docs', page), 'utf8');
  const names = new Map<string, Kind>();
  for (const m of text.matchAll(/^- `([A-Za-z_$][\w$]*)` \*(function|class|const|type)\*/gm)) {
    expect(names.has(m[1]!), `${page} lists ${m[1]} twice`).toBe(false);
    names.set(m[1]!, m[2] as Kind);
  }
  return names;
}

/** The names src/index.ts exports, read from its export declarations; type-only ones marked. */
function sourceExports(): Map<string, { typeOnly: boolean }> {
  const file = join(repoRoot, 'src', 'index.ts');
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022);
  const names = new Map<string, { typeOnly: boolean }>();
  for (const stmt of source.statements) {
    if (!ts.isExportDeclaration(stmt)) {
      const modifiers = ts.canHaveModifiers(stmt) ? ts.getModifiers(stmt) : undefined;
      const exported = modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
      expect(exported, 'src/index.ts only re-exports (declarations live in their modules)').not.toBe(true);
      continue;
    }
    const clause = stmt.exportClause;
    expect(clause && ts.isNamedExports(clause), 'src/index.ts names every export (no `export *`)').toBe(true);
    if (!clause || !ts.isNamedExports(clause)) continue;
    for (const spec of clause.elements) {
      names.set(spec.name.text, { typeOnly: stmt.isTypeOnly || spec.isTypeOnly });
    }
  }
  return names;
}

describe('the library API', () => {
  const docs = documented('api.md');

  it('exports exactly the names docs/api.md lists, types as types', () => {
    const exported = sourceExports();
    expect([...exported.keys()].sort()).toEqual([...docs.keys()].sort());
    for (const [name, { typeOnly }] of exported) {
      expect(typeOnly, `${name}: documented as ${docs.get(name)}`).toBe(docs.get(name) === 'type');
    }
  });

  it('has, at run time, exactly the documented functions, classes and constants', async () => {
    const entry = join(repoRoot, 'dist', 'index.js');
    const lib = (await import(pathToFileURL(entry).href)) as Record<string, unknown>;
    const values = [...docs].filter(([, kind]) => kind !== 'type').map(([name]) => name);
    expect(Object.keys(lib).sort()).toEqual(values.sort());
    for (const name of values) {
      const kind = docs.get(name);
      const actual =
        typeof lib[name] === 'function'
          ? /^class\b/.test(String(lib[name]))
            ? 'class'
            : 'function'
          : 'const';
      expect(actual, name).toBe(kind);
    }
  });

  it('documents the same names in Chinese', () => {
    expect([...documented('api.zh-CN.md')].sort()).toEqual([...docs].sort());
  });
});
