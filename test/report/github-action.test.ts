// The GitHub Action's entry point (bin/github-action.cjs), run as the Actions runner runs it: with
// GITHUB_WORKSPACE, GITHUB_STEP_SUMMARY, GITHUB_OUTPUT and INPUT_* set, on a lab project with the
// real go command. Asserted: the workflow commands on standard output, the job summary, the step
// outputs, the SARIF file, and the step's exit status.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/exec/run.ts';
import { goToolchains, repoRoot } from '../helpers/go-matrix.ts';
import { createSandbox, type Sandbox } from '../lab/kit/sandbox.ts';

const toolchain = goToolchains().at(-1);
const entry = join(repoRoot, 'bin', 'github-action.cjs');

describe.skipIf(!toolchain)('the GitHub Action entry point with a simulated runner', () => {
  let sandbox: Sandbox;
  let workspace: string;
  beforeAll(async () => {
    sandbox = await createSandbox({ go: toolchain! });
    workspace = join(sandbox.workDir, 'repo');
    mkdirSync(join(workspace, '.git'), { recursive: true });
    mkdirSync(join(workspace, 'svc'), { recursive: true });
    writeFileSync(
      join(workspace, 'svc', 'go.mod'),
      'module example.com/svc\n\ngo 1.21\n\nrequire example.com/a v1.0.0\n\nreplace example.com/a => ../../outside\n',
    );
  });
  afterAll(async () => {
    await sandbox?.dispose();
  });

  async function action(inputs: Record<string, string>) {
    const summary = join(sandbox.labDir, `summary-${Object.keys(inputs).join('-')}.md`);
    const output = join(sandbox.labDir, `output-${Object.keys(inputs).join('-')}.txt`);
    writeFileSync(summary, '');
    writeFileSync(output, '');
    const env: Record<string, string | undefined> = {
      ...sandbox.env,
      NO_COLOR: '1',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: workspace,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_OUTPUT: output,
    };
    for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
    const result = await run(process.execPath, [entry], { cwd: workspace, env, timeoutMs: 60_000 });
    return { result, summary: readFileSync(summary, 'utf8'), outputs: readFileSync(output, 'utf8') };
  }

  it('the release gate: annotations on svc/go.mod, the summary, outputs, SARIF, and a failed step', async () => {
    const { result, summary, outputs } = await action({
      command: 'doctor --release',
      'working-directory': 'svc',
      'fail-on': 'error',
      'sarif-file': 'gomod-doctor.sarif',
    });
    expect(result.exitCode, result.stderr).toBe(1);
    expect(result.stdout).toMatch(
      /^::error file=svc\/go\.mod,line=7,col=\d+,title=[^:]*\(replace-target-missing\)::/m,
    );
    expect(summary).toContain('## gomod-doctor doctor');
    expect(summary).toContain('replace-target-missing');
    const findings = Number(/^findings=(\d+)$/m.exec(outputs)?.[1]);
    expect(findings).toBeGreaterThan(0);
    expect(outputs).toMatch(/^exit-code=1$/m);
    const sarif = JSON.parse(readFileSync(join(workspace, 'gomod-doctor.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.length).toBe(findings);
    expect(sarif.runs[0].invocations).toEqual([{ executionSuccessful: true, exitCode: 1 }]);
    const uris = sarif.runs[0].results.map(
      (r: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) =>
        r.locations[0]?.physicalLocation.artifactLocation.uri,
    );
    expect(uris).toContain('svc/go.mod');
  });

  it('fail-on never reports without failing the step', async () => {
    const { result, outputs } = await action({
      command: 'doctor --release',
      'working-directory': 'svc',
      'fail-on': 'never',
    });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^::error /m);
    expect(outputs).toMatch(/^exit-code=0$/m);
  });

  it('explain-log: the failed go step explained, in Chinese when asked', async () => {
    writeFileSync(
      join(workspace, 'go-build.log'),
      readFileSync(join(repoRoot, 'examples', 'transcripts', 'private-module-410.txt')),
    );
    const { result, summary, outputs } = await action({
      'explain-log': 'go-build.log',
      'fail-on': 'never',
      lang: 'zh-CN',
    });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^::error title=[^:]*\(private-module-via-proxy\)::/m);
    expect(summary).toContain('private-module-via-proxy');
    expect(summary).toContain('修复');
    expect(outputs).toMatch(/^findings=[1-9]\d*$/m);
  });

  it('a command that cannot run is one annotation and exit 2', async () => {
    const { result, outputs } = await action({ command: 'doctor --check no-such-check' });
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toMatch(/^::error title=gomod-doctor::/m);
    expect(outputs).toMatch(/^exit-code=2$/m);
    expect(result.stdout).toContain(
      '::error title=gomod-doctor::gomod-doctor doctor did not produce a report (exit 2)',
    );
  });

  it("the action's own error lines in Chinese when lang asks (zh-CN, and --lang's other spellings)", async () => {
    for (const lang of ['zh-CN', 'zh_CN']) {
      const { result } = await action({ command: 'doctor --check no-such-check', lang });
      expect(result.exitCode).toBe(2);
      expect(result.stdout).toContain(
        '::error title=gomod-doctor::gomod-doctor doctor 没有生成报告（退出状态 2）',
      );
    }
    // A failure of the action itself (the SARIF file cannot be written: its path is a directory).
    mkdirSync(join(workspace, 'a-directory'), { recursive: true });
    const failed = await action({
      command: 'doctor --release',
      'working-directory': 'svc',
      'sarif-file': 'a-directory',
      lang: 'zh-CN',
    });
    expect(failed.result.exitCode).toBe(2);
    expect(failed.result.stdout).toMatch(
      /^::error title=gomod-doctor::gomod-doctor action 运行失败：.*EISDIR/m,
    );
    const english = await action({
      command: 'doctor --release',
      'working-directory': 'svc',
      'sarif-file': 'a-directory',
    });
    expect(english.result.stdout).toMatch(
      /^::error title=gomod-doctor::the gomod-doctor action failed: .*EISDIR/m,
    );
  });
});
