// Each GOPROXY fault of the lab, proven with the real go command of every installed lab release.
import { afterEach, describe, expect, it } from 'vitest';
import { NO_GO_REASON } from '../helpers/go-matrix.ts';
import { LAB_CASES, labCase, labToolchains } from './cases.ts';
import { proveCase, useLabServers } from './run-cases.ts';

const noGo = labToolchains().length === 0;

describe.skipIf(noGo)(`GOPROXY faults against the real go command${noGo ? ` (${NO_GO_REASON})` : ''}`, () => {
  const lab = useLabServers();
  afterEach(() => {
    lab().proxy.clearLog();
  });

  for (const c of LAB_CASES.filter((c) => c.name.startsWith('proxy-'))) {
    it(`${c.name}: ${c.title}`, async () => {
      await proveCase(c, lab());
    });
  }

  it('stall: the request reached the proxy and was never answered', async () => {
    await proveCase(labCase('proxy-stall'), lab());
    const stalled = lab().proxy.log.filter((r) => r.module === 'example.com/lab/stall');
    expect(stalled.length).toBe(labToolchains().length);
    for (const request of stalled) {
      expect(request).toMatchObject({ endpoint: 'info', version: 'v1.0.0', fault: 'stall' });
      expect(request.status).toBeUndefined();
    }
  });

  it('slow: the dribbled zip takes the time the fault says', async () => {
    const runs = await proveCase(labCase('proxy-slow'), lab());
    // ~1 KiB zip at 100 bytes per 150 ms.
    for (const run of runs.values()) expect(run.result.durationMs).toBeGreaterThan(700);
  });
});
