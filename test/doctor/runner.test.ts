// The doctor's machinery: the registry lists every check file with a matching id and real cause
// ids; a check that throws or hangs becomes its own finding while the others run; the output
// formats (terminal in both languages, JSON, SARIF) have the contract's shape.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isCauseId } from '../../src/causes/catalog.ts';
import { CHECKS } from '../../src/doctor/checks/index.ts';
import { renderDoctor } from '../../src/doctor/render.ts';
import { runDoctor } from '../../src/doctor/run.ts';
import { defineCheck } from '../../src/doctor/types.ts';
import { renderSarif } from '../../src/report/sarif.ts';
import { NO_GO_REASON, repoRoot } from '../helpers/go-matrix.ts';
import type { Sandbox } from '../lab/kit/sandbox.ts';
import { doctorIn, toolchain } from './helpers.ts';

const sandboxes: Sandbox[] = [];
afterAll(async () => {
  await Promise.all(sandboxes.map((s) => s.dispose()));
});

describe('check registry', () => {
  it('registers every file under src/doctor/checks/<area>/ once, with id = path', () => {
    const base = join(repoRoot, 'src', 'doctor', 'checks');
    const files: string[] = [];
    for (const area of readdirSync(base, { withFileTypes: true })) {
      if (!area.isDirectory()) continue;
      for (const f of readdirSync(join(base, area.name))) {
        // modules.ts is a helper shared by the project checks, not a check.
        if (f.endsWith('.ts') && f !== 'modules.ts') files.push(`${area.name}/${f.replace(/\.ts$/, '')}`);
      }
    }
    expect(CHECKS.map((c) => c.id).sort()).toEqual(files.sort());
    for (const check of CHECKS) {
      expect(check.id.split('/')[0]).toBe(check.area);
      for (const cause of check.causes) expect(isCauseId(cause), `${check.id}: ${cause}`).toBe(true);
    }
  });
});

describe('runner isolation', () => {
  it('a crashing and a hanging check become findings; the others still report', async () => {
    const crash = defineCheck({
      id: 'project/crash',
      area: 'project',
      needs: [],
      causes: [],
      run: () => {
        throw new Error('boom');
      },
    });
    const hang = defineCheck({
      id: 'git/hang',
      area: 'git',
      needs: [],
      causes: [],
      run: () => new Promise(() => {}),
    });
    const fine = defineCheck({
      id: 'settings/fine',
      area: 'settings',
      needs: [],
      causes: ['goproxy-off'],
      run: () => [{ cause: 'goproxy-off', severity: 'warning', title: 't', message: 'm' }],
    });
    const result = await runDoctor(
      { cwd: repoRoot, env: { PATH: '/usr/bin:/bin' }, lang: 'en', checkTimeoutMs: 200 },
      [crash, hang, fine],
    );
    const byCheck = Object.fromEntries(result.outcomes.map((o) => [o.check.id, o]));
    expect(byCheck['project/crash']!.status).toBe('crashed');
    expect(byCheck['project/crash']!.findings[0]!.message).toContain('boom');
    expect(byCheck['git/hang']!.status).toBe('timed-out');
    expect(byCheck['settings/fine']!.findings).toHaveLength(1);
    expect(result.report.findings.map((f) => f.check)).toEqual([
      'project/crash',
      'git/hang',
      'settings/fine',
    ]);
  });
});

describe.skipIf(!toolchain)(`output formats${toolchain ? '' : ` (${NO_GO_REASON})`}`, () => {
  it('a megabyte-long go.mod line is quoted as a window around the column, in every format', async () => {
    const near = `require example.com/a v1.2 // ${'a'.repeat(300)}\n`;
    const far = `require example.com/a v1.0.0${'a'.repeat(300_000)}\u0000${'b'.repeat(700_000)}\n`;
    for (const [line, caretExpected] of [
      [near, true],
      [far, false],
    ] as const) {
      const { result, sandbox } = await doctorIn({
        files: { 'go.mod': `module example.com/app\n\ngo 1.21\n\n${line}`, 'go.sum': '' },
        env: { GOSUMDB: 'off' },
      });
      sandboxes.push(sandbox);
      const text = renderDoctor(result, { lang: 'en', color: false });
      expect(text.length).toBeLessThan(5000);
      expect(JSON.stringify(result.report).length).toBeLessThan(20_000);
      const frame = text.split('\n').findIndex((l) => l.startsWith('  5 | '));
      expect(frame).toBeGreaterThan(0);
      const caretLine = text.split('\n')[frame + 1] ?? '';
      expect(caretLine.endsWith('^'), caretLine).toBe(caretExpected);
      if (caretExpected) {
        // The caret stands under the column the go command names (the v of v1.2), window or not.
        const shown = text.split('\n')[frame]!.slice('  5 | '.length);
        expect(shown[caretLine.length - '    | '.length - 1]).toBe('v');
      }
    }
  });

  it('terminal: one line per area, a code frame, the fix; zh-CN too; SARIF has rules and regions', async () => {
    const { result, sandbox } = await doctorIn({
      files: { 'go.mod': 'module example.com/app\n\ngo 1.21\n\nrequire example.com/a v1.2\n', 'go.sum': '' },
      env: { GOSUMDB: 'off' },
    });
    sandboxes.push(sandbox);
    const text = renderDoctor(result, { lang: 'en', color: false });
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^\[✓\] Go toolchain \(go1\.\d+/);
    expect(lines[1]).toMatch(/^\[!\] Module settings: Checksum verification is off/);
    expect(lines[2]).toMatch(/^\[!\] Project files: /);
    expect(text).toContain('  5 | require example.com/a v1.2\n    |                       ^');
    expect(text).toContain('go mod edit -fmt');
    const zhRun = await doctorIn({
      files: { 'go.mod': 'module example.com/app\n\ngo 1.21\n\nrequire example.com/a v1.2\n', 'go.sum': '' },
      options: { lang: 'zh-CN' },
    });
    sandboxes.push(zhRun.sandbox);
    const zh = renderDoctor(zhRun.result, { lang: 'zh-CN', color: false, verbose: true });
    expect(zh).toContain('模块相关设置');
    expect(zh).toContain('不是规范版本号');
    const sarif = JSON.parse(renderSarif(result.report, '0.0.0', { defaultFile: 'go.mod' }));
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toContain('invalid-version-syntax');
    const res = run.results.find((r: { ruleId: string }) => r.ruleId === 'invalid-version-syntax');
    expect(res.level).toBe('warning');
    expect(res.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'go.mod', uriBaseId: '%SRCROOT%' },
      region: { startLine: 5, startColumn: 23 },
    });
    for (const r of run.results) expect(r.locations.length).toBe(1);
  });
});
