// The repairs that are not go.mod edits, each against the real go command where there is one:
// the go env file against `go env -w` / `go env -u` (differential), the removed godebug line
// against Go 1.27 (which refuses it), cache eviction against `go build` in the lab, the chown
// advice, the diff against `git apply`, and apply's refusal of a file changed after planning.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/exec/run.ts';
import { applyPlan } from '../../src/fix/apply.ts';
import { unifiedDiff } from '../../src/fix/diff.ts';
import { FixRefusal } from '../../src/fix/errors.ts';
import { updateGoEnvFile } from '../../src/fix/goenvfile.ts';
import { planFix } from '../../src/fix/plan.ts';
import goenvSet, { settingChange } from '../../src/fix/repairs/goenv-set.ts';
import dropGodebug from '../../src/fix/repairs/gomod-drop-removed-godebug.ts';
import gosumAdd from '../../src/fix/repairs/gosum-add-from-cache.ts';
import modcacheChown from '../../src/fix/repairs/modcache-chown.ts';
import { leftoverVersion } from '../../src/fix/repairs/modcache-evict.ts';
import { runCli } from '../helpers/cli.ts';
import { goToolchain, goToolchains } from '../helpers/go-matrix.ts';
import { createSandbox, type Sandbox } from '../lab/kit/sandbox.ts';
import { createUniverse, simpleModule, writeProxyTree } from '../lab/kit/universe.ts';
import { finding, runRepair } from './helpers.ts';

const newest = goToolchains().at(-1)!;
const go127 = goToolchain('1.27');
const tmp = () => mkdtempSync(join(tmpdir(), 'fix-repairs-'));

describe('the go env file, as go env -w / -u write it', () => {
  const START =
    '# mine\nGOPROXY=https://a.example\nGOFLAGS=-mod=mod\nGOPRIVATE=old.example\n\nZED=1\nGONOSUMDB=x\nGOPRIVATE=dup.example\nABC=2';
  const CHANGES: Array<[string, string | undefined]> = [
    ['GOPRIVATE', 'corp.example.com,old.example'],
    ['GOPROXY', 'https://proxy.golang.org,direct'],
    ['GONOSUMDB', 'corp.example.com'],
    ['GOFLAGS', '-mod=readonly'],
    ['GOPRIVATE', undefined],
    ['GONOPROXY', 'new.example'],
  ];
  for (const toolchain of goToolchains()) {
    it.each(CHANGES)(`go ${toolchain.version}: %s=%s`, async (name, value) => {
      const home = tmp();
      const file = join(home, 'env');
      writeFileSync(file, START);
      const ours = updateGoEnvFile(
        START,
        value === undefined ? new Map() : new Map([[name, value]]),
        value === undefined ? new Set([name]) : new Set(),
      );
      const args = value === undefined ? ['env', '-u', name] : ['env', '-w', `${name}=${value}`];
      const go = await run(toolchain.goBin, args, {
        cwd: home,
        env: { PATH: process.env.PATH, HOME: home, GOENV: file, GOTOOLCHAIN: 'local' },
        timeoutMs: 30_000,
      });
      expect(go.stderr).toBe('');
      expect(ours).toBe(readFileSync(file, 'utf8'));
    });
  }

  it('takes the exact change from the finding, and never a placeholder', () => {
    expect(settingChange('go env -w GOPRIVATE=corp.example.com')).toEqual({
      name: 'GOPRIVATE',
      value: 'corp.example.com',
    });
    expect(settingChange(`go env -w GOPROXY='https://proxy.golang.org|https://goproxy.cn|direct'`)).toEqual({
      name: 'GOPROXY',
      value: 'https://proxy.golang.org|https://goproxy.cn|direct',
    });
    expect(settingChange('go env -u GONOPROXY')).toEqual({ name: 'GONOPROXY' });
    expect(settingChange('go env -w GOPROXY=https://<internal-go-proxy>')).toBeUndefined();
    expect(settingChange('go env -w GOPRIVATE=git.example.com/your-org')).toBeUndefined();
    expect(settingChange('go env -w GOTOOLCHAIN=local')).toBeUndefined();
  });

  it('writes the go env file through the plan; in CI prints the environment form instead', async () => {
    const home = tmp();
    const goenv = join(home, 'config', 'go', 'env');
    const f = finding({
      cause: 'private-module-via-proxy',
      fixes: [{ description: 'd', command: 'go env -w GOPRIVATE=corp.example.com' }],
    });
    const local = await runRepair(goenvSet, home, [f], { env: { GOENV: goenv, HOME: home } });
    expect(local.steps).toHaveLength(1);
    expect(local.files.read(goenv)?.toString()).toBe('GOPRIVATE=corp.example.com\n');
    const ci = await runRepair(goenvSet, home, [f], { env: { GOENV: goenv, HOME: home, CI: 'true' } });
    expect(ci.steps[0]!.files).toEqual([]);
    expect(ci.steps[0]!.commands).toEqual(['export GOPRIVATE=corp.example.com']);
  });
});

