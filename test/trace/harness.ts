// Runs `gomod-doctor trace` / `attach` from the sources (through tsx, so that a bundle being rebuilt
// by another test run never gets in the way) inside a lab sandbox, and notes when the first live
// diagnosis line appeared.
import { chmod, readdir, readlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RunResult } from '../../src/exec/run.ts';
import { run } from '../../src/exec/run.ts';
import type { Report } from '../../src/findings/finding.ts';
import { repoRoot } from '../helpers/go-matrix.ts';
import type { Sandbox } from '../lab/kit/sandbox.ts';

const tsxLoader = pathToFileURL(join(repoRoot, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
const mainScript = join(repoRoot, 'src', 'cli', 'main.ts');

export interface CliRun {
  result: RunResult;
  report?: Report;
  /** Seconds from start to the first `gomod-doctor: stuck|slow` line, if any. */
  firstDiagnosisAt?: number;
  diagnosisLines: string[];
}

export async function runTraceCli(
  sandbox: Sandbox,
  args: readonly string[],
  options: { env?: Record<string, string | undefined>; timeoutMs?: number } = {},
): Promise<CliRun> {
  return runCliIn(sandbox, ['trace', '--json', ...args], options);
}

export async function runCliIn(
  sandbox: Sandbox,
  args: readonly string[],
  options: { env?: Record<string, string | undefined>; timeoutMs?: number } = {},
): Promise<CliRun> {
  const started = performance.now();
  let firstDiagnosisAt: number | undefined;
  let stderr = '';
  const result = await run(process.execPath, ['--import', tsxLoader, mainScript, ...args], {
    env: { ...sandbox.env, NO_COLOR: '1', ...options.env },
    cwd: sandbox.workDir,
    timeoutMs: options.timeoutMs ?? 60_000,
    onStderr: (chunk) => {
      stderr += chunk;
      if (firstDiagnosisAt === undefined && /^gomod-doctor: (?:stuck|slow)/m.test(stderr)) {
        firstDiagnosisAt = (performance.now() - started) / 1000;
      }
    },
  });
  const diagnosisLines = result.stderr.split('\n').filter((l) => /^gomod-doctor: (?:stuck|slow)/.test(l));
  let report: Report | undefined;
  if (args.includes('--json')) {
    try {
      report = JSON.parse(result.stdout) as Report;
    } catch {
      report = undefined;
    }
  }
  return {
    result,
    ...(report ? { report } : {}),
    ...(firstDiagnosisAt !== undefined ? { firstDiagnosisAt } : {}),
    diagnosisLines,
  };
}

/** Writes an executable shell script. */
export async function writeScript(path: string, body: string): Promise<string> {
  await writeFile(path, `#!/bin/sh\n${body}\n`);
  await chmod(path, 0o755);
  return path;
}

/** Processes whose working directory or command line is inside `root` (leftovers of a run). */
export async function processesUnder(root: string): Promise<number[]> {
  const found: number[] = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      const cwd = await readlink(`/proc/${name}/cwd`);
      if (cwd.startsWith(root)) found.push(Number(name));
    } catch {
      // gone, or not ours
    }
  }
  return found;
}

/** Waits until `check` is true (polling), at most `ms`. */
export async function waitFor(check: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}
