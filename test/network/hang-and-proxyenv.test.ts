// Everything hangs at once: the run still ends within its budget and leaves no socket or child
// behind. And HTTP(S)_PROXY / NO_PROXY applied as the go command applies them.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bypassesProxy, proxyEnvFrom, proxyForUrl, runNetworkChecks } from '../../src/network/index.ts';
import { startDnsServer } from '../lab/kit/dns-server.ts';
import { startFullBacklogListener } from '../lab/kit/full-backlog.ts';
import { startGitHttpServer } from '../lab/kit/git.ts';
import { startConnectProxy } from '../lab/kit/https-proxy.ts';
import { createLabCa } from '../lab/kit/tls.ts';
import { cleanEnv, closedPort, FAST_PHASES, goEnv, startSilentServer } from './helpers.ts';

function active(kind: string): number {
  return process.getActiveResourcesInfo().filter((r) => r === kind).length;
}

describe('a run where every endpoint hangs', () => {
  const cleanups: Array<() => Promise<unknown>> = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it('ends within the budget, leaving no sockets or child processes', async () => {
    const home = await cleanEnv();
    cleanups.push(home.dispose);
    const dns = await startDnsServer({
      rules: {
        names: { 'proxy.golang.org': 'drop', 'corp.example.com': 'drop' },
        otherwise: { addresses: ['127.0.0.1'] },
      },
    });
    cleanups.push(() => dns.close());
    const silent = await startSilentServer();
    cleanups.push(silent.close);
    const backlog = await startFullBacklogListener();
    cleanups.push(backlog.close);
    const gitRoot = await mkdtemp(join(tmpdir(), 'gomod-net-git-'));
    cleanups.push(() => rm(gitRoot, { recursive: true, force: true }));
    const git = await startGitHttpServer({
      root: gitRoot,
      faults: [{ match: {}, action: { type: 'stall' } }],
    });
    cleanups.push(() => git.close());
    await writeFile(
      join(home.env.HOME ?? '', '.gitconfig'),
      `[url "${git.url}/"]\n\tinsteadOf = https://github.com/\n`,
    );

    const baseline = { sockets: active('TCPSocketWrap'), children: active('ProcessWrap') };
    const budgetMs = 2_500;
    const started = performance.now();
    const result = await runNetworkChecks({
      env: home.env,
      goEnv: goEnv({
        GOPROXY: `https://proxy.golang.org|https://goproxy.io|${backlog.url},direct`,
        GOSUMDB: 'sum.golang.org',
        GOPRIVATE: 'corp.example.com,github.com/corp',
      }),
      requirements: [
        { path: 'github.com/pub/a', version: 'v1.0.0' },
        { path: 'corp.example.com/x', version: 'v1.0.0' },
        { path: 'github.com/corp/secret', version: 'v1.0.0' },
      ],
      resolver: `127.0.0.1:${dns.port}`,
      connectOverride: {
        'goproxy.io:443': `127.0.0.1:${silent.port}`,
        'sum.golang.org:443': `127.0.0.1:${silent.port}`,
      },
      budgetMs,
      phaseTimeouts: { ...FAST_PHASES, tcp: 5_000, tls: 5_000, http: 5_000, git: 30_000 },
    });
    const elapsed = performance.now() - started;
    // The budget plus slack for a loaded CI machine; without the budget the git stall runs 30 s.
    expect(elapsed).toBeLessThan(budgetMs + 2_000);
    expect(result.stopped).toBe('budget');
    // The git stall was still running when the budget ran out: it was ended.
    expect(result.probes.find((p) => p.phase === 'git')?.status).toBe('budget');
    const causes = new Set(result.findings.map((f) => f.cause));
    expect(causes.has('dns-failure')).toBe(true);
    expect(causes.has('tls-handshake-timeout') || causes.has('sumdb-unreachable')).toBe(true);
    expect(causes.has('connect-timeout')).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(active('ProcessWrap')).toBeLessThanOrEqual(baseline.children);
    expect(active('TCPSocketWrap')).toBeLessThanOrEqual(baseline.sockets);
  });

  it('an abort (Ctrl-C) ends it at once', async () => {
    const home = await cleanEnv();
    cleanups.push(home.dispose);
    const silent = await startSilentServer();
    cleanups.push(silent.close);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const started = performance.now();
    const result = await runNetworkChecks({
      env: home.env,
      goEnv: goEnv({ GOPROXY: `http://127.0.0.1:${silent.port}` }),
      requirements: [{ path: 'github.com/pub/a', version: 'v1.0.0' }],
      gitConfig: [],
      signal: controller.signal,
      phaseTimeouts: { http: 10_000 },
    });
    // Slack for a loaded CI machine; without the abort the stalled request runs 10 s.
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(result.stopped).toBe('aborted');
    expect(result.findings).toEqual([]);
  });
});

