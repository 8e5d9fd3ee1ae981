// Build constraints: unit cases, then differential runs against the real go command — `go list`
// for concrete GOOS/GOARCH/tag sets, and `go mod tidy -e` (each file importing its own missing
// package) for tidy's "every tag but ignore" mode.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BuildContext,
  concreteIncludes,
  evalAllTags,
  fileNameConstraint,
  formatExpr,
  matchFileName,
  parseBuildExpr,
  parseHeaderConstraints,
  parsePlusBuildExpr,
  tidyIncludes,
} from '../../src/tidy/constraints.ts';
import { scanModule } from '../../src/tidy/scan.ts';
import { goToolchains, titleNeedingGo } from '../helpers/go-matrix.ts';
import { goEnv, runGo } from './go-run.ts';

const toolchains = goToolchains();
let scratch = '';
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'tidy-constraints-'));
});
afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

function expr(text: string) {
  const parsed = parseBuildExpr(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.expr;
}

describe('//go:build expressions', () => {
  it('parses with && binding tighter than ||, and ! tightest', () => {
    expect(formatExpr(expr('a || b && !c'))).toBe('a || b && !c');
    expect(formatExpr(expr('(a || b) && c'))).toBe('(a || b) && c');
    expect(formatExpr(expr('!(a && b)'))).toBe('!(a && b)');
  });

  it('reports errors with byte offsets', () => {
    expect(parseBuildExpr('linux &&')).toEqual({
      ok: false,
      error: { offset: 8, message: 'unexpected end of expression' },
    });
    expect(parseBuildExpr('(linux')).toEqual({
      ok: false,
      error: { offset: 0, message: 'missing close paren' },
    });
    expect(parseBuildExpr('linux & amd64')).toEqual({
      ok: false,
      error: { offset: 6, message: 'invalid syntax at &' },
    });
    expect(parseBuildExpr('!!linux')).toEqual({
      ok: false,
      error: { offset: 1, message: 'double negation not allowed' },
    });
    expect(parseBuildExpr('a b')).toEqual({ ok: false, error: { offset: 2, message: 'unexpected token b' } });
    expect(parseBuildExpr('é-x')).toEqual({
      ok: false,
      error: { offset: 2, message: 'invalid syntax at -' },
    });
  });

  it('evaluates every tag but ignore as satisfiable in tidy mode', () => {
    expect(evalAllTags(expr('linux && !linux'))).toBe(true);
    expect(evalAllTags(expr('ignore'))).toBe(false);
    expect(evalAllTags(expr('!ignore'))).toBe(true);
    expect(evalAllTags(expr('ignore || windows'))).toBe(true);
    expect(evalAllTags(expr('ignore && windows'))).toBe(false);
    // Under `!` the preferred value flips: linux is taken as unset, so the negation holds.
    expect(evalAllTags(expr('!(ignore || linux)'))).toBe(true);
    expect(evalAllTags(expr('!linux && ignore'))).toBe(false);
  });

  it('reads legacy +build lines: space is OR, comma is AND, lines AND together', () => {
    const p = parsePlusBuildExpr('linux,amd64 !windows');
    expect(p.ok && formatExpr(p.expr)).toBe('linux && amd64 || !windows');
    const bad = parsePlusBuildExpr('a-b');
    expect(bad.ok && formatExpr(bad.expr)).toBe('ignore');
  });
});

describe('file headers', () => {
  it('needs a blank line after +build, but not after //go:build', () => {
    expect(tidyIncludes(parseHeaderConstraints('// +build ignore\n\npackage p'))).toBe(false);
    expect(tidyIncludes(parseHeaderConstraints('// +build ignore\npackage p'))).toBe(true);
    expect(tidyIncludes(parseHeaderConstraints('//go:build ignore\npackage p'))).toBe(false);
  });

  it('lets //go:build win over +build and treats two //go:build lines as invalid', () => {
    expect(tidyIncludes(parseHeaderConstraints('//go:build linux\n// +build ignore\n\npackage p'))).toBe(
      true,
    );
    const two = parseHeaderConstraints('//go:build linux\n//go:build amd64\n\npackage p');
    expect(two.multipleGoBuild?.line).toBe(2);
    expect(tidyIncludes(two)).toBe(false);
  });

  it('positions a syntax error in the file', () => {
    const h = parseHeaderConstraints('// c\n  //go:build  linux &&\n\npackage p');
    expect(h.goBuild?.error).toMatchObject({ column: 23, message: 'unexpected end of expression' });
    expect(h.goBuild?.line).toBe(2);
  });

  it('accepts block comments before and ignores constraints after the package clause', () => {
    expect(tidyIncludes(parseHeaderConstraints('/* x\n y */\n//go:build ignore\n\npackage p'))).toBe(false);
    expect(tidyIncludes(parseHeaderConstraints('/* x */\n// +build ignore\n\npackage p'))).toBe(true);
    expect(tidyIncludes(parseHeaderConstraints('package p // +build ignore\n'))).toBe(true);
    expect(tidyIncludes(parseHeaderConstraints('// go:build ignore\n\npackage p'))).toBe(true);
    expect(tidyIncludes(parseHeaderConstraints('//go:buildignore\n\npackage p'))).toBe(true);
  });
});

describe('file names', () => {
  it('knows GOOS, GOARCH and GOOS_GOARCH suffixes after a non-empty prefix', () => {
    expect(fileNameConstraint('x_linux.go')).toEqual({ goos: 'linux', test: false });
    expect(fileNameConstraint('x_windows_arm64_test.go')).toEqual({
      goos: 'windows',
      goarch: 'arm64',
      test: true,
    });
    expect(fileNameConstraint('linux.go')).toEqual({ test: false });
    expect(fileNameConstraint('x_unix.go')).toEqual({ test: false });
    expect(fileNameConstraint('x_wasip1.go', '1.19')).toEqual({ test: false });
    expect(fileNameConstraint('x_wasip1.go', '1.24')).toEqual({ goos: 'wasip1', test: false });
    expect(fileNameConstraint('x.y_linux.go')).toEqual({ test: false });
  });
});

// ---------------------------------------------------------------------------------------------
// Differential

/** Deterministic PRNG (mulberry32), so that a failure can be reproduced from its seed. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TAGS = [
  'linux',
  'windows',
  'darwin',
  'android',
  'ios',
  'illumos',
  'solaris',
  'amd64',
  'arm64',
  '386',
  'unix',
  'foo',
  'bar',
  'ignore',
  'gc',
  'gccgo',
  'cgo',
  'go1.1',
  'go1.99',
  'wasip1',
];
const SUFFIXES = [
  '',
  '',
  '',
  '_linux',
  '_windows',
  '_darwin_arm64',
  '_android',
  '_amd64',
  '_wasip1',
  '_unix',
  '_ios',
  '_illumos_amd64',
  '_windows_386',
];

function genExpr(r: () => number, depth: number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const roll = r();
  if (depth <= 0 || roll < 0.35) return pick(TAGS);
  if (roll < 0.5) return `!${genExpr(r, 0)}`;
  if (roll < 0.6) return `!(${genExpr(r, depth - 1)})`;
  if (roll < 0.8) return `${genExpr(r, depth - 1)} && ${genExpr(r, depth - 1)}`;
  if (roll < 0.95) return `${genExpr(r, depth - 1)} || ${genExpr(r, depth - 1)}`;
  return `(${genExpr(r, depth - 1)})`;
}

function genPlus(r: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const clauses: string[] = [];
  for (let c = 0, n = 1 + Math.floor(r() * 3); c < n; c++) {
    const lits: string[] = [];
    for (let l = 0, m = 1 + Math.floor(r() * 2); l < m; l++) lits.push((r() < 0.3 ? '!' : '') + pick(TAGS));
    clauses.push(lits.join(','));
  }
  return clauses.join(' ');
}

interface GeneratedFile {
  name: string;
  text: string;
}

function generateFiles(seed: number, count: number): GeneratedFile[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const files: GeneratedFile[] = [
    { name: 'always.go', text: 'package p\n\nimport _ "nope.example/always"\n' },
  ];
  for (let k = 0; k < count; k++) {
    const body = `package p\n\nimport _ "nope.example/f${k}"\n`;
    let header: string;
    switch (Math.floor(r() * 9)) {
      case 0:
      case 1:
      case 2:
        header = `//go:build ${genExpr(r, 3)}\n\n`;
        break;
      case 3:
        header = `// +build ${genPlus(r)}\n\n`;
        break;
      case 4:
        header = `// +build ${genPlus(r)}\n// +build ${genPlus(r)}\n\n`;
        break;
      case 5:
        header = `// Copyright\n\n//go:build ${genExpr(r, 2)}\n// +build ${genPlus(r)}\n\n`;
        break;
      case 6:
        header = `/* block\n comment */\n// +build ${genPlus(r)}\n\n//go:build ${genExpr(r, 2)}\n`;
        break;
      case 7:
        header = `// +build ${genPlus(r)}\n`; // no blank line: not a constraint
        break;
      default:
        header = pick(['//go:build linux &&\n\n', '//go:build a\n//go:build b\n\n', '//go:build (a\n\n', '']);
    }
    let text = header + body;
    const variant = r();
    if (variant < 0.1) text = text.replaceAll('\n', '\r\n');
    else if (variant < 0.15) text = `\ufeff${text}`;
    files.push({ name: `f${k}${pick(SUFFIXES)}.go`, text });
  }
  return files;
}

