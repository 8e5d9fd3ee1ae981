// Regenerates test/fixtures/transcripts/<case>.go1.XX.txt: every lab case run with every installed
// lab toolchain (LAB_GO_VERSIONS: 1.19, 1.23-1.27), normalised.
// Run: node --import tsx scripts/lab-transcripts.ts [CASE...]
// GOMOD_DOCTOR_GO_RELEASES=1.25,1.26 limits it to those releases.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { repoRoot } from '../test/helpers/go-matrix.ts';
import {
  LAB_CASES,
  labToolchains,
  missingKeyLines,
  runLabCase,
  startLabServers,
  transcriptFileName,
} from '../test/lab/cases.ts';
import { namespaceSupport } from '../test/lab/kit/namespace.ts';

const wanted = process.argv.slice(2);
const cases = wanted.length === 0 ? LAB_CASES : LAB_CASES.filter((c) => wanted.includes(c.name));
const toolchains = labToolchains('all');
if (toolchains.length === 0) {
  process.stderr.write('no Go toolchain installed: run scripts/install-go.sh\n');
  process.exit(1);
}

const outDir = join(repoRoot, 'test', 'fixtures', 'transcripts');
await mkdir(outDir, { recursive: true });
const servers = await startLabServers();
const noNamespaces = await namespaceSupport();
let problems = 0;
try {
  for (const labCase of cases) {
    if (labCase.needsNamespaces && noNamespaces) {
      process.stdout.write(`skipped    ${labCase.name}: ${noNamespaces}\n`);
      continue;
    }
    await Promise.all(
      toolchains.map(async (toolchain) => {
        const { result, transcript } = await runLabCase(labCase, servers, toolchain);
        const missing = missingKeyLines(labCase, toolchain.version, transcript);
        const exitOk = labCase.hangs
          ? result.timedOut
          : !result.timedOut && (labCase.exit === 'ok' ? result.exitCode === 0 : result.exitCode !== 0);
        const file = transcriptFileName(labCase, toolchain);
        await writeFile(join(outDir, file), transcript);
        const status = missing.length === 0 && exitOk ? 'ok' : 'UNEXPECTED';
        if (status !== 'ok') problems++;
        process.stdout.write(
          `${status.padEnd(10)} ${file} (exit ${result.exitCode}, ${Math.round(result.durationMs)} ms)\n`,
        );
        for (const pattern of missing) process.stdout.write(`           missing ${pattern}\n`);
      }),
    );
  }
} finally {
  await servers.close();
}
process.exit(problems === 0 ? 0 : 1);
