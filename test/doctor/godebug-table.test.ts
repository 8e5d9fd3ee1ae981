// src/doctor/data/godebug-removed.ts is what scripts/godebug-table.ts derives from the Go source
// of the installed releases (internal/godebugs/table.go, cmd/go's CheckGodebug).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatLikeTheProject, generate, installedGoroots, OUTPUT } from '../../scripts/godebug-table.ts';
import { goToolchains, titleNeedingGo } from '../helpers/go-matrix.ts';

const roots = installedGoroots();
const newest = goToolchains().at(-1)?.version;

describe.skipIf(roots.length === 0)(titleNeedingGo('removed GODEBUG table', roots.length > 0), () => {
  it('is the Go source of every installed release (regenerate: node --import tsx scripts/godebug-table.ts)', () => {
    const { text, releases } = generate(roots);
    expect(`1.${releases.at(-1)}`).toBe(newest);
    expect(readFileSync(OUTPUT, 'utf8')).toBe(formatLikeTheProject(text));
  });
});
