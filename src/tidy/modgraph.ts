// The module graph as the go command builds it from go.mod files, read only from disk: the
// main module's go.mod, local replacement directories, and the module cache
// (cache/download/<escaped path>/@v/<version>.mod). Minimal version selection, graph pruning for
// go ≥ 1.17 modules, and mvs.Req (the minimal requirement list that keeps a build list).
import { statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { readProjectFile } from '../files/read.ts';
import { compareGoVersions } from '../goenv/gover.ts';
import { parseGoMod } from '../modfile/index.ts';
import { escapePath, escapeVersion } from '../module/escape.ts';
import { compare as compareSemver } from '../module/semver.ts';

export interface ModuleVersion {
  path: string;
  /** '' for a main (or workspace) module. */
  version: string;
}

export function mvKey(m: ModuleVersion): string {
  return `${m.path}@${m.version}`;
}

/** The first Go version whose go.mod files prune the module graph. */
export const PRUNING_VERSION = '1.17';
/** The first Go version whose `all` no longer closes over tests of dependencies. */
export const NARROW_ALL_VERSION = '1.16';

export function goAtLeast(version: string | undefined, min: string): boolean {
  return version !== undefined && version !== '' && compareGoVersions(version, min) >= 0;
}

export interface ReplacementTarget {
  /** A directory (absolute) when the replacement is a local path. */
  dir?: string;
  /** Otherwise another module version. */
  module?: ModuleVersion;
}

export interface ReplaceRule {
  old: ModuleVersion;
  /** The replacement as written. */
  newPath: string;
  newVersion: string;
}

export interface GoModSummary {
  module?: string;
  go?: string;
  require: ModuleVersion[];
  /** go ≥ 1.17: only this module's own requirements enter a pruned graph. */
  pruned: boolean;
}

export interface ModuleSourceOptions {
  gomodcache: string;
  /** The main module's directory (replacement paths are relative to it). */
  mainDir: string;
  replace: readonly ReplaceRule[];
  /** path@version strings excluded by the main module. */
  exclude: ReadonlySet<string>;
}

/** Where module contents come from: replacements first, then the module cache. */
export class ModuleSource {
  private readonly summaries = new Map<string, GoModSummary | null>();
  /** Module versions whose go.mod is not on this machine (tidy would download it). */
  readonly missingGoMods = new Set<string>();

  constructor(readonly options: ModuleSourceOptions) {}

  replacement(m: ModuleVersion): ReplacementTarget | undefined {
    let wildcard: ReplaceRule | undefined;
    for (const rule of this.options.replace) {
      if (rule.old.path !== m.path) continue;
      if (rule.old.version === m.version) return this.target(rule);
      if (rule.old.version === '') wildcard = rule;
    }
    return wildcard ? this.target(wildcard) : undefined;
  }

  private target(rule: ReplaceRule): ReplacementTarget {
    if (rule.newVersion === '') {
      return { dir: isAbsolute(rule.newPath) ? rule.newPath : resolve(this.options.mainDir, rule.newPath) };
    }
    return { module: { path: rule.newPath, version: rule.newVersion } };
  }

  excluded(m: ModuleVersion): boolean {
    return this.options.exclude.has(mvKey(m));
  }

  /** The extracted module directory in the cache (whether or not it exists). */
  cacheDir(m: ModuleVersion): string | undefined {
    const path = escapePath(m.path);
    const version = escapeVersion(m.version);
    if (!path.ok || !version.ok) return undefined;
    return join(this.options.gomodcache, `${path.value}@${version.value}`);
  }

  cacheModFile(m: ModuleVersion): string | undefined {
    const path = escapePath(m.path);
    const version = escapeVersion(m.version);
    if (!path.ok || !version.ok) return undefined;
    return join(this.options.gomodcache, 'cache', 'download', path.value, '@v', `${version.value}.mod`);
  }

  /**
   * The directory holding a module version's files: a replacement directory, or the extracted
   * cache directory when it is complete (a `.partial` marker means the extraction did not finish).
   * `undefined` when the files are not on this machine.
   */
  moduleDir(m: ModuleVersion): string | undefined {
    const r = this.replacement(m);
    if (r?.dir) return isDir(r.dir) ? r.dir : undefined;
    const target = r?.module ?? m;
    const dir = this.cacheDir(target);
    if (!dir || !isDir(dir)) return undefined;
    const partial = this.cacheModFile(target)?.replace(/\.mod$/, '.partial');
    if (partial && exists(partial)) return undefined;
    return dir;
  }

  /** Whether a module's files come from a local directory (nested modules must be checked there). */
  isLocal(m: ModuleVersion): boolean {
    return this.replacement(m)?.dir !== undefined;
  }

  /** The requirements a module version's go.mod states, with the main module's exclusions applied. */
  summary(m: ModuleVersion): GoModSummary | undefined {
    const key = mvKey(m);
    const cached = this.summaries.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const loaded = this.loadSummary(m);
    this.summaries.set(key, loaded ?? null);
    return loaded;
  }

  private loadSummary(m: ModuleVersion): GoModSummary | undefined {
    const r = this.replacement(m);
    let file: string | undefined;
    if (r?.dir) {
      file = join(r.dir, 'go.mod');
      // A replacement directory without go.mod stands for a module with no requirements.
      if (!exists(file)) return { require: [], pruned: false };
    } else {
      file = this.cacheModFile(r?.module ?? m);
    }
    let data: Buffer;
    try {
      if (!file) throw new Error('bad path');
      const read = readProjectFile(file, { kind: 'go.mod' });
      if (!read.ok) throw new Error('not read');
      data = read.bytes;
    } catch {
      this.missingGoMods.add(mvKey(r?.module ?? m));
      return undefined;
    }
    const parsed = parseGoMod(data, { filename: file, lax: true });
    const go = parsed.file.go?.version;
    const require = parsed.file.require
      .map((req) => ({ path: req.path, version: req.version }))
      .filter((req) => !this.excluded(req));
    return {
      ...(parsed.file.module ? { module: parsed.file.module.path } : {}),
      ...(go ? { go } : {}),
      require,
      pruned: goAtLeast(go, PRUNING_VERSION),
    };
  }
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export function compareVersions(a: string, b: string): number {
  if (a === b) return 0;
  if (a === '') return 1; // a main module outranks every version
  if (b === '') return -1;
  if (a === 'none') return -1;
  if (b === 'none') return 1;
  return compareSemver(a, b);
}

export interface ModuleGraph {
  /** Edges: module version key → its requirements (as loaded). */
  edges: Map<string, ModuleVersion[]>;
  /** Selected version per module path (MVS). Main modules map to ''. */
  selected: Map<string, string>;
  /** Module versions whose go.mod could not be read. */
  incomplete: ModuleVersion[];
}

/**
 * Loads the graph the way the go command does. `mainPruned`: the main go.mod says go ≥ 1.17.
 * For a pruned main module, each root's go.mod is read; a root that is itself pruned contributes
 * only its own requirements, while an unpruned one pulls in its whole transitive closure.
 */
export function loadGraph(
  source: ModuleSource,
  mains: readonly ModuleVersion[],
  roots: readonly ModuleVersion[],
  mainPruned: boolean,
): ModuleGraph {
  const edges = new Map<string, ModuleVersion[]>();
  const incomplete: ModuleVersion[] = [];
  const mainPaths = new Set(mains.map((m) => m.path));
  for (const main of mains) edges.set(mvKey(main), [...roots]);
  const loadedPruned = new Set<string>();
  const loadedUnpruned = new Set<string>();
  const queue: Array<{ m: ModuleVersion; unpruned: boolean }> = roots.map((m) => ({
    m,
    unpruned: !mainPruned,
  }));
  for (let next = 0; next < queue.length; next++) {
    const { m, unpruned } = queue[next]!;
    if (m.version === 'none' || mainPaths.has(m.path)) continue;
    const key = mvKey(m);
    const seen = unpruned ? loadedUnpruned : loadedPruned;
    if (seen.has(key)) continue;
    seen.add(key);
    const summary = source.summary(m);
    if (!summary) {
      if (!edges.has(key)) incomplete.push(m);
      edges.set(key, []);
      continue;
    }
    edges.set(key, summary.require);
    if (unpruned || !summary.pruned) {
      for (const r of summary.require) queue.push({ m: r, unpruned: true });
    }
  }
  const selected = new Map<string, string>();
  for (const main of mains) selected.set(main.path, '');
  const consider = (m: ModuleVersion) => {
    if (mainPaths.has(m.path)) return;
    const current = selected.get(m.path);
    if (current === undefined || compareVersions(m.version, current) > 0) selected.set(m.path, m.version);
  };
  for (const reqs of edges.values()) for (const r of reqs) consider(r);
  return { edges, selected, incomplete };
}

/**
 * mvs.Req: the smallest requirement list (always including the `base` paths) whose MVS build
 * list equals the one from `roots`. Used by tidy for go < 1.17 main modules. `requirements(m)`
 * gives a module's go.mod requirements.
 */
export function minimalRequirements(
  main: ModuleVersion,
  roots: readonly ModuleVersion[],
  base: readonly string[],
  requirements: (m: ModuleVersion) => readonly ModuleVersion[],
): ModuleVersion[] {
  const reqOf = (m: ModuleVersion): readonly ModuleVersion[] =>
    m.path === main.path ? roots : requirements(m);
  // The build list first (max version per path over everything reachable from the roots).
  const max = new Map<string, string>();
  const reached = new Set<string>([mvKey(main)]);
  const pending = [...roots];
  while (pending.length > 0) {
    const m = pending.pop()!;
    if (m.version === 'none' || m.path === main.path || reached.has(mvKey(m))) continue;
    reached.add(mvKey(m));
    const current = max.get(m.path);
    if (current === undefined || compareVersions(m.version, current) > 0) max.set(m.path, m.version);
    pending.push(...reqOf(m));
  }
  // Post-order, walking the build list in its order (sorted by path), as mvs.Req does.
  const postorder: ModuleVersion[] = [];
  const visited = new Set<string>([mvKey(main)]);
  const walk = (start: ModuleVersion) => {
    if (visited.has(mvKey(start))) return;
    visited.add(mvKey(start));
    const stack: Array<{ m: ModuleVersion; next: number }> = [{ m: start, next: 0 }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const reqs = reqOf(top.m);
      if (top.next < reqs.length) {
        const child = reqs[top.next++]!;
        if (child.version === 'none' || visited.has(mvKey(child))) continue;
        visited.add(mvKey(child));
        stack.push({ m: child, next: 0 });
      } else {
        stack.pop();
        postorder.push(top.m);
      }
    }
  };
  for (const path of [...max.keys()].sort()) walk({ path, version: max.get(path)! });
  const have = new Set<string>();
  const mark = (m: ModuleVersion) => {
    const stack = [m];
    while (stack.length > 0) {
      const x = stack.pop()!;
      const key = mvKey(x);
      if (have.has(key)) continue;
      have.add(key);
      for (const r of reqOf(x)) if (r.version !== 'none') stack.push(r);
    }
  };
  const min: ModuleVersion[] = [];
  const haveBase = new Set<string>();
  for (const path of base) {
    if (haveBase.has(path)) continue;
    const version = max.get(path);
    if (version === undefined) continue;
    const m = { path, version };
    min.push(m);
    mark(m);
    haveBase.add(path);
  }
  for (let k = postorder.length - 1; k >= 0; k--) {
    const m = postorder[k]!;
    if (m.path === main.path || max.get(m.path) !== m.version) continue;
    if (!have.has(mvKey(m))) {
      min.push(m);
      mark(m);
    }
  }
  min.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return min;
}
