// The message table of modfile-grammar.md §7, per release (`go mod edit -json` wording).
import { describe, expect, it } from 'vitest';
import { formatError, formatErrors, parseGoMod, parseGoWork, toJson } from '../../src/modfile/index.ts';

function errorsOf(text: string, release: string): string[] {
  return parseGoMod(text, { goRelease: release }).errors.map(formatError);
}

const M = 'module m\n\n';
const all = ['1.19', '1.23', '1.24'];
const cases: [string, string, Record<string, string[]>][] = [
  ['unknown directive', `${M}foo bar\n`, { all: ['go.mod:3: unknown directive: foo'] }],
  ['unknown block', `${M}foo (\n)\n`, { all: ['go.mod:3: unknown block type: foo'] }],
  ['lone paren', `${M})\n`, { all: ['go.mod:3: unknown directive: )'] }],
  ['require arity', `${M}require x.com/a\n`, { all: ['go.mod:3: usage: require module/path v1.2.3'] }],
  [
    'require extra',
    `${M}require x.com/a v1.0.0 ;\n`,
    { all: ['go.mod:3: usage: require module/path v1.2.3'] },
  ],
  [
    'non-semver',
    `${M}require x.com/a 1.0.0\n`,
    { all: ['go.mod:3: require x.com/a: version "1.0.0" invalid: must be of the form v1.2.3'] },
  ],
  [
    'major v2',
    `${M}require x.com/a v2.0.0\n`,
    { all: ['go.mod:3: require x.com/a: version "v2.0.0" invalid: should be v0 or v1, not v2'] },
  ],
  [
    'path /v2',
    `${M}require x.com/a/v2 v1.0.0\n`,
    { all: ['go.mod:3: require x.com/a/v2: version "v1.0.0" invalid: should be v2, not v1'] },
  ],
  [
    'gopkg.in',
    `${M}require gopkg.in/yaml.v2 v3.0.0\n`,
    { all: ['go.mod:3: require gopkg.in/yaml.v2: version "v3.0.0" invalid: should be v2, not v3'] },
  ],
  ['repeated module', 'module m\nmodule m\n', { all: ['go.mod:2: repeated module statement'] }],
  ['module arity', 'module m n\n', { all: ['go.mod:1: usage: module module/path'] }],
  ['newline in string', 'module "m\n', { all: ['go.mod:1:10: unexpected newline in string'] }],
  ['EOF in string', 'module "example.com/m', { all: ['go.mod:1:8: unexpected EOF in string'] }],
  [
    'block comment',
    'module m /* c */\n',
    { all: ['go.mod:1:10: mod files must use // comments (not /* */ comments)'] },
  ],
  ['BOM', '\ufeffmodule m\n', { all: ["go.mod:1: unexpected input character '\\ufeff'"] }],
  ['NUL', 'module m\n\u0000\n', { all: ["go.mod:2: unexpected input character '\\x00'"] }],
  [
    'go version format',
    `${M}go 1.2.3.4\n`,
    {
      '1.19': ["go.mod:3: invalid go version '1.2.3.4': must match format 1.23"],
      '1.23': ["go.mod:3: invalid go version '1.2.3.4': must match format 1.23.0"],
      '1.24': ["go.mod:3: invalid go version '1.2.3.4': must match format 1.23.0"],
    },
  ],
  [
    'go 1.21.0',
    `${M}go 1.21.0\n`,
    { '1.19': ["go.mod:3: invalid go version '1.21.0': must match format 1.23"], '1.23': [], '1.24': [] },
  ],
  ['repeated go', `${M}go 1.20\ngo 1.21\n`, { all: ['go.mod:4: repeated go statement'] }],
  ['go arity', `${M}go\n`, { all: ['go.mod:3: go directive expects exactly one argument'] }],
  [
    'toolchain',
    `${M}go 1.21\ntoolchain 1.21.0\n`,
    {
      '1.19': ['go.mod:4: unknown directive: toolchain'],
      '1.23': ["go.mod:4: invalid toolchain version '1.21.0': must match format go1.23.0 or default"],
      '1.24': ["go.mod:4: invalid toolchain version '1.21.0': must match format go1.23.0 or default"],
    },
  ],
  [
    'godebug usage',
    `${M}godebug foo\n`,
    {
      '1.19': ['go.mod:3: unknown directive: godebug'],
      '1.23': ['go.mod:3: usage: godebug key=value'],
      '1.24': ['go.mod:3: usage: godebug key=value'],
    },
  ],
  [
    'godebug block',
    `${M}godebug (\n\ta=b\n)\n`,
    { '1.19': ['go.mod:3: unknown block type: godebug'], '1.23': [], '1.24': [] },
  ],
  [
    'replace usage',
    `${M}replace x.com/a v1.0.0 x.com/b v1.0.0\n`,
    {
      all: [
        'go.mod:3: usage: replace module/path [v1.2.3] => other/module v1.4\n\t or replace module/path [v1.2.3] => ../local/directory',
      ],
    },
  ],
  [
    'replace without version',
    `${M}replace x.com/a => x.com/b\n`,
    {
      '1.19': [
        'go.mod:3: replacement module without version must be directory path (rooted or starting with ./ or ../)',
      ],
      '1.23': [
        'go.mod:3: replacement module without version must be directory path (rooted or starting with . or ..)',
      ],
      '1.24': [
        'go.mod:3: replacement module without version must be directory path (rooted or starting with . or ..)',
      ],
    },
  ],
  [
    'replace path@version',
    `${M}replace x.com/a => x.com/b@v1.0.0\n`,
    {
      '1.19': [
        'go.mod:3: replacement module without version must be directory path (rooted or starting with ./ or ../)',
      ],
      '1.23': ["go.mod:3: replacement module must match format 'path version', not 'path@version'"],
      '1.24': ["go.mod:3: replacement module must match format 'path version', not 'path@version'"],
    },
  ],
  [
    'replace dir version',
    `${M}replace x.com/a => ./b v1.0.0\n`,
    { all: ['go.mod:3: replacement module directory path "./b" cannot have version'] },
  ],
  [
    'windows path',
    `${M}replace x.com/a => C:\\src\\b\n`,
    { all: ['go.mod:3: replacement directory appears to be Windows path (on a non-windows system)'] },
  ],
  [
    'replace old version',
    `${M}replace x.com/a vbad => x.com/b v1.0.0\n`,
    { all: ['go.mod:3: replace x.com/a: version "vbad" invalid: must be of the form v1.2.3'] },
  ],
  [
    'replace new version',
    `${M}replace x.com/a => x.com/b latest\n`,
    { all: ['go.mod:3: replace x.com/b: version "latest" invalid: must be of the form v1.2.3'] },
  ],
  ['exclude usage', `${M}exclude x.com/a\n`, { all: ['go.mod:3: usage: exclude module/path v1.2.3'] }],
  [
    'exclude version',
    `${M}exclude x.com/a latest\n`,
    { all: ['go.mod:3: exclude x.com/a: version "latest" invalid: must be of the form v1.2.3'] },
  ],
  [
    'retract extra',
    `${M}retract v1.0.0 v1.1.0\n`,
    { all: ['go.mod:3: unexpected token after version: "v1.1.0"'] },
  ],
  ['retract comma', `${M}retract [v1.0.0]\n`, { all: ["go.mod:3: expected ',' after version"] }],
  ['retract open', `${M}retract [\n`, { all: ["go.mod:3: expected version after '['"] }],
  ['retract close', `${M}retract [v1.0.0, v1.1.0\n`, { all: ["go.mod:3: expected ']' after version"] }],
  [
    'quote in token',
    `${M}require x.com/a"b v1.0.0\n`,
    { all: ['go.mod:3: invalid quoted string: unquoted string cannot contain quote'] },
  ],
  [
    'bad escape',
    `${M}require "x.com/a\\q" v1.0.0\n`,
    { all: ['go.mod:3: invalid quoted string: invalid syntax'] },
  ],
  [
    'unterminated block',
    `${M}require (\n\tx.com/a v1.0.0\n`,
    { all: ['go.mod:5: syntax error (unterminated block started at go.mod:3:1)'] },
  ],
  [
    'after paren',
    `${M}require (\n\tx.com/a v1.0.0\n) extra\n`,
    { all: ['go.mod:5:8: syntax error (expected newline after closing paren)'] },
  ],
  [
    'nested paren',
    `${M}require (\nfoo (\n)\n)\n`,
    {
      all: [
        'go.mod:4: require foo: version "(" invalid: must be of the form v1.2.3',
        'go.mod:6: unknown directive: )',
      ],
    },
  ],
  [
    'tool',
    `${M}tool ./foo\n`,
    {
      '1.19': ['go.mod:3: unknown directive: tool'],
      '1.23': ['go.mod:3: unknown directive: tool'],
      '1.24': [],
    },
  ],
  [
    'tool arity',
    `${M}tool x.com/a v1.0.0\n`,
    {
      '1.19': ['go.mod:3: unknown directive: tool'],
      '1.24': ['go.mod:3: tool directive expects exactly one argument'],
    },
  ],
  ['ignore', `${M}ignore ./node_modules\n`, { '1.24': ['go.mod:3: unknown directive: ignore'], '1.25': [] }],
];

