import { describe, expect, it } from 'vitest';
import { formatErrors, parseGoMod, parseGoWork, toJson } from '../../src/modfile/index.ts';
import { corpusCases, expectedOutput } from './corpus.ts';

const releases = ['1.19', '1.21', '1.22', '1.23', '1.24', '1.25', '1.26', '1.27'] as const;

describe('corpus differential (go edit -json)', () => {
  const cases = corpusCases();

  for (const release of releases) {
    it(`go${release}: JSON or error text identical for every corpus file`, () => {
      const mismatches: string[] = [];
      let json = 0;
      let errors = 0;
      let compared = 0;
      for (const c of cases) {
        const expected = expectedOutput(c, release);
        if (!expected) continue;
        compared++;
        const opts = { goRelease: release };
        const r = c.kind === 'go.mod' ? parseGoMod(c.input, opts) : parseGoWork(c.input, opts);
        if (expected.ok) {
          const got = r.errors.length > 0 ? formatErrors(r.errors, c.kind, release) : toJson(r.file, release);
          if (got === expected.stdout) json++;
          else mismatches.push(`${c.slug}/${c.kind}: want JSON, got ${JSON.stringify(got.slice(0, 300))}`);
        } else {
          const got = r.errors.length > 0 ? formatErrors(r.errors, c.kind, release) : toJson(r.file, release);
          if (got === expected.stderr) errors++;
          else
            mismatches.push(
              `${c.slug}/${c.kind}: want ${JSON.stringify(expected.stderr)}, got ${JSON.stringify(got.slice(0, 300))}`,
            );
        }
      }
      console.info(`go${release}: ${json + errors}/${compared} identical (${json} JSON, ${errors} errors)`);
      expect(compared).toBeGreaterThan(500);
      expect(mismatches).toEqual([]);
    });
  }
});
