// A go.work whose go line is lower than a workspace module's: explain reads the real go command's
// error of every installed release (Go 1.21+: "to update it", Go 1.27: "to download and use go X";
// Go 1.23+ says "implicitly requires go 1.18" when go.work has no go line) and offers the precise
// commands, `go work use` and `go work edit -go=1.N`; each, run by the real go, makes the
// workspace load again.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/exec/run.ts';
import { explainText } from '../../src/explain/index.ts';
import { goToolchains } from '../helpers/go-matrix.ts';

const minorOf = (version: string): number => Number(version.split('.')[1]);
const toolchains = goToolchains().filter((t) => minorOf(t.version) >= 21);

function goIn(goBin: string, dir: string, args: string[]) {
  return run(goBin, args, {
    cwd: dir,
    timeoutMs: 60_000,
    env: {
      PATH: '/usr/bin:/bin',
      HOME: dir,
      GOTOOLCHAIN: 'local',
      GOFLAGS: '',
      GOENV: 'off',
      GOPROXY: 'off',
      GOPATH: join(dir, '.gopath'),
      GOCACHE: join(dir, '.gocache'),
    },
  });
}

/** A workspace at `dir` using ./a, whose go.mod says go 1.21. */
async function workspace(dir: string, workGoLine: string | undefined): Promise<void> {
  await mkdir(join(dir, 'a'), { recursive: true });
  await writeFile(join(dir, 'go.work'), `${workGoLine ? `${workGoLine}\n\n` : ''}use ./a\n`);
  await writeFile(join(dir, 'a', 'go.mod'), 'module example.com/a\n\ngo 1.21\n');
  await writeFile(join(dir, 'a', 'a.go'), 'package a\n');
}

describe.skipIf(toolchains.length === 0)('go.work older than a module: the precise fix', () => {
  for (const tc of toolchains) {
    for (const workGoLine of ['go 1.20', undefined]) {
      it(`go${tc.version}, go.work ${workGoLine ?? 'without a go line'}`, async () => {
        const base = await mkdtemp(join(tmpdir(), 'gomod-doctor-workgo-'));
        try {
          const broken = join(base, 'broken');
          await workspace(broken, workGoLine);
          const failed = await goIn(tc.goBin, broken, ['list', '-m']);
          expect(failed.exitCode).not.toBe(0);
          expect(failed.stderr).toContain('listed in go.work file requires go >= 1.21, but go.work');
          const [finding, ...rest] = explainText(failed.stderr).findings;
          expect(rest).toEqual([]);
          expect(finding?.cause).toBe('workspace-mismatch');
          const have = workGoLine ? '1.20' : '1.18';
          expect(finding?.message).toContain(`go.work's go line says go ${have}`);
          expect(finding?.message).toContain('needs go >= 1.21');
          const commands = finding?.fixes?.map((f) => f.command) ?? [];
          expect(commands).toEqual(['go work use', 'go work edit -go=1.21']);
          // Each command, run by the real go on a fresh copy, repairs the workspace.
          for (const [i, command] of commands.entries()) {
            const dir = join(base, `fixed-${i}`);
            await workspace(dir, workGoLine);
            const fix = await goIn(tc.goBin, dir, command!.split(' ').slice(1));
            expect(fix.exitCode, `${command}: ${fix.stderr}`).toBe(0);
            const after = await goIn(tc.goBin, dir, ['list', '-m']);
            expect(after.exitCode, `${command}: ${after.stderr}`).toBe(0);
            expect(after.stdout).toBe('example.com/a\n');
          }
          const zh = explainText(failed.stderr, { lang: 'zh-CN' }).findings[0];
          expect(zh?.message).toContain(`go.work 的 go 行是 go ${have}`);
        } finally {
          await rm(base, { recursive: true, force: true });
        }
      });
    }
  }
});
