// The whole path through HTTPS_PROXY (the lab's CONNECT proxy, TLS from the lab CA) with public
// and private modules: private paths reach only their own host (go-get page, git remote), never
// the module proxy or the checksum database; git asking for credentials is git-auth-required.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NetworkCheckResult } from '../../src/network/index.ts';
import { describeRoutes, runNetworkChecks } from '../../src/network/index.ts';
import type { DnsServer } from '../lab/kit/dns-server.ts';
import { startDnsServer } from '../lab/kit/dns-server.ts';
import type { GitHttpServer } from '../lab/kit/git.ts';
import { startGitHttpServer } from '../lab/kit/git.ts';
import type { ConnectProxy } from '../lab/kit/https-proxy.ts';
import { goGetRoute, startConnectProxy } from '../lab/kit/https-proxy.ts';
import type { ProxyServer } from '../lab/kit/proxy-server.ts';
import type { LabCa } from '../lab/kit/tls.ts';
import { createLabCa } from '../lab/kit/tls.ts';
import { cleanEnv, FAST_PHASES, goEnv, startPublicProxy } from './helpers.ts';

const PRIVATE = ['corp.example.com/team/lib', 'corp.example.com/team/other', 'github.com/corp/secret'];
const PUBLIC = ['github.com/pub/a', 'golang.org/x/net', 'gopkg.in/yaml.v3'];

let ca: LabCa;
let publicProxy: ProxyServer;
let git: GitHttpServer;
let https: ConnectProxy;
let dns: DnsServer;
let home: Awaited<ReturnType<typeof cleanEnv>>;
let gitRoot: string;
let result: NetworkCheckResult;

beforeAll(async () => {
  ca = await createLabCa();
  home = await cleanEnv();
  publicProxy = await startPublicProxy();
  gitRoot = await mkdtemp(join(tmpdir(), 'gomod-net-git-'));
  git = await startGitHttpServer({ root: gitRoot, auth: { username: 'u', password: 'p' } });
  https = await startConnectProxy({
    ca,
    routes: {
      'proxy.golang.org': publicProxy.url,
      'sum.golang.org': (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        res.end('go.sum database tree\n1\nroot\n');
      },
      'corp.example.com': goGetRoute(
        [{ prefix: 'corp.example.com/team/lib', repoRoot: 'https://corp.example.com/team/lib' }],
        git.url,
      ),
      'github.com': git.url,
    },
  });
  // Everything goes through HTTPS_PROXY: no name may reach this resolver.
  dns = await startDnsServer({ rules: { names: {}, otherwise: 'nxdomain' } });
  result = await runNetworkChecks({
    env: { ...home.env, HTTPS_PROXY: https.url, SSL_CERT_FILE: ca.certFile, GIT_SSL_CAINFO: ca.certFile },
    goEnv: goEnv({ GOPROXY: '', GOSUMDB: 'sum.golang.org', GOPRIVATE: 'corp.example.com,github.com/corp' }),
    requirements: [...PUBLIC, ...PRIVATE].map((path) => ({ path, version: 'v1.0.0' })),
    resolver: `127.0.0.1:${dns.port}`,
    phaseTimeouts: FAST_PHASES,
  });
});
afterAll(async () => {
  await https?.close();
  await git?.close();
  await publicProxy?.close();
  await dns?.close();
  await ca?.dispose();
  await home?.dispose();
  await rm(gitRoot, { recursive: true, force: true });
});

describe('privacy', () => {
  it('the public module proxy never sees a private path', () => {
    expect(publicProxy.log.map((r) => r.path).sort()).toEqual([
      '/github.com/pub/a/@v/list',
      '/sumdb/sum.golang.org/supported',
    ]);
    for (const request of publicProxy.log) expect(request.rawPath).not.toMatch(/corp|secret/);
  });

  it('the checksum database and the proxy host get no private path; private hosts only their own', () => {
    for (const entry of https.log) {
      for (const request of entry.requests) {
        if (entry.host === 'proxy.golang.org' || entry.host === 'sum.golang.org') {
          expect(request).not.toMatch(/corp|secret/);
        } else if (entry.host === 'corp.example.com') {
          expect(request).toMatch(/^GET \/team\/(lib|other)[/?]/);
        } else {
          expect(entry.host).toBe('github.com');
          expect(request).toMatch(/^GET \/corp\/secret\//);
        }
      }
    }
    expect(new Set(https.log.map((e) => e.host))).toEqual(
      new Set(['proxy.golang.org', 'sum.golang.org', 'corp.example.com', 'github.com']),
    );
  });

  it('no host name reached a resolver (the proxy resolves, as for the go command)', () => {
    expect(dns.log).toEqual([]);
  });
});

describe('routes, go-get and git', () => {
  it('groups the routing table for people', () => {
    const lines = describeRoutes(result.routes, 'en');
    expect(lines).toContain(
      'sent to proxy.golang.org, then direct on 404/410: 3 modules (github.com/pub/a, golang.org/x/net, gopkg.in/yaml.v3)',
    );
    expect(
      lines.some((l) => l.startsWith('direct after ?go-get=1 discovery: 2 modules (corp.example.com/*)')),
    ).toBe(true);
    expect(lines).toContain('direct over git+https: 1 module (github.com/corp/secret)');
    expect(lines.some((l) => l.startsWith('checksums of 3 modules verified with sum.golang.org'))).toBe(true);
  });

  it('go-get discovery found the repository; git then wanted credentials', () => {
    const lib = result.routes.modules.find((r) => r.module === 'corp.example.com/team/lib');
    expect(lib?.direct).toMatchObject({
      vcs: 'git',
      repoUrl: 'https://corp.example.com/team/lib',
      transport: 'https',
    });
    const auth = result.findings.filter((f) => f.cause === 'git-auth-required').map((f) => f.module);
    expect(auth.sort()).toEqual(['corp.example.com/team/lib', 'github.com/corp/secret']);
    expect(result.findings.find((f) => f.cause === 'git-auth-required')?.evidence?.[0]?.text).toMatch(
      /could not read Username|terminal prompts disabled/,
    );
  });

  it('a path without a go-import tag → go-get-discovery-failed', () => {
    const other = result.findings.find((f) => f.cause === 'go-get-discovery-failed');
    expect(other).toMatchObject({ module: 'corp.example.com/team/other', severity: 'error' });
  });

  it('the proxy and the checksum database are fine', () => {
    const bad = result.findings.filter(
      (f) => !['git-auth-required', 'go-get-discovery-failed'].includes(f.cause),
    );
    expect(bad.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(result.probes.some((p) => p.phase === 'proxy-connect' && p.ok)).toBe(true);
  });
});
