import { describe, expect, it } from 'vitest';
import {
  escapePath,
  escapeVersion,
  proxyURLPath,
  proxyVersionURLPath,
  unescapePath,
  unescapeVersion,
  urlPathEscape,
} from '../../src/module/escape.ts';
import { checkPathTable } from './path-cases.ts';

describe('escapePath / unescapePath', () => {
  it.each([
    [
      'ascii.com/abcdefghijklmnopqrstuvwxyz.-/~_0123456789',
      'ascii.com/abcdefghijklmnopqrstuvwxyz.-/~_0123456789',
    ],
    ['github.com/GoogleCloudPlatform/omega', 'github.com/!google!cloud!platform/omega'],
    ['github.com/Azure/azure-sdk', 'github.com/!azure/azure-sdk'],
    ['github.com/exampleorg/CaseMod', 'github.com/exampleorg/!case!mod'],
    ['github.com/Sirupsen/logrus', 'github.com/!sirupsen/logrus'],
    ['example.com/ABC/v2', 'example.com/!a!b!c/v2'],
  ])('%j ⇄ %j', (path, escaped) => {
    expect(escapePath(path)).toEqual({ ok: true, value: escaped });
    expect(unescapePath(escaped)).toEqual({ ok: true, value: path });
  });

  it('refuses every invalid module path with checkPath’s message', () => {
    for (const [path, moduleOK] of checkPathTable) {
      if (moduleOK) continue;
      const escaped = escapePath(path);
      expect(escaped.ok, path).toBe(false);
      expect(unescapePath(path).ok, path).toBe(false);
    }
    expect(escapePath('example/Foo')).toEqual({
      ok: false,
      error: 'malformed module path "example/Foo": missing dot in first path element',
    });
  });

  it.each([
    ['github.com/Azure', 'invalid escaped module path "github.com/Azure"'],
    [
      'github.com/GoogleCloudPlatform/omega',
      'invalid escaped module path "github.com/GoogleCloudPlatform/omega"',
    ],
    [
      'github.com/!google!cloud!platform!/omega',
      'invalid escaped module path "github.com/!google!cloud!platform!/omega"',
    ],
    ['github.com/!0google/omega', 'invalid escaped module path "github.com/!0google/omega"'],
    ['github.com/!_google/omega', 'invalid escaped module path "github.com/!_google/omega"'],
    ['github.com/!!x', 'invalid escaped module path "github.com/!!x"'],
    ['github.com/x!', 'invalid escaped module path "github.com/x!"'],
    ['github.com/é', 'invalid escaped module path "github.com/é"'],
    ['', 'invalid escaped module path "": malformed module path "": empty string'],
    [
      '!example.com/x',
      'invalid escaped module path "!example.com/x": malformed module path "Example.com/x": invalid char \'E\' in first path element',
    ],
    [
      'example.com/x/v1',
      'invalid escaped module path "example.com/x/v1": malformed module path "example.com/x/v1": invalid version',
    ],
  ])('unescapePath(%j) fails: %s', (escaped, error) => {
    expect(unescapePath(escaped)).toEqual({ ok: false, error });
  });
});

describe('escapeVersion / unescapeVersion', () => {
  it.each([
    ['v1.0.0', 'v1.0.0'],
    ['v1.0.0-RC1', 'v1.0.0-!r!c1'],
    ['v2.0.0+incompatible', 'v2.0.0+incompatible'],
    ['master', 'master'],
    ['Feature-X', '!feature-!x'],
    ['v1.0.0-20191109021931-DAA7c04131f5', 'v1.0.0-20191109021931-!d!a!a7c04131f5'],
  ])('%j ⇄ %j', (version, escaped) => {
    expect(escapeVersion(version)).toEqual({ ok: true, value: escaped });
    expect(unescapeVersion(escaped)).toEqual({ ok: true, value: version });
  });

  it.each([
    ['v1.0.0!', 'version "v1.0.0!" invalid: disallowed version string'],
    ['v1.0.0/x', 'version "v1.0.0/x" invalid: disallowed version string'],
    ['', 'version "" invalid: disallowed version string'],
    ['v1.0.0*', 'version "v1.0.0*" invalid: disallowed version string'],
    ['..', 'version ".." invalid: disallowed version string'],
    ['v1.', 'version "v1." invalid: disallowed version string'],
    ['con', 'version "con" invalid: disallowed version string'],
    ['v1.0.0-é', 'internal error: inconsistency in EscapePath'],
  ])('escapeVersion(%j) fails: %s', (version, error) => {
    expect(escapeVersion(version)).toEqual({ ok: false, error });
  });

  it.each([
    ['v1.0.0-RC1', 'invalid escaped version "v1.0.0-RC1"'],
    ['v1.0.0-!', 'invalid escaped version "v1.0.0-!"'],
    ['v1.0.0-!1', 'invalid escaped version "v1.0.0-!1"'],
    ['v1.0.0/x', 'invalid escaped version "v1.0.0/x": invalid char \'/\''],
    ['!con', 'invalid escaped version "Con": "Con" disallowed as path element component on Windows'],
    ['', 'invalid escaped version "": empty path element'],
  ])('unescapeVersion(%j) fails: %s', (escaped, error) => {
    expect(unescapeVersion(escaped)).toEqual({ ok: false, error });
  });
});

describe('proxy URL paths', () => {
  it('gives the protocol path and the percent-encoded wire path', () => {
    expect(proxyURLPath('github.com/Azure/x', '@v/list')).toEqual({
      ok: true,
      value: { path: 'github.com/!azure/x/@v/list', wire: 'github.com/%21azure/x/@v/list' },
    });
    expect(proxyURLPath('github.com/exampleorg/CaseMod', '@latest')).toEqual({
      ok: true,
      value: {
        path: 'github.com/exampleorg/!case!mod/@latest',
        wire: 'github.com/exampleorg/%21case%21mod/@latest',
      },
    });
    expect(proxyURLPath('golang.org/x/mod', '@v/list')).toEqual({
      ok: true,
      value: { path: 'golang.org/x/mod/@v/list', wire: 'golang.org/x/mod/@v/list' },
    });
  });

  it('escapes the version of .info/.mod/.zip requests', () => {
    expect(proxyVersionURLPath('github.com/Azure/x', 'v1.0.0-RC1', 'zip')).toEqual({
      ok: true,
      value: {
        path: 'github.com/!azure/x/@v/v1.0.0-!r!c1.zip',
        wire: 'github.com/%21azure/x/@v/v1.0.0-%21r%21c1.zip',
      },
    });
    expect(proxyVersionURLPath('example.com/m', 'v2.0.0+incompatible', 'info')).toEqual({
      ok: true,
      value: {
        path: 'example.com/m/@v/v2.0.0+incompatible.info',
        wire: 'example.com/m/@v/v2.0.0+incompatible.info',
      },
    });
  });

  it('fails on an invalid module path or version', () => {
    expect(proxyURLPath('example/m', '@v/list').ok).toBe(false);
    expect(proxyVersionURLPath('example.com/m', 'a!b', 'mod')).toEqual({
      ok: false,
      error: 'version "a!b" invalid: disallowed version string',
    });
  });

  it('percent-encodes like Go’s url.PathEscape, keeping slashes', () => {
    expect(urlPathEscape('a b/c#d/e%f/g?h/i;j,k')).toBe('a%20b/c%23d/e%25f/g%3Fh/i%3Bj%2Ck');
    expect(urlPathEscape("$&+:=@-_.~!()[]'")).toBe('$&+:=@-_.~%21%28%29%5B%5D%27');
    expect(urlPathEscape('日')).toBe('%E6%97%A5');
  });
});
