// Each go.mod / go.work repair gives the bytes the go command writes for the same change: the
// repair runs on one copy, `go mod edit -FLAG` (or `go work edit`) on another, for every installed
// Go release that has the flag. Comments, blank lines and block layout are part of the comparison.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/exec/run.ts';
import canonical from '../../src/fix/repairs/gomod-canonical-versions.ts';
import dropLocalReplace from '../../src/fix/repairs/gomod-drop-local-replace.ts';
import dropGodebug from '../../src/fix/repairs/gomod-drop-removed-godebug.ts';
import majorPath from '../../src/fix/repairs/gomod-major-path.ts';
import mergeDuplicates from '../../src/fix/repairs/gomod-merge-duplicates.ts';
import dropMissingUse from '../../src/fix/repairs/gowork-drop-missing-use.ts';
import type { Repair } from '../../src/fix/types.ts';
import { goToolchains, titleNeedingGo } from '../helpers/go-matrix.ts';
import { finding, runRepair } from './helpers.ts';

const toolchains = goToolchains().filter((t) => Number(t.version.split('.')[1]) >= 21);

interface Case {
  name: string;
  repair: Repair;
  file: 'go.mod' | 'go.work';
  text: string;
  findings: ReturnType<typeof finding>[];
  goFlags: string[];
  /** Oldest release with the flag. */
  since?: number;
}

const APP = `// The app.
module example.com/app

go 1.21

// deps
require (
	example.com/lib v1.0.0 // pinned
	example.com/other v1.0.0
)

require example.com/lib v1.1.0 // indirect

require (
	example.com/short v1.2
	example.com/third v2.0.0+incompatible
)

// local work
replace example.com/lib => ../lib // mine

replace (
	example.com/other v1.0.0 => ../other
	example.com/x => example.com/y v1.2.0
)
`;

const CASES: Case[] = [
  {
    name: 'drop a versionless local replace',
    repair: dropLocalReplace,
    file: 'go.mod',
    text: APP,
    findings: [
      finding({ cause: 'local-replace', severity: 'error', location: { file: 'go.mod', line: 20 } }),
    ],
    goFlags: ['mod', 'edit', '-dropreplace=example.com/lib'],
  },
  {
    name: 'drop a local replace of one version, in a block',
    repair: dropLocalReplace,
    file: 'go.mod',
    text: APP,
    findings: [finding({ cause: 'replace-target-missing', location: { file: 'go.mod', line: 23 } })],
    goFlags: ['mod', 'edit', '-dropreplace=example.com/other@v1.0.0'],
  },
  {
    name: 'merge a module required twice (the first line keeps its comment)',
    repair: mergeDuplicates,
    file: 'go.mod',
    text: APP,
    findings: [
      finding({
        cause: 'duplicate-requirement',
        module: 'example.com/lib',
        location: { file: 'go.mod', line: 12 },
      }),
    ],
    goFlags: ['mod', 'edit', '-require=example.com/lib@v1.1.0'],
  },
  {
    name: 'canonical versions',
    repair: canonical,
    file: 'go.mod',
    text: APP,
    findings: [
      finding({
        cause: 'invalid-version-syntax',
        location: { file: 'go.mod', line: 15 },
        fixes: [{ description: 'd', command: 'go mod edit -fmt' }],
      }),
    ],
    goFlags: ['mod', 'edit', '-fmt'],
  },
  {
    name: 'drop a use of a missing directory',
    repair: dropMissingUse,
    file: 'go.work',
    text: 'go 1.21\n\n// modules\nuse (\n\t./a\n\t./gone // was here\n)\n\nuse ./b\n',
    findings: [finding({ cause: 'workspace-mismatch', location: { file: 'go.work', line: 6 } })],
    goFlags: ['work', 'edit', '-dropuse=./gone'],
  },
  {
    name: 'drop a removed godebug setting',
    repair: dropGodebug,
    file: 'go.mod',
    text: 'module example.com/app\n\ngo 1.23\n\ngodebug (\n\tdefault=go1.21\n\tx509sha1=1 // old certs\n)\n\ngodebug panicnil=1\n',
    findings: [finding({ cause: 'godebug-removed', location: { file: 'go.mod', line: 7 } })],
    goFlags: ['mod', 'edit', '-dropgodebug=x509sha1'],
    since: 23,
  },
];

