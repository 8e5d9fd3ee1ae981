// Prints one plain closing line, "tests: N passed, N failed, N skipped", that any CI log reader
// understands, after vitest's own summary. In CI (CI=true) a skipped test fails the run unless it is
// one of ALLOWED_SKIPS (each needs something a CI machine does not have; README "Tests that may skip"):
// a differential or corpus suite that silently skips would otherwise look like a pass.
import type { Reporter, TestCase, TestModule } from 'vitest/node';
import { ALLOWED_SKIPS } from './allowed-skips.ts';

function fullName(test: TestCase): string {
  const names: string[] = [test.name];
  let parent = test.parent;
  while (parent.type === 'suite') {
    names.unshift(parent.name);
    parent = parent.parent;
  }
  return `${test.module.moduleId.replace(/^.*\/test\//, 'test/')} > ${names.join(' > ')}`;
}

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const unexpectedSkips: string[] = [];
    for (const mod of testModules) {
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else {
          skipped++;
          const name = fullName(test);
          if (!ALLOWED_SKIPS.some((allowed) => allowed.test.test(name))) unexpectedSkips.push(name);
        }
      }
      if (mod.state() === 'failed' && [...mod.children.allTests()].length === 0) failed++;
    }
    if (process.env.CI === 'true' && unexpectedSkips.length > 0) {
      process.stdout.write(
        `\nSKIPPED IN CI (each must run here, or be listed in test/helpers/allowed-skips.ts and README):\n${unexpectedSkips
          .slice(0, 50)
          .map((n) => `  - ${n}`)
          .join('\n')}\n`,
      );
      failed += unexpectedSkips.length;
      skipped -= unexpectedSkips.length;
      process.exitCode = 1;
    } else if (unexpectedSkips.length > 0) {
      process.stdout.write(
        `\nwarning: ${unexpectedSkips.length} tests skipped (missing Go toolchains or tools?): in CI this fails the run\n`,
      );
    }
    process.stdout.write(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
