// Facts several checks need, gathered once per run, lazily and concurrently: one `go env -json`,
// one read and parse of each project file, one `git config --list`, one read of ~/.netrc and
// ~/.ssh. Each getter starts its work on first call and hands the same promise to every caller.
//
// Safety: nothing here executes anything from the checkout. The go binary is never taken from a
// PATH entry that is relative or lies inside the project; go runs with GOTOOLCHAIN=local so that a
// go line cannot start a toolchain download; git runs outside any repository (GIT_DIR points
// nowhere) so that no repository config, hook or fsmonitor of the checkout is consulted.

import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { type GitConfigEntry, normalizeGitKey, parseGitConfigList } from '../exec/git-config.ts';
import { run } from '../exec/run.ts';
import { isRefusal, type ProjectFileKind, type Refusal, readProjectFile } from '../files/read.ts';
import {
  readGoEnv,
  readSettingSources,
  type SettingOrigin,
  type SettingSources,
  settingCandidates,
} from '../go/env.ts';
import { languageVersion, searchPath } from '../go/locate.ts';
import { findModuleRoot, findWorkFile } from '../go/root.ts';
import { type NetrcEntry, parseNetrc } from '../goenv/netrc.ts';
import { type ParsedGoSum, parseGoSum } from '../gosum/index.ts';
import {
  KNOWN_RELEASES,
  NEWEST_RELEASE,
  type ParseResult,
  parseGoMod,
  parseGoWork,
} from '../modfile/index.ts';
import type { TidyPrediction } from '../tidy/analyze.ts';
import { measureTree, type TreeSize } from './tree-size.ts';
import type { DoctorOptions, FactName } from './types.ts';

// ---------------------------------------------------------------------------------------------
// go

export interface GoBinary {
  /** As found on PATH (or given with --go). */
  bin: string;
  /** After following symlinks. */
  real: string;
  goroot: string;
  /** e.g. 'go1.23.5', from $GOROOT/VERSION; undefined when that file is missing. */
  version?: string;
}

export interface GoFacts {
  /** The go binary the user's `go` runs; undefined when there is none. */
  found?: GoBinary;
  /** Every go binary on PATH (absolute entries outside the project), in PATH order. */
  onPath: GoBinary[];
  /** go binaries on PATH that were skipped because they live inside the project (never run). */
  skippedInProject: string[];
  /** --go named something that is not an executable. */
  explicitMissing?: string;
}

// ---------------------------------------------------------------------------------------------
// go env

export interface Setting {
  name: string;
  /** The value the go command uses (as `go env` reports it). */
  value: string;
  origin: SettingOrigin;
  /** Values in the lower-priority sources, when they differ from what wins ("I set it but ..."). */
  shadowed: Array<{ origin: SettingOrigin; value: string }>;
}

export interface GoEnvFacts {
  /** Whether `go env` answered; when not, values come from the sources alone. */
  ok: boolean;
  error?: string;
  values: Record<string, string>;
  sources: SettingSources;
  setting(name: string): Setting;
}

// ---------------------------------------------------------------------------------------------
// project files

export interface SourceFile {
  /** Absolute path. */
  path: string;
  /** Path as shown to the user: relative to the directory the doctor runs in. */
  rel: string;
  bytes: Buffer;
  text: string;
  /** Byte offset of the start of each line (index 0 = line 1). */
  lineStarts: number[];
}

export interface ModuleFacts {
  dir: string;
  gomod: SourceFile;
  parsed: ParseResult;
  gosum?: { file: SourceFile; parsed: ParsedGoSum };
  /** vendor/modules.txt, when present. */
  vendorModules?: SourceFile;
  hasVendorDir: boolean;
}

export interface WorkspaceUse {
  /** Directory as written in go.work. */
  path: string;
  dir: string;
  exists: boolean;
  module?: ModuleFacts;
  line: number;
  column: number;
}

export interface WorkspaceFacts {
  file: SourceFile;
  parsed: ParseResult;
  uses: WorkspaceUse[];
  worksum?: { file: SourceFile; parsed: ParsedGoSum };
}

