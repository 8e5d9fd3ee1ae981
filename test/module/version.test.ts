import { describe, expect, it } from 'vitest';
import {
  canonicalVersion,
  checkPseudoVersionSyntax,
  formatPseudoVersionTime,
  isIncompatible,
  isPseudoVersion,
  isZeroPseudoVersion,
  pseudoVersion,
  pseudoVersionBase,
  pseudoVersionRev,
  pseudoVersionTime,
  zeroPseudoVersion,
} from '../../src/module/version.ts';

// [major, older tag, pseudo-version built at 2006-01-02T15:04:05Z for revision "hash"]: x/mod's table.
const pseudoTable: [string, string, string][] = [
  ['', '', 'v0.0.0-20060102150405-hash'],
  ['v0', '', 'v0.0.0-20060102150405-hash'],
  ['v1', '', 'v1.0.0-20060102150405-hash'],
  ['v2', '', 'v2.0.0-20060102150405-hash'],
  ['unused', 'v0.0.0', 'v0.0.1-0.20060102150405-hash'],
  ['unused', 'v1.2.3', 'v1.2.4-0.20060102150405-hash'],
  ['unused', 'v1.2.99999999999999999', 'v1.2.100000000000000000-0.20060102150405-hash'],
  ['unused', 'v1.2.3-pre', 'v1.2.3-pre.0.20060102150405-hash'],
  ['unused', 'v1.3.0-pre', 'v1.3.0-pre.0.20060102150405-hash'],
  ['unused', 'v0.0.0--', 'v0.0.0--.0.20060102150405-hash'],
  ['unused', 'v1.0.0+metadata', 'v1.0.1-0.20060102150405-hash+metadata'],
  ['unused', 'v2.0.0+incompatible', 'v2.0.1-0.20060102150405-hash+incompatible'],
  ['unused', 'v2.3.0-pre+incompatible', 'v2.3.0-pre.0.20060102150405-hash+incompatible'],
];

const pseudoTime = new Date(Date.UTC(2006, 0, 2, 15, 4, 5));

describe('canonicalVersion / isIncompatible', () => {
  it.each([
    ['v1.2', 'v1.2.0'],
    ['v1.2.3+meta', 'v1.2.3'],
    ['v2.0.0+incompatible', 'v2.0.0+incompatible'],
    ['v2+incompatible', ''],
    ['v2.0+incompatible', ''],
    ['v2.0.0-pre+incompatible', 'v2.0.0-pre+incompatible'],
    ['v2.0.0+incompatible.x', 'v2.0.0'],
    ['bad', ''],
    ['v0.0.0-20191109021931-daa7c04131f5+incompatible', 'v0.0.0-20191109021931-daa7c04131f5+incompatible'],
  ])('%j → %j', (v, want) => {
    expect(canonicalVersion(v)).toBe(want);
  });

  it('recognizes exactly the +incompatible build suffix on a valid version', () => {
    expect(isIncompatible('v2.0.0+incompatible')).toBe(true);
    expect(isIncompatible('v2.0.0')).toBe(false);
    expect(isIncompatible('v2.0.0+incompatible.1')).toBe(false);
    expect(isIncompatible('v2+incompatible')).toBe(false);
  });
});

describe('pseudoVersion', () => {
  it.each(pseudoTable)('pseudoVersion(%j, %j) = %j', (major, older, want) => {
    expect(pseudoVersion(major, older, pseudoTime, 'hash')).toBe(want);
  });

  it('builds the three forms from the reference', () => {
    const t = new Date(Date.UTC(2019, 10, 9, 2, 19, 31));
    expect(pseudoVersion('v0', '', t, 'daa7c04131f5')).toBe('v0.0.0-20191109021931-daa7c04131f5');
    expect(pseudoVersion('', 'v1.2.3', t, 'daa7c04131f5')).toBe('v1.2.4-0.20191109021931-daa7c04131f5');
    expect(pseudoVersion('', 'v1.2.0-pre', new Date(Date.UTC(2023, 3, 2, 3, 4, 5)), '19afb9cb29df')).toBe(
      'v1.2.0-pre.0.20230402030405-19afb9cb29df',
    );
  });

  it('formats the time in UTC, whatever the Date was built from', () => {
    const t = new Date('2019-11-09T10:19:31+08:00');
    expect(formatPseudoVersionTime(t)).toBe('20191109021931');
    expect(pseudoVersion('v0', '', new Date(Number.NaN), 'abc')).toBe('');
  });

  it('builds the zero pseudo-version', () => {
    expect(zeroPseudoVersion('')).toBe('v0.0.0-00010101000000-000000000000');
    expect(zeroPseudoVersion('v2')).toBe('v2.0.0-00010101000000-000000000000');
    expect(isZeroPseudoVersion('v0.0.0-00010101000000-000000000000')).toBe(true);
    expect(isZeroPseudoVersion('v3.0.0-00010101000000-000000000000')).toBe(true);
    expect(isZeroPseudoVersion('v0.0.0-00010101000000-000000000001')).toBe(false);
    expect(isZeroPseudoVersion('v0.0.0')).toBe(false);
  });
});

