// The CLI's own rules, shared by every command: the option tables drive parsing and --help, bad
// -C / --format / --check and an unwritable output are one-line usage errors (exit 2), trace needs
// `--`, and the CLI alone owns SIGINT, SIGTERM and SIGHUP.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { optionLabel } from '../../src/cli/options.ts';
import { COMMAND_SPECS, type CommandSpec } from '../../src/cli/specs.ts';
import { cliPath, runCli, testHome } from '../helpers/cli.ts';
import { repoRoot } from '../helpers/go-matrix.ts';

const specs = Object.values(COMMAND_SPECS) as CommandSpec[];
const transcript = join(repoRoot, 'test', 'fixtures', 'transcripts', 'ambiguous-import.go1.23.txt');

describe('one option table per command', () => {
  it('every option a command parses is in its --help, in English and Chinese', async () => {
    for (const spec of specs) {
      for (const lang of ['en', 'zh-CN'] as const) {
        const help = (await runCli([spec.name, '--help', '--lang', lang])).stdout;
        for (const [name, option] of Object.entries(spec.options)) {
          expect(help, `${spec.name} --help (${lang}) lists ${name}`).toContain(optionLabel(name, option));
          expect(help).toContain(option.help[lang].split('\n')[0] || (lang === 'en' ? 'one of' : '之一'));
        }
      }
    }
  });

  it('--color and FORCE_COLOR are documented and work', async () => {
    const help = (await runCli(['--help'])).stdout;
    expect(help).toContain('--color');
    expect(help).toContain('FORCE_COLOR');
    const plain = await runCli(['explain', '--no-context', transcript], { env: { NO_COLOR: undefined } });
    const forced = await runCli(['explain', '--no-context', transcript], {
      env: { NO_COLOR: undefined, FORCE_COLOR: '1' },
    });
    const flag = await runCli(['explain', '--no-context', '--color', transcript], {
      env: { NO_COLOR: undefined },
    });
    expect(plain.stdout).not.toContain('\u001b[');
    expect(forced.stdout).toContain('\u001b[');
    expect(flag.stdout).toContain('\u001b[');
    // NO_COLOR wins.
    const both = await runCli(['explain', '--no-context', '--color', transcript], { env: { NO_COLOR: '1' } });
    expect(both.stdout).not.toContain('\u001b[');
  });
});

describe('usage errors: exit 2, one line, in the user language', () => {
  const cases: Array<{ args: string[]; en: string; zh: string }> = [
    {
      args: ['doctor', '-C', '/nonexistent-dir'],
      en: '-C /nonexistent-dir: no such directory',
      zh: '目录不存在',
    },
    { args: ['explain', '-C', '/nonexistent-dir', '-'], en: 'no such directory', zh: '目录不存在' },
    { args: ['tidy-check', '-C', '/nonexistent-dir'], en: 'no such directory', zh: '目录不存在' },
    {
      args: ['trace', '-C', '/nonexistent-dir', '--', 'go', 'version'],
      en: 'no such directory',
      zh: '目录不存在',
    },
    { args: ['modfile', '-C', '/nonexistent-dir', 'go.mod'], en: 'no such directory', zh: '目录不存在' },
    { args: ['doctor', '-C', 'package.json'], en: '-C package.json: not a directory', zh: '不是目录' },
    {
      args: ['doctor', '--check', 'no/such-check'],
      en: '--check no/such-check: no such check',
      zh: '没有这项检查',
    },
    {
      args: ['explain', '--format', 'xml', '-'],
      en: '--format wants one of text, json',
      zh: '--format 只能是',
    },
    {
      args: ['tidy-check', '--format', 'xml'],
      en: '--format wants one of text, json',
      zh: '--format 只能是',
    },
    { args: ['trace', 'go', 'version'], en: 'the go command after "--"', zh: '写在 "--" 之后' },
  ];
  for (const { args, en, zh } of cases) {
    it(args.join(' '), async () => {
      const english = await runCli(args, { input: '' });
      expect(english.exitCode).toBe(2);
      expect(english.stderr).toContain(en);
      expect(english.stderr.trim().split('\n')).toHaveLength(1);
      expect(english.stdout).toBe('');
      const chinese = await runCli(args, { input: '', env: { LANG: 'zh_CN.UTF-8' } });
      expect(chinese.exitCode).toBe(2);
      expect(chinese.stderr).toContain(zh);
    });
  }

  it('a known --check id runs', async () => {
    const result = await runCli(['doctor', '--check', 'caches/leftovers', '--json'], { cwd: testHome });
    expect([0, 1]).toContain(result.exitCode);
    expect(JSON.parse(result.stdout).command).toBe('doctor');
  });
});

