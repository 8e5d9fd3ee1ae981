// Reads go.sum and go.work.sum files the way cmd/go does (modfetch readGoSum), and lints them
// for what cmd/go tolerates silently but that later breaks a build or hides a bad merge.
//
// What cmd/go itself does with the bytes (go1.19 through go1.24):
// - lines are split on '\n' only; fields are split on Unicode white space (Go's strings.Fields:
//   \t \n \v \f \r space, U+0085, U+00A0 and the Zs spaces). So a trailing '\r' (CRLF files) is
//   harmless, while a BOM (U+FEFF, not a space) sticks to the first module path;
// - blank lines are skipped;
// - a line that does not have exactly 3 fields: go 1.22 and later stop with
//     malformed go.sum:
//     FILE:LINE: wrong number of fields N
//   (FILE being the absolute path of go.sum / go.work.sum) as soon as any command needs a checksum;
//   `go mod tidy` skips such lines instead (and leaves them in place when it has nothing else to
//   change). Go 1.21 and older say nothing: they stop reading the file at that line, so every hash
//   after it counts as missing ("missing go.sum entry ..."). Verified with go1.19/1.21/1.22/1.24;
// - a line whose hash is the old "empty go.mod" hash is dropped;
// - every other line is kept, keyed by (module path, version) where version may end in "/go.mod";
//   paths and versions are not checked, so a malformed key is simply never looked up;
// - only hashes starting with "h1:" are used; others are kept but cannot verify anything (when the
//   module is verified, the go command warns "unknown hashes in go.sum" and adds the h1 hash);
// - when a module is verified, the recorded h1 hashes for its key are compared as strings, in
//   file order: the first h1 hash that differs from the download stops the command with
//   "checksum mismatch", unless a matching one came earlier. Identical lines are merged on write.

import { goQuote } from '../modfile/gostrings.ts';
import { checkModuleVersion, checkPath } from '../module/path.ts';
import { isValid } from '../module/semver.ts';
import { canonicalVersion } from '../module/version.ts';
import { EMPTY_GO_MOD_HASH, isWellFormedH1 } from './dirhash.ts';

export interface SumLine {
  module: string;
  /** The version without the "/go.mod" suffix. */
  version: string;
  /** The line records the hash of the version's go.mod file ("VERSION/go.mod" in the file). */
  isGoMod: boolean;
  hash: string;
  /** 1-based line number. */
  line: number;
  /** 1-based byte columns of the module path, the version and the hash. */
  column: number;
  versionColumn: number;
  hashColumn: number;
}

export type SumProblemKind =
  | 'wrong-field-count'
  | 'merge-conflict-marker'
  | 'invalid-module-path'
  | 'invalid-version'
  | 'noncanonical-version'
  | 'malformed-hash'
  | 'unknown-hash-algorithm'
  | 'empty-gomod-hash'
  | 'duplicate-line'
  | 'conflicting-hashes'
  | 'missing-gomod-line'
  | 'crlf'
  | 'bom'
  | 'invalid-utf8'
  | 'binary'
  | 'too-many-problems';

/**
 * What the go command does because of a problem; the doctor derives severity from it.
 * - fatal: go 1.22+ stops with "malformed go.sum" when it reads the file (not `go mod tidy`);
 *   go 1.21 and older silently ignore the rest of the file from this line on
 * - mismatch: verifying that module version fails with "checksum mismatch" (SECURITY ERROR)
 * - unverifiable: the hash is never used; the module counts as having no recorded hash
 * - ignored: the line is dropped or never looked up
 * - none: no effect on the go command
 */
export type GoEffect = 'fatal' | 'mismatch' | 'unverifiable' | 'ignored' | 'none';

export interface SumProblem {
  kind: SumProblemKind;
  goEffect: GoEffect;
  line: number;
  column: number;
  message: string;
  module?: string;
  version?: string;
  /** The earlier line a duplicate or conflicting line clashes with. */
  otherLine?: number;
}

export interface ParseGoSumOptions {
  /** Problems beyond this many are summarized by one 'too-many-problems' entry. Default 1000. */
  maxProblems?: number;
}