describe('isPseudoVersion', () => {
  it.each(pseudoTable)('table row %#', (_major, older, version) => {
    expect(isPseudoVersion(version)).toBe(true);
    expect(isPseudoVersion(older)).toBe(false);
  });

  it.each([
    ['v0.0.0-20191109021931-daa7c04131f5', true],
    ['v1.2.4-0.20191109021931-daa7c04131f5', true],
    ['v1.2.0-pre.0.20230402030405-19afb9cb29df', true],
    ['v2.0.0-20191109021931-daa7c04131f5+incompatible', true],
    ['v7.0.0-20191109021931-daa7c04131f5', true],
    ['v1.2.3-20191109021931-daa7c04131f5', false],
    ['v0.0.0-2019110902193-daa7c04131f5', false],
    ['v0.0.0-201911090219310-daa7c04131f5', false],
    ['v0.0.0-20191109021931-', false],
    ['v0.0.0-20191109021931-daa7_c04131f5', false],
    ['v1.2.4-1.20191109021931-daa7c04131f5', false],
    ['v1.2.4-0.20191109021931-daa7c04131f5+a..b', false],
    ['v0.0.0-20191109021931', false],
    ['v1.0.0', false],
    ['', false],
  ] as const)('%j → %s', (v, want) => {
    expect(isPseudoVersion(v)).toBe(want);
  });
});

describe('pseudoVersionTime / pseudoVersionRev / pseudoVersionBase', () => {
  it.each(pseudoTable)('parses %j %j %j back', (_major, older, version) => {
    expect(pseudoVersionTime(version)).toEqual({ ok: true, value: pseudoTime });
    expect(pseudoVersionRev(version)).toEqual({ ok: true, value: 'hash' });
    expect(pseudoVersionBase(version)).toEqual({ ok: true, value: older });
    expect(pseudoVersionTime(older).ok).toBe(false);
    expect(pseudoVersionRev(older).ok).toBe(false);
  });

  it('words a syntax error like the go command', () => {
    expect(pseudoVersionTime('---')).toEqual({
      ok: false,
      error: 'pseudo-version "---" invalid: syntax error',
    });
    expect(pseudoVersionRev('v1.2.3-20191109021931-daa7c04131f5')).toEqual({
      ok: false,
      error: 'pseudo-version "v1.2.3-20191109021931-daa7c04131f5" invalid: syntax error',
    });
  });

  it.each([
    ['v0.0.0-20191399021931-daa7c04131f5', '20191399021931'],
    ['v0.0.0-20190229000000-daa7c04131f5', '20190229000000'],
    ['v0.0.0-20190431000000-daa7c04131f5', '20190431000000'],
    ['v0.0.0-20190100000000-daa7c04131f5', '20190100000000'],
    ['v0.0.0-20190101240000-daa7c04131f5', '20190101240000'],
    ['v0.0.0-20190101006000-daa7c04131f5', '20190101006000'],
    ['v0.0.0-20190101000060-daa7c04131f5', '20190101000060'],
  ])('rejects the impossible time in %j', (v, ts) => {
    expect(pseudoVersionTime(v)).toEqual({
      ok: false,
      error: `pseudo-version "${v}" invalid: malformed time "${ts}"`,
    });
  });

  it('accepts leap days and years below 100', () => {
    const leap = pseudoVersionTime('v0.0.0-20200229235959-daa7c04131f5');
    expect(leap.ok && leap.value.toISOString()).toBe('2020-02-29T23:59:59.000Z');
    const zero = pseudoVersionTime('v0.0.0-00010101000000-000000000000');
    expect(zero.ok && zero.value.getUTCFullYear()).toBe(1);
    expect(pseudoVersionTime('v0.0.0-19000229000000-daa7c04131f5').ok).toBe(false);
    expect(pseudoVersionTime('v0.0.0-20000229000000-daa7c04131f5').ok).toBe(true);
  });

  it.each([
    ['v0.0.0', 'syntax error'],
    ['v0.0.0-', 'syntax error'],
    ['v0.0.0-0.20060102150405-hash', 'version before v0.0.0 would have negative patch number'],
    ['v0.1.0-0.20060102150405-hash', 'version before v0.1.0 would have negative patch number'],
    ['v1.0.0-0.20060102150405-hash', 'version before v1.0.0 would have negative patch number'],
    ['v0.0.0-20060102150405-hash+incompatible', 'lacks base version, but has build metadata "+incompatible"'],
    ['v0.0.0-20060102150405-hash+metadata', 'lacks base version, but has build metadata "+metadata"'],
  ])('pseudoVersionBase(%j) fails: %s', (v, reason) => {
    expect(pseudoVersionBase(v)).toEqual({ ok: false, error: `pseudo-version "${v}" invalid: ${reason}` });
  });

  it('decrements multi-digit patches', () => {
    expect(pseudoVersionBase('v1.2.100-0.20060102150405-hash')).toEqual({ ok: true, value: 'v1.2.99' });
    expect(pseudoVersionBase('v1.2.10-0.20060102150405-hash')).toEqual({ ok: true, value: 'v1.2.9' });
    expect(pseudoVersionBase('v1.2.1-0.20060102150405-hash')).toEqual({ ok: true, value: 'v1.2.0' });
  });
});

