// Locating the shared corpus of go.mod / go.work files and their expected go command outputs.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeGoBytes } from '../../src/modfile/text.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const sharedDir = process.env.GOMOD_DOCTOR_SHARED ?? join(repoRoot, '..', 'shared');
export const corpusDir = join(sharedDir, 'corpus', 'modfiles');
export const corpusMissingReason = `corpus not found at ../shared/corpus (set GOMOD_DOCTOR_SHARED)`;

export interface CorpusCase {
  slug: string;
  kind: 'go.mod' | 'go.work';
  dir: string;
  input: Uint8Array;
}

export function corpusAvailable(): boolean {
  return existsSync(corpusDir);
}

export function corpusCases(): CorpusCase[] {
  if (!corpusAvailable()) return [];
  const out: CorpusCase[] = [];
  for (const slug of readdirSync(corpusDir).sort()) {
    for (const kind of ['go.mod', 'go.work'] as const) {
      const path = join(corpusDir, slug, kind);
      if (existsSync(path)) out.push({ slug, kind, dir: join(corpusDir, slug), input: readFileSync(path) });
    }
  }
  return out;
}

export type Expected = { ok: true; stdout: string } | { ok: false; stderr: string };

/** The stored output of `go mod edit -json` / `go work edit -json` for one release, if any. */
export function expectedOutput(c: CorpusCase, release: string): Expected | undefined {
  const path = join(c.dir, `${c.kind}.go${release}.json`);
  if (!existsSync(path)) return undefined;
  const bytes = readFileSync(path);
  const text = decodeGoBytes(bytes);
  if (text.startsWith('{"error": ')) {
    const parsed = JSON.parse(text) as { error: string };
    return { ok: false, stderr: parsed.error };
  }
  return { ok: true, stdout: text };
}
