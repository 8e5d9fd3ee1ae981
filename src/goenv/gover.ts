/**
 * Go toolchain and language versions as the go command understands them since Go 1.21
 * ("1.21" is a language version, "1.21.0" and "1.21rc1" are toolchain versions).
 * Versions here carry no "go" prefix; see toolchainVersion for names like "go1.21.3".
 *
 * Before Go 1.21 the go command had no such notion: a go.mod `go` line was checked by a
 * regular expression in the go.mod parser instead. Asking about an older release here
 * applies the earliest (Go 1.21) rules.
 */

/** The parts of a version, kept as decimal strings so that huge numbers compare exactly. */
export interface ParsedGoVersion {
  major: string;
  /** '' when absent (only possible for language versions from 1.21 on). */
  minor: string;
  /** '' when absent. */
  patch: string;
  /** '' for a release; otherwise the pre-release word such as 'rc', 'beta', 'alpha'. */
  kind: string;
  /** Number after the pre-release word, or ''. */
  pre: string;
}

/**
 * Which generation of the go command's version rules applies.
 * 'go1.21': Lang("1") is "1.0" (Go 1.21.x).
 * 'go1.22': Lang("1") and Lang("1.0") are "1" (verified in 1.22.12, 1.23.5, 1.24.4).
 * 'patch-prerelease': additionally accepts pre-releases of patch releases such as 1.9.2rc2,
 * ordered 1.21.3rc1 < 1.21.3 (golang/go#68634; in golang/go after 1.24).
 * All of them accept only lower-case pre-release words and no pre-release after a patch number
 * unless stated.
 */
export type GoverRules = 'go1.21' | 'go1.22' | 'patch-prerelease';

/**
 * First Go release assumed to accept pre-releases of patch releases. Go 1.24.4 still rejects
 * them; the exact release that first accepts them was not verified against a toolchain.
 */
const PATCH_PRERELEASE_SINCE = '1.25';

/**
 * The rules a given go command release (e.g. '1.23.5') applies. Without a release, the rules of
 * Go 1.22 to 1.24 apply.
 */
export function goverRulesFor(release?: string): GoverRules {
  if (release === undefined) return 'go1.22';
  const lang = goVersionLang(release, 'go1.22');
  if (!isValidGoVersion(lang, 'go1.22')) return 'go1.22';
  if (compareGoVersions(lang, PATCH_PRERELEASE_SINCE, 'go1.22') >= 0) return 'patch-prerelease';
  return compareGoVersions(lang, '1.22', 'go1.22') >= 0 ? 'go1.22' : 'go1.21';
}

function rulesOf(release: string | GoverRules | undefined): GoverRules {
  if (release === 'go1.21' || release === 'go1.22' || release === 'patch-prerelease') return release;
  return goverRulesFor(release);
}

const EMPTY: ParsedGoVersion = { major: '', minor: '', patch: '', kind: '', pre: '' };

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/** Leading decimal without a superfluous leading zero; null when there is none. */
function leadingDecimal(s: string): { n: string; rest: string } | null {
  let i = 0;
  while (isDigit(s[i])) i++;
  if (i === 0 || (s[0] === '0' && i !== 1)) return null;
  return { n: s.slice(0, i), rest: s.slice(i) };
}

function parsePrerelease(s: string): { kind: string; pre: string } | null {
  let i = 0;
  while (i < s.length && !isDigit(s[i])) {
    const c = s[i] as string;
    if (c < 'a' || c > 'z') return null;
    i++;
  }
  if (i === 0) return null;
  const kind = s.slice(0, i);
  const rest = s.slice(i);
  if (rest === '') return { kind, pre: '' };
  const num = leadingDecimal(rest);
  if (num === null || num.rest !== '') return null;
  return { kind, pre: num.n };
}

