/**
 * GOSUMDB: which checksum database verifies downloaded modules, with which key, reached how.
 */
import { createHash } from 'node:crypto';

/** The value the go command uses when GOSUMDB is unset or empty. */
const DEFAULT_GOSUMDB = 'sum.golang.org';

/** Names the go command knows the verifier key of. */
const KNOWN_SUMDB_KEYS: Readonly<Record<string, string>> = {
  'sum.golang.org': 'sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8',
};

/** A mirror of sum.golang.org reachable from mainland China; the go command rewrites it to name + URL. */
const SUMDB_CHINA_ALIAS = 'sum.golang.google.cn';

export type GoSumDbKind =
  /** GOSUMDB=off: no verification. */
  | 'off'
  /** A name whose key is built in (sum.golang.org, or its alias sum.golang.google.cn). */
  | 'known'
  /** An explicit verifier key NAME+HASH+KEYDATA. */
  | 'key';

export type GoSumDbParse =
  | {
      ok: true;
      kind: GoSumDbKind;
      /** Database name (host[/path]); '' for 'off'. */
      name: string;
      /** Verifier key NAME+HASH+KEYDATA; absent for 'off'. */
      key?: string;
      /**
       * Explicit base URL (second field); the database is then reached there directly, never through
       * GOPROXY. Without it the go command tries each GOPROXY entry's /sumdb/NAME/ first.
       */
      url?: string;
    }
  | { ok: false; error: string };

/** Why a verifier key is refused, in golang.org/x/mod/sumdb/note's words. */
export type VerifierKeyError =
  | 'malformed verifier id'
  | 'invalid verifier hash'
  | 'unknown verifier algorithm';

/** The parts of a verifier key NAME+HASH+KEYDATA (KEYDATA is base64 of an algorithm byte and the key). */
export interface VerifierKey {
  name: string;
  /** 8 hex digits: the first 4 bytes of SHA-256(name "\n" keydata). */
  hash: string;
  /** Decoded key data: algorithm byte (1 = Ed25519) followed by the public key. */
  keyData: Uint8Array;
}

const ED25519 = 1;

function isSpace(c: string): boolean {
  // unicode.IsSpace: ASCII whitespace plus U+0085, U+00A0 and the Unicode Z categories.
  return /[\s\u0085]/u.test(c);
}

function isValidSumDbKeyName(name: string): boolean {
  return name !== '' && !name.includes('+') && ![...name].some(isSpace) && !name.includes('\uFFFD');
}

/** Go's base64.StdEncoding: padded, standard alphabet; null when not decodable. */
function decodeStdBase64(s: string): Uint8Array | null {
  if (s.length % 4 !== 0 || !/^[A-Za-z0-9+/]*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(s)) return null;
  return new Uint8Array(Buffer.from(s, 'base64'));
}

function cutAtPlus(s: string): [string, string] {
  const i = s.indexOf('+');
  return i < 0 ? [s, ''] : [s.slice(0, i), s.slice(i + 1)];
}

/** Splits and checks a verifier key like the go command (hash and algorithm included). */
export function parseVerifierKey(
  vkey: string,
): { ok: true; key: VerifierKey } | { ok: false; error: VerifierKeyError } {
  const [name, afterName] = cutAtPlus(vkey);
  const [hash, key64] = cutAtPlus(afterName);
  const keyData = decodeStdBase64(key64);
  if (
    !/^[0-9A-Fa-f]{8}$/.test(hash) ||
    keyData === null ||
    !isValidSumDbKeyName(name) ||
    keyData.length === 0
  ) {
    return { ok: false, error: 'malformed verifier id' };
  }
  const digest = createHash('sha256').update(name).update('\n').update(keyData).digest();
  if (digest.readUInt32BE(0) !== Number.parseInt(hash, 16))
    return { ok: false, error: 'invalid verifier hash' };
  if (keyData[0] !== ED25519) return { ok: false, error: 'unknown verifier algorithm' };
  if (keyData.length !== 33) return { ok: false, error: 'malformed verifier id' };
  return { ok: true, key: { name, hash, keyData } };
}

/** Whether a database name is not a plain host[/path] (the go command refuses it). */
function sumDbNameProblem(name: string): boolean {
  if (name.endsWith('/')) return true;
  const slash = name.indexOf('/');
  const host = slash < 0 ? name : name.slice(0, slash);
  if (host === '' || /[?#@%\\]/.test(name)) return true;
  return false;
}

/**
 * Parses GOSUMDB like the go command: `off`, a known name, a verifier key, optionally followed by a
 * base URL. `value` is the effective setting; the empty string stands for the default.
 */
export function parseGoSumDb(value: string): GoSumDbParse {
  const setting = value === '' ? DEFAULT_GOSUMDB : value;
  if (setting === 'off') return { ok: true, kind: 'off', name: '' };
  const rewritten = setting === SUMDB_CHINA_ALIAS ? `sum.golang.org https://${SUMDB_CHINA_ALIAS}` : setting;
  const fields = rewritten.split(/\s+/).filter((f) => f !== '');
  const first = fields[0];
  if (first === undefined) return { ok: false, error: 'missing GOSUMDB' };
  if (fields.length > 2) return { ok: false, error: 'invalid GOSUMDB: too many fields' };
  const known = KNOWN_SUMDB_KEYS[first];
  const vkey = known ?? first;
  const parsed = parseVerifierKey(vkey);
  if (!parsed.ok) return { ok: false, error: `invalid GOSUMDB: ${parsed.error}` };
  const name = parsed.key.name;
  if (sumDbNameProblem(name))
    return { ok: false, error: `invalid sumdb name (must be host[/path]): ${name}` };
  const result: GoSumDbParse = { ok: true, kind: known !== undefined ? 'known' : 'key', name, key: vkey };
  const url = fields[1];
  if (url !== undefined) {
    const problem = sumDbUrlProblem(url);
    if (problem !== null) return { ok: false, error: `invalid GOSUMDB URL: ${problem}` };
    result.url = url;
  }
  return result;
}

/** The few ways Go's url.Parse rejects an absolute URL; null when it parses. */
function sumDbUrlProblem(url: string): string | null {
  const quoted = JSON.stringify(url);
  if ([...url].some((c) => c < ' ' || c === '\x7f'))
    return `parse ${quoted}: net/url: invalid control character in URL`;
  if (url.startsWith(':')) return `parse ${quoted}: missing protocol scheme`;
  const authority = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^/?#]*)/.exec(url)?.[1];
  if (authority !== undefined) {
    const host = authority.slice(authority.lastIndexOf('@') + 1);
    if (host.startsWith('[') && !host.includes(']')) return `parse ${quoted}: missing ']' in host`;
    const port = host.startsWith('[')
      ? host.slice(host.lastIndexOf(']') + 1)
      : host.slice(host.lastIndexOf(':'));
    if (host.includes(':') && !/^(:[0-9]*)?$/.test(port))
      return `parse ${quoted}: invalid port "${port}" after host`;
  }
  const badEscape = /%(?![0-9A-Fa-f]{2})/.exec(url);
  if (badEscape !== null)
    return `parse ${quoted}: invalid URL escape "${url.slice(badEscape.index, badEscape.index + 3)}"`;
  return null;
}
