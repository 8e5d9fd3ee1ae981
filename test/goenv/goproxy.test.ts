import { describe, expect, it } from 'vitest';
import {
  DEFAULT_GOPROXY,
  isNotFoundStatus,
  outcomeForStatus,
  type ProxyAttempt,
  type ProxyEntry,
  parseGoProxy,
  proxyFallbackDecision,
  reportedAttempt,
} from '../../src/goenv/goproxy.ts';

describe('parseGoProxy', () => {
  it('parses the default list', () => {
    expect(parseGoProxy(DEFAULT_GOPROXY)).toEqual({
      ok: true,
      entries: [
        {
          kind: 'url',
          url: 'https://proxy.golang.org',
          raw: 'https://proxy.golang.org',
          fallBackOnError: false,
        },
        { kind: 'direct', raw: 'direct', fallBackOnError: false },
      ],
    });
  });

  it('treats the empty string as the default, since set-but-empty means unset', () => {
    expect(parseGoProxy('')).toEqual(parseGoProxy(DEFAULT_GOPROXY));
  });

  it('takes the fallback from the separator after each entry', () => {
    const parsed = parseGoProxy('a.example|b.example,c.example');
    expect(parsed.ok && parsed.entries.map((e) => [e.url, e.fallBackOnError])).toEqual([
      ['https://a.example', true],
      ['https://b.example', false],
      ['https://c.example', false],
    ]);
  });

  it('trims entries, skips empty ones, and stops at off/direct', () => {
    const parsed = parseGoProxy(' , https://p.example ,, direct, ftp://ignored');
    expect(parsed.ok && parsed.entries.map((e) => e.kind)).toEqual(['url', 'direct']);
    const off = parseGoProxy('off|https://p.example');
    expect(off.ok && off.entries).toEqual([{ kind: 'off', raw: 'off', fallBackOnError: false }]);
  });

  it('adds https:// only to host-like entries', () => {
    const parsed = parseGoProxy('localhost:3000,proxy.example.com/sub,file:///srv/proxy,http://p.example');
    expect(parsed.ok && parsed.entries.map((e) => e.url)).toEqual([
      'https://localhost:3000',
      'https://proxy.example.com/sub',
      'file:///srv/proxy',
      'http://p.example',
    ]);
  });

  it('puts the implicit noproxy entry first when GONOPROXY is non-empty, unless GOPROXY is exactly direct', () => {
    const parsed = parseGoProxy('https://p.example', 'corp.example.com');
    expect(parsed.ok && parsed.entries[0]).toEqual({ kind: 'noproxy', fallBackOnError: false });
    const direct = parseGoProxy('direct', 'corp.example.com');
    expect(direct.ok && direct.entries.map((e) => e.kind)).toEqual(['direct']);
    const directComma = parseGoProxy('direct,', 'corp.example.com');
    expect(directComma.ok && directComma.entries.map((e) => e.kind)).toEqual(['noproxy', 'direct']);
  });

  // The go command's validation errors (shared reference table, verified with go1.19 and go1.24).
  it.each([
    ['foo', 'invalid proxy URL missing scheme: foo'],
    ['noproxy', 'invalid proxy URL missing scheme: noproxy'],
    ['foo bar', 'invalid proxy URL missing scheme: foo%20bar'],
    ['/abs/path', 'invalid proxy URL missing scheme: /abs/path'],
    ['ftp://x.example', 'invalid proxy URL scheme (must be https, http, file): ftp://x.example'],
    ['file://relative/path', 'invalid file:// proxy URL with non-path elements: file://relative/path'],
    ['http://[::1', `parse "http://[::1": missing ']' in host`],
    ['://x', 'parse "://x": missing protocol scheme'],
    [',', 'GOPROXY list is not the empty string, but contains no entries'],
    [' ', 'GOPROXY list is not the empty string, but contains no entries'],
    [
      'https://p.example,ftp://user:secret@x.example',
      'invalid proxy URL scheme (must be https, http, file): ftp://user:xxxxx@x.example',
    ],
    ['p.example:port', 'parse "https://p.example:port": invalid port ":port" after host'],
    // No ':/', so it gets https:// and then fails as a port.
    ['file:relative', 'parse "https://file:relative": invalid port ":relative" after host'],
    ['file:///srv/x?q', 'invalid file:// proxy URL with non-path elements: file:///srv/x?q'],
  ])('GOPROXY=%j → %s', (value, error) => {
    expect(parseGoProxy(value)).toEqual({ ok: false, error });
  });

  it('reports the no-entries error when only the implicit noproxy entry remains', () => {
    expect(parseGoProxy(',', 'corp.example.com')).toEqual({
      ok: false,
      error: 'GOPROXY list is not the empty string, but contains no entries',
    });
  });

  it('accepts https:// with no host (it fails only at request time)', () => {
    expect(parseGoProxy('https://').ok).toBe(true);
  });
});