/** Parses a version; null when the go command would consider it malformed. */
export function parseGoVersion(v: string, release?: string | GoverRules): ParsedGoVersion | null {
  const rules = rulesOf(release);
  const major = leadingDecimal(v);
  if (major === null) return null;
  // A bare major version stands for the first release of that major version.
  if (major.rest === '') return { ...EMPTY, major: major.n, minor: '0', patch: '0' };
  if (major.rest[0] !== '.') return null;
  const minor = leadingDecimal(major.rest.slice(1));
  if (minor === null) return null;
  const parsed: ParsedGoVersion = { ...EMPTY, major: major.n, minor: minor.n };
  if (minor.rest === '') {
    // Up to 1.20 "1.N" meant the release 1.N.0; from 1.21 on it is the language version.
    if (compareDecimals(minor.n, '21') < 0) parsed.patch = '0';
    return parsed;
  }
  if (minor.rest[0] === '.') {
    const patch = leadingDecimal(minor.rest.slice(1));
    if (patch === null) return null;
    parsed.patch = patch.n;
    if (patch.rest === '') return parsed;
    if (rules !== 'patch-prerelease') return null;
    const pre = parsePrerelease(patch.rest);
    if (pre === null) return null;
    return { ...parsed, ...pre };
  }
  const pre = parsePrerelease(minor.rest);
  if (pre === null) return null;
  return { ...parsed, ...pre };
}

/** Compares two decimal strings without converting them to numbers. */
function compareDecimals(a: string, b: string): -1 | 0 | 1 {
  if (a === b) return 0;
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : 1;
}

function compareStrings(a: string, b: string): -1 | 0 | 1 {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/**
 * Orders two versions like the go command: 1.21 < 1.21rc1 < 1.21.0 < 1.21.1.
 * Malformed versions sort before all valid ones and equal to each other.
 */
export function compareGoVersions(a: string, b: string, release?: string | GoverRules): -1 | 0 | 1 {
  const rules = rulesOf(release);
  const x = parseGoVersion(a, rules) ?? EMPTY;
  const y = parseGoVersion(b, rules) ?? EMPTY;
  const byNumber =
    compareDecimals(x.major, y.major) ||
    compareDecimals(x.minor, y.minor) ||
    compareDecimals(x.patch, y.patch);
  if (byNumber !== 0) return byNumber;
  let byKind = compareStrings(x.kind, y.kind);
  if (byKind !== 0) {
    // Without a patch, '' < alpha < beta < rc holds (1.21 < 1.21rc1); with a patch
    // the release itself comes after its pre-releases (1.21.3rc1 < 1.21.3).
    if (x.patch !== '') {
      if (x.kind === '') byKind = 1;
      else if (y.kind === '') byKind = -1;
    }
    return byKind;
  }
  return compareDecimals(x.pre, y.pre);
}

/** Whether v is a version the go command accepts (without "go" prefix). */
export function isValidGoVersion(v: string, release?: string | GoverRules): boolean {
  return parseGoVersion(v, release) !== null;
}

/** Whether v names a language version ("1.21") rather than a specific release ("1.21.0", "1.21rc1"). */
export function isLangVersion(v: string, release?: string | GoverRules): boolean {
  const p = parseGoVersion(v, release);
  return p !== null && p.patch === '' && p.kind === '' && p.pre === '';
}

/** Whether v is a pre-release (alpha, beta, rc). */
export function isPrereleaseGoVersion(v: string, release?: string | GoverRules): boolean {
  const p = parseGoVersion(v, release);
  return p !== null && p.kind !== '';
}

/** The language version of v: '1.21.3' → '1.21', '1.21rc1' → '1.21'; '' when v is malformed. */
export function goVersionLang(v: string, release?: string | GoverRules): string {
  const rules = rulesOf(release);
  const p = parseGoVersion(v, rules) ?? EMPTY;
  if (p.minor === '') return p.major;
  if (rules !== 'go1.21' && p.major === '1' && p.minor === '0') return p.major;
  return p.major + '.' + p.minor;
}

/** The larger of two versions; the first one when they compare equal. */
export function maxGoVersion(a: string, b: string, release?: string | GoverRules): string {
  return compareGoVersions(a, b, release) < 0 ? b : a;
}

/**
 * The version inside a toolchain name: 'go1.21.3' → '1.21.3', 'go1.21.3-bigcorp' → '1.21.3'
 * (a suffix after '-', space or tab is dropped); '' when the name is not a toolchain name.
 */
export function toolchainVersion(name: string, release?: string | GoverRules): string {
  // A separator would make the toolchain lookup resolve relative to the current directory.
  if (name.includes('/') || name.includes('\\')) return '';
  if (!name.startsWith('go')) return '';
  let v = name.slice(2);
  const cut = v.search(/[ \t-]/);
  if (cut >= 0) v = v.slice(0, cut);
  return isValidGoVersion(v, release) ? v : '';
}
