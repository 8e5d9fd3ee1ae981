import { describe, expect, it } from 'vitest';
import {
  build,
  canonical,
  compare,
  isValid,
  major,
  majorMinor,
  max,
  prerelease,
  sortVersions,
} from '../../src/module/semver.ts';

// Input → canonical form ('' = invalid), in ascending precedence; equal canonical forms are
// equal versions. The pairs are x/mod's own semver test table.
const ordered: [string, string][] = [
  ['bad', ''],
  ['v1-alpha.beta.gamma', ''],
  ['v1-pre', ''],
  ['v1+meta', ''],
  ['v1-pre+meta', ''],
  ['v1.2-pre', ''],
  ['v1.2+meta', ''],
  ['v1.2-pre+meta', ''],
  ['v1.0.0-alpha', 'v1.0.0-alpha'],
  ['v1.0.0-alpha.1', 'v1.0.0-alpha.1'],
  ['v1.0.0-alpha.beta', 'v1.0.0-alpha.beta'],
  ['v1.0.0-beta', 'v1.0.0-beta'],
  ['v1.0.0-beta.2', 'v1.0.0-beta.2'],
  ['v1.0.0-beta.11', 'v1.0.0-beta.11'],
  ['v1.0.0-rc.1', 'v1.0.0-rc.1'],
  ['v1', 'v1.0.0'],
  ['v1.0', 'v1.0.0'],
  ['v1.0.0', 'v1.0.0'],
  ['v1.2', 'v1.2.0'],
  ['v1.2.0', 'v1.2.0'],
  ['v1.2.3-456', 'v1.2.3-456'],
  ['v1.2.3-456.789', 'v1.2.3-456.789'],
  ['v1.2.3-456-789', 'v1.2.3-456-789'],
  ['v1.2.3-456a', 'v1.2.3-456a'],
  ['v1.2.3-pre', 'v1.2.3-pre'],
  ['v1.2.3-pre+meta', 'v1.2.3-pre'],
  ['v1.2.3-pre.1', 'v1.2.3-pre.1'],
  ['v1.2.3-zzz', 'v1.2.3-zzz'],
  ['v1.2.3', 'v1.2.3'],
  ['v1.2.3+meta', 'v1.2.3'],
  ['v1.2.3+meta-pre', 'v1.2.3'],
  ['v1.2.3+meta-pre.sha.256a', 'v1.2.3'],
];

// Further cases from the reference table and the grammar's corners.
const moreCanonical: [string, string][] = [
  ['v1.2', 'v1.2.0'],
  ['1.2.3', ''],
  ['V1.2.3', ''],
  ['v01.2.3', ''],
  ['v1.02.3', ''],
  ['v1.2.03', ''],
  ['v0.0.0', 'v0.0.0'],
  ['v1.2.3.4', ''],
  ['v1.2.3-01', ''],
  ['v1.2.3-0', 'v1.2.3-0'],
  ['v1.2.3-0a', 'v1.2.3-0a'],
  ['v1.2.3-00a', 'v1.2.3-00a'],
  ['v1.2.3-', ''],
  ['v1.2.3-a..b', ''],
  ['v1.2.3-a.', ''],
  ['v1.2.3+', ''],
  ['v1.2.3+a..b', ''],
  ['v1.2.3+01', 'v1.2.3'],
  ['v1.2.3-pre+build', 'v1.2.3-pre'],
  ['v1.2.3+incompatible', 'v1.2.3'],
  ['v1.2.3-a_b', ''],
  ['v1.2.3+a_b', ''],
  ['v1.2.3 ', ''],
  [' v1.2.3', ''],
  ['v', ''],
  ['', ''],
  ['v1.', ''],
  ['v1.2.', ''],
  ['v1..2', ''],
  ['v-1.2.3', ''],
  ['v1.2.3-ü', ''],
  ['v99999999999999999999.0.0', 'v99999999999999999999.0.0'],
];

describe('isValid / canonical', () => {
  it.each([...ordered, ...moreCanonical])('%j → %j', (input, want) => {
    expect(canonical(input)).toBe(want);
    expect(isValid(input)).toBe(want !== '');
  });
});

describe('major / majorMinor / prerelease / build', () => {
  it.each(ordered)('parts of %j', (input, canon) => {
    if (canon === '') {
      expect([major(input), majorMinor(input), prerelease(input), build(input)]).toEqual(['', '', '', '']);
      return;
    }
    expect(major(input)).toBe(canon.slice(0, canon.indexOf('.')));
    const core = input.replace(/[+-].*$/, '');
    const dots = core.split('.').length - 1;
    expect(majorMinor(input)).toBe(dots === 0 ? `${core}.0` : dots === 1 ? core : core.replace(/\.\d+$/, ''));
    const dash = canon.indexOf('-');
    expect(prerelease(input)).toBe(dash >= 0 ? canon.slice(dash) : '');
    const plus = input.indexOf('+');
    expect(build(input)).toBe(plus >= 0 ? input.slice(plus) : '');
  });

  it('handles examples from the documentation', () => {
    expect(major('v2.1.0')).toBe('v2');
    expect(majorMinor('v2.1.0')).toBe('v2.1');
    expect(majorMinor('v2')).toBe('v2.0');
    expect(prerelease('v2.1.0-pre+meta')).toBe('-pre');
    expect(build('v2.1.0+meta')).toBe('+meta');
    expect(build('v2.0.0+incompatible')).toBe('+incompatible');
    expect(major('v10.0.0')).toBe('v10');
  });
});

