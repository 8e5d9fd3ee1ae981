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
  ])('leaves ordinary text alone: %s', (input) => {
    expect(redactSecrets(input)).toBe(input);
  });

  it('redacts inside nested values without changing the input', () => {
    const input = { a: ['https://u:pw@h/x'], b: { c: 'ok', n: 3 } };
    expect(redactDeep(input)).toEqual({ a: ['https://u:***@h/x'], b: { c: 'ok', n: 3 } });
    expect(input.a[0]).toBe('https://u:pw@h/x');
  });
});
