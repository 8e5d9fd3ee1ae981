// A company mirror that serves only the modules the company uses: the real go command builds the
// project through it, so the network check must not call it broken because it lacks a well-known
// public module. It is probed with a public module the project itself requires; when the mirror
// lacks that one, the go command fails on it and the finding names it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNetworkChecks } from '../../src/network/index.ts';
import { goToolchains, NO_GO_REASON } from '../helpers/go-matrix.ts';
import { type ProxyServer, startProxyServer } from '../lab/kit/proxy-server.ts';
import { createSandbox, type Sandbox } from '../lab/kit/sandbox.ts';
import { createUniverse } from '../lab/kit/universe.ts';
import { cleanEnv, FAST_PHASES, goEnv } from './helpers.ts';

const toolchain = goToolchains().at(-1);
const module = (path: string) => ({
  path,
  versions: { 'v1.0.0': { files: { 'go.mod': `module ${path}\n`, 'x.go': 'package x\n' } } },
});
const GOMOD = 'module example.com/app\n\ngo 1.21\n\nrequire github.com/pub/a v1.0.0\n';

let mirror: ProxyServer;
let empty: ProxyServer;
let home: Awaited<ReturnType<typeof cleanEnv>>;
const sandboxes: Sandbox[] = [];

beforeAll(async () => {
  // What the company uses, and nothing else (no golang.org/x/text).
  mirror = await startProxyServer({ universe: createUniverse([module('github.com/pub/a')]) });
  empty = await startProxyServer({ universe: createUniverse([module('github.com/other/z')]) });
  home = await cleanEnv();
});
afterAll(async () => {
  await Promise.all(sandboxes.map((s) => s.dispose()));
  await mirror?.close();
  await empty?.close();
  await home?.dispose();
});

async function goModDownload(proxyUrl: string) {
  const sandbox = await createSandbox({ go: toolchain!, goproxy: proxyUrl });
  sandboxes.push(sandbox);
  await sandbox.writeFiles({ 'go.mod': GOMOD });
  return sandbox.go(['mod', 'download', 'github.com/pub/a'], { timeoutMs: 60_000 });
}

function check(proxyUrl: string) {
  return runNetworkChecks({
    env: home.env,
    goEnv: goEnv({ GOPROXY: proxyUrl }),
    requirements: [{ path: 'github.com/pub/a', version: 'v1.0.0' }],
    gitConfig: [],
    phaseTimeouts: FAST_PHASES,
  });
}

describe.skipIf(!toolchain)(
  `a company mirror${toolchain ? ` (go ${toolchain.version})` : ` (${NO_GO_REASON})`}`,
  () => {
    it('serves what the project needs: go succeeds, and no finding although it lacks golang.org/x/text', async () => {
      const go = await goModDownload(mirror.url);
      expect(go.exitCode, go.stderr).toBe(0);
      mirror.clearLog();
      const result = await check(mirror.url);
      expect(mirror.log.map((r) => `${r.path} ${r.status}`)).toEqual(['/github.com/pub/a/@v/list 200']);
      expect(result.findings).toEqual([]);
    });

    it('lacks the module the project needs: go fails on it, and the finding names it', async () => {
      const go = await goModDownload(empty.url);
      expect(go.exitCode).not.toBe(0);
      expect(go.stderr).toMatch(/github\.com\/pub\/a\/@v\/v1\.0\.0\.(info|mod): 404 Not Found/);
      const result = await check(empty.url);
      expect(result.findings).toHaveLength(1);
      expect(result.findings[0]).toMatchObject({ cause: 'proxy-server-error', severity: 'error' });
      expect(result.findings[0]?.title).toMatch(
        /does not have github\.com\/pub\/a, which this project requires/,
      );
    });
  },
);
