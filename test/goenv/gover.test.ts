import { describe, expect, it } from 'vitest';
import {
  compareGoVersions,
  goVersionLang,
  goverRulesFor,
  isLangVersion,
  isPrereleaseGoVersion,
  isValidGoVersion,
  maxGoVersion,
  parseGoVersion,
  toolchainVersion,
} from '../../src/goenv/gover.ts';

// Input/expected pairs from the go command's own version tests.
const compareCases: [string, string, number][] = [
  ['', '', 0],
  ['x', 'x', 0],
  ['', 'x', 0],
  ['1', '1.1', -1],
  ['1.5', '1.6', -1],
  ['1.5', '1.10', -1],
  ['1.6', '1.6.1', -1],
  ['1.19', '1.19.0', 0],
  ['1.19rc1', '1.19', -1],
  ['1.20', '1.20.0', 0],
  ['1.20rc1', '1.20', -1],
  ['1.21', '1.21.0', -1],
  ['1.21', '1.21rc1', -1],
  ['1.21rc1', '1.21.0', -1],
  ['1.6', '1.19', -1],
  ['1.19', '1.19.1', -1],
  ['1.19rc1', '1.19.1', -1],
  ['1.19rc1', '1.19rc2', -1],
  ['1.19.0', '1.19.1', -1],
  ['1.19rc1', '1.19.0', -1],
  ['1.19alpha3', '1.19beta2', -1],
  ['1.19beta2', '1.19rc1', -1],
  ['1.1', '1.99999999999999998', -1],
  ['1.99999999999999998', '1.99999999999999999', -1],
];

describe('compareGoVersions', () => {
  it.each(compareCases)('compare(%j, %j) = %d, and antisymmetric', (a, b, want) => {
    expect(compareGoVersions(a, b)).toBe(want);
    expect(compareGoVersions(b, a)).toBe(want === 0 ? 0 : -want);
  });

  it('sorts malformed versions before valid ones', () => {
    expect(compareGoVersions('bogus', '1')).toBe(-1);
    expect(compareGoVersions('1.21.x', '1.0')).toBe(-1);
  });

  it('orders a patch pre-release before its release only where such versions exist', () => {
    expect(compareGoVersions('1.9.2rc2', '1.9.2', 'patch-prerelease')).toBe(-1);
    expect(compareGoVersions('1.9.2rc2', '1.9.1', 'patch-prerelease')).toBe(1);
    // Up to Go 1.24 the pre-release of a patch is malformed, so it sorts first.
    expect(compareGoVersions('1.9.2rc2', '1.0', '1.24.4')).toBe(-1);
  });

  it('picks the larger version, keeping the first on ties', () => {
    expect(maxGoVersion('1.21', '1.21rc1')).toBe('1.21rc1');
    expect(maxGoVersion('1.19', '1.19.0')).toBe('1.19');
  });
});

describe('parseGoVersion', () => {
  it.each([
    ['1', { major: '1', minor: '0', patch: '0', kind: '', pre: '' }],
    ['1.2', { major: '1', minor: '2', patch: '0', kind: '', pre: '' }],
    ['1.2.3', { major: '1', minor: '2', patch: '3', kind: '', pre: '' }],
    ['1.2rc3', { major: '1', minor: '2', patch: '', kind: 'rc', pre: '3' }],
    ['1.20', { major: '1', minor: '20', patch: '0', kind: '', pre: '' }],
    ['1.21', { major: '1', minor: '21', patch: '', kind: '', pre: '' }],
    ['1.21rc3', { major: '1', minor: '21', patch: '', kind: 'rc', pre: '3' }],
    ['1.21.0', { major: '1', minor: '21', patch: '0', kind: '', pre: '' }],
    ['1.999testmod', { major: '1', minor: '999', patch: '', kind: 'testmod', pre: '' }],
    ['1.99999999999999999', { major: '1', minor: '99999999999999999', patch: '', kind: '', pre: '' }],
  ])('%s', (v, want) => {
    expect(parseGoVersion(v)).toEqual(want);
  });

  it.each([
    '',
    'go1.21',
    'v1.21',
    '1.020',
    '01.2',
    '1.',
    '1.2.',
    '1.2.3.4',
    '1.600+auto',
    '1..2',
    'rc1',
    '1.21rc01',
  ])('rejects %j', (v) => {
    expect(parseGoVersion(v)).toBeNull();
    expect(isValidGoVersion(v)).toBe(false);
  });
});

