// Private-looking dependencies that GOPRIVATE does not cover. First the real go command, with the
// default proxy reached through the lab's HTTPS proxy, sends each path to proxy.golang.org and
// stops on its 410; then the doctor, offline, names the module, the evidence that made it look
// private (in the order suffix, labels, git config, .netrc) and the exact GOPRIVATE pattern; the
// healthy twins (covered by GOPRIVATE, or public) yield no finding.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDoctor } from '../../src/doctor/run.ts';
import { privateLooking } from '../../src/module/private-looking.ts';
import { goToolchain, NO_GO_REASON } from '../helpers/go-matrix.ts';
import { privateRepoBody } from '../lab/kit/faults.ts';
import { type ConnectProxy, startConnectProxy } from '../lab/kit/https-proxy.ts';
import { type ProxyServer, startProxyServer } from '../lab/kit/proxy-server.ts';
import { createSandbox, type Sandbox } from '../lab/kit/sandbox.ts';
import { createLabCa, type LabCa } from '../lab/kit/tls.ts';
import { createUniverse } from '../lab/kit/universe.ts';

const RELEASES = ['1.19', '1.27'].filter((v) => goToolchain(v));

interface Case {
  name: string;
  path: string;
  kind: 'suffix' | 'label' | 'gitconfig' | 'netrc';
  detail: RegExp;
  pattern: string;
  gitConfig?: Array<{ section: string; subsection?: string; key: string; value: string }>;
  netrc?: string;
}

const CASES: Case[] = [
  {
    name: 'a host under .internal',
    path: 'git.acme.internal/team/lib',
    kind: 'suffix',
    detail: /\.internal/,
    pattern: 'git.acme.internal',
  },
  {
    name: 'a host in a private IPv4 range',
    path: '10.1.2.3/team/lib',
    kind: 'suffix',
    detail: /10\.0\.0\.0\/8/,
    pattern: '10.1.2.3',
  },
  {
    name: 'a "corp" label on a company domain',
    path: 'git.corp.example.com/platform/auth',
    kind: 'label',
    detail: /label "corp"/,
    pattern: 'git.corp.example.com',
  },
  {
    name: 'a self-hosted GitLab on a company domain',
    path: 'gitlab.acme-widgets.com/team/lib',
    kind: 'label',
    detail: /"gitlab\." host/,
    pattern: 'gitlab.acme-widgets.com',
  },
  {
    name: 'an insteadOf rule to ssh for the host',
    path: 'modules.acme-widgets.com/lib',
    kind: 'gitconfig',
    detail: /insteadof/i,
    pattern: 'modules.acme-widgets.com',
    gitConfig: [
      {
        section: 'url',
        subsection: 'git@modules.acme-widgets.com:',
        key: 'insteadOf',
        value: 'https://modules.acme-widgets.com/',
      },
    ],
  },
  {
    name: 'an account on GitHub that git config sends over ssh',
    path: 'github.com/acme-widgets/secret',
    kind: 'gitconfig',
    detail: /insteadof/i,
    pattern: 'github.com/acme-widgets',
    gitConfig: [
      {
        section: 'url',
        subsection: 'git@github.com:acme-widgets/',
        key: 'insteadOf',
        value: 'https://github.com/acme-widgets/',
      },
    ],
  },
  {
    name: 'a ~/.netrc entry for the host',
    path: 'go.acme-widgets.com/lib',
    kind: 'netrc',
    detail: /machine go\.acme-widgets\.com/,
    pattern: 'go.acme-widgets.com',
    netrc: 'machine go.acme-widgets.com login u password p\n',
  },
];

/** Public twins: never private by their name, whatever the settings. */
const PUBLIC = [
  'github.com/pub/lib',
  'code.gitea.io/sdk/gitea',
  'code.cloudfoundry.org/lager',
  'gopkg.in/yaml.v3',
  'golang.org/x/text',
];

let ca: LabCa;
let proxy: ProxyServer;
let https: ConnectProxy;
const sandboxes: Sandbox[] = [];

beforeAll(async () => {
  ca = await createLabCa();
  // proxy.golang.org as it answers for a repository it cannot see.
  proxy = await startProxyServer({
    universe: createUniverse([]),
    faults: CASES.map((c) => ({
      match: { module: c.path },
      action: { type: 'status', status: 410, body: privateRepoBody(c.path) },
    })),
  });
  https = await startConnectProxy({ ca, routes: { 'proxy.golang.org': proxy.url } });
});
afterAll(async () => {
  await Promise.all(sandboxes.map((s) => s.dispose()));
  await https?.close();
  await proxy?.close();
  await ca?.dispose();
});

