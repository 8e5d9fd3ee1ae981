// The bounded cache walk: exact below its limits, a lower bound ("≥") when a limit stops it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatSize, measureTree } from '../../src/doctor/tree-size.ts';

const root = mkdtempSync(join(tmpdir(), 'gomod-doctor-tree-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
for (let d = 0; d < 5; d++) {
  mkdirSync(join(root, `d${d}`, 'sub'), { recursive: true });
  for (let f = 0; f < 10; f++) writeFileSync(join(root, `d${d}`, 'sub', `f${f}`), 'x'.repeat(1024));
}

describe('measureTree', () => {
  it('counts every file when within its limits', async () => {
    const size = await measureTree(root, { deadline: performance.now() + 5_000, maxFiles: 1_000 });
    expect(size).toMatchObject({ files: 50, bytes: 50 * 1024, complete: true });
    expect(formatSize(size)).toBe('50 KiB');
  });
  it('stops at the file limit and says "at least"', async () => {
    const size = await measureTree(root, { deadline: performance.now() + 5_000, maxFiles: 20 });
    expect(size).toMatchObject({ files: 20, complete: false });
    expect(formatSize(size)).toBe('≥ 20 KiB');
  });
  it('stops at the deadline', async () => {
    const size = await measureTree(root, { deadline: performance.now() - 1, maxFiles: 1_000 });
    expect(size.complete).toBe(false);
    expect(size.files).toBeLessThan(50);
  });
  it('a missing directory', async () => {
    const size = await measureTree(join(root, 'nope'), { deadline: performance.now() + 1_000, maxFiles: 10 });
    expect(size).toMatchObject({ missing: true, files: 0 });
  });
});
