import { describe, expect, it } from 'vitest';
import {
  check,
  checkCanonicalVersion,
  checkFilePath,
  checkImportPath,
  checkModuleVersion,
  checkPath,
  checkPathMajor,
  invalidVersionMessage,
  isStandardImportPath,
  matchPathMajor,
  pathMajorPrefix,
  splitPathVersion,
} from '../../src/module/path.ts';
import { checkPathTable } from './path-cases.ts';

describe('checkPath / checkImportPath / checkFilePath validity (x/mod table)', () => {
  it.each(checkPathTable)('%j: module %s, import %s, file %s', (path, moduleOK, importOK, fileOK) => {
    expect(checkPath(path) === undefined).toBe(moduleOK);
    expect(checkImportPath(path) === undefined).toBe(importOK);
    expect(checkFilePath(path) === undefined).toBe(fileOK);
  });
});

describe('module path messages', () => {
  it.each([
    ['example/foo', 'missing dot in first path element'],
    ['example.com/foo/', 'trailing slash'],
    ['example.com//foo', 'double slash'],
    ['example.com/./foo', 'invalid path element "."'],
    ['example.com/../foo', 'invalid path element ".."'],
    ['example.com/foo./bar', 'trailing dot in path element'],
    ['example.com/.foo', 'leading dot in path element'],
    ['example.com/foo~1', 'trailing tilde and digits in path element'],
    ['example.com/con', '"con" disallowed as path element component on Windows'],
    ['example.com/Aux.go', '"Aux" disallowed as path element component on Windows'],
    ['example.com/LPT9.x.y', '"LPT9" disallowed as path element component on Windows'],
    ['example.com/foo bar', "invalid char ' '"],
    ['example.com/foo+bar', "invalid char '+'"],
    ['example.com/foo@v1', "invalid char '@'"],
    ['example.com:8080/foo', "invalid char ':'"],
    ['example.com/日本', "invalid char '日'"],
    ['example.com/a\tb', "invalid char '\\t'"],
    ['example.com/a\u0000b', "invalid char '\\x00'"],
    ["example.com/it's", "invalid char '\\''"],
    ['example.com/a\\b', "invalid char '\\\\'"],
    ['example.com/a\u00a0b', "invalid char '\\u00a0'"],
    ['-example.com/foo', 'leading dash'],
    ['', 'empty string'],
    ['/example.com', 'empty path element'],
    ['example.com/a\uD800', 'invalid UTF-8'],
    ['Example.com/foo', "invalid char 'E' in first path element"],
    ['ex_ample.com/foo', "invalid char '_' in first path element"],
    ['ex~ample.com/foo', "invalid char '~' in first path element"],
    ['example.com/m/v1', 'invalid version'],
    ['example.com/m/v0', 'invalid version'],
    ['example.com/m/v02', 'invalid version'],
    ['example.com/m/v2.1', 'invalid version'],
    ['gopkg.in/yaml', 'invalid version'],
    ['gopkg.in/yaml.v02', 'invalid version'],
  ])('%j: %s', (path, reason) => {
    const err = checkPath(path);
    expect(err).toBeDefined();
    expect(err?.kind).toBe('module');
    expect(err?.path).toBe(path);
    expect(err?.reason).toBe(reason);
  });

  it('quotes the path the way Go does', () => {
    expect(checkPath('example/foo')?.message).toBe(
      'malformed module path "example/foo": missing dot in first path element',
    );
    expect(checkPath('example.com/a"b')?.message).toBe(
      'malformed module path "example.com/a\\"b": invalid char \'"\'',
    );
    expect(checkPath('example.com/a\nb')?.message).toBe(
      'malformed module path "example.com/a\\nb": invalid char \'\\n\'',
    );
    expect(checkPath('example.com/a\uD800')?.message).toBe(
      'malformed module path "example.com/a\\xed\\xa0\\x80": invalid UTF-8',
    );
  });

  it('accepts upper case after the first element and common real paths', () => {
    for (const path of [
      'github.com/Azure/azure-sdk-for-go',
      'github.com/Sirupsen/logrus',
      'golang.org/x/mod',
      'gopkg.in/yaml.v2',
      'gopkg.in/yaml.v0',
      'gopkg.in/macaroon-bakery.v2-unstable',
      'gopkg.in/src-d/go-git.v4',
      'example.com/foo.v2',
      'k8s.io/client-go',
      'example.com/m/v10',
      'example.com/m/v2/sub',
      'xn--bcher-kva.example',
      'a.b/c/d/e/f_g~h',
    ]) {
      expect(checkPath(path), path).toBeUndefined();
    }
  });

  it('rejects Windows reserved names case-insensitively but only the part before the first dot', () => {
    expect(checkPath('example.com/nUl.txt/x')?.reason).toBe(
      '"nUl" disallowed as path element component on Windows',
    );
    expect(checkPath('example.com/x.con')).toBeUndefined();
    expect(checkPath('example.com/com10')).toBeUndefined();
    expect(checkPath('example.com/com0')).toBeUndefined();
    expect(checkFilePath('a/aux.go')?.message).toBe(
      'malformed file path "a/aux.go": "aux" disallowed as path element component on Windows',
    );
  });
});

