// The corpus of go.mod / go.work files (test/corpus) and their recorded go command outputs.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeGoBytes } from '../../src/modfile/text.ts';
import { corpusDir } from '../helpers/go-matrix.ts';

export { corpusDir };

export interface CorpusCase {
  slug: string;
  kind: 'go.mod' | 'go.work';
  dir: string;
  input: Uint8Array;
}

export function corpusCases(): CorpusCase[] {
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
