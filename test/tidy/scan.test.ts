// Source scanning: the header reader on odd input, the module walk (what it skips, where it
// stops), and a differential check of import positions against the go command's own messages.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHeaderConstraints } from '../../src/tidy/constraints.ts';
import { parseGoFileHeader, unquoteGoString } from '../../src/tidy/header.ts';
import { readGoFileHeader, scanGoFile, scanModule } from '../../src/tidy/scan.ts';
import { goToolchains, titleNeedingGo } from '../helpers/go-matrix.ts';
import { goEnv, runGo } from './go-run.ts';

let scratch = '';
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'tidy-scan-'));
});
afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

const enc = (s: string) => new TextEncoder().encode(s);
const header = (s: string) => parseGoFileHeader(enc(s), true);

describe('header reader', () => {
  it('reads package, imports of every form, and positions in bytes', () => {
    const h = header(
      '// c\npackage p // x\n\nimport "a"\nimport (\n\tb "b/c"\n\t. `d`\n\t_ "e\\x41"; "日本"\n)\nimport "é"\nfunc f() {}\nimport "late"\n',
    );
    expect(h.packageName).toBe('p');
    expect(h.imports.map((i) => i.path)).toEqual(['a', 'b/c', 'd', 'eA', '日本', 'é']);
    expect(h.imports.map((i) => `${i.line}:${i.column}`)).toEqual([
      '4:8',
      '6:2',
      '7:2',
      '8:2',
      '8:13',
      '10:8',
    ]);
    expect(h.error).toBeUndefined();
  });

  it('skips a BOM and copes with CRLF and block comments', () => {
    const h = header('\ufeff/* a\r\n b */ package p\r\nimport (\r\n\t"x" /* y */\r\n)\r\n');
    expect(h.packageName).toBe('p');
    expect(h.imports).toEqual([{ path: 'x', line: 4, column: 2 }]);
  });

  it('keeps the imports read before a syntax error', () => {
    const h = header('package p\nimport "a"\nimport "b\n"\n');
    expect(h.error).toBe('syntax');
    expect(h.imports.map((i) => i.path)).toEqual(['a']);
    expect(header('packagex p').error).toBe('syntax');
    expect(header('').error).toBe('syntax');
  });

  it('reports NUL bytes like the go command', () => {
    expect(parseGoFileHeader(new Uint8Array([0x70, 0x61, 0x00]), true).error).toBe('nul');
  });

  it('asks for more input instead of guessing on a truncated buffer', () => {
    expect(() => parseGoFileHeader(enc('package p\nimport ('), false)).toThrow();
    expect(header('package p\nimport (').error).toBe('syntax');
  });

  it('unquotes like strconv.Unquote', () => {
    expect(unquoteGoString(enc('"a\\u00e9\\101"'))).toBe('aéA');
    expect(unquoteGoString(enc('`a\rb`'))).toBe('ab');
    expect(unquoteGoString(enc('"a\\q"'))).toBeUndefined();
  });
});

describe('files on disk', () => {
  it('reads long headers, binary files, invalid UTF-8 and huge files without trouble', () => {
    const dir = join(scratch, 'odd');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'long.go'),
      `${'// padding padding padding\n'.repeat(2000)}//go:build ignore\n\npackage p\n\nimport "x"\n`,
    );
    writeFileSync(
      join(dir, 'bin.go'),
      Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0xff, 0xfe]),
    );
    writeFileSync(
      join(dir, 'latin1.go'),
      Buffer.concat([Buffer.from('package p\n\nimport "caf'), Buffer.from([0xe9]), Buffer.from('"\n')]),
    );
    const big = Buffer.alloc(20 << 20, 0x61);
    Buffer.from('package p\nimport "y"\nfunc x() {}\n').copy(big);
    writeFileSync(join(dir, 'big.go'), big);
    const lateNul = Buffer.alloc(1 << 20, 0x20);
    Buffer.from('this is not go').copy(lateNul);
    lateNul[lateNul.length - 1] = 0;
    writeFileSync(join(dir, 'latenul.go'), lateNul);

    const long = scanGoFile(dir, 'long.go');
    expect(long.tidy).toBe(false);
    expect(long.imports.map((i) => i.path)).toEqual(['x']);
    expect(long.imports[0]?.line).toBe(2005);
    expect(scanGoFile(dir, 'bin.go').error).toBe('unexpected NUL in input');
    expect(scanGoFile(dir, 'latin1.go').imports[0]?.path).toBe('caf\ufffd');
    // Only the header is read, whatever the file's size: the bytes read say so (no clock needed).
    const bigFile = readGoFileHeader(join(dir, 'big.go'));
    expect(bigFile.header?.imports.map((i) => i.path)).toEqual(['y']);
    expect(bigFile.header?.bytesRead).toBeLessThan(100);
    // A header that does not parse makes the go command read the whole file: a NUL anywhere counts.
    expect(scanGoFile(dir, 'latenul.go').error).toBe('unexpected NUL in input');
  });
});

