// Writes src/doctor/data/godebug-removed.ts, the table of removed GODEBUG settings the
// toolchain/godebug-removed check uses, from the Go source of every installed release
// (`node --import tsx scripts/godebug-table.ts [GOROOT...]`; default: every .cache/go/go1.N).
//
// From each release it reads:
// - internal/godebugs/table.go: `All` (the settings that release knows, with the value that
//   restores the old behaviour) and, from Go 1.26, `Removed` (name, release that removed it and,
//   from 1.27, a predicate saying which values are the old ones);
// - cmd/go/internal/modload/init.go, CheckGodebug: the message formats the go command prints for a
//   removed and for an unknown setting, and the order of their arguments.
// test/doctor/godebug-table.test.ts runs this script against the installed releases and fails
// when the checked-in file differs from what it writes.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const OUTPUT = join(repoRoot, 'src', 'doctor', 'data', 'godebug-removed.ts');

interface KnownSetting {
  name: string;
  /** Info.Old: the value that restores the behaviour before Info.Changed ('' when none). */
  old: string;
}

interface RemovedEntry {
  name: string;
  removed: number;
  /** undefined: every value is refused (no Old predicate in that release). */
  oldValues?: string[];
}

/** A message format of CheckGodebug and what its arguments are. */
interface GoFormat {
  format: string;
  args: Array<'verb' | 'key' | 'value' | 'removed'>;
}

interface ReleaseSource {
  minor: number;
  known: KnownSetting[];
  removed: RemovedEntry[];
  removedMessage?: GoFormat;
  unknownMessage: GoFormat;
}

function block(source: string, start: RegExp): string {
  const m = start.exec(source);
  if (!m) return '';
  let depth = 0;
  for (let i = m.index + m[0].length - 1; i < source.length; i++) {
    if (source[i] === '{') depth++;
    else if (source[i] === '}' && --depth === 0) return source.slice(m.index + m[0].length, i);
  }
  throw new Error(`unterminated block after ${start}`);
}

/** The values a Removed entry's Old predicate accepts: `one`, `zero` or `func(s string) bool {...}`. */
function oldPredicateValues(expr: string, helpers: Map<string, string[]>): string[] {
  const named = helpers.get(expr.trim());
  if (named) return named;
  const literals = [...expr.matchAll(/s\s*==\s*"([^"]*)"/g)].map((m) => m[1]!);
  if (literals.length === 0) throw new Error(`cannot read the Old predicate ${expr}`);
  return literals;
}

function readTable(goroot: string): Pick<ReleaseSource, 'known' | 'removed'> {
  const source = readFileSync(join(goroot, 'src', 'internal', 'godebugs', 'table.go'), 'utf8');
  const known: KnownSetting[] = [];
  for (const m of block(source, /var All = \[\]Info\{/).matchAll(/\{Name: "([^"]+)"([^}]*)\}/g)) {
    known.push({ name: m[1]!, old: /Old: "([^"]*)"/.exec(m[2]!)?.[1] ?? '' });
  }
  // Helper predicates such as `func one(s string) bool { return s == "1" }`.
  const helpers = new Map<string, string[]>();
  for (const m of source.matchAll(/func (\w+)\(s string\) bool\s*\{([^}]*)\}/g)) {
    helpers.set(
      m[1]!,
      [...m[2]!.matchAll(/s\s*==\s*"([^"]*)"/g)].map((v) => v[1]!),
    );
  }
  const removed: RemovedEntry[] = [];
  const removedBody = block(source, /var Removed = \[\]RemovedInfo\{/);
  for (const line of removedBody.split('\n')) {
    const m = /^\s*\{Name: "([^"]+)", Removed: (\d+)(?:, Old: (.*))?\},\s*(?:\/\/.*)?$/.exec(line);
    if (!m) {
      if (line.trim() !== '' && !line.trim().startsWith('//')) throw new Error(`cannot read ${line}`);
      continue;
    }
    const entry: RemovedEntry = { name: m[1]!, removed: Number(m[2]) };
    if (m[3] !== undefined) entry.oldValues = oldPredicateValues(m[3], helpers);
    removed.push(entry);
  }
  return { known, removed };
}

const ARG_NAMES: Record<string, GoFormat['args'][number]> = {
  verb: 'verb',
  k: 'key',
  v: 'value',
  'info.Removed': 'removed',
};

function goFormat(call: RegExpExecArray): GoFormat {
  const format = JSON.parse(`"${call[1]!}"`) as string;
  const args = call[2]!
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean)
    .map((a) => {
      const name = ARG_NAMES[a];
      if (!name) throw new Error(`unknown argument ${a} of ${format}`);
      return name;
    });
  return { format, args };
}

