import { describe, expect, it } from 'vitest';
import { isWellFormedGlob, matchPrefixPatterns, pathMatch, patternIssues } from '../../src/goenv/patterns.ts';

// [pattern, name, matched, malformed]: the input/expected pairs of Go's own path.Match tests.
const pathMatchCases: [string, string, boolean, boolean][] = [
  ['abc', 'abc', true, false],
  ['*', 'abc', true, false],
  ['*c', 'abc', true, false],
  ['a*', 'a', true, false],
  ['a*', 'abc', true, false],
  ['a*', 'ab/c', false, false],
  ['a*/b', 'abc/b', true, false],
  ['a*/b', 'a/c/b', false, false],
  ['a*b*c*d*e*/f', 'axbxcxdxe/f', true, false],
  ['a*b*c*d*e*/f', 'axbxcxdxexxx/f', true, false],
  ['a*b*c*d*e*/f', 'axbxcxdxe/xxx/f', false, false],
  ['a*b*c*d*e*/f', 'axbxcxdxexxx/fff', false, false],
  ['a*b?c*x', 'abxbbxdbxebxczzx', true, false],
  ['a*b?c*x', 'abxbbxdbxebxczzy', false, false],
  ['ab[c]', 'abc', true, false],
  ['ab[b-d]', 'abc', true, false],
  ['ab[e-g]', 'abc', false, false],
  ['ab[^c]', 'abc', false, false],
  ['ab[^b-d]', 'abc', false, false],
  ['ab[^e-g]', 'abc', true, false],
  ['a\\*b', 'a*b', true, false],
  ['a\\*b', 'ab', false, false],
  ['a?b', 'a☺b', true, false],
  ['a[^a]b', 'a☺b', true, false],
  ['a???b', 'a☺b', false, false],
  ['a[^a][^a][^a]b', 'a☺b', false, false],
  ['[a-ζ]*', 'α', true, false],
  ['*[a-ζ]', 'A', false, false],
  ['a?b', 'a/b', false, false],
  ['a*b', 'a/b', false, false],
  ['[\\]a]', ']', true, false],
  ['[\\-]', '-', true, false],
  ['[x\\-]', 'x', true, false],
  ['[x\\-]', '-', true, false],
  ['[x\\-]', 'z', false, false],
  ['[\\-x]', 'x', true, false],
  ['[\\-x]', '-', true, false],
  ['[\\-x]', 'a', false, false],
  ['[]a]', ']', false, true],
  ['[-]', '-', false, true],
  ['[x-]', 'x', false, true],
  ['[x-]', '-', false, true],
  ['[x-]', 'z', false, true],
  ['[-x]', 'x', false, true],
  ['[-x]', '-', false, true],
  ['[-x]', 'a', false, true],
  ['[a-b-c]', 'a', false, true],
  ['[', 'a', false, true],
  ['[^', 'a', false, true],
  ['[^bc', 'a', false, true],
  ['a[', 'a', false, true],
  ['a[', 'ab', false, true],
  ['a[', 'x', false, true],
  ['a/b[', 'x', false, true],
  ['*x', 'xxx', true, false],
  ['\\', 'a', false, true],
];

describe('pathMatch (Go path.Match)', () => {
  it.each(pathMatchCases)('Match(%j, %j) = %s (malformed: %s)', (pattern, name, matched, malformed) => {
    const result = pathMatch(pattern, name);
    if (malformed) {
      expect(result).toEqual({ ok: false, error: 'syntax error in pattern' });
    } else {
      expect(result).toEqual({ ok: true, matched });
    }
    expect(isWellFormedGlob(pattern)).toBe(!malformed);
  });

  it('never lets a star or question mark cross a slash, unlike shell globstar', () => {
    expect(pathMatch('**', 'a/b')).toEqual({ ok: true, matched: false });
    expect(pathMatch('a/**', 'a/b')).toEqual({ ok: true, matched: true });
    expect(pathMatch('{a,b}', 'a')).toEqual({ ok: true, matched: false });
    expect(pathMatch('[!a]', 'b')).toEqual({ ok: true, matched: false });
  });

  it('compares literal bytes, so a multi-byte character is one ? but several bytes', () => {
    expect(pathMatch('é', 'é')).toEqual({ ok: true, matched: true });
    expect(pathMatch('?', 'é')).toEqual({ ok: true, matched: true });
    expect(pathMatch('??', 'é')).toEqual({ ok: true, matched: false });
  });
});