describe.skipIf(!go127)('a removed godebug setting (Go 1.27 refuses it)', () => {
  it('from a transcript line: the line goes, and go 1.27 builds', async () => {
    const dir = tmp();
    writeFileSync(
      join(dir, 'go.mod'),
      'module m\n\ngo 1.23\n\n// timers\ngodebug asynctimerchan=1\n\ngodebug panicnil=1\n',
    );
    writeFileSync(join(dir, 'main.go'), 'package main\n\nfunc main() {}\n');
    const env = { PATH: process.env.PATH, HOME: dir, GOTOOLCHAIN: 'local', GOFLAGS: '', GOPROXY: 'off' };
    // go list loads go.mod as a build does, without compiling the standard library.
    const broken = await run(go127!.goBin, ['list', './...'], { cwd: dir, env, timeoutMs: 60_000 });
    expect(broken.exitCode).not.toBe(0);
    const line = broken.stderr.split('\n').find((l) => l.includes('removed GODEBUG'))!;
    expect(line).toMatch(/^go\.mod:6: removed GODEBUG "asynctimerchan"/);
    const f = finding({
      cause: 'godebug-removed',
      evidence: [{ source: 'transcript', line: 2, text: line }],
    });
    const { steps, files } = await runRepair(dropGodebug, dir, [f], { goRelease: '1.27' });
    expect(steps).toHaveLength(1);
    writeFileSync(join(dir, 'go.mod'), files.read(join(dir, 'go.mod'))!);
    expect(readFileSync(join(dir, 'go.mod'), 'utf8')).toBe('module m\n\ngo 1.23\n\ngodebug panicnil=1\n');
    const built = await run(go127!.goBin, ['list', './...'], { cwd: dir, env, timeoutMs: 60_000 });
    expect(built.stderr).toBe('');
    expect(built.stdout.trim()).toBe('m');
  });
});

