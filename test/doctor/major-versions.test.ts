// The major-version rules, each proven with the real go command of several releases first (it
// fails with the message the finding quotes), then named by the doctor on the version token with
// the line to write; and a healthy twin of each, which the go command accepts and the doctor leaves alone.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runDoctor } from '../../src/doctor/run.ts';
import { goToolchain, NO_GO_REASON } from '../helpers/go-matrix.ts';
import { createGitRepository, redirectGitHost } from '../lab/kit/git.ts';
import { createSandbox, type Sandbox } from '../lab/kit/sandbox.ts';
import { createUniverse, writeProxyTree } from '../lab/kit/universe.ts';

const RELEASES = ['1.19', '1.24', '1.27'].filter((v) => goToolchain(v));

const universe = createUniverse([
  {
    path: 'example.com/lib',
    versions: { 'v1.0.0': { files: { 'go.mod': 'module example.com/lib\n', 'l.go': 'package lib\n' } } },
  },
  {
    path: 'example.com/lib/v2',
    versions: { 'v2.0.0': { files: { 'go.mod': 'module example.com/lib/v2\n', 'l.go': 'package lib\n' } } },
  },
  {
    path: 'gopkg.in/yaml.v2',
    versions: { 'v2.4.0': { files: { 'go.mod': 'module gopkg.in/yaml.v2\n', 'y.go': 'package yaml\n' } } },
  },
]);

// Served by git in direct mode: the +incompatible rule lives in the version lookup.
const gitUniverse = createUniverse([
  {
    path: 'lab.example/mod.git',
    versions: {
      'v1.0.0': { files: { 'go.mod': 'module lab.example/mod.git\n', 'm.go': 'package mod\n' } },
    },
  },
  {
    path: 'lab.example/mod.git/v2',
    versions: {
      'v2.0.0': { files: { 'go.mod': 'module lab.example/mod.git/v2\n', 'm.go': 'package mod\n' } },
    },
  },
  // No go.mod: v2 is reachable only as +incompatible.
  { path: 'lab.example/old.git', versions: { 'v2.0.0': { files: { 'o.go': 'package old\n' } } } },
]);

interface Case {
  name: string;
  body: string;
  /** The go command that fails, and what it prints. */
  goArgs: string[];
  error: string;
  line: number;
  column: number;
  fix: string;
  twin: string;
  git?: boolean;
}

const CASES: Case[] = [
  {
    name: 'a /v2 path required at v1',
    body: '\nrequire example.com/lib/v2 v1.0.0\n',
    goArgs: ['list', '-m', 'all'],
    error: 'go.mod:5: require example.com/lib/v2: version "v1.0.0" invalid: should be v2, not v1',
    line: 5,
    column: 28,
    fix: 'require example.com/lib v1.0.0',
    twin: '\nrequire example.com/lib/v2 v2.0.0\n',
  },
  {
    name: 'an unsuffixed path at v2, in a require block',
    body: '\nrequire (\n\texample.com/lib v2.0.0\n)\n',
    goArgs: ['list', '-m', 'all'],
    error: 'go.mod:6:2: require example.com/lib: version "v2.0.0" invalid: should be v0 or v1, not v2',
    line: 6,
    column: 18,
    fix: 'require example.com/lib/v2 v2.0.0',
    twin: '\nrequire (\n\texample.com/lib v1.0.0\n)\n',
  },
  {
    name: "gopkg.in's .v2 at v3",
    body: '\nrequire gopkg.in/yaml.v2 v3.0.0\n',
    goArgs: ['list', '-m', 'all'],
    error: 'go.mod:5: require gopkg.in/yaml.v2: version "v3.0.0" invalid: should be v2, not v3',
    line: 5,
    column: 26,
    fix: 'require gopkg.in/yaml.v3 v3.0.0',
    twin: '\nrequire gopkg.in/yaml.v2 v2.4.0\n',
  },
  {
    name: 'an exclude of a /v2 path at v1',
    body: '\nrequire example.com/lib/v2 v2.0.0\n\nexclude example.com/lib/v2 v1.0.0\n',
    goArgs: ['list', '-m', 'all'],
    error: 'go.mod:7: exclude example.com/lib/v2: version "v1.0.0" invalid: should be v2, not v1',
    line: 7,
    column: 28,
    fix: 'exclude example.com/lib v1.0.0',
    twin: '\nrequire example.com/lib/v2 v2.0.0\n\nexclude example.com/lib v1.0.0\n',
  },
  {
    name: 'a replacement at a /v2 path with a v1 version',
    body: '\nrequire example.com/lib v1.0.0\n\nreplace example.com/lib => example.com/lib/v2 v1.0.0\n',
    goArgs: ['list', '-m', 'all'],
    error: 'go.mod:7: replace example.com/lib/v2: version "v1.0.0" invalid: should be v2, not v1',
    line: 7,
    column: 47,
    fix: 'replace example.com/lib => example.com/lib v1.0.0',
    twin: '\nrequire example.com/lib v1.0.0\n\nreplace example.com/lib => example.com/lib/v2 v2.0.0\n',
  },
  {
    name: 'a retraction of another major than the module path has',
    body: '\nretract [v1.0.0, v2.0.0]\n',
    goArgs: ['list', '-m', 'all'],
    error: 'go.mod:5: retract example.com/app: version "v2.0.0" invalid: should be v0 or v1, not v2',
    line: 5,
    column: 18,
    fix: 'Remove the version',
    twin: '\nretract [v1.0.0, v1.9.0]\n',
  },
  {
    name: '+incompatible on a v1 version',
    body: '\nrequire lab.example/mod.git v1.0.0+incompatible\n',
    goArgs: ['mod', 'download'],
    error:
      'lab.example/mod.git@v1.0.0+incompatible: invalid version: +incompatible suffix not allowed: major version v1 is compatible',
    line: 5,
    column: 29,
    fix: 'require lab.example/mod.git v1.0.0',
    twin: '\nrequire lab.example/old.git v2.0.0+incompatible\n',
    git: true,
  },
  {
    name: '+incompatible on a /v2 path',
    body: '\nrequire lab.example/mod.git/v2 v2.0.0+incompatible\n',
    goArgs: ['mod', 'download'],
    error:
      'lab.example/mod.git/v2@v2.0.0+incompatible: invalid version: +incompatible suffix not allowed: major version v2 is compatible',
    line: 5,
    column: 32,
    fix: 'require lab.example/mod.git/v2 v2.0.0',
    twin: '\nrequire lab.example/mod.git/v2 v2.0.0\n',
    git: true,
  },
];