export interface ProjectFacts {
  /** The directory the doctor runs for. */
  cwd: string;
  /** The main module (nearest go.mod at or above cwd). */
  main?: ModuleFacts;
  /** The workspace (nearest go.work, unless GOWORK=off). */
  workspace?: WorkspaceFacts;
  /** Go release whose go.mod rules are applied (the local go's, else the newest known). */
  release: string;
  /** go.mod files in subdirectories of the main module (nested modules), relative to it. */
  nested: string[];
  /** Project files that exist but were not read: not regular, too large, or leading outside. */
  refused: RefusedFile[];
}

// ---------------------------------------------------------------------------------------------
// git

export interface GitFacts {
  installed: boolean;
  /** The git binary the locator allows (absolute PATH entry, outside the project); none: not installed. */
  bin?: string | undefined;
  version?: string;
  error?: string;
}

export type { GitConfigEntry, NetrcEntry };

export interface GitConfigFacts {
  ok: boolean;
  entries: GitConfigEntry[];
  /** All values of a key (lower-cased section and name; subsection as written). */
  get(key: string): GitConfigEntry[];
}

// ---------------------------------------------------------------------------------------------
// home: ~/.netrc and ~/.ssh, reduced to what checks need; passwords are never kept

export interface HomeFacts {
  home: string;
  netrc?: { path: string; entries: NetrcEntry[]; mode: number };
  ssh: {
    dir: string;
    /** Private key files (names only). */
    keys: string[];
    agent: boolean;
    /** Plain host names of known_hosts (hashed entries are kept for matching). */
    knownHosts: string[];
    hashedHosts: Array<{ salt: Buffer; hash: Buffer }>;
  };
}

// ---------------------------------------------------------------------------------------------
// cache sizes

export interface CacheSizesFacts {
  /** Absent when go env did not answer or the cache is off. */
  GOMODCACHE?: TreeSize;
  GOCACHE?: TreeSize;
}

/**
 * The walks end this long after the run started (the doctor's whole run must stay well under a
 * second on a large project), or after this many files; the sizes are then lower bounds.
 */
const CACHE_SIZE_DEADLINE_MS = 400;
/** Walk time granted even when go env answered late. */
const CACHE_SIZE_MIN_MS = 100;
const CACHE_SIZE_MAX_FILES = 300_000;

// ---------------------------------------------------------------------------------------------

export interface Facts {
  go(): Promise<GoFacts>;
  goenv(): Promise<GoEnvFacts | undefined>;
  project(): Promise<ProjectFacts>;
  git(): Promise<GitFacts>;
  gitconfig(): Promise<GitConfigFacts>;
  home(): Promise<HomeFacts>;
  cacheSizes(): Promise<CacheSizesFacts>;
  /**
   * tidy-check's prediction for the main module, for the release gate: undefined without
   * --release (it reads every .go file), without a main module, or when go.mod does not parse.
   */
  tidy(): Promise<TidyPrediction | undefined>;
}

function once<T>(fn: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => {
    promise ??= fn();
    return promise;
  };
}