function writePackage(dir: string, files: readonly GeneratedFile[], module = 'example.com/c') {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'go.mod'), `module ${module}\n\ngo 1.19\n`);
  for (const f of files) writeFileSync(join(dir, f.name), f.text);
}

const CONTEXTS: Array<{ goos: string; goarch: string; tags: string[] }> = [
  { goos: 'linux', goarch: 'amd64', tags: [] },
  { goos: 'windows', goarch: '386', tags: ['foo'] },
  { goos: 'darwin', goarch: 'arm64', tags: ['bar', 'foo'] },
  { goos: 'android', goarch: 'arm64', tags: [] },
  { goos: 'ios', goarch: 'amd64', tags: ['ignore'] },
  { goos: 'illumos', goarch: 'amd64', tags: ['gccgo'] },
  { goos: 'wasip1', goarch: 'wasm', tags: [] },
  { goos: 'plan9', goarch: '386', tags: ['foo', 'unix'] },
];

describe.skipIf(toolchains.length === 0)(
  titleNeedingGo('differential against go list and go mod tidy', goToolchains().length > 0),
  () => {
    const files = generateFiles(20240601, 160);

    for (const tc of toolchains.filter((t) => ['1.19', '1.21', '1.24'].includes(t.version))) {
      it(`go list ${tc.version}: GoFiles / IgnoredGoFiles / InvalidGoFiles for ${CONTEXTS.length} platforms`, () => {
        const dir = join(scratch, `list-${tc.version}`);
        writePackage(dir, files);
        const scanned = scanModule({ root: dir, modulePath: 'example.com/c', release: tc.version });
        const byName = new Map((scanned.packages[0]?.files ?? []).map((f) => [f.name, f]));
        const minor = Number(tc.version.split('.')[1]);
        let compared = 0;
        for (const c of CONTEXTS) {
          if (c.goos === 'wasip1' && minor < 21) continue;
          const env = goEnv(tc, join(scratch, `home-${tc.version}`), { GOOS: c.goos, GOARCH: c.goarch });
          const res = runGo(
            tc,
            [
              'list',
              '-e',
              `-tags=${c.tags.join(',')}`,
              '-f',
              '{{join .GoFiles " "}}|{{join .IgnoredGoFiles " "}}|{{range .InvalidGoFiles}}{{.}} {{end}}',
            ],
            env,
            dir,
          );
          expect(res.status, res.stderr).toBe(0);
          const [goFiles = '', ignored = '', invalid = ''] = res.stdout.trim().split('|');
          const actual = new Map<string, string>();
          for (const n of goFiles.split(' ').filter(Boolean)) actual.set(n, 'go');
          for (const n of ignored.split(' ').filter(Boolean)) actual.set(n, 'ignored');
          for (const n of invalid.split(' ').filter(Boolean)) actual.set(n, 'invalid');
          const ctx: BuildContext = {
            goos: c.goos,
            goarch: c.goarch,
            tags: new Set(c.tags),
            goMinor: minor,
            release: tc.version,
            compiler: 'gc',
          };
          for (const f of files) {
            const scannedFile = byName.get(f.name);
            expect(scannedFile, f.name).toBeDefined();
            // The file name is checked before the header is read, so a mismatching name wins over a bad header.
            const predicted = !matchFileName(f.name, ctx)
              ? 'ignored'
              : scannedFile!.error
                ? 'invalid'
                : concreteIncludes(f.name, scannedFile!.constraints, ctx)
                  ? 'go'
                  : 'ignored';
            expect([f.name, c.goos, c.goarch, c.tags.join(','), predicted]).toEqual([
              f.name,
              c.goos,
              c.goarch,
              c.tags.join(','),
              actual.get(f.name),
            ]);
            compared++;
          }
        }
        expect(compared).toBeGreaterThan(files.length * 6);
      });

      it(`go mod tidy ${tc.version}: which files tidy reads (all tags but ignore)`, () => {
        const dir = join(scratch, `tidy-${tc.version}`);
        writePackage(dir, files);
        const res = runGo(
          tc,
          ['mod', 'tidy', '-e'],
          goEnv(tc, join(scratch, `home-tidy-${tc.version}`)),
          dir,
        );
        const reported = new Set(
          [...res.stderr.matchAll(/nope\.example\/(f\d+|always): cannot find module/g)].map((m) => m[1]),
        );
        expect(reported.has('always'), res.stderr).toBe(true);
        const scanned = scanModule({ root: dir, modulePath: 'example.com/c', release: tc.version });
        const predicted = new Set(
          (scanned.packages[0]?.files ?? [])
            .filter((f) => f.tidy)
            .flatMap((f) => f.imports.map((i) => i.path.slice('nope.example/'.length))),
        );
        expect([...predicted].sort()).toEqual([...reported].sort());
      });
    }
  },
);
