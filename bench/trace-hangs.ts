// Time-to-name of every live hang of test/trace/hangs.test.ts, on every installed release: runs that
// suite (real go commands against loopback lab servers) with GOMOD_TRACE_TIMES set, then prints a
// Markdown table, cause × release, of the seconds from the start of the wait to the first diagnosis
// naming it. `--from FILE...` summarises JSON lines recorded earlier instead of running the suite.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../test/helpers/go-matrix.ts';

interface Time {
  go: string;
  cause: string;
  seconds: number;
}

function record(): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'gomod-trace-times-'));
  const file = join(dir, 'times.jsonl');
  const result = spawnSync(
    process.execPath,
    [join(repoRoot, 'node_modules', 'vitest', 'vitest.mjs'), 'run', 'test/trace/hangs.test.ts'],
    {
      cwd: repoRoot,
      env: { ...process.env, GOMOD_DOCTOR_GO_RELEASES: 'all', GOMOD_TRACE_TIMES: file },
      encoding: 'utf8',
      stdio: ['ignore', 'ignore', 'inherit'],
      timeout: 30 * 60_000,
    },
  );
  if (result.status !== 0) throw new Error(`the hang suite failed (exit ${result.status})`);
  const text = readFileSync(file, 'utf8');
  rmSync(dir, { recursive: true, force: true });
  return [text];
}

const args = process.argv.slice(2);
const texts = args[0] === '--from' ? args.slice(1).map((f) => readFileSync(f, 'utf8')) : record();
const times: Time[] = texts.flatMap((text) =>
  text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Time),
);
const minor = (v: string): number => Number(v.split('.')[1]);
const releases = [...new Set(times.map((t) => t.go))].sort((a, b) => minor(a) - minor(b));
const causes = [...new Set(times.map((t) => t.cause))].sort();
const out: string[] = [
  'Seconds from the start of the wait to the first live diagnosis naming the cause, with `--stall 1`',
  '(budget: `--stall` + 3 s = 4 s). Real go commands against loopback lab servers, the suite running',
  'its scenarios concurrently on a shared 2-core machine.',
  '',
  `| cause | ${releases.map((r) => `go${r}`).join(' | ')} |`,
  `|---|${releases.map(() => '---:').join('|')}|`,
];
for (const cause of causes) {
  const cells = releases.map((release) => {
    const seen = times.filter((t) => t.cause === cause && t.go === release).map((t) => t.seconds);
    return seen.length === 0 ? '—' : Math.max(...seen).toFixed(2);
  });
  out.push(`| \`${cause}\` | ${cells.join(' | ')} |`);
}
const all = times.map((t) => t.seconds);
out.push('');
out.push(
  `Slowest: ${Math.max(...all).toFixed(2)} s; median ${all.sort((a, b) => a - b)[Math.floor(all.length / 2)]!.toFixed(2)} s over ${all.length} diagnoses.`,
);
process.stdout.write(`${out.join('\n')}\n`);
