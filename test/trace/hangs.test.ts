// One real hang per cause, with the real go command (1.19, 1.23, 1.24) against loopback lab servers:
// each must be diagnosed with the right cause id within --stall + 3 s. Plus a healthy run, the exit
// status pass-through, --timeout (124, nothing left behind) and attach on a running go command.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import type { Server, Socket } from 'node:net';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { run } from '../../src/exec/run.ts';
import { type GoToolchain, goToolchains } from '../helpers/go-matrix.ts';
import type { FullBacklogListener } from '../lab/kit/full-backlog.ts';
import { startFullBacklogListener } from '../lab/kit/full-backlog.ts';
import type { GitHttpServer } from '../lab/kit/git.ts';
import { createGitRepository, redirectGitHost, startGitHttpServer } from '../lab/kit/git.ts';
import { listenOnLoopback } from '../lab/kit/listen.ts';
import type { ProxyServer } from '../lab/kit/proxy-server.ts';
import { startProxyServer } from '../lab/kit/proxy-server.ts';
import type { Sandbox, SandboxOptions } from '../lab/kit/sandbox.ts';
import { createSandbox } from '../lab/kit/sandbox.ts';
import type { ChecksumDatabase } from '../lab/kit/sumdb.ts';
import { startChecksumDatabase } from '../lab/kit/sumdb.ts';
import { createUniverse, simpleModule } from '../lab/kit/universe.ts';
import { type CliRun, processesUnder, runCliIn, runTraceCli, waitFor, writeScript } from './harness.ts';

const VERSIONS = goToolchains().filter((t) =>
  (process.env.GOMOD_TRACE_GO?.split(',') ?? ['1.19', '1.23', '1.24']).includes(t.version),
);
const STALL = 1;
/** The brief: diagnosed within --stall + 3 s (measured here from the CLI's own start). */
const DIAGNOSIS_BUDGET = STALL + 3;

/** Some text that does not compress much, so a dribbled git fetch takes a while. */
function noise(length: number): string {
  let state = 7;
  return Array.from({ length }, () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return String.fromCharCode(33 + (state % 90));
  }).join('');
}

const MODULES = [
  simpleModule('example.com/lab/ok'),
  simpleModule('example.com/lab/stall'),
  simpleModule('example.com/lab/locked'),
  simpleModule('example.com/lab/sumstall'),
  simpleModule('lab.example/helper.git'),
  simpleModule('lab.example/slow.git', { 'data.txt': noise(6000) }),
];

interface Servers {
  proxy: ProxyServer;
  sumdb: ChecksumDatabase;
  gitAuth: GitHttpServer;
  gitSlow: GitHttpServer;
  silentTls: { server: Server; port: number; sockets: Set<Socket> };
  backlog: FullBacklogListener;
  reposRoot: string;
}

let servers: Servers | undefined;

beforeAll(async () => {
  if (VERSIONS.length === 0) return;
  const universe = createUniverse(MODULES);
  const reposRoot = await mkdtemp(join(tmpdir(), 'gomod-trace-repos-'));
  for (const path of ['lab.example/helper.git', 'lab.example/slow.git']) {
    await createGitRepository(universe, path, { dir: join(reposRoot, path.split('/').at(-1)!) });
  }
  const proxy = await startProxyServer({
    universe,
    faults: [
      { name: 'stall', match: { module: 'example.com/lab/stall' }, action: { type: 'stall' } },
      { name: 'toolchain-stall', match: { module: 'golang.org/toolchain' }, action: { type: 'stall' } },
    ],
  });
  const sumdb = await startChecksumDatabase({
    universe,
    faults: [
      { name: 'sumdb-stall', match: { module: 'example.com/lab/sumstall' }, action: { type: 'stall' } },
    ],
  });
  const gitAuth = await startGitHttpServer({
    root: reposRoot,
    auth: { username: 'lab', password: 'secret' },
  });
  const gitSlow = await startGitHttpServer({
    root: reposRoot,
    faults: [
      {
        name: 'dribble',
        match: { path: '/slow*/**' },
        action: { type: 'dribble', chunkBytes: 40, intervalMs: 100 },
      },
    ],
  });
  // Accepts TCP and never says a word: no TLS server hello ever comes.
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  });
  await listenOnLoopback(server);
  const port = (server.address() as { port: number }).port;
  const backlog = await startFullBacklogListener();
  servers = { proxy, sumdb, gitAuth, gitSlow, silentTls: { server, port, sockets }, backlog, reposRoot };
});

