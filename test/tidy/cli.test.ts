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
});
