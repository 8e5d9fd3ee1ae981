// The explain command as users run it: files, standard input, formats, languages, exit status.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { fixturesDir, readFixture } from './helpers.ts';

const privateFixture = join(fixturesDir, 'private-module-via-proxy', 'go1.23-410.txt');

describe('gomod-doctor explain', () => {
  it('explains a file; exit 1 on an error finding; JSON per contract', async () => {
    const result = await runCli(['explain', '--json', '--no-context', privateFixture]);
    expect(result.exitCode).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ tool: 'gomod-doctor', command: 'explain' });
    expect(report.findings[0]).toMatchObject({
      cause: 'private-module-via-proxy',
      severity: 'error',
      module: 'git.corp.example.com/team/lib',
    });
    expect(report.findings[0].evidence[0].line).toBe(2);
  });

  it('reads standard input (no FILE, or -)', async () => {
    for (const args of [
      ['explain', '--no-context'],
      ['explain', '--no-context', '-'],
    ]) {
      const result = await runCli(args, { input: readFixture('dns-failure/go1.23-pure-go.txt') });
      expect(result.exitCode).toBe(1);
      expect(result.stdout).toContain('dns-failure');
    }
  });

  it('exit 0 and no findings for clean output', async () => {
    const result = await runCli(['explain', '--no-context', '--format', 'json'], {
      input: readFixture('_clean/tidy-x-ok.txt'),
    });
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout).findings).toEqual([]);
  });

  it('speaks Chinese with --lang zh-CN; cause ids stay', async () => {
    const result = await runCli(['explain', '--no-context', '--lang', 'zh-CN', privateFixture]);
    expect(result.stdout).toContain('向公共代理请求了私有模块');
    expect(result.stdout).toContain('private-module-via-proxy');
  });

  it('markdown format', async () => {
    const result = await runCli(['explain', '--no-context', '--format', 'markdown', privateFixture]);
    expect(result.stdout).toMatch(/^## gomod-doctor explain/);
  });

  it('exit 2 for an unreadable file or a bad option', async () => {
    expect((await runCli(['explain', 'no-such-file.txt'])).exitCode).toBe(2);
    expect((await runCli(['explain', '--format', 'yaml'], { input: '' })).exitCode).toBe(2);
  });

  it('help in both languages', async () => {
    expect((await runCli(['explain', '--help'])).stdout).toContain('--no-context');
    expect((await runCli(['explain', '--help', '--lang', 'zh-CN'])).stdout).toContain('标准输入');
  });
});
