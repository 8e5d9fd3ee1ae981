// `npm run bench`: measures what the issues set numbers for, and writes BENCHMARKS.md.
// Timing lives here, never in unit tests. Each figure is a median over repeated runs, measured
// together with the go command on the same files in the same run, so ratios compare like with like.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseGoMod, parseGoWork } from '../src/modfile/index.ts';
import { goToolchains, repoRoot, sharedDir } from '../test/helpers/go-matrix.ts';

const corpusDir = join(sharedDir, 'corpus', 'modfiles');

interface CorpusFile {
  name: string;
  kind: 'mod' | 'work';
  data: Buffer;
}

function loadCorpus(): CorpusFile[] {
  const files: CorpusFile[] = [];
  for (const dir of readdirSync(corpusDir)) {
    for (const name of ['go.mod', 'go.work'] as const) {
      try {
        files.push({
          name: `${dir}/${name}`,
          kind: name === 'go.mod' ? 'mod' : 'work',
          data: readFileSync(join(corpusDir, dir, name)),
        });
      } catch {
        // not every directory has both
      }
    }
  }
  return files;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function timeProcess(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
  runs: number,
): number {
  const times: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    const start = performance.now();
    const result = spawnSync(command, args, { env, cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    const elapsed = performance.now() - start;
    if (result.status !== 0 && !args.includes('--version')) {
      throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
    }
    if (i >= 2) times.push(elapsed); // the first runs warm the disk cache
  }
  return median(times);
}

const corpus = loadCorpus();
const totalBytes = corpus.reduce((n, f) => n + f.data.length, 0);

// In-process parse throughput: parse the whole corpus repeatedly.
const parseRounds = 30;
const roundTimes: number[] = [];
for (let round = 0; round < parseRounds + 3; round++) {
  const start = performance.now();
  for (const file of corpus) {
    if (file.kind === 'mod') parseGoMod(file.data, { filename: 'go.mod' });
    else parseGoWork(file.data, { filename: 'go.work' });
  }
  if (round >= 3) roundTimes.push(performance.now() - start);
}
const roundMs = median(roundTimes);
const mbPerSec = totalBytes / 1e6 / (roundMs / 1000);
const filesPerSec = corpus.length / (roundMs / 1000);

// Cold CLI start against `go mod edit -json` on the largest go.mod of the corpus.
const largest = corpus.filter((f) => f.kind === 'mod').sort((a, b) => b.data.length - a.data.length)[0]!;
const work = mkdtempSync(join(tmpdir(), 'gomod-doctor-bench-'));
cpSync(join(corpusDir, largest.name), join(work, 'go.mod'));
const cli = join(repoRoot, 'bin', 'gomod-doctor.js');
const runs = 25;
const toolchains = goToolchains();
const newest = toolchains[toolchains.length - 1];
const goEnv: NodeJS.ProcessEnv = {
  PATH: newest ? `${join(newest.goroot, 'bin')}:${process.env.PATH}` : process.env.PATH,
  HOME: work,
  GOPATH: join(work, 'gopath'),
  GOCACHE: join(work, 'gocache'),
  GOTOOLCHAIN: 'local',
  GOFLAGS: '',
  GOENV: 'off',
  GOPROXY: 'off',
  GOWORK: 'off',
  NO_COLOR: '1',
};
const versionMs = timeProcess(process.execPath, [cli, '--version'], goEnv, work, runs);
const modfileMs = timeProcess(process.execPath, [cli, 'modfile', '--json', 'go.mod'], goEnv, work, runs);
const modfileExplicitMs = newest
  ? timeProcess(
      process.execPath,
      [cli, 'modfile', '--json', '--go', newest.version, 'go.mod'],
      goEnv,
      work,
      runs,
    )
  : undefined;
const goEditMs = newest
  ? timeProcess(newest.goBin, ['mod', 'edit', '-json', 'go.mod'], goEnv, work, runs)
  : undefined;
const nodeBareMs = timeProcess(process.execPath, ['-e', '0'], goEnv, work, runs);
rmSync(work, { recursive: true, force: true });

const fmt = (ms: number | undefined) => (ms === undefined ? 'n/a' : `${ms.toFixed(1)} ms`);
const ratio = (a: number, b: number | undefined) => (b === undefined ? 'n/a' : `${(a / b).toFixed(2)}x`);
const goVersion = newest
  ? spawnSync(newest.goBin, ['version'], { env: goEnv, encoding: 'utf8' }).stdout.trim()
  : 'no Go toolchain installed';

const report = `# Benchmarks

Written by \`npm run bench\` (bench/run.ts). Medians; the go command is measured in the same run on the same files.

## Machine

- CPU: ${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}
- Memory: ${(totalmem() / 2 ** 30).toFixed(0)} GiB
- OS: ${process.platform} ${release()}
- Node: ${process.version}
- Go: ${goVersion}
- Date: ${new Date().toISOString().slice(0, 10)}

## go.mod / go.work parsing (in-process)

Corpus: ${corpus.length} files, ${(totalBytes / 1e6).toFixed(2)} MB (../shared/corpus/modfiles), parsed ${parseRounds} times.

| measure | value | target |
|---|---|---|
| throughput | ${mbPerSec.toFixed(1)} MB/s | ≥ 50 MB/s |
| files | ${Math.round(filesPerSec).toLocaleString('en')} files/s | |
| one pass over the corpus | ${roundMs.toFixed(1)} ms | |

## Cold CLI start

Largest corpus go.mod: \`${largest.name}\` (${(largest.data.length / 1024).toFixed(1)} KiB). ${runs} runs each, after 2 warm-up runs.

| command | median | vs \`go mod edit -json\` |
|---|---|---|
| \`node -e 0\` (Node's own start, for reference) | ${fmt(nodeBareMs)} | ${ratio(nodeBareMs, goEditMs)} |
| \`gomod-doctor --version\` | ${fmt(versionMs)} | ${ratio(versionMs, goEditMs)} |
| \`gomod-doctor modfile --json go.mod\` (release from the local go) | ${fmt(modfileMs)} | ${ratio(modfileMs, goEditMs)} |
| \`gomod-doctor modfile --json --go X go.mod\` | ${fmt(modfileExplicitMs)} | ${modfileExplicitMs === undefined ? 'n/a' : ratio(modfileExplicitMs, goEditMs)} |
| \`go mod edit -json go.mod\` | ${fmt(goEditMs)} | 1.00x |

Target: a cold \`modfile --json\` on the largest corpus file within 3x of \`go mod edit -json\`.
`;
writeFileSync(join(repoRoot, 'BENCHMARKS.md'), report);
process.stdout.write(report);
