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

function isIdentChar(c: string): boolean {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c === '-';
}

function isAllDigits(s: string): boolean {
  for (const c of s) if (!isDigit(c)) return false;
  return true;
}

/** Reads a decimal number without superfluous leading zeros at `start`; returns its end, or -1. */
function scanNumber(v: string, start: number): number {
  let end = start;
  while (isDigit(v[end])) end++;
  if (end === start) return -1;
  if (v[start] === '0' && end - start > 1) return -1;
  return end;
}

/**
 * Reads dot-separated identifiers after the '-' or '+' at `start`, up to `stop` (or the end).
 * Numeric prerelease identifiers must not have leading zeros; build identifiers may.
 */
function scanIdentifiers(v: string, start: number, stop: string | undefined, numericRule: boolean): number {
  let end = start + 1;
  let identStart = end;
  const identOk = (ident: string): boolean =>
    ident !== '' && !(numericRule && ident.length > 1 && ident[0] === '0' && isAllDigits(ident));
  while (end < v.length && v[end] !== stop) {
    const c = v[end]!;
    if (c === '.') {
      if (!identOk(v.slice(identStart, end))) return -1;
      identStart = end + 1;
    } else if (!isIdentChar(c)) {
      return -1;
    }
    end++;
  }
  if (!identOk(v.slice(identStart, end))) return -1;
  return end;
}

function parse(v: string): ParsedVersion | undefined {
  if (v[0] !== 'v') return undefined;
  const majorEnd = scanNumber(v, 1);
  if (majorEnd < 0) return undefined;
  const major = v.slice(1, majorEnd);
  if (majorEnd === v.length) {
    return { major, minor: '0', patch: '0', shorthandFill: '.0.0', prerelease: '', build: '' };
  }
  if (v[majorEnd] !== '.') return undefined;
  const minorEnd = scanNumber(v, majorEnd + 1);
  if (minorEnd < 0) return undefined;
  const minor = v.slice(majorEnd + 1, minorEnd);
  if (minorEnd === v.length) {
    return { major, minor, patch: '0', shorthandFill: '.0', prerelease: '', build: '' };
  }
  if (v[minorEnd] !== '.') return undefined;
  const patchEnd = scanNumber(v, minorEnd + 1);
  if (patchEnd < 0) return undefined;
  const patch = v.slice(minorEnd + 1, patchEnd);
  let pos = patchEnd;
  let prerelease = '';
  let build = '';
  if (v[pos] === '-') {
    const end = scanIdentifiers(v, pos, '+', true);
    if (end < 0) return undefined;
    prerelease = v.slice(pos, end);
    pos = end;
  }
  if (v[pos] === '+') {
    const end = scanIdentifiers(v, pos, undefined, false);
    if (end < 0) return undefined;
    build = v.slice(pos, end);
    pos = end;
  }
  if (pos !== v.length) return undefined;
  return { major, minor, patch, shorthandFill: '', prerelease, build };
}

export function isValid(v: string): boolean {
  return parse(v) !== undefined;
}

/** The canonical form (shorthands filled in, build metadata dropped), or '' when `v` is invalid. */
export function canonical(v: string): string {
  const p = parse(v);
  if (!p) return '';
  if (p.build !== '') return v.slice(0, v.length - p.build.length);
  return v + p.shorthandFill;
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
export function compareStrings(x: string, y: string): -1 | 0 | 1 {
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
