import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkModuleZip, hashZip, parseGoSum, readZipEntries } from '../../src/gosum/index.ts';

const H1 = 'h1:TdBb2fGv7DX/POyEfP7KLgeaSXQ/oz5LJlHlRiHxoMc=';

// Seeded so that a failure can be replayed.
function pseudoRandomBytes(seed: number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let state = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    out[i] = state & 0xff;
  }
  return out;
}

describe('robustness: any input gives a result, never a throw', () => {
  it('parses random bytes', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const bytes = pseudoRandomBytes(seed, (seed * 97) % 4096);
      const result = parseGoSum(bytes);
      expect(Array.isArray(result.lines)).toBe(true);
      for (const problem of result.problems) {
        expect(problem.line).toBeGreaterThanOrEqual(1);
        expect(problem.column).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it('parses random text made of go.sum-like pieces', () => {
    const pieces = [
      'example.com/m',
      ' ',
      '\t',
      '\n',
      '\r\n',
      'v1.0.0',
      '/go.mod',
      H1,
      'h1:',
      '\ufeff',
      '\u00a0',
      '=======',
      'é',
      '\u0000',
    ];
    for (let seed = 1; seed <= 200; seed++) {
      const random = pseudoRandomBytes(seed, 300);
      const text = Array.from(random, (b) => pieces[b % pieces.length]).join('');
      const result = parseGoSum(text);
      expect(result.problems.length).toBeLessThanOrEqual(1001);
    }
  });

  it('parses 100k lines', () => {
    const lines: string[] = [];
    for (let i = 0; i < 50_000; i++) {
      lines.push(`example.com/m${i} v1.0.${i} ${H1}`, `example.com/m${i} v1.0.${i}/go.mod ${H1}`);
    }
    const result = parseGoSum(`${lines.join('\n')}\n`);
    expect(result.lines).toHaveLength(100_000);
    expect(result.problems).toEqual([]);
  });

  it('parses 100k CRLF lines behind a BOM', () => {
    const lines: string[] = [];
    for (let i = 0; i < 100_000; i++) lines.push(`example.com/m v1.0.${i}/go.mod ${H1}`);
    const result = parseGoSum(`\ufeff${lines.join('\r\n')}\r\n`);
    expect(result.lines).toHaveLength(100_000);
    expect(result.problems.map((p) => p.kind)).toEqual(['bom', 'crlf']);
  });

  it('parses one huge line and a huge run of blank lines', () => {
    const huge = parseGoSum('x'.repeat(5_000_000));
    expect(huge.goError).toBe('malformed go.sum:\ngo.sum:1: wrong number of fields 1');
    const blank = parseGoSum('\n'.repeat(1_000_000));
    expect(blank).toEqual({ lines: [], problems: [] });
    const manyFields = parseGoSum('a '.repeat(1_000_000));
    expect(manyFields.goError).toBe('malformed go.sum:\ngo.sum:1: wrong number of fields 1000000');
  });

  it('reads random and truncated bytes as zips without throwing', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const bytes = randomBytes(seed * 13);
      expect(readZipEntries(bytes).ok).toBe(false);
      expect(hashZip(bytes).ok).toBe(false);
      expect(checkModuleZip('example.com/m', 'v1.0.0', bytes).ok).toBe(false);
    }
  });
});
