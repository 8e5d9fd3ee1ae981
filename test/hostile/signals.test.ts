// No go, git or ssh process outlives gomod-doctor: after SIGHUP (the terminal closed), SIGTERM,
// SIGINT or even SIGKILL to `trace`, every process it started is gone within seconds. The go
// command is kept busy by a loopback GOPROXY that accepts connections and never answers.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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
let port = 0;

beforeAll(async () => {
  server = createServer((socket) => {
    sockets.push(socket); // accepted, read, never answered
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
