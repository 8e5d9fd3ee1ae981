// `node --import tsx bench/doctor.ts`: wall time of a whole `gomod-doctor` run (without --network)
// on a project the size of kubernetes: its go.mod and go.work from the corpus, the 31 staging
// modules go.work uses (stub go.mod files with the right module paths), and a go.sum with the
// two lines per requirement plus older versions, as large as kubernetes' own (~1,100 lines).
// Runs the bundled CLI as users do (node start-up included); prints the median of the runs.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { goToolchains, repoRoot } from '../test/helpers/go-matrix.ts';
import { buildKubernetesProject as buildProject } from './kubernetes-project.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const go = goToolchains().at(-1);
if (!go) {
  process.stderr.write('bench/doctor: no Go toolchain in .cache/go (run scripts/install-go.sh)\n');
  process.exit(2);
}
const work = mkdtempSync(join(tmpdir(), 'gomod-doctor-bench-'));
try {
  const project = join(work, 'kubernetes');
  mkdirSync(project);
  const shape = buildProject(project);
  const home = join(work, 'home');
  mkdirSync(home);
  const env = {
    PATH: `${dirname(go.goBin)}:/usr/local/bin:/usr/bin:/bin`,
    HOME: home,
    GOPATH: join(work, 'gopath'),
    GOCACHE: join(work, 'gocache'),
    GOENV: join(work, 'goenv'),
    GIT_CONFIG_GLOBAL: join(home, '.gitconfig'),
    NO_COLOR: '1',
    LANG: 'C',
  };
  const cli = join(repoRoot, 'bin', 'gomod-doctor.cjs');
  const times: number[] = [];
  let status: number | null = null;
  for (let i = 0; i < RUNS + 1; i++) {
    const started = performance.now();
    const result = spawnSync(process.execPath, [cli, 'doctor', '-C', project, '--json'], {
      env,
      encoding: 'utf8',
    });
    const elapsed = performance.now() - started;
    status = result.status;
    if (result.status === 2) throw new Error(result.stderr);
    if (i > 0) times.push(elapsed); // the first run warms the file system cache
  }
  const ms = median(times);
  process.stdout.write(
    `gomod-doctor doctor on kubernetes (go.mod ${shape.requires} requirements, go.work ${shape.uses} modules, go.sum ${shape.sumLines} lines), go ${go.version}: ` +
      `median ${ms.toFixed(0)} ms wall over ${RUNS} runs (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}; exit ${status})\n`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
