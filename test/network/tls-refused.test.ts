// TLS that this tool's client (Node) completes but the local go refuses, on loopback, proven with
// the real go command first: a server that speaks only TLS 1.0 (every go since 1.18 refuses it,
// no setting), and one that offers only RSA key exchange (refused since Go 1.22; GODEBUG=
// tlsrsakex=1 until 1.26; in 1.27 the setting is gone and setting it stops the go command). The
// healthy twin (ECDHE over TLS 1.2) yields no finding. Also: the post-quantum ClientHello check
// offered on a TLS stall for Go 1.24+.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server, type TlsOptions } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/exec/run.ts';
import { runNetworkChecks } from '../../src/network/index.ts';
import { goToolchain, NO_GO_REASON } from '../helpers/go-matrix.ts';
import { listenOnLoopback } from '../lab/kit/listen.ts';
import { createSandbox, type Sandbox } from '../lab/kit/sandbox.ts';
import { cleanEnv, FAST_PHASES, goEnv, startSilentServer } from './helpers.ts';

let dir: string;
let cert: { file: string; pem: string; key: string };
let home: Awaited<ReturnType<typeof cleanEnv>>;
const servers: Server[] = [];
const sandboxes: Sandbox[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gomod-tls-refused-'));
  home = await cleanEnv();
  // An RSA certificate (RSA key exchange needs one), self-signed: it is its own trust anchor.
  const made = await run(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
      '-days',
      '2',
      '-subj',
      '/CN=lab-rsa',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { timeoutMs: 30_000, env: { PATH: process.env.PATH ?? '/usr/bin:/bin' } },
  );
  if (made.exitCode !== 0) throw new Error(made.stderr);
  cert = {
    file: join(dir, 'cert.pem'),
    pem: await readFile(join(dir, 'cert.pem'), 'utf8'),
    key: await readFile(join(dir, 'key.pem'), 'utf8'),
  };
});
afterAll(async () => {
  for (const s of servers) await new Promise((r) => s.close(r));
  await Promise.all(sandboxes.map((s) => s.dispose()));
  await home?.dispose();
  await rm(dir, { recursive: true, force: true });
});

/** A module proxy over TLS with these options: 404 for every module. */
async function tlsProxy(options: TlsOptions): Promise<number> {
  const server = createServer({ cert: cert.pem, key: cert.key, ...options }, (socket) => {
    socket.on('error', () => {});
    socket.once('data', () =>
      socket.end(
        'HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 10\r\nConnection: close\r\n\r\nnot found\n',
      ),
    );
  });
  server.on('tlsClientError', () => {});
  servers.push(server);
  await listenOnLoopback(server);
  return (server.address() as AddressInfo).port;
}

async function goDownload(release: string, port: number, godebug = '') {
  const sandbox = await createSandbox({ go: goToolchain(release)!, goproxy: `https://127.0.0.1:${port}` });
  sandboxes.push(sandbox);
  await sandbox.writeFiles({ 'go.mod': 'module example.com/app\n\ngo 1.21\n' });
  return sandbox.go(['mod', 'download', 'github.com/pub/a@v1.0.0'], {
    timeoutMs: 30_000,
    env: { SSL_CERT_FILE: cert.file, ...(godebug ? { GODEBUG: godebug } : {}) },
  });
}

async function check(port: number, goVersion: string) {
  const result = await runNetworkChecks({
    env: { ...home.env, SSL_CERT_FILE: cert.file },
    goEnv: goEnv({ GOPROXY: `https://127.0.0.1:${port}` }),
    requirements: [{ path: 'github.com/pub/a', version: 'v1.0.0' }],
    gitConfig: [],
    phaseTimeouts: FAST_PHASES,
    goVersion,
  });
  return result.findings.filter((f) => f.cause === 'tls-protocol-refused');
}

const has = (v: string) => goToolchain(v) !== undefined;
const RSA_RELEASES = ['1.21', '1.24', '1.27'].filter(has);

