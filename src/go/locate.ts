// The one locator for the binaries this tool may run (go, git, ssh), and the go binary's version.
//
// The rule, for every command: a binary is taken only from an absolute PATH entry (never from an
// empty or relative one, which means "the current directory" to a shell), and never from inside
// the project being looked at (the directory worked in and the checkout around it): the checkout
// is the code under analysis, and nothing from it is ever executed. A path the user names
// explicitly (--go /path/to/go) is their choice and is taken as it is.
//
// The version is found cheaply: reading $GOROOT/VERSION costs
// a file read, while `go env GOVERSION` costs a process start that a command like `modfile` cannot
// afford on every run. The process is only a fallback for installations without a VERSION file.
import { accessSync, constants, readFileSync, realpathSync, statSync } from 'node:fs';
import { delimiter, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { run } from '../exec/run.ts';
import { findProjectRoot } from './root.ts';

export interface LocatedGo {
  /** The go binary as found on PATH (or given with --go). */
  bin: string;
  /** GOROOT derived from the binary's real location. */
  goroot: string;
  /** e.g. 'go1.23.5'; undefined when it could not be told. */
  version?: string;
}

function isExecutable(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** The directories no binary may come from when working in `project`: it and its checkout. */
function untrustedRoots(project: string, env: Record<string, string | undefined>): string[] {
  const dir = resolve(project);
  const roots = [dir, findProjectRoot(dir, env)];
  return [...new Set([...roots, ...roots.map(realOrSelf)])];
}

/** Whether a binary lies inside one of the roots (as found, or after following symlinks). */
function isInsideAny(bin: string, roots: readonly string[]): boolean {
  const real = realOrSelf(bin);
  return roots.some((root) => isInside(bin, root) || isInside(real, root));
}

export interface PathSearch {
  /** Executables on absolute PATH entries outside the project, in PATH order. */
  trusted: string[];
  /** Executables found but refused because they lie inside the project. */
  skipped: string[];
}

/**
 * Every `command` on PATH the rule allows, in order, and those it refused. Empty and relative PATH
 * entries are not searched at all; `project` (the directory worked in) and its checkout are refused.
 */
export function searchPath(
  command: string,
  env: Record<string, string | undefined>,
  project?: string,
): PathSearch {
  const roots = project !== undefined ? untrustedRoots(project, env) : [];
  const exts = process.platform === 'win32' ? ['.exe', ''] : [''];
  const trusted: string[] = [];
  const skipped: string[] = [];
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir || !isAbsolute(dir)) continue;
    for (const ext of exts) {
      const candidate = join(dir, command + ext);
      if (trusted.includes(candidate) || skipped.includes(candidate) || !isExecutable(candidate)) continue;
      (isInsideAny(candidate, roots) ? skipped : trusted).push(candidate);
      break;
    }
  }
  return { trusted, skipped };
}

/**
 * The binary to run for `command`: a path (with a slash) as given, else the first on PATH that
 * the rule allows; undefined when there is none.
 */
export function findOnPath(
  command: string,
  env: Record<string, string | undefined>,
  project?: string,
): string | undefined {
  if (command.includes('/')) return isExecutable(command) ? command : undefined;
  return searchPath(command, env, project).trusted[0];
}

function readVersionFile(goroot: string): string | undefined {
  try {
    const first = readFileSync(join(goroot, 'VERSION'), 'utf8').split('\n')[0]?.trim();
    return first && /^go\d/.test(first) ? first : undefined;
  } catch {
    return undefined;
  }
}

/** The go binary for work in `project` (see the rule above); undefined when there is none. */
export async function locateGo(
  env: Record<string, string | undefined>,
  explicit?: string,
  project?: string,
): Promise<LocatedGo | undefined> {
  const bin = findOnPath(explicit ?? 'go', env, project);
  if (!bin) return undefined;
  let real = bin;
  try {
    real = realpathSync(bin);
  } catch {
    // keep the PATH entry
  }
  const goroot = dirname(dirname(real));
  const version = readVersionFile(goroot);
  if (version) return { bin, goroot, version };
  const result = await run(bin, ['env', 'GOVERSION'], {
    env: { PATH: env.PATH, HOME: env.HOME, GOTOOLCHAIN: 'local', GOFLAGS: '' },
    timeoutMs: 10_000,
  });
  const reported = result.exitCode === 0 ? result.stdout.trim() : '';
  return { bin, goroot, ...(/^go\d/.test(reported) ? { version: reported } : {}) };
}

/** 'go1.23.5' → '1.23'; 'devel go1.24-abc' → '1.24'. */
export function languageVersion(goVersion: string): string | undefined {
  const match = /go(\d+)\.(\d+)/.exec(goVersion);
  return match ? `${match[1]}.${match[2]}` : undefined;
}
