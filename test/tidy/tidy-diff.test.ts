// Accuracy: fixture projects against a local module universe (the lab's GOPROXY server). For
// each fixture and Go release, the real `go mod tidy` runs on a copy (which fills a throw-away
// module cache through the proxy); then tidy-check predicts, from the untouched project and that
// cache alone, what tidy does — and the requirement lists must be identical (path, version,
// `// indirect`). Go 1.23+ also runs `go mod tidy -diff` on the original to confirm "not tidy".
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseGoMod } from '../../src/modfile/index.ts';
import { analyzeTidy } from '../../src/tidy/analyze.ts';
import { loadModuleGraph, versionReason } from '../../src/tidy/why.ts';
import { FIXTURES, type Fixture } from '../fixtures/tidy/projects.ts';
import { UNIVERSE } from '../fixtures/tidy/universe.ts';
import { goToolchains, titleNeedingGo } from '../helpers/go-matrix.ts';
import type { ProxyServer } from '../lab/kit/proxy-server.ts';
import { startProxyServer } from '../lab/kit/proxy-server.ts';
import { createSandbox, type Sandbox } from '../lab/kit/sandbox.ts';
import { createUniverse, type ModuleDecl } from '../lab/kit/universe.ts';

// Every supported release; TIDY_DIFF_RELEASES (comma-separated) narrows the run.
const wantedReleases = (process.env.TIDY_DIFF_RELEASES ?? '1.19,1.21,1.22,1.23,1.24,1.25,1.26,1.27').split(
  ',',
);
const toolchains = goToolchains().filter((t) => wantedReleases.includes(t.version));

let proxy: ProxyServer | undefined;
beforeAll(async () => {
  if (toolchains.length === 0) return;
  proxy = await startProxyServer({ universe: createUniverse(UNIVERSE as ModuleDecl[]) });
});
afterAll(async () => {
  await proxy?.close();
});

interface Req {
  path: string;
  version: string;
  indirect: boolean;
}

function requiresOf(text: string): Req[] {
  return parseGoMod(text, { filename: 'go.mod' })
    .file.require.map((r) => ({ path: r.path, version: r.version, indirect: r.indirect }))
    .sort((a, b) => (a.path < b.path ? -1 : 1));
}

async function runFixture(fixture: Fixture, tc: (typeof toolchains)[number]) {
  const sandbox: Sandbox = await createSandbox({ go: tc, goproxy: proxy!.url });
  try {
    const original = join(sandbox.workDir, 'orig');
    const tidied = join(sandbox.workDir, 'tidied');
    mkdirSync(original, { recursive: true });
    for (const [name, text] of Object.entries(fixture.files)) {
      const path = join(original, name);
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, text);
    }
    for (const [link, target] of Object.entries(fixture.symlinks ?? {})) {
      const { symlinkSync } = await import('node:fs');
      symlinkSync(target, join(original, link));
    }
    cpSync(original, tidied, { recursive: true, verbatimSymlinks: true });
    const dir = fixture.moduleDir ?? '.';
    const tidy = await sandbox.go(fixture.fails ? ['mod', 'tidy', '-e'] : ['mod', 'tidy'], {
      cwd: join(tidied, dir),
    });
    if (!fixture.fails) expect(tidy.exitCode, `${fixture.name} go ${tc.version}: ${tidy.stderr}`).toBe(0);
    const before = readFileSync(join(original, dir, 'go.mod'), 'utf8');
    const after = readFileSync(join(tidied, dir, 'go.mod'), 'utf8');

    // The environment of the user: a go.work, if the fixture has one, is found as the go command would.
    const prediction = analyzeTidy({ dir: join(original, dir), env: sandbox.env });
    if (fixture.fails) {
      // Every import tidy could not resolve, against ours (missing without a cache answer, and ambiguous).
      const reported = new Set(
        [
          ...tidy.stderr.matchAll(
            /^\s*(\S+): (?:cannot find module providing package|module \S+ found \(\S+\), but does not contain package|ambiguous import|package \S+ is not in (?:GOROOT|std)|[^\n]*main module \(\S+\) does not contain package)/gm,
          ),
        ].map((m) => m[1]),
      );
      const ours = new Set([
        ...prediction.missing.filter((m) => !m.guess).map((m) => m.importPath),
        ...prediction.ambiguous.map((a) => a.importPath),
      ]);
      expect(reported.size, tidy.stderr).toBeGreaterThan(0);
      expect([...ours].sort(), tidy.stderr).toEqual([...reported].sort());
    }
    const predicted = prediction.result.map((r) => ({ ...r })).sort((a, b) => (a.path < b.path ? -1 : 1));
    expect({ fixture: fixture.name, go: tc.version, requires: predicted }).toEqual({
      fixture: fixture.name,
      go: tc.version,
      requires: requiresOf(after),
    });

    // The add / remove / re-mark sets follow from the lists; check that they agree with the files.
    const old = new Map(requiresOf(before).map((r) => [r.path, r]));
    const now = new Map(requiresOf(after).map((r) => [r.path, r]));
    expect(prediction.add.map((r) => r.path).sort()).toEqual(
      [...now.keys()].filter((p) => !old.has(p)).sort(),
    );
    expect(prediction.remove.map((r) => r.path).sort()).toEqual(
      [...old.keys()].filter((p) => !now.has(p)).sort(),
    );
    expect(prediction.indirect.map((r) => r.path).sort()).toEqual(
      [...now.keys()].filter((p) => old.has(p) && old.get(p)!.indirect !== now.get(p)!.indirect).sort(),
    );
    for (const check of fixture.expect ?? []) check(prediction);
    // With the same requirement lists, go.mod changes exactly when the require lines move (the
    // go 1.27 layout) — what `go mod tidy -diff` of that release shows.
    if (
      prediction.add.length +
        prediction.remove.length +
        prediction.indirect.length +
        prediction.upgrade.length ===
      0
    )
      expect({ changed: before !== after, after }).toEqual({ changed: prediction.layout.length > 0, after });

    // The module graph of the tidied module, read offline, has exactly the edges `go mod graph`
    // prints (without its go@ and toolchain@ entries). Workspaces: go mod graph shows the
    // workspace's graph, which loadModuleGraph does not claim to build.
    if (!fixture.fails && !fixture.files['go.work']) {
      const graph = await sandbox.go(['mod', 'graph'], { cwd: join(tidied, dir), env: { GOWORK: 'off' } });
      expect(graph.exitCode, graph.stderr).toBe(0);
      const theirs = graph.stdout
        .split('\n')
        .filter((line) => line && !/ (?:go|toolchain)@/.test(line) && !/^(?:go|toolchain)@/.test(line))
        .sort();
      const loaded = loadModuleGraph({ dir: join(tidied, dir), env: { ...sandbox.env, GOWORK: 'off' } });
      const ours: string[] = [];
      for (const [from, requirements] of loaded.graph.edges) {
        const fromText = from.endsWith('@') ? from.slice(0, -1) : from;
        for (const r of requirements) ours.push(`${fromText} ${r.path}@${r.version}`);
      }
      expect([...new Set(ours)].sort(), `${fixture.name} go ${tc.version}`).toEqual([...new Set(theirs)]);
      // ... and selects what `go list -m all` lists: the versions `tidy-check --why` explains.
      const list = await sandbox.go(['list', '-m', '-f', '{{.Path}} {{.Version}}', 'all'], {
        cwd: join(tidied, dir),
        env: { GOWORK: 'off', GOFLAGS: '-mod=mod' },
      });
      expect(list.exitCode, list.stderr).toBe(0);
      const listed = list.stdout.split('\n').filter(Boolean).sort();
      const selected = [...loaded.graph.selected].map(([path, version]) => `${path} ${version}`).sort();
      expect(selected, `${fixture.name} go ${tc.version}`).toEqual(listed);
      // Every selected version is explained by at least one requirement edge at that version.
      for (const line of listed) {
        const [path, version] = line.split(' ') as [string, string];
        if (version === '') continue;
        const reason = versionReason(loaded, path);
        expect(reason.selected).toBe(version);
        expect(reason.requiredBy[0]?.version, `${path}: ${JSON.stringify(reason.requiredBy)}`).toBe(version);
      }
    }

    const minor = Number(tc.version.split('.')[1]);
    if (minor >= 23) {
      const diff = await sandbox.go(['mod', 'tidy', '-diff'], {
        cwd: join(original, dir),
        env: { GOWORK: 'off' },
      });
      const changes =
        prediction.add.length +
        prediction.remove.length +
        prediction.indirect.length +
        prediction.upgrade.length +
        prediction.layout.length;
      // -diff also reports go.sum changes; the fixtures have no go.sum, so any needed module changes it.
      if (changes > 0) expect(diff.exitCode, diff.stdout + diff.stderr).toBe(1);
    }
  } finally {
    await sandbox.dispose();
  }
}

