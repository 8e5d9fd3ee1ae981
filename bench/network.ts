// `doctor --network` for a project of 300 dependencies, against loopback servers only:
// (1) every endpoint answers, (2) every endpoint hangs. Prints the figures for BENCHMARKS.md.
// Run: node --import tsx bench/network.ts
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server, Socket } from 'node:net';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runNetworkChecks } from '../src/network/index.ts';
import { startDnsServer } from '../test/lab/kit/dns-server.ts';
import { startProxyServer } from '../test/lab/kit/proxy-server.ts';
import { startChecksumDatabase } from '../test/lab/kit/sumdb.ts';
import { createUniverse } from '../test/lab/kit/universe.ts';

const DEPENDENCIES = 300;

function requirements() {
  const out = [];
  for (let i = 0; i < DEPENDENCIES; i++)
    out.push({ path: `github.com/org${i % 40}/mod${i}`, version: 'v1.0.0' });
  return out;
}

async function silentServer(): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.resume();
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.address() as { port: number }).port,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function main(): Promise<void> {
  const home = await mkdtemp(join(tmpdir(), 'gomod-bench-net-'));
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, GIT_CONFIG_NOSYSTEM: '1' };
  const universe = createUniverse([
    {
      path: 'golang.org/x/text',
      versions: { 'v0.14.0': { files: { 'go.mod': 'module golang.org/x/text\n' } } },
    },
  ]);
  const proxy = await startProxyServer({ universe });
  const sumdb = await startChecksumDatabase({ universe });
  const silent = await silentServer();
  const dns = await startDnsServer({
    rules: { names: { 'hang.example': 'drop' }, otherwise: { addresses: ['127.0.0.1'] } },
  });
  try {
    // 1. Everything answers: 300 modules via a loopback proxy, a loopback checksum database.
    const okStart = performance.now();
    const ok = await runNetworkChecks({
      env,
      goEnv: { GOPROXY: `${proxy.url},direct`, GOSUMDB: sumdb.gosumdb, GOFLAGS: '' },
      requirements: requirements(),
      gitConfig: [],
      resolver: `127.0.0.1:${dns.port}`,
    });
    const okMs = performance.now() - okStart;

    // 2. Everything hangs: DNS never answers for one proxy, another accepts and says nothing,
    //    the checksum database too; default 10 s budget.
    const hangStart = performance.now();
    const hang = await runNetworkChecks({
      env,
      goEnv: {
        GOPROXY: `https://hang.example|http://127.0.0.1:${silent.port},direct`,
        GOSUMDB: `sum.golang.org http://127.0.0.1:${silent.port}`,
        GOFLAGS: '',
      },
      requirements: requirements(),
      gitConfig: [],
      resolver: `127.0.0.1:${dns.port}`,
      phaseTimeouts: { dns: 20_000, tcp: 20_000, tls: 20_000, http: 20_000 },
    });
    const hangMs = performance.now() - hangStart;

    const rows = [
      ['all endpoints answer', DEPENDENCIES, okMs, ok.probes.length, ok.findings.length, ok.stopped ?? '-'],
      [
        'all endpoints hang (budget 10 s)',
        DEPENDENCIES,
        hangMs,
        hang.probes.length,
        hang.findings.length,
        hang.stopped ?? '-',
      ],
    ];
    console.log('| network run | dependencies | wall time | probes | findings | stopped |');
    console.log('|---|---|---|---|---|---|');
    for (const [name, deps, ms, probes, findings, stopped] of rows) {
      console.log(
        `| ${name} | ${deps} | ${(Number(ms) / 1000).toFixed(2)} s | ${probes} | ${findings} | ${stopped} |`,
      );
    }
  } finally {
    await proxy.close();
    await sumdb.close();
    await silent.close();
    await dns.close();
    await rm(home, { recursive: true, force: true });
  }
}

await main();
