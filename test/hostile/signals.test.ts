// No go, git or ssh process outlives gomod-doctor: after SIGHUP (the terminal closed), SIGTERM,
// SIGINT or even SIGKILL to `trace`, every process it started is gone within seconds. The go
// command is kept busy by a loopback GOPROXY that accepts connections and never answers.
// `doctor --network` likewise: Ctrl-C or SIGTERM while its `git ls-remote` probe (over HTTP, or
// over ssh waiting for a banner) waits on that server ends it with 130 or 143, and leaves neither
// a git or ssh process nor an open connection.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliPath } from '../helpers/cli.ts';
import { goToolchain } from '../helpers/go-matrix.ts';

const go = goToolchain('1.24') ?? goToolchain('1.23');
const base = mkdtempSync(join(tmpdir(), 'hostile-signals-'));
let server: Server;
const sockets: Socket[] = [];
/** Accepted connections the peer has not closed yet. */
const open = new Set<Socket>();
let port = 0;

beforeAll(async () => {
  server = createServer((socket) => {
    sockets.push(socket); // accepted, read, never answered
    open.add(socket);
    socket.on('close', () => open.delete(socket));
    socket.on('error', () => {});
    socket.resume();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(base, { recursive: true, force: true });
});

/** Processes whose environment holds the marker (everything this run started, at any depth). */
function processesWith(marker: string): number[] {
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readFileSync(`/proc/${name}/environ`, 'latin1').includes(marker)) found.push(Number(name));
    } catch {
      // gone, or not ours
    }
  }
  return found;
}

async function until(check: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

describe.skipIf(!go || process.platform !== 'linux')('children die with gomod-doctor', () => {
  for (const signal of ['SIGHUP', 'SIGTERM', 'SIGINT', 'SIGKILL'] as const) {
    it(`trace, ${signal}`, async () => {
      const marker = `GOMOD_DOCTOR_TEST_MARKER_${signal}_${process.pid}`;
      const cache = mkdtempSync(join(base, 'modcache-'));
      const project = mkdtempSync(join(base, 'project-'));
      const child = spawn(
        process.execPath,
        [cliPath, 'trace', '--stall', '60', '--', 'go', 'mod', 'download', 'example.com/a@v1.0.0'],
        {
          cwd: project,
          env: {
            PATH: `${dirname(go!.goBin)}:/usr/bin:/bin`,
            HOME: base,
            GOPROXY: `http://127.0.0.1:${port}`,
            GOSUMDB: 'off',
            GOMODCACHE: cache,
            GOCACHE: join(base, 'gocache'),
            GOTOOLCHAIN: 'local',
            [marker]: '1',
          },
          stdio: 'ignore',
        },
      );
      const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
      // The go command (started by trace) is running and waits on the proxy.
      const started = await until(() => processesWith(marker).some((pid) => pid !== child.pid), 20_000);
      expect(started, 'go never started').toBe(true);
      child.kill(signal);
      await exited;
      // After SIGKILL the watchdog (a node process of its own, slow to start on a busy machine)
      // does the cleaning: give it time.
      const gone = await until(
        () => processesWith(marker).length === 0,
        signal === 'SIGKILL' ? 20_000 : 8_000,
      );
      expect(gone, `left behind: ${processesWith(marker).join(', ')}`).toBe(true);
    }, 60_000);
  }
});

/** The command line of a process, NULs as spaces ('' when it is gone). */
function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'latin1').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

describe.skipIf(!go || process.platform !== 'linux')(
  'doctor --network: a signal during a stalled probe',
  () => {
    // Over HTTPS git's remote-http helper waits on the server; over ssh, ssh waits for a banner.
    for (const [transport, signal, status] of [
      ['http', 'SIGINT', 130],
      ['http', 'SIGTERM', 143],
      ['ssh', 'SIGTERM', 143],
    ] as const) {
      it(`git over ${transport}, ${signal}: exit ${status} at once, no git or ssh process and no connection left`, async () => {
        const marker = `GOMOD_DOCTOR_TEST_MARKER_NET_${transport}_${signal}_${process.pid}`;
        // Only this test's connections count (a go process of an earlier test may still hold one).
        const earlier = new Set(sockets);
        const mine = () => [...open].filter((socket) => !earlier.has(socket));
        const home = mkdtempSync(join(base, 'home-'));
        const project = mkdtempSync(join(base, 'project-'));
        // The private module's repository is rewritten (as a company's insteadOf does) to the
        // loopback server that accepts and never answers: git ls-remote waits on it.
        writeFileSync(
          join(home, '.gitconfig'),
          `[url "${transport === 'ssh' ? `ssh://git@127.0.0.1:${port}/` : `http://127.0.0.1:${port}/`}"]\n\tinsteadOf = https://github.com/\n`,
        );
        writeFileSync(
          join(project, 'go.mod'),
          'module example.com/app\n\ngo 1.21\n\nrequire github.com/me/private v1.0.0\n',
        );
        const child = spawn(process.execPath, [cliPath, 'doctor', '--network', '--json', '--budget', '60'], {
          cwd: project,
          env: {
            PATH: `${dirname(go!.goBin)}:/usr/bin:/bin`,
            HOME: home,
            GOPRIVATE: 'github.com/me',
            GOMODCACHE: mkdtempSync(join(base, 'modcache-')),
            GOCACHE: join(base, 'gocache'),
            GOTOOLCHAIN: 'local',
            NO_COLOR: '1',
            [marker]: '1',
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stdout = '';
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
        });
        child.stderr.resume();
        const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
        // git's HTTP helper (or ssh) runs and holds a connection to the server.
        const waiter = transport === 'ssh' ? /(?:^|\/)ssh / : /remote-http/;
        const stalled = await until(
          () => mine().length > 0 && processesWith(marker).some((pid) => waiter.test(commandLine(pid))),
          20_000,
        );
        expect(stalled, 'the git probe never reached the server').toBe(true);
        const signalled = performance.now();
        child.kill(signal);
        expect(await exited).toBe(status);
        // Well inside the git probe's own timeout (8 s): the signal, not the timeout, ended it.
        expect(performance.now() - signalled).toBeLessThan(5_000);
        const gone = await until(() => processesWith(marker).length === 0, 8_000);
        expect(gone, `left behind: ${processesWith(marker).map(commandLine).join('; ')}`).toBe(true);
        const closed = await until(() => mine().length === 0, 8_000);
        expect(closed, `${mine().length} connection(s) still open`).toBe(true);
        // What was found before the signal is printed, and the git probe says it was stopped.
        const report = JSON.parse(stdout) as {
          network?: { stopped?: string; probes: Array<{ phase: string; status: string }> };
        };
        expect(report.network?.stopped).toBe('aborted');
        expect(report.network?.probes.find((p) => p.phase === 'git')).toMatchObject({ status: 'aborted' });
      }, 60_000);
    }
  },
);
