// Public names (proxy.golang.org, sum.golang.org) resolved by a loopback DNS server the probe is
// pointed at, and served on loopback with lab certificates: trust, expiry, names, TLS stalls,
// and resolvers that never answer, say NXDOMAIN, or hand out sinkhole addresses.
import { createServer as createHttpsServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNetworkChecks } from '../../src/network/index.ts';
import type { DnsServer } from '../lab/kit/dns-server.ts';
import { startDnsServer } from '../lab/kit/dns-server.ts';
import { listenOnLoopback } from '../lab/kit/listen.ts';
import type { CertificateKind, LabCa } from '../lab/kit/tls.ts';
import { createLabCa } from '../lab/kit/tls.ts';
import { cleanEnv, FAST_PHASES, goEnv, startSilentServer } from './helpers.ts';

let ca: LabCa;
let dns: DnsServer;
let home: Awaited<ReturnType<typeof cleanEnv>>;
const servers: Server[] = [];

beforeAll(async () => {
  ca = await createLabCa();
  home = await cleanEnv();
  dns = await startDnsServer({
    rules: {
      names: {
        'proxy.golang.org': { addresses: ['127.0.0.1'] },
        'sum.golang.org': { addresses: ['127.0.0.1'] },
        'goproxy.io': 'drop',
        'goproxy.cn': 'nxdomain',
        'github.com': { addresses: ['0.0.0.0'] },
      },
    },
  });
});
afterAll(async () => {
  for (const s of servers) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
  await dns.close();
  await ca.dispose();
  await home.dispose();
});

async function httpsServer(names: string[], kind: CertificateKind): Promise<number> {
  const { cert, key } = await ca.certificate(names, kind);
  const server = createHttpsServer({ cert, key }, (req, res) => {
    if (req.url?.endsWith('/@v/list')) {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end('v0.14.0\n');
    } else if (req.url === '/latest') {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end('go.sum database tree\n1\nroot\n');
    } else {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found\n');
    }
  });
  servers.push(server);
  await listenOnLoopback(server);
  return (server.address() as AddressInfo).port;
}

function check(
  port: number,
  env: Record<string, string> = {},
  extra: { goproxy?: string; gosumdb?: string } = {},
) {
  return runNetworkChecks({
    env: { ...home.env, ...env },
    goEnv: goEnv({ GOPROXY: extra.goproxy ?? 'https://proxy.golang.org', GOSUMDB: extra.gosumdb ?? 'off' }),
    requirements: [{ path: 'github.com/pub/a', version: 'v1.0.0' }],
    gitConfig: [],
    resolver: `127.0.0.1:${dns.port}`,
    connectOverride: {
      'proxy.golang.org:443': `127.0.0.1:${port}`,
      'sum.golang.org:443': `127.0.0.1:${port}`,
    },
    phaseTimeouts: FAST_PHASES,
  });
}

