/**
 * GOPROXY: the list of module sources the go command tries in order, and how it falls through it.
 */

/** The value the go command uses when GOPROXY is unset or set to the empty string. */
export const DEFAULT_GOPROXY = 'https://proxy.golang.org,direct';

export type ProxyEntryKind = 'url' | 'direct' | 'off' | 'noproxy';

export interface ProxyEntry {
  kind: ProxyEntryKind;
  /** The proxy base URL after the implicit `https://` was added; only for kind 'url'. */
  url?: string;
  /** Entry as written (trimmed), before `https://` was added; absent for the implicit 'noproxy'. */
  raw?: string;
  /**
   * Followed by `|`: any error moves on to the next entry. Followed by `,` or last: only a
   * "not found" answer (404, 410) does.
   */
  fallBackOnError: boolean;
}

export type GoProxyParse = { ok: true; entries: ProxyEntry[] } | { ok: false; error: string };

/** A URL split the way Go's net/url does, enough to reproduce its validation and String(). */
interface GoUrl {
  scheme: string;
  opaque: string;
  user: { name: string; password?: string } | null;
  hasAuthority: boolean;
  host: string;
  path: string;
  /** Path as written, still percent-encoded. */
  rawPath: string;
  forceQuery: boolean;
  rawQuery: string;
  hasFragment: boolean;
  fragment: string;
}

type UrlParse = { ok: true; url: GoUrl } | { ok: false; error: string };

function isAsciiLetter(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

function isAsciiDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

function hasControlCharacter(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** Splits off a URL scheme; an error when the text starts with ':' (Go's "missing protocol scheme"). */
function splitScheme(raw: string): { scheme: string; rest: string } | { error: string } {
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i] as string;
    if (isAsciiLetter(c)) continue;
    if (isAsciiDigit(c) || c === '+' || c === '-' || c === '.') {
      if (i === 0) return { scheme: '', rest: raw };
      continue;
    }
    if (c === ':') {
      if (i === 0) return { error: 'missing protocol scheme' };
      return { scheme: raw.slice(0, i), rest: raw.slice(i + 1) };
    }
    // Any other character means there is no scheme at all.
    return { scheme: '', rest: raw };
  }
  return { scheme: '', rest: raw };
}

function isHex(c: string | undefined): boolean {
  return c !== undefined && /^[0-9A-Fa-f]$/.test(c);
}

/** Percent-decodes like Go's unescape; an error names the first bad escape. */
function percentDecode(s: string): { ok: true; value: string } | { ok: false; error: string } {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    if (c !== '%') {
      out += c;
      continue;
    }
    if (!isHex(s[i + 1]) || !isHex(s[i + 2])) {
      let bad = s.slice(i, i + 3);
      if (bad.length > 3) bad = bad.slice(0, 3);
      return { ok: false, error: `invalid URL escape "${bad}"` };
    }
    out += String.fromCharCode(Number.parseInt(s.slice(i + 1, i + 3), 16));
    i += 2;
  }
  return { ok: true, value: out };
}

function validPort(port: string): boolean {
  // The part after the host's last ':' must be empty or digits.
  return /^(:[0-9]*)?$/.test(port);
}

function parseHost(host: string): { ok: true; host: string } | { ok: false; error: string } {
  if (host.startsWith('[')) {
    const close = host.lastIndexOf(']');
    if (close < 0) return { ok: false, error: "missing ']' in host" };
    const port = host.slice(close + 1);
    if (!validPort(port)) return { ok: false, error: `invalid port "${port}" after host` };
    return { ok: true, host };
  }
  const colon = host.lastIndexOf(':');
  if (colon >= 0) {
    const port = host.slice(colon);
    if (!validPort(port)) return { ok: false, error: `invalid port "${port}" after host` };
  }
  const decoded = percentDecode(host);
  if (!decoded.ok) return decoded;
  for (const c of host) {
    if (c === ' ' || (c < ' ' && c !== ''))
      return { ok: false, error: `invalid character "${c}" in host name` };
  }
  return { ok: true, host: decoded.value };
}

