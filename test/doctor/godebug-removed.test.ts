// The removed-GODEBUG table and messages against the real go command of every installed release,
// then the doctor check on a project with such lines, run with Go 1.26 (a warning: Go 1.27 will
// refuse this) and Go 1.27 (errors, at the setting).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mainPackageGoDebugLines } from '../../src/doctor/checks/toolchain/godebug-removed.ts';
import { REMOVED_GODEBUGS } from '../../src/doctor/data/godebug-removed.ts';
import { run } from '../../src/exec/run.ts';
import { explainText } from '../../src/explain/index.ts';
import {
  godebugEnvRefusal,
  godebugRefusal,
  nextGodebugEnvRefusal,
  nextGodebugRefusal,
} from '../../src/go/godebug.ts';
import { goToolchain, goToolchains, titleNeedingGo } from '../helpers/go-matrix.ts';
import type { Sandbox } from '../lab/kit/sandbox.ts';
import { doctorIn } from './helpers.ts';

const minorOf = (version: string): number => Number(version.split('.')[1]);

/** Settings and values whose fate differs between releases (old and final values, early and late removals). */
const SETTINGS: Array<[string, string]> = [
  ['asynctimerchan', '1'],
  ['asynctimerchan', '2'],
  ['asynctimerchan', '0'],
  ['x509sha1', '1'],
  ['x509sha1', '0'],
  ['tlskyber', '0'],
  ['gotypesalias', '0'],
  ['tls10server', '1'],
  ['panicnil', '1'],
];

async function goRun(goBin: string, dir: string, args: string[]) {
  return run(goBin, args, {
    cwd: dir,
    timeoutMs: 60_000,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: dir,
      GOTOOLCHAIN: 'local',
      GOFLAGS: '',
      GOENV: 'off',
      GOWORK: 'off',
      GOPROXY: 'off',
      GOPATH: join(dir, '.gopath'),
      GOCACHE: join(dir, '.gocache'),
    },
  });
}

const toolchains = goToolchains().filter((t) => minorOf(t.version) >= 21);

