// A project the size of kubernetes for the benchmarks: its go.mod and go.work from the corpus, the
// staging modules go.work uses (stub go.mod files with the right module paths), and a go.sum with
// the two lines per requirement plus older versions, as large as kubernetes' own (~1,100 lines).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseGoMod, parseGoWork } from '../src/modfile/index.ts';
import { corpusDir } from '../test/helpers/go-matrix.ts';

const source = join(corpusDir, 'kubernetes-kubernetes');

function fakeHash(text: string): string {
  return `h1:${createHash('sha256').update(text).digest('base64')}`;
}

export function buildKubernetesProject(root: string): { requires: number; sumLines: number; uses: number } {
  const gomod = readFileSync(join(source, 'go.mod'));
  const gowork = readFileSync(join(source, 'go.work'));
  writeFileSync(join(root, 'go.mod'), gomod);
  writeFileSync(join(root, 'go.work'), gowork);
  const mod = parseGoMod(gomod).file;
  const work = parseGoWork(gowork).file;
  for (const use of work.use) {
    if (use.path === '.') continue;
    const dir = join(root, use.path);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'go.mod'), `module k8s.io/${use.path.split('/').at(-1)}\n\ngo 1.20\n`);
  }
  const lines: string[] = [];
  for (const r of mod.require) {
    if (r.path.startsWith('k8s.io/') && work.use.some((u) => u.path.endsWith(`/${r.path.slice(7)}`)))
      continue;
    lines.push(`${r.path} ${r.version} ${fakeHash(`${r.path}@${r.version}`)}`);
    lines.push(`${r.path} ${r.version}/go.mod ${fakeHash(`${r.path}@${r.version}/go.mod`)}`);
    // Older versions that the module graph still mentions: only their go.mod hashes.
    for (const old of ['v0.0.1', 'v0.1.0'])
      lines.push(`${r.path} ${old}/go.mod ${fakeHash(`${r.path}@${old}/go.mod`)}`);
  }
  lines.sort();
  writeFileSync(join(root, 'go.sum'), `${lines.join('\n')}\n`);
  return { requires: mod.require.length, sumLines: lines.length, uses: work.use.length };
}