export interface ParsedGoSum {
  lines: SumLine[];
  problems: SumProblem[];
  /** The exact error go 1.22 and later print when they read this file, if they reject it. */
  goError?: string;
  /**
   * The first line with a wrong field count: go 1.21 and older silently stop reading the file
   * there, so no hash from this line on is seen by them.
   */
  oldGoStopsAtLine?: number;
}

const DEFAULT_MAX_PROBLEMS = 1000;
const GO_MOD_SUFFIX = '/go.mod';
const CONFLICT_MARKER_LENGTH = 7;
const CONFLICT_MARKER_BYTES = new Set([0x3c, 0x3d, 0x3e, 0x7c]); // < = > |

function conflictMarkerAt(bytes: Uint8Array, start: number, end: number): boolean {
  if (end - start < CONFLICT_MARKER_LENGTH) return false;
  const first = bytes[start]!;
  if (!CONFLICT_MARKER_BYTES.has(first)) return false;
  for (let i = 1; i < CONFLICT_MARKER_LENGTH; i++) if (bytes[start + i] !== first) return false;
  return true;
}

// One rune as Go's utf8.DecodeRune sees it: invalid bytes decode as width 1, never as white space.
function runeAt(bytes: Uint8Array, i: number, end: number): { rune: number; width: number } {
  const b0 = bytes[i]!;
  if (b0 < 0x80) return { rune: b0, width: 1 };
  const invalid = { rune: -1, width: 1 };
  const cont = (k: number): number => {
    if (i + k >= end) return -1;
    const b = bytes[i + k]!;
    return (b & 0xc0) === 0x80 ? b & 0x3f : -1;
  };
  if (b0 >= 0xc2 && b0 <= 0xdf) {
    const c1 = cont(1);
    return c1 < 0 ? invalid : { rune: ((b0 & 0x1f) << 6) | c1, width: 2 };
  }
  if (b0 >= 0xe0 && b0 <= 0xef) {
    const c1 = cont(1);
    const c2 = cont(2);
    if (c1 < 0 || c2 < 0) return invalid;
    const rune = ((b0 & 0x0f) << 12) | (c1 << 6) | c2;
    if (rune < 0x800 || (rune >= 0xd800 && rune <= 0xdfff)) return invalid;
    return { rune, width: 3 };
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const c1 = cont(1);
    const c2 = cont(2);
    const c3 = cont(3);
    if (c1 < 0 || c2 < 0 || c3 < 0) return invalid;
    const rune = ((b0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3;
    if (rune < 0x10000 || rune > 0x10ffff) return invalid;
    return { rune, width: 4 };
  }
  return invalid;
}

// Go's unicode.IsSpace.
function isGoSpace(rune: number): boolean {
  if (rune < 0x80) return rune === 0x20 || (rune >= 0x09 && rune <= 0x0d);
  return (
    rune === 0x85 ||
    rune === 0xa0 ||
    rune === 0x1680 ||
    (rune >= 0x2000 && rune <= 0x200a) ||
    rune === 0x2028 ||
    rune === 0x2029 ||
    rune === 0x202f ||
    rune === 0x205f ||
    rune === 0x3000
  );
}

interface ScannedLine {
  /** Start and end byte offsets of the first three fields. */
  starts: number[];
  ends: number[];
  fieldCount: number;
  /** Offset of the first byte that is not valid UTF-8, or -1. */
  invalidAt: number;
}

function scanFields(bytes: Uint8Array, start: number, end: number): ScannedLine {
  const starts: number[] = [];
  const ends: number[] = [];
  let fieldCount = 0;
  let invalidAt = -1;
  let inField = false;
  let i = start;
  while (i < end) {
    const b = bytes[i]!;
    let space: boolean;
    let width = 1;
    if (b < 0x80) {
      space = b === 0x20 || (b >= 0x09 && b <= 0x0d);
    } else {
      const decoded = runeAt(bytes, i, end);
      width = decoded.width;
      if (decoded.rune < 0 && invalidAt < 0) invalidAt = i;
      space = decoded.rune >= 0 && isGoSpace(decoded.rune);
    }
    if (space && inField) {
      if (fieldCount <= 3) ends.push(i);
      inField = false;
    } else if (!space && !inField) {
      fieldCount++;
      if (fieldCount <= 3) starts.push(i);
      inField = true;
    }
    i += width;
  }
  if (inField && fieldCount <= 3) ends.push(end);
  return { starts, ends, fieldCount, invalidAt };
}

function toBuffer(text: string | Uint8Array): Buffer {
  // A Buffer view (no copy) so that fields decode with toString(encoding, start, end).
  return typeof text === 'string'
    ? Buffer.from(text, 'utf8')
    : Buffer.from(text.buffer, text.byteOffset, text.byteLength);
}

interface KeyState {
  firstLine: number;
  firstH1?: { hash: string; line: number };
  hashes: Map<string, number>;
}

/**
 * Parses go.sum / go.work.sum bytes. Never throws; runs in time linear in the input. `filename`
 * is used in goError exactly as the go command would print it (it prints the absolute path).
 */
export function parseGoSum(
  text: string | Uint8Array,
  filename = 'go.sum',
  options: ParseGoSumOptions = {},
): ParsedGoSum {
  const bytes = toBuffer(text);
  const maxProblems = options.maxProblems ?? DEFAULT_MAX_PROBLEMS;
  const lines: SumLine[] = [];
  const problems: SumProblem[] = [];
  let goError: string | undefined;
  let oldGoStopsAtLine: number | undefined;
  let truncated = false;

  const report = (problem: SumProblem): void => {
    if (truncated) return;
    if (problems.length >= maxProblems) {
      truncated = true;
      problems.push({
        kind: 'too-many-problems',
        goEffect: 'none',
        line: problem.line,
        column: problem.column,
        message: `more than ${maxProblems} problems; the rest are not listed`,
      });
      return;
    }
    problems.push(problem);
  };

  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (hasBom) {
    report({
      kind: 'bom',
      goEffect: 'ignored',
      line: 1,
      column: 1,
      message:
        'file starts with a UTF-8 byte order mark: the go command reads it as part of the first module path, so that line never matches',
    });
  }
  const firstNul = bytes.indexOf(0);
  if (firstNul >= 0) {
    let nulLine = 1;
    for (let i = 0; i < firstNul; i++) if (bytes[i] === 0x0a) nulLine++;
    report({
      kind: 'binary',
      goEffect: 'fatal',
      line: nulLine,
      column: 1,
      message: 'file contains NUL bytes: it is binary data, not a go.sum file',
    });
  }

  const pathErrors = new Map<string, string | undefined>();
  const versionErrors = new Map<string, { kind: SumProblemKind; message: string } | undefined>();
  const keys = new Map<string, KeyState>();
  let crlfLines = 0;
  let firstCrlfLine = 0;

  let lineNumber = 0;
  let pos = 0;
  while (pos < bytes.length) {
    lineNumber++;
    const newline = bytes.indexOf(0x0a, pos);
    const lineStart = pos;
    const lineEnd = newline < 0 ? bytes.length : newline;
    pos = newline < 0 ? bytes.length : newline + 1;
    const at = (offset: number): number => offset - lineStart + 1;

    if (lineEnd > lineStart && bytes[lineEnd - 1] === 0x0d) {
      crlfLines++;
      if (firstCrlfLine === 0) firstCrlfLine = lineNumber;
    }
    const scanned = scanFields(bytes, lineStart, lineEnd);
    if (scanned.invalidAt >= 0 && firstNul < 0) {
      report({
        kind: 'invalid-utf8',
        goEffect: 'ignored',
        line: lineNumber,
        column: at(scanned.invalidAt),
        message: 'line is not valid UTF-8',
      });
    }
    if (scanned.fieldCount === 0) continue;

    const contentStart = lineNumber === 1 && hasBom ? lineStart + 3 : lineStart;
    if (conflictMarkerAt(bytes, contentStart, lineEnd)) {
      const head = bytes.toString('latin1', contentStart, contentStart + CONFLICT_MARKER_LENGTH);
      report({
        kind: 'merge-conflict-marker',
        goEffect: scanned.fieldCount === 3 ? 'ignored' : 'fatal',
        line: lineNumber,
        column: at(contentStart),
        message: `merge conflict marker ${goQuote(head)}: an unresolved merge of go.sum`,
      });
    }

    if (scanned.fieldCount !== 3) {
      const message = `wrong number of fields ${scanned.fieldCount}`;
      goError ??= `malformed go.sum:\n${filename}:${lineNumber}: ${message}`;
      oldGoStopsAtLine ??= lineNumber;
      report({
        kind: 'wrong-field-count',
        goEffect: 'fatal',
        line: lineNumber,
        column: at(scanned.starts[0]!),
        message,
      });
      continue;
    }

    const field = (k: number): string => bytes.toString('utf8', scanned.starts[k]!, scanned.ends[k]!);
    let moduleStart = scanned.starts[0]!;
    if (lineNumber === 1 && hasBom && moduleStart === lineStart) moduleStart += 3;
    const modulePath = bytes.toString('utf8', moduleStart, scanned.ends[0]!);
    const rawVersion = field(1);
    const hash = field(2);
    const isGoMod = rawVersion.endsWith(GO_MOD_SUFFIX);
    const version = isGoMod ? rawVersion.slice(0, -GO_MOD_SUFFIX.length) : rawVersion;
    const column = at(moduleStart);
    const versionColumn = at(scanned.starts[1]!);
    const hashColumn = at(scanned.starts[2]!);
    const where = { line: lineNumber, module: modulePath, version };

    if (hash === EMPTY_GO_MOD_HASH) {
      report({
        ...where,
        kind: 'empty-gomod-hash',
        goEffect: 'ignored',
        column: hashColumn,
        message:
          'hash of an empty go.mod, written by early module-mode go commands for modules without a go.mod; the go command drops this line',
      });
      continue;
    }

    let pathError = pathErrors.get(modulePath);
    if (!pathErrors.has(modulePath)) {
      pathError = checkPath(modulePath)?.message;
      pathErrors.set(modulePath, pathError);
    }
    if (pathError !== undefined) {
      report({ ...where, kind: 'invalid-module-path', goEffect: 'ignored', column, message: pathError });
    }

    const versionKey = `${modulePath} ${version}`;
    let versionError = versionErrors.get(versionKey);
    if (!versionErrors.has(versionKey)) {
      versionError = checkSumVersion(modulePath, version, pathError === undefined);
      versionErrors.set(versionKey, versionError);
    }
    if (versionError !== undefined) {
      report({
        ...where,
        kind: versionError.kind,
        goEffect: 'ignored',
        column: versionColumn,
        message: versionError.message,
      });
    }

    const isH1 = hash.startsWith('h1:');
    if (isH1 && !isWellFormedH1(hash)) {
      report({
        ...where,
        kind: 'malformed-hash',
        goEffect: 'mismatch',
        column: hashColumn,
        message: `malformed h1 hash ${goQuote(hash)}: not the base64 of a 32-byte SHA-256, so it can never match a download`,
      });
    } else if (!isH1) {
      const looksLikeHash = /^h[0-9]+:/.test(hash);
      report({
        ...where,
        kind: 'unknown-hash-algorithm',
        goEffect: 'unverifiable',
        column: hashColumn,
        message: looksLikeHash
          ? `hash ${goQuote(hash)} uses an algorithm the go command does not know; only h1 hashes are checked`
          : `${goQuote(hash)} is not a go.sum hash (h1:...); the go command cannot use it`,
      });
    }

    const key = `${modulePath} ${rawVersion}`;
    let state = keys.get(key);
    if (state === undefined) {
      state = { firstLine: lineNumber, hashes: new Map() };
      keys.set(key, state);
    }
    const sameHashLine = state.hashes.get(hash);
    if (sameHashLine !== undefined) {
      report({
        ...where,
        kind: 'duplicate-line',
        goEffect: 'none',
        column,
        otherLine: sameHashLine,
        message: `duplicate of line ${sameHashLine}`,
      });
    } else {
      state.hashes.set(hash, lineNumber);
      if (isH1) {
        if (state.firstH1 === undefined) {
          state.firstH1 = { hash, line: lineNumber };
        } else {
          report({
            ...where,
            kind: 'conflicting-hashes',
            goEffect: 'mismatch',
            column: hashColumn,
            otherLine: state.firstH1.line,
            message: `${modulePath} ${rawVersion} has two different hashes: ${state.firstH1.hash} (line ${state.firstH1.line}) and ${hash}; verifying it fails with a checksum mismatch unless the right one comes first`,
          });
        }
      }
    }

    lines.push({
      module: modulePath,
      version,
      isGoMod,
      hash,
      line: lineNumber,
      column,
      versionColumn,
      hashColumn,
    });
  }

  if (crlfLines > 0) {
    report({
      kind: 'crlf',
      goEffect: 'none',
      line: firstCrlfLine,
      column: 1,
      message: `${crlfLines} line${crlfLines === 1 ? '' : 's'} end${crlfLines === 1 ? 's' : ''} with CRLF; the go command reads them fine but writes LF, so every go command that updates the file rewrites it`,
    });
  }

  reportMissingGoModLines(lines, keys, pathErrors, versionErrors, report);
  const result: ParsedGoSum = { lines, problems };
  if (goError !== undefined) result.goError = goError;
  if (oldGoStopsAtLine !== undefined) result.oldGoStopsAtLine = oldGoStopsAtLine;
  return result;
}

function checkSumVersion(
  modulePath: string,
  version: string,
  pathOk: boolean,
): { kind: SumProblemKind; message: string } | undefined {
  if (!isValid(version)) {
    return {
      kind: 'invalid-version',
      message: `version ${goQuote(version)} invalid: not a semantic version`,
    };
  }
  const canonical = canonicalVersion(version);
  if (canonical !== version) {
    return {
      kind: 'noncanonical-version',
      message: `version ${goQuote(version)} is not canonical (should be ${goQuote(canonical)}); the go command only looks up canonical versions`,
    };
  }
  if (!pathOk) return undefined;
  const err = checkModuleVersion(modulePath, version);
  return err === undefined ? undefined : { kind: 'invalid-version', message: err.message };
}

// A zip line ("M V h1:") without the matching "M V/go.mod h1:" line.
//
// When the go command needs each kind of line:
// - "M V/go.mod" whenever it reads M@V's go.mod to build the module graph: every version in the
//   graph whose requirements are loaded, selected or not. With graph pruning (main module at
//   go >= 1.17) that is the main module's requirements plus what modules below go 1.17 pull in; the
//   requirements of a pruned dependency are graph nodes whose go.mod is never read.
// - "M V" when M@V's files are needed: it provides a loaded package, or its path is a prefix of a
//   loaded package's path (tidy keeps those to rule out ambiguous imports), or it is downloaded.
// `go mod tidy` in a main module at go >= 1.21 also keeps the go.mod line of every module providing
// a package (it needs the module's go version); below 1.21 it did not, so zip-only lines are
// normal there. Zip-only lines are normal in every version for modules kept only for the
// ambiguous-import check, and in go.work.sum, whose go.mod line may sit in a module's go.sum. A
// missing line the go command does need surfaces as "missing go.sum entry for go.mod file".
//
// So this is reported for information only (goEffect 'none'), and not at all for modules whose
// path is a path prefix of another module in the file: that is the ambiguous-import case.
function reportMissingGoModLines(
  lines: readonly SumLine[],
  keys: ReadonlyMap<string, KeyState>,
  pathErrors: ReadonlyMap<string, string | undefined>,
  versionErrors: ReadonlyMap<string, { kind: SumProblemKind; message: string } | undefined>,
  report: (problem: SumProblem) => void,
): void {
  const prefixesOfOthers = new Set<string>();
  for (const line of lines) {
    for (let slash = line.module.indexOf('/'); slash >= 0; slash = line.module.indexOf('/', slash + 1)) {
      prefixesOfOthers.add(line.module.slice(0, slash));
    }
  }
  for (const line of lines) {
    if (line.isGoMod || prefixesOfOthers.has(line.module)) continue;
    const key = `${line.module} ${line.version}`;
    if (keys.get(key)?.firstLine !== line.line) continue;
    if (keys.has(`${key}${GO_MOD_SUFFIX}`)) continue;
    if (pathErrors.get(line.module) !== undefined || versionErrors.get(key) !== undefined) continue;
    report({
      kind: 'missing-gomod-line',
      goEffect: 'none',
      line: line.line,
      column: line.column,
      module: line.module,
      version: line.version,
      message: `${line.module} ${line.version} has a module hash but no ${line.version}/go.mod hash (normal for go.work.sum and for modules below go 1.21; otherwise "missing go.sum entry for go.mod file" follows when the go command loads that go.mod)`,
    });
  }
}
