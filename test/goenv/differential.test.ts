// Runs the real go command of every installed release on the same settings and compares its
// errors and defaults with ours. No network: only values that fail while parsing, file:// proxies
// in temporary directories, and a checksum database URL on a closed loopback port.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitGoFlags } from '../../src/goenv/goflags.ts';
import { parseGoProxy } from '../../src/goenv/goproxy.ts';
import { parseGoToolchain } from '../../src/goenv/gotoolchain.ts';
import { compareGoVersions } from '../../src/goenv/gover.ts';
import { effectivePrivacySettings, resolvePrivacy } from '../../src/goenv/private.ts';
import { type GoToolchain, goToolchains, NO_GO_REASON } from '../helpers/go-matrix.ts';

const toolchains = goToolchains();

let scratch = '';

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'goenv-diff-'));
});

afterAll(() => {
  if (scratch !== '') rmSync(scratch, { recursive: true, force: true });
});

interface GoRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

function runGo(tc: GoToolchain, args: string[], extraEnv: Record<string, string>, cwd?: string): GoRun {
  const home = mkdtempSync(join(scratch, 'home-'));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: home,
    GOPATH: join(home, 'gopath'),
    GOMODCACHE: join(home, 'gopath', 'pkg', 'mod'),
    GOCACHE: join(home, 'cache'),
    GOROOT: tc.goroot,
    GOTOOLCHAIN: 'local',
    GOFLAGS: '',
    GOSUMDB: 'off',
    GOENV: 'off',
    GOWORK: 'off',
    GO111MODULE: 'on',
    GOPROXY: 'off',
    ...extraEnv,
  };
  const result = spawnSync(tc.goBin, args, { cwd: cwd ?? home, env, encoding: 'utf8', timeout: 30_000 });
  return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

/** A module directory with a go.mod, so that build-list commands have something to load. */
function tempModule(): string {
  const dir = mkdtempSync(join(scratch, 'mod-'));
  writeFileSync(join(dir, 'go.mod'), 'module example.com/main\n\ngo 1.19\n');
  return dir;
}

