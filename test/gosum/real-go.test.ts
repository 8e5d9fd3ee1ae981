// Checks src/gosum against real go commands: zips made by createModuleZip are served from a
// file:// GOPROXY, and the go command's own hashes, go.sum files and go.sum errors are compared with
// ours. Skipped when no toolchain is installed under .cache/go.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createModuleZip, hashGoMod, hashZip, type ModuleFile, parseGoSum } from '../../src/gosum/index.ts';
import { goToolchains, NO_GO_REASON } from '../helpers/go-matrix.ts';
import { type ProxyModule, utf8, writeProxy } from './helpers.ts';

const toolchains = goToolchains();

interface Fixture {
  path: string;
  version: string;
  files: ModuleFile[];
}

const fixtures: Fixture[] = [
  {
    path: 'example.com/liba',
    version: 'v1.1.0',
    files: [
      { path: 'go.mod', contents: utf8('module example.com/liba\n\ngo 1.19\n') },
      { path: 'liba.go', contents: utf8('package liba\n\nconst Name = "liba"\n') },
      { path: 'sub/sub.go', contents: utf8('package sub\n') },
      { path: 'LICENSE', contents: utf8('Permission is granted.\n') },
      { path: 'données/é.txt', contents: utf8('non-ASCII names sort by UTF-8 bytes\n') },
      { path: 'vendor/example.com/x/x.go', contents: utf8('package x\n') },
      { path: 'nested/go.mod', contents: utf8('module example.com/liba/nested\n') },
      { path: 'nested/n.go', contents: utf8('package nested\n') },
    ],
  },
  {
    path: 'example.com/Upper/mod/v2',
    version: 'v2.0.1',
    files: [
      { path: 'go.mod', contents: utf8('module example.com/Upper/mod/v2\n\ngo 1.19\n') },
      { path: 'mod.go', contents: utf8('package mod\n\nconst X = 1\n') },
    ],
  },
];

interface Served extends ProxyModule {
  sum: string;
  goModSum: string;
}

let root = '';
let served: Served[] = [];

function goEnv(goroot: string, home: string): NodeJS.ProcessEnv {
  return {
    PATH: `${join(goroot, 'bin')}:/usr/bin:/bin`,
    HOME: home,
    GOROOT: goroot,
    GOPATH: join(home, 'gopath'),
    GOMODCACHE: join(home, 'modcache'),
    GOCACHE: join(home, 'gocache'),
    GOFLAGS: '-modcacherw',
    GOPROXY: pathToFileURL(join(root, 'proxy')).href,
    GONOSUMDB: '*',
    GOSUMDB: 'off',
    GOTOOLCHAIN: 'local',
    GOENV: 'off',
    GO111MODULE: 'on',
    CGO_ENABLED: '0',
  };
}

