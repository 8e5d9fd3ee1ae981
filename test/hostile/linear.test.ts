// Every regular expression that sees user input must run in time linear in that input: a stranger's
// go.mod, a CI log or a GOPRIVATE value may hold one very long line. For each entry point and each
// character class, the same work is timed on n and 4n characters: linear work grows about 4x,
// quadratic work 16x. The bound is a ratio of CPU times (not an absolute time), each the best of
// interleaved runs long enough to be above the clock's resolution. Allocation-heavy inputs (tens of
// thousands of fields) can exceed the ratio at small n through the garbage collector alone, so a
// suspect is measured again at 16n → 64n, where quadratic work stays at 16x (or is simply slow)
// and GC noise settles.
import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../../src/findings/redact.ts';
import { CLASSES, ENTRY_POINTS, growth, MAX_RATIO, N } from './entries.ts';

async function slowClasses(f: (input: string) => unknown, skip: readonly string[] = []): Promise<string[]> {
  const slow: string[] = [];
  for (const [name, make] of Object.entries(CLASSES)) {
    if (skip.includes(name)) continue;
    // The measurements are synchronous and long: let the worker answer the test runner between two
    // (a worker silent for a minute fails the whole run with an RPC timeout).
    await new Promise((resolve) => setImmediate(resolve));
    const ratio = growth(f, make);
    if (ratio <= MAX_RATIO) continue;
    // Confirm at 16n → 64n. Quadratic work is already slow there (a single run over 2 s of CPU);
    // linear work that only looked slow through allocation settles near 4x.
    const big = make(16 * N);
    const start = process.cpuUsage();
    f(big);
    const used = process.cpuUsage(start);
    if ((used.user + used.system) / 1000 > 2000) {
      slow.push(`${name}: x${ratio.toFixed(1)}, and one run at ${16 * N} characters took over 2 s`);
      continue;
    }
    const again = growth(f, make, 16 * N);
    if (again > MAX_RATIO) slow.push(`${name}: x${ratio.toFixed(1)}, then x${again.toFixed(1)}`);
  }
  return slow;
}

describe('regular expressions that see user input run in linear time', () => {
  for (const [entry, f] of Object.entries(ENTRY_POINTS)) {
    it(entry, async () => {
      expect(await slowClasses(f)).toEqual([]);
    }, 300_000);
  }
});

describe('the reporters’ secret redaction', () => {
  it('is linear for every class, runs of scheme characters (a.a.a…) included', async () => {
    expect(await slowClasses(redactSecrets)).toEqual([]);
  }, 300_000);
});