/** A subset of Go's url.Parse sufficient for proxy base URLs (no relative references). */
function parseGoUrl(raw: string): UrlParse {
  const fail = (msg: string): UrlParse => ({ ok: false, error: `parse ${JSON.stringify(raw)}: ${msg}` });
  if (hasControlCharacter(raw)) return fail('net/url: invalid control character in URL');
  let rest = raw;
  let fragment = '';
  let hasFragment = false;
  const hash = rest.indexOf('#');
  if (hash >= 0) {
    hasFragment = true;
    const decoded = percentDecode(rest.slice(hash + 1));
    if (!decoded.ok) return fail(decoded.error);
    fragment = decoded.value;
    rest = rest.slice(0, hash);
  }
  const split = splitScheme(rest);
  if ('error' in split) return fail(split.error);
  const url: GoUrl = {
    scheme: split.scheme.toLowerCase(),
    opaque: '',
    user: null,
    hasAuthority: false,
    host: '',
    path: '',
    rawPath: '',
    forceQuery: false,
    rawQuery: '',
    hasFragment,
    fragment,
  };
  rest = split.rest;
  if (rest.endsWith('?') && rest.split('?').length === 2) {
    url.forceQuery = true;
    rest = rest.slice(0, -1);
  } else {
    const q = rest.indexOf('?');
    if (q >= 0) {
      url.rawQuery = rest.slice(q + 1);
      rest = rest.slice(0, q);
    }
  }
  if (!rest.startsWith('/')) {
    if (url.scheme !== '') {
      url.opaque = rest;
      return { ok: true, url };
    }
    const slash = rest.indexOf('/');
    const firstSegment = slash < 0 ? rest : rest.slice(0, slash);
    if (firstSegment.includes(':')) return fail('first path segment in URL cannot contain colon');
  }
  if ((url.scheme !== '' || !rest.startsWith('///')) && rest.startsWith('//')) {
    url.hasAuthority = true;
    const afterSlashes = rest.slice(2);
    const slash = afterSlashes.indexOf('/');
    let authority = slash < 0 ? afterSlashes : afterSlashes.slice(0, slash);
    rest = slash < 0 ? '' : afterSlashes.slice(slash);
    const at = authority.lastIndexOf('@');
    if (at >= 0) {
      const userinfo = authority.slice(0, at);
      authority = authority.slice(at + 1);
      const colon = userinfo.indexOf(':');
      const name = percentDecode(colon < 0 ? userinfo : userinfo.slice(0, colon));
      if (!name.ok) return fail(name.error);
      url.user = { name: name.value };
      if (colon >= 0) {
        const password = percentDecode(userinfo.slice(colon + 1));
        if (!password.ok) return fail(password.error);
        url.user.password = password.value;
      }
    }
    const host = parseHost(authority);
    if (!host.ok) return fail(host.error);
    url.host = host.host;
  }
  const path = percentDecode(rest);
  if (!path.ok) return fail(path.error);
  url.path = path.value;
  url.rawPath = rest;
  return { ok: true, url };
}

const PATH_SAFE = /[A-Za-z0-9\-._~$&+,/:;=@]/;

