import { describe, expect, it } from 'vitest';
import { parseGoSum, type SumProblemKind } from '../../src/gosum/index.ts';

const H1_A = 'h1:TdBb2fGv7DX/POyEfP7KLgeaSXQ/oz5LJlHlRiHxoMc=';
const H1_B = 'h1:L0ato4JnJ1/GK2TQzV4oPZTRPDSsAYlaHf+A3zN2zbs=';
const H1_C = 'h1:SueAhQfQESc02Ghgd229tFGaTihez7MKv24n2KDsJls=';

function kinds(text: string | Uint8Array): SumProblemKind[] {
  return parseGoSum(text).problems.map((p) => p.kind);
}

function pair(path: string, version: string, zip = H1_A, mod = H1_B): string {
  return `${path} ${version} ${zip}\n${path} ${version}/go.mod ${mod}\n`;
}

describe('parseGoSum: what the go command reads', () => {
  it('parses lines with positions and splits the /go.mod suffix off the version', () => {
    const result = parseGoSum(pair('github.com/o/liba', 'v1.1.0'));
    expect(result.problems).toEqual([]);
    expect(result.goError).toBeUndefined();
    expect(result.lines).toEqual([
      {
        module: 'github.com/o/liba',
        version: 'v1.1.0',
        isGoMod: false,
        hash: H1_A,
        line: 1,
        column: 1,
        versionColumn: 19,
        hashColumn: 26,
      },
      {
        module: 'github.com/o/liba',
        version: 'v1.1.0',
        isGoMod: true,
        hash: H1_B,
        line: 2,
        column: 1,
        versionColumn: 19,
        hashColumn: 33,
      },
    ]);
  });

  it('accepts empty input, blank lines and a missing final newline', () => {
    expect(parseGoSum('')).toEqual({ lines: [], problems: [] });
    const result = parseGoSum(`\n\n   \t\n${pair('example.com/m', 'v1.0.0').trimEnd()}`);
    expect(result.problems).toEqual([]);
    expect(result.lines.map((l) => l.line)).toEqual([4, 5]);
  });

  it('splits fields on any Unicode white space, like strings.Fields', () => {
    const result = parseGoSum(`  example.com/m\t\tv1.0.0/go.mod\u00a0${H1_A}\u3000\n`);
    expect(result.problems).toEqual([]);
    expect(result.lines[0]).toMatchObject({
      module: 'example.com/m',
      version: 'v1.0.0',
      hash: H1_A,
      column: 3,
    });
    // U+00A0 is two bytes in UTF-8, and columns count bytes.
    expect(result.lines[0]!.hashColumn).toBe(3 + 'example.com/m\t\tv1.0.0/go.mod'.length + 2);
  });

  it('reports a wrong field count with the exact message the go command prints, first line first', () => {
    const text = `${pair('example.com/m', 'v1.0.0')}example.com/x v1.0.0\nexample.com/y v1.0.0 ${H1_A} extra\n`;
    const result = parseGoSum(text, '/abs/go.sum');
    expect(result.goError).toBe('malformed go.sum:\n/abs/go.sum:3: wrong number of fields 2');
    expect(result.oldGoStopsAtLine).toBe(3);
    const wrong = result.problems.filter((p) => p.kind === 'wrong-field-count');
    expect(wrong.map((p) => [p.line, p.message, p.goEffect])).toEqual([
      [3, 'wrong number of fields 2', 'fatal'],
      [4, 'wrong number of fields 4', 'fatal'],
    ]);
    expect(result.lines).toHaveLength(2);
  });

  it('defaults the file name in goError to go.sum', () => {
    expect(parseGoSum('just-one-field\n').goError).toBe(
      'malformed go.sum:\ngo.sum:1: wrong number of fields 1',
    );
  });

  it('drops the old empty go.mod hash, as the go command does', () => {
    const result = parseGoSum(
      'example.com/m v1.0.0/go.mod h1:G7mAYYxgmS0lVkHyy2hEOLQCFB0DlQFTMLWggykrydY=\n',
    );
    expect(result.lines).toEqual([]);
    expect(result.problems.map((p) => [p.kind, p.goEffect])).toEqual([['empty-gomod-hash', 'ignored']]);
  });
});

