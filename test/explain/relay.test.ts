// Relaying invariance, as a property over every transcript the tests have: wrapping a transcript
// the way an editor, a wrapper tool, Docker, a CI system or a bot relays it gives the same first
// cause as the plain transcript.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainText } from '../../src/explain/index.ts';
import { loadPart } from '../helpers/real-corpus.ts';
import { RELAYS } from '../helpers/relays.ts';
import { fixturesDir, transcriptsDir } from './helpers.ts';

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...walk(path));
    else if (name.endsWith('.txt')) out.push(path);
  }
  return out;
}

const corpus: Array<{ name: string; text: string }> = [
  ...walk(transcriptsDir).map((p) => ({
    name: p.slice(transcriptsDir.length + 1),
    text: readFileSync(p, 'utf8'),
  })),
  ...walk(fixturesDir).map((p) => ({
    name: `explain/${p.slice(fixturesDir.length + 1)}`,
    text: readFileSync(p, 'utf8'),
  })),
  ...loadPart('tuning').map((c) => ({ name: `real/${c.id}`, text: c.transcript })),
];

function firstCause(text: string): string {
  return explainText(text).findings[0]?.cause ?? '(none)';
}

describe('relaying invariance', () => {
  it('covers the whole transcript corpus', () => {
    expect(corpus.length).toBeGreaterThan(600);
  });

  it.each(Object.keys(RELAYS))('%s', (relay) => {
    const wrap = RELAYS[relay]!;
    const broken: string[] = [];
    for (const { name, text } of corpus) {
      const plain = firstCause(text);
      const relayed = firstCause(wrap(text));
      if (plain !== relayed) broken.push(`${name}: ${plain} -> ${relayed}`);
    }
    expect(broken).toEqual([]);
  });
});
