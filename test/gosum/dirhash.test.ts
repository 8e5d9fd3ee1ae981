import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import {
  EMPTY_GO_MOD_HASH,
  hash1,
  hash1FromDigests,
  hashGoMod,
  hashZip,
  isWellFormedH1,
  readZipEntries,
  readZipEntryData,
  writeZip,
} from '../../src/gosum/index.ts';
import { storedZip, utf8 } from './helpers.ts';

const sha256 = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');

describe('Hash1', () => {
  it('reproduces the worked example of modcache-and-sums.md', () => {
    const listing = [
      [
        '015c38b0379fd60af77696e23dcf8f89454e1ae38bd9e1528ce4553a2946d4ba',
        'github.com/exampleorg/liba@v1.1.0/go.mod',
      ],
      [
        '60c93d238b7ea2e19beceeaf5fd3be1975077a7cf166a3f14fe5d610898fd3c4',
        'github.com/exampleorg/liba@v1.1.0/liba.go',
      ],
      [
        '69c7712ee044ab06978cf6751e414a873dcd8eedfbe28a360e424b180e2589e8',
        'github.com/exampleorg/liba@v1.1.0/sub/sub.go',
      ],
    ] as const;
    // Order of the input does not matter: names are sorted.
    const files = [...listing].reverse().map(([sha256Hex, name]) => ({ name, sha256Hex }));
    expect(hash1FromDigests(files)).toEqual({
      ok: true,
      value: 'h1:TdBb2fGv7DX/POyEfP7KLgeaSXQ/oz5LJlHlRiHxoMc=',
    });
    // The go.mod line hashes a one-file tree named plain "go.mod", not "path@version/go.mod".
    expect(hash1FromDigests([{ name: 'go.mod', sha256Hex: listing[0][0] }])).toEqual({
      ok: true,
      value: 'h1:L0ato4JnJ1/GK2TQzV4oPZTRPDSsAYlaHf+A3zN2zbs=',
    });
  });

  it('hashes contents exactly like sha256sum | sha256sum', () => {
    const files = [
      { name: 'b.txt', contents: utf8('bee\n') },
      { name: 'a.txt', contents: utf8('ay\n') },
    ];
    const summary = `${sha256('ay\n')}  a.txt\n${sha256('bee\n')}  b.txt\n`;
    const expected = `h1:${createHash('sha256').update(summary).digest('base64')}`;
    expect(hash1(files)).toEqual({ ok: true, value: expected });
  });

  it('sorts names by UTF-8 bytes, not UTF-16 code units', () => {
    // In UTF-16 U+1F600 (surrogates D83D DE00) sorts before U+FF21; in UTF-8 (F0... vs EF...) after it.
    const names = ['m/\u{1F600}', 'm/\uFF21'];
    const byBytes = ['m/\uFF21', 'm/\u{1F600}'];
    expect([...names].sort()).toEqual(names);
    const summary = byBytes.map((n) => `${sha256('')}  ${n}\n`).join('');
    const expected = `h1:${createHash('sha256').update(summary).digest('base64')}`;
    expect(hash1(names.map((name) => ({ name, contents: new Uint8Array() })))).toEqual({
      ok: true,
      value: expected,
    });
  });

  it('refuses names with newlines', () => {
    expect(hash1([{ name: 'a\nb', contents: new Uint8Array() }])).toEqual({
      ok: false,
      error: 'dirhash: filenames with newlines are not supported',
    });
  });

  it('knows the empty go.mod hash the go command drops', () => {
    expect(hashGoMod(new Uint8Array())).toBe(EMPTY_GO_MOD_HASH);
  });

  it('checks h1 hash syntax', () => {
    expect(isWellFormedH1(EMPTY_GO_MOD_HASH)).toBe(true);
    expect(isWellFormedH1('h1:G7mAYYxgmS0lVkHyy2hEOLQCFB0DlQFTMLWggykrydZ=')).toBe(false);
    expect(isWellFormedH1('h1:G7mAYYxgmS0lVkHyy2hEOLQCFB0DlQFTMLWggykrydY')).toBe(false);
    expect(isWellFormedH1('h2:G7mAYYxgmS0lVkHyy2hEOLQCFB0DlQFTMLWggykrydY=')).toBe(false);
  });
});