describe(titleNeedingGo('go.mod / go.work repairs equal go mod edit', toolchains.length > 0), () => {
  for (const t of toolchains) {
    const minor = Number(t.version.split('.')[1]);
    // A release without the flag has nothing to compare with (not a skip: the case does not exist there).
    for (const c of CASES.filter((x) => x.since === undefined || minor >= x.since)) {
      it(`go ${t.version}: ${c.name}`, async () => {
        const ours = mkdtempSync(join(tmpdir(), 'fix-diff-ours-'));
        const theirs = mkdtempSync(join(tmpdir(), 'fix-diff-go-'));
        for (const dir of [ours, theirs]) {
          writeFileSync(join(dir, c.file), c.text);
          mkdirSync(join(dir, 'a'));
          mkdirSync(join(dir, 'b'));
        }
        const { steps, files } = await runRepair(c.repair, ours, c.findings, { goRelease: t.version });
        expect(steps).toHaveLength(1);
        const edited = files.read(join(ours, c.file))!;
        const go = await run(t.goBin, c.goFlags, {
          cwd: theirs,
          env: {
            PATH: process.env.PATH,
            HOME: theirs,
            GOTOOLCHAIN: 'local',
            GOFLAGS: '',
            GOWORK: c.file === 'go.work' ? join(theirs, 'go.work') : 'off',
          },
          timeoutMs: 30_000,
        });
        expect(go.stderr).toBe('');
        expect(edited.toString('utf8')).toBe(readFileSync(join(theirs, c.file), 'utf8'));
        expect(edited.toString('utf8')).not.toBe(c.text);
      });
    }
  }
});

describe(
  titleNeedingGo('a /vN path: the corrected file as go mod edit -fmt prints it', toolchains.length > 0),
  () => {
    const BROKEN =
      'module example.com/app\n\ngo 1.21\n\nrequire (\n\texample.com/m v2.1.0 // new API\n\texample.com/old v3.0.0\n)\n';
    const FIXED =
      'module example.com/app\n\ngo 1.21\n\nrequire (\n\texample.com/m/v2 v2.1.0 // new API\n\texample.com/old v3.0.0+incompatible\n)\n';
    for (const t of toolchains) {
      it(`go ${t.version}: /v2 where the cache has the v2 module, +incompatible where it has that`, async () => {
        const cache = mkdtempSync(join(tmpdir(), 'fix-major-cache-'));
        for (const [path, version] of [
          ['example.com/m/v2', 'v2.1.0'],
          ['example.com/old', 'v3.0.0+incompatible'],
        ] as const) {
          mkdirSync(join(cache, 'cache', 'download', path, '@v'), { recursive: true });
          writeFileSync(join(cache, 'cache', 'download', path, '@v', `${version}.mod`), `module ${path}\n`);
        }
        const ours = mkdtempSync(join(tmpdir(), 'fix-major-ours-'));
        const theirs = mkdtempSync(join(tmpdir(), 'fix-major-go-'));
        writeFileSync(join(ours, 'go.mod'), BROKEN);
        writeFileSync(join(theirs, 'go.mod'), FIXED);
        const findings = [6, 7].map((line) =>
          finding({ cause: 'major-version-suffix', location: { file: 'go.mod', line } }),
        );
        const { steps, files } = await runRepair(majorPath, ours, findings, {
          goRelease: t.version,
          goenv: { GOMODCACHE: cache },
        });
        expect(steps).toHaveLength(1);
        expect(steps[0]!.also).toHaveLength(1);
        const go = await run(t.goBin, ['mod', 'edit', '-fmt'], {
          cwd: theirs,
          env: { PATH: process.env.PATH, HOME: theirs, GOTOOLCHAIN: 'local', GOFLAGS: '', GOWORK: 'off' },
          timeoutMs: 30_000,
        });
        expect(go.stderr).toBe('');
        expect(files.read(join(ours, 'go.mod'))!.toString('utf8')).toBe(
          readFileSync(join(theirs, 'go.mod'), 'utf8'),
        );
      });
    }
  },
);
