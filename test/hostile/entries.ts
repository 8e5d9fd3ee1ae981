// The entry points that see user input, the character classes fed to them, and the measure of
// how their time grows (linear.test.ts; also handy from a script when hunting a slow pattern).
import { explainText } from '../../src/explain/index.ts';
import { splitGoFlags } from '../../src/goenv/goflags.ts';
import { parseGoProxy } from '../../src/goenv/goproxy.ts';
import { parseGoSumDb } from '../../src/goenv/gosumdb.ts';
import { parseGoVcs } from '../../src/goenv/govcs.ts';
import { matchPrefixPatterns, patternIssues } from '../../src/goenv/patterns.ts';
import { parseGoSum } from '../../src/gosum/parse.ts';
import { parseGoMod, parseGoWork } from '../../src/modfile/index.ts';
import { escapeControls } from '../../src/report/sanitize.ts';
import { parseGoFileHeader } from '../../src/tidy/header.ts';

/** Long runs of each character class the patterns care about, and URL-ish mixtures. */
export const CLASSES: Record<string, (n: number) => string> = {
  letters: (n) => 'a'.repeat(n),
  upper: (n) => 'A_'.repeat(n / 2),
  dots: (n) => 'a.'.repeat(n / 2),
  spaces: (n) => ' '.repeat(n),
  tabs: (n) => 'a\t'.repeat(n / 2),
  slashes: (n) => '/'.repeat(n),
  colons: (n) => 'a:'.repeat(n / 2),
  at: (n) => 'a@'.repeat(n / 2),
  digits: (n) => '1'.repeat(n),
  dashes: (n) => 'a-'.repeat(n / 2),
  quotes: (n) => '"a'.repeat(n / 2),
  url: (n) => 'a://b:c@'.repeat(n / 8),
  schemes: (n) => 'https://'.repeat(n / 8),
  hosts: (n) => 'example.com/'.repeat(n / 12),
  versions: (n) => 'v1.2.3-'.repeat(n / 7),
  escapes: (n) => '\u001b['.repeat(n / 2),
  percent: (n) => '%2F'.repeat(n / 3),
  equals: (n) => 'TOKEN='.repeat(n / 6),
  mixed: (n) => 'go: a.b/c@v1.0.0: reading https://x.y/z: 404 '.repeat(n / 44),
};

const enc = new TextEncoder();

export const ENTRY_POINTS: Record<string, (line: string) => unknown> = {
  'explain (one line)': (line) => explainText(`go: ${line}\n`),
  'explain (bare line)': (line) => explainText(line),
  'go.mod (module line)': (line) => parseGoMod(`module ${line}\n`, { lax: true }),
  'go.mod (require)': (line) => parseGoMod(`module m\nrequire ${line} v1.0.0\n`),
  'go.mod (comment)': (line) => parseGoMod(`module m\n// ${line}\n`),
  'go.mod (bare line)': (line) => parseGoMod(line),
  'go.work (use)': (line) => parseGoWork(`go 1.21\nuse ${line}\n`),
  'go.sum': (line) => parseGoSum(enc.encode(`${line} v1.0.0 h1:${line}=\n`), 'go.sum'),
  'go file header': (line) =>
    parseGoFileHeader(enc.encode(`// ${line}\npackage p\nimport "${line}"\n`), true),
  GOPROXY: (line) => parseGoProxy(line, line),
  GOSUMDB: (line) => parseGoSumDb(line),
  GOVCS: (line) => parseGoVcs(line),
  GOFLAGS: (line) => splitGoFlags(line, '1.24'),
  'GOPRIVATE match': (line) => matchPrefixPatterns(line, line),
  'GOPRIVATE lint': (line) => patternIssues(line),
  'terminal escaping': (line) => escapeControls(line),
};

export const N = 16_000;
/** Linear work grows about 4x from n to 4n; quadratic 16x. Generous for a busy machine. */
export const MAX_RATIO = 9;

/** CPU time (not wall time: other processes on a busy machine do not count) of `repeat` runs. */
function cpuTime(run: () => void, repeat: number): number {
  const start = process.cpuUsage();
  for (let i = 0; i < repeat; i++) run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** The growth of the CPU time of f from n to 4n characters of one class. */
export function growth(f: (input: string) => unknown, make: (n: number) => string, n = N): number {
  const small = make(n);
  const large = make(4 * n);
  f(small);
  f(large);
  // Enough repetitions that the small input takes about 10 ms: well above the clock's resolution.
  const once = Math.max(
    cpuTime(() => f(small), 1),
    0.01,
  );
  const repeat = Math.min(Math.max(1, Math.ceil(10 / once)), 5000);
  // Interleaved, best of each: a pause of the whole process (GC, scheduling) hits both alike.
  let a = Number.POSITIVE_INFINITY;
  let b = Number.POSITIVE_INFINITY;
  // A slow case (already a failure) is not measured four times over.
  const trials = once > 200 ? 1 : 3;
  for (let t = 0; t < trials; t++) {
    a = Math.min(
      a,
      cpuTime(() => f(small), repeat),
    );
    b = Math.min(
      b,
      cpuTime(() => f(large), repeat),
    );
  }
  return b / Math.max(a, 0.05);
}
