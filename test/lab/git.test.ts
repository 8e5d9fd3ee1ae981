// Direct mode against the lab's git remotes (file:// and smart HTTP with git http-backend).
import { describe, expect, it } from 'vitest';
import { NO_GO_REASON } from '../helpers/go-matrix.ts';
import { LAB_CASES, labToolchains } from './cases.ts';
import { redirectGitHost } from './kit/git.ts';
import { createSandbox } from './kit/sandbox.ts';
import { proveCase, useLabServers } from './run-cases.ts';

const noGo = labToolchains().length === 0;

describe.skipIf(noGo)(`git remotes for direct mode${noGo ? ` (${NO_GO_REASON})` : ''}`, () => {
  const lab = useLabServers();

  for (const c of LAB_CASES.filter((c) => c.name.startsWith('git-'))) {
    it(`${c.name}: ${c.title}`, async () => {
      await proveCase(c, lab());
    });
  }

  it('git-401: the server demanded credentials and got none', async () => {
    lab().gitAuth.clearLog();
    await proveCase(LAB_CASES.find((c) => c.name === 'git-401')!, lab());
    expect(lab().gitAuth.log.length).toBeGreaterThan(0);
    expect(lab().gitAuth.log.every((r) => r.status === 401 && r.user === undefined)).toBe(true);
  });

  it('GOPRIVATE sends a module to git although GOPROXY names the lab proxy first', async () => {
    const toolchain = labToolchains().at(-1)!;
    const sandbox = await createSandbox({
      go: toolchain,
      goproxy: `${lab().proxy.url},direct`,
      goprivate: 'lab.example',
    });
    try {
      await sandbox.writeFiles({ 'go.mod': 'module example.com/app\n\ngo 1.19\n' });
      await redirectGitHost(sandbox, 'lab.example', `file://${lab().reposDir}/`);
      lab().proxy.clearLog();
      const result = await sandbox.go(['mod', 'download', '-json', 'lab.example/ok.git@v1.0.0'], {
        timeoutMs: 30_000,
      });
      expect(result.exitCode, result.stderr).toBe(0);
      const info = JSON.parse(result.stdout) as { Origin?: { VCS?: string; URL?: string } };
      expect(info.Origin).toMatchObject({ VCS: 'git', URL: 'https://lab.example/ok' });
      expect(lab().proxy.log.filter((r) => r.module?.startsWith('lab.example/'))).toEqual([]);
    } finally {
      await sandbox.dispose();
    }
  });
});
