// Module proxies that misbehave, on loopback: each failure becomes the finding the go command's
// own failure would match.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { NetworkCheckInput } from '../../src/network/index.ts';
import { runNetworkChecks } from '../../src/network/index.ts';
import { startFullBacklogListener } from '../lab/kit/full-backlog.ts';
import type { ProxyServer } from '../lab/kit/proxy-server.ts';
import { cleanEnv, closedPort, FAST_PHASES, goEnv, startPublicProxy } from './helpers.ts';

let proxy: ProxyServer;
let home: Awaited<ReturnType<typeof cleanEnv>>;
beforeAll(async () => {
  proxy = await startPublicProxy();
  home = await cleanEnv();
});
afterAll(async () => {
  await proxy.close();
  await home.dispose();
});
afterEach(() => {
  proxy.clearFaults();
  proxy.clearLog();
});

const requirements = [
  { path: 'github.com/pub/a', version: 'v1.0.0' },
  { path: 'github.com/pub/b', version: 'v1.2.0' },
];

function check(goproxy: string, extra: Partial<NetworkCheckInput> = {}) {
  return runNetworkChecks({
    env: home.env,
    goEnv: goEnv({ GOPROXY: goproxy }),
    requirements,
    gitConfig: [],
    phaseTimeouts: FAST_PHASES,
    ...extra,
  });
}

describe('a healthy proxy', () => {
  it('answers the public module list: no findings, timings recorded', async () => {
    const result = await check(proxy.url);
    expect(result.findings).toEqual([]);
    const http = result.probes.find((p) => p.phase === 'http');
    expect(http).toMatchObject({ ok: true, status: 'ok', services: ['goproxy'] });
    expect(http?.http?.status).toBe(200);
    expect(http?.http?.ttfbMs).toBeGreaterThanOrEqual(0);
    expect(result.probes.find((p) => p.phase === 'tcp')).toMatchObject({
      ok: true,
      target: `127.0.0.1:${proxy.port}`,
    });
    // Only a public module this project requires was asked for.
    expect(proxy.log.map((r) => r.path)).toEqual(['/github.com/pub/a/@v/list']);
  });
});

