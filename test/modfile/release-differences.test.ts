// One small file per difference found between Go releases in `go mod edit -json` /
// `go work edit -json` / `-fmt` (README "Go releases: what changed in go.mod handling"), each
// checked against the real go command of every installed release: the recorded expectations below
// say what each release prints, and the real go must agree with them and with our output. The
// corpus and the mutation test cover the same ground at scale; this suite names each difference.
import { describe, expect, it } from 'vitest';
import { formatBytes, formatErrors, parseGoMod, parseGoWork, toJson } from '../../src/modfile/index.ts';
import { encodeGoText } from '../../src/modfile/text.ts';
import { goToolchains, titleNeedingGo } from '../helpers/go-matrix.ts';
import { runGoEdit } from './go-run.ts';

interface Difference {
  name: string;
  kind: 'go.mod' | 'go.work';
  input: Uint8Array;
  /** A substring each release's -json output (or error) holds, by the first release it applies to. */
  expect: { from: number; contains: string; lacks?: string }[];
}

const minorOf = (release: string): number => Number(release.split('.')[1]);

const differences: Difference[] = [
  {
    name: 'empty lists: null up to 1.26, left out from 1.27',
    kind: 'go.mod',
    input: Buffer.from('module example.com/m\n\ngo 1.21\n'),
    expect: [
      { from: 19, contains: '"Require": null' },
      { from: 27, contains: '"Go": "1.21"\n}', lacks: 'null' },
    ],
  },
  {
    name: 'godebug lines: not in -json up to 1.25, GoDebug from 1.26 (after Toolchain)',
    kind: 'go.mod',
    input: Buffer.from(
      'module example.com/m\n\ngo 1.23\n\ntoolchain go1.23.4\n\ngodebug (\n\tasynctimerchan=1\n\tpanicnil=1\n)\n',
    ),
    expect: [
      { from: 19, contains: 'unknown block type: godebug' },
      { from: 21, contains: 'unknown block type: godebug' },
      { from: 23, contains: '"Toolchain": "go1.23.4",\n\t"Require": null', lacks: 'GoDebug' },
      {
        from: 26,
        contains:
          '"Toolchain": "go1.23.4",\n\t"GoDebug": [\n\t\t{\n\t\t\t"Key": "asynctimerchan",\n\t\t\t"Value": "1"',
      },
    ],
  },
  {
    name: 'go.work: Toolchain and Godebug printed from 1.27, empty Use/Replace left out',
    kind: 'go.work',
    input: Buffer.from('go 1.23\n\ntoolchain go1.24.0\n\ngodebug tlsrsakex=1\n'),
    expect: [
      { from: 19, contains: 'unknown directive: toolchain' },
      { from: 21, contains: 'unknown directive: godebug' },
      { from: 23, contains: '"Go": "1.23",\n\t"Use": null,\n\t"Replace": null', lacks: 'Toolchain' },
      {
        from: 27,
        contains: '"Toolchain": "go1.24.0",\n\t"Godebug": [\n\t\t{\n\t\t\t"Key": "tlsrsakex"',
        lacks: 'null',
      },
    ],
  },
  {
    name: 'invalid UTF-8 in a string: \\ufffd up to 1.26, the character U+FFFD from 1.27 (json/v2)',
    kind: 'go.mod',
    input: Buffer.from([...Buffer.from('module example.com/a'), 0xff, ...Buffer.from('b\n')]),
    expect: [
      { from: 19, contains: '"Path": "example.com/a\\ufffdb"' },
      { from: 27, contains: '"Path": "example.com/a\ufffdb"' },
    ],
  },
  {
    name: 'ignore: unknown up to 1.24, printed (deduplicated) from 1.25',
    kind: 'go.mod',
    input: Buffer.from('module example.com/m\n\ngo 1.25\n\nignore (\n\t./a\n\tb\n\t./a\n)\n'),
    expect: [
      { from: 19, contains: 'unknown block type: ignore' },
      {
        from: 25,
        contains: '"Ignore": [\n\t\t{\n\t\t\t"Path": "./a"\n\t\t},\n\t\t{\n\t\t\t"Path": "b"\n\t\t}\n\t]',
      },
    ],
  },
];

const toolchains = goToolchains();

describe.skipIf(toolchains.length === 0)(
  titleNeedingGo('differences between Go releases, against the real go', toolchains.length > 0),
  () => {
    for (const d of differences) {
      describe(d.name, () => {
        for (const tc of toolchains) {
          it(`go${tc.version}`, async () => {
            const parse = d.kind === 'go.mod' ? parseGoMod : parseGoWork;
            const parsed = parse(d.input, { goRelease: tc.version });
            const ours =
              parsed.errors.length > 0
                ? formatErrors(parsed.errors, d.kind, tc.version)
                : toJson(parsed.file, tc.version);
            const json = await runGoEdit(tc.goBin, d.kind, d.input, '-json');
            const theirs = Buffer.from(json.code === 0 ? json.stdout : json.stderr);
            expect(Buffer.from(encodeGoText(ours)).toString('utf8')).toBe(theirs.toString('utf8'));
            const rule = d.expect.filter((e) => e.from <= minorOf(tc.version)).at(-1)!;
            expect(theirs.toString('utf8')).toContain(rule.contains);
            if (rule.lacks) expect(theirs.toString('utf8')).not.toContain(rule.lacks);
            if (json.code !== 0) return;
            const fmt = await runGoEdit(tc.goBin, d.kind, d.input, '-fmt');
            expect(Buffer.from(formatBytes(parsed.file)).equals(fmt.file)).toBe(true);
          });
        }
      });
    }
  },
);
