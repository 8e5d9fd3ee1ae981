/**
 * The glob lists of GOPRIVATE, GONOPROXY, GONOSUMDB, GOINSECURE and the GOVCS patterns.
 *
 * Glob libraries from npm (minimatch, picomatch, micromatch) don't fit: the go command uses
 * Go's path.Match, where `*` never crosses `/`, `**` is just two stars, there are no braces or
 * extglobs, `\` escapes even inside classes, a class may start with `^` only (not `!`), and a
 * malformed pattern is an error that makes the pattern silently never match. Matching is done on
 * UTF-8 bytes, like Go's strings, so classes and `?` see whole code points while literals compare
 * bytes.
 */

const encoder = new TextEncoder();

const SLASH = 0x2f;
const STAR = 0x2a;
const QUESTION = 0x3f;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const CARET = 0x5e;
const DASH = 0x2d;
const RUNE_ERROR = 0xfffd;

type Bytes = Uint8Array;

/** Decodes one code point like Go's utf8.DecodeRune: invalid input yields U+FFFD of width 1. */
function decodeRune(b: Bytes, at: number): { rune: number; width: number } {
  const b0 = b[at];
  if (b0 === undefined) return { rune: RUNE_ERROR, width: 0 };
  if (b0 < 0x80) return { rune: b0, width: 1 };
  let need: number;
  let rune: number;
  let min: number;
  if (b0 >= 0xc2 && b0 <= 0xdf) {
    need = 1;
    rune = b0 & 0x1f;
    min = 0x80;
  } else if (b0 >= 0xe0 && b0 <= 0xef) {
    need = 2;
    rune = b0 & 0x0f;
    min = 0x800;
  } else if (b0 >= 0xf0 && b0 <= 0xf4) {
    need = 3;
    rune = b0 & 0x07;
    min = 0x10000;
  } else {
    return { rune: RUNE_ERROR, width: 1 };
  }
  for (let k = 1; k <= need; k++) {
    const c = b[at + k];
    if (c === undefined || (c & 0xc0) !== 0x80) return { rune: RUNE_ERROR, width: 1 };
    rune = (rune << 6) | (c & 0x3f);
  }
  if (rune < min || rune > 0x10ffff || (rune >= 0xd800 && rune <= 0xdfff))
    return { rune: RUNE_ERROR, width: 1 };
  return { rune, width: need + 1 };
}

/** Result of matching one chunk (the single-character operators between stars). */
type ChunkResult = { kind: 'ok'; rest: number } | { kind: 'no' } | { kind: 'bad' };

/** One possibly escaped character inside a class; null when the class is malformed there. */
function classChar(p: Bytes, at: number, end: number): { rune: number; next: number } | null {
  if (at >= end) return null;
  const c = p[at];
  if (c === DASH || c === CLOSE_BRACKET) return null;
  let i = at;
  if (c === BACKSLASH) {
    i++;
    if (i >= end) return null;
  }
  const { rune, width } = decodeRune(p.subarray(0, end), i);
  const next = i + width;
  // An undecodable byte or a class that runs to the end of the chunk is malformed.
  if ((rune === RUNE_ERROR && width === 1) || next >= end) return null;
  return { rune, next };
}