describe('import and file path messages', () => {
  it.each([
    ['example.com/foo bar', 'import', 'malformed import path "example.com/foo bar": invalid char \' \''],
    ['fmt', 'import', undefined],
    ['example/foo', 'import', undefined],
    ['.hidden/pkg', 'import', undefined],
    [
      'example.com/x~1',
      'import',
      'malformed import path "example.com/x~1": trailing tilde and digits in path element',
    ],
    ['-x', 'import', 'malformed import path "-x": leading dash'],
    ['foo/bar*.go', 'file', 'malformed file path "foo/bar*.go": invalid char \'*\''],
    ['foo/bar?.go', 'file', 'malformed file path "foo/bar?.go": invalid char \'?\''],
    ['foo/a:b', 'file', 'malformed file path "foo/a:b": invalid char \':\''],
    ['foo/a|b', 'file', 'malformed file path "foo/a|b": invalid char \'|\''],
    ['foo/a;b', 'file', 'malformed file path "foo/a;b": invalid char \';\''],
    ['foo/x~1.go', 'file', undefined],
    ['-x.go', 'file', undefined],
    ['foo/.gitignore', 'file', undefined],
    ['foo/file name (1).txt', 'file', undefined],
    ['docs/日本語.md', 'file', undefined],
    ['docs/١.md', 'file', 'malformed file path "docs/١.md": invalid char \'١\''],
    ['foo/bar.', 'file', 'malformed file path "foo/bar.": trailing dot in path element'],
    ['foo/..', 'file', 'malformed file path "foo/..": invalid path element ".."'],
    ['foo/...', 'file', 'malformed file path "foo/...": invalid path element "..."'],
  ] as const)('%j as %s path', (path, kind, message) => {
    const err = kind === 'import' ? checkImportPath(path) : checkFilePath(path);
    expect(err?.message).toBe(message);
    if (err) expect(err.kind).toBe(kind);
  });
});

describe('splitPathVersion', () => {
  it.each([
    ['x.y/z', 'x.y/z', '', true],
    ['x.y/z/v2', 'x.y/z', '/v2', true],
    ['x.y/z/v3', 'x.y/z', '/v3', true],
    ['x.y/z/v10', 'x.y/z', '/v10', true],
    ['x.y/v', 'x.y/v', '', true],
    ['x.y/z/v1', 'x.y/z/v1', '', false],
    ['x.y/z/v0', 'x.y/z/v0', '', false],
    ['x.y/z/v02', 'x.y/z/v02', '', false],
    ['x.y/z/v2.1', 'x.y/z/v2.1', '', false],
    ['x.y/z/v2.', 'x.y/z/v2.', '', false],
    ['x.y/zv2', 'x.y/zv2', '', true],
    ['x.y/z.v2', 'x.y/z.v2', '', true],
    ['v2', 'v2', '', true],
    ['/v2', '', '/v2', true],
    ['x/v2', 'x', '/v2', true],
    ['gopkg.in/yaml.v0', 'gopkg.in/yaml', '.v0', true],
    ['gopkg.in/yaml.v1', 'gopkg.in/yaml', '.v1', true],
    ['gopkg.in/yaml.v2', 'gopkg.in/yaml', '.v2', true],
    ['gopkg.in/yaml.v3', 'gopkg.in/yaml', '.v3', true],
    ['gopkg.in/macaroon-bakery.v2-unstable', 'gopkg.in/macaroon-bakery', '.v2-unstable', true],
    ['gopkg.in/src-d/go-git.v4', 'gopkg.in/src-d/go-git', '.v4', true],
    ['gopkg.in/yaml', 'gopkg.in/yaml', '', false],
    ['gopkg.in/yaml.v00', 'gopkg.in/yaml.v00', '', false],
    ['gopkg.in/yaml.v02', 'gopkg.in/yaml.v02', '', false],
    ['gopkg.in/yaml/v2', 'gopkg.in/yaml/v2', '', false],
    ['gopkg.in/yaml.v', 'gopkg.in/yaml.v', '', false],
  ] as const)('%j → %j + %j (ok %s)', (path, prefix, pathMajor, ok) => {
    expect(splitPathVersion(path)).toEqual({ prefix, pathMajor, ok });
  });

  it('always splits into pieces that add up to the input', () => {
    for (const [path] of checkPathTable) {
      const { prefix, pathMajor } = splitPathVersion(path);
      expect(prefix + pathMajor).toBe(path);
    }
  });
});

