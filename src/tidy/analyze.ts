// Predicts what `go mod tidy` would do to a module, offline: load the packages tidy loads (the
// main module's packages and tests, their imports, and the tests of every package in `all`),
// resolve each import against the module graph read from go.mod files on disk, then choose the
// requirements tidy writes (every module providing a package for go ≥ 1.17; a minimal set for
// older go lines) and compare them with go.mod. Returns data; the CLI decides what to print.
import { realpathSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { type Refusal, readProjectFile } from '../files/read.ts';
import { readSettingSources, resolveSetting } from '../go/env.ts';
import { findOnPath } from '../go/locate.ts';
import { findModuleRoot, findWorkFile } from '../go/root.ts';
import { formatError, parseGoMod, parseGoWork } from '../modfile/index.ts';
import type { ModFile, RequireDirective } from '../modfile/types.ts';
import { compare as semverCompare } from '../module/semver.ts';
import { type BuildExpr, formatExpr, KNOWN_ARCH, knownOS } from './constraints.ts';
import { type LayoutMove, mergedLayoutMoves, mergesRequireBlocks } from './layout.ts';
import {
  type GoModSummary,
  goAtLeast,
  loadGraph,
  type ModuleGraph,
  ModuleSource,
  type ModuleVersion,
  minimalRequirements,
  mvKey,
  NARROW_ALL_VERSION,
  PRUNING_VERSION,
  type ReplaceRule,
} from './modgraph.ts';
import {
  type Candidate,
  type GoSettings,
  guessFromCache,
  type LookupRoute,
  lookupRoute,
  pathPrefixes,
  type Resolution,
  resolveImport,
} from './resolve.ts';
import {
  dirHasGoFiles,
  type GoFile,
  type ImportSiteIn,
  isTidyPackage,
  type PackageDir,
  scanModule,
  scanPackageFiles,
  scanWorkspace,
  tidyImports,
} from './scan.ts';
import { readVendorList } from './vendor.ts';

export interface ImportEdge {
  /** Importing package. */
  from: string;
  to: string;
  /** File of the import, relative to the main module's directory when inside it. */
  file: string;
  line: number;
  column: number;
  /** The import is in a `_test.go` file. */
  test: boolean;
  /** The file's build constraint (header and file name), when it has one. */
  guard?: string;
}

export interface LoadedPackage {
  path: string;
  /** Undefined for standard-library and unresolved packages. */
  module?: ModuleVersion;
  dir?: string;
  std: boolean;
  /** In one of the main modules. */
  main: boolean;
  /** In the `all` pattern (else: loaded only for a test of a package in `all`). */
  inAll: boolean;
  resolution: Resolution['kind'];
  imports: ImportEdge[];
  testImports: ImportEdge[];
  files: GoFile[];
  /** Why the package cannot be loaded. */
  error?: string;
  /** Its module is not in the module cache: assumed to provide it, imports unknown. */
  unscanned?: boolean;
  /** Found in vendor/ (vendor/modules.txt names its module); the tests of its package are not there. */
  vendored?: boolean;
  /** Other required modules whose path is a prefix of the package's and that are not downloaded:
   *  the package is credited to the longest, but one of these could hold it instead. */
  alsoUnknown?: ModuleVersion[];
}

export interface Requirement {
  path: string;
  version: string;
  indirect: boolean;
}

export interface RequirementChange extends Requirement {
  /** go.mod position of the current requirement, when there is one. */
  line?: number;
  column?: number;
  /** Why it is needed (add) — the import that needs it, shortest chain first. */
  why?: ImportEdge[];
  /** For additions of a missing import: the version is the newest in the module cache, not asked from the proxy. */
  guessed?: boolean;
}

/** A requirement whose fate tidy decides from modules that are not on this machine. */
export interface UndecidedRequirement extends Requirement {
  line: number;
  column: number;
  /** 'unscanned': packages of modules missing from the cache might import it;
   *  'ambiguous': it could hold a package that is credited to a longer module path until both are downloaded. */
  reason: 'unscanned' | 'ambiguous';
}

export interface MissingImport {
  importPath: string;
  importedBy: ImportEdge[];
  /** Inside the main module's path, but no directory of it holds the package (tidy still looks it up). */
  mainModule?: string;
  /** The module paths tidy queries, longest first, and where each query goes. */
  lookups: LookupRoute[];
  /** What the module cache suggests tidy will find. */
  guess?: ModuleVersion;
}

export interface ConditionalDependency {
  module: ModuleVersion;
  /** 'test': only tests need it; 'build': only files with build constraints. */
  condition: 'test' | 'build' | 'test+build';
  /** The chain of imports from the main module, first edge first. */
  chain: ImportEdge[];
  guards: string[];
}

export interface InternalImport {
  edge: ImportEdge;
}

export interface MixedPackage {
  dir: string;
  importPath: string;
  names: Array<{ name: string; file: string }>;
}

export interface ImportCycle {
  packages: string[];
  edges: ImportEdge[];
}

export interface TidyPrediction {
  module: { path: string; dir: string; go?: string; goMod: string };
  /** go.work in use for the build (tidy itself ignores it). */
  workspace?: { file: string; modules: Array<{ path: string; dir: string; packages?: number }> };
  pruned: boolean;
  add: RequirementChange[];
  /** Requirements tidy certainly removes. */
  remove: RequirementChange[];
  /** Requirements no known package needs, but which modules missing from the cache might need:
   *  tidy keeps or removes them depending on what it downloads. */
  undecided: UndecidedRequirement[];
  /** Requirements of go.mod whose go.mod or files are not in the module cache (nor vendor/). */
  notInCache: ModuleVersion[];
  /** Require lines tidy moves to merge the require statements into two (go line 1.27 or later). */
  layout: LayoutMove[];
  /** The same, for a go line below 1.27: what tidy will move once the go line reaches 1.27. */
  layoutAt127: LayoutMove[];
  /** vendor/ answered for modules missing from the cache (the go command would build from it). */
  vendor?: { dir: string; packages: number; modules: number };
  /** Same module, other version (tidy writes the selected version). */
  upgrade: Array<RequirementChange & { from: string }>;
  indirect: Array<RequirementChange & { from: boolean }>;
  /** The requirements tidy would write. */
  result: Requirement[];
  missing: MissingImport[];
  ambiguous: Array<{ importPath: string; candidates: Candidate[]; importedBy: ImportEdge[] }>;
  /** Modules whose files or go.mod are not in the module cache: tidy downloads them. */
  notDownloaded: Array<{ module: ModuleVersion; what: 'zip' | 'go.mod'; lookup: LookupRoute }>;
  conditional: ConditionalDependency[];
  internalImports: InternalImport[];
  mixedPackages: MixedPackage[];
  importCycles: ImportCycle[];
  /** Main-module imports resolved by a workspace module that the go.mod does not require. */
  workspaceOnly: Array<{ importPath: string; module: string; importedBy: ImportEdge[] }>;
  packages: LoadedPackage[];
  filesRead: number;
  /** Directories of the main module too deep to walk (more than 256 levels): not read. */
  tooDeep: string[];
  /** Everything needed was on disk, so the prediction is complete. */
  complete: boolean;
  settings: GoSettings & { GOMODCACHE: string; GOROOT?: string };
}

export interface AnalyzeOptions {
  /** Directory inside the module (like `go -C`). */
  dir: string;
  env: Record<string, string | undefined>;
  /** Release rules for parsing go.mod files (default newest). */
  goRelease?: string;
  /** Also walk every other module of the go.work (to count their packages). */
  scanWorkspace?: boolean;
}

export class NoModuleError extends Error {
  /** Set when a go.mod exists but declares no module (or does not parse into one). */
  goModPath?: string;
  /** The first parse error of that go.mod, as the go command words it. */
  parseError?: string;
}

/** A go.mod or go.work that exists but is not a safe project file (FIFO, device, link out, too large). */
export class ProjectFileError extends Error {
  constructor(
    readonly path: string,
    readonly refusal: Refusal,
  ) {
    super(`${path}: not read (${refusal.reason})`);
  }
}

/** Reads a go.mod or go.work through the project-file reader; undefined when missing. */
function readModFile(
  path: string,
  kind: 'go.mod' | 'go.work',
  roots?: readonly string[],
): Buffer | undefined {
  const read = readProjectFile(path, { kind, ...(roots ? { roots } : {}) });
  if (read.ok) return read.bytes;
  if (read.missing) return undefined;
  throw new ProjectFileError(path, read);
}

/** The go command's settings from the environment, the `go env -w` file and $GOROOT/go.env. */
export function goSettings(env: Record<string, string | undefined>): TidyPrediction['settings'] {
  let goroot = env.GOROOT;
  if (!goroot) {
    const bin = findOnPath('go', env);
    if (bin) {
      try {
        goroot = dirname(dirname(realpathSync(bin)));
      } catch {
        goroot = undefined;
      }
    }
  }
  const sources = readSettingSources(env, goroot);
  const get = (name: string): string | undefined => resolveSetting(name, env, sources).value;
  const home = env.HOME ?? env.USERPROFILE ?? '';
  const gopath = (get('GOPATH') ?? join(home, 'go')).split(process.platform === 'win32' ? ';' : ':')[0] ?? '';
  const gomodcache = get('GOMODCACHE') ?? join(gopath, 'pkg', 'mod');
  const settings: TidyPrediction['settings'] = {
    GOPROXY: get('GOPROXY') ?? '',
    GOMODCACHE: gomodcache,
  };
  for (const name of ['GOPRIVATE', 'GONOPROXY', 'GONOSUMDB', 'GOINSECURE', 'GOFLAGS'] as const) {
    const v = get(name);
    if (v !== undefined) settings[name] = v;
  }
  if (goroot) settings.GOROOT = goroot;
  return settings;
}

export interface MainModule {
  path: string;
  dir: string;
  goModPath: string;
  go?: string;
  requires: RequireDirective[];
  replace: ReplaceRule[];
  exclude: Set<string>;
  ignore: string[];
  /** `tool` directives (Go 1.24): packages tidy loads as if the module imported them, but not as direct. */
  tools: Array<{ path: string; line: number; column: number }>;
  file: ModFile;
}

export function readMainModule(dir: string, goRelease?: string): MainModule {
  const goModPath = join(dir, 'go.mod');
  const data = readModFile(goModPath, 'go.mod', [dir]);
  if (!data) throw new NoModuleError(`no go.mod in ${dir}`);
  const parsed = parseGoMod(data, {
    filename: 'go.mod',
    ...(goRelease ? { goRelease } : {}),
  });
  const file = parsed.file;
  if (!file.module) {
    const error = new NoModuleError(`${goModPath}: no module directive`);
    error.goModPath = goModPath;
    const first = parsed.errors[0];
    if (first) error.parseError = formatError(first);
    throw error;
  }
  return {
    path: file.module.path,
    dir,
    goModPath,
    ...(file.go ? { go: file.go.version } : {}),
    requires: file.require,
    replace: file.replace.map((r) => ({
      old: { path: r.old.path, version: r.old.version },
      newPath: r.new.path,
      newVersion: r.new.version,
    })),
    exclude: new Set(file.exclude.map((e) => `${e.path}@${e.version}`)),
    ignore: file.ignore.map((i) => i.path),
    tools: file.tool.map((t) => ({ path: t.path, line: t.pos.line, column: t.pos.column })),
    file,
  };
}

/** Where the main module's dependencies come from: its replacements, then the module cache. */
export function mainModuleSource(main: MainModule, gomodcache: string): ModuleSource {
  return new ModuleSource({ gomodcache, mainDir: main.dir, replace: main.replace, exclude: main.exclude });
}

function formatGuard(guard: BuildExpr | undefined): string | undefined {
  return guard ? formatExpr(guard) : undefined;
}

/** The go.work in use, with its modules (and their package counts when asked). */
function readWorkspace(options: AnalyzeOptions): TidyPrediction['workspace'] {
  const workFile = findWorkFile(options.dir, options.env);
  if (!workFile) return undefined;
  try {
    const workData = readModFile(workFile, 'go.work');
    if (!workData) throw new Error('no go.work');
    const work = parseGoWork(workData, { filename: 'go.work' });
    const modules: Array<{ path: string; dir: string; packages?: number }> = [];
    for (const use of work.file.use) {
      const useDir = resolve(dirname(workFile), use.path);
      try {
        const m = readMainModule(useDir, options.goRelease);
        modules.push({ path: m.path, dir: useDir });
      } catch {
        // a use directive naming a directory without go.mod: the go command reports it
      }
    }
    if (options.scanWorkspace) {
      const scans = scanWorkspace(
        dirname(workFile),
        work.file.use.map((u) => u.path),
        (dir) => {
          try {
            const m = readMainModule(dir, options.goRelease);
            return { path: m.path, ignore: m.ignore, ...(m.go ? { go: m.go } : {}) };
          } catch {
            return undefined;
          }
        },
      );
      for (const m of modules) m.packages = scans.find((x) => x.root === m.dir)?.packages.length ?? 0;
    }
    return { file: workFile, modules };
  } catch {
    return undefined;
  }
}

/** File names as findings show them: relative to the module root, or from $GOMODCACHE. */
function fileNamer(root: string, gomodcache: string): (file: string) => string {
  const rootPrefix = root.endsWith(sep) ? root : root + sep;
  const cache = gomodcache.endsWith(sep) ? gomodcache : gomodcache + sep;
  return (file: string) => {
    // Prefix slicing rather than path.relative: this runs once per import edge.
    if (file === root) return '';
    if (!file.startsWith(rootPrefix)) {
      // Files of dependencies: named from the module cache root, which says more than a home directory.
      if (file.startsWith(cache)) return `$GOMODCACHE/${file.slice(cache.length).split(sep).join('/')}`;
      return file;
    }
    const r = file.slice(rootPrefix.length);
    return sep === '/' ? r : r.split(sep).join('/');
  };
}

/** Runs the whole prediction. Throws NoModuleError when `dir` is not inside a module. */
/** What every stage of the analysis reads: the main module, the settings, and the scan of its packages. */
interface TidyContext {
  root: string;
  main: ReturnType<typeof readMainModule>;
  settings: ReturnType<typeof goSettings>;
  workspace: ReturnType<typeof readWorkspace>;
  source: ReturnType<typeof mainModuleSource>;
  pruned: boolean;
  rel: ReturnType<typeof fileNamer>;
  vendor: ReturnType<typeof readVendorList>;
  closesOverTests: boolean;
  scan: ReturnType<typeof scanModule>;
  mainPackages: Map<string, PackageDir>;
  toolEdges: ImportEdge[];
  mainRef: { path: string; dir: string; packages: Map<string, string> };
}

type PackageLoad = ReturnType<typeof loadPackages>;

/**
 * Predicts what `go mod tidy` would do, in the go command's stages: read the main module and scan
 * its packages; load the import graph (again after each round of guesses from the cache); compare
 * the requirements tidy keeps with go.mod's; list what it would download; Go 1.27's layout.
 */
export function analyzeTidy(options: AnalyzeOptions): TidyPrediction {
  const ctx = readTidyContext(options);
  const { root, main, settings, workspace, pruned, rel, vendor, scan, toolEdges } = ctx;
  const { load, guessed, missing } = loadWithGuesses(ctx);
  const { order, ambiguous } = load;

  const result = keptRequirements(ctx, load);
  const changes = compareWithGoMod(ctx, load, result, guessed);
  const { add, remove, undecided, upgrade, indirect } = changes;
  const { notDownloaded, notInCache } = downloadsNeeded(ctx, load);

  // Go 1.27's layout: decided by the go line (a 1.27 go line makes any older go switch to 1.27+).
  const keep = new Map<string, boolean>([
    ...result.map((r): [string, boolean] => [r.path, r.indirect]),
    ...undecided.map((u): [string, boolean] => [u.path, u.indirect]),
  ]);
  const moves = mergedLayoutMoves(main.file, keep);
  const layout = mergesRequireBlocks(main.go) ? moves : [];
  const layoutAt127 = mergesRequireBlocks(main.go) ? [] : moves;

  const workspaceOnly = workspaceOnlyImports(ctx, missing);

  return {
    module: { path: main.path, dir: root, ...(main.go ? { go: main.go } : {}), goMod: main.goModPath },
    ...(workspace ? { workspace } : {}),
    pruned,
    add,
    remove,
    undecided,
    notInCache,
    layout,
    layoutAt127,
    ...(vendor
      ? {
          vendor: {
            dir: vendor.dir,
            packages: vendor.packages.size,
            modules: new Set([...vendor.packages.values()].map((m) => m.path)).size,
          },
        }
      : {}),
    upgrade,
    indirect,
    result,
    missing,
    ambiguous,
    notDownloaded,
    conditional: conditionalDependencies(order, load.pkgs, result, toolEdges),
    internalImports: internalImports(order, main.path),
    mixedPackages: mixedPackages(scan.packages, rel, main.go),
    importCycles: importCycles(order),
    workspaceOnly,
    packages: order,
    tooDeep: scan.tooDeep,
    filesRead: scan.filesRead + order.filter((p) => !p.main).reduce((n, p) => n + p.files.length, 0),
    complete:
      notDownloaded.length === 0 && missing.every((m) => m.guess !== undefined || m.mainModule !== undefined),
    settings,
  };
}

/** The main module, its settings and the scan of its packages. */
function readTidyContext(options: AnalyzeOptions): TidyContext {
  const root = findModuleRoot(options.dir);
  if (!root) throw new NoModuleError(`no go.mod in ${options.dir} or any parent directory`);
  const main = readMainModule(root, options.goRelease);
  const settings = goSettings(options.env);
  const workspace = readWorkspace(options);
  const source = mainModuleSource(main, settings.GOMODCACHE);
  const pruned = goAtLeast(main.go, PRUNING_VERSION);
  const rel = fileNamer(root, settings.GOMODCACHE);
  const vendor = readVendorList(root, main.go, main.requires, settings.GOFLAGS);
  const closesOverTests = !goAtLeast(main.go ?? '1.16', NARROW_ALL_VERSION);

  const scan = scanModule({
    root,
    modulePath: main.path,
    ignore: main.ignore,
    ...(main.go ? { release: main.go } : {}),
  });
  const mainPackages = new Map(scan.packages.map((p) => [p.importPath, p]));
  const toolEdges: ImportEdge[] = main.tools.map((t) => ({
    from: main.path,
    to: t.path,
    file: 'go.mod',
    line: t.line,
    column: t.column,
    test: false,
  }));
  const mainRef = {
    path: main.path,
    dir: root,
    packages: new Map(scan.packages.map((p) => [p.importPath, p.dir])),
  };

  return {
    root,
    main,
    settings,
    workspace,
    source,
    pruned,
    rel,
    vendor,
    closesOverTests,
    scan,
    mainPackages,
    toolEdges,
    mainRef,
  };
}

/**
 * Loads the import graph. Missing imports that the cache can answer are added as roots and the
 * load runs again, as tidy does after each round of lookups.
 */
function loadWithGuesses(ctx: TidyContext): {
  load: PackageLoad;
  guessed: Map<string, ModuleVersion>;
  missing: MissingImport[];
} {
  const baseRoots: ModuleVersion[] = ctx.main.requires.map((r) => ({ path: r.path, version: r.version }));
  const guessed = new Map<string, ModuleVersion>();
  let load = loadPackages(ctx, [...baseRoots, ...guessed.values()]);
  const everMissing = new Map<string, MissingImport>();
  for (let round = 0; round < 8; round++) {
    let added = false;
    for (const m of load.missing) {
      if (!everMissing.has(m.importPath)) everMissing.set(m.importPath, m);
      if (!m.guess || guessed.has(m.guess.path)) continue;
      guessed.set(m.guess.path, m.guess);
      added = true;
    }
    if (!added) break;
    load = loadPackages(ctx, [...baseRoots, ...guessed.values()]);
  }

  // Imports resolved only thanks to a guessed module stay in the list: go.mod lacks them.
  for (const m of load.missing) everMissing.set(m.importPath, m);
  return { load, guessed, missing: [...everMissing.values()] };
}

/** One load of the package graph from the given roots (the requirements plus any guesses). */
function loadPackages(ctx: TidyContext, roots: ModuleVersion[]) {
  const { main, settings, source, pruned, rel, vendor, closesOverTests, scan, mainPackages, mainRef } = ctx;
  const graph = loadGraph(source, [{ path: main.path, version: '' }], roots, pruned);
  const rootPaths = new Set(roots.map((r) => r.path));
  const resolutions = new Map<string, Resolution>();
  const resolveCached = (path: string): Resolution => {
    let r = resolutions.get(path);
    if (!r) {
      const ctxBase = {
        mains: [mainRef],
        source,
        selected: graph.selected,
        ...(settings.GOROOT ? { goroot: settings.GOROOT } : {}),
      };
      r = pruned ? resolveImport(path, { ...ctxBase, only: rootPaths }) : resolveImport(path, ctxBase);
      if (pruned && (r.kind === 'missing' || r.kind === 'main-missing')) r = resolveImport(path, ctxBase);
      resolutions.set(path, r);
    }
    return r;
  };

  const pkgs = new Map<string, LoadedPackage>();
  const order: LoadedPackage[] = [];
  let vendorClosureQueued = false;
  const queue: Array<{ path: string; inAll: boolean }> = [];
  for (const p of scan.packages) queue.push({ path: p.importPath, inAll: true });
  for (const t of main.tools) queue.push({ path: t.path, inAll: true });
  const toEdges = (from: string, sites: ImportSiteIn[]): ImportEdge[] =>
    sites.map((s) => {
      const guard = formatGuard(s.file.guard);
      return {
        from,
        to: s.path,
        file: rel(s.file.path),
        line: s.line,
        column: s.column,
        test: s.file.test,
        ...(guard ? { guard } : {}),
      };
    });

  const visit = (pkg: LoadedPackage) => {
    for (const e of pkg.imports) queue.push({ path: e.to, inAll: pkg.inAll });
    if (pkg.inAll) {
      const testInAll = pkg.main || closesOverTests;
      for (const e of pkg.testImports) queue.push({ path: e.to, inAll: testInAll });
    }
  };

  for (let next = 0; next < queue.length; next++) {
    const { path, inAll } = queue[next]!;
    const existing = pkgs.get(path);
    if (existing) {
      if (inAll && !existing.inAll) {
        existing.inAll = true;
        visit(existing);
      }
      continue;
    }
    const mainDir: PackageDir | undefined = mainPackages.get(path);
    const resolution = resolveCached(path);
    const pkg: LoadedPackage = {
      path,
      std: resolution.kind === 'std',
      main: resolution.kind === 'module' && resolution.main,
      inAll,
      resolution: resolution.kind,
      imports: [],
      testImports: [],
      files: [],
    };
    const fromVendor = resolution.kind === 'not-downloaded' ? vendor?.packages.get(path) : undefined;
    if (fromVendor && vendor) {
      // Built from vendor/: vendor/modules.txt names the module. Without the vendored files
      // (or with them: go mod vendor copied exactly the packages the build needs), the list of
      // vendored packages is the build's closure, so every one of them counts.
      pkg.module = fromVendor;
      pkg.vendored = true;
      const vdir = join(vendor.dir, ...path.split('/'));
      if (dirHasGoFiles(vdir)) {
        pkg.dir = vdir;
        pkg.files = scanPackageFiles(vdir);
        const { imports } = tidyImports(pkg.files);
        pkg.imports = toEdges(path, imports);
      } else if (!vendorClosureQueued) {
        vendorClosureQueued = true;
        for (const p of vendor.packages.keys()) queue.push({ path: p, inAll: true });
      }
    } else if (resolution.kind === 'not-downloaded') {
      // No module that could hold the package is on this machine. The go command finds it in
      // exactly one of them; a nested module's directory is not part of its parent's, so the
      // longest path is the one (otel/trace, not otel; klog/v2, not klog). Its own imports
      // stay unknown, and the shorter ones could still hold it until they are downloaded.
      pkg.module = resolution.modules[0]!;
      pkg.unscanned = true;
      if (resolution.modules.length > 1) pkg.alsoUnknown = resolution.modules.slice(1);
    }
    if (resolution.kind === 'module') {
      if (!resolution.main) pkg.module = resolution.module;
      pkg.dir = resolution.dir;
      const files = mainDir?.files ?? scanPackageFiles(resolution.dir, pkg.main ? main.go : undefined);
      pkg.files = files;
      const nul = files.find((f) => f.error === 'unexpected NUL in input');
      if (nul) pkg.error = `reading ${rel(nul.path)}: unexpected NUL in input`;
      else if (!isTidyPackage(files)) pkg.error = 'build constraints exclude all Go files';
      else {
        const { imports, testImports } = tidyImports(files);
        pkg.imports = toEdges(path, imports);
        pkg.testImports = toEdges(path, testImports);
      }
    }
    pkgs.set(path, pkg);
    order.push(pkg);
    visit(pkg);
  }

  const { importers, missing, ambiguous } = importProblems(ctx, order, resolutions);
  return { graph, pkgs, order, missing, ambiguous, resolutions, importers };
}

/** Where each import came from, and the imports no module provides or more than one does. */
function importProblems(
  ctx: TidyContext,
  order: readonly LoadedPackage[],
  resolutions: ReadonlyMap<string, Resolution>,
) {
  const { settings, source, toolEdges } = ctx;
  const importers = new Map<string, ImportEdge[]>(toolEdges.map((e) => [e.to, [e]]));
  for (const pkg of order) {
    const edges = [...pkg.imports, ...(pkg.inAll ? pkg.testImports : [])];
    for (const e of edges) {
      const list = importers.get(e.to) ?? [];
      list.push(e);
      importers.set(e.to, list);
    }
  }
  const missing: MissingImport[] = [];
  const ambiguous: TidyPrediction['ambiguous'] = [];
  for (const pkg of order) {
    const r = resolutions.get(pkg.path);
    if (!r) continue;
    const importedBy = importers.get(pkg.path) ?? [];
    if (r.kind === 'missing') {
      const guess = guessFromCache(pkg.path, source);
      missing.push({
        importPath: pkg.path,
        importedBy,
        lookups: pathPrefixes(pkg.path).map((p) => lookupRoute(p, settings)),
        ...(guess ? { guess } : {}),
      });
    } else if (r.kind === 'main-missing') {
      // The go command still asks the network, for every prefix except the main module's own path.
      const guess = guessFromCache(pkg.path, source);
      missing.push({
        importPath: pkg.path,
        importedBy,
        mainModule: r.module,
        lookups: pathPrefixes(pkg.path)
          .filter((p) => p !== r.module)
          .map((p) => lookupRoute(p, settings)),
        ...(guess && guess.path !== r.module ? { guess } : {}),
      });
    } else if (r.kind === 'ambiguous') {
      ambiguous.push({ importPath: pkg.path, candidates: r.candidates, importedBy });
    }
  }
  return { importers, missing, ambiguous };
}

/** The requirements tidy keeps: the modules of the loaded packages, direct or not. */
function keptRequirements(ctx: TidyContext, load: PackageLoad): Requirement[] {
  const { main, source, pruned } = ctx;
  const { order } = load;
  // Direct: modules of packages imported by main-module packages (their tests included).
  const direct = new Set<string>();
  for (const pkg of order) {
    if (!pkg.main) continue;
    for (const e of [...pkg.imports, ...pkg.testImports]) {
      const target = load.pkgs.get(e.to);
      if (target?.module) direct.add(target.module.path);
    }
  }

  return pruned
    ? tidyPrunedRoots(order, source, main.path, direct)
    : tidyUnprunedRoots(order, source, main.path, direct);
}

/** What tidy would add, change and remove in go.mod, and what the analysis cannot decide. */
function compareWithGoMod(
  ctx: TidyContext,
  load: PackageLoad,
  result: Requirement[],
  guessed: Map<string, ModuleVersion>,
) {
  const { main, pruned, toolEdges } = ctx;
  const { graph, order, resolutions } = load;
  const current = new Map<string, RequireDirective>();
  for (const r of main.requires) if (!current.has(r.path)) current.set(r.path, r);
  const wanted = new Map(result.map((r) => [r.path, r]));
  const firstEdge = whyChains(order, load.pkgs, toolEdges);
  const add: RequirementChange[] = [];
  const upgrade: TidyPrediction['upgrade'] = [];
  const indirect: TidyPrediction['indirect'] = [];
  const remove: RequirementChange[] = [];
  for (const r of result) {
    const have = current.get(r.path);
    const why = firstEdge.get(r.path);
    if (!have) {
      add.push({ ...r, ...(why ? { why } : {}), ...(guessed.has(r.path) ? { guessed: true } : {}) });
      continue;
    }
    const at = { line: have.pos.line, column: have.pos.column };
    if (have.version !== r.version)
      upgrade.push({ ...r, ...at, from: have.version, ...(why ? { why } : {}) });
    if (have.indirect !== r.indirect)
      indirect.push({ ...r, ...at, from: have.indirect, ...(why ? { why } : {}) });
  }
  // Only packages whose files are missing could import something we cannot see (a missing go.mod
  // changes versions, not which modules are imported); in a pruned module tidy also loads the
  // tests of dependencies, which vendor/ does not hold. Below go 1.17, the requirements tidy keeps
  // depend on every go.mod of the graph.
  const blind =
    order.some((pkg) => pkg.unscanned || (pruned && pkg.vendored && pkg.inAll)) ||
    (!pruned && graph.incomplete.length > 0);
  const couldProvide = new Set<string>();
  for (const pkg of order) for (const m of pkg.alsoUnknown ?? []) couldProvide.add(m.path);
  for (const r of resolutions.values())
    if (r.kind === 'module') for (const m of r.alsoUnknown ?? []) couldProvide.add(m.path);
  const undecided: UndecidedRequirement[] = [];
  for (const [path, have] of current) {
    if (wanted.has(path)) continue;
    const at = {
      path,
      version: have.version,
      indirect: have.indirect,
      line: have.pos.line,
      column: have.pos.column,
    };
    // Packages (or go.mod files) missing from the cache might need it: say so rather than guess.
    if (couldProvide.has(path)) undecided.push({ ...at, reason: 'ambiguous' });
    else if (blind) undecided.push({ ...at, reason: 'unscanned' });
    else remove.push(at);
  }

  return { add, remove, undecided, upgrade, indirect };
}

/** Modules tidy would have to download, and the requirements of go.mod among them. */
function downloadsNeeded(ctx: TidyContext, load: PackageLoad) {
  const { main, settings } = ctx;
  const { graph, resolutions } = load;
  const notDownloaded: TidyPrediction['notDownloaded'] = [];
  const seenDownload = new Set<string>();
  for (const m of graph.incomplete) {
    if (seenDownload.has(`mod:${mvKey(m)}`)) continue;
    seenDownload.add(`mod:${mvKey(m)}`);
    notDownloaded.push({ module: m, what: 'go.mod', lookup: lookupRoute(m.path, settings) });
  }
  for (const r of resolutions.values()) {
    const mods = r.kind === 'not-downloaded' ? r.modules : r.kind === 'module' ? (r.alsoUnknown ?? []) : [];
    for (const m of mods) {
      if (seenDownload.has(`zip:${mvKey(m)}`)) continue;
      seenDownload.add(`zip:${mvKey(m)}`);
      notDownloaded.push({ module: m, what: 'zip', lookup: lookupRoute(m.path, settings) });
    }
  }

  const notInCache = main.requires
    .map((r) => ({ path: r.path, version: r.version }))
    .filter((m) => seenDownload.has(`mod:${mvKey(m)}`) || seenDownload.has(`zip:${mvKey(m)}`));

  return { notDownloaded, notInCache };
}

/** Workspace modules that main-module code imports without a requirement: tidy ignores go.work. */
function workspaceOnlyImports(ctx: TidyContext, missing: MissingImport[]): TidyPrediction['workspaceOnly'] {
  const { main, workspace } = ctx;
  const workspaceOnly: TidyPrediction['workspaceOnly'] = [];
  if (workspace) {
    for (const m of missing) {
      const provider = workspace.modules.find(
        (w) => w.path !== main.path && (m.importPath === w.path || m.importPath.startsWith(`${w.path}/`)),
      );
      if (provider)
        workspaceOnly.push({ importPath: m.importPath, module: provider.path, importedBy: m.importedBy });
    }
  }

  return workspaceOnly;
}

/** Go ≥ 1.17: every module providing a package in `all`, plus test dependencies the pruned graph would lose. */
function tidyPrunedRoots(
  order: readonly LoadedPackage[],
  source: ModuleSource,
  mainPath: string,
  direct: ReadonlySet<string>,
): Requirement[] {
  const roots = new Map<string, ModuleVersion>();
  for (const pkg of order) {
    if (pkg.inAll && pkg.module && !roots.has(pkg.module.path)) roots.set(pkg.module.path, pkg.module);
  }
  // Test-only dependencies (outside `all`): add a root only when the pruned graph of the roots
  // so far would select a lower version (or none), one layer of the import graph at a time.
  const byPath = new Map(order.map((p) => [p.path, p]));
  let layer = order.filter((p) => p.inAll);
  const queued = new Set(layer.map((p) => p.path));
  let graph: ModuleGraph = loadGraph(source, [{ path: mainPath, version: '' }], [...roots.values()], true);
  while (layer.length > 0) {
    const next: LoadedPackage[] = [];
    let grew = false;
    for (const pkg of layer) {
      const children = [...pkg.imports, ...(pkg.inAll ? pkg.testImports : [])];
      for (const e of children) {
        const child = byPath.get(e.to);
        if (child && !queued.has(child.path)) {
          queued.add(child.path);
          next.push(child);
        }
      }
      const m = pkg.module;
      if (m && !roots.has(m.path)) {
        const selected = graph.selected.get(m.path);
        if (selected === undefined || compareOrNone(selected, m.version) < 0) {
          roots.set(m.path, m);
          grew = true;
        }
      }
    }
    if (grew) graph = loadGraph(source, [{ path: mainPath, version: '' }], [...roots.values()], true);
    layer = next;
  }
  return [...roots.values()]
    .map((m) => ({ path: m.path, version: m.version, indirect: !direct.has(m.path) }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function compareOrNone(a: string, b: string): number {
  if (a === b) return 0;
  if (a === 'none') return -1;
  if (b === 'none') return 1;
  return a === '' ? 1 : b === '' ? -1 : semverCompare(a, b);
}

/** Go < 1.17: the smallest requirement list that keeps the same versions, direct deps always listed. */
function tidyUnprunedRoots(
  order: readonly LoadedPackage[],
  source: ModuleSource,
  mainPath: string,
  direct: ReadonlySet<string>,
): Requirement[] {
  const keep: ModuleVersion[] = [];
  const kept = new Set<string>();
  const rootPaths: string[] = [];
  for (const pkg of order) {
    const m = pkg.module;
    if (!m || kept.has(m.path)) continue;
    keep.push(m);
    kept.add(m.path);
    if (direct.has(m.path)) rootPaths.push(m.path);
  }
  const reqs = (m: ModuleVersion): readonly ModuleVersion[] =>
    (source.summary(m) as GoModSummary | undefined)?.require ?? [];
  const min = minimalRequirements({ path: mainPath, version: '' }, keep, rootPaths, reqs);
  return min.map((m) => ({ path: m.path, version: m.version, indirect: !direct.has(m.path) }));
}

/** For each module, the shortest import chain from a main package to one of its packages. */
function whyChains(
  order: readonly LoadedPackage[],
  pkgs: ReadonlyMap<string, LoadedPackage>,
  toolEdges: readonly ImportEdge[],
): Map<string, ImportEdge[]> {
  const chainTo = new Map<string, ImportEdge[]>();
  const queue: string[] = [];
  const byModule = new Map<string, ImportEdge[]>();
  for (const p of order) {
    if (p.main) {
      chainTo.set(p.path, []);
      queue.push(p.path);
    }
  }
  for (const e of toolEdges) {
    if (chainTo.has(e.to)) continue;
    chainTo.set(e.to, [e]);
    queue.push(e.to);
    const target = pkgs.get(e.to);
    if (target?.module && !byModule.has(target.module.path)) byModule.set(target.module.path, [e]);
  }
  for (let next = 0; next < queue.length; next++) {
    const path = queue[next]!;
    const pkg = pkgs.get(path);
    if (!pkg) continue;
    const chain = chainTo.get(path) ?? [];
    for (const e of [...pkg.imports, ...(pkg.inAll ? pkg.testImports : [])]) {
      if (chainTo.has(e.to)) continue;
      const next = [...chain, e];
      chainTo.set(e.to, next);
      queue.push(e.to);
      const target = pkgs.get(e.to);
      if (target?.module && !byModule.has(target.module.path)) byModule.set(target.module.path, next);
    }
  }
  return byModule;
}

function conditionalDependencies(
  order: readonly LoadedPackage[],
  pkgs: ReadonlyMap<string, LoadedPackage>,
  result: readonly Requirement[],
  toolEdges: readonly ImportEdge[],
): ConditionalDependency[] {
  // Modules reachable through unconditional edges only (no test file, no build constraint).
  const plain = new Set<string>();
  const queue = [...order.filter((p) => p.main).map((p) => p.path), ...toolEdges.map((e) => e.to)];
  const seen = new Set(queue);
  for (let next = 0; next < queue.length; next++) {
    const pkg = pkgs.get(queue[next]!);
    if (!pkg) continue;
    if (pkg.module) plain.add(pkg.module.path);
    for (const e of pkg.imports) {
      if (e.test || e.guard || seen.has(e.to)) continue;
      seen.add(e.to);
      queue.push(e.to);
    }
  }
  const chains = whyChains(order, pkgs, toolEdges);
  const out: ConditionalDependency[] = [];
  for (const r of result) {
    if (plain.has(r.path)) continue;
    const chain = chains.get(r.path);
    if (!chain) continue;
    const test = chain.some((e) => e.test);
    const guards = chain.flatMap((e) => (e.guard ? [e.guard] : []));
    const build = guards.length > 0;
    out.push({
      module: { path: r.path, version: r.version },
      condition: test && build ? 'test+build' : test ? 'test' : 'build',
      chain,
      guards,
    });
  }
  return out;
}

function internalImports(order: readonly LoadedPackage[], mainPath: string): InternalImport[] {
  const out: InternalImport[] = [];
  // GOROOT's own modules may use the standard library's internal packages.
  const inGoroot = mainPath === 'std' || mainPath === 'cmd';
  for (const pkg of order) {
    if (!pkg.main) continue;
    for (const e of [...pkg.imports, ...pkg.testImports]) {
      const parent = internalParent(e.to);
      if (parent === undefined || (parent === '' && inGoroot)) continue;
      if (parent === '' ? false : e.from === parent || e.from.startsWith(`${parent}/`)) continue;
      out.push({ edge: e });
    }
  }
  return out;
}

/** The path an internal package belongs to ('a/b' for 'a/b/internal/c'; '' for std's 'internal/x'). */
export function internalParent(path: string): string | undefined {
  if (path === 'internal' || path.startsWith('internal/')) return '';
  const k = path.lastIndexOf('/internal/');
  if (k >= 0) return path.slice(0, k);
  if (path.endsWith('/internal')) return path.slice(0, -'/internal'.length);
  return undefined;
}

/**
 * Whether a default build (no -tags) by a toolchain that can build the module (its go line or
 * newer) includes a file with this guard on some platform: release tags (go1.N) are decided,
 * platform tags (GOOS, GOARCH, unix, cgo, the compilers, GOEXPERIMENTs) can be either, and any
 * other tag is off, as it is unless someone passes -tags.
 */
function buildableFromGoLine(guard: BuildExpr | undefined, goMinor: number): boolean {
  const evalExpr = (x: BuildExpr, prefer: boolean): boolean => {
    switch (x.kind) {
      case 'tag': {
        const m = /^go1\.(\d+)$/.exec(x.name);
        if (m) return Number(m[1]) <= goMinor;
        const platform =
          knownOS().has(x.name) ||
          KNOWN_ARCH.has(x.name) ||
          ['unix', 'cgo', 'gc', 'gccgo'].includes(x.name) ||
          x.name.startsWith('goexperiment.');
        return platform ? prefer : false;
      }
      case 'not':
        return !evalExpr(x.x, !prefer);
      case 'and':
        return evalExpr(x.x, prefer) && evalExpr(x.y, prefer);
      case 'or':
        return evalExpr(x.x, prefer) || evalExpr(x.y, prefer);
    }
  };
  return guard === undefined || evalExpr(guard, true);
}

function mixedPackages(
  packages: readonly PackageDir[],
  rel: (f: string) => string,
  goLine: string | undefined,
): MixedPackage[] {
  const out: MixedPackage[] = [];
  // tidy reads every file whatever its package clause; only a build mixes packages. No toolchain
  // that builds this module builds a file guarded by an older release's absence (cmd/dist's
  // `//go:build !go1.24` file names a package on purpose, to fail old bootstraps), and a file
  // behind a custom tag (`//go:build gen`, `for_go_mod_tidy`) is outside the default build.
  const goMinor = Number(/^1\.(\d+)/.exec(goLine ?? '1.16')?.[1] ?? 16);
  for (const p of packages) {
    const names: Array<{ name: string; file: string }> = [];
    let first: string | undefined;
    for (const f of p.files) {
      if (!f.tidy || f.packageName === undefined || f.packageName === '_') continue;
      if (!buildableFromGoLine(f.guard, goMinor)) continue;
      let name = f.packageName;
      if (f.test && name.endsWith('_test') && name !== first) name = name.slice(0, -'_test'.length);
      first ??= name;
      if (!names.some((n) => n.name === name)) names.push({ name, file: rel(f.path) });
    }
    if (names.length > 1) out.push({ dir: rel(p.dir) || '.', importPath: p.importPath, names });
  }
  return out;
}

function importCycles(order: readonly LoadedPackage[]): ImportCycle[] {
  const mainPkgs = order.filter((p) => p.main);
  const byPath = new Map(mainPkgs.map((p) => [p.path, p]));
  // The build's imports; tests are checked apart below: a test's imports are compiled with its
  // own package only, so two packages whose tests import each other form no cycle.
  const edgesOf = (p: LoadedPackage): ImportEdge[] => p.imports;
  const internalTestEdges = (p: LoadedPackage): ImportEdge[] =>
    p.testImports.filter((e) => {
      const f = p.files.find((x) =>
        x.imports.some((i) => i.path === e.to && i.line === e.line && i.column === e.column),
      );
      return f?.packageName !== undefined && !f.packageName.endsWith('_test');
    });
  // Tarjan's strongly connected components.
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: ImportCycle[] = [];
  const strong = (v: string) => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const e of edgesOf(byPath.get(v)!)) {
      if (!byPath.has(e.to)) continue;
      if (!idx.has(e.to)) {
        strong(e.to);
        low.set(v, Math.min(low.get(v)!, low.get(e.to)!));
      } else if (onStack.has(e.to)) {
        low.set(v, Math.min(low.get(v)!, idx.get(e.to)!));
      }
    }
    if (low.get(v) === idx.get(v)) {
      const members: string[] = [];
      for (;;) {
        const w = stack.pop()!;
        onStack.delete(w);
        members.push(w);
        if (w === v) break;
      }
      const set = new Set(members);
      const edges = members.flatMap((m) => edgesOf(byPath.get(m)!).filter((e) => set.has(e.to)));
      if (members.length > 1 || edges.some((e) => e.to === e.from)) {
        cycles.push({ packages: members.sort(), edges });
      }
    }
  };
  for (const p of mainPkgs) if (!idx.has(p.path)) strong(p.path);
  // An internal test of P that imports Q, where Q's build imports lead back to P.
  for (const p of mainPkgs) {
    for (const first of internalTestEdges(p)) {
      if (!byPath.has(first.to) || first.to === p.path) continue;
      const via = new Map<string, ImportEdge | undefined>([[first.to, undefined]]);
      const queue = [first.to];
      let found = false;
      for (let i = 0; i < queue.length && !found; i++) {
        for (const e of edgesOf(byPath.get(queue[i]!)!)) {
          if (!byPath.has(e.to) || via.has(e.to)) continue;
          via.set(e.to, e);
          if (e.to === p.path) {
            found = true;
            break;
          }
          queue.push(e.to);
        }
      }
      if (!found) continue;
      const edges: ImportEdge[] = [];
      for (let at = p.path; at !== first.to; ) {
        const e = via.get(at)!;
        edges.unshift(e);
        at = e.from;
      }
      cycles.push({
        packages: [...new Set([p.path, ...edges.map((e) => e.from)])].sort(),
        edges: [first, ...edges],
      });
      break;
    }
  }
  return cycles;
}