describe('HTTP(S)_PROXY and NO_PROXY', () => {
  it('follows Go: upper case first, NO_PROXY suffixes, CIDRs, *, loopback never proxied', () => {
    const config = proxyEnvFrom({
      HTTPS_PROXY: 'proxy.corp:3128',
      https_proxy: 'http://other:1',
      NO_PROXY: '.corp.example.com,example.org,10.0.0.0/8,[::2]:443',
    });
    expect(proxyForUrl('https://proxy.golang.org/x', config)).toMatchObject({
      use: true,
      proxy: { host: 'proxy.corp', port: 3128, scheme: 'http' },
    });
    expect(proxyForUrl('http://proxy.golang.org/x', config)).toMatchObject({ use: false, reason: 'unset' });
    expect(bypassesProxy(config.noProxy, 'git.corp.example.com', 443)).toBe('no-proxy');
    expect(bypassesProxy(config.noProxy, 'corp.example.com', 443)).toBeUndefined();
    expect(bypassesProxy(config.noProxy, 'example.org', 443)).toBe('no-proxy');
    expect(bypassesProxy(config.noProxy, 'sub.example.org', 443)).toBe('no-proxy');
    expect(bypassesProxy(config.noProxy, 'notexample.org', 443)).toBeUndefined();
    expect(bypassesProxy(config.noProxy, '10.1.2.3', 443)).toBe('no-proxy');
    expect(bypassesProxy(config.noProxy, '::2', 443)).toBe('no-proxy');
    expect(bypassesProxy(config.noProxy, '::2', 80)).toBeUndefined();
    expect(bypassesProxy('', 'localhost', 443)).toBe('loopback');
    expect(bypassesProxy('', '127.0.0.5', 443)).toBe('loopback');
    expect(bypassesProxy('*', 'anything.example', 443)).toBe('no-proxy');
    expect(
      proxyForUrl('http://x.example/', proxyEnvFrom({ HTTP_PROXY: 'http://p:1', REQUEST_METHOD: 'GET' })),
    ).toMatchObject({ reason: 'invalid' });
  });

  it('a dead HTTPS_PROXY, a 407 and a 403 on CONNECT', async () => {
    const home = await cleanEnv();
    const ca = await createLabCa();
    const dns = await startDnsServer({ rules: { names: {}, otherwise: 'nxdomain' } });
    const connect = await startConnectProxy({
      ca,
      faults: [
        { host: 'proxy.golang.org', action: { type: 'refuse', status: 407 } },
        { host: 'goproxy.io', action: { type: 'refuse', status: 403 } },
      ],
    });
    try {
      const run = (httpsProxy: string, goproxy: string) =>
        runNetworkChecks({
          env: { ...home.env, HTTPS_PROXY: httpsProxy },
          goEnv: goEnv({ GOPROXY: goproxy }),
          requirements: [{ path: 'github.com/pub/a', version: 'v1.0.0' }],
          gitConfig: [],
          resolver: `127.0.0.1:${dns.port}`,
          phaseTimeouts: FAST_PHASES,
        });
      const dead = await run(`http://127.0.0.1:${await closedPort()}`, 'https://proxy.golang.org');
      expect(dead.findings[0]).toMatchObject({ cause: 'http-proxy-misconfigured', severity: 'error' });
      const auth = await run(connect.url, 'https://proxy.golang.org');
      expect(auth.findings[0]).toMatchObject({ cause: 'http-proxy-misconfigured' });
      expect(auth.findings[0]?.message).toMatch(/407 Proxy Authentication Required/);
      const policy = await run(connect.url, 'https://goproxy.io');
      expect(policy.findings[0]).toMatchObject({ cause: 'egress-policy-forbidden' });
      expect(dns.log).toEqual([]);
    } finally {
      await connect.close();
      await dns.close();
      await ca.dispose();
      await home.dispose();
    }
  });
});
