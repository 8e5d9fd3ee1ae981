// Module, import and file path validity, and major-version suffixes, following the rules of
// golang.org/x/mod/module (stable since x/mod v0.5, i.e. the same in go1.19 through go1.24).
// Messages are worded exactly like the go command's.

import { goQuote, goQuoteRune } from '../modfile/gostrings.ts';
import {
  build,
  isValid,
  major,
  scannedBuild,
  scannedMajor,
  scanSemver,
  canonical as semverCanonical,
} from './semver.ts';

export type PathKind = 'module' | 'import' | 'file';

export interface PathError {
  kind: PathKind;
  path: string;
  /** The part after the colon: `missing dot in first path element`. */
  reason: string;
  /** The whole message: `malformed module path "example/foo": missing dot in first path element`. */
  message: string;
}

function pathError(kind: PathKind, path: string, reason: string): PathError {
  return { kind, path, reason, message: `malformed ${kind} path ${goQuote(path)}: ${reason}` };
}

function isAsciiLetterOrDigit(c: string): boolean {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

function modulePathCharOK(c: string): boolean {
  return isAsciiLetterOrDigit(c) || c === '-' || c === '.' || c === '_' || c === '~';
}

// '+' is allowed in package paths (historically used for binaries like 'g++') but not in module
// paths, where it would change meaning inside a URL.
function importPathCharOK(c: string): boolean {
  return modulePathCharOK(c) || c === '+';
}

const fileNamePunctuation = '!#$%&()+,-.=@[]^_{}~ ';
const unicodeLetter = /^\p{L}$/u;

function fileNameCharOK(c: string): boolean {
  if (c.codePointAt(0)! < 0x80) return isAsciiLetterOrDigit(c) || fileNamePunctuation.includes(c);
  return unicodeLetter.test(c);
}

// Lowercase ASCII letters, digits, '-' and '.': a lower-case LDH domain name, so that the
// host part has a single spelling on case-insensitive file systems.
function firstElementCharOK(c: string): boolean {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c === '-' || c === '.';
}

const windowsReservedNames = new Set([
  'CON',
  'PRN',
  'AUX',
  'NUL',
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((n) => [`COM${n}`, `LPT${n}`]),
]);

/** Whether the string is well-formed UTF-16, i.e. has a UTF-8 encoding (no lone surrogates). */
function isWellFormed(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const unit = s.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      return false;
    }
  }
  return true;
}

function checkElement(elem: string, kind: PathKind): string | undefined {
  if (elem === '') return 'empty path element';
  if (/^\.+$/.test(elem)) return `invalid path element ${goQuote(elem)}`;
  if (elem[0] === '.' && kind === 'module') return 'leading dot in path element';
  if (elem.endsWith('.')) return 'trailing dot in path element';
  const charOK = kind === 'module' ? modulePathCharOK : kind === 'import' ? importPathCharOK : fileNameCharOK;
  for (const c of elem) {
    if (!charOK(c)) return `invalid char ${goQuoteRune(c)}`;
  }
  // Windows reserves these names even with an extension (aux.go), in any case.
  const dot = elem.indexOf('.');
  const short = dot >= 0 ? elem.slice(0, dot) : elem;
  if (/^[\x00-\x7f]*$/.test(short) && windowsReservedNames.has(short.toUpperCase())) {
    return `${goQuote(short)} disallowed as path element component on Windows`;
  }
  // Names like FOO~1 could alias a Windows 8.3 short name of another directory; files in a
  // module zip are exempt because they never become import paths.
  if (kind !== 'file' && /~[0-9]+$/.test(short)) return 'trailing tilde and digits in path element';
  return undefined;
}

function checkGeneralPath(path: string, kind: PathKind): string | undefined {
  if (!isWellFormed(path)) return 'invalid UTF-8';
  if (path === '') return 'empty string';
  if (path[0] === '-' && kind !== 'file') return 'leading dash';
  if (path.includes('//')) return 'double slash';
  if (path.endsWith('/')) return 'trailing slash';
  for (const elem of path.split('/')) {
    const reason = checkElement(elem, kind);
    if (reason !== undefined) return reason;
  }
  return undefined;
}

function modulePathReason(path: string): string | undefined {
  const general = checkGeneralPath(path, 'module');
  if (general !== undefined) return general;
  const slash = path.indexOf('/');
  const first = slash >= 0 ? path.slice(0, slash) : path;
  if (slash === 0) return 'leading slash';
  if (!first.includes('.')) return 'missing dot in first path element';
  if (path[0] === '-') return 'leading dash in first path element';
  for (const c of first) {
    if (!firstElementCharOK(c)) return `invalid char ${goQuoteRune(c)} in first path element`;
  }
  if (!splitPathVersion(path).ok) return 'invalid version';
  return undefined;
}

