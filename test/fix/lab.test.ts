// Every repair in the lab, through the CLI as a user runs it: the real go command fails on the
// broken project, `fix --apply --yes` changes it so that the same go command succeeds offline
// (GOPROXY=off, a module cache filled beforehand), and `fix --undo` brings back the exact bytes.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/exec/run.ts';
import { cliPath, runCli } from '../helpers/cli.ts';
import { goToolchain, goToolchains, titleNeedingGo } from '../helpers/go-matrix.ts';
import { createSandbox, type Sandbox } from '../lab/kit/sandbox.ts';
import { createUniverse, simpleModule, writeProxyTree } from '../lab/kit/universe.ts';

const toolchain = goToolchain('1.24') ?? goToolchains().at(-1);

const lib = simpleModule('example.com/lib');
lib.versions['v1.1.0'] = { files: { ...lib.versions['v1.0.0']!.files } };
const v2 = {
  path: 'example.com/m/v2',
  versions: {
    'v2.0.0': {
      files: {
        'go.mod': 'module example.com/m/v2\n\ngo 1.19\n',
        'm.go': 'package m\n\nfunc Hello() string { return "v2" }\n',
      },
    },
  },
};
const universe = createUniverse([lib, simpleModule('example.com/other'), v2]);
const LIB_SUMS = universe.goSumLines('example.com/lib', 'v1.0.0');
const MAIN = 'package main\n\nimport "example.com/lib"\n\nfunc main() { println(lib.Hello()) }\n';

let box: Sandbox;
let n = 0;