export function createFacts(options: DoctorOptions): Facts {
  const go = once(async () => locateGoBinaries(options));
  const goenv = once(async () => {
    const located = (await go()).found;
    if (!located) return undefined;
    return readGoEnvFacts(located, options);
  });
  const project = once(async () => {
    const located = (await go()).found;
    const lang = located?.version ? languageVersion(located.version) : undefined;
    return readProject(options, clampRelease(lang));
  });
  // git, like go, is never taken from a PATH entry inside the project or a relative one.
  const gitBin = once(async () => searchPath('git', options.env, options.cwd).trusted[0]);
  const git = once(async () => ({ ...(await readGit(await gitBin(), options.env)), bin: await gitBin() }));
  const gitconfig = once(async () => readGitConfig(await gitBin(), options.env));
  const home = once(async () => readHome(options.env));
  const started = performance.now();
  const cacheSizes = once(async () => {
    const env = await goenv();
    if (!env?.ok) return {};
    const deadline = Math.max(started + CACHE_SIZE_DEADLINE_MS, performance.now() + CACHE_SIZE_MIN_MS);
    const limits = { deadline, maxFiles: CACHE_SIZE_MAX_FILES };
    const measure = (name: 'GOMODCACHE' | 'GOCACHE') => {
      const path = env.values[name];
      return path && path !== 'off' && isAbsolute(path) ? measureTree(path, limits) : undefined;
    };
    // Both walks interleave (each yields between slices) under the one deadline.
    const [modcache, gocache] = await Promise.all([measure('GOMODCACHE'), measure('GOCACHE')]);
    return { ...(modcache ? { GOMODCACHE: modcache } : {}), ...(gocache ? { GOCACHE: gocache } : {}) };
  });
  const tidy = once(async () => {
    if (!options.release) return undefined;
    const main = (await project()).main;
    if (!main || main.parsed.errors.length > 0) return undefined;
    // The settings as the user's go command resolves them (GOMODCACHE above all).
    const env = { ...options.env, ...((await goenv())?.values ?? {}) };
    // Loaded only here: a doctor run without --release never reads the tidy analysis code.
    const { analyzeTidy } = await import('../tidy/analyze.ts');
    return analyzeTidy({ dir: main.dir, env });
  });
  return { go, goenv, project, git, gitconfig, home, cacheSizes, tidy };
}

/** Starts gathering the named facts now, so that they are ready (or under way) when checks ask. */
export function prefetch(facts: Facts, names: Iterable<FactName>): void {
  for (const name of new Set(names)) {
    // Errors surface where a check awaits the fact; here they must not become unhandled rejections.
    facts[name]().catch(() => {});
  }
}

// ---------------------------------------------------------------------------------------------
// go binaries

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function readVersionFile(goroot: string): string | undefined {
  try {
    const first = readFileSync(join(goroot, 'VERSION'), 'utf8').split('\n')[0]?.trim();
    return first && /^go\d/.test(first) ? first : undefined;
  } catch {
    return undefined;
  }
}

function describeBinary(bin: string): GoBinary {
  const real = realOrSelf(bin);
  const goroot = dirname(dirname(real));
  const version = readVersionFile(goroot);
  return { bin, real, goroot, ...(version ? { version } : {}) };
}

function isExecutableFile(path: string): boolean {
  try {
    const info = statSync(path);
    return info.isFile() && (info.mode & 0o111) !== 0;
  } catch {
    return false;
  }
}

function locateGoBinaries(options: DoctorOptions): GoFacts {
  // The one locator's rule: a go binary inside the checkout is the checkout's code: never run it.
  const search = searchPath('go', options.env, options.cwd);
  const skippedInProject = search.skipped;
  const onPath = search.trusted.map(describeBinary);
  if (options.goBin !== undefined) {
    const bin = resolve(options.cwd, options.goBin);
    if (!isExecutableFile(bin)) return { onPath, skippedInProject, explicitMissing: options.goBin };
    return { found: describeBinary(bin), onPath, skippedInProject };
  }
  const first = onPath[0];
  return first ? { found: first, onPath, skippedInProject } : { onPath, skippedInProject };
}

// ---------------------------------------------------------------------------------------------
// go env

/** Where each origin's value is; GOTOOLCHAIN's own default differs by release. */
function settingFrom(
  name: string,
  reported: string | undefined,
  env: Record<string, string | undefined>,
  sources: SettingSources,
): Setting {
  const candidates: Array<{ origin: SettingOrigin; value: string | undefined }> = settingCandidates(
    name,
    env,
    sources,
  );
  const winner = candidates.find((c) => c.value !== undefined);
  const origin: SettingOrigin = winner ? winner.origin : 'default';
  const value = reported ?? winner?.value ?? '';
  const shadowed = candidates
    .filter((c) => c !== winner && c.value !== undefined && c.value !== value)
    .filter((c) => candidates.indexOf(c) > (winner ? candidates.indexOf(winner) : 3))
    .map((c) => ({ origin: c.origin, value: c.value as string }));
  return { name, value, origin, shadowed };
}

