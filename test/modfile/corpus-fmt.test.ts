// `modfile --fmt` against the real `go mod edit -fmt` / `go work edit -fmt` on every corpus file
// that release accepts: the bytes written must be identical. About 550 go runs per release, so
// this runs the oldest and the newest installed release (GOMOD_DOCTOR_GO_RELEASES=all: every one);
// the mutation test checks -fmt on every release.
import { describe, expect, it } from 'vitest';
import { formatBytes, parseGoMod, parseGoWork } from '../../src/modfile/index.ts';
import { suiteToolchains, titleNeedingGo } from '../helpers/go-matrix.ts';
import { corpusCases, expectedOutput } from './corpus.ts';
import { runGoEdit } from './go-run.ts';

const CONCURRENCY = 4;

async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: limit }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(workers);
}

const toolchains = suiteToolchains('ends');

if (toolchains.length === 0) {
  describe.skip(titleNeedingGo('go -fmt on the corpus', false), () => {
    it('writes the same bytes as the go command for every accepted file', () => undefined);
  });
}

for (const go of toolchains) {
  const release = go.version;
  describe(`go${release} -fmt on the corpus`, () => {
    it('writes the same bytes as the go command for every accepted file', {
      timeout: 240_000,
    }, async () => {
      const accepted = corpusCases().filter((c) => expectedOutput(c, release)?.ok === true);
      expect(accepted.length).toBeGreaterThan(300);
      const mismatches: string[] = [];
      await eachLimited(accepted, CONCURRENCY, async (c) => {
        const parse = c.kind === 'go.work' ? parseGoWork : parseGoMod;
        const { file, errors } = parse(c.input, { filename: c.kind, goRelease: release });
        expect(errors, c.slug).toEqual([]);
        const theirs = await runGoEdit(go.goBin, c.kind, c.input, '-fmt');
        if (theirs.code !== 0) mismatches.push(`${c.slug}/${c.kind}: go -fmt failed: ${theirs.stderr}`);
        else if (!Buffer.from(formatBytes(file)).equals(theirs.file)) mismatches.push(`${c.slug}/${c.kind}`);
      });
      expect(mismatches).toEqual([]);
    });
  });
}