function readMessages(goroot: string): Pick<ReleaseSource, 'removedMessage' | 'unknownMessage'> {
  const cmdGo = join(goroot, 'src', 'cmd', 'go', 'internal');
  let body = block(
    readFileSync(join(cmdGo, 'modload', 'init.go'), 'utf8'),
    /func CheckGodebug\(verb, k, v string\) error \{/,
  );
  // Go 1.21 and 1.22 check only //go:debug lines, in load.ParseGoDebug (go.mod has no godebug yet).
  if (!body) {
    body = block(
      readFileSync(join(cmdGo, 'load', 'godebug.go'), 'utf8'),
      /func ParseGoDebug\(text string\) \(key, value string, err error\) \{/,
    );
  }
  if (!body) throw new Error(`no CheckGodebug or ParseGoDebug in ${goroot}`);
  const calls = [...body.matchAll(/fmt\.Errorf\("((?:[^"\\]|\\.)*)"((?:,\s*[\w.]+)*)\)/g)];
  const removedCall = calls.find((c) => /removed/.test(c[1]!));
  const unknownCall = calls.find((c) => /^unknown /.test(c[1]!));
  if (!unknownCall) throw new Error(`no "unknown" message in CheckGodebug of ${goroot}`);
  return {
    removedMessage: removedCall ? goFormat(removedCall) : undefined,
    unknownMessage: goFormat(unknownCall),
  };
}

function readRelease(goroot: string): ReleaseSource | undefined {
  const version = readFileSync(join(goroot, 'VERSION'), 'utf8');
  const m = /^go1\.(\d+)/.exec(version);
  if (!m) throw new Error(`cannot read ${goroot}/VERSION`);
  // internal/godebugs appeared in Go 1.21; before it there is nothing to check against.
  if (!existsSync(join(goroot, 'src', 'internal', 'godebugs', 'table.go'))) return undefined;
  return { minor: Number(m[1]), ...readTable(goroot), ...readMessages(goroot) };
}

export interface GeneratedTable {
  text: string;
  releases: number[];
}

export function generate(goroots: readonly string[]): GeneratedTable {
  const releases = goroots
    .map(readRelease)
    .filter((r): r is ReleaseSource => r !== undefined)
    .sort((a, b) => a.minor - b.minor);
  if (releases.length === 0) throw new Error('no Go release with internal/godebugs/table.go');
  // The settings some release no longer knows: listed in a Removed table, or gone from All.
  const names = new Set<string>();
  for (const r of releases) for (const e of r.removed) names.add(e.name);
  for (let i = 0; i + 1 < releases.length; i++) {
    const next = new Set(releases[i + 1]!.known.map((k) => k.name));
    for (const k of releases[i]!.known) if (!next.has(k.name)) names.add(k.name);
  }
  const newest = releases.at(-1)!;
  const settings = [...names].sort().map((name) => {
    const knownIn = releases.filter((r) => r.known.some((k) => k.name === name)).map((r) => r.minor);
    const lastInfo = [...releases].reverse().flatMap((r) => r.known.filter((k) => k.name === name))[0];
    const removedEntry = [...releases].reverse().flatMap((r) => r.removed.filter((e) => e.name === name))[0];
    const removed = removedEntry?.removed ?? Math.max(...knownIn) + 1;
    const oldValues = removedEntry?.oldValues ?? (lastInfo?.old ? [lastInfo.old] : []);
    return { name, removed, oldValues, knownIn };
  });
  const perRelease = releases.map((r) => ({
    release: r.minor,
    listedAsRemoved: r.removed.map((e) => e.name).sort(),
    oldValuesOnly: r.removed.length > 0 && r.removed.every((e) => e.oldValues !== undefined),
    removedMessage: r.removedMessage,
    unknownMessage: r.unknownMessage,
  }));
  const text = `// Generated by scripts/godebug-table.ts from internal/godebugs/table.go and
// cmd/go/internal/modload/init.go (CheckGodebug) of Go 1.${releases[0]!.minor} to 1.${newest.minor}. Do not edit:
// run \`node --import tsx scripts/godebug-table.ts\` when a Go release is added.

/** A GODEBUG setting that some Go release no longer knows. */
export interface RemovedGodebug {
  name: string;
  /** The minor release that removed it (27: Go 1.27); the go.dev/doc/godebug anchor is go-1<removed>. */
  removed: number;
  /** The values that restore the old behaviour: refused from the release that removed the setting. */
  oldValues: readonly string[];
  /** The minor releases whose table knows the setting. */
  knownIn: readonly number[];
}

/** A CheckGodebug message: a Go format (%s, %q, %v) and what fills each verb. */
export interface GoFormat {
  format: string;
  args: ReadonlyArray<'verb' | 'key' | 'value' | 'removed'>;
}

/** How one release's go command treats a setting it does not know. */
export interface GodebugRules {
  release: number;
  /** The settings its Removed table lists (they get removedMessage instead of unknownMessage). */
  listedAsRemoved: readonly string[];
  /** Only the old values of a listed setting are refused (else every value is). */
  oldValuesOnly: boolean;
  removedMessage?: GoFormat;
  unknownMessage: GoFormat;
}

export const REMOVED_GODEBUGS: readonly RemovedGodebug[] = ${JSON.stringify(settings, null, 2)};

export const GODEBUG_RULES: readonly GodebugRules[] = ${JSON.stringify(perRelease, null, 2)};
`;
  return { text, releases: releases.map((r) => r.minor) };
}

/** The text as the project's formatter (Biome) writes it, so that the file passes `npm run lint`. */
export function formatLikeTheProject(text: string): string {
  const biome = join(repoRoot, 'node_modules', '.bin', 'biome');
  return execFileSync(biome, ['format', `--stdin-file-path=${OUTPUT}`], {
    cwd: repoRoot,
    input: text,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

export function installedGoroots(): string[] {
  const base = join(repoRoot, '.cache', 'go');
  if (!existsSync(base)) return [];
  return readdirSync(base)
    .filter((n) => /^go1\.\d+$/.test(n))
    .map((n) => join(base, n))
    .filter((d) => existsSync(join(d, 'VERSION')));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const roots = process.argv.length > 2 ? process.argv.slice(2) : installedGoroots();
  const { text, releases } = generate(roots);
  writeFileSync(OUTPUT, formatLikeTheProject(text));
  console.log(`wrote ${OUTPUT} from Go ${releases.map((r) => `1.${r}`).join(', ')}`);
}
