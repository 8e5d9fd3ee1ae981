import { describe, expect, it } from 'vitest';
import {
  checkModuleFiles,
  checkModuleZip,
  cleanPath,
  createModuleZip,
  hash1,
  hashZip,
  MAX_GO_MOD,
  type ModuleFile,
  readZipEntries,
} from '../../src/gosum/index.ts';
import { storedZip, utf8 } from './helpers.ts';

const file = (path: string, text = `// ${path}\n`): ModuleFile => ({ path, contents: utf8(text) });

function entryNames(zip: Uint8Array): string[] {
  const listed = readZipEntries(zip);
  if (!listed.ok) throw new Error(listed.error);
  return listed.value.map((e) => e.name);
}

describe('createModuleZip', () => {
  it('prefixes entries, sorts them, and hashes like the files', () => {
    const files = [file('z.go'), file('go.mod', 'module example.com/m\n'), file('a/b.go')];
    const created = createModuleZip('example.com/m', 'v1.2.3', files);
    if (!created.ok) throw new Error(created.error);
    expect(entryNames(created.value)).toEqual([
      'example.com/m@v1.2.3/a/b.go',
      'example.com/m@v1.2.3/go.mod',
      'example.com/m@v1.2.3/z.go',
    ]);
    expect(hashZip(created.value)).toEqual(
      hash1(files.map((f) => ({ name: `example.com/m@v1.2.3/${f.path}`, contents: f.contents }))),
    );
    const again = createModuleZip('example.com/m', 'v1.2.3', [...files].reverse());
    expect(again.ok && Buffer.from(again.value).equals(Buffer.from(created.value))).toBe(true);
  });

  it('leaves out vendored packages, nested modules and .hg_archival.txt', () => {
    const files = [
      file('go.mod', 'module example.com/m\n\ngo 1.20\n'),
      file('vendor/modules.txt'),
      file('vendor/example.com/x/x.go'),
      file('pkg/vendor/v.go'),
      file('pkg/vendor/foo/f.go'),
      file('nested/go.mod'),
      file('nested/n.go'),
      file('nested/deeper/d.go'),
      file('.hg_archival.txt'),
      file('keep.go'),
    ];
    const checked = checkModuleFiles(files);
    // Before go 1.24: vendor/modules.txt stays, and the /vendor/ offset bug also drops pkg/vendor/v.go.
    expect(checked.valid).toEqual(['go.mod', 'vendor/modules.txt', 'keep.go']);
    expect(checked.omitted.map((o) => [o.path, o.error])).toEqual([
      ['vendor/example.com/x/x.go', 'file is in vendor directory'],
      ['pkg/vendor/v.go', 'file is in vendor directory'],
      ['pkg/vendor/foo/f.go', 'file is in vendor directory'],
      ['nested/go.mod', 'file is in another module'],
      ['nested/n.go', 'file is in another module'],
      ['nested/deeper/d.go', 'file is in another module'],
      ['.hg_archival.txt', "file is inserted by 'hg archive' and is always omitted"],
    ]);
    expect(checked.invalid).toEqual([]);

    const modern = checkModuleFiles([
      file('go.mod', 'module example.com/m\n\ngo 1.24.0\n'),
      ...files.slice(1),
    ]);
    expect(modern.valid).toEqual(['go.mod', 'pkg/vendor/v.go', 'keep.go']);
    expect(checkModuleFiles(files, { goVersion: '1.24' }).valid).toEqual(modern.valid);
  });

  it('refuses what the go command refuses, with its messages', () => {
    const bad = (files: ModuleFile[], version = 'v1.0.0', path = 'example.com/m') => {
      const result = createModuleZip(path, version, files);
      return result.ok ? undefined : result.error;
    };
    expect(bad([file('a.go')], 'v1.0')).toBe(
      'create zip: version "v1.0" is not canonical (should be "v1.0.0")',
    );
    expect(bad([file('a.go')], 'v2.0.0')).toBe(
      'create zip: example.com/m@v2.0.0: invalid version: should be v0 or v1, not v2',
    );
    expect(bad([file('./a.go')])).toBe('create zip: ./a.go: file path is not clean');
    expect(bad([file('/a.go')])).toBe('create zip: /a.go: file path is not relative');
    expect(bad([file('a*.go')])).toBe('create zip: a*.go: malformed file path "a*.go": invalid char \'*\'');
    expect(bad([file('GO.MOD')])).toBe('create zip: GO.MOD: go.mod files must have lowercase names');
    expect(bad([file('A.go'), file('a.go')])).toBe(
      'create zip: a.go: case-insensitive file name collision: "A.go" and "a.go"',
    );
    expect(bad([file('a.go'), file('a.go')])).toBe('create zip: a.go: multiple entries for file "a.go"');
    expect(bad([file('x'), file('x/y.go')])).toBe(
      'create zip: x/y.go: entry "x" is both a file and a directory',
    );
    expect(bad([file('Dir/a.go'), file('dir/b.go')])).toBe(
      'create zip: dir/b.go: case-insensitive file name collision: "Dir" and "dir"',
    );
    expect(bad([{ path: 'go.mod', contents: new Uint8Array(MAX_GO_MOD + 1) }])).toBe(
      'create zip: go.mod: go.mod file too large (max size is 16777216 bytes)',
    );
    expect(bad([{ path: 'LICENSE', contents: new Uint8Array(MAX_GO_MOD + 1) }])).toBe(
      'create zip: LICENSE: LICENSE file too large (max size is 16777216 bytes)',
    );
    // 32 files of 17 MiB share one buffer: over 500 MiB in total without allocating it.
    const big = new Uint8Array(17 << 20);
    const many = Array.from({ length: 32 }, (_, i) => ({ path: `f${i}.bin`, contents: big }));
    expect(bad(many)).toBe('create zip: module source tree too large (max size is 524288000 bytes)');
  });

  it('treats Unicode case folding like Go (Kelvin sign, long s)', () => {
    const checked = checkModuleFiles([file('k.go'), file('\u212a.go'), file('s.go'), file('\u017f.go')]);
    expect(checked.invalid.map((i) => i.path)).toEqual(['\u212a.go', '\u017f.go']);
    expect(checkModuleFiles([file('straße.go'), file('STRASSE.go')]).invalid).toEqual([]);
  });
});

