// The real-report corpus (test/fixtures/real): transcripts people posted in public issue threads,
// each labelled with the root cause the thread established. Loading, and scoring explain on it.
// The validation part is only ever scored in aggregate: no code here prints which validation case
// was missed, so that nobody writes a rule from it (see test/fixtures/real/README.md).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { explainText } from '../../src/explain/index.ts';
import { repoRoot } from './go-matrix.ts';

const realDir = join(repoRoot, 'test', 'fixtures', 'real');

export type Part = 'tuning' | 'validation';

export interface RealCase {
  id: string;
  part: Part;
  url: string;
  lang: 'en' | 'zh';
  label: string;
  misleading: boolean;
  relay: string;
  why: string;
  transcript: string;
}

function parseCase(id: string, part: Part, text: string): RealCase {
  const sep = text.indexOf('\n----\n');
  if (sep === -1) throw new Error(`${part}/${id}: no ---- line after the header`);
  const header: Record<string, string> = {};
  for (const line of text.slice(0, sep).split('\n')) {
    const colon = line.indexOf(': ');
    if (colon > 0) header[line.slice(0, colon)] = line.slice(colon + 2);
  }
  for (const key of ['url', 'lang', 'label', 'misleading', 'relay', 'why']) {
    if (!header[key]) throw new Error(`${part}/${id}: header lacks ${key}`);
  }
  return {
    id,
    part,
    url: header.url!,
    lang: header.lang === 'zh' ? 'zh' : 'en',
    label: header.label!,
    misleading: header.misleading === 'true',
    relay: header.relay!,
    why: header.why!,
    transcript: text.slice(sep + 6),
  };
}

export function loadPart(part: Part): RealCase[] {
  const dir = join(realDir, part);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => parseCase(f.slice(0, -4), part, readFileSync(join(dir, f), 'utf8')));
}

export interface Scored {
  case: RealCase;
  causes: string[];
  top1: boolean;
  top2: boolean;
}

export function score(c: RealCase): Scored {
  const causes: string[] = explainText(c.transcript).findings.map((f) => f.cause);
  return { case: c, causes, top1: causes[0] === c.label, top2: causes.slice(0, 2).includes(c.label) };
}

export interface Tally {
  n: number;
  top1: number;
  top2: number;
}

function tally(rows: Scored[]): Tally {
  return { n: rows.length, top1: rows.filter((r) => r.top1).length, top2: rows.filter((r) => r.top2).length };
}

export interface PartReport {
  all: Tally;
  byLang: Record<string, Tally>;
  misleading: Tally;
  plain: Tally;
  relayed: Tally;
}

export function report(rows: Scored[]): PartReport {
  const byLang: Record<string, Tally> = {};
  for (const lang of ['en', 'zh']) byLang[lang] = tally(rows.filter((r) => r.case.lang === lang));
  return {
    all: tally(rows),
    byLang,
    misleading: tally(rows.filter((r) => r.case.misleading)),
    plain: tally(rows.filter((r) => !r.case.misleading)),
    relayed: tally(rows.filter((r) => r.case.relay !== 'plain')),
  };
}

export function percent(t: Tally, key: 'top1' | 'top2'): string {
  return t.n === 0 ? '—' : `${((100 * t[key]) / t.n).toFixed(1)} %`;
}
