// The output plumbing every command that reports findings shares, through the bundled CLI:
// --format (the CI formats and html), --output FILE, --fail-on, and the job summary.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { repoRoot } from '../helpers/go-matrix.ts';

const transcript = join(repoRoot, 'examples', 'transcripts', 'private-module-410.txt');
const dir = mkdtempSync(join(tmpdir(), 'gomod-formats-'));

describe('report output through the CLI', () => {
  it('--format html --output FILE writes one page there and nothing on standard output', async () => {
    const file = join(dir, 'explain.html');
    const result = await runCli([
      'explain',
      '--no-context',
      '--format',
      'html',
      '--output',
      file,
      transcript,
    ]);
    expect(result.exitCode, result.stderr).toBe(1);
    expect(result.stdout).toBe('');
    const html = readFileSync(file, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('data-cause="private-module-via-proxy"');
  });

  it('--output into a directory that does not exist is one line and exit 2', async () => {
    const result = await runCli([
      'explain',
      '--no-context',
      '--output',
      join(dir, 'no', 'such', 'f.txt'),
      transcript,
    ]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/cannot write the output/);
  });

  it('--format github, codeclimate and junit for explain', async () => {
    const github = await runCli(['explain', '--no-context', '--format', 'github', transcript]);
    expect(github.stdout).toMatch(/^::error title=[^:]*\(private-module-via-proxy\)::/m);
    const cq = await runCli(['explain', '--no-context', '--format', 'codeclimate', transcript]);
    expect(JSON.parse(cq.stdout)[0]).toMatchObject({
      check_name: 'private-module-via-proxy',
      severity: 'critical',
    });
    const junit = await runCli(['explain', '--no-context', '--format', 'junit', transcript]);
    expect(junit.stdout).toMatch(/<testsuites [^>]*failures="1"/);
    expect(junit.stdout).toMatch(/^ {2}fix: /m);
    // The words around the findings follow --lang (and LANG), as every other format's do.
    for (const [args, env] of [
      [['--lang', 'zh-CN'], {}],
      [[], { LANG: 'zh_CN.UTF-8' }],
    ] as const) {
      const zh = await runCli(['explain', '--no-context', '--format', 'junit', ...args, transcript], { env });
      expect(zh.stdout).toMatch(/^ {2}修复: /m);
      expect(zh.stdout).toContain(`type="private-module-via-proxy">错误: `);
      expect(zh.stdout).not.toMatch(/^ {2}fix: /m);
    }
  });

  it('--fail-on decides the exit status: warning fails on a warning, never never fails', async () => {
    const warning = join(dir, 'warning.txt');
    writeFileSync(
      warning,
      'go: module github.com/golang/protobuf is deprecated: Use the "google.golang.org/protobuf" module instead.\n',
    );
    const plain = await runCli(['explain', '--no-context', '--json', warning]);
    const severities = (JSON.parse(plain.stdout) as { findings: Array<{ severity: string }> }).findings.map(
      (f) => f.severity,
    );
    const failOnError = await runCli(['explain', '--no-context', transcript, '--fail-on', 'error']);
    expect(failOnError.exitCode).toBe(1);
    const never = await runCli(['explain', '--no-context', transcript, '--fail-on', 'never']);
    expect(never.exitCode).toBe(0);
    const bad = await runCli(['explain', '--no-context', transcript, '--fail-on', 'sometimes']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/--fail-on wants error, warning or never/);
    // A run whose worst finding is a warning: exit 0 by default, 1 with --fail-on warning.
    expect(severities).toEqual(['warning']);
    expect(plain.exitCode).toBe(0);
    expect((await runCli(['explain', '--no-context', warning, '--fail-on', 'warning'])).exitCode).toBe(1);
  });

  it('appends the job summary when GITHUB_STEP_SUMMARY is set, whatever the format', async () => {
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, '');
    const result = await runCli(['explain', '--no-context', '--json', transcript], {
      env: { GITHUB_STEP_SUMMARY: summary },
    });
    expect(JSON.parse(result.stdout).findings[0].cause).toBe('private-module-via-proxy');
    expect(readFileSync(summary, 'utf8')).toMatch(/^## gomod-doctor explain\n/);
  });
});

describe('every format from doctor and tidy-check through the CLI', () => {
  const schema = JSON.parse(
    readFileSync(join(repoRoot, 'test', 'report', 'schemas', 'sarif-2.1.0.json'), 'utf8'),
  );
  const validate = new AjvDraft04.default({
    strict: false,
    unicodeRegExp: false,
    formats: { uri: true, 'uri-reference': true, 'date-time': true },
  }).compile(schema);
  const env = { GOPROXY: 'https://proxy.golang.org,direct', GOFLAGS: '', GOPRIVATE: '', GOENV: 'off' };

  for (const command of [['doctor', '--check', 'project'], ['tidy-check']]) {
    it(`${command[0]}: sarif is schema-valid; github, codeclimate, junit and html are well formed`, async () => {
      const run = (format: string) => runCli([...command, '-C', 'examples/app', '--format', format], { env });
      const result = await run('sarif');
      const sarif = JSON.parse(result.stdout);
      expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
      expect(sarif.runs[0].results.length).toBeGreaterThan(0);
      expect(sarif.runs[0].invocations[0].exitCode).toBe(result.exitCode);
      expect((await run('github')).stdout).toMatch(/^::(error|warning|notice) /m);
      expect(Array.isArray(JSON.parse((await run('codeclimate')).stdout))).toBe(true);
      expect((await run('junit')).stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites /);
      expect((await run('html')).stdout).toMatch(/^<!doctype html>[\s\S]*<\/html>\n$/);
    });
  }
});