describe('module walk', () => {
  it('skips what the go command skips, stops at nested modules, never follows directory links', () => {
    const root = join(scratch, 'walk');
    const files: Record<string, string> = {
      'go.mod': 'module example.com/w\n\ngo 1.25\n\nignore (\n\t./build\n\tnode_modules\n)\n',
      'a.go': 'package a\n',
      'sub/s.go': 'package sub\n',
      'sub/deeper/d.go': 'package deeper\n',
      'nested/go.mod': 'module example.com/w/nested\n',
      'nested/n.go': 'package nested\n',
      'testdata/t.go': 'package t\n',
      '_under/u.go': 'package u\n',
      '.dot/d.go': 'package d\n',
      'vendor/v.go': 'package v\n',
      'vendor/example.com/x/x.go': 'package x\n',
      'build/b.go': 'package b\n',
      'web/node_modules/m.go': 'package m\n',
      'onlyignored/i.go': '//go:build ignore\n\npackage i\n',
      'empty/readme.md': 'nothing\n',
      'target/t.go': 'package target\n',
    };
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(root, name, '..'), { recursive: true });
      writeFileSync(join(root, name), text);
    }
    symlinkSync('.', join(root, 'loop'));
    symlinkSync('..', join(root, 'sub', 'up'));
    symlinkSync('target', join(root, 'linkeddir'));
    symlinkSync('../target/t.go', join(root, 'sub', 'linked.go'));
    const scan = scanModule({ root, modulePath: 'example.com/w', ignore: ['./build', 'node_modules'] });
    expect(scan.packages.map((p) => p.importPath)).toEqual([
      'example.com/w',
      'example.com/w/sub',
      'example.com/w/sub/deeper',
      'example.com/w/target',
      'example.com/w/vendor',
    ]);
    expect(scan.packages.find((p) => p.relDir === 'sub')?.files.map((f) => f.name)).toEqual([
      'linked.go',
      's.go',
    ]);
    expect(scan.nestedModules).toEqual(['nested']);
    expect(scan.ignoredDirs.sort()).toEqual(['build', 'web/node_modules']);
    expect(scan.skippedLinks.sort()).toEqual(['linkeddir', 'loop', 'sub/up']);
  });
});

const go = goToolchains().filter((t) => ['1.19', '1.24'].includes(t.version));

describe.skipIf(go.length === 0)(titleNeedingGo('import positions against go build', go.length > 0), () => {
  for (const tc of go) {
    it(`file:line:col of missing imports match go ${tc.version}`, () => {
      const root = join(scratch, `pos-${tc.version}`);
      mkdirSync(root, { recursive: true });
      writeFileSync(join(root, 'go.mod'), 'module example.com/pos\n\ngo 1.19\n');
      const sources: Record<string, string> = {
        'a.go': 'package pos\n\nimport "nope.example/a"\n',
        'b.go':
          '// c\r\n/* d */ package pos\r\n\r\nimport (\r\n\t_ "nope.example/b"\r\n   x "nope.example/c" // e\r\n)\r\nvar _ = x.X\r\n',
        'c.go': 'package pos; import . "nope.example/d"; import "nope.example/e"\n',
        'd.go': '\ufeffpackage pos\n\nimport "nope.example/f"\n',
      };
      for (const [name, text] of Object.entries(sources)) writeFileSync(join(root, name), text);
      const res = runGo(tc, ['build', './...'], goEnv(tc, join(scratch, `pos-home-${tc.version}`)), root);
      const actual = [...res.stderr.matchAll(/^(\w+\.go):(\d+):(\d+): .*(nope\.example\/\w)/gm)].map(
        (m) => `${m[1]}:${m[2]}:${m[3]} ${m[4]}`,
      );
      expect(actual.length, res.stderr).toBeGreaterThan(0);
      const scan = scanModule({ root, modulePath: 'example.com/pos' });
      const predicted = scan.packages[0]!.files.flatMap((f) =>
        f.imports.map((i) => `${f.name}:${i.line}:${i.column} ${i.path}`),
      );
      for (const line of actual) expect(predicted).toContain(line);
    });
  }
});

describe('garbage in', () => {
  it('never throws or loops on random bytes and mangled Go', () => {
    let seed = 12345;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const pieces = [
      'package',
      ' p',
      '\n',
      'import',
      ' (',
      ')',
      '"x"',
      '`y`',
      '//go:build ',
      '// +build ',
      '/*',
      '*/',
      '\\',
      '"',
      '\r\n',
      '\ufeff',
      '\0',
      'é',
      '!',
      '&&',
      '||',
      '(',
      'linux',
      'ignore',
    ];
    for (let k = 0; k < 3000; k++) {
      let text = '';
      const n = Math.floor(rand() * 30);
      for (let j = 0; j < n; j++) text += pieces[Math.floor(rand() * pieces.length)]!;
      const bytes =
        k % 3 === 0 ? Uint8Array.from({ length: n * 3 }, () => Math.floor(rand() * 256)) : enc(text);
      const h = parseGoFileHeader(bytes, true);
      expect(Array.isArray(h.imports)).toBe(true);
      expect(() => parseHeaderConstraints(h.constraintText)).not.toThrow();
      expect(() => parseHeaderConstraints(text)).not.toThrow();
    }
  });
});