describe('isValidGoVersion', () => {
  it.each([
    ['1.2rc3', true],
    ['1.2.3', true],
    ['1.999testmod', true],
    ['1.600+auto', false],
    ['1.22', true],
    ['1.21.0', true],
    ['1.21rc2', true],
    ['1.21', true],
    ['1.20.0', true],
    ['1.20', true],
    ['1.19', true],
    ['1.3', true],
    ['1.2', true],
    ['1', true],
  ])('%s → %s', (v, want) => {
    expect(isValidGoVersion(v)).toBe(want);
    expect(isValidGoVersion(v, 'go1.21')).toBe(want);
    expect(isValidGoVersion(v, 'patch-prerelease')).toBe(want);
  });

  it('accepts patch pre-releases only in the newest rules', () => {
    expect(isValidGoVersion('1.9.2rc2', 'patch-prerelease')).toBe(true);
    expect(isValidGoVersion('1.9.2rc2', '1.24.4')).toBe(false);
    expect(isValidGoVersion('1.9.2rc2', '1.21.13')).toBe(false);
    expect(isValidGoVersion('1.9.2rc2')).toBe(false);
  });

  it.each(['1.21-rc1', '1.21RC1', '1.21 ', '1.21rc1.2'])(
    'rejects odd pre-release %j under every rule set',
    (v) => {
      for (const rules of ['go1.21', 'go1.22', 'patch-prerelease'] as const) {
        expect(isValidGoVersion(v, rules)).toBe(false);
      }
    },
  );

  it('maps a go release to its rules', () => {
    expect(goverRulesFor('1.21.13')).toBe('go1.21');
    expect(goverRulesFor('1.21rc2')).toBe('go1.21');
    expect(goverRulesFor('1.22.12')).toBe('go1.22');
    expect(goverRulesFor('1.24.4')).toBe('go1.22');
    expect(goverRulesFor('1.25.0')).toBe('patch-prerelease');
    expect(goverRulesFor(undefined)).toBe('go1.22');
  });
});

describe('isLangVersion / goVersionLang / isPrereleaseGoVersion', () => {
  it.each([
    ['1.2rc3', false],
    ['1.2.3', false],
    ['1.999testmod', false],
    ['1.22', true],
    ['1.21', true],
    ['1.20', false],
    ['1.19', false],
    ['1.3', false],
    ['1.2', false],
    ['1', false],
    ['bogus', false],
  ])('isLang(%s) = %s', (v, want) => {
    expect(isLangVersion(v)).toBe(want);
  });

  it.each([
    ['1.2rc3', '1.2'],
    ['1.2.3', '1.2'],
    ['1.2', '1.2'],
    ['1', '1'],
    ['1.999testmod', '1.999'],
    ['1.21.3', '1.21'],
    ['1.21', '1.21'],
    ['bogus', ''],
  ])('lang(%s) = %s', (v, want) => {
    expect(goVersionLang(v)).toBe(want);
  });

  it('gives "1.0" as the language of "1" only in Go 1.21', () => {
    expect(goVersionLang('1', '1.21.13')).toBe('1.0');
    expect(goVersionLang('1.0', '1.21.13')).toBe('1.0');
    expect(goVersionLang('1.0', '1.22.12')).toBe('1');
  });

  it('recognises pre-releases', () => {
    expect(isPrereleaseGoVersion('1.21rc1')).toBe(true);
    expect(isPrereleaseGoVersion('1.21.0')).toBe(false);
    expect(isPrereleaseGoVersion('x')).toBe(false);
  });
});

describe('toolchainVersion', () => {
  it.each([
    ['go1.2.3', '1.2.3'],
    ['go1.2.3-bigcorp', '1.2.3'],
    ['go1.21.3 custom', '1.21.3'],
    ['go1.21rc1', '1.21rc1'],
    ['go1.22', '1.22'],
    ['invalid', ''],
    ['1.22.0', ''],
    ['go1.22/../x', ''],
    ['gccgo-go1.20.3', ''],
    ['local', ''],
  ])('%j → %j', (name, want) => {
    expect(toolchainVersion(name)).toBe(want);
  });
});
