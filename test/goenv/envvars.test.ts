import { describe, expect, it } from 'vitest';
import { knownModuleFlags, splitGoFlags } from '../../src/goenv/goflags.ts';
import { parseGoSumDb, parseVerifierKey } from '../../src/goenv/gosumdb.ts';
import {
  parseGoToolchain,
  toolchainForGoLine,
  toolchainNotAvailableMessage,
} from '../../src/goenv/gotoolchain.ts';
import { allowsVcs, parseGoVcs } from '../../src/goenv/govcs.ts';
import { effectivePrivacySettings, resolvePrivacy } from '../../src/goenv/private.ts';

const SUM_GOLANG_ORG_KEY = 'sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8';

describe('parseGoSumDb', () => {
  it('knows sum.golang.org and is the default', () => {
    const want = { ok: true, kind: 'known', name: 'sum.golang.org', key: SUM_GOLANG_ORG_KEY };
    expect(parseGoSumDb('sum.golang.org')).toEqual(want);
    expect(parseGoSumDb('')).toEqual(want);
  });

  it('rewrites the China alias to the same database at another URL', () => {
    expect(parseGoSumDb('sum.golang.google.cn')).toEqual({
      ok: true,
      kind: 'known',
      name: 'sum.golang.org',
      key: SUM_GOLANG_ORG_KEY,
      url: 'https://sum.golang.google.cn',
    });
  });

  it('accepts off, a full key, and a key with a URL', () => {
    expect(parseGoSumDb('off')).toEqual({ ok: true, kind: 'off', name: '' });
    expect(parseGoSumDb(SUM_GOLANG_ORG_KEY)).toMatchObject({ ok: true, kind: 'key', name: 'sum.golang.org' });
    expect(parseGoSumDb('sum.golang.org https://goproxy.example/sumdb/sum.golang.org')).toMatchObject({
      ok: true,
      url: 'https://goproxy.example/sumdb/sum.golang.org',
    });
  });

  it.each([
    ['a b c', 'invalid GOSUMDB: too many fields'],
    ['gosum.example.com', 'invalid GOSUMDB: malformed verifier id'],
    [
      'sum.golang.org+033de0af+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8',
      'invalid GOSUMDB: invalid verifier hash',
    ],
    [
      'sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn',
      'invalid GOSUMDB: malformed verifier id',
    ],
    ['sum.golang.org http://[::1', `invalid GOSUMDB URL: parse "http://[::1": missing ']' in host`],
    ['   ', 'missing GOSUMDB'],
  ])('GOSUMDB=%j → %s', (value, error) => {
    expect(parseGoSumDb(value)).toEqual({ ok: false, error });
  });

  it('splits a verifier key into name, hash and key data', () => {
    const parsed = parseVerifierKey(SUM_GOLANG_ORG_KEY);
    expect(parsed.ok && parsed.key.name).toBe('sum.golang.org');
    expect(parsed.ok && parsed.key.hash).toBe('033de0ae');
    expect(parsed.ok && parsed.key.keyData.length).toBe(33);
  });
});

