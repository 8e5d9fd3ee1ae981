// Every check is registered (runner.test.ts), documented (docs/checks.md, generated from the
// registry) and tested (a case in checks.test.ts for the check, and for each cause it declares).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checksDoc } from '../../scripts/checks-doc.ts';
import { CHECKS } from '../../src/doctor/checks/index.ts';
import { repoRoot } from '../helpers/go-matrix.ts';

const tests = readFileSync(join(repoRoot, 'test', 'doctor', 'checks.test.ts'), 'utf8');

describe('doctor checks', () => {
  it('docs/checks.md is the registry as it is (regenerate: node --import tsx scripts/checks-doc.ts)', () => {
    expect(readFileSync(join(repoRoot, 'docs', 'checks.md'), 'utf8')).toBe(checksDoc());
  });

  it.each(CHECKS.map((c) => [c.id, c] as const))(
    '%s has a test case for each cause it declares',
    (id, check) => {
      expect(tests, `no test names check ${id}`).toContain(`check: '${id}'`);
      for (const cause of check.causes) {
        expect(tests, `no test of ${id} expects ${cause}`).toMatch(
          new RegExp(`check: '${id}',\\s*cause: '${cause}'`),
        );
      }
    },
  );
});