describe('TLS', () => {
  it('a lab-CA certificate trusted through SSL_CERT_FILE: fine for go, noted as interception', async () => {
    const port = await httpsServer(['proxy.golang.org', 'sum.golang.org'], 'valid');
    const result = await check(port, { SSL_CERT_FILE: ca.certFile }, { gosumdb: 'sum.golang.org' });
    const tls = result.probes.find((p) => p.phase === 'tls');
    expect(tls?.tls).toMatchObject({
      trustedByGo: true,
      trustedByNode: false,
      issuer: 'gomod-doctor lab CA',
    });
    expect(tls?.tls?.goRootsSource).toContain('SSL_CERT_FILE=');
    expect(result.findings.map((f) => [f.cause, f.severity, f.title])).toEqual([
      ['tls-untrusted-certificate', 'info', 'TLS to proxy.golang.org is intercepted'],
      ['tls-untrusted-certificate', 'info', 'TLS to sum.golang.org is intercepted'],
    ]);
    // The checksum database was reached directly after the proxy said 404 to /sumdb/.../supported.
    const urls = result.probes.filter((p) => p.phase === 'http').map((p) => p.target);
    expect(urls).toContain('https://proxy.golang.org/sumdb/sum.golang.org/supported');
    expect(urls).toContain('https://sum.golang.org/latest');
    expect(
      result.probes.find((p) => p.phase === 'dns' && p.target === 'proxy.golang.org')?.dns?.a.addresses,
    ).toEqual(['127.0.0.1']);
  });

  it('self-signed → tls-untrusted-certificate', async () => {
    const port = await httpsServer(['proxy.golang.org'], 'self-signed');
    const result = await check(port, { SSL_CERT_FILE: ca.certFile });
    expect(result.findings[0]).toMatchObject({ cause: 'tls-untrusted-certificate', severity: 'error' });
    expect(result.findings[0]?.message).toMatch(/unknown authority/);
    expect(result.probes.find((p) => p.phase === 'tls')?.tls?.selfSigned).toBe(true);
    expect(result.probes.some((p) => p.phase === 'http')).toBe(false);
  });

  it('expired → tls-untrusted-certificate, expired', async () => {
    const port = await httpsServer(['proxy.golang.org'], 'expired');
    const result = await check(port, { SSL_CERT_FILE: ca.certFile });
    expect(result.findings[0]).toMatchObject({ cause: 'tls-untrusted-certificate' });
    expect(result.findings[0]?.message).toMatch(/expired/);
    expect(result.probes.find((p) => p.phase === 'tls')?.tls?.expired).toBe(true);
  });

  it('a certificate for another name → name mismatch', async () => {
    const port = await httpsServer(['other.lab.invalid'], 'valid');
    const result = await check(port, { SSL_CERT_FILE: ca.certFile });
    expect(result.findings[0]?.message).toMatch(/not proxy\.golang\.org/);
    expect(result.probes.find((p) => p.phase === 'tls')?.tls?.nameMismatch).toBe(true);
  });

  it('no ServerHello → tls-handshake-timeout', async () => {
    const silent = await startSilentServer();
    try {
      const result = await check(silent.port);
      expect(result.findings[0]).toMatchObject({ cause: 'tls-handshake-timeout', severity: 'error' });
      // Mirrors are offered for the default proxy, as choices.
      const commands = result.findings[0]?.fixes?.map((f) => f.command).filter(Boolean);
      expect(commands).toEqual([
        'go env -w GOPROXY=https://goproxy.cn,direct',
        'go env -w GOPROXY=https://goproxy.io,direct',
      ]);
      expect(result.findings[0]?.fixes?.[0]?.description).toMatch(/^Choice:/);
    } finally {
      await silent.close();
    }
  });
});

describe('DNS', () => {
  it('a resolver that never answers → dns-failure (timeout), within the phase time', async () => {
    const started = performance.now();
    const result = await check(1, {}, { goproxy: 'https://goproxy.io' });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(result.probes.find((p) => p.phase === 'dns')).toMatchObject({ status: 'timeout' });
    expect(result.findings[0]).toMatchObject({ cause: 'dns-failure', severity: 'error' });
  });

  it('NXDOMAIN → dns-failure', async () => {
    const result = await check(1, {}, { goproxy: 'https://goproxy.cn' });
    expect(result.probes.find((p) => p.phase === 'dns')).toMatchObject({ status: 'nxdomain' });
    expect(result.findings[0]).toMatchObject({ cause: 'dns-failure' });
  });

  it('no resolver at all (nothing on the port) → dns-failure', async () => {
    const result = await runNetworkChecks({
      env: home.env,
      goEnv: goEnv({ GOPROXY: 'https://proxy.golang.org' }),
      requirements: [{ path: 'github.com/pub/a', version: 'v1.0.0' }],
      gitConfig: [],
      resolver: '127.0.0.1:9',
      phaseTimeouts: FAST_PHASES,
    });
    expect(result.findings[0]).toMatchObject({ cause: 'dns-failure' });
  });

  it('a public host answered with 0.0.0.0 → dns-poisoned', async () => {
    const result = await runNetworkChecks({
      env: home.env,
      goEnv: goEnv({ GOPROXY: 'direct', GOPRIVATE: '' }),
      requirements: [{ path: 'github.com/pub/a', version: 'v1.0.0' }],
      gitConfig: [],
      resolver: `127.0.0.1:${dns.port}`,
      phaseTimeouts: FAST_PHASES,
    });
    expect(result.findings[0]).toMatchObject({ cause: 'dns-poisoned', severity: 'error' });
    expect(result.findings[0]?.message).toContain('0.0.0.0');
  });
});