describe('hashZip and the zip reader', () => {
  const prefix = 'example.com/m@v1.0.0/';
  const files = [
    { name: `${prefix}go.mod`, data: utf8('module example.com/m\n') },
    { name: `${prefix}m.go`, data: utf8('package m\n'.repeat(100)) },
    { name: `${prefix}sub/é.go`, data: utf8('package sub\n') },
  ];
  const expected = hash1(files.map((f) => ({ name: f.name, contents: f.data })));

  it('gives the same hash for stored and deflated zips of the same files', () => {
    expect(expected.ok).toBe(true);
    expect(hashZip(storedZip(files))).toEqual(expected);
    expect(hashZip(writeZip(files))).toEqual(expected);
    expect(hashZip(writeZip(files.map((f) => ({ ...f, store: true }))))).toEqual(expected);
  });

  it('round-trips names and contents', () => {
    const zip = writeZip(files);
    const listed = readZipEntries(zip);
    if (!listed.ok) throw new Error(listed.error);
    expect(listed.value.map((e) => e.name)).toEqual(files.map((f) => f.name));
    listed.value.forEach((entry, i) => {
      const data = readZipEntryData(zip, entry);
      expect(data.ok && Buffer.from(data.value).equals(Buffer.from(files[i]!.data))).toBe(true);
    });
  });

  it('hashes duplicate entries twice with the last contents, as dirhash.HashZip does', () => {
    const dup = [
      { name: 'x/a', data: utf8('first') },
      { name: 'x/a', data: utf8('second') },
    ];
    const summary = `${sha256('second')}  x/a\n`.repeat(2);
    expect(hashZip(storedZip(dup))).toEqual({
      ok: true,
      value: `h1:${createHash('sha256').update(summary).digest('base64')}`,
    });
  });

  it('includes directory entries', () => {
    const withDir = [{ name: `${prefix}sub/`, data: new Uint8Array() }, ...files];
    const direct = hash1(withDir.map((f) => ({ name: f.name, contents: f.data })));
    expect(hashZip(storedZip(withDir))).toEqual(direct);
    expect(direct).not.toEqual(expected);
  });

  it('reports damage as errors', () => {
    const zip = storedZip(files);
    const flipped = new Uint8Array(zip);
    const insideFirstFile = 30 + `${prefix}go.mod`.length + 2;
    flipped[insideFirstFile] = flipped[insideFirstFile]! ^ 0xff;
    expect(hashZip(flipped)).toMatchObject({ ok: false, error: expect.stringContaining('checksum error') });
    expect(hashZip(zip.subarray(0, zip.length - 5))).toMatchObject({ ok: false });

    // A deflated entry that inflates beyond its declared size.
    const bomb = deflateRawSync(Buffer.alloc(1 << 20));
    const forged = storedZip([{ name: 'a', data: bomb }]);
    const view = Buffer.from(forged.buffer, forged.byteOffset, forged.byteLength);
    const central = view.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    view.writeUInt16LE(8, 8); // local header method: deflate
    view.writeUInt16LE(8, central + 10); // central method: deflate
    view.writeUInt32LE(10, central + 24); // declared uncompressed size: 10 bytes
    expect(hashZip(forged)).toMatchObject({
      ok: false,
      error: expect.stringContaining('larger than declared size'),
    });
  });
});

const tmpRoots: string[] = [];
afterAll(() => {
  for (const dir of tmpRoots) rmSync(dir, { recursive: true, force: true });
});

function haveCommand(cmd: string, args: string[]): boolean {
  try {
    execFileSync(cmd, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(!haveCommand('python3', ['-c', 'import zipfile']))('zips written by Python zipfile', () => {
  it('reads deflated, stored and forced-zip64 entries', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gosum-py-'));
    tmpRoots.push(dir);
    const out = join(dir, 'm.zip');
    const script = [
      'import sys, zipfile',
      'z = zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED)',
      'z.writestr("m@v1.0.0/a.go", "package a\\n" * 50)',
      'z.writestr(zipfile.ZipInfo("m@v1.0.0/stored.txt"), "stored\\n", compress_type=zipfile.ZIP_STORED)',
      'w = z.open("m@v1.0.0/zip64.txt", "w", force_zip64=True)',
      'w.write(b"zip64 entry\\n")',
      'w.close()',
      'z.close()',
    ].join('\n');
    execFileSync('python3', ['-c', script, out]);
    const zip = new Uint8Array(readFileSync(out));
    const expected = hash1([
      { name: 'm@v1.0.0/a.go', contents: utf8('package a\n'.repeat(50)) },
      { name: 'm@v1.0.0/stored.txt', contents: utf8('stored\n') },
      { name: 'm@v1.0.0/zip64.txt', contents: utf8('zip64 entry\n') },
    ]);
    expect(hashZip(zip)).toEqual(expected);
  });

  it('reads what zip(1) writes, archive comment included', () => {
    if (!haveCommand('zip', ['-v'])) return;
    const dir = mkdtempSync(join(tmpdir(), 'gosum-zip-'));
    tmpRoots.push(dir);
    writeFileSync(join(dir, 'a.txt'), 'hello\n'.repeat(30));
    execFileSync('zip', ['-q', '-z', 'out.zip', 'a.txt'], { cwd: dir, input: 'a comment\n' });
    const zip = new Uint8Array(readFileSync(join(dir, 'out.zip')));
    expect(hashZip(zip)).toEqual(hash1([{ name: 'a.txt', contents: utf8('hello\n'.repeat(30)) }]));
  });
});

describe('writeZip', () => {
  it('is deterministic', () => {
    const files = [{ name: 'a', data: utf8('x'.repeat(1000)) }];
    expect(Buffer.from(writeZip(files)).equals(Buffer.from(writeZip(files)))).toBe(true);
  });

  it('writes zip64 end records past 65534 entries and reads them back', () => {
    const entries = Array.from({ length: 65_600 }, (_, i) => ({
      name: `f${i}`,
      data: new Uint8Array(),
      store: true,
    }));
    const zip = writeZip(entries);
    const listed = readZipEntries(zip);
    expect(listed.ok && listed.value.length).toBe(65_600);
  });
});
