// Shared body of the fault tests: run one lab case with every lab toolchain in parallel and check
// the exit, the key lines and the saved transcript fixture.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { repoRoot } from '../helpers/go-matrix.ts';
import type { CaseRun, LabCase, LabServers } from './cases.ts';
import {
  keyLinesFor,
  labToolchains,
  missingKeyLines,
  runLabCase,
  startLabServers,
  transcriptFileName,
} from './cases.ts';

const transcriptsDir = join(repoRoot, 'test', 'fixtures', 'transcripts');

/** The lines of `transcript` that some key pattern matches, sorted and de-duplicated (order of interleaved lines varies). */
function matchedKeyLines(patterns: readonly RegExp[], transcript: string): string[] {
  const lines = transcript.split('\n').filter((line) => patterns.some((p) => p.test(line)));
  return [...new Set(lines)].sort();
}

/**
 * Starts the lab's servers once for the enclosing describe block and closes them after it; the
 * returned function gives them to the tests.
 */
export function useLabServers(): () => LabServers {
  let servers: LabServers | undefined;
  beforeAll(async () => {
    servers = await startLabServers();
  }, 60_000);
  afterAll(async () => {
    await servers?.close();
  });
  return () => {
    if (!servers) throw new Error('the lab servers did not start');
    return servers;
  };
}

/**
 * `inspect` sees each run before its sandbox is removed (files a helper left behind, say); its
 * failures fail the test after every sandbox is gone.
 */
export async function proveCase(
  labCase: LabCase,
  servers: LabServers,
  inspect?: (run: CaseRun, goVersion: string) => Promise<void> | void,
): Promise<Map<string, CaseRun>> {
  const runs = new Map<string, CaseRun>();
  await Promise.all(
    labToolchains().map(async (toolchain) => {
      const caseRun = await runLabCase(labCase, servers, toolchain, { keep: inspect !== undefined });
      runs.set(toolchain.version, caseRun);
    }),
  );
  if (inspect) {
    try {
      for (const [version, caseRun] of runs) await inspect(caseRun, version);
    } finally {
      for (const caseRun of runs.values()) await caseRun.sandbox.dispose();
    }
  }
  for (const [version, { result, transcript }] of runs) {
    const label = `${labCase.name} with go${version}`;
    if (labCase.hangs) {
      expect(result.timedOut, `${label}: should still be running at the timeout\n${transcript}`).toBe(true);
    } else {
      expect(result.timedOut, `${label}: timed out\n${transcript}`).toBe(false);
      if (labCase.exit === 'ok') expect(result.exitCode, `${label}\n${transcript}`).toBe(0);
      else expect(result.exitCode, `${label}\n${transcript}`).not.toBe(0);
    }
    expect(
      missingKeyLines(labCase, version, transcript),
      `${label}: key lines missing from\n${transcript}`,
    ).toEqual([]);

    const fixture = join(transcriptsDir, transcriptFileName(labCase, { version }));
    expect(existsSync(fixture), `${fixture} missing: run node --import tsx scripts/lab-transcripts.ts`).toBe(
      true,
    );
    const patterns = keyLinesFor(labCase, version);
    expect(matchedKeyLines(patterns, transcript), `${label}: key lines differ from the fixture`).toEqual(
      matchedKeyLines(patterns, readFileSync(fixture, 'utf8')),
    );
  }
  return runs;
}
