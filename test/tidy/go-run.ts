// Runs a real go command for the tidy differential tests: explicit environment, nothing from the
// user's settings, no network, throw-away caches under the given scratch directory.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { GoToolchain } from '../helpers/go-matrix.ts';

export interface GoRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function goEnv(
  tc: GoToolchain,
  home: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  mkdirSync(home, { recursive: true });
  return {
    PATH: process.env.PATH ?? '',
    HOME: home,
    GOPATH: join(home, 'gopath'),
    GOMODCACHE: join(home, 'gopath', 'pkg', 'mod'),
    GOCACHE: join(home, 'cache'),
    GOROOT: tc.goroot,
    GOTOOLCHAIN: 'local',
    GOFLAGS: '-modcacherw',
    GOPROXY: 'off',
    GOSUMDB: 'off',
    GOENV: 'off',
    GOWORK: 'off',
    GO111MODULE: 'on',
    CGO_ENABLED: '0',
    LANG: 'C',
    LC_ALL: 'C',
    ...extra,
  };
}

export function runGo(tc: GoToolchain, args: string[], env: Record<string, string>, cwd: string): GoRun {
  const result = spawnSync(tc.goBin, args, { cwd, env, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}
