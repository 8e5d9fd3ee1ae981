/**
 * GOFLAGS: default flags the go command prepends to every command that knows them.
 */

import { compareGoVersions, goVersionLang } from './gover.ts';
import { splitQuoted } from './quoted.ts';

/**
 * First release that splits GOFLAGS with quoting ('...' and "..." group words, no escapes).
 * Verified: 1.19.8 splits on whitespace only, 1.21.13 quotes. 1.20 was not checked against a toolchain.
 */
const GOFLAGS_QUOTING_SINCE = '1.20';

export type GoFlagsSplit = { ok: true; flags: string[] } | { ok: false; error: string };

/** The whitespace of Go's unicode.IsSpace, which strings.Fields splits on. */
const UNICODE_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;

function isQuotingRelease(goVersion: string): boolean {
  const lang = goVersionLang(goVersion, 'go1.22');
  if (lang === '') return true;
  return compareGoVersions(lang, GOFLAGS_QUOTING_SINCE, 'go1.22') >= 0;
}

function splitFields(value: string): string[] {
  return value.split(new RegExp(UNICODE_SPACE.source + '+', 'u')).filter((f) => f !== '');
}

/** GOFLAGS split as Go 1.22+ does (cmd/internal/quoted.Split), with the go command's error text. */
function splitQuotedFlags(value: string): GoFlagsSplit {
  const split = splitQuoted(value);
  return split.ok
    ? { ok: true, flags: split.words }
    : { ok: false, error: `go: parsing $GOFLAGS: unterminated ${split.unterminated} string` };
}

/** The flag's name without dashes and value: '--mod=mod' → 'mod'. */
function goFlagName(flag: string): string {
  const body = flag.startsWith('--') ? flag.slice(2) : flag.slice(1);
  const eq = body.indexOf('=');
  return eq < 0 ? body : body.slice(0, eq);
}

function isFlagWord(word: string): boolean {
  if (!word.startsWith('-') || word === '-' || word === '--') return false;
  return !(word.startsWith('---') || word.startsWith('-=') || word.startsWith('--='));
}

/**
 * Splits GOFLAGS as the go command of release `goVersion` (e.g. '1.19.8', '1.23') does and checks
 * that every word is a flag. With `knownFlags` (names any go command accepts), also reports the
 * go command's "unknown flag" error. `go env` and `go bug` ignore all of these errors.
 */
export function splitGoFlags(
  value: string,
  goVersion: string,
  knownFlags?: ReadonlySet<string>,
): GoFlagsSplit {
  let flags: string[];
  if (isQuotingRelease(goVersion)) {
    const split = splitQuotedFlags(value);
    if (!split.ok) return split;
    flags = split.flags;
  } else {
    flags = splitFields(value);
  }
  for (const flag of flags) {
    if (!isFlagWord(flag))
      return { ok: false, error: `go: parsing $GOFLAGS: non-flag ${JSON.stringify(flag)}` };
    const name = goFlagName(flag);
    if (knownFlags !== undefined && !knownFlags.has(name)) {
      return { ok: false, error: `go: parsing $GOFLAGS: unknown flag -${name}` };
    }
  }
  return { ok: true, flags };
}

export type ModuleFlagObservationKind =
  | 'mod-vendor'
  | 'mod-mod'
  | 'mod-readonly'
  | 'mod-invalid'
  | 'modfile'
  | 'modcacherw'
  | 'insecure'
  | 'buildvcs';

export interface ModuleFlagObservation {
  kind: ModuleFlagObservationKind;
  flag: string;
  value?: string;
  message: string;
}

function flagValue(flag: string): string | undefined {
  const eq = flag.indexOf('=');
  return eq < 0 ? undefined : flag.slice(eq + 1);
}

/**
 * Notes on GOFLAGS entries that change how modules are resolved, so that a diagnosis can point at
 * a default the user may have forgotten about.
 */
export function knownModuleFlags(flags: readonly string[]): ModuleFlagObservation[] {
  const notes: ModuleFlagObservation[] = [];
  for (const flag of flags) {
    const name = goFlagName(flag);
    const value = flagValue(flag);
    const note = (kind: ModuleFlagObservationKind, message: string) =>
      notes.push(value === undefined ? { kind, flag, message } : { kind, flag, value, message });
    switch (name) {
      case 'mod':
        if (value === 'vendor') {
          note('mod-vendor', 'GOFLAGS sets -mod=vendor: packages come from vendor/, which must match go.mod');
        } else if (value === 'mod') {
          note('mod-mod', 'GOFLAGS sets -mod=mod: every command may update go.mod and go.sum silently');
        } else if (value === 'readonly') {
          note('mod-readonly', 'GOFLAGS sets -mod=readonly: go.mod is never updated automatically');
        } else if (value === undefined) {
          note('mod-invalid', 'go: flag needs an argument: -mod (from $GOFLAGS)');
        } else {
          note(
            'mod-invalid',
            `-mod=${value ?? ''} not supported (can be '', 'mod', 'readonly', or 'vendor')`,
          );
        }
        break;
      case 'modfile':
        note(
          'modfile',
          `GOFLAGS sets -modfile: the go command reads ${value ?? '(missing value)'} instead of go.mod`,
        );
        break;
      case 'modcacherw':
        note('modcacherw', 'GOFLAGS sets -modcacherw: the module cache is left writable');
        break;
      case 'insecure':
        note(
          'insecure',
          'GOFLAGS sets -insecure, a deprecated flag; GOINSECURE is the supported way to allow plain HTTP',
        );
        break;
      case 'buildvcs':
        note('buildvcs', 'GOFLAGS sets -buildvcs: version control information stamping is changed');
        break;
      default:
        break;
    }
  }
  return notes;
}