describe('the module cache', () => {
  let box: Sandbox;
  let proxy: string;
  const universe = createUniverse([simpleModule('example.com/lib')]);
  beforeAll(async () => {
    box = await createSandbox({
      go: goToolchain('1.24') ?? newest,
      goflags: '',
      env: { GONOSUMDB: 'example.com' },
    });
    proxy = join(box.labDir, 'proxy');
    await writeProxyTree(universe, proxy);
  });
  afterAll(async () => {
    await box?.dispose();
  });

  it('a damaged zip in the cache: exactly that version is evicted (read-only tree included), and the build works again', async () => {
    const dir = join(box.workDir, 'cut');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'go.mod'),
      'module example.com/app\n\ngo 1.21\n\nrequire example.com/lib v1.0.0\n',
    );
    writeFileSync(join(dir, 'go.sum'), universe.goSumLines('example.com/lib', 'v1.0.0'));
    writeFileSync(
      join(dir, 'main.go'),
      'package main\n\nimport "example.com/lib"\n\nfunc main() { println(lib.Hello()) }\n',
    );
    const env = { GOPROXY: `file://${proxy}` };
    const list = ['list', '-deps', '-f', '{{.ImportPath}}', '.'];
    expect((await box.go(list, { cwd: dir, env })).exitCode).toBe(0);
    // The damage: a truncated zip and no extracted tree (an interrupted download or a full disk).
    const at = join(box.gomodcache, 'cache', 'download', 'example.com', 'lib', '@v');
    const tree = join(box.gomodcache, 'example.com', 'lib@v1.0.0');
    execFileSync('chmod', ['-R', 'u+w', tree]);
    rmSync(tree, { recursive: true });
    const zip = readFileSync(join(at, 'v1.0.0.zip'));
    writeFileSync(join(at, 'v1.0.0.zip'), zip.subarray(0, zip.length / 2));
    const broken = await box.go(list, { cwd: dir, env });
    expect(broken.stderr).toContain('not a valid zip file');
    const transcript = join(box.labDir, 'broken.txt');
    writeFileSync(transcript, broken.stderr);
    // Something else in the cache, which must stay.
    const other = join(box.gomodcache, 'cache', 'download', 'example.com', 'keep');
    mkdirSync(other, { recursive: true });
    const args = ['fix', '-C', dir, '--from', transcript, '--only', 'modcache-corrupt'];
    const plan = await runCli([...args, '--json'], { env: box.env });
    const repairs = JSON.parse(plan.stdout).repairs;
    expect(repairs.map((r: { repair: string }) => r.repair)).toEqual(['modcache-evict']);
    const expected = ['info', 'lock', 'mod', 'zip', 'ziphash']
      .map((s) => join(at, `v1.0.0.${s}`))
      .filter(existsSync);
    expect([...repairs[0].evict].sort()).toEqual(expected.sort());
    const applied = await runCli([...args, '--apply', '--yes'], { env: box.env });
    expect(applied.exitCode, applied.stderr).toBe(0);
    for (const path of expected) expect(existsSync(path)).toBe(false);
    // The plan and the apply say that undo cannot bring the cache entries back, and undo says so too.
    expect(applied.stderr).toContain('fix --undo does not bring it back');
    expect(applied.stdout).toContain(
      'Module cache entries are not backed up: fix --undo cannot bring them back',
    );
    const undone = await runCli(['fix', '-C', dir, '--undo'], { env: box.env });
    expect(undone.exitCode, undone.stderr).toBe(0);
    expect(undone.stdout).toContain(`Not restored: module cache entries the apply removed`);
    for (const path of expected) expect(undone.stdout).toContain(path);
    expect(undone.stdout).toMatch(/Nothing restored from .*: that apply only removed module cache entries/);
    for (const path of expected) expect(existsSync(path)).toBe(false);
    expect(existsSync(other)).toBe(true);
    const fixed = await box.go(list, { cwd: dir, env });
    expect(fixed.exitCode, fixed.stderr).toBe(0);
    expect(fixed.stderr).toBe('go: downloading example.com/lib v1.0.0\n');
    expect(fixed.stdout).toContain('example.com/lib');
  });

  it('the whole cache only with --only modcache-corrupt --all', async () => {
    const dir = join(box.workDir, 'all');
    mkdirSync(dir);
    writeFileSync(join(dir, 'go.mod'), 'module example.com/app\n\ngo 1.21\n');
    const at = join(box.gomodcache, 'cache', 'download', 'example.com', 'lib', '@v');
    mkdirSync(at, { recursive: true });
    writeFileSync(join(at, 'v9.0.0.partial'), '');
    const one = await runCli(['fix', '-C', dir, '--json', '--only', 'modcache-corrupt'], { env: box.env });
    expect(JSON.parse(one.stdout).repairs[0].evict).toEqual([join(at, 'v9.0.0.partial')]);
    const all = await runCli(['fix', '-C', dir, '--json', '--only', 'modcache-corrupt', '--all'], {
      env: box.env,
    });
    expect(JSON.parse(all.stdout).repairs[0].evict).toEqual([box.gomodcache]);
    const refused = await runCli(['fix', '-C', dir, '--all'], { env: box.env });
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('--only modcache-corrupt');
    rmSync(join(at, 'v9.0.0.partial'));
  });

  it('knows which version a leftover belongs to', () => {
    const mc = '/c';
    expect(leftoverVersion(mc, '/c/cache/download/github.com/!azure/x/@v/v1.2.0.zip.partial')).toEqual({
      module: 'github.com/Azure/x',
      version: 'v1.2.0',
    });
    expect(leftoverVersion(mc, '/c/cache/download/example.com/a/@v/v1.0.0.zip123.tmp')).toEqual({
      module: 'example.com/a',
      version: 'v1.0.0',
    });
    expect(leftoverVersion(mc, '/c/example.com/a@v1.0.0.tmp-4711')).toEqual({
      module: 'example.com/a',
      version: 'v1.0.0',
    });
    expect(leftoverVersion(mc, '/elsewhere/x')).toBeUndefined();
  });

  it('never writes a go.sum line for a zip whose hash disagrees with the one the go command recorded', async () => {
    const cache = tmp();
    const at = join(cache, 'cache', 'download', 'example.com', 'lib', '@v');
    mkdirSync(at, { recursive: true });
    writeFileSync(join(at, 'v1.0.0.mod'), universe.mod('example.com/lib', 'v1.0.0'));
    writeFileSync(join(at, 'v1.0.0.zip'), universe.zip('example.com/lib', 'v1.0.0'));
    writeFileSync(join(at, 'v1.0.0.ziphash'), 'h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n');
    const dir = tmp();
    writeFileSync(
      join(dir, 'go.mod'),
      'module example.com/app\n\ngo 1.21\n\nrequire example.com/lib v1.0.0\n',
    );
    const f = finding({ cause: 'missing-go-sum-entry', location: { file: 'go.mod' } });
    const { files } = await runRepair(gosumAdd, dir, [f], { goenv: { GOMODCACHE: cache } });
    // The go.mod line only: the zip is not trusted.
    expect(files.read(join(dir, 'go.sum'))?.toString()).toBe(
      `example.com/lib v1.0.0/go.mod ${universe.sums('example.com/lib', 'v1.0.0').mod}\n`,
    );
  });
});