describe('checkPseudoVersionSyntax', () => {
  it.each([
    ['v0.0.0-20191109021931-daa7c04131f5', '', undefined],
    ['v1.2.4-0.20191109021931-daa7c04131f5', '', undefined],
    ['v2.0.0-20191109021931-daa7c04131f5+incompatible', '', undefined],
    ['v2.0.1-0.20191109021931-daa7c04131f5+incompatible', '', undefined],
    ['v2.0.0-20191109021931-daa7c04131f5', '/v2', undefined],
    [
      'v1.2.3-20191109021931-daa7c04131f5',
      '',
      'pseudo-version "v1.2.3-20191109021931-daa7c04131f5" invalid: syntax error',
    ],
    [
      'v2.0.0-20191109021931-daa7c04131f5',
      '',
      'version "v2.0.0-20191109021931-daa7c04131f5" invalid: should be v0 or v1, not v2',
    ],
    [
      'v1.0.0-20191109021931-daa7c04131f5',
      '/v2',
      'version "v1.0.0-20191109021931-daa7c04131f5" invalid: should be v2, not v1',
    ],
    [
      'v1.0.0-20191109021931-daa7c04131f5',
      '',
      'pseudo-version "v1.0.0-20191109021931-daa7c04131f5" invalid: major version without preceding tag must be v0, not v1',
    ],
    ['v1.0.0-20191109021931-daa7c04131f5', '.v1', undefined],
    [
      'v0.0.0-20191399021931-daa7c04131f5',
      '',
      'pseudo-version "v0.0.0-20191399021931-daa7c04131f5" invalid: malformed time "20191399021931"',
    ],
    [
      'v1.0.0-0.20191109021931-daa7c04131f5',
      '',
      'pseudo-version "v1.0.0-0.20191109021931-daa7c04131f5" invalid: version before v1.0.0 would have negative patch number',
    ],
    [
      'v2.0.0-20191109021931-daa7c04131f5+incompatible.x',
      '',
      'version "v2.0.0-20191109021931-daa7c04131f5+incompatible.x" invalid: should be v0 or v1, not v2',
    ],
  ])('%j with path suffix %j', (v, pathMajor, message) => {
    expect(checkPseudoVersionSyntax(v, pathMajor)?.message).toBe(message);
  });

  it('reports the bare reason separately', () => {
    expect(checkPseudoVersionSyntax('v0.0.0-20191399021931-daa7c04131f5')).toEqual({
      version: 'v0.0.0-20191399021931-daa7c04131f5',
      reason: 'malformed time "20191399021931"',
      message: 'pseudo-version "v0.0.0-20191399021931-daa7c04131f5" invalid: malformed time "20191399021931"',
    });
  });
});
