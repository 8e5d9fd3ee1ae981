// One case per kind of finding, each against the real go command and real git in a sandboxed
// environment, plus a healthy project that must yield no warning at all.
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isCauseId } from '../../src/causes/catalog.ts';
import { goToolchain, goToolchains, NO_GO_REASON } from '../helpers/go-matrix.ts';
import { type NamespaceSpec, namespaceSupport } from '../lab/kit/namespace.ts';
import type { Sandbox } from '../lab/kit/sandbox.ts';
import { writeProxyTree } from '../lab/kit/universe.ts';
import {
  type DoctorCase,
  doctorIn,
  doctorInNamespace,
  HEALTHY_GOMOD,
  HEALTHY_GOSUM,
  toolchain,
  universe,
} from './helpers.ts';

interface Expected {
  check: string;
  cause: string;
  severity: 'error' | 'warning' | 'info';
  file?: string;
  line?: number;
  column?: number;
  /** To tell apart two findings of one check with the same cause and severity. */
  title?: RegExp;
}

const sandboxes: Sandbox[] = [];
afterAll(async () => {
  await Promise.all(sandboxes.map((s) => s.dispose()));
});

/** Set `namespace` to run the doctor in a process of its own inside a private mount namespace. */
async function expectFinding(
  c: DoctorCase & { namespace?: (sandbox: Sandbox) => NamespaceSpec },
  expected: Expected,
): Promise<void> {
  const { namespace } = c;
  const { result, sandbox } = namespace ? await doctorInNamespace({ ...c, namespace }) : await doctorIn(c);
  sandboxes.push(sandbox);
  // Every check emits only causes it declares, and only catalog ids.
  for (const outcome of result.outcomes) {
    expect(outcome.status, `${outcome.check.id} ${JSON.stringify(outcome.findings)}`).toBe('ok');
    for (const f of outcome.findings) {
      expect(isCauseId(f.cause)).toBe(true);
      expect(outcome.check.causes, `${outcome.check.id} emitted ${f.cause}`).toContain(f.cause);
    }
  }
  // The finding is looked up by its severity too (a check may report one cause at two severities),
  // so finding it is the severity's assertion; no second, tautological one after it.
  const hit = result.report.findings.find(
    (f) =>
      f.check === expected.check &&
      f.cause === expected.cause &&
      f.severity === expected.severity &&
      (expected.title === undefined || expected.title.test(f.title)),
  );
  expect(hit, JSON.stringify(result.report.findings, null, 1)).toBeDefined();
  if (expected.file !== undefined) expect(hit!.location?.file).toBe(expected.file);
  if (expected.line !== undefined) expect(hit!.location?.line).toBe(expected.line);
  if (expected.column !== undefined) expect(hit!.location?.column).toBe(expected.column);
}

const mod = (body: string) => `module example.com/app\n\ngo 1.21\n${body}`;

/** Undefined where mounts in a private namespace work (root on Linux), else why not. */
const noNamespaces = await namespaceSupport();