describe('parseGoVcs / allowsVcs', () => {
  it('appends the default rules', () => {
    const parsed = parseGoVcs('');
    expect(parsed.ok && parsed.rules.map((r) => r.entry)).toEqual(['private:all', 'public:git|hg']);
  });

  it('trims whitespace around entries, patterns and names', () => {
    const parsed = parseGoVcs(' github.com : git | svn , private:off ');
    expect(parsed.ok && parsed.rules[0]).toMatchObject({ pattern: 'github.com', allowed: ['git', 'svn'] });
  });

  // The go command's messages (identical in 1.19 and 1.24).
  it.each([
    ['bad', 'malformed entry in GOVCS (missing colon): "bad"'],
    ['github.com:', 'empty VCS list in GOVCS: "github.com:"'],
    [':git', 'empty pattern in GOVCS: ":git"'],
    ['a:git,,b:git', 'empty entry in GOVCS'],
    [
      'github.com:git,github.com:off',
      'unreachable pattern in GOVCS: "github.com:off" after "github.com:git"',
    ],
    ['x:git|', 'empty VCS name in GOVCS: "x:git|"'],
    ['./x:git', 'relative pattern not allowed in GOVCS: "./x"'],
    ['..:git', 'relative pattern not allowed in GOVCS: ".."'],
  ])('GOVCS=%j → %s', (value, error) => {
    expect(parseGoVcs(value)).toEqual({ ok: false, error });
  });

  it('decides by the first matching rule', () => {
    const parsed = parseGoVcs('github.com:git,evil.com:off,*:git|hg');
    if (!parsed.ok) throw new Error(parsed.error);
    expect(allowsVcs(parsed.rules, 'github.com/o/r', 'git', false).allowed).toBe(true);
    expect(allowsVcs(parsed.rules, 'github.com/o/r', 'hg', false)).toMatchObject({
      allowed: false,
      error: "GOVCS disallows using hg for public github.com/o/r; see 'go help vcs'",
    });
    expect(allowsVcs(parsed.rules, 'evil.com/x', 'git', false).allowed).toBe(false);
    expect(allowsVcs(parsed.rules, 'other.org/x', 'hg', false).allowed).toBe(true);
  });

  it('by default allows only git and hg for public and everything for private', () => {
    const parsed = parseGoVcs('');
    if (!parsed.ok) throw new Error(parsed.error);
    expect(allowsVcs(parsed.rules, 'example.com/x', 'svn', false).error).toBe(
      "GOVCS disallows using svn for public example.com/x; see 'go help vcs'",
    );
    expect(allowsVcs(parsed.rules, 'corp.example.com/x', 'svn', true).allowed).toBe(true);
  });
});

describe('splitGoFlags', () => {
  it('splits on whitespace only before quoting existed (1.19)', () => {
    // The second word looks like a flag, so 1.19 reports it as unknown (golang/go#51194).
    expect(splitGoFlags("-ldflags='-s -w'", '1.19.8')).toEqual({ ok: true, flags: ["-ldflags='-s", "-w'"] });
    expect(splitGoFlags("-ldflags='-s -w'", '1.19.8', new Set(['ldflags']))).toEqual({
      ok: false,
      error: "go: parsing $GOFLAGS: unknown flag -w'",
    });
    expect(splitGoFlags("'-ldflags=-s -w'", '1.19')).toEqual({
      ok: false,
      error: `go: parsing $GOFLAGS: non-flag "'-ldflags=-s"`,
    });
  });

  it('groups quoted words from 1.21 on', () => {
    expect(splitGoFlags("'-ldflags=-s -w' -mod=mod", '1.21.13')).toEqual({
      ok: true,
      flags: ['-ldflags=-s -w', '-mod=mod'],
    });
    expect(splitGoFlags('"-tags=magic wizardry"', '1.24')).toEqual({
      ok: true,
      flags: ['-tags=magic wizardry'],
    });
    expect(splitGoFlags("'-ldflags=-s", '1.23')).toEqual({
      ok: false,
      error: "go: parsing $GOFLAGS: unterminated ' string",
    });
  });

  it.each([
    ['-mod mod', 'go: parsing $GOFLAGS: non-flag "mod"'],
    ['-', 'go: parsing $GOFLAGS: non-flag "-"'],
    ['--', 'go: parsing $GOFLAGS: non-flag "--"'],
    ['---oops', 'go: parsing $GOFLAGS: non-flag "---oops"'],
    ['-=noname', 'go: parsing $GOFLAGS: non-flag "-=noname"'],
    ['--=noname', 'go: parsing $GOFLAGS: non-flag "--=noname"'],
  ])('GOFLAGS=%j → %s', (value, error) => {
    expect(splitGoFlags(value, '1.19')).toEqual({ ok: false, error });
    expect(splitGoFlags(value, '1.24')).toEqual({ ok: false, error });
  });

  it('reports unknown flags only with a list of known names', () => {
    expect(splitGoFlags('-nosuchflag', '1.24', new Set(['mod']))).toEqual({
      ok: false,
      error: 'go: parsing $GOFLAGS: unknown flag -nosuchflag',
    });
    expect(splitGoFlags('--mod=mod -nosuchflag', '1.24')).toEqual({
      ok: true,
      flags: ['--mod=mod', '-nosuchflag'],
    });
  });

  it('notes module-related defaults', () => {
    const notes = knownModuleFlags(['-mod=vendor', '--modcacherw', '-mod=bogus', '-insecure', '-v']);
    expect(notes.map((n) => n.kind)).toEqual(['mod-vendor', 'modcacherw', 'mod-invalid', 'insecure']);
    expect(notes[2]?.message).toBe("-mod=bogus not supported (can be '', 'mod', 'readonly', or 'vendor')");
  });
});

