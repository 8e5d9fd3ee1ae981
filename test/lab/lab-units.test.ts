// The lab's parts on their own, without a Go toolchain.
import { existsSync } from 'node:fs';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashZip } from '../../src/gosum/dirhash.ts';
import { globToRegExp, matchesRequest } from './kit/faults.ts';
import type { ProxyServer } from './kit/proxy-server.ts';
import { parseProxyPath, startProxyServer } from './kit/proxy-server.ts';
import { createSandbox } from './kit/sandbox.ts';
import { normalizeTranscript } from './kit/transcript.ts';
import { createUniverse } from './kit/universe.ts';

const universe = createUniverse([
  {
    path: 'example.com/Mixed',
    versions: {
      'v1.0.0': { files: { 'go.mod': 'module example.com/Mixed\n', 'm.go': 'package mixed\n' } },
      'v1.1.0-rc.1': { files: { 'm.go': 'package mixed\n' }, time: '2024-05-01T00:00:00Z' },
      'v0.9.0': { files: { 'go.mod': 'module example.com/Mixed\n' } },
    },
    unlisted: ['v0.9.0'],
  },
]);

describe('universe', () => {
  it('lists, dates and names the latest version deterministically', () => {
    expect(universe.list('example.com/Mixed')).toBe('v1.0.0\nv1.1.0-rc.1\n');
    expect(universe.info('example.com/Mixed', 'v1.0.0')).toEqual({
      Version: 'v1.0.0',
      Time: '2024-01-02T00:00:00Z',
    });
    expect(universe.info('example.com/Mixed', 'v1.1.0-rc.1').Time).toBe('2024-05-01T00:00:00Z');
    expect(universe.latest('example.com/Mixed')?.Version).toBe('v1.0.0');
  });

  it('synthesises a go.mod for a version without one, and hashes what it serves', () => {
    expect(new TextDecoder().decode(universe.mod('example.com/Mixed', 'v1.1.0-rc.1'))).toBe(
      'module example.com/Mixed\n',
    );
    const zipHash = hashZip(universe.zip('example.com/Mixed', 'v1.0.0'));
    expect(zipHash.ok && zipHash.value).toBe(universe.sums('example.com/Mixed', 'v1.0.0').zip);
    expect(universe.goSumLines('example.com/Mixed', 'v1.0.0')).toMatch(
      /^example\.com\/Mixed v1\.0\.0 h1:\S+=\nexample\.com\/Mixed v1\.0\.0\/go\.mod h1:\S+=\n$/,
    );
  });

  it('refuses a version that is not semver', () => {
    expect(() => createUniverse([{ path: 'example.com/x', versions: { latest: { files: {} } } }])).toThrow(
      /not a semantic version/,
    );
  });
});

describe('fault selection', () => {
  it('globs stay within path elements unless doubled', () => {
    expect(globToRegExp('corp.example.com/*').test('corp.example.com/a')).toBe(true);
    expect(globToRegExp('corp.example.com/*').test('corp.example.com/a/b')).toBe(false);
    expect(globToRegExp('corp.example.com/**').test('corp.example.com/a/b')).toBe(true);
  });

  it('matches on module, endpoint and version', () => {
    const facts = parseProxyPath('/example.com/!mixed/@v/v1.0.0.zip');
    expect(facts).toEqual({
      path: '/example.com/!mixed/@v/v1.0.0.zip',
      endpoint: 'zip',
      module: 'example.com/Mixed',
      version: 'v1.0.0',
    });
    expect(matchesRequest({ module: 'example.com/*', endpoint: ['zip', 'mod'] }, facts)).toBe(true);
    expect(matchesRequest({ module: 'example.com/*', endpoint: 'info' }, facts)).toBe(false);
    expect(matchesRequest({ version: /^v2\./ }, facts)).toBe(false);
    expect(parseProxyPath('/example.com/Mixed/@v/list').endpoint).toBe('other');
    expect(parseProxyPath('/sumdb/sum.golang.org/supported').endpoint).toBe('sumdb');
  });
});

