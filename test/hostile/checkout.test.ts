// A checkout built the way an attacker would (a fork's pull request in CI), and every command run
// on it as a separate process under a memory cap and a hard timeout: each must end in seconds with
// exit 0, 1 or 2, print nothing of the host (canary files and variables), and write no raw escape
// sequence in its text output. The cases the issue reported (links to /dev/zero, /proc/self/environ
// and files outside, FIFOs, a 200 MB go.mod) sit next to the red-team cases that already passed
// (git config traps, hooks, gitdir files, `go 1.99` with GOTOOLCHAIN=auto, link loops, NUL bytes).
import { execFileSync, spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliPath } from '../helpers/cli.ts';
import { goToolchain } from '../helpers/go-matrix.ts';

const go = goToolchain('1.24') ?? goToolchain('1.23');
const base = mkdtempSync(join(tmpdir(), 'hostile-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** What must never appear in any output: a file outside the checkout and a variable of the runner. */
const CANARY_FILE_TEXT = 'canary-file-7f3a9c';
const CANARY_ENV_TEXT = 'canary-env-5b2e81';
const canaryFile = join(base, 'outside-secret.txt');
writeFileSync(canaryFile, `${CANARY_FILE_TEXT}\n`);
/** Created by a git hook or fsmonitor if anything of the checkout ever ran. */
const ranMarker = join(base, 'checkout-code-ran');

const GOMOD = 'module example.com/app\n\ngo 1.21\n';

type Build = (dir: string) => void;
const file = (dir: string, rel: string, text: string | Buffer) => {
  mkdirSync(dirname(join(dir, rel)), { recursive: true });
  writeFileSync(join(dir, rel), text);
};
const link = (dir: string, rel: string, target: string) => {
  mkdirSync(dirname(join(dir, rel)), { recursive: true });
  symlinkSync(target, join(dir, rel));
};
const fifo = (dir: string, rel: string) => {
  mkdirSync(dirname(join(dir, rel)), { recursive: true });
  execFileSync('mkfifo', [join(dir, rel)]);
};

const CASES: Record<string, Build> = {
  'go.mod -> /dev/zero': (d) => link(d, 'go.mod', '/dev/zero'),
  'go.sum, go.work, vendor/modules.txt -> /dev/zero': (d) => {
    file(d, 'go.mod', GOMOD);
    link(d, 'go.sum', '/dev/zero');
    link(d, 'go.work', '/dev/zero');
    link(d, 'vendor/modules.txt', '/dev/zero');
  },
  'go.sum -> /proc/self/environ': (d) => {
    file(d, 'go.mod', GOMOD);
    link(d, 'go.sum', '/proc/self/environ');
  },
  'go.mod -> a file outside the checkout': (d) => link(d, 'go.mod', canaryFile),
  'go.sum -> a file outside the checkout': (d) => {
    file(d, 'go.mod', GOMOD);
    link(d, 'go.sum', canaryFile);
  },
  'vendor is a link out of the checkout': (d) => {
    file(d, 'go.mod', GOMOD);
    mkdirSync(join(base, 'outside-vendor'), { recursive: true });
    writeFileSync(join(base, 'outside-vendor', 'modules.txt'), `# ${CANARY_FILE_TEXT} v1.0.0\n`);
    link(d, 'vendor', join(base, 'outside-vendor'));
  },
  'go.mod is a FIFO': (d) => fifo(d, 'go.mod'),
  'go.sum, go.work and vendor/modules.txt are FIFOs': (d) => {
    file(d, 'go.mod', GOMOD);
    fifo(d, 'go.sum');
    fifo(d, 'go.work');
    fifo(d, 'vendor/modules.txt');
  },
  'a 200 MB go.mod': (d) => {
    file(d, 'go.mod', GOMOD);
    truncateSync(join(d, 'go.mod'), 200 << 20);
  },
  'a NUL-filled go.mod': (d) => file(d, 'go.mod', Buffer.alloc(1 << 20)),
  'a loop of links as go.mod': (d) => {
    link(d, 'go.mod', 'loop');
    link(d, 'loop', 'go.mod');
  },
  'terminal escapes in go.mod and a Go file': (d) => {
    file(
      d,
      'go.mod',
      `module example.com/app\n\ngo 1.21\n\nrequire example.com/\u001b[2J\u001b]52;c;ZWNobyBwd25lZA==\u0007x v1.0.0\n// \u001b[31mred\r\n`,
    );
    file(d, 'main.go', 'package main\n\nimport _ "example.com/\u001b[2Jclear"\n');
  },
  'git config traps, hooks and a gitdir file': (d) => {
    file(d, 'go.mod', GOMOD);
    file(d, 'main.go', 'package main\n\nfunc main() {}\n');
    execFileSync('git', ['init', '-q', d]);
    const trap = `touch ${ranMarker}`;
    execFileSync('git', ['-C', d, 'config', 'core.fsmonitor', trap]);
    execFileSync('git', ['-C', d, 'config', 'core.sshCommand', trap]);
    execFileSync('git', ['-C', d, 'config', 'credential.helper', `!${trap}`]);
    file(d, '.git/hooks/post-checkout', `#!/bin/sh\n${trap}\n`);
    file(d, 'sub/.git', `gitdir: ${join(base, 'elsewhere')}\n`);
    file(d, 'sub/go.mod', 'module example.com/app/sub\n');
  },
  'packages deeper than 256 directories': (d) => {
    file(d, 'go.mod', GOMOD);
    file(d, `${'d/'.repeat(300)}deep.go`, 'package deep\n\nimport _ "example.com/deep"\n');
  },
  'go 1.99 with GOTOOLCHAIN=auto': (d) => file(d, 'go.mod', 'module example.com/app\n\ngo 1.99\n'),
  'a NUL byte inside go.mod': (d) =>
    file(d, 'go.mod', 'module example.com/app\n\ngo 1.21\n\nrequire example.com/a\u0000b v1.0.0\n'),
};

const COMMANDS: string[][] = [
  ['doctor'],
  ['doctor', '--format', 'markdown'],
  ['doctor', '--json'],
  ['doctor', '--release'],
  ['tidy-check'],
  ['tidy-check', '--why', 'example.com/a'],
  ['modfile', 'go.mod'],
  ['explain', '-C', '.', '-'],
  // Last: fix --apply may write into the checkout, and the commands above should see it as built.
  ['fix'],
  ['fix', '--apply', '--yes'],
];

function runCli(dir: string, args: string[]) {
  const env: Record<string, string> = {
    PATH: `${go ? dirname(go.goBin) : ''}:/usr/bin:/bin`,
    HOME: join(base, 'home'),
    GOTOOLCHAIN: 'auto',
    GOPROXY: 'off',
    GOFLAGS: '-mod=mod',
    GOMODCACHE: join(base, 'modcache'),
    GOCACHE: join(base, 'gocache'),
    NO_COLOR: '1',
    RUNNER_VARIABLE: CANARY_ENV_TEXT,
  };
  const started = Date.now();
  // The memory cap: a V8 heap of 256 MB (a file read whole would blow it), and a hard timeout.
  // Asynchronous, so the test worker stays responsive while the command runs.
  return new Promise<{
    status: number | null;
    signal: string | null;
    stdout: string;
    stderr: string;
    seconds: number;
  }>((resolve) => {
    const child = spawn(process.execPath, ['--max-old-space-size=256', cliPath, ...args], {
      cwd: dir,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      stdout += c;
    });
    child.stderr.setEncoding('utf8').on('data', (c: string) => {
      stderr += c;
    });
    child.stdin.on('error', () => {});
    child.stdin.end(
      'go: example.com/a@v1.0.0: reading https://proxy.golang.org/example.com/a/@v/v1.0.0.info: 410 Gone\n',
    );
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout, stderr, seconds: (Date.now() - started) / 1000 });
    });
  });
}

