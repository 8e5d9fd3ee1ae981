// Case encoding of module paths and versions ("!"-escaping), as used for module cache
// directories and GOPROXY URLs: every upper-case ASCII letter becomes '!' plus its lower-case
// form, so that paths differing only in case stay apart on case-insensitive file systems.

import { goQuote } from '../modfile/gostrings.ts';
import { checkFileNameElement, checkPath, invalidVersionMessage } from './path.ts';
import { fail, ok, type Result } from './result.ts';

const INCONSISTENCY = 'internal error: inconsistency in EscapePath';

function escapeString(s: string): Result<string> {
  for (const c of s) {
    // Callers' checks exclude '!' from paths; non-ASCII letters can still reach here from a
    // version (file names allow them), and the go command refuses those with this same message.
    if (c === '!' || c.codePointAt(0)! >= 0x80) return fail(INCONSISTENCY);
  }
  return ok(s.replace(/[A-Z]/g, (upper) => `!${upper.toLowerCase()}`));
}

function unescapeString(escaped: string): string | undefined {
  let out = '';
  let afterBang = false;
  for (const c of escaped) {
    if (c.codePointAt(0)! >= 0x80) return undefined;
    if (afterBang) {
      afterBang = false;
      if (c < 'a' || c > 'z') return undefined;
      out += c.toUpperCase();
    } else if (c === '!') {
      afterBang = true;
    } else if (c >= 'A' && c <= 'Z') {
      return undefined;
    } else {
      out += c;
    }
  }
  return afterBang ? undefined : out;
}

/** `github.com/Azure/x` → `github.com/!azure/x`; fails (with checkPath's message) for an invalid module path. */
export function escapePath(path: string): Result<string> {
  const invalid = checkPath(path);
  if (invalid) return fail(invalid.message);
  return escapeString(path);
}

/**
 * `v1.0.0-RC1` → `v1.0.0-!r!c1`. The version need not be semver (queries like branch names are
 * escaped too) but must be a valid file name without '!'.
 */
export function escapeVersion(v: string): Result<string> {
  if (checkFileNameElement(v) !== undefined || v.includes('!')) {
    return fail(invalidVersionMessage(v, 'disallowed version string'));
  }
  return escapeString(v);
}

/** `github.com/!azure/x` → `github.com/Azure/x`. */
export function unescapePath(escaped: string): Result<string> {
  const path = unescapeString(escaped);
  if (path === undefined) return fail(`invalid escaped module path ${goQuote(escaped)}`);
  const invalid = checkPath(path);
  if (invalid) return fail(`invalid escaped module path ${goQuote(escaped)}: ${invalid.message}`);
  return ok(path);
}

/** `v1.0.0-!r!c1` → `v1.0.0-RC1`. */
export function unescapeVersion(escaped: string): Result<string> {
  const v = unescapeString(escaped);
  if (v === undefined) return fail(`invalid escaped version ${goQuote(escaped)}`);
  // Go names the unescaped version here, not the escaped one.
  const reason = checkFileNameElement(v);
  if (reason !== undefined) return fail(`invalid escaped version ${goQuote(v)}: ${reason}`);
  return ok(v);
}

const utf8 = new TextEncoder();
const pathSegmentSafe = /^[A-Za-z0-9\-_.~$&+:=@]$/;

/**
 * Go's url.PathEscape with '/' left as is — what the go command sends for a proxy request.
 * Everything but ASCII letters, digits and `-_.~$&+:=@` is percent-encoded as UTF-8 bytes,
 * including the '!' of the case encoding (`!azure` travels as `%21azure`).
 */
export function urlPathEscape(path: string): string {
  let out = '';
  for (const c of path) {
    if (c === '/' || pathSegmentSafe.test(c)) {
      out += c;
      continue;
    }
    for (const byte of utf8.encode(c)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

export interface ProxyURLPath {
  /**
   * The logical GOPROXY protocol path, as documented and as laid out in a file-based proxy or
   * the module cache's download directory: `github.com/!azure/x/@v/list`.
   */
  path: string;
  /**
   * The same path as it appears on the wire (and in `go -x` / proxy logs): the go command
   * percent-encodes '!' (`github.com/%21azure/x/@v/list`), so a proxy must percent-decode the
   * request path before mapping it to files.
   */
  wire: string;
}

function joinProxyPath(escapedModule: string, suffix: string): ProxyURLPath {
  const path = `${escapedModule}/${suffix}`;
  return { path, wire: urlPathEscape(path) };
}

/**
 * The GOPROXY URL path (relative to the proxy base URL) for `suffix` under a module:
 * `proxyURLPath('github.com/Azure/x', '@v/list')` → `github.com/!azure/x/@v/list`
 * (wire: `github.com/%21azure/x/@v/list`). `suffix` is used verbatim ('@v/list', '@latest');
 * use proxyVersionURLPath for a version's .info/.mod/.zip so the version is escaped too.
 */
export function proxyURLPath(modulePath: string, suffix: string): Result<ProxyURLPath> {
  const escaped = escapePath(modulePath);
  if (!escaped.ok) return escaped;
  return ok(joinProxyPath(escaped.value, suffix));
}

/** `github.com/!azure/x/@v/v1.0.0-!r!c1.zip` for a version's info, mod or zip file. */
export function proxyVersionURLPath(
  modulePath: string,
  version: string,
  ext: 'info' | 'mod' | 'zip',
): Result<ProxyURLPath> {
  const escapedModule = escapePath(modulePath);
  if (!escapedModule.ok) return escapedModule;
  const escapedVersion = escapeVersion(version);
  if (!escapedVersion.ok) return escapedVersion;
  return ok(joinProxyPath(escapedModule.value, `@v/${escapedVersion.value}.${ext}`));
}