describe('proxy server', () => {
  let proxy: ProxyServer;
  beforeAll(async () => {
    proxy = await startProxyServer({ universe, ipv6: false });
  });
  afterAll(async () => {
    await proxy.close();
  });

  it('serves the protocol with case encoding (percent-encoded too) and logs requests', async () => {
    const list = await fetch(`${proxy.url}/example.com/%21mixed/@v/list`);
    expect(list.status).toBe(200);
    expect(await list.text()).toBe('v1.0.0\nv1.1.0-rc.1\n');
    const latest = await fetch(`${proxy.url}/example.com/!mixed/@latest`);
    expect(await latest.json()).toEqual({ Version: 'v1.0.0', Time: '2024-01-02T00:00:00Z' });
    const missing = await fetch(`${proxy.url}/example.com/!mixed/@v/v9.9.9.info`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(proxy.log.map((r) => [r.endpoint, r.status])).toEqual([
      ['list', 200],
      ['latest', 200],
      ['info', 404],
    ]);
  });

  it('applies a fault a limited number of times, then recovers', async () => {
    const handle = proxy.addFault({
      match: { module: 'example.com/Mixed', endpoint: 'mod', times: 1 },
      action: { type: 'status', status: 502 },
    });
    const first = await fetch(`${proxy.url}/example.com/!mixed/@v/v1.0.0.mod`);
    const second = await fetch(`${proxy.url}/example.com/!mixed/@v/v1.0.0.mod`);
    expect([first.status, second.status]).toEqual([502, 200]);
    expect(await first.text()).toBe('bad gateway');
    expect(handle.hits).toBe(1);
    handle.remove();
  });

  it('truncates and corrupts zips', async () => {
    proxy.addFault({
      match: { version: 'v1.0.0', endpoint: 'zip' },
      action: { type: 'truncate', bytes: 10 },
    });
    const truncated = new Uint8Array(
      await (await fetch(`${proxy.url}/example.com/!mixed/@v/v1.0.0.zip`)).arrayBuffer(),
    );
    expect(truncated.length).toBe(10);
    proxy.clearFaults();
    proxy.addFault({ match: { endpoint: 'zip' }, action: { type: 'corrupt' } });
    const corrupt = new Uint8Array(
      await (await fetch(`${proxy.url}/example.com/!mixed/@v/v1.0.0.zip`)).arrayBuffer(),
    );
    expect(hashZip(corrupt).ok).toBe(false);
    proxy.clearFaults();
  });

  it('close() ends stalled connections', async () => {
    const stalling = await startProxyServer({
      universe,
      faults: [{ match: { endpoint: 'list' }, action: { type: 'stall' } }],
    });
    const pending = fetch(`${stalling.url}/example.com/!mixed/@v/list`).then(
      () => 'answered',
      () => 'failed',
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stalling.log).toHaveLength(1);
    await stalling.close();
    expect(await pending).toBe('failed');
  });
});

describe('transcripts', () => {
  it('replaces paths, ports, timings and cache hashes', () => {
    const raw = [
      '# get http://127.0.0.1:41234/x/@v/list: 200 OK (0.013s)',
      `0.004s # cd /tmp/lab-1/gopath/pkg/mod/cache/vcs/${'a'.repeat(64)}; git init --bare`,
      'read tcp 127.0.0.1:5555->127.0.0.1:41234: read: connection reset by peer',
    ].join('\n');
    expect(
      normalizeTranscript(raw, {
        placeholders: [
          ['/tmp/lab-1', '$SANDBOX'],
          ['/tmp/lab-1/gopath/pkg/mod', '$GOMODCACHE'],
        ],
      }),
    ).toBe(
      [
        '# get http://127.0.0.1:$PORT/x/@v/list: 200 OK (N.NNNs)',
        'N.NNNs # cd $GOMODCACHE/cache/vcs/<hash>; git init --bare',
        'read tcp 127.0.0.1:$PORT->127.0.0.1:$PORT: read: connection reset by peer',
      ].join('\n'),
    );
  });
});

describe('sandbox', () => {
  it('keeps everything under its root and removes read-only trees on dispose', async () => {
    const sandbox = await createSandbox({ go: { goBin: '/nonexistent/go', goroot: '/nonexistent' } });
    for (const key of ['HOME', 'GOPATH', 'GOMODCACHE', 'GOCACHE', 'GOENV', 'GIT_CONFIG_GLOBAL', 'TMPDIR']) {
      expect(sandbox.env[key], key).toMatch(new RegExp(`^${sandbox.root}/`));
    }
    expect(sandbox.env).toMatchObject({
      GOPROXY: 'off',
      GOSUMDB: 'off',
      GOTOOLCHAIN: 'local',
      GIT_CONFIG_NOSYSTEM: '1',
    });
    const readOnly = join(sandbox.gomodcache, 'example.com', 'x@v1.0.0');
    await mkdir(readOnly, { recursive: true });
    await writeFile(join(readOnly, 'x.go'), 'package x\n');
    await chmod(join(readOnly, 'x.go'), 0o444);
    await chmod(readOnly, 0o555);
    await sandbox.gitConfig([
      { section: 'url', subsection: 'file:///r/', key: 'insteadOf', value: 'https://h/' },
    ]);
    const config = await sandbox.exec('git', ['config', '--global', '--get', 'url.file:///r/.insteadof']);
    expect(config.stdout.trim()).toBe('https://h/');
    await sandbox.dispose();
    expect(existsSync(sandbox.root)).toBe(false);
  });
});