function escapePath(path: string, rawPath: string): string {
  // Go keeps the original spelling when it decodes to the same path and needs no further escaping.
  if (
    rawPath !== path &&
    percentDecode(rawPath).ok &&
    [...rawPath].every((c) => c === '%' || PATH_SAFE.test(c))
  ) {
    return rawPath;
  }
  let out = '';
  for (const byte of new TextEncoder().encode(path)) {
    const c = String.fromCharCode(byte);
    out += byte < 0x80 && PATH_SAFE.test(c) ? c : '%' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/** Go's URL.Redacted(): String() with any password shown as "xxxxx". */
function redactedUrl(url: GoUrl): string {
  let out = '';
  if (url.scheme !== '') out += url.scheme + ':';
  if (url.opaque !== '') out += url.opaque;
  else {
    if (url.scheme !== '' || url.host !== '' || url.user !== null) {
      if (url.hasAuthority || url.host !== '' || url.path !== '' || url.user !== null) {
        if (url.hasAuthority || url.host !== '' || url.user !== null) out += '//';
      }
      if (url.user !== null) {
        out += url.user.name;
        if (url.user.password !== undefined) out += ':xxxxx';
        out += '@';
      }
      out += url.host;
    }
    const path = escapePath(url.path, url.rawPath);
    if (path !== '' && !path.startsWith('/') && url.host !== '') out += '/';
    out += path;
  }
  if (url.forceQuery || url.rawQuery !== '') out += '?' + url.rawQuery;
  if (url.hasFragment) out += '#' + url.fragment;
  return out;
}

/** The check the go command applies to each proxy URL; null when it is accepted. */
function proxyUrlError(baseUrl: string): string | null {
  const parsed = parseGoUrl(baseUrl);
  if (!parsed.ok) return parsed.error;
  const url = parsed.url;
  switch (url.scheme) {
    case 'http':
    case 'https':
      return null;
    case 'file': {
      const onlyPath =
        url.opaque === '' &&
        url.user === null &&
        url.host === '' &&
        !url.forceQuery &&
        url.rawQuery === '' &&
        !url.hasFragment;
      return onlyPath ? null : `invalid file:// proxy URL with non-path elements: ${redactedUrl(url)}`;
    }
    case '':
      return `invalid proxy URL missing scheme: ${redactedUrl(url)}`;
    default:
      return `invalid proxy URL scheme (must be https, http, file): ${redactedUrl(url)}`;
  }
}

/** Entries that are not keywords and not URLs get `https://`, unless they look like an absolute path. */
function withImplicitScheme(entry: string): string {
  const looksLikeHost = /[.:/]/.test(entry);
  if (looksLikeHost && !entry.includes(':/') && !entry.startsWith('/')) return 'https://' + entry;
  return entry;
}

/**
 * Parses GOPROXY like the go command. `value` is the effective setting; the empty string stands
 * for the default, since the go command treats a set-but-empty GOPROXY as unset. `gonoproxy` is the
 * effective GONOPROXY (which defaults to GOPRIVATE): when non-empty, and GOPROXY is not exactly
 * `direct`, an implicit 'noproxy' entry comes first, sending matching modules straight to their VCS.
 */
export function parseGoProxy(value: string, gonoproxy = ''): GoProxyParse {
  const setting = value === '' ? DEFAULT_GOPROXY : value;
  const entries: ProxyEntry[] = [];
  if (gonoproxy !== '' && setting !== 'direct') entries.push({ kind: 'noproxy', fallBackOnError: false });
  let rest = setting;
  while (rest !== '') {
    const sep = rest.search(/[,|]/);
    let raw: string;
    let fallBackOnError = false;
    if (sep >= 0) {
      raw = rest.slice(0, sep);
      fallBackOnError = rest[sep] === '|';
      rest = rest.slice(sep + 1);
    } else {
      raw = rest;
      rest = '';
    }
    raw = raw.trim();
    if (raw === '') continue;
    if (raw === 'off' || raw === 'direct') {
      // Nothing can come after these: 'off' always fails hard, 'direct' is the end of the line.
      entries.push({ kind: raw, raw, fallBackOnError: false });
      break;
    }
    const url = withImplicitScheme(raw);
    const error = proxyUrlError(url);
    if (error !== null) return { ok: false, error };
    entries.push({ kind: 'url', url, raw, fallBackOnError });
  }
  if (entries.length === 0 || (entries.length === 1 && entries[0]?.kind === 'noproxy')) {
    return { ok: false, error: 'GOPROXY list is not the empty string, but contains no entries' };
  }
  return { ok: true, entries };
}

/** Whether a proxy's HTTP status means "this module or version is not here", letting `,` fall through. */
export function isNotFoundStatus(status: number): boolean {
  return status === 404 || status === 410;
}

/** What happened when the go command asked one entry. */
export type ProxyOutcome =
  | { kind: 'ok' }
  /** 404/410, a missing file under file://, or a lookup refused by `off`. */
  | { kind: 'not-found'; status?: number }
  /** The 'noproxy' entry passing a module that does not match GONOPROXY on to the proxies. */
  | { kind: 'use-proxy' }
  /** Any other HTTP status (401, 403, 500...). */
  | { kind: 'status'; status: number }
  /** Connection refused, DNS, TLS, timeout... */
  | { kind: 'transport' };

/** Turns a plain HTTP status into an outcome. */
export function outcomeForStatus(status: number): ProxyOutcome {
  if (status >= 200 && status < 300) return { kind: 'ok' };
  if (isNotFoundStatus(status)) return { kind: 'not-found', status };
  return { kind: 'status', status };
}

export type FallbackDecision =
  | { action: 'done' }
  | { action: 'next'; reason: 'not-found' | 'pipe' }
  | { action: 'stop'; reason: 'error-after-comma' | 'end-of-list' | 'terminal-entry' };

/**
 * Whether the go command moves on after `entry` produced `outcome`. `isLast` says no entry follows.
 * 'direct' and 'off' end the list anyway.
 */
export function proxyFallbackDecision(
  entry: ProxyEntry,
  outcome: ProxyOutcome,
  isLast: boolean,
): FallbackDecision {
  if (outcome.kind === 'ok') return { action: 'done' };
  if (entry.kind === 'direct' || entry.kind === 'off') return { action: 'stop', reason: 'terminal-entry' };
  const notFound = outcome.kind === 'not-found' || outcome.kind === 'use-proxy';
  if (!entry.fallBackOnError && !notFound) return { action: 'stop', reason: 'error-after-comma' };
  if (isLast) return { action: 'stop', reason: 'end-of-list' };
  return { action: 'next', reason: notFound ? 'not-found' : 'pipe' };
}

export interface ProxyAttempt {
  entry: ProxyEntry;
  outcome: ProxyOutcome;
}

/**
 * Walks the list with the given outcomes (one per entry actually asked, in order) and returns the
 * index of the attempt whose error the go command reports: an error from `direct` (or from `noproxy`
 * for a module matching GONOPROXY) wins, then the last proxy error that is not "not found", then the
 * last "not found". Null on success.
 */
export function reportedAttempt(attempts: readonly ProxyAttempt[]): number | null {
  let best: number | null = null;
  let bestRank = 0;
  for (let i = 0; i < attempts.length; i++) {
    const attempt = attempts[i] as ProxyAttempt;
    if (attempt.outcome.kind === 'ok') return null;
    const notFound = attempt.outcome.kind === 'not-found' || attempt.outcome.kind === 'use-proxy';
    const fromVcs =
      attempt.entry.kind === 'direct' ||
      (attempt.entry.kind === 'noproxy' && attempt.outcome.kind !== 'use-proxy');
    if (fromVcs) {
      best = i;
      bestRank = 2;
    } else if (bestRank <= 1 && !notFound) {
      best = i;
      bestRank = 1;
    } else if (bestRank === 0) {
      best = i;
    }
    if (!attempt.entry.fallBackOnError && !notFound) break;
  }
  return best;
}
