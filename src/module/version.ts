// Versions as Go modules use them: canonical forms that keep '+incompatible', and
// pseudo-versions (golang.org/x/mod/module's pseudo.go rules).

import { checkPathMajor, invalidVersionMessage } from './path.ts';
import { fail, ok, type Result } from './result.ts';
import {
  build,
  canonical,
  isValid,
  major,
  prerelease,
  scannedBuild,
  scannedCanonical,
  scanSemver,
} from './semver.ts';

const INCOMPATIBLE = '+incompatible';

/** Like semver canonical(), but '+incompatible' survives: `v2.0+incompatible` → `v2.0.0+incompatible`. */
export function canonicalVersion(v: string): string {
  // One scan instead of canonical() and build() each parsing: this runs for every go.mod version.
  if (!scanSemver(v)) return '';
  const c = scannedCanonical(v);
  return scannedBuild(v) === INCOMPATIBLE ? c + INCOMPATIBLE : c;
}

/** A valid semantic version whose build metadata is exactly '+incompatible'. */
export function isIncompatible(v: string): boolean {
  return build(v) === INCOMPATIBLE;
}

// The three shapes: vX.0.0-TS-REV, vX.Y.(Z+1)-0.TS-REV, vX.Y.Z-PRE.0.TS-REV, each optionally +BUILD.
const pseudoVersionPattern =
  /^v[0-9]+\.(0\.0-|\d+\.\d+-([^+]*\.)?0\.)\d{14}-[A-Za-z0-9]+(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/;

export function isPseudoVersion(v: string): boolean {
  return v.split('-').length > 2 && isValid(v) && pseudoVersionPattern.test(v);
}

interface PseudoVersionParts {
  /** 'vX.0.0', 'vX.Y.(Z+1)-0' or 'vX.Y.Z-PRE.0'. */
  base: string;
  timestamp: string;
  rev: string;
  build: string;
}

function pseudoError(v: string, reason: string): string {
  return invalidVersionMessage(v, reason, true);
}

function parsePseudoVersion(v: string): Result<PseudoVersionParts> {
  if (!isPseudoVersion(v)) return fail(pseudoError(v, 'syntax error'));
  const buildSuffix = build(v);
  const withoutBuild = v.slice(0, v.length - buildSuffix.length);
  const revDash = withoutBuild.lastIndexOf('-');
  const rev = withoutBuild.slice(revDash + 1);
  const rest = withoutBuild.slice(0, revDash);
  const lastDash = rest.lastIndexOf('-');
  const lastDot = rest.lastIndexOf('.');
  if (lastDot > lastDash) {
    return ok({ base: rest.slice(0, lastDot), timestamp: rest.slice(lastDot + 1), rev, build: buildSuffix });
  }
  return ok({ base: rest.slice(0, lastDash), timestamp: rest.slice(lastDash + 1), rev, build: buildSuffix });
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Parses yyyymmddhhmmss as UTC with Go's range checks (month, day of that month, 24h, 60m, 60s). */
function parseTimestamp(ts: string): Date | undefined {
  if (!/^\d{14}$/.test(ts)) return undefined;
  const field = (start: number, end: number): number => Number(ts.slice(start, end));
  const year = field(0, 4);
  const month = field(4, 6);
  const day = field(6, 8);
  const hour = field(8, 10);
  const minute = field(10, 12);
  const second = field(12, 14);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Go's "20060102150405" layout, in UTC. */
export function formatPseudoVersionTime(time: Date): string {
  const year = time.getUTCFullYear();
  const yearText = year < 0 ? `-${pad(-year, 4)}` : pad(year, 4);
  return (
    yearText +
    pad(time.getUTCMonth() + 1, 2) +
    pad(time.getUTCDate(), 2) +
    pad(time.getUTCHours(), 2) +
    pad(time.getUTCMinutes(), 2) +
    pad(time.getUTCSeconds(), 2)
  );
}

/** The commit time a pseudo-version records (UTC, whole seconds). */
export function pseudoVersionTime(v: string): Result<Date> {
  const parts = parsePseudoVersion(v);
  if (!parts.ok) return parts;
  const time = parseTimestamp(parts.value.timestamp);
  if (!time) return fail(pseudoError(v, `malformed time "${parts.value.timestamp}"`));
  return ok(time);
}

/** The revision identifier a pseudo-version ends with (the 12-character commit prefix the go command writes). */
export function pseudoVersionRev(v: string): Result<string> {
  const parts = parsePseudoVersion(v);
  return parts.ok ? ok(parts.value.rev) : parts;
}

function incrementDecimal(decimal: string): string {
  return (BigInt(decimal) + 1n).toString();
}

/** One less, or '' below zero. */
function decrementDecimal(decimal: string): string {
  const n = BigInt(decimal);
  return n === 0n ? '' : (n - 1n).toString();
}

/**
 * The version a pseudo-version was derived from: '' for vX.0.0-TS-REV (no tag), `v1.2.3` for
 * `v1.2.4-0.TS-REV`, `v1.2.0-pre` for `v1.2.0-pre.0.TS-REV` (build metadata carried over).
 */
export function pseudoVersionBase(v: string): Result<string> {
  const parts = parsePseudoVersion(v);
  if (!parts.ok) return parts;
  const { base, build: buildSuffix } = parts.value;
  const pre = prerelease(base);
  if (pre === '') {
    if (buildSuffix !== '') {
      return fail(pseudoError(v, `lacks base version, but has build metadata "${buildSuffix}"`));
    }
    return ok('');
  }
  if (pre === '-0') {
    const release = base.slice(0, base.length - pre.length);
    const lastDot = release.lastIndexOf('.');
    const patch = decrementDecimal(release.slice(lastDot + 1));
    if (patch === '') {
      return fail(pseudoError(v, `version before ${release} would have negative patch number`));
    }
    return ok(release.slice(0, lastDot + 1) + patch + buildSuffix);
  }
  return ok(base.slice(0, base.length - '.0'.length) + buildSuffix);
}

/**
 * Builds a pseudo-version for commit `rev` made at `time`:
 * no usable tag (`older` = '') → `MAJOR.0.0-TS-REV`; release tag `v1.2.3` → `v1.2.4-0.TS-REV`;
 * prerelease tag `v1.2.0-pre` → `v1.2.0-pre.0.TS-REV`. Build metadata of `older` (such as
 * '+incompatible') is kept, except in the no-tag form. `major` '' means 'v0'.
 * Returns '' for an invalid Date.
 */
export function pseudoVersion(majorPrefix: string, older: string, time: Date, rev: string): string {
  if (Number.isNaN(time.getTime())) return '';
  const segment = `${formatPseudoVersionTime(time)}-${rev}`;
  const olderBuild = build(older);
  const base = canonical(older);
  if (base === '') return `${majorPrefix || 'v0'}.0.0-${segment}`;
  if (prerelease(base) !== '') return `${base}.0.${segment}${olderBuild}`;
  const lastDot = base.lastIndexOf('.');
  return `${base.slice(0, lastDot + 1)}${incrementDecimal(base.slice(lastDot + 1))}-0.${segment}${olderBuild}`;
}

const zeroTime = (() => {
  const t = new Date(0);
  t.setUTCFullYear(1, 0, 1);
  return t;
})();

/** `MAJOR.0.0-00010101000000-000000000000`: the placeholder for a module with no known version. */
export function zeroPseudoVersion(majorPrefix: string): string {
  return pseudoVersion(majorPrefix, '', zeroTime, '000000000000');
}

export function isZeroPseudoVersion(v: string): boolean {
  return v === zeroPseudoVersion(major(v));
}

export interface VersionError {
  version: string;
  reason: string;
  /** `pseudo-version "..." invalid: REASON` (or `version "..." invalid: ...` for a major mismatch). */
  message: string;
}

/**
 * Everything the go command checks about a pseudo-version before it consults the repository
 * (modfetch's validatePseudoVersion minus the revision, timestamp and tag look-ups): syntax,
 * major version against the path suffix `pathMajor`, a parseable timestamp, a derivable base,
 * and v1 only with a base tag on an unsuffixed path.
 */
export function checkPseudoVersionSyntax(v: string, pathMajor = ''): VersionError | undefined {
  if (!isPseudoVersion(v))
    return { version: v, reason: 'syntax error', message: pseudoError(v, 'syntax error') };
  const majorReason = checkPathMajor(v, pathMajor);
  if (majorReason !== undefined) {
    return { version: v, reason: majorReason, message: invalidVersionMessage(v, majorReason) };
  }
  const time = pseudoVersionTime(v);
  if (!time.ok) return fromPseudoError(v, time.error);
  const withoutIncompatible = v.endsWith(INCOMPATIBLE) ? v.slice(0, -INCOMPATIBLE.length) : v;
  const base = pseudoVersionBase(withoutIncompatible);
  if (!base.ok) return fromPseudoError(withoutIncompatible, base.error);
  if (base.value === '' && pathMajor === '' && major(v) === 'v1') {
    const reason = 'major version without preceding tag must be v0, not v1';
    return { version: v, reason, message: pseudoError(v, reason) };
  }
  return undefined;
}

function fromPseudoError(v: string, message: string): VersionError {
  const prefix = pseudoError(v, '');
  return { version: v, reason: message.slice(prefix.length), message };
}