describe.skipIf(toolchains.length === 0)(
  titleNeedingGo(
    'removed GODEBUG settings: our verdict and words against the real go',
    toolchains.length > 0,
  ),
  () => {
    for (const tc of toolchains) {
      const minor = minorOf(tc.version);
      it(`go${tc.version}: go.mod godebug lines (go list) and //go:debug lines (go build -n)`, async () => {
        const dir = await mkdtemp(join(tmpdir(), 'gomod-doctor-godebug-'));
        try {
          for (const [key, value] of SETTINGS) {
            // go.mod godebug lines exist from Go 1.23.
            if (minor >= 23) {
              await writeFile(
                join(dir, 'go.mod'),
                `module example.com/m\n\ngo 1.21\n\ngodebug ${key}=${value}\n`,
              );
              await writeFile(join(dir, 'main.go'), 'package main\n\nfunc main() {}\n');
              const list = await goRun(tc.goBin, dir, ['list', '.']);
              const ours = godebugRefusal(key, value, minor, 'godebug-line');
              if (ours) {
                expect(list.exitCode, `${key}=${value}`).not.toBe(0);
                expect(list.stderr).toContain(`go.mod:5: ${ours.message}\n`);
              } else {
                expect(list.exitCode, `${key}=${value}: ${list.stderr}`).toBe(0);
              }
            }
            await writeFile(join(dir, 'go.mod'), 'module example.com/m\n\ngo 1.21\n');
            await writeFile(
              join(dir, 'main.go'),
              `// A comment first.\n//go:debug ${key}=${value}\n\npackage main\n\nfunc main() {}\n`,
            );
            const build = await goRun(tc.goBin, dir, ['build', '-n', '.']);
            const ours = godebugRefusal(key, value, minor, 'go-debug-directive');
            if (ours) {
              expect(build.exitCode, `//go:debug ${key}=${value}`).not.toBe(0);
              expect(build.stderr).toContain(`./main.go:2:1: invalid //go:debug: ${ours.message}\n`);
            } else {
              // A setting that does not exist yet in this release is not this check's business.
              const setting = REMOVED_GODEBUGS.find((r) => r.name === key);
              if (!setting || Math.min(...setting.knownIn) <= minor) {
                expect(build.stderr, `//go:debug ${key}=${value}`).not.toContain('invalid //go:debug');
              }
            }
          }
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      });
    }
  },
);

describe('removed GODEBUG settings: the table', () => {
  it('Go 1.27 refuses the old values only, with the doc link of the removing release', () => {
    expect(godebugRefusal('asynctimerchan', '1', 27, 'godebug-line')?.message).toBe(
      'removed GODEBUG "asynctimerchan" set to old value "1" (https://go.dev/doc/godebug#go-127)',
    );
    expect(godebugRefusal('asynctimerchan', '0', 27, 'godebug-line')).toBeUndefined();
    expect(godebugRefusal('x509sha1', '1', 28, 'godebug-line')?.release).toBe(27);
  });
  it('before 1.27 the next refusing release is named', () => {
    expect(nextGodebugRefusal('asynctimerchan', '1', 26, 'godebug-line')?.release).toBe(27);
    expect(nextGodebugRefusal('asynctimerchan', '0', 26, 'godebug-line')).toBeUndefined();
    expect(nextGodebugRefusal('x509sha1', '0', 23, 'godebug-line')?.message).toBe(
      'unknown godebug "x509sha1"',
    );
  });
  it('reads //go:debug lines before the package clause of package main only', () => {
    const main =
      '/* block\ncomment */\n// x\n//go:debug asynctimerchan=1\n//go:debug  panicnil=1 \npackage main\n';
    expect(mainPackageGoDebugLines(main)).toEqual([
      { line: 4, column: 1, key: 'asynctimerchan', value: '1' },
      { line: 5, column: 1, key: 'panicnil', value: '1' },
    ]);
    expect(mainPackageGoDebugLines('//go:debug asynctimerchan=1\npackage lib\n')).toEqual([]);
    expect(mainPackageGoDebugLines('package main\n//go:debug asynctimerchan=1\n')).toEqual([]);
  });
});

const sandboxes: Sandbox[] = [];
afterAll(async () => {
  await Promise.all(sandboxes.map((s) => s.dispose()));
});

const PROJECT = {
  'go.mod': 'module example.com/app\n\ngo 1.23\n\ngodebug (\n\tpanicnil=1\n\tasynctimerchan=1\n)\n',
  'main.go': 'package main\n\nfunc main() {}\n',
  'cmd/tool/main.go': '// Copyright line.\n\n//go:debug tls10server=1\npackage main\n\nfunc main() {}\n',
  'lib/lib.go': '//go:debug tls10server=1\npackage lib\n',
  'testdata/x/main.go': '//go:debug tls10server=1\npackage main\n',
};

describe.each(['1.26', '1.27'].filter((v) => goToolchain(v)))('doctor with go %s', (version) => {
  it('names godebug-removed on the setting, an error from 1.27, a warning before', async () => {
    const { result, sandbox } = await doctorIn({
      go: version,
      files: PROJECT,
      options: { only: ['toolchain/godebug-removed'] },
    });
    sandboxes.push(sandbox);
    const findings = result.report.findings;
    expect(findings.map((f) => [f.cause, f.location?.file, f.location?.line, f.location?.column])).toEqual([
      ['godebug-removed', 'go.mod', 7, 2],
      ['godebug-removed', 'cmd/tool/main.go', 3, 1],
    ]);
    const severity = version === '1.27' ? 'error' : 'warning';
    expect(findings.map((f) => f.severity)).toEqual([severity, severity]);
    if (version === '1.27') {
      expect(findings[0]!.message).toContain(
        'go.mod:7: removed GODEBUG "asynctimerchan" set to old value "1" (https://go.dev/doc/godebug#go-127)',
      );
      // What the real go prints for the same project.
      const build = await sandbox.go(['build', './...']);
      expect(build.stderr).toContain('go.mod:7: removed GODEBUG "asynctimerchan" set to old value "1"');
      expect(findings[1]!.message).toContain(
        'cmd/tool/main.go:3:1: invalid //go:debug: removed GODEBUG "tls10server" set to old value "1" (https://go.dev/doc/godebug#go-127)',
      );
    } else {
      expect(findings[0]!.message).toContain('Go 1.27 will refuse this');
    }
    expect(findings[0]!.fixes?.[0]?.command).toBe('go mod edit -dropgodebug=asynctimerchan');
  });

  it('in a workspace: go.work lines count, the module’s own lines fail only outside it', async () => {
    const { result, sandbox } = await doctorIn({
      go: version,
      files: {
        ...PROJECT,
        'go.work': 'go 1.23\n\nuse .\n\ngodebug tlsrsakex=1\n',
      },
      options: { only: ['toolchain/godebug-removed'] },
    });
    sandboxes.push(sandbox);
    const findings = result.report.findings;
    expect(
      findings.map((f) => [f.location?.file, f.location?.line, f.severity]).sort(),
      JSON.stringify(findings, null, 1),
    ).toEqual([
      ['cmd/tool/main.go', 3, version === '1.27' ? 'error' : 'warning'],
      ['go.mod', 7, 'warning'],
      ['go.work', 5, version === '1.27' ? 'error' : 'warning'],
    ]);
    expect(findings.find((f) => f.location?.file === 'go.work')!.fixes?.[0]?.command).toBe(
      'go work edit -dropgodebug=tlsrsakex',
    );
  });
});

// The GODEBUG environment variable: from Go 1.27 the runtime of the go command itself stops at
// start-up on a removed setting set to an old value (the first such field, left to right).
const ENV_VALUES = [
  'tls3des=1',
  'tls3des=0',
  'x509sha1=1',
  'tlskyber=0',
  'asynctimerchan=2',
  'http2debug=0,gotypesalias=0,tlsrsakex=1',
  'panicnil=1,asynctimerchan=0',
  'tls10server',
  'x509keypairleaf=0,x509keypairleaf=1',
];

describe.each(['1.26', '1.27'].filter((v) => goToolchain(v)))(
  'GODEBUG in the environment, go %s',
  (version) => {
    const minor = minorOf(version);
    it('our verdict and words are the real go command’s, for every value', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'gomod-doctor-godebug-env-'));
      try {
        for (const godebug of ENV_VALUES) {
          const real = await run(goToolchain(version)!.goBin, ['env', 'GOVERSION'], {
            cwd: dir,
            timeoutMs: 30_000,
            env: { PATH: '/usr/bin:/bin', HOME: dir, GOENV: 'off', GOTOOLCHAIN: 'local', GODEBUG: godebug },
          });
          const ours = godebugEnvRefusal(godebug, minor);
          if (ours) {
            expect(real.exitCode, godebug).not.toBe(0);
            expect(real.stderr.split('\n')[0]).toBe(`fatal error: ${ours.message}`);
            // explain reads the same words as the environment's, not a go.mod line's.
            const [explained] = explainText(real.stderr).findings;
            expect(explained?.cause).toBe('godebug-removed');
            expect(explained?.message).toContain(
              `The GODEBUG environment variable sets ${ours.key}=${ours.value}`,
            );
            expect(explained?.fixes?.map((f) => f.command)).toEqual(['unset GODEBUG']);
          } else {
            expect(real.exitCode, `${godebug}: ${real.stderr}`).toBe(0);
            expect(real.stdout).toMatch(/^go1\./);
          }
        }
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });

    it('doctor names it (an error from 1.27, a warning before), and blames no Go installation', async () => {
      const { result, sandbox } = await doctorIn({
        go: version,
        files: {
          'go.mod': 'module example.com/app\n\ngo 1.21\n',
          'main.go': 'package main\n\nfunc main() {}\n',
        },
        env: { GODEBUG: 'http2debug=0,tls3des=1,panicnil=1' },
        options: { only: ['toolchain/godebug-removed', 'toolchain/go-binary'] },
      });
      sandboxes.push(sandbox);
      const findings = result.report.findings;
      expect(findings.map((f) => [f.cause, f.severity])).toEqual([
        ['godebug-removed', version === '1.27' ? 'error' : 'warning'],
      ]);
      const finding = findings[0]!;
      expect(finding.location).toBeUndefined();
      expect(finding.evidence?.[0]).toEqual({
        source: 'environment',
        text: 'GODEBUG=http2debug=0,tls3des=1,panicnil=1',
      });
      expect(finding.message).toContain(
        'fatal error: removed GODEBUG "tls3des" set to old value "1" in environment (https://go.dev/doc/godebug#go-127)',
      );
      if (version !== '1.27') expect(finding.message).toContain('from Go 1.27 every go command');
      // The fix keeps the other settings, and with it the real go runs.
      const command = finding.fixes?.[0]?.command;
      expect(command).toBe('export GODEBUG=http2debug=0,panicnil=1');
      const after = await run(goToolchain(version)!.goBin, ['env', 'GOVERSION'], {
        cwd: sandbox.workDir,
        timeoutMs: 30_000,
        env: { ...sandbox.env, GODEBUG: command!.slice('export GODEBUG='.length) },
      });
      expect(after.exitCode, after.stderr).toBe(0);
      // Nothing to say about a value that is not an old one; in Chinese when asked.
      const clean = await doctorIn({
        go: version,
        files: { 'go.mod': 'module example.com/app\n\ngo 1.21\n' },
        env: { GODEBUG: 'tls3des=0' },
        options: { only: ['toolchain/godebug-removed', 'toolchain/go-binary'] },
      });
      sandboxes.push(clean.sandbox);
      expect(clean.result.report.findings).toEqual([]);
    });
  },
);

describe('GODEBUG in the environment: the table', () => {
  it('the first old value left to right; none before 1.27; unset when nothing else remains', () => {
    expect(godebugEnvRefusal('a=1,tlsrsakex=1,tls3des=1', 27)?.key).toBe('tlsrsakex');
    expect(godebugEnvRefusal('tlsrsakex=1', 26)).toBeUndefined();
    expect(nextGodebugEnvRefusal('tlsrsakex=1', 26)?.release).toBe(27);
    expect(nextGodebugEnvRefusal('tlsrsakex=0', 26)).toBeUndefined();
    expect(godebugEnvRefusal('x509sha1=1', 28)?.message).toBe(
      'removed GODEBUG "x509sha1" set to old value "1" in environment (https://go.dev/doc/godebug#go-124)',
    );
  });
});
