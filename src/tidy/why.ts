// "Why is M at this version?" as a sentence: the module graph the go command builds from go.mod
// (the same edges `go mod graph` prints, read offline from the module cache), and for one module
// every requirement edge into it, the one that set the selected version first. MVS selects the
// highest version any reachable go.mod asks for, so the edges at that version are the answer.

import { findModuleRoot, findWorkFile } from '../go/root.ts';
import { goSettings, mainModuleSource, NoModuleError, readMainModule } from './analyze.ts';
import type { ModuleGraph, ModuleVersion } from './modgraph.ts';
import { compareVersions, goAtLeast, loadGraph, PRUNING_VERSION } from './modgraph.ts';

export interface LoadedModuleGraph {
  main: { path: string; go?: string; goModPath: string };
  graph: ModuleGraph;
  /** Whether the main module's go line prunes the graph (go 1.17 and later). */
  pruned: boolean;
  /** A go.work that applies here: the go command would use the workspace's graph instead. */
  workFile?: string;
}

/** The module graph of the module around `dir`, as go.mod stands now (not as tidy would leave it). */
export function loadModuleGraph(options: {
  dir: string;
  env: Record<string, string | undefined>;
}): LoadedModuleGraph {
  const root = findModuleRoot(options.dir);
  if (!root) throw new NoModuleError(`no go.mod in ${options.dir} or any parent directory`);
  const main = readMainModule(root);
  const settings = goSettings(options.env);
  const source = mainModuleSource(main, settings.GOMODCACHE);
  const pruned = goAtLeast(main.go, PRUNING_VERSION);
  const roots: ModuleVersion[] = main.requires.map((r) => ({ path: r.path, version: r.version }));
  const graph = loadGraph(source, [{ path: main.path, version: '' }], roots, pruned);
  const workFile = findWorkFile(options.dir, options.env);
  return {
    ...(workFile ? { workFile } : {}),
    main: { path: main.path, goModPath: main.goModPath, ...(main.go ? { go: main.go } : {}) },
    graph,
    pruned,
  };
}

export interface RequirementEdge {
  /** The module whose go.mod holds the requirement ('' version: the main module). */
  from: ModuleVersion;
  /** The version it asks for. */
  version: string;
}

export interface VersionReason {
  module: string;
  /** The version MVS selects; undefined when nothing in the graph requires the module. */
  selected?: string;
  /** What the main go.mod itself requires, if it does. */
  direct?: string;
  /** Every requirement edge into the module: the selected version first, then newest to oldest. */
  requiredBy: RequirementEdge[];
  /** Module versions whose go.mod is not in the module cache: the answer may be incomplete. */
  incomplete: ModuleVersion[];
}

export function versionReason(loaded: LoadedModuleGraph, module: string): VersionReason {
  const { graph, main } = loaded;
  const requiredBy: RequirementEdge[] = [];
  for (const [key, requirements] of graph.edges) {
    for (const r of requirements) {
      if (r.path !== module) continue;
      requiredBy.push({ from: parseKey(key), version: r.version });
    }
  }
  requiredBy.sort(
    (a, b) =>
      -compareVersions(a.version, b.version) ||
      compareVersions(b.from.version, a.from.version) ||
      (a.from.path < b.from.path ? -1 : a.from.path > b.from.path ? 1 : 0),
  );
  const selected = graph.selected.get(module);
  const direct = requiredBy.find((e) => e.from.path === main.path && e.from.version === '')?.version;
  return {
    module,
    ...(selected !== undefined ? { selected } : {}),
    ...(direct !== undefined ? { direct } : {}),
    requiredBy,
    incomplete: graph.incomplete,
  };
}

/** Edge keys are `path@version` (see mvKey); a main module's version is ''. */
function parseKey(key: string): ModuleVersion {
  const at = key.lastIndexOf('@');
  return { path: key.slice(0, at), version: key.slice(at + 1) };
}
