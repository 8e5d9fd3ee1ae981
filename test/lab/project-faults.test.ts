// Faults of the project and its environment rather than the network: broken go.mod/go.sum/go.work,
// vendor/, module paths and versions, retractions and deprecations, toolchain lines, GOFLAGS,
// GOCACHE, GOPROXY, GOVCS and a missing git. Each is a real go command of every lab release in a
// sandbox, against the lab proxy on loopback or file:// git repositories.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NO_GO_REASON } from '../helpers/go-matrix.ts';
import { labCase, labToolchains, PROJECT_CASES } from './cases.ts';
import { proveCase, useLabServers } from './run-cases.ts';

const noGo = labToolchains().length === 0;
const minor = (goVersion: string): number => Number(goVersion.split('.')[1]);

describe.skipIf(noGo)(`project faults against the real go command${noGo ? ` (${NO_GO_REASON})` : ''}`, () => {
  const lab = useLabServers();

  // Every case uses its own sandboxes and module paths, so they can run side by side.
  describe.concurrent('each case fails (or warns) the intended way on every release', () => {
    for (const c of PROJECT_CASES) {
      it(`${c.name}: ${c.title}`, async () => {
        await proveCase(c, lab());
      });
    }
  });

  it('retracted-version and deprecated-module: the warnings do not stop go get', async () => {
    const modules = { 'retracted-version': 'retract', 'deprecated-module': 'deprecated' };
    for (const [name, module] of Object.entries(modules)) {
      await proveCase(labCase(name), lab(), ({ sandbox }) => {
        const goMod = readFileSync(join(sandbox.workDir, 'go.mod'), 'utf8');
        expect(goMod).toContain(`require example.com/lab/proj/${module} v1.0.0`);
      });
    }
  });

  it('toolchain-unavailable: 1.21+ asked the lab proxy for golang.org/toolchain', async () => {
    lab().projectProxy.clearLog();
    await proveCase(labCase('toolchain-unavailable'), lab());
    const asked = lab()
      .projectProxy.log.filter((r) => r.module === 'golang.org/toolchain')
      .map((r) => r.status);
    const switching = labToolchains().filter((t) => minor(t.version) >= 21).length;
    expect(asked.length).toBeGreaterThanOrEqual(switching);
    expect(asked.every((status) => status === 404)).toBe(true);
  });

  it('vcs-git-missing: git was really off PATH', async () => {
    await proveCase(labCase('vcs-git-missing'), lab(), async ({ sandbox }) => {
      const which = await sandbox.exec('/bin/sh', ['-c', 'command -v git || echo none']);
      expect(which.stdout.trim()).toBe('none');
    });
  });
});
