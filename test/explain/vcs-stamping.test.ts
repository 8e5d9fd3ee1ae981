// go build's version-control stamping (-buildvcs=auto) fails when git refuses the checkout: the real
// go command of every installed release, on a checkout whose .git git cannot read, then explain.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { goToolchains, titleNeedingGo } from '../helpers/go-matrix.ts';
import { causes, explain } from './helpers.ts';

const toolchains = goToolchains();
const dir = mkdtempSync(join(tmpdir(), 'gomod-doctor-buildvcs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = promisify(execFile);

async function buildInBrokenCheckout(goBin: string): Promise<{ status: number | null; stderr: string }> {
  const app = mkdtempSync(join(dir, 'app-'));
  // An empty .git directory: go sees a git checkout, git says it is not a repository (exit 128).
  mkdirSync(join(app, '.git'));
  writeFileSync(join(app, 'go.mod'), 'module example.com/app\n\ngo 1.19\n');
  writeFileSync(join(app, 'main.go'), 'package main\n\nfunc main() {}\n');
  const result = await run(goBin, ['build', '-o', join(app, 'app.bin'), '.'], {
    cwd: app,
    timeout: 120_000,
    env: {
      PATH: `${dirname(goBin)}:/usr/bin:/bin`,
      HOME: dir,
      GOCACHE: join(dir, 'gocache'),
      GOPATH: join(dir, 'gopath'),
      GOTOOLCHAIN: 'local',
      GOPROXY: 'off',
      GOFLAGS: '',
      GIT_CONFIG_NOSYSTEM: '1',
    },
  }).then(
    (done) => ({ status: 0, stderr: String(done.stderr) }),
    (error: { code?: number; stderr?: string }) => ({
      status: typeof error.code === 'number' ? error.code : null,
      stderr: String(error.stderr ?? ''),
    }),
  );
  return result;
}

describe.skipIf(toolchains.length === 0)(
  titleNeedingGo('go build in a checkout git refuses is vcs-stamping-failed', toolchains.length > 0),
  () => {
    for (const go of toolchains) {
      it(`go ${go.version}`, async () => {
        const { status, stderr } = await buildInBrokenCheckout(go.goBin);
        expect(status, stderr).toBe(1);
        expect(stderr).toContain('error obtaining VCS status');
        expect(causes(stderr)).toEqual(['vcs-stamping-failed']);
        const [finding] = explain(stderr);
        expect(finding?.fixes?.map((f) => f.command)).toContain('go build -buildvcs=false ./...');
      });
    }
  },
);

describe('git refusing a checkout owned by another user', () => {
  it("names the directory from git's dubious-ownership line (English and zh_CN) in the fix", () => {
    for (const gitLine of [
      "fatal: detected dubious ownership in repository at '/src/app'",
      "致命错误：在 '/src/app' 检测到可疑的仓库所有权",
    ]) {
      const text = `error obtaining VCS status: exit status 128\n\tUse -buildvcs=false to disable VCS stamping.\n$ git status\n${gitLine}\n`;
      const [finding] = explain(text);
      expect(finding?.cause).toBe('vcs-stamping-failed');
      expect(finding?.fixes?.[0]?.command).toBe('git config --global --add safe.directory /src/app');
    }
  });

  it('a dubious-ownership line about a clone inside the module cache is not about the checkout', () => {
    const text = "fatal: detected dubious ownership in repository at '/go/pkg/mod/cache/vcs/0a1b'\n";
    expect(causes(text)).not.toContain('vcs-stamping-failed');
  });
});
