// The security-floor check with a go that reports an older version: a wrapper script in a temp
// directory that runs the real go but answers `go version` and `go env GOVERSION` (and its GOROOT's
// VERSION file) with the release under test.
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { missingSecurityFixes } from '../../src/doctor/checks/toolchain/security-floor.ts';
import { SECURITY_FLOOR } from '../../src/doctor/data/security-floor.ts';
import { run } from '../../src/exec/run.ts';
import { goToolchains, titleNeedingGo } from '../helpers/go-matrix.ts';
import type { Sandbox } from '../lab/kit/sandbox.ts';
import { doctorIn } from './helpers.ts';

const real = goToolchains().at(-1);
const temps: string[] = [];
const sandboxes: Sandbox[] = [];
afterAll(async () => {
  await Promise.all(sandboxes.map((s) => s.dispose()));
  await Promise.all(temps.map((d) => rm(d, { recursive: true, force: true })));
});

/** A go that says it is `version` and otherwise is the real one. */
async function olderGo(version: string): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'gomod-doctor-oldgo-'));
  temps.push(root);
  await mkdir(join(root, 'bin'));
  await writeFile(join(root, 'VERSION'), `go${version}\ntime 2026-01-01T00:00:00Z\n`);
  const script = `#!/bin/sh
if [ "$1" = version ] && [ $# -eq 1 ]; then echo "go version go${version} linux/amd64"; exit 0; fi
if [ "$1" = env ] && [ "$2" = GOVERSION ] && [ $# -eq 2 ]; then echo "go${version}"; exit 0; fi
exec '${real!.goBin}' "$@"
`;
  const bin = join(root, 'bin', 'go');
  await writeFile(bin, script);
  await chmod(bin, 0o755);
  return bin;
}

describe('security floor: the table', () => {
  it('names what each release misses and the release that fixes it', () => {
    const ids = (v: string) => missingSecurityFixes(v)?.advisories.map((a) => a.id) ?? [];
    expect(ids('1.26.2')).toEqual(['CVE-2026-42501', 'CVE-2026-56864', 'CVE-2026-56865']);
    expect(missingSecurityFixes('1.26.2')?.target).toBe('1.26.6');
    expect(ids('1.26.3')).toEqual(['CVE-2026-56864', 'CVE-2026-56865']);
    expect(ids('1.26.6')).toEqual([]);
    expect(ids('1.25.12')).toEqual(['CVE-2026-56864', 'CVE-2026-56865']);
    expect(missingSecurityFixes('1.25.12')?.target).toBe('1.25.13');
    expect(ids('1.27.0')).toEqual([]);
    // A line that never got the fixes: the newest line that has them all.
    expect(missingSecurityFixes('1.24.13')?.target).toBe('1.26.6');
    expect(SECURITY_FLOOR.updated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe.skipIf(!real)(
  titleNeedingGo('security floor: doctor with a go that reports an older version', !!real),
  () => {
    it('the wrapper is believed: go version says the older release', async () => {
      const bin = await olderGo('1.26.2');
      expect(
        (
          await run(bin, ['version'], {
            timeoutMs: 30_000,
            env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
          })
        ).stdout,
      ).toBe('go version go1.26.2 linux/amd64\n');
    });

    const cases: Array<{ version: string; env: Record<string, string>; expected: string[] }> = [
      {
        version: '1.26.2',
        env: { GOPROXY: 'https://goproxy.cn,direct' },
        expected: ['CVE-2026-42501', 'CVE-2026-56864'],
      },
      {
        version: '1.26.4',
        env: { GOSUMDB: 'sum.golang.org https://sumdb-mirror.corp.example.com' },
        expected: ['CVE-2026-56865'],
      },
      { version: '1.26.2', env: { GOPROXY: 'https://proxy.golang.org,direct' }, expected: [] },
      { version: '1.26.6', env: { GOPROXY: 'https://goproxy.cn,direct' }, expected: [] },
    ];
    for (const c of cases) {
      it(`go${c.version} with ${Object.entries(c.env)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ')}: ${c.expected.length ? 'a warning' : 'nothing'}`, async () => {
        const goBin = await olderGo(c.version);
        const { result, sandbox } = await doctorIn({
          env: c.env,
          options: { goBin, only: ['toolchain/security-floor'] },
        });
        sandboxes.push(sandbox);
        const findings = result.report.findings;
        if (c.expected.length === 0) {
          expect(findings).toEqual([]);
          return;
        }
        expect(findings).toHaveLength(1);
        const f = findings[0]!;
        expect([f.cause, f.severity]).toEqual(['go-security-floor', 'warning']);
        for (const id of c.expected) expect(f.message).toContain(id);
        expect(f.message).toContain(`updated ${SECURITY_FLOOR.updated}`);
        expect(f.fixes?.[1]?.command).toBe(
          'rm -r go.sum go.work.sum vendor/ && go mod tidy && go mod verify',
        );
        expect(f.evidence?.[0]).toEqual({ source: 'go version', text: `go${c.version}` });
      });
    }
  },
);