/**
 * fix reads through the same reader as every other command, so each hostile go.mod ends in a
 * refusal that names the file (and the position of a NUL byte), exit status 2, nothing written.
 */
const FIX_REFUSALS: Record<string, RegExp> = {
  'go.mod is a FIFO':
    /^gomod-doctor fix: go\.mod is a FIFO, not a regular file; it was not read\. .*Nothing was changed\.\n$/,
  'go.mod -> a file outside the checkout':
    /^gomod-doctor fix: go\.mod is a symbolic link \(or lies under one\) that leads outside the project; it was not followed\. .*Nothing was changed\.\n$/,
  'go.mod -> /dev/zero':
    /^gomod-doctor fix: go\.mod is a symbolic link .* it was not followed\. .*Nothing was changed\.\n$/,
  'a 200 MB go.mod':
    /^gomod-doctor fix: go\.mod is larger than 64 MB; it was not read\. .*Nothing was changed\.\n$/,
  'a NUL-filled go.mod':
    /^gomod-doctor fix: go\.mod:1:1: a NUL byte: the file holds binary data, .*Nothing was changed\.\n$/,
  'a NUL byte inside go.mod': /^gomod-doctor fix: go\.mod:5:22: a NUL byte: .*Nothing was changed\.\n$/,
  'go.sum -> a file outside the checkout':
    /^gomod-doctor fix: go\.sum is a symbolic link .*Nothing was changed\.\n$/,
  'go.sum, go.work and vendor/modules.txt are FIFOs':
    /^gomod-doctor fix: go\.(sum|work) is a FIFO, .*Nothing was changed\.\n$/,
};

