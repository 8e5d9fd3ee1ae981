// Shared pieces of the network tests: a loopback module proxy holding the public probe module,
// an environment that inherits nothing from the machine (no proxies, no git config), and short
// phase timeouts so that hang cases finish quickly.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProbePhase } from '../../src/network/types.ts';
import { listenOnLoopback } from '../lab/kit/listen.ts';
import type { ProxyServer } from '../lab/kit/proxy-server.ts';
import { startProxyServer } from '../lab/kit/proxy-server.ts';
import { createUniverse } from '../lab/kit/universe.ts';

export const FAST_PHASES: Partial<Record<ProbePhase, number>> = {
  dns: 600,
  tcp: 600,
  tls: 800,
  'proxy-connect': 800,
  http: 900,
  git: 8_000,
};

export function labUniverse() {
  return createUniverse([
    {
      path: 'golang.org/x/text',
      versions: { 'v0.14.0': { files: { 'go.mod': 'module golang.org/x/text\n' } } },
    },
    // Public modules the tests' projects require: the proxy is probed with one of them.
    ...['github.com/pub/a', 'github.com/pub/b'].map((path) => ({
      path,
      versions: { 'v1.0.0': { files: { 'go.mod': `module ${path}\n` } } },
    })),
  ]);
}

export function startPublicProxy(): Promise<ProxyServer> {
  return startProxyServer({ universe: labUniverse() });
}

/** A clean environment: PATH only, and a HOME of its own (so git sees no user config). */
export async function cleanEnv(): Promise<{ env: Record<string, string>; dispose: () => Promise<void> }> {
  const home = await mkdtemp(join(tmpdir(), 'gomod-net-home-'));
  return {
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: home,
      GIT_CONFIG_NOSYSTEM: '1',
      LANG: 'C',
    },
    dispose: () => rm(home, { recursive: true, force: true }),
  };
}

/** A port where nothing listens (bound, then closed). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await listenOnLoopback(server);
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A TCP server that accepts and never says a word (a TLS handshake or HTTP request that stalls). */
export async function startSilentServer(): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    // Read and drop whatever comes, so a client's close is seen and answered.
    socket.resume();
    socket.on('close', () => sockets.delete(socket));
  });
  await listenOnLoopback(server);
  return {
    port: (server.address() as { port: number }).port,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export function goEnv(values: Record<string, string>): Record<string, string> {
  return {
    GOPROXY: '',
    GONOPROXY: '',
    GOPRIVATE: '',
    GONOSUMDB: '',
    GOINSECURE: '',
    GOVCS: '',
    GOSUMDB: 'off',
    GOFLAGS: '',
    ...values,
  };
}