describe('checkModuleZip', () => {
  it('accepts a zip made by createModuleZip', () => {
    const created = createModuleZip('example.com/m', 'v1.0.0', [file('go.mod'), file('m.go')]);
    if (!created.ok) throw new Error(created.error);
    const checked = checkModuleZip('example.com/m', 'v1.0.0', created.value);
    expect(checked).toEqual({
      ok: true,
      value: {
        valid: ['example.com/m@v1.0.0/go.mod', 'example.com/m@v1.0.0/m.go'],
        omitted: [],
        invalid: [],
      },
    });
  });

  it('lists the entries the go command would refuse', () => {
    const p = 'example.com/m@v1.0.0/';
    const zip = storedZip([
      { name: 'other@v1.0.0/x.go', data: utf8('') },
      { name: `${p}`, data: utf8('') },
      { name: `${p}dir/`, data: utf8('') },
      { name: `${p}dir/ok.go`, data: utf8('') },
      { name: `${p}a/../b.go`, data: utf8('') },
      { name: `${p}sub/go.mod`, data: utf8('') },
      { name: `${p}Go.mod`, data: utf8('') },
      { name: `${p}DIR/x.go`, data: utf8('') },
    ]);
    const checked = checkModuleZip('example.com/m', 'v1.0.0', zip);
    if (!checked.ok) throw new Error(checked.error);
    expect(checked.value.valid).toEqual([`${p}dir/ok.go`]);
    expect(checked.value.invalid.map((i) => i.error)).toEqual([
      'path does not have prefix "example.com/m@v1.0.0/"',
      'file path is not clean',
      'go.mod file not in module root directory',
      'go.mod files must have lowercase names',
      'case-insensitive file name collision: "dir" and "DIR"',
    ]);
    expect(checkModuleZip('example.com/m', 'v1.0', zip)).toEqual({
      ok: false,
      error: 'version "v1.0" is not canonical (should be "v1.0.0")',
    });
  });
});

describe('cleanPath', () => {
  it('matches Go path.Clean', () => {
    const cases: [string, string][] = [
      ['', '.'],
      ['a/b', 'a/b'],
      ['a//b', 'a/b'],
      ['a/./b/', 'a/b'],
      ['a/../b', 'b'],
      ['../a', '../a'],
      ['/../a', '/a'],
      ['/', '/'],
      ['a/..', '.'],
    ];
    for (const [input, want] of cases) expect(cleanPath(input)).toBe(want);
  });
});