describe('checkPathMajor / matchPathMajor', () => {
  it.each([
    ['v0.0.0', '', true],
    ['v0.0.0', '/v2', false],
    ['v0.0.0', '.v0', true],
    ['v0.0.0-20190510104115-cbcb75029529', '.v1', true],
    ['v1.0.0', '/v2', false],
    ['v1.0.0', '.v1', true],
    ['v1.0.0', '.v1-unstable', true],
    ['v2.0.0+incompatible', '', true],
    ['v2.0.0', '', false],
    ['v2.0.0', '/v2', true],
    ['v2.0.0', '.v2', true],
    ['v1.0.0+incompatible', '', true],
    ['v2.0.0+incompatible', '/v2', true],
    ['v0.0.0', '.v1', false],
    ['v2.3.4', '.v2-unstable', true],
  ] as const)('matchPathMajor(%j, %j) = %s', (version, pathMajor, want) => {
    expect(matchPathMajor(version, pathMajor)).toBe(want);
    expect(checkPathMajor(version, pathMajor) === undefined).toBe(want);
  });

  it.each([
    ['v2.0.0', '', 'should be v0 or v1, not v2'],
    ['v1.0.0', '/v2', 'should be v2, not v1'],
    ['v3.1.0', '/v2', 'should be v2, not v3'],
    ['v0.8.0', '.v1', 'should be v1, not v0'],
    ['v1.0.0', '.v2-unstable', 'should be v2, not v1'],
    ['bad', '', 'should be v0 or v1, not '],
  ])('checkPathMajor(%j, %j) = %j', (version, pathMajor, reason) => {
    expect(checkPathMajor(version, pathMajor)).toBe(reason);
  });
});

describe('pathMajorPrefix', () => {
  it.each([
    ['', ''],
    ['/v2', 'v2'],
    ['/v10', 'v10'],
    ['.v0', 'v0'],
    ['.v1', 'v1'],
    ['.v2-unstable', 'v2'],
    ['v2', ''],
    ['/v02', ''],
    ['/x', ''],
  ])('%j → %j', (pathMajor, want) => {
    expect(pathMajorPrefix(pathMajor)).toBe(want);
  });
});

