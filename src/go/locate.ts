// Finds the go binary the user would run and its version, cheaply: reading $GOROOT/VERSION costs
// a file read, while `go env GOVERSION` costs a process start that a command like `modfile` cannot
// afford on every run. The process is only a fallback for installations without a VERSION file.
import { accessSync, constants, readFileSync, realpathSync } from 'node:fs';
import { delimiter, dirname, isAbsolute, join } from 'node:path';
import { run } from '../exec/run.ts';

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
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Looks the command up on PATH the way a shell would; undefined when it is not there. */
export function findOnPath(command: string, env: Record<string, string | undefined>): string | undefined {
  if (command.includes('/')) return isExecutable(command) ? command : undefined;
  const exts = process.platform === 'win32' ? ['.exe', ''] : [''];
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    for (const ext of exts) {
      const candidate = join(dir, command + ext);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

/** All go binaries on PATH, in order (several is a common source of "I upgraded but nothing changed"). */
export function allOnPath(command: string, env: Record<string, string | undefined>): string[] {
  const found: string[] = [];
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir || !isAbsolute(dir)) continue;
    const candidate = join(dir, command);
    if (isExecutable(candidate) && !found.includes(candidate)) found.push(candidate);
  }
  return found;
}

function readVersionFile(goroot: string): string | undefined {
  try {
    const first = readFileSync(join(goroot, 'VERSION'), 'utf8').split('\n')[0]?.trim();
    return first && /^go\d/.test(first) ? first : undefined;
  } catch {
    return undefined;
  }
}

export async function locateGo(
  env: Record<string, string | undefined>,
  explicit?: string,
): Promise<LocatedGo | undefined> {
  const bin = findOnPath(explicit ?? 'go', env);
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
