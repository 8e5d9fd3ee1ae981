// Real repositories that are tidy in their own CI (test/fixtures/tidy-real: only what tidy reads,
// see its README), checked as a fresh CI job sees them: an empty module cache and no network.
// tidy-check must never call them untidy; with vendor/ it credits the vendored modules.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeTidy } from '../../src/tidy/analyze.ts';
import { tidyVerdict } from '../../src/tidy/findings.ts';
import { runCli } from '../helpers/cli.ts';
import { goToolchains, repoRoot } from '../helpers/go-matrix.ts';

const base = join(repoRoot, 'test', 'fixtures', 'tidy-real');
const emptyCache = mkdtempSync(join(tmpdir(), 'tidy-real-cache-'));
afterAll(() => rmSync(emptyCache, { recursive: true, force: true }));
const env = { HOME: emptyCache, GOMODCACHE: emptyCache, GOPROXY: 'off', GOFLAGS: '', GOWORK: 'off' };

/** Every module directory of a fixture (the go command skips testdata, _x and .x directories). */
function moduleDirs(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    const entries = readdirSync(d, { withFileTypes: true });
    if (entries.some((e) => e.name === 'go.mod' && e.isFile())) out.push(d);
    for (const e of entries)
      if (e.isDirectory() && e.name !== 'vendor' && !e.name.startsWith('.') && !e.name.startsWith('_'))
        walk(join(d, e.name));
  };
  walk(dir);
  return out;
}

const repos = readdirSync(base).filter((n) => statSync(join(base, n)).isDirectory());

describe('real repositories with an empty module cache', () => {
  it('has the eight repositories', () => {
    expect(repos.sort()).toEqual(
      [
        'client-go',
        'cobra',
        'go-zero',
        'golang-tools',
        'moby',
        'opentelemetry-go',
        'prometheus',
        'tailscale',
      ].sort(),
    );
  });
  for (const repo of repos) {
    it(`${repo}: no module is called untidy`, () => {
      const dirs = moduleDirs(join(base, repo));
      expect(dirs.length).toBeGreaterThan(0);
      for (const dir of dirs) {
        const p = analyzeTidy({ dir, env });
        const where = `${repo}/${relative(join(base, repo), dir) || '.'}`;
        const claims = {
          where,
          add: p.add.map((a) => a.path),
          remove: p.remove.map((r) => r.path),
          indirect: p.indirect.map((r) => r.path),
          upgrade: p.upgrade.map((r) => r.path),
          missing: p.missing.map((m) => m.importPath),
        };
        expect(claims).toEqual({ where, add: [], remove: [], indirect: [], upgrade: [], missing: [] });
        expect(tidyVerdict(p), where).not.toBe(false);
        // Nothing claimed either way, and the count of what needs the cache is there to say so.
        if (p.undecided.length > 0) expect(p.notInCache.length, where).toBeGreaterThan(0);
      }
    });
  }
});

describe('what the empty cache still answers', () => {
  it('credits both of a parent and a nested (or /v2) module that the code imports', () => {
    const prom = analyzeTidy({ dir: join(base, 'prometheus'), env });
    const credited = new Set(prom.result.map((r) => r.path));
    expect(credited.has('k8s.io/klog')).toBe(true);
    expect(credited.has('k8s.io/klog/v2')).toBe(true);
    const sdk = analyzeTidy({ dir: join(base, 'opentelemetry-go', 'sdk'), env });
    const sdkCredited = new Set(sdk.result.map((r) => r.path));
    for (const path of [
      'go.opentelemetry.io/otel',
      'go.opentelemetry.io/otel/trace',
      'go.opentelemetry.io/otel/metric',
    ])
      expect(sdkCredited.has(path), path).toBe(true);
  });

  it('moby: vendor/modules.txt credits every vendored module; at most what vendor/ cannot show stays undecided', () => {
    const p = analyzeTidy({ dir: join(base, 'moby'), env });
    expect(p.vendor?.modules).toBeGreaterThan(200);
    expect(p.packages.filter((x) => x.vendored).length).toBeGreaterThan(1000);
    // Without vendor/ (GOFLAGS=-mod=mod) the same empty cache leaves far more undecided.
    const without = analyzeTidy({ dir: join(base, 'moby'), env: { ...env, GOFLAGS: '-mod=mod' } });
    expect(without.vendor).toBeUndefined();
    expect(p.undecided.length).toBeLessThanOrEqual(1);
    expect(without.undecided.length).toBeGreaterThan(100);
  });

  it('says so in the headline, the JSON and the exit status (en and zh-CN)', async () => {
    const cliEnv = { GOMODCACHE: emptyCache, GOPROXY: 'off', GOFLAGS: '' };
    const dir = join(base, 'client-go');
    const text = await runCli(['tidy-check', '-C', dir], { env: cliEnv });
    expect(text.exitCode, text.stderr).toBe(0);
    expect(text.stdout).toMatch(
      /^k8s\.io\/client-go: cannot tell without the module cache; \d+ requirements need it — run `go mod download` \(or use vendor\/\)\./,
    );
    expect(text.stdout).not.toMatch(/would remove|would add/);
    const zh = await runCli(['tidy-check', '-C', dir, '--lang', 'zh-CN'], { env: cliEnv });
    expect(zh.stdout).toMatch(/没有模块缓存无法判断/);
    const json = await runCli(['tidy-check', '-C', dir, '--json'], { env: cliEnv });
    expect(json.exitCode).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report.tidy.tidy).toBeNull();
    expect(report.tidy.remove).toEqual([]);
    expect(report.tidy.undecided.length).toBe(32);
    expect(report.findings.some((f: { cause: string }) => f.cause === 'tidy-undecided')).toBe(true);
  });
});

// GOROOT's own modules: std (GOROOT/src) and cmd (GOROOT/src/cmd), with their vendor/ directories.
const goroot = goToolchains().at(-1)?.goroot;
describe.skipIf(!goroot)('GOROOT/src and GOROOT/src/cmd', () => {
  for (const sub of ['src', 'src/cmd']) {
    it(`${sub}: every requirement credited, no false findings`, () => {
      const p = analyzeTidy({ dir: join(goroot!, ...sub.split('/')), env: { ...env, GOROOT: goroot } });
      expect(p.module.path).toBe(sub === 'src' ? 'std' : 'cmd');
      expect({ remove: p.remove, undecided: p.undecided, add: p.add, missing: p.missing }).toEqual({
        remove: [],
        undecided: [],
        add: [],
        missing: [],
      });
      expect(p.packages.filter((x) => x.main).length).toBeGreaterThan(100);
      expect(p.internalImports).toEqual([]);
      expect(p.mixedPackages).toEqual([]);
    });
  }
});
