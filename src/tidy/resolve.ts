// Import path → module, as the go command's loader decides it: the standard library for paths
// whose first element has no dot, else every module in the build list whose path is a prefix of
// the import path and whose directory holds Go files (more than one is an ambiguous import).
// For imports no module provides: the module paths tidy will query and where each query goes.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type ProxyEntry, parseGoProxy } from '../goenv/goproxy.ts';
import { effectivePrivacySettings, type PrivacySettings, resolvePrivacy } from '../goenv/private.ts';
import { escapePath, unescapeVersion } from '../module/escape.ts';
import { isPublicCodeHost } from '../module/hosts.ts';
import { isValid, prerelease, sortVersions } from '../module/semver.ts';
import { isPseudoVersion } from '../module/version.ts';
import type { ModuleSource, ModuleVersion } from './modgraph.ts';
import { dirHasGoFiles, hasGoMod } from './scan.ts';

function isStandardImport(path: string): boolean {
  const slash = path.indexOf('/');
  return !(slash >= 0 ? path.slice(0, slash) : path).includes('.');
}

/** Every path prefix, longest first: a/b/c, a/b, a. */
export function pathPrefixes(path: string): string[] {
  const out: string[] = [];
  let p = path;
  for (;;) {
    out.push(p);
    const slash = p.lastIndexOf('/');
    if (slash < 0) break;
    p = p.slice(0, slash);
  }
  return out;
}

export interface Candidate {
  module: ModuleVersion;
  dir: string;
}

export type Resolution =
  | { kind: 'std'; dir?: string; missing?: boolean }
  | { kind: 'module'; module: ModuleVersion; dir: string; main: boolean; alsoUnknown?: ModuleVersion[] }
  | { kind: 'ambiguous'; candidates: Candidate[] }
  /** Some module that might hold the package has no files on this machine: tidy would download it. */
  | { kind: 'not-downloaded'; modules: ModuleVersion[] }
  /** The path is inside a main module's path space, but no directory of it holds the package. */
  | { kind: 'main-missing'; module: string }
  | { kind: 'missing' };

export interface MainModuleRef {
  path: string;
  dir: string;
  /** Package directories already found by the module walk (import path → directory). */
  packages?: ReadonlyMap<string, string>;
}

export interface ResolveContext {
  mains: readonly MainModuleRef[];
  source: ModuleSource;
  /** Selected version per module path in the graph searched. */
  selected: ReadonlyMap<string, string>;
  /** Restrict the search to these paths (the roots, in the first pass of a pruned graph). */
  only?: ReadonlySet<string>;
  goroot?: string;
}

/** Whether `dir` (under module root `root`) is a package of that module: not inside a nested module. */
function dirInModule(
  importPath: string,
  modulePath: string,
  root: string,
  local: boolean,
): string | undefined {
  const rel = importPath === modulePath ? '' : importPath.slice(modulePath.length + 1);
  const dir = rel === '' ? root : join(root, ...rel.split('/'));
  if (local && rel !== '') {
    const parts = rel.split('/');
    for (let k = parts.length; k >= 1; k--) {
      if (hasGoMod(join(root, ...parts.slice(0, k)))) return undefined;
    }
  }
  return dirHasGoFiles(dir) ? dir : undefined;
}

/** Whether the main module's directory for `path` is the GOROOT one (working inside GOROOT/src/cmd). */
function sameDir(dir: string | undefined, main: MainModuleRef, path: string): boolean {
  if (!dir) return false;
  const rel = path === main.path ? '' : path.slice(main.path.length + 1);
  return join(main.dir, ...rel.split('/').filter(Boolean)) === dir;
}

export function resolveImport(path: string, ctx: ResolveContext): Resolution {
  if (isStandardImport(path)) {
    // The go command takes a path without a dot from GOROOT when GOROOT has that package; else
    // a main module whose path has no dot ("compliance", "cmd") can still provide it.
    const dir = ctx.goroot ? join(ctx.goroot, 'src', ...path.split('/')) : undefined;
    const inGoroot = dir !== undefined && existsSync(dir);
    // Working in GOROOT/src: the main module is std, and its packages are the standard library.
    const std = ctx.mains.find((m) => m.path === 'std');
    if (std && inGoroot && dir?.startsWith(std.dir) && dirHasGoFiles(dir))
      return { kind: 'module', module: { path: 'std', version: '' }, dir, main: true };
    const main = ctx.mains.find((m) => path === m.path || path.startsWith(`${m.path}/`));
    if (!main || (inGoroot && !sameDir(dir, main, path))) {
      if (!ctx.goroot) return { kind: 'std' };
      return inGoroot ? { kind: 'std', dir: dir! } : { kind: 'std', missing: true };
    }
  }
  const found: Candidate[] = [];
  const unknown: ModuleVersion[] = [];
  let insideMain: string | undefined;
  for (const prefix of pathPrefixes(path)) {
    const main = ctx.mains.find((m) => m.path === prefix);
    if (main) {
      insideMain ??= main.path;
      // The walk already knows the module's ordinary packages; other directories (testdata, _x,
      // ignored ones) can still be imported, so those are looked up on disk.
      const dir = main.packages?.get(path) ?? dirInModule(path, main.path, main.dir, true);
      if (dir) found.push({ module: { path: main.path, version: '' }, dir });
      continue;
    }
    if (ctx.only && !ctx.only.has(prefix)) continue;
    const version = ctx.selected.get(prefix);
    if (version === undefined || version === 'none') continue;
    const m = { path: prefix, version };
    const root = ctx.source.moduleDir(m);
    if (!root) {
      unknown.push(m);
      continue;
    }
    const dir = dirInModule(path, prefix, root, ctx.source.isLocal(m));
    if (dir) found.push({ module: m, dir });
  }
  if (found.length > 1) return { kind: 'ambiguous', candidates: found.reverse() };
  if (found.length === 1) {
    const only = found[0]!;
    return {
      kind: 'module',
      module: only.module,
      dir: only.dir,
      main: only.module.version === '',
      ...(unknown.length > 0 ? { alsoUnknown: unknown } : {}),
    };
  }
  if (unknown.length > 0) return { kind: 'not-downloaded', modules: unknown };
  if (insideMain) return { kind: 'main-missing', module: insideMain };
  return { kind: 'missing' };
}