describe.skipIf(toolchains.length === 0)(`differential: real go command (${NO_GO_REASON} to enable)`, () => {
  describe.each(toolchains.map((tc) => [tc.version, tc] as const))('go%s', (_version, tc) => {
    it.each([
      'foo',
      'noproxy',
      'foo bar',
      '/abs/path',
      'ftp://x.example',
      'file://relative/path',
      'http://[::1',
      '://x',
      ',',
      'p.example:port',
      'https://ok.example,ftp://user:secret@x.example',
    ])('GOPROXY=%j fails with our message', (goproxy) => {
      const ours = parseGoProxy(goproxy);
      expect(ours.ok).toBe(false);
      const run = runGo(tc, ['list', '-m', 'example.com/x@v1.0.0'], { GOPROXY: goproxy });
      expect(run.status).not.toBe(0);
      expect(run.stderr).toContain(ours.ok ? '<accepted>' : ours.error);
    });

    it('GOPROXY=off is accepted and refuses lookups', () => {
      expect(parseGoProxy('off')).toMatchObject({ ok: true, entries: [{ kind: 'off' }] });
      const run = runGo(tc, ['list', '-m', 'example.com/x@v1.0.0'], { GOPROXY: 'off' });
      expect(run.stderr).toContain('module lookup disabled by GOPROXY=off');
    });

    it.each(['-mod mod', '---oops', '-=noname', "'-ldflags=-s -w'", "-ldflags='-s", '-mod=mod "-tags=a b"'])(
      'GOFLAGS=%j splits like the go command',
      (goflags) => {
        const ours = splitGoFlags(goflags, tc.version);
        const run = runGo(tc, ['list', '-m'], { GOFLAGS: goflags }, tempModule());
        if (ours.ok) {
          expect(run.stderr).not.toContain('parsing $GOFLAGS');
        } else {
          expect(run.stderr).toContain(ours.error);
        }
      },
    );

    it('GOFLAGS with an unknown flag name is rejected by the go command', () => {
      const run = runGo(tc, ['list', '-m'], { GOFLAGS: '-nosuchflag' }, tempModule());
      expect(run.stderr).toContain(
        splitGoFlags('-nosuchflag', tc.version, new Set()).ok ? '<accepted>' : 'unknown flag -nosuchflag',
      );
    });

    it('GONOPROXY and GONOSUMDB default to GOPRIVATE, also when set to the empty string', () => {
      const settings = { GOPRIVATE: 'a.com,*.corp.example', GONOPROXY: '', GONOSUMDB: 'none' };
      const run = runGo(tc, ['env', 'GONOPROXY', 'GONOSUMDB', 'GOINSECURE'], settings);
      const ours = effectivePrivacySettings(settings);
      expect(run.stdout.split('\n').slice(0, 3)).toEqual([ours.GONOPROXY, ours.GONOSUMDB, ours.GOINSECURE]);
    });

    describe('GONOSUMDB matching decides whether the checksum database is asked', () => {
      let proxyDir = '';
      beforeAll(() => {
        proxyDir = mkdtempSync(join(scratch, 'proxy-'));
        for (const path of ['git.corp.example.com/team/lib', 'github.com/Org/repo']) {
          const dir = join(
            proxyDir,
            ...path.replace(/[A-Z]/g, (c) => `!${c.toLowerCase()}`).split('/'),
            '@v',
          );
          mkdirSync(dir, { recursive: true });
          writeFileSync(join(dir, 'list'), 'v1.0.0\n');
          writeFileSync(join(dir, 'v1.0.0.info'), '{"Version":"v1.0.0","Time":"2020-01-01T00:00:00Z"}\n');
          writeFileSync(join(dir, 'v1.0.0.mod'), `module ${path}\n`);
        }
      });

      it.each([
        ['*.corp.example.com', 'git.corp.example.com/team/lib'],
        [' git.corp.example.com', 'git.corp.example.com/team/lib'],
        ['git.corp.example.com/', 'git.corp.example.com/team/lib'],
        ['git.corp.example.com//', 'git.corp.example.com/team/lib'],
        ['git.corp.example.com/*', 'git.corp.example.com/team/lib'],
        ['git.corp.example.com/[', 'git.corp.example.com/team/lib'],
        ['git.corp.example.com/t?am', 'git.corp.example.com/team/lib'],
        ['github.com/org', 'github.com/Org/repo'],
        ['github.com/Org', 'github.com/Org/repo'],
        ['none', 'github.com/Org/repo'],
      ])('GONOSUMDB=%j, module %s', (gonosumdb, modulePath) => {
        const mod = mkdtempSync(join(scratch, 'mod-'));
        writeFileSync(
          join(mod, 'go.mod'),
          `module example.com/main\n\ngo 1.19\n\nrequire ${modulePath} v1.0.0\n`,
        );
        const run = runGo(
          tc,
          ['mod', 'download', '-json', `${modulePath}@v1.0.0`],
          {
            GOPROXY: `file://${proxyDir}`,
            GONOSUMDB: gonosumdb,
            // A closed loopback port: any checksum database lookup fails at once.
            GOSUMDB: 'sum.golang.org http://127.0.0.1:1',
          },
          mod,
        );
        const output = run.stdout + run.stderr;
        const askedSumDb = output.includes('127.0.0.1:1');
        expect(askedSumDb).toBe(!resolvePrivacy({ GONOSUMDB: gonosumdb }, modulePath).noSumDb);
      });
    });

    it.skipIf(compareGoVersions(tc.version, '1.21') < 0)('GOTOOLCHAIN errors match', () => {
      for (const value of ['bogus', '1.22.0', 'go1.22.0+foo', 'bogus+auto', 'local+foo']) {
        const ours = parseGoToolchain(value);
        expect(ours.ok).toBe(false);
        const run = runGo(tc, ['list', '-m'], { GOTOOLCHAIN: value }, tempModule());
        expect(run.stderr.trim()).toBe(ours.ok ? '<accepted>' : ours.error);
      }
    });
  });
});