afterAll(async () => {
  if (!servers) return;
  await servers.proxy.close();
  await servers.sumdb.close();
  await servers.gitAuth.close();
  await servers.gitSlow.close();
  for (const socket of servers.silentTls.sockets) socket.destroy();
  await new Promise<void>((resolve) => servers!.silentTls.server.close(() => resolve()));
  await servers.backlog.close();
  await rm(servers.reposRoot, { recursive: true, force: true });
});

const APP_GO_MOD = 'module example.com/app\n\ngo 1.19\n';

async function sandboxFor(toolchain: GoToolchain, options: Omit<SandboxOptions, 'go'>): Promise<Sandbox> {
  const sandbox = await createSandbox({ go: toolchain, ...options });
  await sandbox.writeFiles({ 'go.mod': APP_GO_MOD });
  return sandbox;
}

async function withSandbox<T>(
  toolchain: GoToolchain,
  options: Omit<SandboxOptions, 'go'>,
  body: (sandbox: Sandbox) => Promise<T>,
): Promise<T> {
  const sandbox = await sandboxFor(toolchain, options);
  try {
    return await body(sandbox);
  } finally {
    await sandbox.dispose();
  }
}

interface StallEvent {
  t: number;
  kind: string;
  cause?: string;
  stuck?: boolean;
}

function stallEvents(run: CliRun): StallEvent[] {
  return ((run.report?.events ?? []) as StallEvent[]).filter((e) => e.kind === 'stall');
}

function expectDiagnosed(run: CliRun, cause: string): void {
  const report = run.report;
  const output = `stdout:\n${run.result.stdout}\nstderr:\n${run.result.stderr}`;
  expect(report, `no JSON report; ${output}`).toBeDefined();
  expect(report!.findings[0]?.cause, output).toBe(cause);
  expect(run.diagnosisLines[0], output).toContain(`(${cause})`);
  // The first live diagnosis, timed by the tracer from the go command's start.
  const first = stallEvents(run)[0];
  expect(first?.cause, output).toBe(cause);
  expect(first!.t, output).toBeLessThanOrEqual(DIAGNOSIS_BUDGET);
}

/**
 * An ssh stand-in that asks for a passphrase and waits (returned, for GIT_SSH_COMMAND), and a git
 * rewrite of https://github.com/ to `sshBase`, so that github.com modules are fetched over ssh.
 */
async function promptingSsh(sandbox: Sandbox, sshBase: string): Promise<string> {
  const ssh = await writeScript(
    join(sandbox.labDir, 'ssh'),
    `echo "Enter passphrase for key '$HOME/.ssh/id_ed25519': " >&2\nsleep 600`,
  );
  await sandbox.gitConfig([
    { section: 'url', subsection: sshBase, key: 'insteadOf', value: 'https://github.com/' },
  ]);
  return ssh;
}

/** Holds an exclusive flock on `file` (util-linux flock, through run()) until `stop` is aborted. */
async function holdLock(
  sandbox: Sandbox,
  file: string,
): Promise<{ release: () => Promise<void>; holderPid: number }> {
  await mkdir(join(file, '..'), { recursive: true });
  const stop = new AbortController();
  let holderPid = 0;
  let locked: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    locked = resolve;
  });
  const holder = run('flock', ['--exclusive', file, 'sh', '-c', 'echo locked; exec sleep 600'], {
    env: sandbox.env,
    timeoutMs: 120_000,
    signal: stop.signal,
    onSpawn: (pid) => {
      holderPid = pid;
    },
    onStdout: () => locked(),
  });
  await ready;
  return {
    holderPid,
    release: async () => {
      stop.abort();
      await holder;
    },
  };
}