describe.skipIf(toolchains.length === 0)(
  titleNeedingGo('tidy-check vs go mod tidy', toolchains.length > 0),
  () => {
    for (const tc of toolchains) {
      for (const fixture of FIXTURES) {
        if (fixture.minGo && Number(tc.version.split('.')[1]) < fixture.minGo) continue;
        it(`${fixture.name} (go ${tc.version})`, async () => {
          await runFixture(fixture, tc);
        });
      }
    }
  },
);

// Which module paths tidy asks about for an import nobody provides: `go mod tidy -x` (1.23+)
// prints every proxy request; a proxy on a closed loopback port makes each one fail at once.
const tracing = toolchains.filter((t) => Number(t.version.split('.')[1]) >= 23);
describe.skipIf(tracing.length === 0)(
  titleNeedingGo('lookups predicted vs go mod tidy -x', tracing.length > 0),
  () => {
    for (const tc of tracing) {
      it(`go ${tc.version}`, async () => {
        const sandbox = await createSandbox({ go: tc, goproxy: 'http://127.0.0.1:9' });
        try {
          await sandbox.writeFiles({
            'go.mod': 'module example.com/m9\n\ngo 1.18\n',
            'a.go':
              'package a\n\nimport (\n\t_ "example.com/m9/nodir"\n\t_ "corp.example.net/team/lib/pkg"\n\t_ "nodot/std"\n)\n',
          });
          const res = await sandbox.go(['mod', 'tidy', '-e', '-x']);
          const asked = new Set(
            [...res.stderr.matchAll(/^# get http:\/\/127\.0\.0\.1:9\/(\S+)\/@v\/list$/gm)].map((m) => m[1]),
          );
          const prediction = analyzeTidy({ dir: sandbox.workDir, env: sandbox.env });
          const ours = new Set(prediction.missing.flatMap((m) => m.lookups.map((l) => l.modulePath)));
          expect(asked.size, res.stderr).toBeGreaterThan(0);
          expect([...ours].sort()).toEqual([...asked].sort());
          for (const m of prediction.missing) {
            for (const l of m.lookups)
              expect(l.via).toEqual([{ kind: 'proxy', url: 'http://127.0.0.1:9', fallBackOnError: false }]);
          }
        } finally {
          await sandbox.dispose();
        }
      });
    }
  },
);
