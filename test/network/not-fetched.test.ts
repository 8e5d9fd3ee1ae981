// GOPROXY=off and -mod=vendor: the go command downloads nothing, so it looks nothing up in the
// checksum database either. The routing table says "not fetched" and no proxy or checksum database
// is probed (a probe of an unreachable sum.golang.org used to report a false sumdb-unreachable).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeRoutes, describeRoutes, runNetworkChecks } from '../../src/network/index.ts';
import { cleanEnv, closedPort, FAST_PHASES, goEnv } from './helpers.ts';

const requirements = [
  { path: 'github.com/pub/a', version: 'v1.0.0' },
  { path: 'golang.org/x/text', version: 'v0.14.0' },
];

let home: Awaited<ReturnType<typeof cleanEnv>>;
beforeAll(async () => {
  home = await cleanEnv();
});
afterAll(async () => {
  await home.dispose();
});

describe('nothing is fetched', () => {
  const cases: Array<[name: string, settings: Record<string, string>, reason: string]> = [
    ['GOPROXY=off', { GOPROXY: 'off' }, 'GOPROXY=off'],
    ['-mod=vendor', { GOFLAGS: '-mod=vendor' }, '-mod=vendor in GOFLAGS'],
  ];
  for (const [name, settings, reason] of cases) {
    it(`${name}: routes say "not fetched", no checksum database is counted`, () => {
      const table = computeRoutes({ goEnv: goEnv({ ...settings, GOSUMDB: 'sum.golang.org' }), requirements });
      for (const route of table.modules) expect(route.checksum.kind).toBe('not-fetched');
      expect(table.sumdb?.moduleCount).toBe(0);
      expect(describeRoutes(table, 'en')).toEqual([
        `not fetched (${reason}): 2 modules (github.com/pub/a, golang.org/x/text)`,
      ]);
      expect(describeRoutes(table, 'zh-CN')[0]).toMatch(/^不会获取/);
    });

    it(`${name}: neither proxy nor checksum database is probed, no finding`, async () => {
      // Both a proxy and the checksum database point at a port where nothing listens: a probe of
      // either would fail and become a finding.
      const port = await closedPort();
      const result = await runNetworkChecks({
        env: home.env,
        goEnv: goEnv({
          GOPROXY: `http://127.0.0.1:${port}`,
          GOSUMDB: `sum.golang.org http://127.0.0.1:${port}`,
          ...settings,
        }),
        requirements,
        gitConfig: [],
        phaseTimeouts: FAST_PHASES,
      });
      expect(result.probes).toEqual([]);
      expect(result.endpoints).toEqual([]);
      expect(result.findings).toEqual([]);
    });
  }

  it('a proxy list ending in off still fetches through the proxy and checks sums', () => {
    const table = computeRoutes({
      goEnv: goEnv({ GOPROXY: 'https://corp.example.com,off', GOSUMDB: 'sum.golang.org' }),
      requirements,
    });
    expect(table.modules.map((m) => m.checksum.kind)).toEqual(['sumdb', 'sumdb']);
    expect(table.sumdb?.moduleCount).toBe(2);
  });
});
