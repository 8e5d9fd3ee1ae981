// Semantic versions as the go command understands them (golang.org/x/mod/semver): a mandatory
// leading 'v', the shorthands vMAJOR and vMAJOR.MINOR, and SemVer 2.0.0 precedence otherwise.

interface ParsedVersion {
  major: string;
  minor: string;
  patch: string;
  /** What canonical() appends to a shorthand ('.0.0' for vMAJOR, '.0' for vMAJOR.MINOR). */
  shorthandFill: string;
  prerelease: string;
  build: string;
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function isAllDigits(s: string): boolean {
  for (const c of s) if (!isDigit(c)) return false;
  return true;
}

// The scanners below work on char codes rather than one-character strings: every go.mod
// version goes through parse(), and this keeps it free of per-character allocations.

/** Reads a decimal number without superfluous leading zeros at `start`; returns its end, or -1. */
function scanNumber(v: string, start: number): number {
  let end = start;
  while (end < v.length) {
    const c = v.charCodeAt(end);
    if (c < 0x30 || c > 0x39) break;
    end++;
  }
  if (end === start) return -1;
  if (v.charCodeAt(start) === 0x30 && end - start > 1) return -1;
  return end;
}

/**
 * Reads dot-separated identifiers after the '-' or '+' at `start`, up to the char code `stop`
 * (or the end; -1 never matches). Numeric prerelease identifiers must not have leading zeros;
 * build identifiers may.
 */
function scanIdentifiers(v: string, start: number, stop: number, numericRule: boolean): number {
  let end = start + 1;
  let identStart = end;
  let allDigits = true;
  for (; end < v.length; end++) {
    const c = v.charCodeAt(end);
    if (c === stop) break;
    if (c === 0x2e) {
      if (!identOk(v, identStart, end, allDigits, numericRule)) return -1;
      identStart = end + 1;
      allDigits = true;
    } else if (c >= 0x30 && c <= 0x39) {
      // digit: keeps allDigits
    } else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2d) {
      allDigits = false;
    } else {
      return -1;
    }
  }
  if (!identOk(v, identStart, end, allDigits, numericRule)) return -1;
  return end;
}

/** A non-empty identifier, and for prereleases no numeric one with a leading zero. */
function identOk(v: string, start: number, end: number, allDigits: boolean, numericRule: boolean): boolean {
  if (end === start) return false;
  return !(numericRule && allDigits && end - start > 1 && v.charCodeAt(start) === 0x30);
}

/**
 * Where scanSemver found the parts of the last version it accepted: the ends of major, minor
 * and patch (equal to the previous end for a missing shorthand part) and of the prerelease.
 * Module-level scratch rather than a result object: every go.mod version is scanned, and the
 * callers on that path (canonicalVersion, checkPathMajor) need a few indices, not an allocation.
 */
const scanned = { majorEnd: 0, minorEnd: 0, patchEnd: 0, prereleaseEnd: 0 };

/** Whether `v` is a semantic version; on success `scanned` describes it. */
export function scanSemver(v: string): boolean {
  if (v.charCodeAt(0) !== 0x76) return false;
  const majorEnd = scanNumber(v, 1);
  if (majorEnd < 0) return false;
  scanned.majorEnd = majorEnd;
  if (majorEnd === v.length) {
    scanned.minorEnd = scanned.patchEnd = scanned.prereleaseEnd = majorEnd;
    return true;
  }
  if (v.charCodeAt(majorEnd) !== 0x2e) return false;
  const minorEnd = scanNumber(v, majorEnd + 1);
  if (minorEnd < 0) return false;
  scanned.minorEnd = minorEnd;
  if (minorEnd === v.length) {
    scanned.patchEnd = scanned.prereleaseEnd = minorEnd;
    return true;
  }
  if (v.charCodeAt(minorEnd) !== 0x2e) return false;
  const patchEnd = scanNumber(v, minorEnd + 1);
  if (patchEnd < 0) return false;
  scanned.patchEnd = patchEnd;
  let pos = patchEnd;
  if (v.charCodeAt(pos) === 0x2d) {
    pos = scanIdentifiers(v, pos, 0x2b, true);
    if (pos < 0) return false;
  }
  scanned.prereleaseEnd = pos;
  if (v.charCodeAt(pos) === 0x2b) {
    pos = scanIdentifiers(v, pos, -1, false);
    if (pos < 0) return false;
  }
  return pos === v.length;
}

/** After a successful scanSemver(v): the major version, 'v2' for 'v2.1.0'. */
export function scannedMajor(v: string): string {
  return v.slice(0, scanned.majorEnd);
}

/** After a successful scanSemver(v): the build metadata, '+meta' for 'v1.0.0+meta'. */
export function scannedBuild(v: string): string {
  return v.slice(scanned.prereleaseEnd);
}

