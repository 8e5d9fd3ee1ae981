// Runs a real go command in a sealed environment: no network (unless a test points GOPROXY at
// its own loopback or file:// proxy), no user configuration, throw-away caches.
import { execFile } from 'node:child_process';
import { chmodSync, lstatSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GoToolchain } from '../helpers/go-matrix.ts';

export interface GoRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface GoSandbox {
  dir: string;
  env: NodeJS.ProcessEnv;
  cleanup(): void;
}

export function goSandbox(toolchain: GoToolchain, overrides: NodeJS.ProcessEnv = {}): GoSandbox {
  const dir = mkdtempSync(join(tmpdir(), 'gomod-doctor-module-'));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: join(dir, 'home'),
    GOROOT: toolchain.goroot,
    GOPATH: join(dir, 'gopath'),
    GOMODCACHE: join(dir, 'modcache'),
    GOCACHE: join(dir, 'gocache'),
    GOTOOLCHAIN: 'local',
    GOFLAGS: '',
    GOPROXY: 'off',
    GOSUMDB: 'off',
    GONOSUMDB: '',
    GOPRIVATE: '',
    GONOPROXY: '',
    GOENV: 'off',
    GOWORK: 'off',
    GO111MODULE: 'on',
    CGO_ENABLED: '0',
    ...overrides,
  };
  return {
    dir,
    env,
    // The module cache is read-only by design; make it writable so it can be deleted.
    cleanup: () => {
      try {
        makeWritable(dir);
        rmSync(dir, { recursive: true, force: true });
      } catch {
        // Leftovers in the temp dir are harmless.
      }
    },
  };
}

function makeWritable(path: string): void {
  const stat = lstatSync(path);
  if (!stat.isDirectory()) return;
  chmodSync(path, 0o755);
  for (const name of readdirSync(path)) makeWritable(join(path, name));
}

/** Asynchronous on purpose: a test may serve the go command from an in-process HTTP server. */
export function runGo(
  toolchain: GoToolchain,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<GoRun> {
  return new Promise((resolve) => {
    execFile(toolchain.goBin, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}
