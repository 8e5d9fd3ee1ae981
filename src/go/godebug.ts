// Which Go releases refuse a GODEBUG setting, and with which words: the go command checks every
// go.mod/go.work `godebug` line (when it loads the module) and every `//go:debug` line of a
// package it builds against its own table of settings. A setting removed from that table is
// refused: Go 1.24-1.25 call it unknown, Go 1.26 "use of removed godebug", and Go 1.27 refuses
// only the values that restore the old behaviour. The table is generated from the Go source
// (src/doctor/data/godebug-removed.ts, scripts/godebug-table.ts).
import {
  GODEBUG_RULES,
  type GoFormat,
  REMOVED_GODEBUGS,
  type RemovedGodebug,
} from '../doctor/data/godebug-removed.ts';
import { goQuote } from '../modfile/gostrings.ts';

/** Where the setting is written: the go command names it differently in its messages. */
export type GodebugSource = 'godebug-line' | 'go-debug-directive';

export interface GodebugRefusal {
  setting: RemovedGodebug;
  /** The minor release whose go command refuses it (27 for Go 1.27). */
  release: number;
  /** The go command's own words, e.g. `removed GODEBUG "asynctimerchan" set to old value "1" (...)`. */
  message: string;
}

/** fmt.Sprintf for the verbs CheckGodebug uses (%s, %q of a string, %v of an int). */
function sprintf(format: GoFormat, values: Record<GoFormat['args'][number], string>): string {
  let next = 0;
  return format.format.replace(/%([sqv%])/g, (_, verb: string) => {
    if (verb === '%') return '%';
    const arg = format.args[next++];
    const value = arg === undefined ? '' : values[arg];
    return verb === 'q' ? goQuote(value) : value;
  });
}

function rulesFor(minor: number) {
  if (minor < GODEBUG_RULES[0]!.release) return undefined;
  return GODEBUG_RULES.find((r) => r.release === minor) ?? GODEBUG_RULES.at(-1)!;
}

/**
 * What the go command of minor release `minor` says about `key=value`, when it refuses it because
 * the setting was removed; undefined when that release accepts it (or the setting never existed,
 * or does not exist yet: that is another matter).
 */
export function godebugRefusal(
  key: string,
  value: string,
  minor: number,
  source: GodebugSource,
): GodebugRefusal | undefined {
  const setting = REMOVED_GODEBUGS.find((s) => s.name === key);
  const rules = rulesFor(minor);
  if (!setting || !rules) return undefined;
  if (setting.knownIn.includes(rules.release) || rules.release < Math.min(...setting.knownIn))
    return undefined;
  const verb = source === 'godebug-line' ? 'godebug' : '//go:debug setting';
  const values = { verb, key, value, removed: String(setting.removed) };
  if (rules.listedAsRemoved.includes(key) && rules.removedMessage) {
    if (rules.oldValuesOnly && !setting.oldValues.includes(value)) return undefined;
    return { setting, release: rules.release, message: sprintf(rules.removedMessage, values) };
  }
  return { setting, release: rules.release, message: sprintf(rules.unknownMessage, values) };
}

/** The first release after `minor` (up to the newest known) that refuses `key=value`. */
export function nextGodebugRefusal(
  key: string,
  value: string,
  minor: number,
  source: GodebugSource,
): GodebugRefusal | undefined {
  for (const rules of GODEBUG_RULES) {
    if (rules.release <= minor) continue;
    const refusal = godebugRefusal(key, value, rules.release, source);
    if (refusal) return refusal;
  }
  return undefined;
}

/** One field of the GODEBUG environment variable that a Go runtime refuses at start-up. */
export interface GodebugEnvRefusal extends GodebugRefusal {
  key: string;
  value: string;
}

/**
 * What the runtime of minor release `minor` says about the GODEBUG environment variable. From Go
 * 1.27 (the release whose go command refuses only the old values, go.dev/issue/76163) every Go
 * program, the go command first, reads GODEBUG at start-up left to right and stops with a fatal
 * error at the first removed setting set to an old value; earlier runtimes ignore removed
 * settings there. The runtime's words use plain quotes, not Go's %q.
 */
export function godebugEnvRefusal(godebug: string, minor: number): GodebugEnvRefusal | undefined {
  const rules = rulesFor(minor);
  if (!rules?.oldValuesOnly) return undefined;
  for (const field of godebug.split(',')) {
    const eq = field.indexOf('=');
    if (eq < 0) continue;
    const key = field.slice(0, eq);
    const value = field.slice(eq + 1);
    if (!rules.listedAsRemoved.includes(key)) continue;
    const setting = REMOVED_GODEBUGS.find((s) => s.name === key);
    if (!setting?.oldValues.includes(value)) continue;
    return {
      key,
      value,
      setting,
      release: rules.release,
      message: `removed GODEBUG "${key}" set to old value "${value}" in environment (https://go.dev/doc/godebug#go-1${setting.removed})`,
    };
  }
  return undefined;
}

/** The first release after `minor` (up to the newest known) whose runtime refuses this GODEBUG. */
export function nextGodebugEnvRefusal(godebug: string, minor: number): GodebugEnvRefusal | undefined {
  for (const rules of GODEBUG_RULES) {
    if (rules.release <= minor) continue;
    const refusal = godebugEnvRefusal(godebug, rules.release);
    if (refusal) return refusal;
  }
  return undefined;
}

/** Whether a go command's error output is the runtime's start-up refusal of GODEBUG. */
export function isGodebugEnvFatal(text: string): boolean {
  return /removed GODEBUG "[^"\n]*" set to old value "[^"\n]*" in environment/.test(text);
}