describe('matchPrefixPatterns (module.MatchPrefixPatterns)', () => {
  // The table of the go command's behaviour in the shared reference, plus x/mod's own cases.
  it.each([
    ['*.corp.example.com', 'git.corp.example.com/team/repo', true],
    ['corp.example.com', 'corp.example.com', true],
    ['corp.example.com', 'corp.example.comx/foo', false],
    ['corp.example.com/', 'corp.example.com/foo', true],
    ['corp.example.com//', 'corp.example.com/foo', false],
    ['github.com/org/*', 'github.com/org/repo/sub', true],
    ['github.com/org/*', 'github.com/org', false],
    ['github.com/*/repo', 'github.com/org/repo/v2', true],
    ['github.com/org', 'github.com/Org/repo', false],
    ['*', 'anything/at/all', true],
    ['*.example.com', 'example.com/foo', false],
    ['*example.com', 'myexample.com/foo', true],
    [',github.com/org,', 'github.com/org/x', true],
    [' github.com/org', 'github.com/org/x', false],
    ['github.com//org', 'github.com/org/x', false],
    ['github.com/[', 'github.com/[', false],
    ['none', 'github.com/org/x', false],
    ['', 'github.com/org/x', false],
    ['*/quote', 'rsc.io/quote', true],
    ['*/quote', 'rsc.io/quote/v3', true],
    ['rsc.io/quote/v3', 'rsc.io/quote', false],
    ['github.com/[', 'github.com/x', false],
    ['github.com/[,github.com/x', 'github.com/x', true],
    ['rsc.io', 'rsc.io/', true],
    ['rsc.io/', 'rsc.io/', true],
    ['git.example.com/*/*', 'git.example.com/a/b/c', true],
  ])('%j vs %j → %s', (globs, target, want) => {
    expect(matchPrefixPatterns(globs, target)).toBe(want);
  });
});

describe('patternIssues', () => {
  it('reports nothing for a clean list', () => {
    expect(patternIssues('*.corp.example.com,github.com/org/*')).toEqual([]);
    expect(patternIssues('')).toEqual([]);
  });

  it('finds a URL scheme with its position', () => {
    const issues = patternIssues('github.com/a,https://git.corp.com/x');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      kind: 'url-scheme',
      entry: 'https://git.corp.com/x',
      index: 13,
      at: 13,
    });
  });

  it('finds surrounding whitespace, which the go command keeps', () => {
    const issues = patternIssues('a.com, b.com ');
    expect(issues.map((i) => [i.kind, i.at])).toEqual([
      ['surrounding-space', 6],
      ['surrounding-space', 12],
    ]);
  });

  it('finds more than one trailing slash', () => {
    expect(patternIssues('corp.example.com//')).toEqual([
      expect.objectContaining({ kind: 'extra-trailing-slash', at: 16 }),
    ]);
    expect(patternIssues('corp.example.com/')).toEqual([]);
  });

  it('finds empty entries inside the list but tolerates one trailing comma', () => {
    expect(patternIssues('a.com,,b.com').map((i) => [i.kind, i.index])).toEqual([['empty-entry', 6]]);
    expect(patternIssues('a.com,')).toEqual([]);
    expect(patternIssues(',a.com').map((i) => i.kind)).toEqual(['empty-entry']);
  });

  it('finds malformed globs and upper-case letters', () => {
    expect(patternIssues('github.com/[').map((i) => i.kind)).toEqual(['malformed-glob']);
    expect(patternIssues('github.com/Org').map((i) => [i.kind, i.at])).toEqual([['uppercase', 11]]);
  });
});
