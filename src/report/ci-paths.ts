// Where CI systems want a finding's file: relative to the repository root, with forward slashes.
// Findings carry paths relative to the directory gomod-doctor ran in (`-C DIR`), which is often a
// module below the root (`services/api/go.mod`). The root is GITHUB_WORKSPACE / CI_PROJECT_DIR
// when the run is inside it, else the nearest directory holding `.git` — found by looking at the
// file system only: nothing from the checkout is run to find it.
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

export interface CiPaths {
  /** The directory gomod-doctor ran in (absolute). */
  cwd: string;
  /** The repository root (absolute). */
  root: string;
}

function inside(dir: string, root: string): boolean {
  const rel = relative(root, dir);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The repository root for a run in `cwd`, from the CI system's variables or the nearest `.git`. */
export function repositoryRoot(cwd: string, env: Record<string, string | undefined>): string {
  for (const name of ['GITHUB_WORKSPACE', 'CI_PROJECT_DIR', 'BUILD_SOURCESDIRECTORY']) {
    const value = env[name];
    if (value && isAbsolute(value) && inside(cwd, resolve(value))) return resolve(value);
  }
  for (let dir = cwd; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return cwd;
  }
}

/** A finding's file relative to the repository root, or undefined when it lies outside it. */
export function rootRelative(file: string, paths: CiPaths): string | undefined {
  const absolute = resolve(paths.cwd, file);
  if (!inside(absolute, paths.root)) return undefined;
  return relative(paths.root, absolute).split(sep).join('/');
}