describe('fallback', () => {
  const comma: ProxyEntry = { kind: 'url', url: 'https://a', fallBackOnError: false };
  const pipe: ProxyEntry = { kind: 'url', url: 'https://b', fallBackOnError: true };
  const direct: ProxyEntry = { kind: 'direct', fallBackOnError: false };

  it('treats only 404 and 410 as not found', () => {
    expect([200, 401, 403, 404, 410, 500].map(isNotFoundStatus)).toEqual([
      false,
      false,
      false,
      true,
      true,
      false,
    ]);
  });

  it('moves on after a comma entry only on not found, after a pipe entry on anything', () => {
    expect(proxyFallbackDecision(comma, outcomeForStatus(404), false)).toEqual({
      action: 'next',
      reason: 'not-found',
    });
    expect(proxyFallbackDecision(comma, outcomeForStatus(403), false)).toEqual({
      action: 'stop',
      reason: 'error-after-comma',
    });
    expect(proxyFallbackDecision(comma, { kind: 'transport' }, false)).toEqual({
      action: 'stop',
      reason: 'error-after-comma',
    });
    expect(proxyFallbackDecision(pipe, outcomeForStatus(500), false)).toEqual({
      action: 'next',
      reason: 'pipe',
    });
    expect(proxyFallbackDecision(pipe, outcomeForStatus(500), true)).toEqual({
      action: 'stop',
      reason: 'end-of-list',
    });
    expect(proxyFallbackDecision(direct, { kind: 'transport' }, true)).toEqual({
      action: 'stop',
      reason: 'terminal-entry',
    });
    expect(proxyFallbackDecision(comma, outcomeForStatus(200), false)).toEqual({ action: 'done' });
  });

  it('reports the error the go command would print', () => {
    const s404: ProxyAttempt = { entry: comma, outcome: outcomeForStatus(404) };
    const s410: ProxyAttempt = { entry: comma, outcome: outcomeForStatus(410) };
    const s500pipe: ProxyAttempt = { entry: pipe, outcome: outcomeForStatus(500) };
    const s502pipe: ProxyAttempt = { entry: pipe, outcome: outcomeForStatus(502) };
    const directFail: ProxyAttempt = { entry: direct, outcome: { kind: 'transport' } };
    // s404,s410 → the 410 (last not-found)
    expect(reportedAttempt([s404, s410])).toBe(1);
    // s404|s500 → the 500
    expect(
      reportedAttempt([
        { entry: pipe, outcome: outcomeForStatus(404) },
        { ...s500pipe, entry: comma },
      ]),
    ).toBe(1);
    // s500|s502|404 → the last non-not-found proxy error
    expect(reportedAttempt([s500pipe, s502pipe, s404])).toBe(1);
    // direct's error wins
    expect(reportedAttempt([s500pipe, directFail])).toBe(1);
    // a noproxy entry that hands the module on does not count as a direct error
    const noproxy: ProxyEntry = { kind: 'noproxy', fallBackOnError: false };
    expect(reportedAttempt([{ entry: noproxy, outcome: { kind: 'use-proxy' } }, s404])).toBe(1);
    expect(reportedAttempt([{ entry: noproxy, outcome: { kind: 'transport' } }])).toBe(0);
    expect(reportedAttempt([s404, { entry: comma, outcome: { kind: 'ok' } }])).toBeNull();
  });
});
