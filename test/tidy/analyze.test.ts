// The analysis without a Go toolchain: workspaces, project findings (internal imports, mixed
// packages, cycles), GOPROXY routing of lookups, and the minimal-requirements algorithm.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeTidy, internalParent } from '../../src/tidy/analyze.ts';
import { tidyFindings } from '../../src/tidy/findings.ts';
import { type ModuleVersion, minimalRequirements } from '../../src/tidy/modgraph.ts';
import { lookupRoute, pathPrefixes } from '../../src/tidy/resolve.ts';

let scratch = '';
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'tidy-analyze-'));
});
afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

function write(base: string, files: Record<string, string>): string {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(base, name, '..'), { recursive: true });
    writeFileSync(join(base, name), text);
  }
  return base;
}

const env = () => ({
  GOMODCACHE: join(scratch, 'cache'),
  GOPROXY: 'off',
  GOENV: 'off',
  GOROOT: '',
  PATH: '',
});

describe('workspaces', () => {
  it('scans every module of go.work and warns that tidy ignores it', () => {
    const root = write(join(scratch, 'ws'), {
      'go.work': 'go 1.22\n\nuse (\n\t./app\n\t./other\n)\n',
      'app/go.mod': 'module example.com/app\n\ngo 1.22\n',
      'app/a.go': 'package app\n\nimport _ "example.com/other/lib"\n',
      'other/go.mod': 'module example.com/other\n\ngo 1.22\n',
      'other/lib/l.go': 'package lib\n',
      'other/lib2/l.go': 'package lib2\n',
    });
    const p = analyzeTidy({ dir: join(root, 'app'), env: env(), scanWorkspace: true });
    expect(p.workspace?.modules.map((m) => [m.path, m.packages])).toEqual([
      ['example.com/app', 1],
      ['example.com/other', 2],
    ]);
    expect(p.workspaceOnly.map((w) => w.module)).toEqual(['example.com/other']);
    const findings = tidyFindings(p, 'en');
    expect(findings.map((f) => f.cause)).toContain('workspace-mismatch');
    expect(findings.find((f) => f.cause === 'missing-requirement')?.message).toContain(
      'off (lookup disabled: fails)',
    );
  });
});