/**
 * What tidy would most likely add for a missing import, judging by the module cache only: the
 * longest prefix with a downloaded version that holds the package, at its highest cached release
 * (the proxy's `latest` may be newer; tidy asks it).
 */
export function guessFromCache(path: string, source: ModuleSource): ModuleVersion | undefined {
  for (const prefix of pathPrefixes(path)) {
    const escaped = escapePath(prefix);
    if (!escaped.ok) continue;
    const vdir = join(source.options.gomodcache, 'cache', 'download', escaped.value, '@v');
    let names: string[];
    try {
      names = readdirSync(vdir);
    } catch {
      continue;
    }
    const versions = names
      .filter((n) => n.endsWith('.mod'))
      .map((n) => unescapeVersion(n.slice(0, -4)))
      .flatMap((r) => (r.ok && isValid(r.value) ? [r.value] : []));
    const releases = versions.filter((v) => !isPseudoVersion(v));
    const pool = releases.some((v) => prerelease(v) === '')
      ? releases.filter((v) => prerelease(v) === '')
      : releases;
    const ordered = sortVersions(pool).reverse();
    for (const version of ordered) {
      const m = { path: prefix, version };
      const root = source.moduleDir(m);
      if (!root) continue;
      const rel = path === prefix ? '' : path.slice(prefix.length + 1);
      const dir = rel === '' ? root : join(root, ...rel.split('/'));
      if (isDirectory(dir) && dirHasGoFiles(dir)) return m;
      break; // only the newest counts: tidy takes `latest`, and an older version says nothing about it
    }
  }
  return undefined;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Where lookups go

export interface GoSettings extends PrivacySettings {
  GOPROXY: string;
  GOFLAGS?: string;
}

export interface LookupRoute {
  /** The module path queried (`<path>/@v/list` and `@latest`). */
  modulePath: string;
  /** In order: proxy URLs, 'direct' (the VCS), or 'off' (lookup disabled). */
  via: Array<{ kind: 'proxy'; url: string; fallBackOnError: boolean } | { kind: 'direct' } | { kind: 'off' }>;
  private: boolean;
  noProxy: boolean;
  /** The first element looks like a company host that a public proxy cannot reach. */
  looksPrivate: boolean;
  /** GOPROXY does not parse: the go command fails before asking anyone. */
  proxyError?: string;
}

const PRIVATE_HINT =
  /(^|[.-])(corp|internal|intranet|intra|local|lan|private|priv|git|gitlab|scm|vcs|dev|office|company)([.-]|$)/;

function looksPrivateHost(modulePath: string): boolean {
  const host = modulePath.split('/')[0] ?? '';
  if (isPublicCodeHost(host)) return false;
  if (/^\d+\.\d+\.\d+\.\d+(:\d+)?$/.test(host)) return true;
  return PRIVATE_HINT.test(host) || host.endsWith('.example.com') || host.endsWith('.example');
}

export function lookupRoute(modulePath: string, settings: GoSettings): LookupRoute {
  const privacy = resolvePrivacy(settings, modulePath);
  const parsed = parseGoProxy(settings.GOPROXY, effectivePrivacySettings(settings).GONOPROXY);
  const route: LookupRoute = {
    modulePath,
    via: [],
    private: privacy.private,
    noProxy: privacy.noProxy,
    looksPrivate: !privacy.noProxy && looksPrivateHost(modulePath),
  };
  if (!parsed.ok) {
    route.proxyError = parsed.error;
    return route;
  }
  if (privacy.noProxy && parsed.entries.some((e) => e.kind === 'noproxy')) {
    route.via.push({ kind: 'direct' });
    return route;
  }
  for (const entry of parsed.entries as ProxyEntry[]) {
    if (entry.kind === 'noproxy') continue;
    if (entry.kind === 'url' && entry.url)
      route.via.push({ kind: 'proxy', url: entry.url, fallBackOnError: entry.fallBackOnError });
    else if (entry.kind === 'direct') route.via.push({ kind: 'direct' });
    else if (entry.kind === 'off') route.via.push({ kind: 'off' });
  }
  return route;
}