describe.skipIf(!toolchain)(
  `doctor checks against go ${toolchain?.version ?? '(none)'} and git${toolchain ? '' : ` (${NO_GO_REASON})`}`,
  () => {
    it('a healthy project yields no error and no warning', async () => {
      const { result, sandbox } = await doctorIn({});
      sandboxes.push(sandbox);
      const problems = result.report.findings.filter((f) => f.severity !== 'info');
      expect(problems, JSON.stringify(problems, null, 1)).toEqual([]);
      expect(result.areas.map((a) => a.area)).toEqual(['toolchain', 'settings', 'project', 'caches', 'git']);
    });

    describe('project files', () => {
      it('go.mod syntax error, with its position', () =>
        expectFinding(
          { files: { 'go.mod': mod('\nrequire example.com/a\n') } },
          {
            check: 'project/gomod-syntax',
            cause: 'go-mod-syntax',
            severity: 'error',
            file: 'go.mod',
            line: 5,
          },
        ));
      it('a toolchain line the local go (1.19) does not know means the go is too old', () =>
        expectFinding(
          { go: '1.19', files: { 'go.mod': 'module example.com/app\n\ngo 1.21\n\ntoolchain go1.21.5\n' } },
          { check: 'project/gomod-syntax', cause: 'go-version-too-new', severity: 'error', line: 5 },
        ));
      it('major version suffix violation', () =>
        expectFinding(
          { files: { 'go.mod': mod('\nrequire example.com/a v2.0.0\n') } },
          {
            check: 'project/major-versions',
            cause: 'major-version-suffix',
            severity: 'error',
            line: 5,
            column: 23,
          },
        ));
      it('non-canonical version v1.2', () =>
        expectFinding(
          { files: { 'go.mod': mod('\nrequire example.com/a v1.2\n'), 'go.sum': '' } },
          {
            check: 'project/versions',
            cause: 'invalid-version-syntax',
            severity: 'warning',
            line: 5,
            column: 23,
          },
        ));
      it('duplicate requirement', () =>
        expectFinding(
          {
            files: {
              'go.mod': mod('\nrequire example.com/a v1.0.0\nrequire example.com/a v1.0.0\n'),
              'go.sum': HEALTHY_GOSUM,
            },
          },
          { check: 'project/requirements', cause: 'duplicate-requirement', severity: 'warning', line: 6 },
        ));
      it('exclude of the required version', () =>
        expectFinding(
          {
            files: {
              'go.mod': mod('\nrequire example.com/a v1.0.0\nexclude example.com/a v1.0.0\n'),
              'go.sum': HEALTHY_GOSUM,
            },
          },
          { check: 'project/requirements', cause: 'go-mod-needs-update', severity: 'warning', line: 6 },
        ));
      it('retract interval written backwards', () =>
        expectFinding(
          { files: { 'go.mod': mod('\nretract [v1.5.0, v1.2.0]\n') } },
          { check: 'project/requirements', cause: 'invalid-version-syntax', severity: 'warning', line: 5 },
        ));
      const localReplace = {
        files: {
          'go.mod': mod('\nrequire example.com/lib v1.0.0\n\nreplace example.com/lib => ../lib\n'),
          '../lib/go.mod': 'module example.com/lib\n\ngo 1.21\n',
        },
      };
      it('local-path replace outside the module is a warning', () =>
        expectFinding(localReplace, {
          check: 'project/replaces',
          cause: 'local-replace',
          severity: 'warning',
          line: 7,
          column: 28,
        }));
      it('local-path replace is an error with --release', () =>
        expectFinding(
          { ...localReplace, options: { release: true } },
          { check: 'project/replaces', cause: 'local-replace', severity: 'error', line: 7 },
        ));
      it('local-path replace inside the repository is a note', () =>
        expectFinding(
          {
            files: {
              'go.mod': mod('\nrequire example.com/lib v1.0.0\n\nreplace example.com/lib => ./lib\n'),
              'go.sum': '',
              'lib/go.mod': 'module example.com/lib\n',
            },
          },
          { check: 'project/replaces', cause: 'local-replace', severity: 'info' },
        ));
      it('replacement directory missing', () =>
        expectFinding(
          { files: { 'go.mod': mod('\nreplace example.com/lib => ../missing\n') } },
          { check: 'project/replaces', cause: 'replace-target-missing', severity: 'error', line: 5 },
        ));
      it('replacement directory without go.mod', () =>
        expectFinding(
          { files: { 'go.mod': mod('\nreplace example.com/lib => ./lib\n'), 'lib/lib.go': 'package lib\n' } },
          { check: 'project/replaces', cause: 'replace-target-missing', severity: 'error', line: 5 },
        ));
      it('replacement declares another module path', () =>
        expectFinding(
          {
            files: {
              'go.mod': mod('\nreplace example.com/lib => ./lib\n'),
              'lib/go.mod': 'module example.com/fork\n',
            },
          },
          { check: 'project/replaces', cause: 'module-path-mismatch', severity: 'error', line: 5 },
        ));
      it('conflicting replaces', () =>
        expectFinding(
          {
            files: {
              'go.mod': mod(
                '\nreplace example.com/a => example.com/fork v1.0.0\nreplace example.com/a => example.com/other v1.0.0\n',
              ),
            },
          },
          { check: 'project/replaces', cause: 'conflicting-replace', severity: 'error', line: 6 },
        ));
      const work = (uses: string) => `go 1.21\n\nuse (\n${uses})\n`;
      it('go.work uses a missing directory', () =>
        expectFinding(
          { files: { 'go.work': work('\t.\n\t./gone\n'), 'go.mod': HEALTHY_GOMOD, 'go.sum': HEALTHY_GOSUM } },
          {
            check: 'project/workspace',
            cause: 'workspace-mismatch',
            severity: 'error',
            file: 'go.work',
            line: 5,
            column: 2,
          },
        ));
      it('go.work lists one module twice', () =>
        expectFinding(
          {
            files: {
              'go.work': work('\t.\n\t./copy\n'),
              'go.mod': HEALTHY_GOMOD,
              'go.sum': HEALTHY_GOSUM,
              'copy/go.mod': 'module example.com/app\n',
            },
          },
          { check: 'project/workspace', cause: 'workspace-mismatch', severity: 'error', line: 5 },
        ));
      it('go.work go line older than a module', () =>
        expectFinding(
          {
            files: {
              'go.work': work('\t.\n\t./new\n'),
              'go.mod': HEALTHY_GOMOD,
              'go.sum': HEALTHY_GOSUM,
              'new/go.mod': 'module example.com/new\n\ngo 1.22\n',
            },
          },
          { check: 'project/workspace', cause: 'workspace-mismatch', severity: 'error', line: 5 },
        ));
      it('malformed go.sum line', () =>
        expectFinding(
          { files: { 'go.mod': HEALTHY_GOMOD, 'go.sum': `${HEALTHY_GOSUM}example.com/c v1.0.0\n` } },
          { check: 'project/gosum', cause: 'go-sum-malformed', severity: 'error', file: 'go.sum', line: 5 },
        ));
      it('go.sum lacks a requirement', () =>
        expectFinding(
          { files: { 'go.mod': HEALTHY_GOMOD, 'go.sum': universe.goSumLines('example.com/a', 'v1.0.0') } },
          { check: 'project/gosum', cause: 'missing-go-sum-entry', severity: 'warning', line: 7, column: 2 },
        ));
      it('vendor/modules.txt out of step with go.mod', () =>
        expectFinding(
          {
            files: {
              'go.mod': HEALTHY_GOMOD,
              'go.sum': HEALTHY_GOSUM,
              'vendor/modules.txt': '# example.com/a v1.0.0\n## explicit\nexample.com/a\n',
            },
          },
          { check: 'project/vendor', cause: 'inconsistent-vendoring', severity: 'error', line: 7 },
        ));
      it('nested modules are listed', () =>
        expectFinding(
          {
            files: {
              'go.mod': HEALTHY_GOMOD,
              'go.sum': HEALTHY_GOSUM,
              'tools/go.mod': 'module example.com/app/tools\n',
            },
          },
          { check: 'project/nested-modules', cause: 'no-main-module', severity: 'info' },
        ));
      it('a nested module imported by path without a requirement', () =>
        expectFinding(
          {
            files: {
              'go.mod': HEALTHY_GOMOD,
              'go.sum': HEALTHY_GOSUM,
              'main.go':
                'package main\n\nimport (\n\t"fmt"\n\t"example.com/app/sdk/client"\n)\n\nfunc main() { fmt.Println(client.X) }\n',
              'sdk/go.mod': 'module example.com/app/sdk\n',
              'sdk/client/c.go': 'package client\n\nconst X = 1\n',
            },
          },
          { check: 'project/nested-modules', cause: 'missing-requirement', severity: 'warning' },
        ));
      it('a version that is not a version at all', () =>
        expectFinding(
          { files: { 'go.mod': mod('\nrequire example.com/a bogus\n'), 'go.sum': '' } },
          {
            check: 'project/gomod-syntax',
            cause: 'invalid-version-syntax',
            severity: 'error',
            file: 'go.mod',
            line: 5,
            column: 1,
          },
        ));
      it('a module path whose major version suffix is malformed (/v1)', () =>
        expectFinding(
          { files: { 'go.mod': mod('\nrequire example.com/a/v1 v1.0.0\n'), 'go.sum': '' } },
          {
            check: 'project/gomod-syntax',
            cause: 'malformed-module-path',
            severity: 'error',
            file: 'go.mod',
            line: 5,
            column: 1,
          },
        ));
      it('the main module path is not a valid import path', () =>
        expectFinding(
          { files: { 'go.mod': 'module example.com/app/\n\ngo 1.21\n' } },
          {
            check: 'project/versions',
            cause: 'malformed-module-path',
            severity: 'warning',
            file: 'go.mod',
            line: 1,
            column: 1,
          },
        ));
      it('go.mod without a module line', () =>
        expectFinding(
          { files: { 'go.mod': 'go 1.21\n' } },
          {
            check: 'project/module-root',
            cause: 'go-mod-syntax',
            severity: 'error',
            file: 'go.mod',
            line: 1,
            column: 1,
          },
        ));
      it('no go.mod at all', () =>
        expectFinding(
          { files: { README: 'hi\n' } },
          { check: 'project/module-root', cause: 'no-main-module', severity: 'warning' },
        ));
      it('go.sum is a link to a file outside the project', () =>
        expectFinding(
          {
            files: { 'go.mod': HEALTHY_GOMOD },
            prepare: (sandbox) => {
              symlinkSync('/proc/self/environ', join(sandbox.workDir, 'go.sum'));
            },
          },
          { check: 'project/unsafe-files', cause: 'project-file-unsafe', severity: 'error', file: 'go.sum' },
        ));
      it('go.mod is a FIFO', () =>
        expectFinding(
          {
            files: { README: 'hi\n' },
            prepare: (sandbox) => {
              execFileSync('mkfifo', [join(sandbox.workDir, 'go.mod')]);
            },
          },
          { check: 'project/unsafe-files', cause: 'project-file-unsafe', severity: 'error', file: 'go.mod' },
        ));
    });

    describe('module settings', () => {
      it('GO111MODULE=off', () =>
        expectFinding(
          { env: { GO111MODULE: 'off' } },
          { check: 'settings/go111module', cause: 'gopath-mode', severity: 'error' },
        ));
      it('GOFLAGS with a non-flag', () =>
        expectFinding(
          { env: { GOFLAGS: 'mod=mod' } },
          { check: 'settings/goflags', cause: 'goflags-invalid', severity: 'error' },
        ));
      it('GOFLAGS=-mod=vendor without vendor/', () =>
        expectFinding(
          { env: { GOFLAGS: '-mod=vendor' } },
          { check: 'settings/goflags', cause: 'goflags-invalid', severity: 'error' },
        ));
      it('GOFLAGS=-mod=mod in CI', () =>
        expectFinding(
          { env: { GOFLAGS: '-mod=mod', CI: 'true' } },
          { check: 'settings/goflags', cause: 'goflags-invalid', severity: 'warning' },
        ));
      it('GOPROXY=off', () =>
        expectFinding(
          { env: { GOPROXY: 'off' } },
          { check: 'settings/goproxy', cause: 'goproxy-off', severity: 'warning' },
        ));
      it('GOPROXY=direct', () =>
        expectFinding(
          { env: { GOPROXY: 'direct' } },
          { check: 'settings/goproxy', cause: 'goproxy-direct-slow', severity: 'warning' },
        ));
      it('GOPROXY with an invalid scheme', () =>
        expectFinding(
          { env: { GOPROXY: 'ftp://mirror.example.com' } },
          { check: 'settings/goproxy', cause: 'goproxy-invalid', severity: 'error' },
        ));
      it('GOPROXY over plain http', () =>
        expectFinding(
          { env: { GOPROXY: 'http://mirror.example.com,direct' } },
          { check: 'settings/goproxy', cause: 'goproxy-invalid', severity: 'info' },
        ));
      it('GOPROXY comma between two proxies', () =>
        expectFinding(
          { env: { GOPROXY: 'https://corp.example.com,https://proxy.golang.org,direct' } },
          { check: 'settings/goproxy', cause: 'goproxy-no-fallback', severity: 'info' },
        ));
      it('GOSUMDB=off', () =>
        expectFinding(
          { env: { GOSUMDB: 'off' } },
          { check: 'settings/gosumdb', cause: 'gosumdb-disabled', severity: 'warning' },
        ));
      it('GOSUMDB malformed', () =>
        expectFinding(
          { env: { GOSUMDB: 'a b c' } },
          { check: 'settings/gosumdb', cause: 'sumdb-unreachable', severity: 'error' },
        ));
      it('GOPRIVATE with a URL scheme', () =>
        expectFinding(
          { env: { GOPRIVATE: 'https://git.corp.example.com' } },
          { check: 'settings/private-patterns', cause: 'goprivate-misconfigured', severity: 'warning' },
        ));
      it('GOPRIVATE=github.com covers all of GitHub', async () => {
        await expectFinding(
          { env: { GOPRIVATE: 'github.com' } },
          { check: 'settings/private-patterns', cause: 'gosumdb-disabled', severity: 'warning' },
        );
        await expectFinding(
          { env: { GOPRIVATE: 'github.com' } },
          { check: 'settings/private-patterns', cause: 'goproxy-direct-slow', severity: 'warning' },
        );
      });
      it('GOPRIVATE pattern that matches none of the requirements', () =>
        expectFinding(
          { env: { GOPRIVATE: 'git.corp.example.com' } },
          { check: 'settings/private-patterns', cause: 'goprivate-misconfigured', severity: 'info' },
        ));
      it('a private-looking requirement not covered by GOPRIVATE', () =>
        expectFinding(
          { files: { 'go.mod': mod('\nrequire git.corp.internal/team/lib v1.0.0\n'), 'go.sum': '' } },
          { check: 'settings/private-patterns', cause: 'private-module-via-proxy', severity: 'warning' },
        ));
      it('a private-looking requirement kept off the proxy but still checked against the checksum database', () =>
        expectFinding(
          {
            files: { 'go.mod': mod('\nrequire git.corp.internal/team/lib v1.0.0\n'), 'go.sum': '' },
            env: { GONOPROXY: 'git.corp.internal' },
          },
          { check: 'settings/private-patterns', cause: 'sumdb-private-module', severity: 'warning' },
        ));
      const go124 = goToolchain('1.24') ? it : it.skip;
      go124('GOAUTH names a command that is not on PATH (go 1.24)', () =>
        expectFinding(
          { go: '1.24', env: { GOAUTH: 'netrc;corp-auth-helper --token=abc' } },
          { check: 'settings/goauth', cause: 'git-auth-required', severity: 'warning' },
        ),
      );
      go124('GOAUTH with an empty entry stops every download (go 1.24)', () =>
        expectFinding(
          { go: '1.24', env: { GOAUTH: 'netrc;' } },
          { check: 'settings/goauth', cause: 'git-auth-required', severity: 'error' },
        ),
      );
      go124('GOAUTH=git with a relative directory (go 1.24)', () =>
        expectFinding(
          { go: '1.24', env: { GOAUTH: 'git relative/dir' } },
          { check: 'settings/goauth', cause: 'git-auth-required', severity: 'error' },
        ),
      );
      it('GOAUTH set for a go before 1.24 has no effect', () =>
        expectFinding(
          { env: { GOAUTH: 'netrc' } },
          { check: 'settings/goauth', cause: 'git-auth-required', severity: 'info' },
        ));
      it('GOVCS malformed', () =>
        expectFinding(
          { env: { GOVCS: 'github.com' } },
          { check: 'settings/govcs', cause: 'vcs-disallowed', severity: 'error' },
        ));
      it('go env -w value overridden by the environment', () =>
        expectFinding(
          {
            env: { GOPROXY: 'https://proxy.golang.org,direct' },
            prepare: (s) => writeFileSync(s.goenvFile, 'GOPROXY=https://goproxy.cn,direct\n'),
          },
          { check: 'settings/origins', cause: 'setting-shadowed', severity: 'info' },
        ));
    });

    describe('Go toolchain', () => {
      const future = { 'go.mod': 'module example.com/app\n\ngo 1.99\n' };
      it('go line newer than the local go with GOTOOLCHAIN=local', () =>
        expectFinding(
          { files: future },
          { check: 'toolchain/go-line', cause: 'go-version-too-new', severity: 'error', line: 3, column: 1 },
        ));
      it('go line newer than the local go with GOTOOLCHAIN=auto: a download', () =>
        expectFinding(
          { files: future, env: { GOTOOLCHAIN: 'auto' } },
          { check: 'toolchain/go-line', cause: 'toolchain-download', severity: 'warning' },
        ));
      it('a download that GOPROXY=off forbids', () =>
        expectFinding(
          { files: future, env: { GOTOOLCHAIN: 'auto', GOPROXY: 'off' } },
          { check: 'toolchain/go-line', cause: 'toolchain-download', severity: 'error' },
        ));
      it('GOTOOLCHAIN=path without the toolchain on PATH', () =>
        expectFinding(
          { files: future, env: { GOTOOLCHAIN: 'path' } },
          { check: 'toolchain/go-line', cause: 'go-version-too-new', severity: 'error' },
        ));
      it('a go.mod godebug line that Go 1.27 refuses (test/doctor/godebug-removed.test.ts has the rest)', () =>
        expectFinding(
          {
            files: { 'go.mod': 'module example.com/app\n\ngo 1.23\n\ngodebug asynctimerchan=1\n' },
          },
          {
            check: 'toolchain/godebug-removed',
            cause: 'godebug-removed',
            severity: 'warning',
            line: 5,
            column: 9,
          },
        ));
      it('a go without the module-fetching security fixes, with a third-party GOPROXY (test/doctor/security-floor.test.ts has the rest)', () =>
        expectFinding(
          { env: { GOPROXY: 'https://goproxy.cn,direct' } },
          { check: 'toolchain/security-floor', cause: 'go-security-floor', severity: 'warning' },
        ));
      it('GOTOOLCHAIN invalid', () =>
        expectFinding(
          { env: { GOTOOLCHAIN: 'bash' } },
          { check: 'toolchain/go-line', cause: 'gotoolchain-invalid', severity: 'error' },
        ));
      it('GOROOT pointing at another installation', () =>
        expectFinding(
          { env: { GOROOT: '/usr/lib/go-9.99' } },
          { check: 'toolchain/go-binary', cause: 'goroot-broken', severity: 'warning' },
        ));
      const older = goToolchains().find((t) => t.version !== toolchain?.version);
      (older ? it : it.skip)(
        `two go installations on PATH${older ? '' : ' (needs a second toolchain in .cache/go)'}`,
        () =>
          expectFinding(
            {
              env: { PATH: `${join(toolchain!.goroot, 'bin')}:${join(older!.goroot, 'bin')}:/usr/bin:/bin` },
            },
            {
              check: 'toolchain/go-on-path',
              cause: 'goroot-broken',
              severity: 'info',
              title: /^2 different go installations on PATH$/,
            },
          ),
      );
      it('no go on PATH', () =>
        expectFinding(
          { env: { PATH: '/usr/bin:/bin' } },
          { check: 'toolchain/go-binary', cause: 'go-not-installed', severity: 'error' },
        ));
    });

    describe('the release gate (--release): go.mod must be tidy', () => {
      /** The module cache filled by the real go command from a file:// proxy of the universe. */
      const withCache = async (sandbox: Sandbox) => {
        const tree = join(sandbox.labDir, 'proxy');
        await writeProxyTree(universe, tree);
        const filled = await sandbox.go(['mod', 'download', 'example.com/a@v1.0.0', 'example.com/b@v1.1.0'], {
          cwd: sandbox.labDir,
          env: { GOPROXY: `file://${tree}`, GOSUMDB: 'off' },
        });
        if (filled.exitCode !== 0) throw new Error(filled.stderr);
      };
      const mainImportingA = 'package main\n\nimport _ "example.com/a"\n\nfunc main() {}\n';
      const requireA = (marker = '') => mod(`\nrequire example.com/a v1.0.0${marker}\n`);
      const goSumA = universe.goSumLines('example.com/a', 'v1.0.0');

      it('a tidy module passes the gate', async () => {
        const { result, sandbox } = await doctorIn({
          files: { 'go.mod': requireA(), 'go.sum': goSumA, 'main.go': mainImportingA },
          prepare: withCache,
          options: { release: true },
        });
        sandboxes.push(sandbox);
        const outcome = result.outcomes.find((o) => o.check.id === 'project/release-tidy');
        expect(outcome?.status).toBe('ok');
        expect(outcome?.findings).toEqual([]);
      });
      it('a requirement nothing imports', () =>
        expectFinding(
          {
            files: { 'go.mod': HEALTHY_GOMOD, 'go.sum': HEALTHY_GOSUM, 'main.go': mainImportingA },
            prepare: withCache,
            options: { release: true },
          },
          {
            check: 'project/release-tidy',
            cause: 'unused-requirement',
            severity: 'error',
            file: 'go.mod',
            line: 7,
          },
        ));
      it('an import nothing requires', () =>
        expectFinding(
          {
            files: {
              'go.mod': requireA(),
              'go.sum': goSumA,
              'main.go':
                'package main\n\nimport (\n\t_ "example.com/a"\n\t_ "example.com/zzz/pkg"\n)\n\nfunc main() {}\n',
            },
            prepare: withCache,
            options: { release: true },
          },
          {
            check: 'project/release-tidy',
            cause: 'missing-requirement',
            severity: 'error',
            file: 'main.go',
            line: 5,
          },
        ));
      it('a direct import marked // indirect', () =>
        expectFinding(
          {
            files: { 'go.mod': requireA(' // indirect'), 'go.sum': goSumA, 'main.go': mainImportingA },
            prepare: withCache,
            options: { release: true },
          },
          {
            check: 'project/release-tidy',
            cause: 'indirect-marker-mismatch',
            severity: 'error',
            file: 'go.mod',
            line: 5,
          },
        ));
      const withExclude = (files: Record<string, string>) => ({
        files: {
          'go.mod': mod('\nrequire example.com/a v1.0.0\n\nexclude example.com/a v0.9.0\n'),
          'go.sum': goSumA,
          ...files,
        },
        prepare: withCache,
        options: { release: true },
      });
      it('a command whose go.mod has an exclude cannot be go installed by version', () =>
        expectFinding(withExclude({ 'main.go': mainImportingA }), {
          check: 'project/release-installable',
          cause: 'install-replace-directive',
          severity: 'error',
          file: 'go.mod',
          line: 7,
          column: 9,
        }));
      it('a library may keep its exclude', async () => {
        const { result, sandbox } = await doctorIn(
          withExclude({ 'a.go': 'package app\n\nimport _ "example.com/a"\n' }),
        );
        sandboxes.push(sandbox);
        expect(result.report.findings.filter((f) => f.check === 'project/release-installable')).toEqual([]);
      });
      it('without --release the gate stays quiet', async () => {
        const { result, sandbox } = await doctorIn({
          files: {
            'go.mod': `${HEALTHY_GOMOD}\nexclude example.com/a v0.9.0\n`,
            'go.sum': HEALTHY_GOSUM,
            'main.go': mainImportingA,
          },
          prepare: withCache,
        });
        sandboxes.push(sandbox);
        expect(
          result.report.findings.filter(
            (f) => f.check === 'project/release-tidy' || f.check === 'project/release-installable',
          ),
        ).toEqual([]);
      });
    });

    describe('caches and disk', () => {
      it('GOCACHE=off', () =>
        expectFinding(
          { env: { GOCACHE: 'off' } },
          { check: 'caches/writable', cause: 'gocache-unusable', severity: 'error' },
        ));
      it('part of the module cache owned by another user (after sudo go ...)', () =>
        expectFinding(
          {
            prepare: (s) => {
              const dir = join(s.gomodcache, 'example.com');
              mkdirSync(dir, { recursive: true });
              chownSync(dir, 12345, 12345);
            },
          },
          { check: 'caches/writable', cause: 'modcache-permission', severity: 'warning' },
        ));
      it('a module cache that is not writable', () =>
        expectFinding(
          {
            prepare: (s) => {
              // Root may write anywhere, so the cache is put below a regular file: it cannot be created.
              writeFileSync(join(s.labDir, 'a-file'), '');
              s.env.GOMODCACHE = join(s.labDir, 'a-file', 'mod');
            },
          },
          { check: 'caches/writable', cause: 'modcache-permission', severity: 'error' },
        ));
      it('a large module cache: its size as a note, and in the area line', async () => {
        const c: DoctorCase = {
          prepare: (s) => {
            const dir = join(s.gomodcache, 'cache', 'download', 'example.com', 'big', '@v');
            mkdirSync(dir, { recursive: true });
            // Sparse: 2 GiB apparent size without using the disk.
            writeFileSync(join(dir, 'v1.0.0.zip'), '');
            truncateSync(join(dir, 'v1.0.0.zip'), 2 * 1024 ** 3);
          },
        };
        await expectFinding(c, { check: 'caches/sizes', cause: 'cache-large', severity: 'info' });
        const { result, sandbox } = await doctorIn(c);
        sandboxes.push(sandbox);
        expect(result.areas.find((a) => a.area === 'caches')?.summary).toMatch(
          /^module cache .+ \(2\.0 GiB\), build cache empty$/,
        );
      });
      describe.skipIf(noNamespaces)(
        `a small tmpfs as the module cache${noNamespaces ? ` (skipped: ${noNamespaces})` : ''}`,
        () => {
          const cacheOn = (options: string) => (s: Sandbox) => ({
            tmpfs: [{ target: s.gomodcache, options }],
          });
          it('1 MiB free: an error', () =>
            expectFinding(
              { namespace: cacheOn('size=1m') },
              {
                check: 'caches/disk-space',
                cause: 'disk-full',
                severity: 'error',
                title: /^Only 1 MiB free for GOMODCACHE$/,
              },
            ));
          it('512 MiB free: a warning', () =>
            expectFinding(
              { namespace: cacheOn('size=512m') },
              {
                check: 'caches/disk-space',
                cause: 'disk-full',
                severity: 'warning',
                title: /^Only 512 MiB free for GOMODCACHE$/,
              },
            ));
          it('space left but almost no inodes: an error', () =>
            expectFinding(
              { namespace: cacheOn('size=64m,nr_inodes=100') },
              {
                check: 'caches/disk-space',
                cause: 'disk-full',
                severity: 'error',
                title: /^Only \d{2} free inodes for GOMODCACHE$/,
              },
            ));
          it('10 000 inodes left: a warning', () =>
            expectFinding(
              { namespace: cacheOn('size=64m,nr_inodes=10000') },
              {
                check: 'caches/disk-space',
                cause: 'disk-full',
                severity: 'warning',
                title: /^Only \d{4} free inodes for GOMODCACHE$/,
              },
            ));
        },
      );
      it('leftover partial downloads', () =>
        expectFinding(
          {
            prepare: (s) => {
              const dir = join(s.gomodcache, 'cache', 'download', 'example.com', 'a', '@v');
              mkdirSync(dir, { recursive: true });
              writeFileSync(join(dir, 'v1.0.0.partial'), '');
              writeFileSync(join(dir, 'v1.0.0.zip123456.tmp'), 'PK');
            },
          },
          { check: 'caches/leftovers', cause: 'modcache-corrupt', severity: 'warning' },
        ));
      it('a cache lock held right now, with its holder', async () => {
        const { spawn } = await import('node:child_process');
        let holder: import('node:child_process').ChildProcess | undefined;
        try {
          await expectFinding(
            {
              prepare: async (s) => {
                const dir = join(s.gomodcache, 'cache', 'download', 'example.com', 'a', '@v');
                mkdirSync(dir, { recursive: true });
                const lock = join(dir, 'v1.0.0.lock');
                writeFileSync(lock, '');
                holder = spawn('flock', [lock, 'sleep', '20'], { stdio: 'ignore' });
                await new Promise((r) => setTimeout(r, 300));
              },
            },
            { check: 'caches/leftovers', cause: 'cache-lock-wait', severity: 'info' },
          );
        } finally {
          holder?.kill('SIGKILL');
        }
      });
    });

    describe('git and credentials', () => {
      it('insteadOf sends a host over ssh without key or known host', () =>
        expectFinding(
          {
            prepare: (s) =>
              s.gitConfig([
                {
                  section: 'url',
                  subsection: 'git@github.com:',
                  key: 'insteadOf',
                  value: 'https://github.com/',
                },
              ]),
          },
          { check: 'git/ssh-hosts', cause: 'git-ssh-auth', severity: 'warning' },
        ));
      const privateMod = {
        'go.mod': mod('\nrequire git.corp.example.com/team/lib v1.0.0\n'),
        'go.sum': '',
      };
      it('a private module host without any credentials for git', () =>
        expectFinding(
          { files: privateMod, env: { GOPRIVATE: 'git.corp.example.com' } },
          { check: 'git/module-hosts', cause: 'git-auth-required', severity: 'warning' },
        ));
      it('a private module host with a ~/.netrc entry: no warning', async () => {
        const { result, sandbox } = await doctorIn({
          files: privateMod,
          env: { GOPRIVATE: 'git.corp.example.com' },
          prepare: (s) => {
            writeFileSync(join(s.home, '.netrc'), 'machine git.corp.example.com login me password x\n');
            chmodSync(join(s.home, '.netrc'), 0o600);
          },
        });
        sandboxes.push(sandbox);
        expect(result.report.findings.filter((f) => f.check === 'git/module-hosts')).toEqual([]);
      });
      it('a ~/.netrc entry for a private host that git reaches over ssh', () =>
        expectFinding(
          {
            files: privateMod,
            env: { GOPRIVATE: 'git.corp.example.com' },
            prepare: async (s) => {
              writeFileSync(join(s.home, '.netrc'), 'machine git.corp.example.com login me password x\n');
              chmodSync(join(s.home, '.netrc'), 0o600);
              await s.gitConfig([
                {
                  section: 'url',
                  subsection: 'git@git.corp.example.com:',
                  key: 'insteadOf',
                  value: 'https://git.corp.example.com/',
                },
              ]);
            },
          },
          { check: 'git/module-hosts', cause: 'git-ssh-auth', severity: 'info' },
        ));
      it('.netrc entry without password', () =>
        expectFinding(
          {
            prepare: (s) => {
              writeFileSync(join(s.home, '.netrc'), 'machine git.corp.example.com login me\n');
              chmodSync(join(s.home, '.netrc'), 0o600);
            },
          },
          { check: 'git/credentials', cause: 'git-auth-required', severity: 'warning', line: 1 },
        ));
      it('an interactive credential helper', () =>
        expectFinding(
          { prepare: (s) => s.gitConfig([{ section: 'credential', key: 'helper', value: 'manager' }]) },
          { check: 'git/credentials', cause: 'credential-helper-hang', severity: 'info' },
        ));
      it('GIT_TERMINAL_PROMPT=1', () =>
        expectFinding(
          { env: { GIT_TERMINAL_PROMPT: '1' } },
          { check: 'git/prompt-env', cause: 'credential-helper-hang', severity: 'warning' },
        ));
      it('GIT_SSH_COMMAND without BatchMode', () =>
        expectFinding(
          { env: { GIT_SSH_COMMAND: 'ssh -i ~/.ssh/work' } },
          { check: 'git/prompt-env', cause: 'ssh-prompt-hang', severity: 'warning' },
        ));
      it('git not installed while GOPROXY ends in direct', () =>
        expectFinding(
          {
            prepare: (s) => {
              s.env.PATH = `${join(toolchain!.goroot, 'bin')}`;
            },
          },
          { check: 'git/binary', cause: 'git-not-installed', severity: 'warning' },
        ));
    });
  },
);