describe.skipIf(VERSIONS.length === 0)('trace on real hangs', () => {
  describe.each(VERSIONS)('go $version', (toolchain) => {
    const minor = Number(toolchain.version.split('.')[1]);
    const trace = ['--stall', String(STALL), '--timeout', '5', '--'];

    test.concurrent('a proxy that accepts and never answers: proxy-stall', async () => {
      await withSandbox(toolchain, { goproxy: servers!.proxy.url }, async (sandbox) => {
        const traced = await runTraceCli(sandbox, [
          ...trace,
          'go',
          'mod',
          'download',
          'example.com/lab/stall@v1.0.0',
        ]);
        expect(traced.result.exitCode).toBe(124);
        expectDiagnosed(traced, 'proxy-stall');
        expect(traced.diagnosisLines[0]).toMatch(
          /GET http:\/\/127\.0\.0\.1:\d+\/example\.com\/lab\/stall\/@v\/v1\.0\.0\.info/,
        );
        expect(traced.diagnosisLines[0]).toMatch(/TCP connected to 127\.0\.0\.1:\d+/);
        const events = traced.report!.events as Array<{ kind: string; url?: string; unfinished?: boolean }>;
        expect(events.some((e) => e.kind === 'http' && e.unfinished)).toBe(true);
      });
    });

    test.concurrent('a TLS server that never sends its hello: tls-handshake-timeout', async () => {
      const goproxy = `https://127.0.0.1:${servers!.silentTls.port}`;
      await withSandbox(toolchain, { goproxy }, async (sandbox) => {
        const traced = await runTraceCli(sandbox, [
          ...trace,
          'go',
          'mod',
          'download',
          'example.com/lab/ok@v1.0.0',
        ]);
        expect(traced.result.exitCode).toBe(124);
        expectDiagnosed(traced, 'tls-handshake-timeout');
      });
    });

    test.concurrent('a connect stuck in SYN_SENT (full accept queue): connect-timeout', async () => {
      await withSandbox(toolchain, { goproxy: servers!.backlog.url }, async (sandbox) => {
        const traced = await runTraceCli(sandbox, [
          ...trace,
          'go',
          'mod',
          'download',
          'example.com/lab/ok@v1.0.0',
        ]);
        expect(traced.result.exitCode).toBe(124);
        expectDiagnosed(traced, 'connect-timeout');
        expect(traced.diagnosisLines[0]).toContain('SYN_SENT');
      });
    });

    test.concurrent('a checksum database that never answers: proxy-stall on the sumdb lookup', async () => {
      const options = { goproxy: servers!.proxy.url, gosumdb: servers!.sumdb.gosumdb };
      await withSandbox(toolchain, options, async (sandbox) => {
        const traced = await runTraceCli(sandbox, [
          ...trace,
          'go',
          'mod',
          'download',
          'example.com/lab/sumstall@v1.0.0',
        ]);
        expect(traced.result.exitCode).toBe(124);
        expectDiagnosed(traced, 'proxy-stall');
        expect(traced.diagnosisLines[0]).toMatch(
          /\/lookup\/example\.com\/lab\/sumstall@v1\.0\.0 \[checksum database\]/,
        );
      });
    });

    test.concurrent('a credential helper that waits for a person: credential-helper-hang', async () => {
      await withSandbox(toolchain, { goproxy: 'direct' }, async (sandbox) => {
        await redirectGitHost(sandbox, 'lab.example', `${servers!.gitAuth.url}/`);
        // Stands in for a helper showing a dialog nobody sees (not exec'd: its name stays visible).
        const helper = await writeScript(join(sandbox.labDir, 'git-credential-wait'), 'sleep 600');
        await sandbox.gitConfig([{ section: 'credential', key: 'helper', value: helper }]);
        const traced = await runTraceCli(sandbox, [
          ...trace,
          'go',
          'mod',
          'download',
          'lab.example/helper.git@v1.0.0',
        ]);
        expect(traced.result.exitCode).toBe(124);
        expectDiagnosed(traced, 'credential-helper-hang');
        expect(traced.diagnosisLines[0]).toContain('git-credential-wait');
      });
    });

    test.concurrent('ssh waiting on a prompt (GIT_SSH_COMMAND overrides BatchMode): ssh-prompt-hang', async () => {
      await withSandbox(toolchain, { goproxy: 'direct' }, async (sandbox) => {
        const ssh = await promptingSsh(sandbox, 'ssh://git@github.com/');
        const traced = await runTraceCli(
          sandbox,
          [...trace, 'go', 'mod', 'download', 'github.com/lab/sshhang@v1.0.0'],
          { env: { GIT_SSH_COMMAND: ssh } },
        );
        expect(traced.result.exitCode).toBe(124);
        expectDiagnosed(traced, 'ssh-prompt-hang');
        expect(traced.result.stderr).toContain('GIT_SSH_COMMAND');
        expect(JSON.stringify(traced.report!.findings[0])).toContain('unset GIT_SSH_COMMAND');
      });
    });

    test.concurrent('--no-prompt turns the same ssh prompt into an error that ends the run', async () => {
      await withSandbox(toolchain, { goproxy: 'direct' }, async (sandbox) => {
        const ssh = await promptingSsh(sandbox, 'ssh://git@127.0.0.1:1/');
        const traced = await runTraceCli(
          sandbox,
          ['--no-prompt', ...trace, 'go', 'mod', 'download', 'github.com/lab/sshhang@v1.0.0'],
          { env: { GIT_SSH_COMMAND: ssh } },
        );
        const output = `stdout:\n${traced.result.stdout}\nstderr:\n${traced.result.stderr}`;
        // The real ssh, in batch mode, to a loopback port where nothing listens. Ended by the go
        // command itself, not by --timeout, and never stuck on the prompt.
        expect(traced.result.exitCode, output).toBe(1);
        expect(traced.diagnosisLines, output).toEqual([]);
        expect(traced.result.stderr, output).not.toContain('Enter passphrase');
        expect(traced.report!.findings[0]?.cause, output).toBe('git-ssh-auth');
      });
    });

    test.concurrent('another process holds the module-cache lock: cache-lock-wait naming the holder', async () => {
      await withSandbox(toolchain, { goproxy: servers!.proxy.url }, async (sandbox) => {
        const lockFile = join(sandbox.gomodcache, 'cache/download/example.com/lab/locked/@v/v1.0.0.lock');
        const holder = await holdLock(sandbox, lockFile);
        try {
          const traced = await runTraceCli(sandbox, [
            ...trace,
            'go',
            'mod',
            'download',
            'example.com/lab/locked@v1.0.0',
          ]);
          expect(traced.result.exitCode).toBe(124);
          expectDiagnosed(traced, 'cache-lock-wait');
          expect(traced.result.stderr).toContain('v1.0.0.lock');
          expect(traced.result.stderr).toMatch(
            new RegExp(`held by pid ${holder.holderPid}: flock --exclusive`),
          );
        } finally {
          await holder.release();
        }
      });
    });

    test
      .skipIf(minor < 21)
      .concurrent(
        'GOTOOLCHAIN=auto fetching a toolchain from a stalling proxy: toolchain-download',
        async () => {
          await withSandbox(
            toolchain,
            { goproxy: servers!.proxy.url, gotoolchain: 'auto' },
            async (sandbox) => {
              await sandbox.writeFiles({ 'go.mod': 'module example.com/app\n\ngo 1.99.0\n' });
              const traced = await runTraceCli(sandbox, [
                ...trace,
                'go',
                'mod',
                'download',
                'example.com/lab/ok@v1.0.0',
              ]);
              expect(traced.result.exitCode).toBe(124);
              expectDiagnosed(traced, 'toolchain-download');
              expect(traced.diagnosisLines[0]).toContain('toolchain go1.99.0');
            },
          );
        },
      );

    test.concurrent('a direct-mode git fetch that dribbles is slow, not stuck: goproxy-direct-slow', async () => {
      await withSandbox(toolchain, { goproxy: 'direct' }, async (sandbox) => {
        await redirectGitHost(sandbox, 'lab.example', `${servers!.gitSlow.url}/`);
        const traced = await runTraceCli(sandbox, [
          '--stall',
          String(STALL),
          '--timeout',
          '10',
          '--',
          'go',
          'mod',
          'download',
          'lab.example/slow.git@v1.0.0',
        ]);
        expect(traced.diagnosisLines.length, traced.result.stderr).toBeGreaterThan(0);
        for (const line of traced.diagnosisLines) {
          expect(line).toMatch(/^gomod-doctor: slow/);
          expect(line).toContain('(goproxy-direct-slow)');
        }
        // Reported while it runs (before --timeout ends it), each time as slow.
        const stalls = stallEvents(traced);
        expect(stalls[0]!.t).toBeLessThan(9.5);
        expect(stalls.every((e) => e.stuck === false && e.cause === 'goproxy-direct-slow')).toBe(true);
        const first = traced.report!.findings[0];
        expect(first?.cause).toBe('goproxy-direct-slow');
        expect(first?.severity).toBe('warning');
      });
    });

    test.concurrent('a healthy run: no findings, the timeline, exit 0', async () => {
      await withSandbox(toolchain, { goproxy: servers!.proxy.url }, async (sandbox) => {
        const json = await runTraceCli(sandbox, ['--', 'go', 'mod', 'download', 'example.com/lab/ok@v1.0.0']);
        expect(json.result.exitCode, json.result.stderr).toBe(0);
        expect(json.report!.findings).toEqual([]);
        const events = json.report!.events as Array<{
          kind: string;
          url?: string;
          status?: string;
          duration?: number;
        }>;
        const gets = events.filter((e) => e.kind === 'http');
        expect(gets.map((e) => e.url?.replace(/^http:\/\/127\.0\.0\.1:\d+/, ''))).toEqual([
          '/example.com/lab/ok/@v/v1.0.0.info',
          '/example.com/lab/ok/@v/v1.0.0.mod',
          '/example.com/lab/ok/@v/v1.0.0.zip',
        ]);
        for (const get of gets) {
          expect(get.status).toBe('200 OK');
          expect(get.duration).toBeGreaterThanOrEqual(0);
        }
        // The same, as a person sees it (a fresh cache, so the requests happen again).
        await run('rm', ['-rf', sandbox.gomodcache], { env: { PATH: '/usr/bin:/bin' }, timeoutMs: 10_000 });
        const text = await runCliIn(sandbox, [
          'trace',
          '--',
          'go',
          'mod',
          'download',
          'example.com/lab/ok@v1.0.0',
        ]);
        expect(text.result.exitCode).toBe(0);
        expect(text.result.stderr).toMatch(
          /healthy: finished in [\d.]+ s, 3 requests and VCS commands, no stall/,
        );
        expect(text.result.stderr).toContain('Timeline (slowest first):');
        expect(text.result.stderr).toMatch(/Per host:\n {2}127\.0\.0\.1:\d+: 3 operations/);
      });
    });

    test.concurrent('passes the go command’s exit status through', async () => {
      await withSandbox(toolchain, { goproxy: servers!.proxy.url }, async (sandbox) => {
        const traced = await runTraceCli(sandbox, [
          '--',
          'go',
          'mod',
          'download',
          'example.com/lab/nosuch@v1.0.0',
        ]);
        expect(traced.result.exitCode).toBe(1);
        expect(traced.report!.findings[0]?.cause).toBe('unknown-revision');
        const usage = await runTraceCli(sandbox, ['--', 'go', 'nosuchcommand']);
        expect(usage.result.exitCode).toBe(2);
      });
    });

    test.concurrent('--timeout ends everything it started: 124 and no process left', async () => {
      await withSandbox(toolchain, { goproxy: 'direct' }, async (sandbox) => {
        await redirectGitHost(sandbox, 'lab.example', `${servers!.gitAuth.url}/`);
        const helper = await writeScript(join(sandbox.labDir, 'git-credential-wait'), 'sleep 600');
        await sandbox.gitConfig([{ section: 'credential', key: 'helper', value: helper }]);
        const traced = await runTraceCli(sandbox, [
          '--stall',
          '30',
          '--timeout',
          '2',
          '--',
          'go',
          'mod',
          'download',
          'lab.example/helper.git@v1.0.0',
        ]);
        expect(traced.result.exitCode).toBe(124);
        // The last look before ending it still names the cause.
        expect(traced.report!.findings[0]?.cause).toBe('credential-helper-hang');
        expect(await waitFor(async () => (await processesUnder(sandbox.root)).length === 0, 3_000)).toBe(
          true,
        );
      });
    });

    test.concurrent('attach names a stall and a lock wait of a go command it did not start', async () => {
      await withSandbox(toolchain, { goproxy: servers!.proxy.url }, async (sandbox) => {
        const lockFile = join(sandbox.gomodcache, 'cache/download/example.com/lab/locked/@v/v1.0.0.lock');
        const holder = await holdLock(sandbox, lockFile);
        const stop = new AbortController();
        const pids: number[] = [];
        const start = (target: string) =>
          run(toolchain.goBin, ['mod', 'download', target], {
            env: sandbox.env,
            cwd: sandbox.workDir,
            timeoutMs: 60_000,
            signal: stop.signal,
            onSpawn: (pid) => pids.push(pid),
          });
        const running = [start('example.com/lab/stall@v1.0.0'), start('example.com/lab/locked@v1.0.0')];
        try {
          await new Promise((resolve) => setTimeout(resolve, 1_500));
          const [stallPid, lockPid] = pids;
          const stalled = await runCliIn(sandbox, ['attach', String(stallPid), '--json']);
          expect(stalled.report?.findings[0]?.cause, stalled.result.stdout + stalled.result.stderr).toBe(
            'proxy-stall',
          );
          expect(stalled.result.exitCode).toBe(1);
          const locked = await runCliIn(sandbox, ['attach', String(lockPid), '--json']);
          expect(locked.report?.findings[0]?.cause, locked.result.stdout).toBe('cache-lock-wait');
          expect(JSON.stringify(locked.report)).toContain(`held by pid ${holder.holderPid}`);
          // Without a PID: every go process of this user, each with what it waits on.
          const all = await runCliIn(sandbox, ['attach']);
          expect(all.result.stdout).toContain(`pid ${stallPid}:`);
          expect(all.result.stdout).toContain(`pid ${lockPid}:`);
        } finally {
          stop.abort();
          await Promise.all(running);
          await holder.release();
        }
      });
    });
  });
});