describe.skipIf(!go)('fix on a hostile checkout', () => {
  mkdirSync(join(base, 'home'), { recursive: true });
  for (const [name, expected] of Object.entries(FIX_REFUSALS)) {
    it(`${name}: a refusal that names the file, exit 2, nothing written`, async () => {
      const dir = mkdtempSync(join(base, 'checkout-'));
      CASES[name]!(dir);
      const before = execFileSync('ls', ['-la', '--time-style=full-iso', dir], { encoding: 'utf8' });
      for (const args of [['fix'], ['fix', '--apply', '--yes'], ['fix', '--json']]) {
        const r = await runCli(dir, args);
        expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(2);
        expect(r.stderr).toMatch(expected);
        expect(r.stdout).toBe('');
      }
      expect(execFileSync('ls', ['-la', '--time-style=full-iso', dir], { encoding: 'utf8' })).toBe(before);
    }, 120_000);
  }
});

describe.skipIf(!go)('a hostile checkout', () => {
  mkdirSync(join(base, 'home'), { recursive: true });
  for (const [name, build] of Object.entries(CASES)) {
    it(name, async () => {
      const dir = mkdtempSync(join(base, 'checkout-'));
      build(dir);
      const problems: string[] = [];
      for (const args of COMMANDS) {
        const r = await runCli(dir, args);
        const what = `${args.join(' ')}: `;
        if (r.status === null) problems.push(`${what}killed (${r.signal}) after ${r.seconds} s`);
        else if (![0, 1, 2].includes(r.status))
          problems.push(`${what}exit ${r.status}: ${r.stderr.slice(0, 300)}`);
        const out = `${r.stdout}${r.stderr}`;
        if (out.includes(CANARY_FILE_TEXT) || out.includes(CANARY_ENV_TEXT))
          problems.push(`${what}printed a canary`);
        if (/internal error|\n\s+at .+:\d+:\d+\)?\n/.test(out))
          problems.push(`${what}stack trace: ${out.slice(0, 300)}`);
        if (!args.includes('--json') && out.includes('\u001b'))
          problems.push(`${what}raw ESC in text output`);
      }
      expect(existsSync(ranMarker), 'something of the checkout ran').toBe(false);
      expect(problems).toEqual([]);
    }, 300_000);
  }
});