describe('advice for a cache of another user', () => {
  it('prints sudo chown with the path quoted, and runs nothing', async () => {
    const f = finding({
      cause: 'modcache-permission',
      fixes: [{ description: 'd', command: `sudo chown -R "$(id -u):$(id -g)" /home/o'neil/go mod` }],
    });
    const { steps } = await runRepair(modcacheChown, tmp(), [f]);
    const uid = process.getuid!();
    const gid = process.getgid!();
    expect(steps[0]!.commands).toEqual([`sudo chown -R ${uid}:${gid} -- '/home/o'\\''neil/go mod'`]);
    expect(steps[0]!.files).toEqual([]);
  });
});

describe('the plan', () => {
  it('unified diffs that git apply takes', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const dir = tmp();
    execFileSync('git', ['init', '-q', dir]);
    for (let t = 0; t < 60; t++) {
      const lines = () =>
        Array.from({ length: Math.floor(random() * 25) }, () => `${'abcd'[Math.floor(random() * 4)]}\n`).join(
          '',
        );
      const a = lines();
      const b = random() < 0.2 ? `${lines()}tail` : lines();
      writeFileSync(join(dir, 'f'), a);
      const diff = unifiedDiff('f', a, b);
      if (a === b) {
        expect(diff).toBe('');
        continue;
      }
      writeFileSync(join(dir, 'p.diff'), diff);
      execFileSync('git', ['apply', 'p.diff'], { cwd: dir });
      expect(readFileSync(join(dir, 'f'), 'utf8')).toBe(b);
    }
  });

  it('--apply refuses a file that changed after planning, and writes nothing', async () => {
    const dir = tmp();
    const gomod = join(dir, 'go.mod');
    writeFileSync(gomod, 'module example.com/app\n\ngo 1.21\n\nrequire example.com/lib v1.0\n');
    const env = {
      PATH: `${newest.goroot}/bin:${process.env.PATH}`,
      HOME: dir,
      GOTOOLCHAIN: 'local',
      GOPROXY: 'off',
    };
    const plan = await planFix({ cwd: dir, env, lang: 'en', only: ['invalid-version-syntax'] });
    expect(plan.files.map((f) => f.path)).toEqual([gomod]);
    writeFileSync(gomod, 'module example.com/app\n\ngo 1.22\n\nrequire example.com/lib v1.0\n');
    expect(() => applyPlan(plan, env)).toThrow(FixRefusal);
    expect(readFileSync(gomod, 'utf8')).toContain('go 1.22');
    expect(existsSync(join(dir, '.cache'))).toBe(false);
  });

  it('refuses to keep backups inside the project', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'go.mod'), 'module example.com/app\n\ngo 1.21\n\nrequire example.com/lib v1.0\n');
    const env = { PATH: process.env.PATH, HOME: dir, XDG_CACHE_HOME: join(dir, 'cache'), GOPROXY: 'off' };
    const plan = await planFix({ cwd: dir, env, lang: 'en', only: ['invalid-version-syntax'] });
    expect(() => applyPlan(plan, env)).toThrow(/backup-inside-project/);
  });
});
