// Mutated corpus files, checked against the real go command of every installed toolchain:
// `go mod edit -json` / `go work edit -json` output (or error text) and `-fmt` output.
// The oldest and the newest release get the full number of mutants, the releases between them
// fewer (each with its own seed, so together they still cover many different mutants): about two
// go runs per mutant keep this suite within the CI time budget with nine releases installed.
import { describe, expect, it } from 'vitest';
import { formatBytes, formatErrors, parseGoMod, parseGoWork, toJson } from '../../src/modfile/index.ts';
import { encodeGoText } from '../../src/modfile/text.ts';
import { goToolchains } from '../helpers/go-matrix.ts';
import { type CorpusCase, corpusCases } from './corpus.ts';
import { runGoEdit } from './go-run.ts';

const MUTANTS_PER_RELEASE = Number(process.env.GOMOD_DOCTOR_MUTANTS ?? 200);
const MUTANTS_MIDDLE_RELEASE = Number(process.env.GOMOD_DOCTOR_MUTANTS ?? 50);
const CONCURRENCY = 8;

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const insertions = ['(', ')', '"', '`', "'", '//', '/*', '\u0000', '\ufeff', '[', ']', ',', '=>', '\t', '\\'];
const extraLines = [
  'toolchain go1.21.3',
  'toolchain default',
  'toolchain 1.21',
  'godebug default=go1.21',
  'godebug (\n\tpanicnil=1\n)',
  'godebug (\n\tasynctimerchan=1\n\tasynctimerchan=0\n)',
  'ignore (\n\t./a\n\tb\n\t./a\n)',
  'tool example.com/tool',
  'tool (\n\t./cmd/x\n)',
  'ignore ./node_modules',
  'go 1.21.0',
  'go 1.22rc1',
  'retract [v1.0.0, v1.1.0] // bad',
  'retract v1.0.0',
  'require example.com/x v1.2',
  'require example.com/x/v2 v1.0.0',
  'replace example.com/x => example.com/y@v1.0.0',
  'replace example.com/x => .',
  'exclude example.com/x v1.0.0',
  'use ./a',
  'require (',
  ')',
  '// Deprecated: use other',
  '',
];

function mutate(input: Uint8Array, rnd: () => number): Uint8Array {
  const text = Buffer.from(input).toString('latin1');
  const lines = text.split('\n');
  const pick = (n: number): number => Math.floor(rnd() * n);
  const op = pick(10);
  const at = pick(lines.length);
  switch (op) {
    case 0:
      lines.splice(at, 1);
      break;
    case 1:
      lines.splice(at, 0, lines[at] ?? '');
      break;
    case 2: {
      const toks = (lines[at] ?? '').split(/(\s+)/);
      const i = pick(Math.max(1, toks.length - 2));
      if (toks.length > i + 2) [toks[i], toks[i + 2]] = [toks[i + 2]!, toks[i]!];
      lines[at] = toks.join('');
      break;
    }
    case 3:
    case 4: {
      const line = lines[at] ?? '';
      const pos = pick(line.length + 1);
      const ins = Buffer.from(insertions[pick(insertions.length)]!, 'utf8').toString('latin1');
      lines[at] = line.slice(0, pos) + ins + line.slice(pos);
      break;
    }
    case 5:
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), input]);
    case 6:
      return Buffer.from(lines.join('\r\n'), 'latin1');
    case 7:
    case 8:
      lines.splice(at, 0, extraLines[pick(extraLines.length)]!);
      break;
    default: {
      const line = lines[at] ?? '';
      const pos = pick(line.length + 1);
      lines[at] = line.slice(0, pos) + String.fromCharCode(0x80 + pick(0x80)) + line.slice(pos);
    }
  }
  return Buffer.from(lines.join('\n'), 'latin1');
}

async function pool<T>(items: T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: limit }, async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await run(item);
    }
  });
  await Promise.all(workers);
}

const toolchains = goToolchains();
const skipReason = toolchains.length === 0 ? 'no Go toolchain installed under .cache/go' : '';

describe.skipIf(skipReason !== '')(`mutation test against real go ${skipReason}`, () => {
  const sources = corpusCases().filter((c) => c.input.length < 3000);

  for (const tc of toolchains) {
    const ends = tc === toolchains[0] || tc === toolchains.at(-1);
    const count = ends ? MUTANTS_PER_RELEASE : MUTANTS_MIDDLE_RELEASE;
    it(`go${tc.version}: ${count} mutants agree on -json and -fmt`, {
      timeout: 120_000,
    }, async () => {
      const rnd = prng(0x5eed + Number(tc.version.split('.')[1]));
      const mutants: { source: CorpusCase; input: Uint8Array }[] = [];
      for (let i = 0; i < count; i++) {
        const source = sources[Math.floor(rnd() * sources.length)]!;
        let input = mutate(source.input, rnd);
        if (rnd() < 0.3) input = mutate(input, rnd);
        mutants.push({ source, input });
      }
      const mismatches: string[] = [];
      let rejected = 0;
      await pool(mutants, CONCURRENCY, async ({ source, input }) => {
        const kind = source.kind;
        const opts = { goRelease: tc.version };
        const parsed = kind === 'go.mod' ? parseGoMod(input, opts) : parseGoWork(input, opts);
        const json = await runGoEdit(tc.goBin, kind, input, '-json');
        const ours =
          parsed.errors.length > 0
            ? formatErrors(parsed.errors, kind, tc.version)
            : toJson(parsed.file, tc.version);
        const theirs = json.code === 0 ? json.stdout : json.stderr;
        if (json.code !== 0) rejected++;
        const show = (b: Uint8Array): string => JSON.stringify(Buffer.from(b).toString('latin1'));
        if (
          !Buffer.from(encodeGoText(ours)).equals(theirs) ||
          (json.code === 0) !== (parsed.errors.length === 0)
        ) {
          mismatches.push(
            `${source.slug}/${kind} -json\n input ${show(input)}\n go:   ${show(theirs)}\n ours: ${show(encodeGoText(ours))}`,
          );
          return;
        }
        if (json.code !== 0) return;
        const fmt = await runGoEdit(tc.goBin, kind, input, '-fmt');
        if (fmt.code !== 0) {
          mismatches.push(`${source.slug}/${kind} -fmt failed: ${fmt.stderr.toString()}`);
          return;
        }
        const mine = formatBytes(parsed.file);
        if (!Buffer.from(mine).equals(fmt.file)) {
          mismatches.push(
            `${source.slug}/${kind} -fmt\n input ${show(input)}\n go:   ${show(fmt.file)}\n ours: ${show(mine)}`,
          );
        }
      });
      console.info(
        `go${tc.version}: ${mutants.length - mismatches.length}/${mutants.length} mutants agree (${rejected} rejected by go)`,
      );
      expect(mismatches.slice(0, 5)).toEqual([]);
    });
  }
});
