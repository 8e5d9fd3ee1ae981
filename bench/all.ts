// `npm run bench`: every benchmark, one after the other (never in parallel: they measure time),
// into one BENCHMARKS.md. bench/run.ts writes the file with the machine, parsing and start-up
// figures; each capability's benchmark then adds its own section with what it printed.
import { spawnSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../test/helpers/go-matrix.ts';

const sections: Array<{ script: string; title: string; issueTarget: string; markdown: boolean }> = [
  {
    script: 'doctor.ts',
    title: 'doctor on a kubernetes-sized project',
    issueTarget: 'under 1 s wall',
    markdown: false,
  },
  { script: 'explain.ts', title: 'explain on a 100 MiB CI log', issueTarget: 'under 2 s', markdown: true },
  {
    script: 'real.ts',
    title: 'explain accuracy on real reports (test/fixtures/real)',
    issueTarget:
      'validation top-1 at least 95 %, top-2 at least 98 % (the validation figure is the one that counts)',
    markdown: true,
  },
  {
    script: 'network.ts',
    title: 'doctor --network, 300 dependencies on loopback servers',
    issueTarget: 'under 2 s when every endpoint answers; within the 10 s budget when every endpoint hangs',
    markdown: true,
  },
  {
    script: 'trace.ts',
    title: 'trace overhead on go mod download of 200 modules',
    issueTarget: 'under 5 % extra wall time',
    markdown: false,
  },
  {
    script: 'trace-hangs.ts',
    title: 'trace: time to name each live hang, every release',
    issueTarget: 'every hang named within --stall + 3 s',
    markdown: true,
  },
  {
    script: 'tidy.ts',
    title: 'tidy-check on 20,000 .go files in 2,000 packages',
    issueTarget: 'at least 5x faster than go list -deps -test ./..., within 2x of reading the headers',
    markdown: false,
  },
  {
    script: 'html.ts',
    title: 'the HTML report of a kubernetes-sized project',
    issueTarget: 'under 500 KB, rendered in a browser in under 1 s',
    markdown: true,
  },
];

function runScript(script: string, args: string[] = []): string {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join('bench', script), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`bench/${script} failed with exit status ${result.status}`);
  return result.stdout;
}

process.stdout.write(runScript('run.ts', process.argv.slice(2)));
const out = join(repoRoot, 'BENCHMARKS.md');
for (const section of sections) {
  process.stderr.write(`bench: ${section.script}\n`);
  const printed = runScript(section.script).trimEnd();
  const body = section.markdown ? printed : `\`\`\`\n${printed}\n\`\`\``;
  const text = `\n## ${section.title}\n\nTarget: ${section.issueTarget}. From \`bench/${section.script}\`:\n\n${body}\n`;
  appendFileSync(out, text);
  process.stdout.write(text);
}