const sandboxes: Sandbox[] = [];
afterAll(async () => {
  await Promise.all(sandboxes.map((s) => s.dispose()));
});

async function setUp(release: string, c: Case, body: string): Promise<Sandbox> {
  const go = goToolchain(release)!;
  const sandbox = await createSandbox({
    go,
    goproxy: 'off',
    env: { GOFLAGS: '-mod=mod -modcacherw', GOSUMDB: 'off' },
  });
  sandboxes.push(sandbox);
  if (c.git) {
    const repos = join(sandbox.labDir, 'repos');
    await createGitRepository(gitUniverse, 'lab.example/mod.git', { dir: join(repos, 'mod') });
    await createGitRepository(gitUniverse, 'lab.example/old.git', { dir: join(repos, 'old') });
    // The /v2 module lives in the same repository, tagged v2.0.0 with its own go.mod at the root.
    await sandbox.exec('git', [
      '--git-dir',
      join(repos, 'mod'),
      'fetch',
      '-q',
      (await createGitRepository(gitUniverse, 'lab.example/mod.git/v2', { dir: join(repos, 'mod-v2') })).dir,
      'refs/tags/v2.0.0:refs/tags/v2.0.0',
    ]);
    await redirectGitHost(sandbox, 'lab.example', `file://${repos}/`);
    sandbox.env.GOPROXY = 'direct';
  } else {
    const tree = join(sandbox.labDir, 'proxy');
    await writeProxyTree(universe, tree);
    sandbox.env.GOPROXY = `file://${tree}`;
  }
  await sandbox.writeFiles({
    'go.mod': `module example.com/app\n\ngo 1.19\n${body}`,
    'main.go': 'package main\n\nfunc main() {}\n',
  });
  return sandbox;
}

async function majorFindings(sandbox: Sandbox) {
  const env = Object.fromEntries(Object.entries(sandbox.env).filter(([, v]) => v !== undefined)) as Record<
    string,
    string
  >;
  const result = await runDoctor({
    cwd: sandbox.workDir,
    env,
    lang: 'en',
    only: ['project/major-versions', 'project/gomod-syntax'],
  });
  return result.report.findings;
}

describe.skipIf(RELEASES.length === 0)(
  `major-version rules against go ${RELEASES.join(', ')}${RELEASES.length ? '' : ` (${NO_GO_REASON})`}`,
  () => {
    for (const release of RELEASES) {
      for (const c of CASES) {
        it(`go ${release}: ${c.name}`, async () => {
          const sandbox = await setUp(release, c, c.body);
          const findings = await majorFindings(sandbox);
          const broken = await sandbox.go(c.goArgs, { timeoutMs: 60_000 });
          expect(broken.exitCode, broken.stdout).not.toBe(0);
          expect(broken.stderr).toContain(c.error.replace(/^go\.mod:/, ''));
          expect(findings, JSON.stringify(findings, null, 1)).toHaveLength(1);
          const f = findings[0]!;
          expect(f.cause).toBe('major-version-suffix');
          expect(f.severity).toBe('error');
          expect(f.location).toEqual({ file: 'go.mod', line: c.line, column: c.column });
          expect(f.evidence?.[0]?.text).toContain(c.error);
          expect(f.fixes?.[0]?.description).toContain(c.fix);

          const twin = await setUp(release, c, c.twin);
          const none = await majorFindings(twin);
          expect(none, JSON.stringify(none, null, 1)).toEqual([]);
          const healthy = await twin.go(c.goArgs, { timeoutMs: 60_000 });
          expect(healthy.exitCode, healthy.stderr).toBe(0);
        }, 120_000);
      }
    }
  },
);
