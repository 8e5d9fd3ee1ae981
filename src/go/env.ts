// The go command's settings and where each one comes from. "I set it but it has no effect" is a
// common report, so the origin is evidence: the process environment wins over the `go env -w`
// file, which wins over $GOROOT/go.env (Go 1.21+), which wins over the built-in default.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { run } from '../exec/run.ts';

export type SettingOrigin = 'environment' | 'goenv-file' | 'goroot-go.env' | 'default';

export interface GoEnvFacts {
  /** `go env -json` as the go command reports it (all values are strings). */
  values: Record<string, string>;
  /** Exit status and stderr of `go env -json` when it failed (a broken GOFLAGS shows up here). */
  error?: string;
}

/** Parses `KEY=VALUE` lines as the go command writes them in its env files (no quoting, # comments). */
function parseEnvFile(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    const eq = line.indexOf('=');
    if (eq <= 0 || line.startsWith('#')) continue;
    const key = line.slice(0, eq).trim();
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) continue;
    out.set(key, line.slice(eq + 1));
  }
  return out;
}

/** Where `go env -w` writes: $GOENV, else the user config dir + go/env (os.UserConfigDir rules). */
export function goEnvFilePath(env: Record<string, string | undefined>): string | undefined {
  if (env.GOENV !== undefined) return env.GOENV === 'off' || env.GOENV === '' ? undefined : env.GOENV;
  const home = env.HOME ?? homedir();
  if (process.platform === 'win32') return env.APPDATA ? join(env.APPDATA, 'go', 'env') : undefined;
  if (process.platform === 'darwin') return join(home, 'Library', 'Application Support', 'go', 'env');
  const config = env.XDG_CONFIG_HOME?.startsWith('/') ? env.XDG_CONFIG_HOME : join(home, '.config');
  return join(config, 'go', 'env');
}

function readOptional(file: string | undefined): string | undefined {
  if (!file) return undefined;
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Every place a setting can come from, in the go command's order of precedence, with the value
 * each holds there (undefined: not set there). An empty value in the environment or the GOENV file
 * counts as unset, as the go command treats it; $GOROOT/go.env's empty value is a value.
 * This is the one statement of that order: resolveSetting, the doctor's origins and tidy-check's
 * settings all read it.
 */
export function settingCandidates(
  name: string,
  env: Record<string, string | undefined>,
  sources: SettingSources,
): Array<{ origin: Exclude<SettingOrigin, 'default'>; value: string | undefined }> {
  return [
    { origin: 'environment', value: env[name] === '' ? undefined : env[name] },
    { origin: 'goenv-file', value: sources.goenvFileValues.get(name) || undefined },
    { origin: 'goroot-go.env', value: sources.gorootEnvValues.get(name) },
  ];
}

/** A setting's value and where it comes from; value undefined: the built-in default applies. */
export function resolveSetting(
  name: string,
  env: Record<string, string | undefined>,
  sources: SettingSources,
): { origin: SettingOrigin; value: string | undefined } {
  const winner = settingCandidates(name, env, sources).find((c) => c.value !== undefined);
  return winner ?? { origin: 'default', value: undefined };
}

export interface SettingSources {
  goenvFile?: string;
  goenvFileValues: Map<string, string>;
  gorootEnvValues: Map<string, string>;
}

export function readSettingSources(
  env: Record<string, string | undefined>,
  goroot: string | undefined,
): SettingSources {
  const goenvFile = goEnvFilePath(env);
  return {
    ...(goenvFile ? { goenvFile } : {}),
    goenvFileValues: parseEnvFile(readOptional(goenvFile) ?? ''),
    gorootEnvValues: parseEnvFile(readOptional(goroot ? join(goroot, 'go.env') : undefined) ?? ''),
  };
}

/** The variables gomod-doctor asks of `go env`. Naming them keeps the go command from computing
 *  the costly ones (it runs the C compiler for GOGCCFLAGS), which takes half a second. */
const GO_ENV_NAMES = [
  'GOVERSION',
  'GOROOT',
  'GOPATH',
  'GOMODCACHE',
  'GOCACHE',
  'GOENV',
  'GOOS',
  'GOARCH',
  'GO111MODULE',
  'GOFLAGS',
  'GOPROXY',
  'GOSUMDB',
  'GOPRIVATE',
  'GONOPROXY',
  'GONOSUMDB',
  'GOINSECURE',
  'GOVCS',
  'GOAUTH',
  'GOTOOLCHAIN',
  'GOWORK',
  'GOTMPDIR',
] as const;

export interface ReadGoEnvOptions {
  env: Record<string, string | undefined>;
  cwd: string;
  timeoutMs?: number;
  /** Clear GOFLAGS for this run, so that a stray flag cannot make `go env` itself fail. */
  clearGoflags?: boolean;
}

/**
 * Runs `go env -json` once for GO_ENV_NAMES. GOTOOLCHAIN=local keeps a go.mod in the current
 * directory from starting a toolchain download (running on an untrusted checkout must not fetch
 * anything); the GOTOOLCHAIN it reports is therefore ours, not the user's.
 */
export async function readGoEnv(goBin: string, options: ReadGoEnvOptions): Promise<GoEnvFacts> {
  const env = { ...options.env, GOTOOLCHAIN: 'local', ...(options.clearGoflags ? { GOFLAGS: '' } : {}) };
  const result = await run(goBin, ['env', '-json', ...GO_ENV_NAMES], {
    env,
    cwd: options.cwd,
    timeoutMs: options.timeoutMs ?? 10_000,
  });
  if (result.exitCode !== 0) {
    return {
      values: {},
      error: result.stderr.trim() || result.spawnError?.message || `exit status ${result.exitCode}`,
    };
  }
  try {
    const parsed = JSON.parse(result.stdout) as Record<string, unknown>;
    const values: Record<string, string> = {};
    for (const [key, value] of Object.entries(parsed)) if (typeof value === 'string') values[key] = value;
    return { values };
  } catch {
    return { values: {}, error: 'go env -json printed something that is not JSON' };
  }
}