/** Runs the CLI with standard output on the given file descriptor target. */
function runTo(
  args: string[],
  stdout: 'full' | 'closed-pipe',
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cliPath, ...args], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH, HOME: testHome, LANG: 'C', NO_COLOR: '1' },
      stdio: ['ignore', stdout === 'full' ? 'pipe' : 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    // A reader that goes away at once: the pipe is closed before most of the output is written.
    if (stdout === 'closed-pipe') child.stdout.destroy();
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

describe('writing the output', () => {
  it('a failed write (/dev/full) is one line and exit 2', async () => {
    const full = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [cliPath, 'explain', '--no-context', transcript], {
        cwd: repoRoot,
        env: { PATH: process.env.PATH, HOME: testHome, LANG: 'C', NO_COLOR: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout.destroy();
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      child.on('exit', (code) => resolve({ code, stderr }));
    });
    // A closed pipe (EPIPE, as with `| head`) stays quiet and successful ...
    expect(full.stderr).toBe('');
    expect([0, 1]).toContain(full.code);
    // ... while a device that refuses the bytes is an error.
    const devFull = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(
        '/bin/sh',
        [
          '-c',
          `exec "$0" "$1" explain --no-context --lang zh-CN "$2" > /dev/full`,
          process.execPath,
          cliPath,
          transcript,
        ],
        {
          cwd: repoRoot,
          env: { PATH: process.env.PATH, HOME: testHome, NO_COLOR: '1' },
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      child.on('exit', (code) => resolve({ code, stderr }));
    });
    expect(devFull.code).toBe(2);
    expect(devFull.stderr).toContain('无法写出输出');
    expect(devFull.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a closed pipe under a large output is quiet', async () => {
    const result = await runTo(['--help'], 'closed-pipe');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});

/**
 * Waits until the CLI has installed its signal handlers (Linux: the SigCgt mask in /proc), so the
 * test never races its start-up. SIGHUP is the witness: Node itself catches SIGINT and SIGTERM from
 * the start, and the CLI installs all three at once.
 */
async function handlersInstalled(pid: number): Promise<void> {
  const bit = 1n << 0n;
  for (let i = 0; i < 400; i++) {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const caught = /^SigCgt:\s*([0-9a-f]+)$/m.exec(status)?.[1];
    if (caught && (BigInt(`0x${caught}`) & bit) !== 0n) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`process ${pid} never caught SIGHUP`);
}

describe('signals: the CLI owns SIGINT, SIGTERM and SIGHUP', () => {
  /** A go that is outside any checkout, prints a line, then waits (as a stuck download does). */
  function slowGo(): string {
    const dir = mkdtempSync(join(tmpdir(), 'gomod-doctor-slow-go-'));
    const go = join(dir, 'go');
    writeFileSync(
      go,
      '#!/bin/sh\nif [ "$1" = env ]; then echo go1.23.0; exit 0; fi\necho "go: downloading example.com/slow v1.0.0" >&2\nexec sleep 60\n',
    );
    chmodSync(go, 0o755);
    return dir;
  }

  for (const [signal, status] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const) {
    it(`trace: ${signal} ends the go command, prints what it knows, exits ${status}`, async () => {
      const dir = slowGo();
      const child = spawn(
        process.execPath,
        [cliPath, 'trace', '--stall', '30', '--', 'go', 'mod', 'download'],
        {
          cwd: testHome,
          env: { PATH: `${dir}:${process.env.PATH}`, HOME: testHome, LANG: 'C', NO_COLOR: '1' },
          stdio: ['ignore', 'pipe', 'pipe'],
          detached: true,
        },
      );
      let stderr = '';
      const started = new Promise<void>((resolve) =>
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          if (stderr.includes('downloading')) resolve();
        }),
      );
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      await started;
      await handlersInstalled(child.pid!);
      child.kill(signal);
      expect(await exited).toBe(status);
      expect(stderr).toContain('interrupted');
    });
  }

  it('explain waiting on standard input: SIGTERM ends it at once with 143', async () => {
    const child = spawn(process.execPath, [cliPath, 'explain', '--no-context'], {
      cwd: testHome,
      env: { PATH: process.env.PATH, HOME: testHome, LANG: 'C', NO_COLOR: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await handlersInstalled(child.pid!);
    child.kill('SIGTERM');
    expect(await exited).toBe(143);
    child.stdin.destroy();
  });
});