describe('parseGoToolchain', () => {
  it.each([
    ['', { mode: 'auto', minimum: 'local' }],
    ['auto', { mode: 'auto', minimum: 'local' }],
    ['path', { mode: 'path', minimum: 'local' }],
    ['local', { mode: 'local', minimum: 'local' }],
    ['local+auto', { mode: 'auto', minimum: 'local' }],
    ['go1.23.5', { mode: 'exact', minimum: 'go1.23.5', minimumVersion: '1.23.5' }],
    ['go1.23.5+auto', { mode: 'auto', minimum: 'go1.23.5' }],
    ['go1.23.5+path', { mode: 'path', minimum: 'go1.23.5' }],
    ['go1.21.1-bigcorp', { mode: 'exact', minimumVersion: '1.21.1' }],
  ])('GOTOOLCHAIN=%j', (value, want) => {
    expect(parseGoToolchain(value)).toMatchObject({ ok: true, ...want });
  });

  it.each([
    ['bogus', 'go: invalid GOTOOLCHAIN "bogus"'],
    ['1.22.0', 'go: invalid GOTOOLCHAIN "1.22.0"'],
    ['go1.22.0+foo', 'go: invalid GOTOOLCHAIN "go1.22.0+foo": only version suffixes are +auto and +path'],
    ['local+foo', 'go: invalid GOTOOLCHAIN "local+foo": only version suffixes are +auto and +path'],
    ['bogus+auto', 'go: invalid GOTOOLCHAIN "bogus+auto": invalid minimum toolchain "bogus"'],
    ['go2.0', 'go: invalid GOTOOLCHAIN "go2.0"'],
    ['go1.22/x', 'go: invalid GOTOOLCHAIN "go1.22/x"'],
  ])('GOTOOLCHAIN=%j → %s', (value, error) => {
    expect(parseGoToolchain(value)).toEqual({ ok: false, error });
  });

  it('maps go lines to toolchain names and explains missing downloads', () => {
    expect(toolchainForGoLine('1.22')).toBe('go1.22.0');
    expect(toolchainForGoLine('1.20')).toBe('go1.20');
    expect(toolchainForGoLine('1.21rc1')).toBe('go1.21rc1');
    expect(toolchainNotAvailableMessage('go1.22', 'linux', 'amd64')).toBe(
      'go: invalid toolchain: go1.22 is a language version but not a toolchain version (go1.22.x)',
    );
    expect(toolchainNotAvailableMessage('go1.21rc1', 'linux', 'amd64')).toBe(
      'go: download go1.21rc1 for linux/amd64: toolchain not available',
    );
  });
});

describe('resolvePrivacy', () => {
  it('defaults GONOPROXY and GONOSUMDB to GOPRIVATE, also when set but empty', () => {
    expect(effectivePrivacySettings({ GOPRIVATE: 'a.com', GONOPROXY: '' })).toEqual({
      GOPRIVATE: 'a.com',
      GONOPROXY: 'a.com',
      GONOSUMDB: 'a.com',
      GOINSECURE: '',
    });
    expect(resolvePrivacy({ GOPRIVATE: 'a.com' }, 'a.com/x')).toEqual({
      private: true,
      noProxy: true,
      noSumDb: true,
      insecure: false,
    });
  });

  it('lets none override GOPRIVATE for one purpose', () => {
    expect(resolvePrivacy({ GOPRIVATE: 'a.com', GONOSUMDB: 'none' }, 'a.com/x')).toEqual({
      private: true,
      noProxy: true,
      noSumDb: false,
      insecure: false,
    });
  });

  it('gives GOINSECURE no default', () => {
    expect(resolvePrivacy({ GOPRIVATE: '*', GOINSECURE: 'b.com' }, 'a.com/x').insecure).toBe(false);
    expect(resolvePrivacy({ GOINSECURE: 'b.com' }, 'b.com/x/y')).toEqual({
      private: false,
      noProxy: false,
      noSumDb: false,
      insecure: true,
    });
  });
});
