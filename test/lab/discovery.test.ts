// ?go-get=1 discovery that fails (404, a sign-in page, a tag for another prefix, two tags) and
// GOPRIVATE values that never match, proven with the real go command of every lab release. Every
// host is a real-looking name, so each case must reach only the lab's CONNECT proxy: the tests
// check its log for every host the go command asked for.
import { describe, expect, it } from 'vitest';
import { NO_GO_REASON } from '../helpers/go-matrix.ts';
import { LAB_CASES, labToolchains } from './cases.ts';
import { proveCase, useLabServers } from './run-cases.ts';

const noGo = labToolchains().length === 0;

/** The hosts each case may ask for (through HTTPS_PROXY), and one request that must be among them. */
const ROUTED: Record<string, { hosts: string[]; request: string }> = {
  'go-get-404': { hosts: ['go.corp.example.com'], request: 'GET /gone/lib?go-get=1' },
  'go-get-no-meta': { hosts: ['go.corp.example.com'], request: 'GET /login/lib?go-get=1' },
  'go-get-meta-mismatch': { hosts: ['go.corp.example.com'], request: 'GET /mismatch/lib?go-get=1' },
  'go-get-multiple-meta': { hosts: ['go.corp.example.com'], request: 'GET /multi/lib?go-get=1' },
  'goprivate-url-scheme': {
    hosts: ['proxy.golang.org'],
    request: 'GET /git.corp.example.com/team/scheme/@v/v1.0.0.info',
  },
  'goprivate-space': {
    hosts: ['git.corp.example.com', 'proxy.golang.org', 'sum.golang.org'],
    request: 'GET /lookup/git.corp.example.com/team/spaced@v1.0.0',
  },
};

describe.skipIf(noGo)(`go-get discovery and GOPRIVATE faults${noGo ? ` (${NO_GO_REASON})` : ''}`, () => {
  const lab = useLabServers();

  const cases = LAB_CASES.filter((c) => c.name.startsWith('go-get-') || c.name.startsWith('goprivate-'));

  it('every case here says which hosts it may reach', () => {
    expect(cases.map((c) => c.name).sort()).toEqual(Object.keys(ROUTED).sort());
  });

  // Tests of one file run one after another, so the shared proxy's log holds this case alone.
  for (const c of cases) {
    it(`${c.name}: ${c.title}`, async () => {
      lab().https.clearLog();
      await proveCase(c, lab());
      const { hosts, request } = ROUTED[c.name]!;
      const log = lab().https.log;
      expect([...new Set(log.map((entry) => entry.host))].sort()).toEqual(hosts);
      // Every CONNECT was accepted and tunnelled (no fault), and the key request came from each release.
      expect(log.every((entry) => entry.status === 200)).toBe(true);
      const requests = log.flatMap((entry) => entry.requests);
      expect(requests.filter((r) => r === request).length).toBeGreaterThanOrEqual(labToolchains().length);
    }, 30_000);
  }
});
