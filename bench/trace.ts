// `node --import tsx bench/trace.ts`: the cost of watching. A successful `go mod download` of 200
// modules from a local lab proxy, plain (the go command alone, no -x) against traced (through
// traceGoCommand: -x added, every line parsed, the stall watch ticking), each run with an empty
// module cache. Runs are interleaved round by round so that load on a shared machine hits both
// alike; the figure is the median wall time of each. Prints the figures; the lead folds them into
// BENCHMARKS.md.
import { rm } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { run } from '../src/exec/run.ts';
import { traceGoCommand } from '../src/trace/trace.ts';
import { goToolchains } from '../test/helpers/go-matrix.ts';
import { startProxyServer } from '../test/lab/kit/proxy-server.ts';
import { createSandbox } from '../test/lab/kit/sandbox.ts';
import type { ModuleDecl } from '../test/lab/kit/universe.ts';
import { createUniverse } from '../test/lab/kit/universe.ts';

const MODULES = Number(process.env.BENCH_MODULES ?? 200);
const RUNS = Number(process.env.BENCH_RUNS ?? 11);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const toolchain = goToolchains().at(-1);
if (!toolchain) throw new Error('no Go toolchain installed: run scripts/install-go.sh');

const modules: ModuleDecl[] = Array.from({ length: MODULES }, (_, i) => {
  const path = `example.com/bench/m${String(i).padStart(3, '0')}`;
  return {
    path,
    versions: {
      'v1.0.0': {
        files: {
          'go.mod': `module ${path}\n\ngo 1.19\n`,
          'm.go': `package m\n\n// N is ${i}.\nconst N = ${i}\n`,
        },
      },
    },
  };
});
const universe = createUniverse(modules);
const proxy = await startProxyServer({ universe });
const sandbox = await createSandbox({ go: toolchain, goproxy: proxy.url });
await sandbox.writeFiles({
  'go.mod': `module example.com/app\n\ngo 1.19\n\nrequire (\n${modules.map((m) => `\t${m.path} v1.0.0\n`).join('')})\n`,
});

const args = ['mod', 'download'];
async function plain(): Promise<number> {
  const started = performance.now();
  const result = await sandbox.go(args, { timeoutMs: 300_000 });
  if (result.exitCode !== 0) throw new Error(`go mod download failed: ${result.stderr}`);
  return performance.now() - started;
}
async function traced(): Promise<number> {
  const started = performance.now();
  const result = await traceGoCommand({
    command: toolchain!.goBin,
    args: ['mod', 'download', '-x'],
    env: sandbox.env,
    cwd: sandbox.workDir,
    stallSeconds: 5,
  });
  if (result.exitCode !== 0)
    throw new Error(`traced go mod download failed: ${result.transcript.slice(-2000)}`);
  const gets = result.operations.filter((op) => op.kind === 'http').length;
  if (gets < MODULES * 3) throw new Error(`expected at least ${MODULES * 3} requests, parsed ${gets}`);
  return performance.now() - started;
}
async function emptyCache(): Promise<void> {
  await run('chmod', ['-R', 'u+w', sandbox.gomodcache], {
    env: { PATH: '/usr/bin:/bin' },
    timeoutMs: 60_000,
  });
  await rm(sandbox.gomodcache, { recursive: true, force: true });
}

const plainTimes: number[] = [];
const tracedTimes: number[] = [];
try {
  // Warm-up: the OS file cache, the go binary, the proxy's zip cache.
  await plain();
  await emptyCache();
  for (let round = 0; round < RUNS; round++) {
    const order = round % 2 === 0 ? [plain, traced] : [traced, plain];
    for (const measure of order) {
      await emptyCache();
      const ms = await measure();
      (measure === plain ? plainTimes : tracedTimes).push(ms);
    }
  }
} finally {
  await proxy.close();
  await sandbox.dispose();
}

const plainMedian = median(plainTimes);
const tracedMedian = median(tracedTimes);
const overhead = ((tracedMedian - plainMedian) / plainMedian) * 100;
console.log(
  `trace overhead: go mod download of ${MODULES} modules from a loopback lab proxy (go ${toolchain.version})`,
);
console.log(
  `  machine: ${cpus().length} CPUs, load ${loadavg()[0]!.toFixed(2)}; ${RUNS} interleaved runs each, empty module cache`,
);
console.log(
  `  plain  : median ${(plainMedian / 1000).toFixed(3)} s  (runs: ${plainTimes.map((t) => (t / 1000).toFixed(2)).join(', ')})`,
);
console.log(
  `  traced : median ${(tracedMedian / 1000).toFixed(3)} s  (runs: ${tracedTimes.map((t) => (t / 1000).toFixed(2)).join(', ')})`,
);
console.log(`  overhead: ${overhead.toFixed(1)} % (target < 5 %)`);