/** Matches the chunk p[start:end] against the beginning of s[from:]. */
function matchChunk(p: Bytes, start: number, end: number, s: Bytes, from: number): ChunkResult {
  let i = start;
  let j = from;
  // Once failed, the rest of the chunk is still scanned so that a syntax error is reported.
  let failed = false;
  while (i < end) {
    if (!failed && j >= s.length) failed = true;
    const c = p[i] as number;
    if (c === OPEN_BRACKET) {
      let rune = 0;
      if (!failed) {
        const decoded = decodeRune(s, j);
        rune = decoded.rune;
        j += decoded.width;
      }
      i++;
      let negated = false;
      if (i < end && p[i] === CARET) {
        negated = true;
        i++;
      }
      let matched = false;
      let ranges = 0;
      for (;;) {
        if (i < end && p[i] === CLOSE_BRACKET && ranges > 0) {
          i++;
          break;
        }
        const lo = classChar(p, i, end);
        if (lo === null) return { kind: 'bad' };
        i = lo.next;
        let hi = lo.rune;
        if (p[i] === DASH) {
          const upper = classChar(p, i + 1, end);
          if (upper === null) return { kind: 'bad' };
          hi = upper.rune;
          i = upper.next;
        }
        if (lo.rune <= rune && rune <= hi) matched = true;
        ranges++;
      }
      if (matched === negated) failed = true;
    } else if (c === QUESTION) {
      if (!failed) {
        if (s[j] === SLASH) failed = true;
        j += decodeRune(s, j).width;
      }
      i++;
    } else {
      if (c === BACKSLASH) {
        i++;
        if (i >= end) return { kind: 'bad' };
      }
      if (!failed) {
        if (p[i] !== s[j]) failed = true;
        j++;
      }
      i++;
    }
  }
  return failed ? { kind: 'no' } : { kind: 'ok', rest: j };
}

/** Splits off the next chunk: leading stars, then everything up to an unbracketed star. */
function scanChunk(p: Bytes, at: number): { star: boolean; start: number; end: number } {
  let i = at;
  let star = false;
  while (i < p.length && p[i] === STAR) {
    i++;
    star = true;
  }
  const start = i;
  let inClass = false;
  for (; i < p.length; i++) {
    const c = p[i];
    if (c === BACKSLASH) {
      if (i + 1 < p.length) i++;
    } else if (c === OPEN_BRACKET) inClass = true;
    else if (c === CLOSE_BRACKET) inClass = false;
    else if (c === STAR && !inClass) break;
  }
  return { star, start, end: i };
}

/** Outcome of a glob match: malformed patterns are reported rather than thrown. */
export type GlobMatch = { ok: true; matched: boolean } | { ok: false; error: 'syntax error in pattern' };

const BAD_PATTERN: GlobMatch = { ok: false, error: 'syntax error in pattern' };

function matchBytes(p: Bytes, s: Bytes): GlobMatch {
  let pi = 0;
  let si = 0;
  nextChunk: while (pi < p.length) {
    const chunk = scanChunk(p, pi);
    pi = chunk.end;
    if (chunk.star && chunk.start === chunk.end) {
      return { ok: true, matched: s.indexOf(SLASH, si) < 0 };
    }
    const here = matchChunk(p, chunk.start, chunk.end, s, si);
    // The last chunk must consume the whole name; an earlier one may leave the rest to later chunks.
    if (here.kind === 'ok' && (here.rest === s.length || pi < p.length)) {
      si = here.rest;
      continue;
    }
    if (here.kind === 'bad') return BAD_PATTERN;
    if (chunk.star) {
      for (let k = si; k < s.length && s[k] !== SLASH; k++) {
        const later = matchChunk(p, chunk.start, chunk.end, s, k + 1);
        if (later.kind === 'ok') {
          if (pi === p.length && later.rest < s.length) continue;
          si = later.rest;
          continue nextChunk;
        }
        if (later.kind === 'bad') return BAD_PATTERN;
      }
    }
    // A non-match still has to check that the rest of the pattern is well formed.
    while (pi < p.length) {
      const rest = scanChunk(p, pi);
      pi = rest.end;
      if (matchChunk(p, rest.start, rest.end, s, s.length).kind === 'bad') return BAD_PATTERN;
    }
    return { ok: true, matched: false };
  }
  return { ok: true, matched: si === s.length };
}

/** Go's path.Match: shell-style pattern against a whole slash-separated name. */
export function pathMatch(pattern: string, name: string): GlobMatch {
  return matchBytes(encoder.encode(pattern), encoder.encode(name));
}

/** Whether a pattern is syntactically valid for path.Match. */
export function isWellFormedGlob(pattern: string): boolean {
  // Matching against the empty name scans every chunk, so it surfaces every syntax error.
  return pathMatch(pattern, '').ok;
}

