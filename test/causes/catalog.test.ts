import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAUSE_IDS, CAUSE_SECTIONS } from '../../src/causes/catalog.ts';
import { repoRoot, sharedDir } from '../helpers/go-matrix.ts';

const catalogPath = join(sharedDir, 'causes.md');
let catalog: string | undefined;
try {
  catalog = readFileSync(catalogPath, 'utf8');
} catch {
  catalog = undefined;
}

describe.skipIf(catalog === undefined)('cause catalog', () => {
  const documented = [...catalog!.matchAll(/^\| ([a-z0-9-]+) \|/gm)]
    .map((m) => m[1]!)
    .filter((id) => id !== 'id');

  it('knows every id of causes.md, in the same order, followed by the ids this project added', () => {
    expect(CAUSE_IDS.slice(0, documented.length)).toEqual(documented);
    expect(CAUSE_IDS.slice(documented.length)).toEqual([...CAUSE_SECTIONS.added]);
  });

  it('describes every added id in docs/causes-added.md', () => {
    const added = readFileSync(join(repoRoot, 'docs', 'causes-added.md'), 'utf8');
    for (const id of CAUSE_SECTIONS.added) expect(added).toMatch(new RegExp(`^\\|\\s*${id}\\s*\\|`, 'm'));
  });

  it('has no duplicate ids', () => {
    expect(new Set(CAUSE_IDS).size).toBe(CAUSE_IDS.length);
  });

  it('includes unknown, the answer when nothing matches', () => {
    expect(CAUSE_IDS).toContain('unknown');
  });
});
