// Every repair is registered (a file under src/fix/repairs/ that index.ts does not list fails),
// documented (docs/repairs.md is generated from the registry) and tested (some test under test/fix
// imports its file), and every cause it answers is in the catalog.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repairsDoc } from '../../scripts/repairs-doc.ts';
import { isCauseId } from '../../src/causes/catalog.ts';
import { REPAIRS } from '../../src/fix/repairs/index.ts';
import { repoRoot } from '../helpers/go-matrix.ts';

const dir = join(repoRoot, 'src', 'fix', 'repairs');
const tests = readdirSync(join(repoRoot, 'test', 'fix'))
  .filter((name) => name.endsWith('.test.ts'))
  .map((name) => readFileSync(join(repoRoot, 'test', 'fix', name), 'utf8'))
  .join('\n');

describe('fix repairs', () => {
  it('every file under src/fix/repairs is registered, once, under its own name', () => {
    const files = readdirSync(dir)
      .filter((name) => name.endsWith('.ts') && name !== 'index.ts')
      .map((name) => name.replace(/\.ts$/, ''))
      .sort();
    expect(REPAIRS.map((r) => r.id).sort()).toEqual(files);
  });

  it('docs/repairs.md is the registry as it is (regenerate: node --import tsx scripts/repairs-doc.ts)', () => {
    expect(readFileSync(join(repoRoot, 'docs', 'repairs.md'), 'utf8')).toBe(repairsDoc());
  });

  it.each(REPAIRS.map((r) => [r.id, r] as const))(
    '%s answers catalog causes, in both languages, and is tested',
    (id, repair) => {
      for (const cause of repair.causes) expect(isCauseId(cause), cause).toBe(true);
      expect(repair.summary.en).not.toBe('');
      expect(repair.summary['zh-CN']).not.toBe('');
      // The lab, the differential and the unit tests import each repair by its file, or run it by id.
      expect(tests.includes(`repairs/${id}.ts`) || tests.includes(`'${id}'`), `no test for ${id}`).toBe(true);
    },
  );
});