/**
 * module.MatchPrefixPatterns: whether some leading run of path elements of target matches one of
 * the comma-separated globs. No whitespace is trimmed; empty and malformed globs never match.
 */
export function matchPrefixPatterns(globs: string, target: string): boolean {
  const targetBytes = encoder.encode(target);
  for (const entry of globs.split(',')) {
    // One trailing slash is forgiven (since x/mod v0.6.0-dev, i.e. already in Go 1.19).
    const glob = entry.endsWith('/') ? entry.slice(0, -1) : entry;
    if (glob === '') continue;
    let slashes = 0;
    for (const ch of glob) if (ch === '/') slashes++;
    // A glob of N+1 elements is compared with the first N+1 elements of target.
    let prefixEnd = targetBytes.length;
    for (let i = 0; i < targetBytes.length; i++) {
      if (targetBytes[i] !== SLASH) continue;
      if (slashes === 0) {
        prefixEnd = i;
        break;
      }
      slashes--;
    }
    if (slashes > 0) continue;
    const result = matchBytes(encoder.encode(glob), targetBytes.subarray(0, prefixEnd));
    if (result.ok && result.matched) return true;
  }
  return false;
}

export type PatternIssueKind =
  | 'empty-entry'
  | 'url-scheme'
  | 'surrounding-space'
  | 'extra-trailing-slash'
  | 'malformed-glob'
  | 'uppercase';

export interface PatternIssue {
  kind: PatternIssueKind;
  /** The entry as written, between commas. */
  entry: string;
  /** Index in the whole list (JavaScript string index) where the entry starts. */
  index: number;
  /** Index in the whole list of the offending part. */
  at: number;
  message: string;
}

/**
 * Observations about a GOPRIVATE-style list that make an entry silently match less than its
 * author meant. The go command never reports these; it just doesn't match.
 */
export function patternIssues(globs: string): PatternIssue[] {
  const issues: PatternIssue[] = [];
  if (globs === '') return issues;
  let index = 0;
  const entries = globs.split(',');
  entries.forEach((entry, n) => {
    const add = (kind: PatternIssueKind, at: number, message: string) =>
      issues.push({ kind, entry, index, at: index + at, message });
    if (entry === '') {
      // One trailing comma is a common harmless habit; still worth a note only if inside the list.
      if (n !== entries.length - 1 || entries.length === 1) {
        add('empty-entry', 0, 'empty entry (ignored)');
      }
    } else {
      const lead = /^\s+/.exec(entry);
      if (lead !== null) {
        add('surrounding-space', 0, `leading whitespace is part of the pattern, so "${entry}" never matches`);
      }
      const trail = /\s+$/.exec(entry);
      if (trail !== null && trail.index > 0) {
        add(
          'surrounding-space',
          trail.index,
          `trailing whitespace is part of the pattern, so "${entry}" never matches`,
        );
      }
      const scheme = /^\s*[A-Za-z][A-Za-z0-9+.-]*:\/\//.exec(entry);
      if (scheme !== null) {
        add(
          'url-scheme',
          entry.indexOf(scheme[0].trim()),
          `patterns are module path prefixes, not URLs: "${entry}" never matches a module path`,
        );
      }
      const slashes = /\/{2,}$/.exec(entry);
      if (slashes !== null) {
        add(
          'extra-trailing-slash',
          slashes.index,
          `only one trailing slash is ignored, so "${entry}" never matches a module path`,
        );
      }
      if (!isWellFormedGlob(entry.endsWith('/') ? entry.slice(0, -1) : entry)) {
        add(
          'malformed-glob',
          0,
          `"${entry}" is not a valid glob (syntax error in pattern), so it never matches`,
        );
      }
      const upper = /[A-Z]/.exec(entry);
      if (upper !== null && scheme === null) {
        add(
          'uppercase',
          upper.index,
          `matching is case-sensitive and module paths are usually lower-case: "${entry}"`,
        );
      }
    }
    index += entry.length + 1;
  });
  return issues;
}