describe('parseGoSum: lint', () => {
  it('flags malformed module paths', () => {
    const result = parseGoSum(pair('Example.com/m', 'v1.0.0'));
    const problem = result.problems.find((p) => p.kind === 'invalid-module-path');
    expect(problem).toMatchObject({ line: 1, column: 1, goEffect: 'ignored', module: 'Example.com/m' });
    expect(problem?.message).toBe(
      `malformed module path "Example.com/m": invalid char 'E' in first path element`,
    );
    // Reported once per line, both lines of the pair.
    expect(kinds(pair('Example.com/m', 'v1.0.0'))).toEqual(['invalid-module-path', 'invalid-module-path']);
  });

  it('flags invalid, non-canonical and path-mismatched versions', () => {
    expect(kinds(pair('example.com/m', 'v1.2'))).toEqual(['noncanonical-version', 'noncanonical-version']);
    const noncanonical = parseGoSum(pair('example.com/m', 'v1.2.3+meta')).problems[0];
    expect(noncanonical?.message).toContain('is not canonical (should be "v1.2.3")');
    expect(noncanonical?.column).toBe('example.com/m '.length + 1);
    expect(kinds(pair('example.com/m', '1.2.3'))).toEqual(['invalid-version', 'invalid-version']);
    const mismatch = parseGoSum(pair('example.com/m/v2', 'v1.0.0')).problems[0];
    expect(mismatch).toMatchObject({ kind: 'invalid-version' });
    expect(mismatch?.message).toBe('example.com/m/v2@v1.0.0: invalid version: should be v2, not v1');
    // +incompatible is canonical and pseudo-versions are fine.
    expect(kinds(pair('example.com/m', 'v2.0.0+incompatible'))).toEqual([]);
    expect(kinds(pair('example.com/m', 'v0.0.0-20191109021931-daa7c04131f5'))).toEqual([]);
    expect(kinds(pair('gopkg.in/yaml.v2', 'v2.4.0'))).toEqual([]);
  });

  it('flags malformed h1 hashes and unknown algorithms', () => {
    const short = parseGoSum(`example.com/m v1.0.0/go.mod h1:abc=\n`).problems;
    expect(short.map((p) => [p.kind, p.goEffect, p.column])).toEqual([['malformed-hash', 'mismatch', 29]]);
    // Right length but non-canonical base64 (the last digit carries non-zero padding bits).
    const sloppy = `${H1_A.slice(0, -2)}N=`;
    expect(kinds(`example.com/m v1.0.0/go.mod ${sloppy}\n`)).toEqual(['malformed-hash']);
    const h2 = parseGoSum(`example.com/m v1.0.0/go.mod h2:whatever\n`).problems[0];
    expect(h2).toMatchObject({ kind: 'unknown-hash-algorithm', goEffect: 'unverifiable' });
    expect(h2?.message).toContain('algorithm the go command does not know');
    expect(parseGoSum(`example.com/m v1.0.0/go.mod deadbeef\n`).problems[0]?.message).toContain(
      'is not a go.sum hash',
    );
  });

  it('flags duplicate lines without treating them as conflicts', () => {
    const text = `${pair('example.com/m', 'v1.0.0')}example.com/m v1.0.0 ${H1_A}\n`;
    const result = parseGoSum(text);
    expect(result.problems.map((p) => [p.kind, p.line, p.otherLine, p.goEffect])).toEqual([
      ['duplicate-line', 3, 1, 'none'],
    ]);
    expect(result.lines).toHaveLength(3);
  });

  it('flags two different h1 hashes for one module version', () => {
    const text = `${pair('example.com/m', 'v1.0.0')}example.com/m v1.0.0 ${H1_C}\n`;
    const problem = parseGoSum(text).problems[0];
    expect(problem).toMatchObject({
      kind: 'conflicting-hashes',
      goEffect: 'mismatch',
      line: 3,
      otherLine: 1,
      module: 'example.com/m',
      version: 'v1.0.0',
    });
    expect(problem?.message).toContain(H1_A);
    expect(problem?.message).toContain(H1_C);
    // An h1 and an unknown-algorithm hash for the same key do not conflict.
    expect(kinds(`${pair('example.com/m', 'v1.0.0')}example.com/m v1.0.0 h2:x\n`)).toEqual([
      'unknown-hash-algorithm',
    ]);
    // The zip and go.mod hashes are different keys.
    expect(kinds(pair('example.com/m', 'v1.0.0', H1_A, H1_A))).toEqual([]);
  });

  it('reports a zip line without its go.mod line, except for path prefixes of other modules', () => {
    const text = `example.com/m v1.0.0 ${H1_A}\n${pair('example.com/other', 'v1.0.0')}`;
    const result = parseGoSum(text);
    expect(result.problems.map((p) => [p.kind, p.line, p.goEffect, p.module, p.version])).toEqual([
      ['missing-gomod-line', 1, 'none', 'example.com/m', 'v1.0.0'],
    ]);
    // cloud.google.com/go is kept zip-only to rule out ambiguous imports of cloud.google.com/go/x/...
    const ambiguity = `cloud.google.com/go v0.112.1 ${H1_A}\n${pair('cloud.google.com/go/compute', 'v1.0.0')}`;
    expect(kinds(ambiguity)).toEqual([]);
    // go.mod-only lines are the normal case for modules needed just for the graph.
    expect(kinds(`example.com/m v1.0.0/go.mod ${H1_B}\n`)).toEqual([]);
  });

  it('finds merge conflict markers, fatal or not', () => {
    const text = [
      '<<<<<<< HEAD',
      `example.com/m v1.0.0/go.mod ${H1_A}`,
      '=======',
      `example.com/m v1.0.0/go.mod ${H1_C}`,
      '>>>>>>> feature/branch',
      '',
    ].join('\n');
    const result = parseGoSum(text);
    expect(result.goError).toBe('malformed go.sum:\ngo.sum:1: wrong number of fields 2');
    expect(result.problems.filter((p) => p.kind === 'merge-conflict-marker').map((p) => p.line)).toEqual([
      1, 3, 5,
    ]);
    expect(result.problems.some((p) => p.kind === 'conflicting-hashes')).toBe(true);
    // Three fields: the go command accepts the line, the marker is still worth reporting.
    const accepted = parseGoSum('<<<<<<< HEAD sneaky\n').problems.find(
      (p) => p.kind === 'merge-conflict-marker',
    );
    expect(accepted?.goEffect).toBe('ignored');
  });

  it('notes CRLF line endings once, as harmless', () => {
    const text = pair('example.com/m', 'v1.0.0').replace(/\n/g, '\r\n');
    const result = parseGoSum(text);
    expect(result.problems.map((p) => [p.kind, p.line, p.goEffect])).toEqual([['crlf', 1, 'none']]);
    expect(result.problems[0]?.message).toMatch(/^2 lines end with CRLF/);
    expect(result.lines.map((l) => l.hash)).toEqual([H1_A, H1_B]);
  });

  it('reports a BOM and still reads the first module path without it', () => {
    const result = parseGoSum(`\ufeff${pair('example.com/m', 'v1.0.0')}`);
    expect(result.problems.map((p) => [p.kind, p.line, p.column, p.goEffect])).toEqual([
      ['bom', 1, 1, 'ignored'],
    ]);
    expect(result.lines[0]).toMatchObject({ module: 'example.com/m', column: 4, versionColumn: 18 });
    // The BOM is not white space to the go command: on a line of its own it is one field.
    expect(parseGoSum(`\ufeff\n${pair('example.com/m', 'v1.0.0')}`).goError).toBe(
      'malformed go.sum:\ngo.sum:1: wrong number of fields 1',
    );
  });

  it('reports invalid UTF-8 at its byte column', () => {
    const bytes = Buffer.concat([
      Buffer.from('example.com/m'),
      Buffer.from([0xff]),
      Buffer.from(` v1.0.0 ${H1_A}\n`),
    ]);
    const result = parseGoSum(bytes);
    const problem = result.problems.find((p) => p.kind === 'invalid-utf8');
    expect(problem).toMatchObject({ line: 1, column: 14 });
    expect(result.problems.some((p) => p.kind === 'invalid-module-path')).toBe(true);
  });

  it('reports binary content once and caps the problem list', () => {
    const bytes = new Uint8Array(5000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = i % 7 === 0 ? 0x0a : i % 3;
    const result = parseGoSum(bytes, 'go.sum', { maxProblems: 50 });
    expect(result.problems[0]).toMatchObject({ kind: 'binary', goEffect: 'fatal' });
    expect(result.problems).toHaveLength(51);
    expect(result.problems.at(-1)?.kind).toBe('too-many-problems');
    expect(result.goError).toMatch(/^malformed go.sum:\ngo.sum:2: wrong number of fields 1$/);
  });

  it('accepts text and bytes alike', () => {
    const text = pair('example.com/üñí', 'v1.0.0');
    expect(parseGoSum(text)).toEqual(parseGoSum(new TextEncoder().encode(text)));
  });
});