/**
 * Checks a module path (go.mod `module` line, require/replace paths): an import path whose first
 * element is a lower-case domain name with a dot, without '+' or leading dots in elements,
 * and with a well-formed major-version suffix.
 */
export function checkPath(path: string): PathError | undefined {
  const reason = modulePathReason(path);
  return reason === undefined ? undefined : pathError('module', path, reason);
}

/** Checks a package import path. */
export function checkImportPath(path: string): PathError | undefined {
  const reason = checkGeneralPath(path, 'import');
  return reason === undefined ? undefined : pathError('import', path, reason);
}

/** Checks a slash-separated file path inside a module (module zip entries). */
export function checkFilePath(path: string): PathError | undefined {
  const reason = checkGeneralPath(path, 'file');
  return reason === undefined ? undefined : pathError('file', path, reason);
}

/** Used by escapeVersion: a version must be a valid single file-name element. */
export function checkFileNameElement(elem: string): string | undefined {
  return checkElement(elem, 'file');
}

export interface SplitPath {
  prefix: string;
  /** '' (v0/v1), '/vN' (N ≥ 2), or for gopkg.in '.vN' / '.vN-unstable'. */
  pathMajor: string;
  /** false when the last element looks like a major suffix but is not a valid one (/v1, /v02, /v2.1, gopkg.in without .vN). */
  ok: boolean;
}

const isAsciiDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

function splitGopkgIn(path: string): SplitPath {
  const invalid = { prefix: path, pathMajor: '', ok: false };
  let i = path.length;
  if (path.endsWith('-unstable')) i -= '-unstable'.length;
  while (i > 0 && isAsciiDigit(path[i - 1])) i--;
  if (i <= 1 || path[i - 1] !== 'v' || path[i - 2] !== '.') return invalid;
  const pathMajor = path.slice(i - 2);
  if (pathMajor.length <= 2 || (pathMajor[2] === '0' && pathMajor !== '.v0')) return invalid;
  return { prefix: path.slice(0, i - 2), pathMajor, ok: true };
}

/**
 * Splits a module path into prefix and major-version suffix: `example.com/m/v2` →
 * `example.com/m` + `/v2`; `gopkg.in/yaml.v2` → `gopkg.in/yaml` + `.v2`.
 */
export function splitPathVersion(path: string): SplitPath {
  if (path.startsWith('gopkg.in/')) return splitGopkgIn(path);
  let i = path.length;
  let sawDot = false;
  while (i > 0 && (isAsciiDigit(path[i - 1]) || path[i - 1] === '.')) {
    if (path[i - 1] === '.') sawDot = true;
    i--;
  }
  if (i <= 1 || i === path.length || path[i - 1] !== 'v' || path[i - 2] !== '/') {
    return { prefix: path, pathMajor: '', ok: true };
  }
  const pathMajor = path.slice(i - 2);
  if (sawDot || pathMajor.length <= 2 || pathMajor[2] === '0' || pathMajor === '/v1') {
    return { prefix: path, pathMajor: '', ok: false };
  }
  return { prefix: path.slice(0, i - 2), pathMajor, ok: true };
}

/**
 * Why `version` does not fit a module path with suffix `pathMajor`, as the go command words it
 * (`should be v0 or v1, not v2`, `should be v2, not v1`); undefined when it fits.
 * Like x/mod, a '+incompatible' version is accepted on an unsuffixed path whatever its major
 * (the go command rejects `v1.x.y+incompatible` elsewhere, when it resolves the version).
 */
export function checkPathMajor(version: string, pathMajor: string): string | undefined {
  let suffix = pathMajor;
  if (suffix.startsWith('.v') && suffix.endsWith('-unstable')) suffix = suffix.slice(0, -'-unstable'.length);
  // Early vgo wrote v0.0.0 pseudo-versions for gopkg.in/*.v1; existing go.mod files still carry them.
  if (version.startsWith('v0.0.0-') && suffix === '.v1') return undefined;
  // One scan for both major() and build(): this runs for every require line.
  const valid = scanSemver(version);
  const versionMajor = valid ? scannedMajor(version) : '';
  const incompatible = valid && scannedBuild(version) === '+incompatible';
  let want: string;
  if (suffix === '') {
    if (versionMajor === 'v0' || versionMajor === 'v1' || incompatible) return undefined;
    want = 'v0 or v1';
  } else if (suffix[0] === '/' || suffix[0] === '.') {
    if (versionMajor === suffix.slice(1)) return undefined;
    want = suffix.slice(1);
  } else {
    want = suffix;
  }
  return `should be ${want}, not ${versionMajor}`;
}