describe('modfile-grammar.md §7 messages', () => {
  for (const [name, input, byRelease] of cases) {
    const releases = byRelease.all ? all : Object.keys(byRelease);
    for (const release of releases) {
      it(`${name} (go${release})`, () => {
        expect(errorsOf(input, release)).toEqual(byRelease.all ?? byRelease[release]);
      });
    }
  }

  it('use arity in go.work', () => {
    const r = parseGoWork('go 1.22\nuse ./a ./b\n', { goRelease: '1.24' });
    expect(formatErrors(r.errors, 'go.work', '1.24')).toBe(
      'go: errors parsing go.work:\nerrors parsing go.work:\ngo.work:2: usage: use local/dir\n',
    );
    expect(formatErrors(r.errors, 'go.work', '1.19')).toBe(
      'go: errors parsing go.work:\ngo.work:2: usage: use local/dir\n',
    );
  });

  it('column counts runes', () => {
    expect(errorsOf('module é /* x */\n', '1.24')).toEqual([
      'go.mod:1:10: mod files must use // comments (not /* */ comments)',
    ]);
  });
});

describe('comments with meaning', () => {
  it('indirect rules', () => {
    const { file } = parseGoMod(
      'module m\nrequire (\n\ta.com/a v1.0.0 // indirect\n\tb.com/b v1.0.0 //indirect\n\tc.com/c v1.0.0 // indirect; tests\n\td.com/d v1.0.0 // indirect note\n)\n',
    );
    expect(file.require.map((r) => r.indirect)).toEqual([true, true, true, false]);
  });

  it('Deprecated and retract rationale reach the JSON, escaped like Go', () => {
    const { file, errors } = parseGoMod(
      '// Deprecated: use <b> & co\n// more\n//\n// other\nmodule m\n\n// broken\nretract v1.0.0\n',
      { goRelease: '1.24' },
    );
    expect(errors).toEqual([]);
    expect(file.module?.deprecated).toBe('use <b> & co\nmore');
    expect(toJson(file)).toContain('"Deprecated": "use \\u003cb\\u003e \\u0026 co\\nmore"');
    expect(file.retract[0]?.rationale).toBe('broken');
  });

  it('invalid UTF-8 bytes become \\ufffd in JSON', () => {
    const bytes = Buffer.concat([
      Buffer.from('module example.com/'),
      Buffer.from([0xff]),
      Buffer.from('x\n'),
    ]);
    const { file, errors } = parseGoMod(bytes, { goRelease: '1.24' });
    expect(errors).toEqual([]);
    expect(toJson(file)).toContain('"Path": "example.com/\\ufffdx"');
  });

  it('positions of tokens', () => {
    const { file } = parseGoMod('module m\n\nrequire (\n\tx.com/a v1.0.0\n)\n');
    const r = file.require[0]!;
    expect(r.pos).toEqual({ line: 4, column: 2, byteOffset: 21 });
    expect(r.versionPos).toEqual({ line: 4, column: 10, byteOffset: 29 });
  });

  it('lax mode ignores what dependencies may not use', () => {
    const { file, errors } = parseGoMod(
      'module m\ngo 1.21.0-custom\nfoo bar\nreplace a => b\nrequire x.com/a v1.0.0\n',
      {
        lax: true,
        goRelease: '1.24',
      },
    );
    expect(errors).toEqual([]);
    expect(file.go?.version).toBe('1.21');
    expect(file.replace).toEqual([]);
    expect(file.require).toHaveLength(1);
  });
});
