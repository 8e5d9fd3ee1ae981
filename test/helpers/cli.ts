// Runs the bundled CLI as a user would, with a minimal explicit environment (no colours, English
// unless the test says otherwise), through the project's process module.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunResult, run } from '../../src/exec/run.ts';
import { repoRoot } from './go-matrix.ts';

export const cliPath = join(repoRoot, 'bin', 'gomod-doctor.cjs');

/** A HOME of its own, so that nothing a test runs reads or writes the real user's config or caches. */
export const testHome = mkdtempSync(join(tmpdir(), 'gomod-doctor-home-'));

export interface CliOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  input?: string;
  timeoutMs?: number;
}

export function runCli(args: string[], options: CliOptions = {}): Promise<RunResult> {
  return run(process.execPath, [cliPath, ...args], {
    cwd: options.cwd ?? repoRoot,
    env: { PATH: process.env.PATH, HOME: testHome, LANG: 'C', NO_COLOR: '1', ...options.env },
    timeoutMs: options.timeoutMs ?? 30_000,
    ...(options.input !== undefined ? { input: options.input } : {}),
  });
}