async function readGoEnvFacts(located: GoBinary, options: DoctorOptions): Promise<GoEnvFacts> {
  const env = options.env;
  const { values, error } = await readGoEnv(located.bin, { env, cwd: options.cwd });
  const goroot = values.GOROOT || located.goroot;
  const sources = readSettingSources(env, goroot);
  const cache = new Map<string, Setting>();
  return {
    ok: error === undefined,
    ...(error !== undefined ? { error } : {}),
    values,
    sources,
    setting(name: string): Setting {
      let found = cache.get(name);
      if (!found) {
        // GOTOOLCHAIN was forced to local for the go env run itself, so its report is not the user's.
        const reported = name === 'GOTOOLCHAIN' || error !== undefined ? undefined : values[name];
        found = settingFrom(name, reported, env, sources);
        cache.set(name, found);
      }
      return found;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// project

const MIN_RELEASE = KNOWN_RELEASES[0];

/** go.mod rules of releases we know; older behave like the oldest known, newer like the newest. */
export function clampRelease(lang: string | undefined): string {
  if (!lang) return NEWEST_RELEASE;
  const minor = Number(lang.split('.')[1]);
  if (minor < Number(MIN_RELEASE.split('.')[1])) return MIN_RELEASE;
  if (minor > Number(NEWEST_RELEASE.split('.')[1])) return NEWEST_RELEASE;
  return `1.${minor}`;
}

function lineStartsOf(bytes: Uint8Array): number[] {
  const starts = [0];
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a) starts.push(i + 1);
  return starts;
}

export interface RefusedFile {
  /** Path as shown to the user. */
  file: string;
  refusal: Refusal;
}

export interface ReadSourceOptions {
  kind: ProjectFileKind;
  /** Directories the file must resolve into (default: its own directory). */
  roots?: readonly string[];
  /** Collects files that exist but were not read (FIFO, device, link out of the project, too large). */
  refused?: RefusedFile[];
}

function relPath(path: string, cwd: string): string {
  const rel = relative(cwd, path) || path;
  return sep === '/' ? rel : rel.split(sep).join('/');
}

/** Reads one project file through the safe reader; undefined when missing or refused. */
export function readSource(path: string, cwd: string, options: ReadSourceOptions): SourceFile | undefined {
  const read = readProjectFile(path, {
    kind: options.kind,
    ...(options.roots ? { roots: options.roots } : {}),
  });
  if (!read.ok) {
    if (isRefusal(read)) options.refused?.push({ file: relPath(path, cwd), refusal: read });
    return undefined;
  }
  const bytes = read.bytes;
  return {
    path,
    rel: relPath(path, cwd),
    bytes,
    text: bytes.toString('utf8'),
    lineStarts: lineStartsOf(bytes),
  };
}

function readSum(
  path: string,
  cwd: string,
  options: Omit<ReadSourceOptions, 'kind'>,
): { file: SourceFile; parsed: ParsedGoSum } | undefined {
  const file = readSource(path, cwd, { ...options, kind: 'go.sum' });
  return file ? { file, parsed: parseGoSum(file.bytes, file.rel) } : undefined;
}

function readModule(
  dir: string,
  cwd: string,
  release: string,
  options: { roots?: readonly string[]; refused?: RefusedFile[] } = {},
): ModuleFacts | undefined {
  const roots = options.roots ?? [dir];
  const shared = { roots, ...(options.refused ? { refused: options.refused } : {}) };
  const gomod = readSource(join(dir, 'go.mod'), cwd, { ...shared, kind: 'go.mod' });
  if (!gomod) return undefined;
  const parsed = parseGoMod(gomod.bytes, { filename: gomod.rel, goRelease: release });
  const gosum = readSum(join(dir, 'go.sum'), cwd, shared);
  const vendorModules = readSource(join(dir, 'vendor', 'modules.txt'), cwd, {
    ...shared,
    kind: 'modules.txt',
  });
  let hasVendorDir = false;
  try {
    hasVendorDir = statSync(join(dir, 'vendor')).isDirectory();
  } catch {
    hasVendorDir = false;
  }
  return {
    dir,
    gomod,
    parsed,
    ...(gosum ? { gosum } : {}),
    ...(vendorModules ? { vendorModules } : {}),
    hasVendorDir,
  };
}

const SKIP_DIRS = new Set(['vendor', 'testdata', 'node_modules', '.git', '.hg', '.svn']);
const NESTED_SCAN_LIMIT = 20_000;

/** go.mod files below the main module, the way the go command sees module boundaries. */
function findNestedModules(root: string): string[] {
  const found: string[] = [];
  let visited = 0;
  const walk = (dir: string): void => {
    if (visited++ > NESTED_SCAN_LIMIT) return;
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (!entry.isDirectory()) continue;
      const name = entry.name;
      if (SKIP_DIRS.has(name) || name.startsWith('.') || name.startsWith('_')) continue;
      const sub = join(dir, name);
      if (existsSync(join(sub, 'go.mod'))) found.push(relative(root, sub).split(sep).join('/'));
      walk(sub);
    }
  };
  walk(root);
  return found.sort();
}

function readProject(options: DoctorOptions, release: string): ProjectFacts {
  const { cwd, env } = options;
  const refused: RefusedFile[] = [];
  const moduleRoot = findModuleRoot(cwd);
  const goworkPath = findWorkFile(cwd, env);
  // What counts as "inside the project": the main module, and the workspace with its modules.
  const roots: string[] = [];
  if (moduleRoot) roots.push(moduleRoot);
  if (goworkPath) roots.push(dirname(goworkPath));
  const main = moduleRoot ? readModule(moduleRoot, cwd, release, { roots, refused }) : undefined;
  let workspace: WorkspaceFacts | undefined;
  if (goworkPath) {
    const file = readSource(goworkPath, cwd, { kind: 'go.work', roots, refused });
    if (file) {
      const parsed = parseGoWork(file.bytes, { filename: file.rel, goRelease: release });
      const base = dirname(goworkPath);
      const useDirs = parsed.file.use.map((use) => resolve(base, use.path));
      const workRoots = [...roots, ...useDirs];
      const uses: WorkspaceUse[] = parsed.file.use.map((use, i) => {
        const dir = useDirs[i]!;
        let exists = false;
        try {
          exists = statSync(dir).isDirectory();
        } catch {
          exists = false;
        }
        const module = exists ? readModule(dir, cwd, release, { roots: workRoots, refused }) : undefined;
        return {
          path: use.path,
          dir,
          exists,
          ...(module ? { module } : {}),
          line: use.pos.line,
          column: byteColumn(file, use.pos),
        };
      });
      const worksum = readSum(join(base, 'go.work.sum'), cwd, { roots: workRoots, refused });
      workspace = { file, parsed, uses, ...(worksum ? { worksum } : {}) };
    }
  }
  const nested = main ? findNestedModules(main.dir) : [];
  // A file reached twice (the main module is also a workspace module) is reported once.
  const seen = new Set<string>();
  const unique = refused.filter((r) => !seen.has(r.file) && seen.add(r.file));
  return {
    cwd,
    ...(main ? { main } : {}),
    ...(workspace ? { workspace } : {}),
    release,
    nested,
    refused: unique,
  };
}

/** The 1-based column in UTF-8 bytes (the contract's unit) of a parser position. */
export function byteColumn(
  file: SourceFile,
  pos: { line: number; byteOffset: number; column: number },
): number {
  const start = file.lineStarts[pos.line - 1];
  if (start === undefined || pos.byteOffset < start) return Math.max(pos.column, 1);
  return pos.byteOffset - start + 1;
}

/** The text of one line (1-based), without its line end. */
export function lineText(file: SourceFile, line: number): string {
  const start = file.lineStarts[line - 1];
  if (start === undefined) return '';
  const end = file.lineStarts[line] ?? file.bytes.length;
  return file.bytes
    .subarray(start, end)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

// ---------------------------------------------------------------------------------------------
// git

/** Environment for git: the user's, with anything that could prompt or take locks turned off, and
 *  no repository (GIT_DIR points nowhere), so only system, global and command-line config count. */
export function safeGitEnv(env: Record<string, string | undefined>): Record<string, string | undefined> {
  return {
    ...env,
    GIT_DIR: join(homedirOf(env), '.gomod-doctor-no-repository'),
    GIT_TERMINAL_PROMPT: '0',
    GIT_OPTIONAL_LOCKS: '0',
    GIT_PAGER: 'cat',
    GCM_INTERACTIVE: 'never',
  };
}

export const SAFE_GIT_ARGS = ['-c', 'core.fsmonitor=false', '-c', 'core.hooksPath=/dev/null', '--no-pager'];

function homedirOf(env: Record<string, string | undefined>): string {
  return env.HOME ?? homedir();
}

async function readGit(bin: string | undefined, env: Record<string, string | undefined>): Promise<GitFacts> {
  if (!bin) return { installed: false };
  const result = await run(bin, [...SAFE_GIT_ARGS, '--version'], {
    env: safeGitEnv(env),
    cwd: homedirOf(env),
    timeoutMs: 5_000,
  });
  if (result.spawnError?.code === 'ENOENT') return { installed: false };
  if (result.exitCode !== 0)
    return {
      installed: true,
      error: result.stderr.trim() || result.spawnError?.message || 'git --version failed',
    };
  const version = /git version (\S+)/.exec(result.stdout)?.[1];
  return { installed: true, bin, ...(version ? { version } : {}) };
}

async function readGitConfig(
  bin: string | undefined,
  env: Record<string, string | undefined>,
): Promise<GitConfigFacts> {
  if (!bin) return { ok: false, entries: [], get: () => [] };
  const result = await run(bin, [...SAFE_GIT_ARGS, 'config', '--list', '--show-origin', '-z'], {
    env: safeGitEnv(env),
    cwd: homedirOf(env),
    timeoutMs: 5_000,
  });
  // Exit 1 with no output: there is no config at all.
  const ok = result.exitCode === 0 || (result.exitCode === 1 && result.stdout === '');
  const entries = ok
    ? parseGitConfigList(result.stdout).map((e) => ({ ...e, key: normalizeGitKey(e.key) }))
    : [];
  return {
    ok,
    entries,
    get: (key) => {
      const wanted = normalizeGitKey(key);
      return entries.filter((e) => e.key === wanted);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// home

function readHome(env: Record<string, string | undefined>): HomeFacts {
  const home = homedirOf(env);
  const netrcPath = env.NETRC || join(home, process.platform === 'win32' ? '_netrc' : '.netrc');
  let netrc: HomeFacts['netrc'];
  try {
    const text = readFileSync(netrcPath, 'utf8');
    netrc = { path: netrcPath, entries: parseNetrc(text), mode: statSync(netrcPath).mode & 0o777 };
  } catch {
    netrc = undefined;
  }
  const sshDir = join(home, '.ssh');
  let names: string[] = [];
  try {
    names = readdirSync(sshDir);
  } catch {
    names = [];
  }
  const keys = names.filter((n) => /^id_[a-z0-9_]+$/.test(n) || (n.endsWith('.pem') && !n.endsWith('.pub')));
  const knownHosts: string[] = [];
  const hashedHosts: Array<{ salt: Buffer; hash: Buffer }> = [];
  for (const file of ['known_hosts', 'known_hosts2']) {
    let text = '';
    try {
      text = readFileSync(join(sshDir, file), 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n')) {
      const trimmed = line.trim();
      if (trimmed === '' || trimmed.startsWith('#')) continue;
      const fields = trimmed.split(/\s+/);
      const hostField = fields[0]?.startsWith('@') ? fields[1] : fields[0];
      if (!hostField) continue;
      if (hostField.startsWith('|1|')) {
        const [, , salt, hash] = hostField.split('|');
        if (salt && hash)
          hashedHosts.push({ salt: Buffer.from(salt, 'base64'), hash: Buffer.from(hash, 'base64') });
        continue;
      }
      for (const host of hostField.split(',')) knownHosts.push(host);
    }
  }
  const agentSocket = env.SSH_AUTH_SOCK;
  const agent = agentSocket !== undefined && agentSocket !== '' && existsSync(agentSocket);
  return {
    home,
    ...(netrc ? { netrc } : {}),
    ssh: { dir: sshDir, keys, agent, knownHosts, hashedHosts },
  };
}
