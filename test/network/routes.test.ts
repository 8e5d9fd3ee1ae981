// The routing table from settings alone: proxies and fallback rules, direct routes with their VCS,
// insteadOf rewrites, GOVCS, and the checksum database's access path.
import { describe, expect, it } from 'vitest';
import { computeRoutes, describeRoutes, insteadOfRules, staticRepo } from '../../src/network/index.ts';
import { goEnv } from './helpers.ts';

const reqs = (...paths: string[]) => paths.map((path) => ({ path, version: 'v1.0.0' }));

describe('computeRoutes', () => {
  it('marks a private-looking module that still goes to proxy.golang.org, with the GOPRIVATE pattern', () => {
    const requirements = reqs(
      'git.corp.example.com/platform/auth',
      'github.com/pub/a',
      'github.com/acme/secret',
    );
    const gitConfig = [{ key: 'url.git@github.com:acme/.insteadof', value: 'https://github.com/acme/' }];
    const table = computeRoutes({ goEnv: goEnv({ GOSUMDB: '' }), requirements, gitConfig });
    expect(table.modules.map((m) => m.privateLooking?.pattern)).toEqual([
      'git.corp.example.com',
      undefined,
      'github.com/acme',
    ]);
    const lines = describeRoutes(table, 'en');
    expect(lines).toContain(
      'git.corp.example.com/platform/auth: sent to proxy.golang.org although private-looking (label "corp"); GOPRIVATE=git.corp.example.com keeps it away',
    );
    expect(lines.some((l) => l.startsWith('github.com/pub/a:'))).toBe(false);
    expect(describeRoutes(table, 'zh-CN').join('\n')).toMatch(/看起来是私有模块/);
    // Covered: no mark.
    const covered = computeRoutes({
      goEnv: goEnv({ GOSUMDB: '', GOPRIVATE: 'git.corp.example.com,github.com/acme' }),
      requirements,
      gitConfig,
    });
    expect(covered.modules.some((m) => m.privateLooking)).toBe(false);
    expect(describeRoutes(covered, 'en').join('\n')).not.toMatch(/private-looking/);
  });

  it('default settings: proxy.golang.org, then direct on 404/410; sumdb through the proxy first', () => {
    const table = computeRoutes({
      goEnv: goEnv({ GOSUMDB: '' }),
      requirements: reqs('github.com/a/b', 'go'),
    });
    expect(table.modules).toHaveLength(1);
    expect(table.modules[0]?.fetch).toEqual({
      kind: 'proxies',
      proxies: [{ url: 'https://proxy.golang.org', fallBackOnError: false }],
      after: 'direct',
    });
    expect(table.modules[0]?.direct).toMatchObject({
      vcs: 'git',
      repoUrl: 'https://github.com/a/b',
      discovery: 'static',
    });
    expect(table.sumdb?.access).toEqual({
      via: 'proxies',
      candidates: [{ url: 'https://proxy.golang.org', fallBackOnError: false }],
      direct: 'https://sum.golang.org',
    });
  });

  it('GOPRIVATE: direct, no sumdb; insteadOf to ssh; go-get for other hosts; suffix paths', () => {
    const table = computeRoutes({
      goEnv: goEnv({
        GOPROXY: 'https://goproxy.cn|https://proxy.golang.org,direct',
        GOPRIVATE: 'github.com/corp,git.corp.example.com',
        GOSUMDB: '',
      }),
      requirements: reqs(
        'github.com/corp/x',
        'git.corp.example.com/team/lib',
        'git.corp.example.com/team/repo.git/sub',
        'github.com/pub/y',
      ),
      insteadOf: insteadOfRules([
        { key: 'url.git@github.com:.insteadof', value: 'https://github.com/' },
        { key: 'url.ssh://git@github.com/corp/.insteadof', value: 'https://github.com/corp/' },
        { key: 'url.https://x/.pushinsteadof', value: 'https://github.com/' },
      ]),
    });
    const corp = table.modules.find((m) => m.module === 'github.com/corp/x');
    expect(corp?.fetch).toEqual({ kind: 'direct', reason: 'gonoproxy' });
    expect(corp?.checksum).toEqual({ kind: 'skipped', reason: 'gonosumdb' });
    // The longest matching insteadOf prefix wins; pushInsteadOf is ignored.
    expect(corp?.direct).toMatchObject({ fetchUrl: 'ssh://git@github.com/corp/x', transport: 'ssh' });
    expect(table.modules.find((m) => m.module === 'git.corp.example.com/team/lib')?.direct).toMatchObject({
      discovery: 'go-get',
      goGetUrl: 'https://git.corp.example.com/team/lib?go-get=1',
    });
    expect(
      table.modules.find((m) => m.module === 'git.corp.example.com/team/repo.git/sub')?.direct,
    ).toMatchObject({
      discovery: 'vcs-suffix',
      repoRoot: 'git.corp.example.com/team/repo.git',
      repoUrl: 'https://git.corp.example.com/team/repo',
      schemes: ['https', 'git+ssh', 'ssh'],
    });
    const pub = table.modules.find((m) => m.module === 'github.com/pub/y');
    expect(pub?.fetch).toMatchObject({ kind: 'proxies', after: 'direct' });
    expect(pub?.direct?.fetchUrl).toBe('git@github.com:pub/y');
    expect(describeRoutes(table, 'en')).toEqual([
      'direct over git+ssh: 1 module (github.com/corp/x)',
      'direct after ?go-get=1 discovery: 1 module (git.corp.example.com/team/lib)',
      'direct over git+https: 1 module (git.corp.example.com/team/repo.git/sub)',
      'sent to goproxy.cn | proxy.golang.org, then direct on 404/410: 1 module (github.com/pub/y)',
      'checksums of 1 module verified with sum.golang.org (through goproxy.cn, proxy.golang.org if it serves /sumdb/, else https://sum.golang.org)',
      'checksums of 3 modules not checked against a checksum database (GONOSUMDB/GOPRIVATE or GOSUMDB=off)',
    ]);
    expect(describeRoutes(table, 'zh-CN')[0]).toBe('直接通过 git+ssh：1 个模块 (github.com/corp/x)');
  });

  it('GOPROXY=off, -mod=vendor, GOSUMDB with a URL, GOVCS', () => {
    expect(
      computeRoutes({ goEnv: goEnv({ GOPROXY: 'off' }), requirements: reqs('a.com/b') }).modules[0]?.fetch,
    ).toEqual({ kind: 'off', reason: 'goproxy-off' });
    expect(
      computeRoutes({ goEnv: goEnv({ GOFLAGS: '-mod=vendor' }), requirements: reqs('a.com/b') }).vendorMode,
    ).toBe(true);
    const url = computeRoutes({
      goEnv: goEnv({ GOSUMDB: 'sum.golang.google.cn' }),
      requirements: reqs('a.com/b'),
    });
    expect(url.sumdb).toMatchObject({
      name: 'sum.golang.org',
      access: { via: 'url', url: 'https://sum.golang.google.cn' },
    });
    const govcs = computeRoutes({
      goEnv: goEnv({ GOPROXY: 'direct', GOVCS: 'github.com:off' }),
      requirements: reqs('github.com/a/b'),
    });
    expect(govcs.modules[0]?.direct?.govcs).toEqual({
      allowed: false,
      error: "GOVCS disallows using git for public github.com/a/b; see 'go help vcs'",
    });
  });

  it('knows the forges the go command knows', () => {
    expect(staticRepo('bitbucket.org/o/r/sub')).toMatchObject({ vcs: 'git', repoRoot: 'bitbucket.org/o/r' });
    expect(staticRepo('golang.org/x/text')).toBeUndefined();
    expect(staticRepo('example.com/repo.hg')).toMatchObject({ vcs: 'hg', discovery: 'vcs-suffix' });
  });
});
