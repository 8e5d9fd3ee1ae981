// `node --import tsx bench/tidy.ts`: tidy-check's scan on a large synthetic module (20,000 .go
// files in 2,000 packages) against `go list -deps -test ./...` and against a baseline that only
// reads the same files' headers (open, read the first 4 KiB, close). Warm disk cache: every
// measurement is a median of runs after two warm-up runs. Prints the figures; the lead folds
// them into BENCHMARKS.md.
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeTidy } from '../src/tidy/analyze.ts';
import { scanModule } from '../src/tidy/scan.ts';
import { goToolchains } from '../test/helpers/go-matrix.ts';

const PACKAGES = Number(process.env.BENCH_PACKAGES ?? 2000);
const FILES_PER_PACKAGE = Number(process.env.BENCH_FILES ?? 10);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const MODULE = 'example.com/bench';
const STD = [
  'fmt',
  'strings',
  'os',
  'io',
  'sort',
  'errors',
  'bytes',
  'strconv',
  'sync',
  'time',
  'context',
  'net/http',
  'encoding/json',
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Times several variants interleaved (a, b, c, a, b, c, ...) so that a busy machine or a
 * garbage-collection pause hits each of them alike; two warm-up rounds, then the median.
 */
function measure(variants: Array<[string, () => void]>): number[] {
  const times = variants.map(() => [] as number[]);
  for (let i = 0; i < RUNS + 2; i++) {
    variants.forEach(([, fn], k) => {
      const start = performance.now();
      fn();
      if (i >= 2) times[k]!.push(performance.now() - start);
    });
  }
  return variants.map(([label], k) => {
    const ms = median(times[k]!);
    process.stdout.write(`${label.padEnd(46)} ${ms.toFixed(0).padStart(7)} ms\n`);
    return ms;
  });
}

/** Deterministic generator: package k imports a few packages with smaller numbers (no cycles). */
function generate(root: string): number {
  writeFileSync(join(root, 'go.mod'), `module ${MODULE}\n\ngo 1.21\n`);
  let files = 0;
  const body = `\n// Value is part of the synthetic benchmark tree.\nfunc Value%N%(x int) int {\n${'\tx = x*31 + 7\n'.repeat(40)}\treturn x\n}\n`;
  for (let p = 0; p < PACKAGES; p++) {
    const rel = `g${Math.floor(p / 100)}/p${p}`;
    const dir = join(root, rel);
    mkdirSync(dir, { recursive: true });
    for (let f = 0; f < FILES_PER_PACKAGE; f++) {
      const imports = new Set<string>([STD[(p + f) % STD.length]!, STD[(p * 7 + f) % STD.length]!]);
      if (p > 0 && f < 3)
        imports.add(`${MODULE}/g${Math.floor(((p * 13 + f) % p) / 100)}/p${(p * 13 + f) % p}`);
      const test = f === FILES_PER_PACKAGE - 1;
      const constraint =
        f === 4 ? '//go:build linux || darwin\n\n' : f === 5 ? '//go:build !windows\n\n' : '';
      const header = `// Copyright 2024 The Bench Authors. All rights reserved.\n// Use of this source code is governed by a BSD-style license.\n\n${constraint}package p${p}\n\nimport (\n${[...imports].map((i) => `\t_ "${i}"\n`).join('')})\n`;
      const name = test ? `f${f}_test.go` : `f${f}.go`;
      writeFileSync(join(dir, name), header + body.replace('%N%', String(f)));
      files++;
    }
  }
  return files;
}

/** The floor: walk the same directories and read each file's first 4 KiB, parsing nothing. */
function baselineReadHeaders(root: string): number {
  const buffer = Buffer.allocUnsafe(4096);
  let bytes = 0;
  const stack = [root];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) stack.push(join(dir, entry.name));
      else if (entry.name.endsWith('.go')) {
        const fd = openSync(join(dir, entry.name), 'r');
        bytes += readSync(fd, buffer, 0, buffer.length, 0);
        closeSync(fd);
      }
    }
  }
  return bytes;
}

const root = mkdtempSync(join(tmpdir(), 'gomod-doctor-bench-tidy-'));
try {
  const files = generate(root);
  process.stdout.write(
    `tidy-check bench: ${files} .go files in ${PACKAGES} packages (${cpus()[0]?.model ?? 'cpu'}; node ${process.version})\n`,
  );
  const gopath = join(root, '..', `${root.split('/').pop()}-gopath`);
  const go = goToolchains().at(-1);
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: root,
    GOPATH: gopath,
    GOMODCACHE: join(gopath, 'pkg', 'mod'),
    GOCACHE: join(gopath, 'cache'),
    GOFLAGS: '',
    GOPROXY: 'off',
    GOSUMDB: 'off',
    GOTOOLCHAIN: 'local',
    GOENV: 'off',
    GOWORK: 'off',
    ...(go ? { GOROOT: go.goroot } : {}),
  };
  const [baseline = 0, scan = 0, full = 0] = measure([
    ['baseline: read every file header (4 KiB)', () => baselineReadHeaders(root)],
    [
      'tidy-check scan (walk + headers + constraints)',
      () => {
        const result = scanModule({ root, modulePath: MODULE, release: '1.21' });
        if (result.packages.length !== PACKAGES)
          throw new Error(`scan found ${result.packages.length} packages`);
      },
    ],
    ['tidy-check analysis (scan + resolve + tidy)', () => analyzeTidy({ dir: root, env })],
  ]);
  let goList: number | undefined;
  if (go) {
    [goList] = measure([
      [
        `go list -deps -test ./... (go ${go.version})`,
        () => {
          const r = spawnSync(go.goBin, ['list', '-deps', '-test', './...'], {
            cwd: root,
            env,
            stdio: ['ignore', 'ignore', 'pipe'],
            maxBuffer: 1 << 28,
          });
          if (r.status !== 0) throw new Error(`go list failed: ${r.stderr}`);
        },
      ],
    ]);
  }
  process.stdout.write('\n');
  process.stdout.write(`scan vs baseline:      ${(scan / baseline).toFixed(2)}x the time (target ≤ 2x)\n`);
  if (goList !== undefined) {
    process.stdout.write(`go list vs scan:       ${(goList / scan).toFixed(1)}x faster (target ≥ 5x)\n`);
    process.stdout.write(`go list vs analysis:   ${(goList / full).toFixed(1)}x faster\n`);
  } else {
    process.stdout.write('go list: skipped (no Go toolchain in .cache/go; run scripts/install-go.sh)\n');
  }
  rmSync(gopath, { recursive: true, force: true });
} finally {
  rmSync(root, { recursive: true, force: true });
}