describe('check (module.Check)', () => {
  it.each([
    ['rsc.io/quote', '0.1.0', false],
    ['rsc io/quote', 'v1.0.0', false],
    ['github.com/go-yaml/yaml', 'v0.8.0', true],
    ['github.com/go-yaml/yaml', 'v1.0.0', true],
    ['github.com/go-yaml/yaml', 'v2.0.0', false],
    ['github.com/go-yaml/yaml', 'v2.1.5', false],
    ['github.com/go-yaml/yaml', 'v3.0.0', false],
    ['github.com/go-yaml/yaml/v2', 'v1.0.0', false],
    ['github.com/go-yaml/yaml/v2', 'v2.0.0', true],
    ['github.com/go-yaml/yaml/v2', 'v2.1.5', true],
    ['github.com/go-yaml/yaml/v2', 'v3.0.0', false],
    ['gopkg.in/yaml.v0', 'v0.8.0', true],
    ['gopkg.in/yaml.v0', 'v1.0.0', false],
    ['gopkg.in/yaml.v0', 'v2.0.0', false],
    ['gopkg.in/yaml.v0', 'v2.1.5', false],
    ['gopkg.in/yaml.v0', 'v3.0.0', false],
    ['gopkg.in/yaml.v1', 'v0.8.0', false],
    ['gopkg.in/yaml.v1', 'v1.0.0', true],
    ['gopkg.in/yaml.v1', 'v2.0.0', false],
    ['gopkg.in/yaml.v1', 'v2.1.5', false],
    ['gopkg.in/yaml.v1', 'v3.0.0', false],
    ['gopkg.in/check.v1', 'v0.0.0', false],
    ['gopkg.in/check.v1', 'v0.0.0-20160102150405-abcdef123456', true],
    ['gopkg.in/yaml.v2', 'v1.0.0', false],
    ['gopkg.in/yaml.v2', 'v2.0.0', true],
    ['gopkg.in/yaml.v2', 'v2.1.5', true],
    ['gopkg.in/yaml.v2', 'v3.0.0', false],
    ['rsc.io/quote', 'v17.0.0', false],
    ['rsc.io/quote', 'v17.0.0+incompatible', true],
  ] as const)('check(%j, %j) ok=%s', (path, version, ok) => {
    expect(check(path, version) === undefined).toBe(ok);
  });

  it('words errors like module.Check', () => {
    expect(check('example.com/m', 'v2.0.0')).toBe(
      'example.com/m@v2.0.0: invalid version: should be v0 or v1, not v2',
    );
    expect(check('example.com/m/v2', 'v1.0.0')).toBe(
      'example.com/m/v2@v1.0.0: invalid version: should be v2, not v1',
    );
    expect(check('example.com/m', 'latest')).toBe(
      'example.com/m@latest: invalid version: not a semantic version',
    );
    expect(check('example/m', 'v1.0.0')).toBe(
      'malformed module path "example/m": missing dot in first path element',
    );
  });

  it('gives the go.mod form of a version error too', () => {
    expect(checkModuleVersion('example.com/m', 'v2.0.0')).toEqual({
      kind: 'version',
      path: 'example.com/m',
      version: 'v2.0.0',
      reason: 'should be v0 or v1, not v2',
      message: 'example.com/m@v2.0.0: invalid version: should be v0 or v1, not v2',
      versionMessage: 'version "v2.0.0" invalid: should be v0 or v1, not v2',
    });
    expect(checkModuleVersion('example/m', 'v1.0.0')?.kind).toBe('path');
    expect(checkModuleVersion('example.com/m', 'v1.0.0')).toBeUndefined();
  });
});

describe('checkCanonicalVersion (go mod edit -exclude / -retract)', () => {
  it.each([
    ['example.com/m', '', 'must be of the form v1.2.3'],
    ['example.com/m', '1.0.0', 'must be of the form v1.2.3'],
    ['example.com/m', 'v1.2', 'must be of the form v1.2.3'],
    ['example.com/m', 'v1.2.3+meta', 'must be of the form v1.2.3'],
    ['example.com/m/v2', 'v2.0', 'must be of the form v2.2.3'],
    ['gopkg.in/yaml.v3', 'v3', 'must be of the form v3.2.3'],
    ['example.com/m/v2', 'v1.0.0', 'should be v2, not v1'],
    ['example.com/m', 'v2.0.0', 'should be v2.0.0+incompatible (or module example.com/m/v2)'],
    ['example.com/m', 'v3.1.0-pre', 'should be v3.1.0-pre+incompatible (or module example.com/m/v3)'],
    ['example.com/m', 'v2.0.0+incompatible', undefined],
    ['example.com/m', 'v1.0.0+incompatible', undefined],
    ['example.com/m', 'v1.2.3', undefined],
    ['example.com/m/v2', 'v2.0.0', undefined],
    ['example.com/m/v1', 'v2.0.0', undefined],
  ])('%j %j → %j', (path, version, reason) => {
    expect(checkCanonicalVersion(path, version)).toBe(reason);
  });

  it('composes with invalidVersionMessage into the go command text', () => {
    const reason = checkCanonicalVersion('example.com/m', 'v2.0.0') ?? '';
    expect(invalidVersionMessage('v2.0.0', reason)).toBe(
      'version "v2.0.0" invalid: should be v2.0.0+incompatible (or module example.com/m/v2)',
    );
    expect(invalidVersionMessage('v1.0.0-2019', 'syntax error', true)).toBe(
      'pseudo-version "v1.0.0-2019" invalid: syntax error',
    );
  });
});

describe('isStandardImportPath', () => {
  it.each([
    ['fmt', true],
    ['net/http', true],
    ['golang.org/x/net', false],
    ['example/foo', true],
    ['github.com/a/b', false],
    ['cmd/go', true],
    ['a/b.c', true],
  ] as const)('%j → %s', (path, want) => {
    expect(isStandardImportPath(path)).toBe(want);
  });
});