/** A fresh project directory under the sandbox's work dir. */
function project(files: Record<string, string>): string {
  const dir = join(box.workDir, `p${++n}`);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** The bytes of every file under dir (not the go build output), for "identical after undo". */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[p.slice(dir.length + 1)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

const fix = (dir: string, args: string[] = []) => runCli(['fix', '-C', dir, ...args], { env: box.env });
const goBuild = (dir: string, pattern = './...') =>
  box.go(['build', '-o', '/dev/null', pattern], { cwd: dir });

/** broken → fix --apply --yes → works → fix --undo → the same bytes as before. */
async function repairCycle(
  dir: string,
  args: string[] = [],
  pattern = './...',
): Promise<{ plan: string; repairs: string[] }> {
  const before = snapshot(dir);
  const broken = await goBuild(dir, pattern);
  expect(broken.exitCode, 'the project is broken before').not.toBe(0);
  const plan = await fix(dir, [...args, '--json']);
  expect(plan.exitCode, plan.stderr).toBe(1);
  const repairs = (JSON.parse(plan.stdout) as { repairs: Array<{ repair: string }> }).repairs.map(
    (r) => r.repair,
  );
  const applied = await fix(dir, [...args, '--apply', '--yes']);
  expect(applied.exitCode, applied.stderr).toBe(0);
  expect(applied.stdout).toMatch(/Backup: .*gomod-doctor\/backups\//);
  const built = await goBuild(dir, pattern);
  expect(built.stderr).toBe('');
  expect(built.exitCode).toBe(0);
  const undone = await fix(dir, ['--undo']);
  expect(undone.exitCode, undone.stderr).toBe(0);
  expect(snapshot(dir)).toEqual(before);
  return { plan: plan.stdout, repairs };
}

describe.skipIf(!toolchain)(titleNeedingGo('fix in the lab', toolchain !== undefined), () => {
  beforeAll(async () => {
    box = await createSandbox({ go: toolchain!, env: { GONOSUMDB: 'example.com' } });
    const proxy = join(box.labDir, 'proxy');
    await writeProxyTree(universe, proxy);
    const fill = project({ 'go.mod': 'module fill\n\ngo 1.21\n' });
    const download = await box.go(
      [
        'mod',
        'download',
        'example.com/lib@v1.0.0',
        'example.com/lib@v1.1.0',
        'example.com/other@v1.0.0',
        'example.com/m/v2@v2.0.0',
      ],
      { cwd: fill, env: { GOPROXY: `file://${proxy}` } },
    );
    expect(download.stderr).toBe('');
  });
  afterAll(async () => {
    await box?.dispose();
  });

  it('a missing go.sum is written from the module cache, offline', async () => {
    const dir = project({
      'go.mod': 'module example.com/app\n\ngo 1.21\n\nrequire example.com/lib v1.0.0\n',
      'main.go': MAIN,
    });
    const { repairs } = await repairCycle(dir);
    expect(repairs).toEqual(['gosum-add-from-cache']);
  });

  it('a missing go.sum: the lines written are the ones go mod tidy writes', async () => {
    const dir = project({
      'go.mod': 'module example.com/app\n\ngo 1.21\n\nrequire example.com/lib v1.0.0\n',
      'main.go': MAIN,
    });
    expect((await fix(dir, ['--apply', '--yes'])).exitCode).toBe(0);
    const ours = readFileSync(join(dir, 'go.sum'), 'utf8');
    rmSync(join(dir, 'go.sum'));
    const tidy = await box.go(['mod', 'tidy'], { cwd: dir });
    expect(tidy.stderr).toBe('');
    expect(ours).toBe(readFileSync(join(dir, 'go.sum'), 'utf8'));
  });

  it('in a terminal, --apply asks once: n changes nothing, y applies', async () => {
    const dir = project({
      'go.mod': 'module example.com/app\n\ngo 1.21\n\nrequire example.com/lib v1.0\n',
      'main.go': MAIN,
    });
    const before = readFileSync(join(dir, 'go.mod'), 'utf8');
    // util-linux script(1) gives the CLI a pseudo-terminal; its command line is fixed text with
    // single-quoted paths (script has no argument-vector form).
    const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
    const command = [process.execPath, cliPath, 'fix', '-C', dir, '--apply'].map(quote).join(' ');
    const inTerminal = (input: string) =>
      run('script', ['-qec', command, '/dev/null'], { env: box.env, input, timeoutMs: 60_000 });
    const no = await inTerminal('n\n');
    expect(no.stdout).toMatch(/Apply \d+ repairs?\? \[y\/N\]/);
    expect(no.exitCode).toBe(0);
    expect(readFileSync(join(dir, 'go.mod'), 'utf8')).toBe(before);
    const yes = await inTerminal('y\n');
    expect(yes.exitCode, yes.stdout).toBe(0);
    expect(yes.stdout).toContain('wrote go.mod');
    expect(readFileSync(join(dir, 'go.mod'), 'utf8')).toContain('example.com/lib v1.0.0');
  });

  it('reads a transcript from standard input (--from -) and speaks Chinese', async () => {
    const dir = project({
      'go.mod': 'module example.com/app\n\ngo 1.21\n\nrequire example.com/lib v1.0\n',
      'main.go': MAIN,
    });
    const result = await runCli(['fix', '-C', dir, '--from', '-', '--lang', 'zh-CN'], {
      env: box.env,
      input: 'go: example.com/app imports\n\tnothing here\n',
    });
    expect(result.exitCode, result.stderr).toBe(1);
    expect(result.stdout).toContain('修复：');
    expect(result.stdout).toMatch(/计划了 \d+ 项修复/);
  });

  it('a short version and a module required twice: one line, canonical, and the go.sum lines to go with it', async () => {
    const dir = project({
      'go.mod':
        'module example.com/app\n\ngo 1.21\n\nrequire example.com/lib v1.0.0 // first\n\nrequire (\n\texample.com/lib v1.1.0\n\texample.com/other v1.0\n)\n',
      'main.go': MAIN,
    });
    const { repairs } = await repairCycle(dir);
    expect(repairs).toEqual(['gomod-canonical-versions', 'gomod-merge-duplicates', 'gosum-add-from-cache']);
  });

  it('a v2 version on a path without /v2: the /v2 module the cache holds', async () => {
    const dir = project({
      'go.mod': 'module example.com/app\n\ngo 1.21\n\nrequire example.com/m v2.0.0 // the new API\n',
      'go.sum': universe.goSumLines('example.com/m/v2', 'v2.0.0'),
      'main.go': 'package main\n\nimport "example.com/m/v2"\n\nfunc main() { println(m.Hello()) }\n',
    });
    const { repairs } = await repairCycle(dir);
    expect(repairs).toEqual(['gomod-major-path']);
  });

  it('a replace by a directory that is gone is dropped', async () => {
    const dir = project({
      'go.mod':
        'module example.com/app\n\ngo 1.21\n\nrequire example.com/lib v1.0.0\n\nreplace example.com/lib => ../gone\n',
      'go.sum': LIB_SUMS,
      'main.go': MAIN,
    });
    const { repairs } = await repairCycle(dir);
    expect(repairs).toEqual(['gomod-drop-local-replace']);
  });

  it('a local replace stays, except with --release', async () => {
    const dir = project({
      'go.mod':
        'module example.com/app\n\ngo 1.21\n\nrequire example.com/lib v1.0.0\n\nreplace example.com/lib => ./lib\n',
      'go.sum': LIB_SUMS,
      'main.go': MAIN,
      'lib/go.mod': 'module example.com/lib\n\ngo 1.21\n',
      'lib/lib.go': 'package lib\n\nfunc Hello() string { return "local" }\n',
    });
    const plain = await fix(dir);
    expect(plain.stdout).not.toContain('gomod-drop-local-replace');
    const release = await fix(dir, ['--release', '--apply', '--yes']);
    expect(release.exitCode, release.stderr).toBe(0);
    expect(readFileSync(join(dir, 'go.mod'), 'utf8')).toBe(
      'module example.com/app\n\ngo 1.21\n\nrequire example.com/lib v1.0.0\n',
    );
    const list = await box.go(['list', '-m', '-f', '{{.Replace}}', 'example.com/lib'], { cwd: dir });
    expect(list.stdout.trim()).toBe('<nil>');
    expect((await fix(dir, ['--undo'])).exitCode).toBe(0);
    expect(readFileSync(join(dir, 'go.mod'), 'utf8')).toContain('replace example.com/lib => ./lib');
  });

  it('a go.work use of a missing directory is removed', async () => {
    const dir = project({
      'go.work': 'go 1.21\n\nuse (\n\t./app\n\t./gone\n)\n',
      'app/go.mod': 'module example.com/app\n\ngo 1.21\n\nrequire example.com/lib v1.0.0\n',
      'app/go.sum': LIB_SUMS,
      'app/main.go': MAIN,
    });
    const { repairs } = await repairCycle(dir, [], './app/...');
    expect(repairs).toEqual(['gowork-drop-missing-use']);
  });

  it('malformed and duplicate go.sum lines are dropped', async () => {
    const dir = project({
      'go.mod': 'module example.com/app\n\ngo 1.21\n\nrequire example.com/lib v1.0.0\n',
      'go.sum': `<<<<<<< HEAD\n${LIB_SUMS}${LIB_SUMS.split('\n')[0]}\n=======\nexample.com/lib v1.0.0\n>>>>>>> theirs\n`,
      'main.go': MAIN,
    });
    const { repairs } = await repairCycle(dir);
    expect(repairs).toEqual(['gosum-drop-bad-lines']);
  });

  it('a healthy project plans nothing (exit 0), and --apply writes nothing', async () => {
    const dir = project({
      'go.mod': 'module example.com/app\n\ngo 1.21\n\nrequire example.com/lib v1.0.0\n',
      'go.sum': LIB_SUMS,
      'main.go': MAIN,
    });
    expect((await goBuild(dir)).exitCode).toBe(0);
    const plan = await fix(dir);
    expect(plan.exitCode, plan.stdout + plan.stderr).toBe(0);
    expect(plan.stdout).toContain('Nothing to repair.');
    const json = JSON.parse((await fix(dir, ['--json'])).stdout) as { repairs: unknown[] };
    expect(json.repairs).toEqual([]);
    const before = snapshot(dir);
    expect((await fix(dir, ['--apply', '--yes'])).exitCode).toBe(0);
    expect(snapshot(dir)).toEqual(before);
    expect((await fix(dir, ['--undo'])).exitCode).toBe(2);
  });

  it('without a terminal and without --yes, --apply refuses (exit 2) and changes nothing', async () => {
    const dir = project({
      'go.mod': 'module example.com/app\n\ngo 1.21\n\nrequire example.com/lib v1.0\n',
      'main.go': MAIN,
    });
    const before = snapshot(dir);
    const result = await fix(dir, ['--apply']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('add --yes');
    expect(snapshot(dir)).toEqual(before);
    const zh = await runCli(['fix', '-C', dir, '--apply', '--lang', 'zh-CN'], { env: box.env });
    expect(zh.stderr).toContain('请加上 --yes');
  });

  it('keeps the file mode, backs up outside the project with hashes, and undo refuses a file changed since', async () => {
    const dir = project({
      'go.mod': 'module example.com/app\n\ngo 1.21\n\nrequire example.com/lib v1.0\n',
      'main.go': MAIN,
    });
    const gomod = join(dir, 'go.mod');
    const { chmodSync } = await import('node:fs');
    chmodSync(gomod, 0o600);
    const original = readFileSync(gomod);
    const applied = await fix(dir, ['--apply', '--yes', '--only', 'invalid-version-syntax']);
    expect(applied.exitCode, applied.stderr).toBe(0);
    expect(statSync(gomod).mode & 0o777).toBe(0o600);
    const backupDir = /Backup: (\S+)/.exec(applied.stdout)![1]!;
    expect(backupDir.startsWith(dir)).toBe(false);
    const manifest = JSON.parse(readFileSync(join(backupDir, 'manifest.json'), 'utf8'));
    expect(manifest.files).toEqual([
      expect.objectContaining({
        path: gomod,
        existed: true,
        sha256Before: createHash('sha256').update(original).digest('hex'),
      }),
    ]);
    writeFileSync(gomod, `${readFileSync(gomod, 'utf8')}// edited by hand\n`);
    const refused = await fix(dir, ['--undo']);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain(gomod);
    writeFileSync(gomod, readFileSync(gomod, 'utf8').replace('// edited by hand\n', ''));
    expect((await fix(dir, ['--undo'])).exitCode).toBe(0);
    expect(readFileSync(gomod).equals(original)).toBe(true);
    expect(statSync(gomod).mode & 0o777).toBe(0o600);
  });

  it('refuses a symlinked go.sum (exit 2) and changes nothing', async () => {
    const dir = project({
      'go.mod': 'module example.com/app\n\ngo 1.21\n\nrequire example.com/lib v1.0.0\n',
      'main.go': MAIN,
      'elsewhere.sum': `${LIB_SUMS}garbage line\n`,
    });
    symlinkSync(join(dir, 'elsewhere.sum'), join(dir, 'go.sum'));
    const before = snapshot(dir);
    const result = await fix(dir, ['--apply', '--yes']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('symbolic link');
    expect(snapshot(dir)).toEqual(before);
  });
});