describe('project findings', () => {
  it('finds internal imports, mixed packages, import cycles and conditional dependencies', () => {
    const root = write(join(scratch, 'proj'), {
      'go.mod': 'module example.com/p\n\ngo 1.22\n',
      'a/a.go':
        'package a\n\nimport (\n\t_ "example.com/p/b"\n\t_ "example.com/p/a/internal/ok"\n\t_ "example.com/p/c/internal/no"\n)\n',
      'a/internal/ok/ok.go': 'package ok\n',
      'b/b.go': 'package b\n\nimport _ "example.com/p/a"\n',
      'c/internal/no/no.go': 'package no\n',
      'mixed/x.go': 'package x\n',
      'mixed/y.go': 'package y\n',
      'mixed/x_test.go': 'package x_test\n',
      'fine/f.go': 'package f\n',
      'fine/f_test.go': 'package f_test\n\nimport _ "example.com/p/fine"\n',
    });
    const p = analyzeTidy({ dir: root, env: env() });
    expect(p.internalImports.map((i) => `${i.edge.from} → ${i.edge.to}`)).toEqual([
      'example.com/p/a → example.com/p/c/internal/no',
    ]);
    expect(p.mixedPackages.map((m) => m.names.map((n) => n.name))).toEqual([['x', 'y']]);
    expect(p.importCycles.map((c) => c.packages)).toEqual([['example.com/p/a', 'example.com/p/b']]);
    const causes = tidyFindings(p, 'zh-CN').map((f) => f.cause);
    expect(causes).toEqual(expect.arrayContaining(['internal-import', 'mixed-packages', 'import-cycle']));
  });

  it('no mixed packages behind a custom tag or an older release, no cycle from tests importing each other', () => {
    const root = write(join(scratch, 'proj2'), {
      'go.mod': 'module example.com/q\n\ngo 1.27\n',
      'dist/build.go': 'package main\n',
      'dist/notgo124.go': '//go:build !go1.24\n\npackage building_Go_requires_Go_1_24\n',
      'gen/lib.go': 'package lib\n',
      'gen/gen.go': '//go:build gen\n\npackage main\n',
      'plat/a.go': 'package plat\n',
      'plat/b_linux.go': 'package other\n',
      'png/png.go': 'package png\n',
      'png/png_test.go': 'package png\n\nimport _ "example.com/q/draw"\n',
      'draw/draw.go': 'package draw\n',
      'draw/draw_test.go': 'package draw\n\nimport _ "example.com/q/png"\n',
      'loop/a/a.go': 'package a\n',
      'loop/a/a_test.go': 'package a\n\nimport _ "example.com/q/loop/b"\n',
      'loop/b/b.go': 'package b\n\nimport _ "example.com/q/loop/a"\n',
    });
    const p = analyzeTidy({ dir: root, env: env() });
    // A platform file does mix packages on that platform.
    expect(p.mixedPackages.map((m) => m.dir)).toEqual(['plat']);
    // loop/a's own test imports b, which imports a: that one is a cycle ("import cycle not allowed in test").
    expect(p.importCycles.map((c) => c.packages)).toEqual([['example.com/q/loop/a', 'example.com/q/loop/b']]);
  });

  it('knows whose internal packages are whose', () => {
    expect(internalParent('a/b/internal/c')).toBe('a/b');
    expect(internalParent('a/b/internal')).toBe('a/b');
    expect(internalParent('internal/x')).toBe('');
    expect(internalParent('a/internals/x')).toBeUndefined();
  });
});

describe('lookups', () => {
  it('asks for every prefix, sending private paths straight to their VCS', () => {
    expect(pathPrefixes('a.com/b/c')).toEqual(['a.com/b/c', 'a.com/b', 'a.com']);
    const settings = { GOPROXY: 'https://proxy.golang.org,direct', GOPRIVATE: '*.corp.example.com' };
    expect(lookupRoute('git.corp.example.com/x', settings)).toMatchObject({
      via: [{ kind: 'direct' }],
      private: true,
      noProxy: true,
    });
    expect(lookupRoute('github.com/x/y', settings)).toMatchObject({
      via: [{ kind: 'proxy', url: 'https://proxy.golang.org' }, { kind: 'direct' }],
      looksPrivate: false,
    });
    expect(lookupRoute('git.internal.example.net/x', { GOPROXY: '' }).looksPrivate).toBe(true);
    expect(lookupRoute('x.io/y', { GOPROXY: 'off' }).via).toEqual([{ kind: 'off' }]);
  });
});

describe('minimal requirements (mvs.Req)', () => {
  it('keeps the direct paths and drops what others imply', () => {
    const graph: Record<string, ModuleVersion[]> = {
      'a@v1.0.0': [{ path: 'b', version: 'v1.2.0' }],
      'b@v1.2.0': [{ path: 'c', version: 'v1.0.0' }],
      'b@v1.0.0': [],
      'c@v1.0.0': [],
    };
    const reqs = (m: ModuleVersion) => graph[`${m.path}@${m.version}`] ?? [];
    const keep = [
      { path: 'a', version: 'v1.0.0' },
      { path: 'b', version: 'v1.2.0' },
      { path: 'c', version: 'v1.0.0' },
    ];
    expect(minimalRequirements({ path: 'main', version: '' }, keep, ['a'], reqs)).toEqual([
      { path: 'a', version: 'v1.0.0' },
    ]);
    expect(minimalRequirements({ path: 'main', version: '' }, keep, ['a', 'c'], reqs)).toEqual([
      { path: 'a', version: 'v1.0.0' },
      { path: 'c', version: 'v1.0.0' },
    ]);
  });
});
