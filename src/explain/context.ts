// What the user's project and go environment add to a transcript: `go env -json` (GOPRIVATE and
// friends) and go.mod (where a module is required). Gathering it never blocks explain: any failure
// (no go, no project, a timeout) just leaves that part out.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { run } from '../exec/run.ts';
import { locateGo } from '../go/locate.ts';
import { parseGoMod } from '../modfile/index.ts';
import type { ExplainContext, GoModSummary } from './types.ts';

/** The variables whose origin matters for fixes: set in the process, `go env -w` does not apply. */
const WATCHED = ['GOPRIVATE', 'GONOPROXY', 'GONOSUMDB', 'GOPROXY', 'GOSUMDB', 'GOFLAGS', 'GOTOOLCHAIN'];

export interface GatherOptions {
  cwd: string;
  env: Record<string, string | undefined>;
  /** A go binary to use instead of the one on PATH. */
  go?: string;
  timeoutMs?: number;
}

export async function gatherContext(options: GatherOptions): Promise<ExplainContext> {
  const context: ExplainContext = {};
  const [goEnv, goMod] = await Promise.all([
    readGoEnv(options),
    Promise.resolve(readGoModSummary(options.cwd)),
  ]);
  if (goEnv) context.goEnv = goEnv;
  if (goMod) context.goMod = goMod;
  const inProcess = WATCHED.filter((name) => (options.env[name] ?? '') !== '');
  if (inProcess.length > 0) context.envSetInProcess = inProcess;
  return context;
}

/**
 * `go env -json` with the user's environment, but never in a way that can fetch or run anything
 * new: GOTOOLCHAIN=local (a go.mod asking for a newer Go must not trigger a toolchain download)
 * and GOFLAGS cleared (a stray flag must not make go env fail).
 */
async function readGoEnv(options: GatherOptions): Promise<Record<string, string> | undefined> {
  try {
    const go = await locateGo(options.env, options.go);
    if (!go) return undefined;
    const result = await run(go.bin, ['env', '-json'], {
      env: { ...options.env, GOTOOLCHAIN: 'local', GOFLAGS: '' },
      cwd: options.cwd,
      timeoutMs: options.timeoutMs ?? 5_000,
    });
    if (result.exitCode !== 0 || result.timedOut) return undefined;
    const parsed = JSON.parse(result.stdout) as unknown;
    if (!parsed || typeof parsed !== 'object') return undefined;
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(parsed)) if (typeof value === 'string') out[key] = value;
    // go env reports GOTOOLCHAIN as we forced it; what the user has is in their environment.
    if (options.env.GOTOOLCHAIN !== undefined) out.GOTOOLCHAIN = options.env.GOTOOLCHAIN;
    else delete out.GOTOOLCHAIN;
    return out;
  } catch {
    return undefined;
  }
}

/** go.mod of the directory (only that directory: explain is run from the module root or with -C). */
export function readGoModSummary(dir: string): GoModSummary | undefined {
  const path = join(dir, 'go.mod');
  let data: Buffer;
  try {
    data = readFileSync(path);
  } catch {
    return undefined;
  }
  try {
    const parsed = parseGoMod(data, { filename: 'go.mod' });
    const file = parsed.file;
    const summary: GoModSummary = {
      file: relative(dir, path) || 'go.mod',
      requires: file.require.map((r) => ({
        path: r.path,
        version: r.version,
        line: r.pathPos.line,
        column: r.pathPos.column,
      })),
    };
    if (file.module?.path) summary.module = file.module.path;
    if (file.go?.version) summary.go = file.go.version;
    return summary;
  } catch {
    return undefined;
  }
}
