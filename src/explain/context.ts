// What the user's project and go environment add to a transcript: `go env -json` (GOPRIVATE and
// friends) and go.mod (where a module is required). Gathering it never blocks explain: any failure
// (no go, no project, a timeout) just leaves that part out.

import { join, relative } from 'node:path';
import { readProjectFile } from '../files/read.ts';
import { readGoEnv } from '../go/env.ts';
import { locateGo } from '../go/locate.ts';
import { hashGoMod, isWellFormedH1 } from '../gosum/dirhash.ts';
import { parseGoMod } from '../modfile/index.ts';
import { escapePath, escapeVersion } from '../module/escape.ts';
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
    readContextGoEnv(options),
    Promise.resolve(readGoModSummary(options.cwd)),
  ]);
  if (goEnv) context.goEnv = goEnv;
  if (goMod) context.goMod = goMod;
  const inProcess = WATCHED.filter((name) => (options.env[name] ?? '') !== '');
  if (inProcess.length > 0) context.envSetInProcess = inProcess;
  return context;
}

/**
 * `go env` with the user's environment, never in a way that can fetch or run anything new
 * (see readGoEnv), with GOFLAGS cleared so that a stray flag does not hide the other settings.
 */
async function readContextGoEnv(options: GatherOptions): Promise<Record<string, string> | undefined> {
  try {
    const go = await locateGo(options.env, options.go, options.cwd);
    if (!go) return undefined;
    const facts = await readGoEnv(go.bin, {
      env: options.env,
      cwd: options.cwd,
      timeoutMs: options.timeoutMs ?? 5_000,
      clearGoflags: true,
    });
    if (facts.error !== undefined) return undefined;
    const out = { ...facts.values };
    // go env reports GOTOOLCHAIN as we forced it; what the user has is in their environment.
    if (options.env.GOTOOLCHAIN !== undefined) out.GOTOOLCHAIN = options.env.GOTOOLCHAIN;
    else delete out.GOTOOLCHAIN;
    return out;
  } catch {
    return undefined;
  }
}

/**
 * The h1: hash of what the module cache holds for M@V: the hash it recorded for the zip
 * (`cache/download/M/@v/V.ziphash`), or the hash of the cached go.mod (`V.mod`). Undefined when the
 * cache has no copy; any error counts as "no copy". One small file.
 */
export function cachedHash(
  gomodcache: string,
  module: string,
  version: string,
  what: 'zip' | 'mod',
): string | undefined {
  const path = escapePath(module);
  const escapedVersion = escapeVersion(version);
  if (!gomodcache || !path.ok || !escapedVersion.ok) return undefined;
  const base = join(gomodcache, 'cache', 'download', path.value, '@v', escapedVersion.value);
  try {
    const read = readProjectFile(`${base}.${what === 'mod' ? 'mod' : 'ziphash'}`, { kind: 'go.mod' });
    if (!read.ok) return undefined;
    if (what === 'mod') return hashGoMod(read.bytes);
    const text = read.bytes.toString('utf8').trim();
    return isWellFormedH1(text) ? text : undefined;
  } catch {
    return undefined;
  }
}

/** go.mod of the directory (only that directory: explain is run from the module root or with -C). */
function readGoModSummary(dir: string): GoModSummary | undefined {
  const path = join(dir, 'go.mod');
  // The checkout's go.mod: a FIFO, a device or a link out of the directory is not read.
  const read = readProjectFile(path, { kind: 'go.mod', roots: [dir] });
  if (!read.ok) return undefined;
  const data = read.bytes;
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
    const dirReplaces = file.replace
      .filter((r) => r.new.version === '')
      .map((r) => ({ path: r.old.path, dir: r.new.path, line: r.newPos.line, column: r.newPos.column }));
    if (dirReplaces.length > 0) summary.dirReplaces = dirReplaces;
    if (file.module?.path) summary.module = file.module.path;
    if (file.go?.version) summary.go = file.go.version;
    return summary;
  } catch {
    return undefined;
  }
}
