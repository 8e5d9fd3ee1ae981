// Seeded fuzzing of every parser that reads user input: go.mod, go.work, go.sum, Go file headers,
// build expressions and go command transcripts. Inputs are corpus files cut, spliced and sprinkled
// with hostile bytes (NUL, BOM, CR, lone quotes and brackets, invalid UTF-8, deep nesting). Each
// parser must return a result (never throw) with positions inside the input. The seed is fixed so a
// failure reproduces; GOMOD_DOCTOR_FUZZ=N raises the number of inputs.
import { describe, expect, it } from 'vitest';
import { explainText } from '../../src/explain/index.ts';
import { parseGoSum } from '../../src/gosum/index.ts';
import { parseGoMod, parseGoWork, toJson } from '../../src/modfile/index.ts';
import { parseBuildExpr, parseHeaderConstraints } from '../../src/tidy/constraints.ts';
import { NeedMoreInput, parseGoFileHeader } from '../../src/tidy/header.ts';
import { corpusCases } from '../modfile/corpus.ts';

const ROUNDS = Number(process.env.GOMOD_DOCTOR_FUZZ ?? 400);

function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOSTILE: Uint8Array[] = [
  [0x00],
  [0xef, 0xbb, 0xbf],
  [0x0d],
  [0x0d, 0x0a],
  [0x22],
  [0x60],
  [0x28],
  [0x29],
  [0x2f, 0x2a],
  [0xff, 0xfe],
  [0xc3],
  [0xe2, 0x80, 0xa8],
  [0x5c],
  [0x09],
].map((b) => Uint8Array.from(b));

const GO_SOURCE = new TextEncoder().encode(
  '//go:build (linux && !cgo) || windows\n// +build linux,!cgo windows\n\n// Package p.\npackage p\n\nimport (\n\t"fmt"\n\tx "example.com/x/y"\n\t_ "embed"\n)\n\nimport "C"\n\nfunc f() {}\n',
);
const TRANSCRIPT = new TextEncoder().encode(
  '2024-05-01T10:00:00.1234567Z # get https://proxy.golang.org/corp.example.com/x/@v/list\ngo: corp.example.com/x@v1.0.0: reading https://proxy.golang.org/corp.example.com/x/@v/v1.0.0.info: 410 Gone\n\tserver response: not found: fatal: could not read Username: terminal prompts disabled\n\u001b[31mverifying example.com/m@v1.0.0: checksum mismatch\u001b[0m\r\n',
);

function mutate(seed: Uint8Array, pool: Uint8Array[], rnd: () => number): Uint8Array {
  let bytes = Array.from(seed);
  const edits = 1 + Math.floor(rnd() * 6);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(rnd() * (bytes.length + 1));
    const choice = rnd();
    if (choice < 0.3) {
      bytes.splice(at, 0, ...HOSTILE[Math.floor(rnd() * HOSTILE.length)]!);
    } else if (choice < 0.5) {
      bytes.splice(at, Math.floor(rnd() * 20));
    } else if (choice < 0.7) {
      const other = pool[Math.floor(rnd() * pool.length)]!;
      const from = Math.floor(rnd() * other.length);
      bytes.splice(at, 0, ...other.subarray(from, from + Math.floor(rnd() * 200)));
    } else if (choice < 0.8) {
      bytes.splice(at, 0, ...new Array(200 + Math.floor(rnd() * 2000)).fill(rnd() < 0.5 ? 0x28 : 0x29));
    } else {
      bytes[at] = Math.floor(rnd() * 256);
      bytes = bytes.filter((b) => b !== undefined);
    }
  }
  return Uint8Array.from(bytes);
}

const corpus = corpusCases().map((c) => c.input);
const pool = corpus.length > 0 ? corpus : [new TextEncoder().encode('module example.com/m\n\ngo 1.21\n')];

describe('fuzzing the parsers', () => {
  it(`go.mod and go.work: ${ROUNDS} inputs each give a result with positions inside the input`, () => {
    const rnd = prng(1);
    for (let i = 0; i < ROUNDS; i++) {
      const input = mutate(pool[Math.floor(rnd() * pool.length)]!, pool, rnd);
      const lines = input.filter((b) => b === 0x0a).length + 1;
      for (const parse of [parseGoMod, parseGoWork]) {
        for (const goRelease of ['1.19', '1.24']) {
          const { file, errors } = parse(input, { filename: 'go.mod', goRelease });
          for (const error of errors) {
            expect(error.line).toBeGreaterThanOrEqual(0);
            expect(error.line).toBeLessThanOrEqual(lines);
          }
          if (errors.length === 0) expect(() => JSON.parse(toJson(file, goRelease))).not.toThrow();
        }
      }
    }
  });

  it(`go.sum: ${ROUNDS} inputs`, () => {
    const rnd = prng(2);
    const sums = [
      new TextEncoder().encode('example.com/a v1.0.0 h1:AAAA=\nexample.com/a v1.0.0/go.mod h1:BBBB=\n'),
    ];
    for (let i = 0; i < ROUNDS; i++) {
      const input = mutate(sums[0]!, [...sums, ...pool], rnd);
      const result = parseGoSum(input);
      for (const line of result.lines) expect(line.line).toBeGreaterThan(0);
    }
  });

  it(`Go file headers and build expressions: ${ROUNDS} inputs`, () => {
    const rnd = prng(3);
    for (let i = 0; i < ROUNDS; i++) {
      const input = mutate(GO_SOURCE, [GO_SOURCE, ...pool], rnd);
      expect(parseGoFileHeader(input, true)).toBeDefined();
      // Given a prefix of a file, the reader may ask for more (the scanner then reads on); that
      // request is the only exception it may raise.
      try {
        expect(parseGoFileHeader(input, false)).toBeDefined();
      } catch (error) {
        expect(error).toBeInstanceOf(NeedMoreInput);
      }
      const text = new TextDecoder().decode(input);
      expect(parseHeaderConstraints(text)).toBeDefined();
      expect(parseBuildExpr(text.slice(0, 300))).toBeDefined();
    }
  });

  it(`transcripts: ${ROUNDS} inputs; every finding names a cause`, () => {
    const rnd = prng(4);
    for (let i = 0; i < ROUNDS; i++) {
      const input = mutate(TRANSCRIPT, [TRANSCRIPT, ...pool], rnd);
      const result = explainText(new TextDecoder().decode(input));
      for (const finding of result.findings) expect(finding.cause).toMatch(/^[a-z0-9-]+$/);
    }
  });
});
