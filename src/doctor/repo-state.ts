// Where a repository begins and whether a directory in it has uncommitted changes, for the
// release gate. The root is found by looking for `.git` upward (nothing is run for that). The
// status comes from git itself, hardened: no hooks, no fsmonitor, no optional locks, no pager,
// and the repository's own filter drivers (which a status may run to hash a changed file) turned
// off; a repository whose config includes other files is not asked at all.
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { run } from '../exec/run.ts';
import { SAFE_GIT_ARGS, safeGitEnv } from './facts.ts';

export interface GitRoot {
  /** The work tree's top directory. */
  root: string;
  /** The git directory (`.git`, or where a `.git` file points). */
  gitDir: string;
}

/** The nearest enclosing directory holding `.git` (a directory, or a file naming the git directory). */
export function findGitRoot(dir: string): GitRoot | undefined {
  let d = resolve(dir);
  for (;;) {
    const dotGit = join(d, '.git');
    try {
      const info = statSync(dotGit);
      if (info.isDirectory()) return { root: d, gitDir: dotGit };
      if (info.isFile()) {
        const m = /^gitdir:\s*(.+?)\s*$/m.exec(readFileSync(dotGit, 'utf8'));
        if (m) return { root: d, gitDir: isAbsolute(m[1]!) ? m[1]! : resolve(d, m[1]!) };
      }
    } catch {
      // keep looking
    }
    const parent = dirname(d);
    if (parent === d) return undefined;
    d = parent;
  }
}

export function isInsideDir(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** `filter.NAME` sections of a git config file, and whether it includes other files. */
function configFilters(gitDir: string): { filters: string[]; includes: boolean } {
  let text = '';
  try {
    text = readFileSync(join(gitDir, 'config'), 'utf8');
  } catch {
    return { filters: [], includes: false };
  }
  const filters = [...text.matchAll(/^\s*\[\s*filter\s+"([^"]*)"\s*\]/gim)].map((m) => m[1]!);
  return { filters, includes: /^\s*\[\s*include(if)?\b/im.test(text) };
}

/**
 * Whether `dir` (inside the work tree of `repo`) has uncommitted changes, untracked files
 * included; undefined when git cannot tell (not installed, not a repository, refused, timed out).
 */
export async function hasUncommittedChanges(
  gitBin: string | undefined,
  repo: GitRoot,
  dir: string,
  env: Record<string, string | undefined>,
): Promise<boolean | undefined> {
  if (!gitBin) return undefined;
  const { filters, includes } = configFilters(repo.gitDir);
  if (includes) return undefined;
  const filterOff = filters.flatMap((f) => [
    '-c',
    `filter.${f}.clean=`,
    '-c',
    `filter.${f}.smudge=`,
    '-c',
    `filter.${f}.process=`,
    '-c',
    `filter.${f}.required=false`,
  ]);
  const pathspec = relative(repo.root, dir) || '.';
  const { GIT_DIR: _ignored, ...base } = safeGitEnv(env);
  const result = await run(
    gitBin,
    [
      ...SAFE_GIT_ARGS,
      '-c',
      'core.untrackedCache=false',
      ...filterOff,
      '--no-optional-locks',
      `--git-dir=${repo.gitDir}`,
      `--work-tree=${repo.root}`,
      'status',
      '--porcelain',
      '-z',
      '--',
      pathspec,
    ],
    { env: { ...base, GIT_CONFIG_NOSYSTEM: '1' }, cwd: repo.root, timeoutMs: 20_000 },
  );
  if (result.exitCode !== 0) return undefined;
  return result.stdout.length > 0;
}
