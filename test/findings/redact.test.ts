import { describe, expect, it } from 'vitest';
import { redactDeep, redactSecrets } from '../../src/findings/redact.ts';

describe('redactSecrets', () => {
  it.each([
    [
      'https://alice:s3cret@proxy.corp.example.com/mod',
      'https://alice:***@proxy.corp.example.com/mod',
      's3cret',
    ],
    ['GOPROXY=http://u:p%40ss@127.0.0.1:3128', 'GOPROXY=http://u:***@127.0.0.1:3128', 'p%40ss'],
    [
      'fatal: unable to access https://ghp_abcdefghijklmnopqrstuvwxyz0123456789@github.com/o/r/',
      'fatal: unable to access https://***@github.com/o/r/',
      'ghp_abcdefghijklmnopqrstuvwxyz0123456789',
    ],
    [
      'machine git.corp.example.com login bob password hunter2',
      'machine git.corp.example.com login bob password ***',
      'hunter2',
    ],
    [
      'machine git.corp.example.com\n  login bob\n  password hunter2\n',
      'machine git.corp.example.com\n  login bob\n  password ***\n',
      'hunter2',
    ],
    ['Authorization: Bearer eyJhbGciOi.payload.sig', 'Authorization: Bearer ***', 'eyJhbGciOi'],
    ['GITHUB_TOKEN=abc123def', 'GITHUB_TOKEN=***', 'abc123def'],
    ['token glpat-ABCDEFGHIJKLMNOPQRST here', 'token *** here', 'glpat-ABCDEFGHIJKLMNOPQRST'],
    // A token as the URL's user name, whatever its shape.
    [
      'git clone https://s3cr3tT0ken@git.corp.example.com/x',
      'git clone https://***@git.corp.example.com/x',
      's3cr3tT0ken',
    ],
    ['GOPROXY=https://tok123@proxy.corp.example.com', 'GOPROXY=https://***@proxy.corp.example.com', 'tok123'],
    ['https://u:p@ss@host/x', 'https://u:***@host/x', 'ss@'],
    ['AUTHORIZATION: basic dXNlcjpwYXNz', 'AUTHORIZATION: basic ***', 'dXNlcjpwYXNz'],
    ['Authorization: abcdef123456', 'Authorization: ***', 'abcdef123456'],
    ['curl -H "Bearer abcdefghij123"', 'curl -H "Bearer ***"', 'abcdefghij123'],
    [
      'http.https://git.corp.example.com/.extraheader PRIVATE-TOKEN: zzzsecret',
      'http.https://git.corp.example.com/.extraheader ***',
      'zzzsecret',
    ],
    ['git -c http.extraHeader="X-Auth: zzzsecret" fetch', 'git -c http.extraHeader=***', 'zzzsecret'],
    ['GOAUTH=command /usr/bin/helper --token zzzsecret', 'GOAUTH=command ***', 'zzzsecret'],
    ["GOAUTH='command helper zzzsecret'", "GOAUTH='command ***'", 'zzzsecret'],
    ['default login bob password hunter2', 'default login bob password ***', 'hunter2'],
    [
      'protocol=https\nhost=h\nusername=bob\npassword=hunter2\n',
      'protocol=https\nhost=h\nusername=bob\npassword=***\n',
      'hunter2',
    ],
    ['https://h/x?access_token=zzzsecret&y=1', 'https://h/x?access_token=***&y=1', 'zzzsecret'],
    ['MY_API_TOKEN=zzzsecret', 'MY_API_TOKEN=***', 'zzzsecret'],
  ])('masks %s', (input, expected, secret) => {
    const out = redactSecrets(input);
    expect(out).toBe(expected);
    expect(out).not.toContain(secret);
  });

  it.each([
    'Permission denied (publickey,password).',
    'password authentication failed for user',
    'reading https://proxy.golang.org/example.com/m/@v/list: 404 Not Found',
    'git@github.com: Permission denied (publickey).',
    'ssh://git@github.com/o/r.git',
    'machine git.corp.example.com login <user> password <token>',
    'https://<user>:<token>@git.corp.example.com/team/lib',
    'https://<token>@git.corp.example.com/team/lib',
    'the default password is not set',
    'GOAUTH=netrc',
    'GOAUTH=git',
    'go: example.com/m@v1.2.3: reading https://proxy.golang.org/example.com/m/@v/v1.2.3.mod: 410 Gone',
    'GOFLAGS=-mod=mod',
  ])('leaves ordinary text alone: %s', (input) => {
    expect(redactSecrets(input)).toBe(input);
  });

  it('redacts inside nested values without changing the input', () => {
    const input = { a: ['https://u:pw@h/x'], b: { c: 'ok', n: 3 } };
    expect(redactDeep(input)).toEqual({ a: ['https://u:***@h/x'], b: { c: 'ok', n: 3 } });
    expect(input.a[0]).toBe('https://u:pw@h/x');
  });
});

/** The best of five timings (ms) of redacting each input: noise on a busy machine only adds time. */
function timeOf(inputs: readonly string[]): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    for (const input of inputs) redactSecrets(input);
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

describe('redactSecrets runs in linear time', () => {
  // Each unit repeated to one line of 64 KiB (redacted sixteen times) and one of 1 MiB (once): the
  // same number of characters, so linear work takes about as long (cache and garbage-collection
  // effects on a busy machine make it up to six times), while a pattern that backtracks over the
  // line takes sixteen times as long (in practice far more: it does not finish). The threshold of
  // 10 sits between the two.
  // The units cover every character class and every literal a rule starts at.
  const units = [
    'a',
    'A',
    '0',
    '_',
    ' ',
    '\t',
    '\n',
    ':',
    '/',
    '@',
    '.',
    '=',
    '<',
    '>',
    '"',
    "'",
    '?',
    '&',
    '-',
    '+',
    'é',
    '中',
    'a:',
    'a@',
    'a/',
    ':/',
    '//',
    'a://',
    'https://',
    'https://a',
    'https://a:',
    'https://a@',
    'A=',
    'TOKEN',
    'TOKEN_',
    'A_',
    'GOAUTH=',
    'GOAUTH=a',
    'machine ',
    'machine a ',
    'login ',
    'password ',
    'default login a ',
    'Authorization:',
    'Authorization: ',
    'Bearer ',
    'extraheader ',
    'ghp_',
    'glpat-',
    'AKIA',
    '?token=',
    '&',
    'password=',
    'a ',
    'a\t',
    '< >',
    '<a>@',
  ];
  const kib = 1024;
  it.each(units)('unit %j', (unit) => {
    const small = unit.repeat(Math.ceil((64 * kib) / unit.length));
    const large = unit.repeat(Math.ceil((1024 * kib) / unit.length));
    timeOf([small]); // warm up the regular expressions
    // Below 10 ms a timing is noise (cache and allocation effects dominate); a quadratic pass over
    // 1 MiB takes seconds, so the floor cannot hide one.
    const ratio = timeOf([large]) / Math.max(timeOf(Array.from({ length: 16 }, () => small)), 10);
    expect(ratio, `1 MiB against 16 × 64 KiB of ${JSON.stringify(unit)}`).toBeLessThan(10);
  });
});