export function matchPathMajor(version: string, pathMajor: string): boolean {
  return checkPathMajor(version, pathMajor) === undefined;
}

/**
 * The tag major a path suffix implies: '/v2' → 'v2', '.v1-unstable' → 'v1', '' → '' (v0 or v1).
 * '' also for a malformed suffix (where x/mod would panic).
 */
export function pathMajorPrefix(pathMajor: string): string {
  if (pathMajor === '') return '';
  if (pathMajor[0] !== '/' && pathMajor[0] !== '.') return '';
  let suffix = pathMajor;
  if (suffix.startsWith('.v') && suffix.endsWith('-unstable')) suffix = suffix.slice(0, -'-unstable'.length);
  const m = suffix.slice(1);
  return m !== '' && m === major(m) ? m : '';
}

/** `version "v2.0.0" invalid: REASON` (`pseudo-version "..." invalid: ...` for pseudo-versions). */
export function invalidVersionMessage(version: string, reason: string, pseudo = false): string {
  return `${pseudo ? 'pseudo-version' : 'version'} ${goQuote(version)} invalid: ${reason}`;
}

export interface ModuleVersionError {
  /** 'path' when the module path itself is malformed, 'version' otherwise. */
  kind: 'path' | 'version';
  path: string;
  version: string;
  /** The bare reason: `should be v0 or v1, not v2`, `not a semantic version`, `missing dot in first path element`. */
  reason: string;
  /**
   * module.Check's message: `malformed module path ...: REASON` for a bad path, else
   * `PATH@VERSION: invalid version: REASON` (the form cmd/go prints for a module error).
   */
  message: string;
  /**
   * For a version error, the form go.mod parse errors embed after `require PATH: `:
   * `version "v2.0.0" invalid: should be v0 or v1, not v2`.
   */
  versionMessage?: string;
}

/** module.Check: the path must be a valid module path, the version valid semver that fits its suffix. */
export function checkModuleVersion(path: string, version: string): ModuleVersionError | undefined {
  const pathErr = checkPath(path);
  if (pathErr) return { kind: 'path', path, version, reason: pathErr.reason, message: pathErr.message };
  const reason = !isValid(version)
    ? 'not a semantic version'
    : checkPathMajor(version, splitPathVersion(path).pathMajor);
  if (reason === undefined) return undefined;
  return {
    kind: 'version',
    path,
    version,
    reason,
    message: `${path}@${version}: invalid version: ${reason}`,
    versionMessage: invalidVersionMessage(version, reason),
  };
}

/** module.Check's message, or undefined when `path@version` is a valid pair. */
export function check(path: string, version: string): string | undefined {
  return checkModuleVersion(path, version)?.message;
}

/**
 * What `go mod edit -exclude/-retract` (x/mod modfile's AddExclude/AddRetract check; `-require`
 * writes any version unchecked, go1.19–1.22 verified) says of a version: it must be canonical (`must be of the form v1.2.3`, `... v2.2.3` for a /v2 path) and
 * fit the path's major suffix, suggesting `+incompatible` for an unsuffixed path
 * (`should be v2.0.0+incompatible (or module example.com/m/v2)`). Returns the reason only;
 * wrap it with invalidVersionMessage for the full text.
 */
export function checkCanonicalVersion(path: string, version: string): string | undefined {
  const split = splitPathVersion(path);
  if (version === '' || version !== canonicalWithIncompatible(version)) {
    const prefix = split.pathMajor === '' ? 'v1' : pathMajorPrefix(split.pathMajor);
    return `must be of the form ${prefix}.2.3`;
  }
  if (!split.ok) return undefined;
  const reason = checkPathMajor(version, split.pathMajor);
  if (reason !== undefined && split.pathMajor === '') {
    return `should be ${version}+incompatible (or module ${path}/${major(version)})`;
  }
  return reason;
}

function canonicalWithIncompatible(v: string): string {
  const c = semverCanonical(v);
  return c !== '' && build(v) === '+incompatible' ? `${c}+incompatible` : c;
}

/** Whether an import path belongs to the standard library (cmd/go's rule: no dot in the first element). */
export function isStandardImportPath(path: string): boolean {
  const slash = path.indexOf('/');
  const first = slash >= 0 ? path.slice(0, slash) : path;
  return !first.includes('.');
}
