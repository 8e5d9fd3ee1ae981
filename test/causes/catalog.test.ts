import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { causesDoc } from '../../scripts/causes-doc.ts';
import { CAUSE_IDS, CAUSES, isCauseId } from '../../src/causes/catalog.ts';
import { repoRoot } from '../helpers/go-matrix.ts';

describe('cause catalog', () => {
  it('docs/causes.md is the catalog as it is (regenerate: node --import tsx scripts/causes-doc.ts)', () => {
    expect(readFileSync(join(repoRoot, 'docs', 'causes.md'), 'utf8')).toBe(causesDoc());
  });

  it('keeps every id that was ever published (ids are never renamed or removed)', () => {
    const published = readFileSync(join(repoRoot, 'test', 'causes', 'published-ids.txt'), 'utf8')
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('#'));
    expect(published.filter((id) => !isCauseId(id))).toEqual([]);
  });

  it('has no duplicate ids, and each id is lowercase and dash-separated', () => {
    expect(new Set(CAUSE_IDS).size).toBe(CAUSE_IDS.length);
    for (const id of CAUSE_IDS) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('describes every cause', () => {
    for (const cause of CAUSES) {
      expect(cause.rootCause.length, cause.id).toBeGreaterThan(10);
      expect(cause.evidence.length, cause.id).toBeGreaterThan(0);
    }
  });

  it('includes unknown, the answer when nothing matches', () => {
    expect(CAUSE_IDS).toContain('unknown');
  });
});
