import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGoSum, type SumProblemKind } from '../../src/gosum/index.ts';
import { corpusDir, corpusSumFiles } from './helpers.ts';

const files = corpusSumFiles();

// What real, go-written files legitimately contain: CRLF from checkouts on Windows, and zip-only
// lines (go.work.sum, modules below go 1.21).
const EXPECTED_KINDS = new Set<SumProblemKind>(['crlf', 'missing-gomod-line']);

describe('go.sum corpus', () => {
  it('holds the files the corpus README promises', () => {
    expect(files.filter((f) => f.endsWith('/go.sum')).length).toBeGreaterThanOrEqual(41);
    expect(files.filter((f) => f.endsWith('/go.work.sum')).length).toBeGreaterThanOrEqual(26);
  });

  it.each(files)('%s parses as the go command reads it', (file) => {
    const bytes = readFileSync(join(corpusDir, file));
    const result = parseGoSum(bytes, file);
    expect(result.goError).toBeUndefined();
    const unexpected = result.problems.filter((p) => !EXPECTED_KINDS.has(p.kind));
    expect(unexpected).toEqual([]);
    const nonBlank = bytes
      .toString('utf8')
      .split('\n')
      .filter((line) => line.trim() !== '').length;
    expect(result.lines.length).toBe(nonBlank);
    for (const line of result.lines) expect(line.hash).toMatch(/^h1:[A-Za-z0-9+/]{43}=$/);
  });

  it('finds the two CRLF files and nothing worse across the corpus', () => {
    const crlf = files.filter((file) =>
      parseGoSum(readFileSync(join(corpusDir, file))).problems.some((p) => p.kind === 'crlf'),
    );
    expect(crlf.length).toBe(2);
  });
});
