// `gomod-doctor tidy-check` as a user runs it: exit status, --json per the contract, -C, languages.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';

let scratch = '';
let cache = '';
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'tidy-cli-'));
  cache = join(scratch, 'modcache');
  mkdirSync(cache);
});
afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

function project(name: string, files: Record<string, string>): string {
  const dir = join(scratch, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

const env = () => ({
  GOMODCACHE: cache,
  GOPROXY: 'https://proxy.golang.org,direct',
  GOFLAGS: '',
  GOENV: 'off',
  GOROOT: '',
});

describe('tidy-check CLI', () => {
  it('exits 0 on a tidy module', async () => {
    const dir = project('tidy', {
      'go.mod': 'module example.com/t\n\ngo 1.21\n',
      'a.go': 'package a\n\nimport "fmt"\n\nvar _ = fmt.Sprint\n',
    });
    const res = await runCli(['tidy-check', '-C', dir], { env: env() });
    expect(res.exitCode, res.stderr).toBe(0);
    expect(res.stdout).toContain('example.com/t: go.mod is tidy.');
  });

  it('reports a missing requirement with its lookups, as JSON per the contract, exit 1', async () => {
    const dir = project('missing', {
      'go.mod': 'module example.com/m\n\ngo 1.21\n',
      'cmd/main.go': 'package main\n\nimport _ "git.corp.example.com/team/lib/pkg"\n\nfunc main() {}\n',
    });
    const res = await runCli(['tidy-check', '--json'], { cwd: join(dir, 'cmd'), env: env() });
    expect(res.exitCode, res.stderr).toBe(1);
    const report = JSON.parse(res.stdout);
    expect(report).toMatchObject({ tool: 'gomod-doctor', command: 'tidy-check' });
    const finding = report.findings[0];
    expect(finding).toMatchObject({
      cause: 'missing-requirement',
      severity: 'error',
      location: { file: 'cmd/main.go', line: 3, column: 8 },
    });
    expect(finding.fixes[0].command).toBe('go env -w GOPRIVATE=git.corp.example.com');
    expect(report.tidy.missing[0].lookups.map((l: { module: string }) => l.module)).toEqual([
      'git.corp.example.com/team/lib/pkg',
      'git.corp.example.com/team/lib',
      'git.corp.example.com/team',
      'git.corp.example.com',
    ]);
    expect(report.tidy.tidy).toBe(false);
  });

  it('names unused requirements with their go.mod line, in Chinese too', async () => {
    const dir = project('unused', {
      'go.mod': 'module example.com/u\n\ngo 1.21\n\nrequire example.com/gone v1.0.0\n',
      'a.go': 'package a\n',
      'gen.go': '//go:build ignore\n\npackage main\n\nimport _ "example.com/gone"\n',
    });
    const en = await runCli(['tidy-check', '-C', dir, '--json'], { env: env() });
    expect(en.exitCode).toBe(1);
    const finding = JSON.parse(en.stdout).findings[0];
    expect(finding).toMatchObject({
      cause: 'unused-requirement',
      module: 'example.com/gone',
      version: 'v1.0.0',
      location: { file: 'go.mod', line: 5 },
    });
    expect(finding.message).toContain('gen.go:5');
    const zh = await runCli(['tidy-check', '-C', dir, '--lang', 'zh-CN'], { env: env() });
    expect(zh.stdout).toContain('会删除');
    expect(zh.stdout).toContain('未使用的依赖 example.com/gone');
  });

  it('says so when there is no module (exit 2)', async () => {
    const dir = project('nomod', { 'a.go': 'package a\n' });
    const res = await runCli(['tidy-check', '-C', dir], { env: env() });
    expect(res.exitCode).toBe(2);
    expect(res.stderr).toContain('no go.mod');
  });

  it('--why names every go.mod that requires a module, the one that set its version first', async () => {
    // A module cache holding only go.mod files, laid out as the go command lays them out.
    const mods: Record<string, string> = {
      'example.com/a/@v/v1.1.0.mod': 'module example.com/a\n\ngo 1.21\n\nrequire example.com/b v1.3.0\n',
      'example.com/c/@v/v0.2.0.mod': 'module example.com/c\n\ngo 1.21\n\nrequire example.com/b v1.1.0\n',
      'example.com/b/@v/v1.2.0.mod': 'module example.com/b\n\ngo 1.21\n',
      'example.com/b/@v/v1.3.0.mod': 'module example.com/b\n\ngo 1.21\n',
    };
    for (const [file, text] of Object.entries(mods)) {
      mkdirSync(join(cache, 'cache/download', file, '..'), { recursive: true });
      writeFileSync(join(cache, 'cache/download', file), text);
    }
    const dir = project('why', {
      'go.mod':
        'module example.com/app\n\ngo 1.21\n\nrequire (\n\texample.com/a v1.1.0\n\texample.com/b v1.2.0\n\texample.com/c v0.2.0\n)\n',
    });
    const en = await runCli(['tidy-check', '-C', dir, '--why', 'example.com/b'], { env: env() });
    expect(en.exitCode, en.stderr).toBe(0);
    expect(en.stdout.split('\n')).toEqual([
      'example.com/b is at v1.3.0: minimal version selection takes the highest version that any go.mod in the module graph requires',
      '  v1.3.0  required by example.com/a@v1.1.0',
      '  v1.2.0  required by example.com/app (this go.mod)',
      '  v1.1.0  required by example.com/c@v0.2.0',
      '',
    ]);
    const zh = await runCli(['tidy-check', '-C', dir, '--why', 'example.com/b', '--lang', 'zh-CN'], {
      env: env(),
    });
    expect(zh.stdout).toContain('example.com/b 的版本是 v1.3.0');
    expect(zh.stdout).toContain('v1.3.0  由 example.com/a@v1.1.0 要求');
    const json = JSON.parse(
      (await runCli(['tidy-check', '-C', dir, '--why', 'example.com/b', '--json'], { env: env() })).stdout,
    );
    expect(json).toMatchObject({ command: 'tidy-check', findings: [] });
    expect(json.why).toEqual({
      module: 'example.com/b',
      selected: 'v1.3.0',
      direct: 'v1.2.0',
      requiredBy: [
        { module: 'example.com/a', version: 'v1.1.0', requires: 'v1.3.0' },
        { module: 'example.com/app', main: true, requires: 'v1.2.0' },
        { module: 'example.com/c', version: 'v0.2.0', requires: 'v1.1.0' },
      ],
      incomplete: [],
    });
    const absent = await runCli(['tidy-check', '-C', dir, '--why', 'example.com/zzz'], { env: env() });
    expect(absent.exitCode).toBe(0);
    expect(absent.stdout).toContain('example.com/zzz is not in the module graph');
    const partial = project('why-partial', {
      'go.mod': 'module example.com/p\n\ngo 1.21\n\nrequire example.com/notcached v1.0.0\n',
    });
    const said = await runCli(['tidy-check', '-C', partial, '--why', 'example.com/notcached'], {
      env: env(),
    });
    expect(said.stdout).toContain('1 go.mod file(s) of the graph are not in the module cache');
    const work = project('why-work', {
      'go.work': 'go 1.22\n\nuse ./m\n',
      'm/go.mod': 'module example.com/m\n\ngo 1.22\n',
    });
    const inWorkspace = await runCli(['tidy-check', '--why', 'example.com/x'], {
      cwd: join(work, 'm'),
      env: env(),
    });
    expect(inWorkspace.stdout).toContain(
      "(../go.work applies here: this is the graph of this module's own go.mod",
    );
  });
});