describe('proxy faults', () => {
  it('refused: nothing listens on the port', async () => {
    const port = await closedPort();
    const result = await check(`http://127.0.0.1:${port}`);
    expect(result.findings[0]).toMatchObject({ cause: 'connection-refused', severity: 'error' });
  });

  it('stall: accepts the request, never answers', async () => {
    proxy.addFault({ match: { endpoint: 'list' }, action: { type: 'stall' } });
    const started = performance.now();
    const result = await check(proxy.url);
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(result.findings[0]).toMatchObject({ cause: 'proxy-stall', severity: 'error' });
    expect(result.findings[0]?.message).toMatch(/wait forever/);
  });

  it('dribble: answers, but the body trickles', async () => {
    proxy.addFault({
      match: { endpoint: 'list' },
      action: { type: 'dribble', chunkBytes: 1, intervalMs: 400 },
    });
    const result = await check(proxy.url);
    expect(result.findings[0]).toMatchObject({ cause: 'proxy-stall', severity: 'warning' });
    expect(result.findings[0]?.title).toMatch(/slowly/);
  });

  it('reset: the connection is cut in the middle of the body', async () => {
    proxy.addFault({ match: { endpoint: 'list' }, action: { type: 'reset', afterBytes: 2 } });
    const result = await check(proxy.url);
    expect(result.findings[0]).toMatchObject({ cause: 'connection-reset', severity: 'error' });
  });

  it('close: the connection is closed without an answer', async () => {
    proxy.addFault({ match: { endpoint: 'list' }, action: { type: 'close' } });
    const result = await check(proxy.url);
    expect(result.findings[0]).toMatchObject({ cause: 'connection-reset' });
    expect(result.findings[0]?.evidence?.[0]?.text).toMatch(/EOF/);
  });

  it.each([
    [404, 'proxy-server-error', 'error'],
    [410, 'proxy-server-error', 'error'],
    [500, 'proxy-server-error', 'error'],
    [502, 'proxy-server-error', 'error'],
    [403, 'egress-policy-forbidden', 'error'],
  ] as const)('status %i → %s', async (status, cause, severity) => {
    proxy.addFault({ match: { endpoint: 'list' }, action: { type: 'status', status } });
    const result = await check(proxy.url);
    expect(result.findings[0]).toMatchObject({ cause, severity });
    expect(result.findings[0]?.evidence?.[0]?.text).toContain(String(status));
  });

  it('a 404 for a module the project requires: the mirror lacks it, named', async () => {
    proxy.addFault({ match: { endpoint: 'list' }, action: { type: 'status', status: 404 } });
    const result = await check(`${proxy.url},direct`);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ cause: 'proxy-server-error', severity: 'warning' });
    expect(result.findings[0]?.title).toBe(
      `127.0.0.1 does not have github.com/pub/a, which this project requires`,
    );
  });

  it('no public module from this proxy: a well-known one, whose 404 is information only', async () => {
    proxy.addFault({ match: { endpoint: 'list' }, action: { type: 'status', status: 404 } });
    const result = await check(proxy.url, { requirements: [{ path: 'example.net/lib', version: 'v1.0.0' }] });
    expect(proxy.log.map((r) => r.path)).toEqual(['/golang.org/x/text/@v/list']);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ cause: 'proxy-server-error', severity: 'info' });
    expect(result.findings[0]?.title).toMatch(/golang\.org\/x\/text \(for information\)/);
  });

  it('a private-looking module is never the probe, even when it is the only one', async () => {
    const result = await check(proxy.url, {
      requirements: [{ path: 'git.corp.example.com/team/lib', version: 'v1.0.0' }],
    });
    expect(proxy.log.map((r) => r.path)).toEqual(['/golang.org/x/text/@v/list']);
    expect(result.findings).toEqual([]);
  });

  it('a 200 that is a web page, not a version list → goproxy-invalid', async () => {
    proxy.addFault({
      match: { endpoint: 'list' },
      action: {
        type: 'status',
        status: 200,
        body: '<html><body>Sign in</body></html>',
        contentType: 'text/html',
      },
    });
    const result = await check(proxy.url);
    expect(result.findings[0]).toMatchObject({ cause: 'goproxy-invalid', severity: 'error' });
    expect(result.findings[0]?.title).toMatch(/does not answer like a module proxy/);
  });

  it('a full accept queue: connects hang (SYN_SENT) → connect-timeout', async () => {
    const listener = await startFullBacklogListener();
    try {
      // The kernel completes backlog+1 handshakes into the queue; after that SYNs are dropped.
      expect(listener.queued).toBeGreaterThan(0);
      const started = performance.now();
      const result = await check(listener.url);
      expect(performance.now() - started).toBeLessThan(2_500);
      expect(result.probes.find((p) => p.phase === 'tcp')).toMatchObject({ status: 'timeout' });
      expect(result.findings[0]).toMatchObject({ cause: 'connect-timeout', severity: 'error' });
    } finally {
      await listener.close();
    }
  });
});

describe('the , and | rules of GOPROXY', () => {
  it('a failing first proxy followed by "," stops there: goproxy-no-fallback with the | fix', async () => {
    const port = await closedPort();
    const value = `http://127.0.0.1:${port},${proxy.url},direct`;
    const result = await check(value);
    const causes = result.findings.map((f) => f.cause);
    expect(causes).toContain('connection-refused');
    const noFallback = result.findings.find((f) => f.cause === 'goproxy-no-fallback');
    expect(noFallback?.fixes?.[0]?.command).toBe(
      `go env -w GOPROXY=http://127.0.0.1:${port}|${proxy.url}|direct`,
    );
    expect(result.findings.find((f) => f.cause === 'connection-refused')?.severity).toBe('error');
  });

  it('with "|" the same failure is only a warning and no fallback finding', async () => {
    const port = await closedPort();
    const result = await check(`http://127.0.0.1:${port}|${proxy.url},direct`);
    expect(result.findings.find((f) => f.cause === 'connection-refused')?.severity).toBe('warning');
    expect(result.findings.some((f) => f.cause === 'goproxy-no-fallback')).toBe(false);
  });
});

describe('texts', () => {
  it('findings come in zh-CN too', async () => {
    const port = await closedPort();
    const result = await check(`http://127.0.0.1:${port}`, { lang: 'zh-CN' });
    expect(result.findings[0]?.title).toMatch(/拒绝连接/);
  });
});