function runGo(goBin: string, env: NodeJS.ProcessEnv, cwd: string, args: string[]) {
  const result = spawnSync(goBin, args, { cwd, env, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  if (toolchains.length === 0) return;
  root = mkdtempSync(join(tmpdir(), 'gosum-realgo-'));
  served = fixtures.map((fixture) => {
    const zip = createModuleZip(fixture.path, fixture.version, fixture.files);
    if (!zip.ok) throw new Error(zip.error);
    const gomod = fixture.files.find((f) => f.path === 'go.mod')!.contents;
    const sum = hashZip(zip.value);
    if (!sum.ok) throw new Error(sum.error);
    return {
      path: fixture.path,
      version: fixture.version,
      gomod,
      zip: zip.value,
      sum: sum.value,
      goModSum: hashGoMod(gomod),
    };
  });
  writeProxy(join(root, 'proxy'), served);
});

afterAll(() => {
  if (root !== '') rmSync(root, { recursive: true, force: true });
});

describe.skipIf(toolchains.length === 0)(
  `real go commands${toolchains.length === 0 ? ` (skipped: ${NO_GO_REASON})` : ''}`,
  () => {
    describe.each(toolchains)('go$version', (toolchain) => {
      let home = '';
      let env: NodeJS.ProcessEnv = {};
      beforeAll(() => {
        home = join(root, `go${toolchain.version}`);
        mkdirSync(home, { recursive: true });
        env = goEnv(toolchain.goroot, home);
      });

      it('downloads zips made by createModuleZip and computes the same h1 hashes', () => {
        const work = join(home, 'empty');
        mkdirSync(work, { recursive: true });
        for (const mod of served) {
          const run = runGo(toolchain.goBin, env, work, [
            'mod',
            'download',
            '-json',
            `${mod.path}@${mod.version}`,
          ]);
          expect(run.stderr).toBe('');
          const info = JSON.parse(run.stdout) as {
            Sum: string;
            GoModSum: string;
            Error?: string;
            Dir: string;
          };
          expect(info.Error).toBeUndefined();
          expect(info.Sum).toBe(mod.sum);
          expect(info.GoModSum).toBe(mod.goModSum);
          // Extraction ran x/mod's zip checks: the omitted files are not there, the kept ones are.
          expect(readFileSync(join(info.Dir, 'go.mod'))).toEqual(Buffer.from(mod.gomod));
        }
      });

      it('writes a go.sum that parses cleanly and holds our hashes', () => {
        const main = join(home, 'main');
        mkdirSync(main, { recursive: true });
        writeFileSync(
          join(main, 'go.mod'),
          'module example.com/main\n\ngo 1.19\n\nrequire (\n\texample.com/liba v1.1.0\n\texample.com/Upper/mod/v2 v2.0.1\n)\n',
        );
        writeFileSync(
          join(main, 'main.go'),
          'package main\n\nimport (\n\t"example.com/liba"\n\tmod "example.com/Upper/mod/v2"\n)\n\nvar _ = mod.X\n\nfunc main() { println(liba.Name) }\n',
        );
        const tidy = runGo(toolchain.goBin, env, main, ['mod', 'tidy']);
        expect(tidy.status, tidy.stderr).toBe(0);
        const goSum = readFileSync(join(main, 'go.sum'));
        const parsed = parseGoSum(goSum, join(main, 'go.sum'));
        expect(parsed.problems).toEqual([]);
        const recorded = new Map(
          parsed.lines.map((l) => [`${l.module} ${l.version}${l.isGoMod ? '/go.mod' : ''}`, l.hash]),
        );
        for (const mod of served) {
          expect(recorded.get(`${mod.path} ${mod.version}`)).toBe(mod.sum);
          expect(recorded.get(`${mod.path} ${mod.version}/go.mod`)).toBe(mod.goModSum);
        }
      });

      it('handles a malformed go.sum line as parseGoSum predicts for this release', () => {
        const main = join(home, 'main');
        const sumFile = join(main, 'go.sum');
        const good = readFileSync(sumFile, 'utf8');
        const atEnd = `${good}example.com/broken v1.0.0\n`;
        const atStart = `example.com/broken v1.0.0\n${good}`;
        const modern = Number(toolchain.version.split('.')[1]) >= 22;

        writeFileSync(sumFile, atEnd);
        const parsed = parseGoSum(atEnd, sumFile);
        const list = runGo(toolchain.goBin, env, main, ['list', '-deps', './...']);
        if (modern) {
          expect(list.status).not.toBe(0);
          expect(list.stderr.trimEnd()).toBe(parsed.goError);
        } else {
          // Older releases stop reading at the bad line: with it last, nothing is lost.
          expect(list.status, list.stderr).toBe(0);
          expect(parsed.oldGoStopsAtLine).toBe(good.split('\n').length);
        }
        // go mod tidy tolerates the line (and, with nothing else to change, leaves it there).
        const tidy = runGo(toolchain.goBin, env, main, ['mod', 'tidy']);
        expect(tidy.status, tidy.stderr).toBe(0);

        writeFileSync(sumFile, atStart);
        const build = runGo(toolchain.goBin, env, main, ['list', '-deps', './...']);
        expect(build.status).not.toBe(0);
        if (modern) expect(build.stderr.trimEnd()).toBe(parseGoSum(atStart, sumFile).goError);
        else expect(build.stderr).toContain('missing go.sum entry');
        writeFileSync(sumFile, good);
      });
    });
  },
);