describe('compare', () => {
  it('orders the whole table pairwise like semver.Compare', () => {
    const mismatches: string[] = [];
    ordered.forEach(([a, ca], i) => {
      ordered.forEach(([b, cb], j) => {
        const want = ca === cb ? 0 : i < j ? -1 : 1;
        const got = compare(a, b);
        if (got !== want) mismatches.push(`compare(${a}, ${b}) = ${got}, want ${want}`);
      });
    });
    expect(mismatches).toEqual([]);
  });

  it.each([
    ['v1.2.3-pre', 'v1.2.3', -1],
    ['v1.2.3+x', 'v1.2.3', 0],
    ['v1.0.0-alpha.10', 'v1.0.0-alpha.9', 1],
    ['v1.0.0-alpha.9', 'v1.0.0-alpha.beta', -1],
    ['v1.0.0-alpha', 'v1.0.0-alpha.1', -1],
    ['v1.10.0', 'v1.9.0', 1],
    ['v10.0.0', 'v9.0.0', 1],
    ['v1.0.0-B', 'v1.0.0-a', -1],
    ['v1.0.0-1', 'v1.0.0--', -1],
    ['v99999999999999999999.0.0', 'v99999999999999999998.0.0', 1],
    ['bad', 'v0.0.0', -1],
    ['v0.0.0', 'bad', 1],
    ['bad', 'worse', 0],
    ['v1.2.4-0.20191109021931-daa7c04131f5', 'v1.2.4', -1],
    ['v1.2.4-0.20191109021931-daa7c04131f5', 'v1.2.3', 1],
    ['v2.0.0+incompatible', 'v2.0.0', 0],
  ] as const)('compare(%j, %j) = %d', (a, b, want) => {
    expect(compare(a, b)).toBe(want);
    expect(compare(b, a)).toBe(want === 0 ? 0 : -want);
  });
});

describe('max', () => {
  it('returns the canonical form of the greater version, like semver.Max', () => {
    const mismatches: string[] = [];
    ordered.forEach(([a], i) => {
      ordered.forEach(([b], j) => {
        const want = i < j ? canonical(b) : canonical(a);
        if (max(a, b) !== want) mismatches.push(`max(${a}, ${b}) = ${max(a, b)}, want ${want}`);
      });
    });
    expect(mismatches).toEqual([]);
  });

  it('drops +incompatible, as semver.Max does', () => {
    expect(max('v2.0.0+incompatible', 'v1.0.0')).toBe('v2.0.0');
  });
});

describe('sortVersions', () => {
  const golden = [
    'bad',
    'v1+meta',
    'v1-alpha.beta.gamma',
    'v1-pre',
    'v1-pre+meta',
    'v1.2+meta',
    'v1.2-pre',
    'v1.2-pre+meta',
    'v1.0.0-alpha',
    'v1.0.0-alpha.1',
    'v1.0.0-alpha.beta',
    'v1.0.0-beta',
    'v1.0.0-beta.2',
    'v1.0.0-beta.11',
    'v1.0.0-rc.1',
    'v1',
    'v1.0',
    'v1.0.0',
    'v1.2',
    'v1.2.0',
    'v1.2.3-456',
    'v1.2.3-456.789',
    'v1.2.3-456-789',
    'v1.2.3-456a',
    'v1.2.3-pre',
    'v1.2.3-pre+meta',
    'v1.2.3-pre.1',
    'v1.2.3-zzz',
    'v1.2.3',
    'v1.2.3+meta',
    'v1.2.3+meta-pre',
    'v1.2.3+meta-pre.sha.256a',
  ];

  it('matches semver.Sort: precedence first, then string order among equals', () => {
    const input = ordered.map(([v]) => v);
    // A fixed permutation, so a failure reproduces.
    const shuffled = input.map((v, i) => [v, (i * 7919) % 101] as const).sort((x, y) => x[1] - y[1]);
    expect(sortVersions(shuffled.map(([v]) => v))).toEqual(golden);
    expect(sortVersions([...input].reverse())).toEqual(golden);
  });

  it('returns a new array and leaves its input alone', () => {
    const input = ['v1.1.0', 'v1.0.0'];
    const sorted = sortVersions(input);
    expect(sorted).toEqual(['v1.0.0', 'v1.1.0']);
    expect(input).toEqual(['v1.1.0', 'v1.0.0']);
    expect(sorted).not.toBe(input);
  });
});