async function sandboxFor(
  release: string,
  c: Pick<Case, 'gitConfig' | 'netrc'>,
  paths: string[],
  goprivate = '',
) {
  const sandbox = await createSandbox({
    go: goToolchain(release)!,
    goproxy: 'https://proxy.golang.org,direct',
    env: { GOSUMDB: undefined, GOFLAGS: undefined, GOPRIVATE: goprivate || undefined },
  });
  sandboxes.push(sandbox);
  const requires = paths.map((p) => `\t${p} v1.0.0\n`).join('');
  await sandbox.writeFiles({ 'go.mod': `module example.com/app\n\ngo 1.19\n\nrequire (\n${requires})\n` });
  if (c.gitConfig) await sandbox.gitConfig(c.gitConfig);
  if (c.netrc) writeFileSync(join(sandbox.home, '.netrc'), c.netrc, { mode: 0o600 });
  return sandbox;
}

async function privacyFindings(sandbox: Sandbox) {
  const env = Object.fromEntries(Object.entries(sandbox.env).filter(([, v]) => v !== undefined)) as Record<
    string,
    string
  >;
  const result = await runDoctor({
    cwd: sandbox.workDir,
    env,
    lang: 'en',
    only: ['settings/private-patterns'],
  });
  return result.report.findings.filter(
    (f) => f.cause === 'private-module-via-proxy' || f.cause === 'sumdb-private-module',
  );
}

describe('the private-looking heuristic (no go needed)', () => {
  it('decides in the documented order and never for public hosts', () => {
    expect(privateLooking('git.corp.internal/x')?.kind).toBe('suffix');
    expect(privateLooking('intranet/x')).toMatchObject({ kind: 'suffix', detail: 'single label' });
    expect(privateLooking('192.168.1.10/x')?.detail).toBe('192.168.0.0/16');
    expect(privateLooking('8.8.8.8/x')).toBeUndefined();
    expect(privateLooking('scm.example.org/x')?.kind).toBe('label');
    expect(privateLooking('git.sr.ht/~user/x')).toBeUndefined();
    for (const p of PUBLIC) expect(privateLooking(p), p).toBeUndefined();
    // A host-wide rule says nothing about which GitHub account is private.
    const hostWide = [{ key: 'url.git@github.com:.insteadof', value: 'https://github.com/' }];
    expect(
      privateLooking('github.com/pub/lib', { gitConfig: hostWide, netrcMachines: ['github.com'] }),
    ).toBeUndefined();
    expect(
      privateLooking('example.net/lib', {
        gitConfig: [{ key: 'credential.https://example.net.helper', value: 'store' }],
      }),
    ).toMatchObject({ kind: 'gitconfig', pattern: 'example.net' });
  });
});

describe.skipIf(RELEASES.length === 0)(
  `private-looking requirements against go ${RELEASES.join(', ')}${RELEASES.length ? '' : ` (${NO_GO_REASON})`}`,
  () => {
    for (const release of RELEASES) {
      for (const c of CASES) {
        it(`go ${release}: ${c.name}`, async () => {
          const sandbox = await sandboxFor(release, c, [c.path]);
          const findings = await privacyFindings(sandbox);
          // The go command sends the path to the public proxy and stops on its answer. Without
          // `direct`: the fallback would take git to the real host.
          const go = await sandbox.go(['mod', 'download', `${c.path}@v1.0.0`], {
            timeoutMs: 60_000,
            env: { GOPROXY: 'https://proxy.golang.org', HTTPS_PROXY: https.url, SSL_CERT_FILE: ca.certFile },
          });
          expect(go.exitCode).not.toBe(0);
          expect(go.stderr).toContain(`https://proxy.golang.org/${c.path}/@v/v1.0.0.info: 410 Gone`);
          expect(findings, JSON.stringify(findings, null, 1)).toHaveLength(1);
          const f = findings[0]!;
          expect(f).toMatchObject({ cause: 'private-module-via-proxy', severity: 'warning', module: c.path });
          expect(f.evidence?.[0]?.text).toMatch(new RegExp(`^${c.kind}: `));
          expect(f.evidence?.[0]?.text).toMatch(c.detail);
          expect(f.fixes?.map((x) => x.command).join('\n')).toContain(`GOPRIVATE=${c.pattern}`);

          // Twin: the same module covered by the pattern the fix names.
          const covered = await sandboxFor(release, c, [c.path], c.pattern);
          expect(await privacyFindings(covered)).toEqual([]);
        }, 120_000);
      }
      it(`go ${release}: public modules are never private-looking, whatever git config and .netrc hold`, async () => {
        const sandbox = await sandboxFor(
          release,
          {
            gitConfig: [
              {
                section: 'url',
                subsection: 'git@github.com:',
                key: 'insteadOf',
                value: 'https://github.com/',
              },
            ],
            netrc: 'machine github.com login u password p\n',
          },
          PUBLIC,
        );
        expect(await privacyFindings(sandbox)).toEqual([]);
      });
    }
  },
);