/** After a successful scanSemver(v): canonical(v). */
export function scannedCanonical(v: string): string {
  if (scanned.prereleaseEnd < v.length) return v.slice(0, scanned.prereleaseEnd);
  if (scanned.majorEnd === v.length) return `${v}.0.0`;
  if (scanned.minorEnd === v.length) return `${v}.0`;
  return v;
}

function parse(v: string): ParsedVersion | undefined {
  if (!scanSemver(v)) return undefined;
  const { majorEnd, minorEnd, patchEnd, prereleaseEnd } = scanned;
  const shorthand = majorEnd === v.length ? 2 : minorEnd === v.length ? 1 : 0;
  return {
    major: v.slice(1, majorEnd),
    minor: shorthand === 2 ? '0' : v.slice(majorEnd + 1, minorEnd),
    patch: shorthand > 0 ? '0' : v.slice(minorEnd + 1, patchEnd),
    shorthandFill: shorthand === 2 ? '.0.0' : shorthand === 1 ? '.0' : '',
    prerelease: v.slice(patchEnd, prereleaseEnd),
    build: v.slice(prereleaseEnd),
  };
}

export function isValid(v: string): boolean {
  return parse(v) !== undefined;
}

/** The canonical form (shorthands filled in, build metadata dropped), or '' when `v` is invalid. */
export function canonical(v: string): string {
  return scanSemver(v) ? scannedCanonical(v) : '';
}

/** 'v2' for 'v2.1.0'; '' when invalid. */
export function major(v: string): string {
  const p = parse(v);
  return p ? `v${p.major}` : '';
}

/** 'v2.1' for 'v2.1.0', 'v2.0' for 'v2'; '' when invalid. */
export function majorMinor(v: string): string {
  const p = parse(v);
  return p ? `v${p.major}.${p.minor}` : '';
}

/** '-rc.1' for 'v1.0.0-rc.1+meta'; '' when there is none or `v` is invalid. */
export function prerelease(v: string): string {
  return parse(v)?.prerelease ?? '';
}

/** '+meta' for 'v1.0.0+meta'; '' when there is none or `v` is invalid. */
export function build(v: string): string {
  return parse(v)?.build ?? '';
}

function compareNumbers(x: string, y: string): -1 | 0 | 1 {
  if (x === y) return 0;
  // Neither has leading zeros, so the longer one is the larger; this also avoids Number overflow.
  if (x.length !== y.length) return x.length < y.length ? -1 : 1;
  return x < y ? -1 : 1;
}

/** Byte order of the UTF-8 encodings, as Go compares strings (equal to code point order). */
function compareStrings(x: string, y: string): -1 | 0 | 1 {
  if (x === y) return 0;
  const xs = x[Symbol.iterator]();
  const ys = y[Symbol.iterator]();
  for (;;) {
    const cx = xs.next();
    const cy = ys.next();
    if (cx.done || cy.done) return cx.done ? -1 : 1;
    if (cx.value === cy.value) continue;
    return cx.value.codePointAt(0)! < cy.value.codePointAt(0)! ? -1 : 1;
  }
}

function comparePrerelease(x: string, y: string): -1 | 0 | 1 {
  if (x === y) return 0;
  if (x === '') return 1;
  if (y === '') return -1;
  const xs = x.slice(1).split('.');
  const ys = y.slice(1).split('.');
  const common = Math.min(xs.length, ys.length);
  for (let i = 0; i < common; i++) {
    const dx = xs[i]!;
    const dy = ys[i]!;
    if (dx === dy) continue;
    const xNumeric = isAllDigits(dx);
    const yNumeric = isAllDigits(dy);
    if (xNumeric !== yNumeric) return xNumeric ? -1 : 1;
    return xNumeric ? compareNumbers(dx, dy) : compareStrings(dx, dy);
  }
  return xs.length < ys.length ? -1 : 1;
}

/**
 * Semantic-version precedence. Build metadata is ignored; every invalid version is below every
 * valid one, and two invalid versions compare equal.
 */
export function compare(a: string, b: string): -1 | 0 | 1 {
  const pa = parse(a);
  const pb = parse(b);
  if (!pa && !pb) return 0;
  if (!pa) return -1;
  if (!pb) return 1;
  return (
    compareNumbers(pa.major, pb.major) ||
    compareNumbers(pa.minor, pb.minor) ||
    compareNumbers(pa.patch, pb.patch) ||
    comparePrerelease(pa.prerelease, pb.prerelease)
  );
}

/**
 * The greater of the two, canonicalized (like the deprecated semver.Max: note that this drops a
 * '+incompatible' suffix, which is why the go command itself avoids it for module versions).
 */
export function max(a: string, b: string): string {
  const ca = canonical(a);
  const cb = canonical(b);
  return compare(ca, cb) > 0 ? ca : cb;
}

/** A sorted copy: by precedence, ties (such as differing build metadata) broken by plain string order. */
export function sortVersions(list: readonly string[]): string[] {
  return [...list].sort((a, b) => compare(a, b) || compareStrings(a, b));
}
