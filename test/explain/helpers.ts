// Shared by the explain tests: fixture paths and a one-call explain.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { explainText } from '../../src/explain/index.ts';
import type { ExplainContext } from '../../src/explain/types.ts';
import type { Lang } from '../../src/i18n/lang.ts';
import { repoRoot } from '../helpers/go-matrix.ts';

export const fixturesDir = join(repoRoot, 'test', 'fixtures', 'explain');
export const transcriptsDir = join(repoRoot, 'test', 'fixtures', 'transcripts');

export function readFixture(relative: string): string {
  return readFileSync(join(fixturesDir, relative), 'utf8');
}

/** Every `<cause>/<name>.txt` fixture (directories starting with `_` hold other kinds). */
export function causeFixtures(): Array<{ cause: string; file: string }> {
  const out: Array<{ cause: string; file: string }> = [];
  for (const cause of readdirSync(fixturesDir).sort()) {
    if (cause.startsWith('_')) continue;
    for (const file of readdirSync(join(fixturesDir, cause)).sort()) {
      if (file.endsWith('.txt')) out.push({ cause, file: `${cause}/${file}` });
    }
  }
  return out;
}

export function explain(text: string, options: { lang?: Lang; context?: ExplainContext } = {}) {
  return explainText(text, options).findings;
}

export function causes(text: string, context?: ExplainContext): string[] {
  return explain(text, context ? { context } : {}).map((f) => f.cause);
}