// Checks whose answer depends on the go release, run against each installed one.
const MATRIX = ['1.19', '1.23', '1.24'] as const;
for (const version of MATRIX) {
  const available = goToolchain(version) !== undefined;
  describe.skipIf(!available)(
    `version-dependent checks on go ${version}${available ? '' : ` (go ${version} not installed: ${NO_GO_REASON})`}`,
    () => {
      // Before 1.21 there is no toolchain switching: a newer go line is an error whatever GOTOOLCHAIN says.
      const switching = version !== '1.19';
      // Go 1.19 does not stop on a newer go line: it tries, and fails only on what it cannot build.
      const tooNew = switching ? 'error' : 'warning';
      it(`go line newer than the local go, GOTOOLCHAIN=local: ${tooNew}`, () =>
        expectFinding(
          { go: version, files: { 'go.mod': 'module example.com/app\n\ngo 1.99\n' } },
          { check: 'toolchain/go-line', cause: 'go-version-too-new', severity: tooNew, line: 3 },
        ));
      it(`go line newer than the local go, GOTOOLCHAIN=auto: ${switching ? 'a download' : 'still too new'}`, () =>
        expectFinding(
          {
            go: version,
            files: { 'go.mod': 'module example.com/app\n\ngo 1.99\n' },
            env: { GOTOOLCHAIN: 'auto' },
          },
          switching
            ? { check: 'toolchain/go-line', cause: 'toolchain-download', severity: 'warning' }
            : { check: 'toolchain/go-line', cause: 'go-version-too-new', severity: 'warning' },
        ));
      it('a healthy go line: no toolchain finding', async () => {
        const { result, sandbox } = await doctorIn({
          go: version,
          files: { 'go.mod': HEALTHY_GOMOD.replace('go 1.21', `go ${version}`), 'go.sum': HEALTHY_GOSUM },
        });
        sandboxes.push(sandbox);
        const problems = result.report.findings.filter((f) => f.severity !== 'info');
        expect(problems, JSON.stringify(problems, null, 1)).toEqual([]);
      });
      it('GOFLAGS with a non-flag', () =>
        expectFinding(
          { go: version, env: { GOFLAGS: 'mod=mod' } },
          { check: 'settings/goflags', cause: 'goflags-invalid', severity: 'error' },
        ));
      it('GOFLAGS=-mod=vendor without vendor/', () =>
        expectFinding(
          { go: version, env: { GOFLAGS: '-mod=vendor' } },
          { check: 'settings/goflags', cause: 'goflags-invalid', severity: 'error' },
        ));
      it('GOFLAGS=-mod=mod in CI', () =>
        expectFinding(
          { go: version, env: { GOFLAGS: '-mod=mod', CI: 'true' } },
          { check: 'settings/goflags', cause: 'goflags-invalid', severity: 'warning' },
        ));
    },
  );
}