describe.skipIf(!has('1.27'))(`TLS the go command refuses${has('1.27') ? '' : ` (${NO_GO_REASON})`}`, () => {
  it('only TLS 1.0: every go refuses it, and so does the check (no setting to offer)', async () => {
    const port = await tlsProxy({ minVersion: 'TLSv1', maxVersion: 'TLSv1', ciphers: 'DEFAULT@SECLEVEL=0' });
    for (const release of ['1.19', '1.27'].filter(has)) {
      const go = await goDownload(release, port);
      expect(go.exitCode).not.toBe(0);
      expect(go.stderr).toContain('remote error: tls: protocol version not supported');
    }
    const result = await runNetworkChecks({
      env: { ...home.env, SSL_CERT_FILE: cert.file },
      goEnv: goEnv({ GOPROXY: `https://127.0.0.1:${port}` }),
      requirements: [{ path: 'github.com/pub/a', version: 'v1.0.0' }],
      gitConfig: [],
      phaseTimeouts: FAST_PHASES,
      goVersion: '1.27',
    });
    expect(result.findings[0]).toMatchObject({ cause: 'tls-protocol-refused', severity: 'error' });
    expect(result.findings[0]?.title).toMatch(/only TLS 1\.0\/1\.1/);
  });

  it.skipIf(RSA_RELEASES.length < 3)(
    'only RSA key exchange: go 1.21 connects, 1.24 refuses (tlsrsakex=1 helps), 1.27 refuses for good',
    async () => {
      const port = await tlsProxy({ maxVersion: 'TLSv1.2', ciphers: 'AES128-GCM-SHA256' });
      const reached = 'reading https://127.0.0.1:';
      expect((await goDownload('1.21', port)).stderr).toContain(reached);
      expect((await goDownload('1.24', port)).stderr).toContain('remote error: tls: handshake failure');
      expect((await goDownload('1.24', port, 'tlsrsakex=1')).stderr).toContain(reached);
      expect((await goDownload('1.27', port)).stderr).toContain('remote error: tls: handshake failure');
      expect((await goDownload('1.27', port, 'tlsrsakex=1')).stderr).toContain(
        'removed GODEBUG "tlsrsakex" set to old value "1"',
      );

      expect(await check(port, '1.21')).toEqual([]);
      const on124 = await check(port, '1.24');
      expect(on124).toHaveLength(1);
      expect(on124[0]).toMatchObject({ severity: 'warning' });
      expect(on124[0]?.fixes?.[0]?.command).toBe('GODEBUG=tlsrsakex=1 go mod download -x');
      const on127 = await check(port, '1.27');
      expect(on127[0]).toMatchObject({ severity: 'error' });
      expect(on127[0]?.fixes?.some((f) => f.command?.includes('GODEBUG'))).toBe(false);
      expect(on127[0]?.message).toMatch(
        /TLS_RSA_WITH_AES_128_GCM_SHA256 \(RSA key exchange, refused since Go 1\.22\)/,
      );
    },
  );

  it.skipIf(!has('1.24') || !has('1.25'))(
    'TLS 1.2 signed only with SHA-1: go 1.24 connects, 1.25+ refuses (tlssha1=1 helps)',
    async () => {
      const port = await tlsProxy({
        maxVersion: 'TLSv1.2',
        ciphers: 'ECDHE-RSA-AES128-GCM-SHA256:@SECLEVEL=0',
        sigalgs: 'RSA+SHA1',
      });
      const reached = 'reading https://127.0.0.1:';
      expect((await goDownload('1.24', port)).stderr).toContain(reached);
      expect((await goDownload('1.25', port)).stderr).toContain('remote error: tls: handshake failure');
      expect((await goDownload('1.27', port)).stderr).toContain('remote error: tls: handshake failure');
      expect((await goDownload('1.27', port, 'tlssha1=1')).stderr).toContain(reached);

      expect(await check(port, '1.24')).toEqual([]);
      const on127 = await check(port, '1.27');
      expect(on127).toHaveLength(1);
      expect(on127[0]).toMatchObject({ severity: 'warning' });
      expect(on127[0]?.title).toMatch(/only with SHA-1/);
      expect(on127[0]?.fixes?.[0]?.command).toBe('GODEBUG=tlssha1=1 go mod download -x');
    },
  );

  it('the healthy twin, ECDHE over TLS 1.2: go connects, no finding', async () => {
    const port = await tlsProxy({ maxVersion: 'TLSv1.2', ciphers: 'ECDHE-RSA-AES128-GCM-SHA256' });
    const go = await goDownload('1.27', port);
    expect(go.stderr).toContain('reading https://127.0.0.1:');
    expect(await check(port, '1.27')).toEqual([]);
  });

  it('a TLS stall with Go 1.24+: the post-quantum ClientHello check is offered', async () => {
    const silent = await startSilentServer();
    try {
      const result = await runNetworkChecks({
        env: home.env,
        goEnv: goEnv({ GOPROXY: `https://127.0.0.1:${silent.port}` }),
        requirements: [{ path: 'github.com/pub/a', version: 'v1.0.0' }],
        gitConfig: [],
        phaseTimeouts: FAST_PHASES,
        goVersion: '1.27',
      });
      const stall = result.findings.find((f) => f.cause === 'tls-handshake-timeout');
      expect(stall?.fixes?.map((f) => f.command)).toContain(
        'GODEBUG=tlsmlkem=0,tlssecpmlkem=0 go mod download -x',
      );
    } finally {
      await silent.close();
    }
  });
});
