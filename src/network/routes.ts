// The routing table: for each module the project needs, the way the go command would fetch it
// under the current settings (which proxies in which order and when it falls through, or which
// VCS at which URL after git's insteadOf rewrites), and how its checksum would be verified.
// Pure data from settings; nothing here touches the network.

import type { ProxyEntry } from '../goenv/goproxy.ts';
import { parseGoProxy } from '../goenv/goproxy.ts';
import { parseGoSumDb } from '../goenv/gosumdb.ts';
import { allowsVcs, parseGoVcs } from '../goenv/govcs.ts';
import type { ModulePrivacy } from '../goenv/private.ts';
import { effectivePrivacySettings, resolvePrivacy } from '../goenv/private.ts';
import { type PrivateLooking, privateLooking } from '../module/private-looking.ts';

export interface Requirement {
  path: string;
  version: string;
}

/** One `url.<base>.insteadOf = <prefix>` rule of git's configuration. */
export interface InsteadOfRule {
  base: string;
  prefix: string;
}

/** A git configuration entry (`git config --list` key and value; the doctor's GitConfigEntry fits). */
export interface GitConfigItem {
  key: string;
  value: string;
}

export interface ProxyHop {
  /** The proxy base URL (with the implicit https:// added). */
  url: string;
  /** `|` after it: any error moves on. `,` (or last): only 404/410 do. */
  fallBackOnError: boolean;
}

export type Transport = 'https' | 'http' | 'ssh' | 'git' | 'file' | 'other';

export interface DirectRoute {
  /** The VCS when known before any request; 'unknown' until `?go-get=1` discovery names it. */
  vcs: 'git' | 'hg' | 'svn' | 'bzr' | 'fossil' | 'unknown';
  /**
   * static: a known forge (github.com, bitbucket.org, ...); vcs-suffix: the path names its VCS
   * (`host/repo.git`), and the go command tries schemes in turn; go-get: the host is asked with
   * `?go-get=1` first.
   */
  discovery: 'static' | 'vcs-suffix' | 'go-get';
  /** The repository root path (static and vcs-suffix only). */
  repoRoot?: string;
  /** The URL the go command hands to the VCS (static and vcs-suffix: the first scheme tried). */
  repoUrl?: string;
  /** vcs-suffix: the schemes tried in order. */
  schemes?: string[];
  /** go-get: the discovery URL. */
  goGetUrl?: string;
  /** repoUrl after git's insteadOf rewrite (what git really connects to). */
  fetchUrl?: string;
  transport?: Transport;
  insteadOf?: InsteadOfRule;
  /** GOINSECURE matches: plain HTTP discovery fallback and unverified TLS are allowed. */
  insecure: boolean;
  /** GOVCS verdict, when the VCS is known. */
  govcs?: { allowed: boolean; error?: string };
}

export type FetchRoute =
  /** Through proxies in order; `after` is what follows the last proxy. */
  | { kind: 'proxies'; proxies: ProxyHop[]; after: 'direct' | 'off' | 'end' }
  /** Straight to the VCS: GONOPROXY/GOPRIVATE matches, or GOPROXY starts with `direct`. */
  | { kind: 'direct'; reason: 'gonoproxy' | 'goproxy-direct' }
  /** GOPROXY=off (first usable entry), or `-mod=vendor`: no lookup at all. */
  | { kind: 'off'; reason: 'goproxy-off' | 'vendor' }
  | { kind: 'invalid'; error: string };

export type ChecksumRoute =
  | { kind: 'sumdb'; name: string }
  | { kind: 'skipped'; reason: 'gonosumdb' | 'gosumdb-off' }
  /** Nothing is downloaded (GOPROXY=off, -mod=vendor), so there is no new checksum to look up. */
  | { kind: 'not-fetched'; reason: 'goproxy-off' | 'vendor' }
  | { kind: 'invalid'; error: string };

export interface ModuleRoute {
  module: string;
  version: string;
  privacy: ModulePrivacy;
  fetch: FetchRoute;
  /** How a direct fetch goes: for `direct` routes, and for proxy routes that end in `direct`. */
  direct?: DirectRoute;
  checksum: ChecksumRoute;
  /** The module looks private (src/module/private-looking.ts) yet goes to a proxy or the checksum database. */
  privateLooking?: PrivateLooking;
}

/**
 * How the checksum database is reached when GOSUMDB has no URL: each GOPROXY entry is asked for
 * /sumdb/NAME/supported in turn (with the same `,`/`|` rules); the first 200 is used for every
 * request; otherwise https://NAME directly.
 */
export type SumdbAccess =
  | { via: 'url'; url: string }
  | { via: 'proxies'; candidates: ProxyHop[]; direct: string };

export interface SumdbRoute {
  name: string;
  key?: string;
  access: SumdbAccess;
  /** Modules whose checksums it would be asked for (those not matching GONOSUMDB). */
  moduleCount: number;
}

export interface RouteGroup {
  /** Stable key: `proxies:URL,URL>direct`, `direct:git:ssh`, `go-get`, `off:goproxy-off`, ... */
  key: string;
  kind: 'proxies' | 'direct' | 'off' | 'invalid';
  /** For proxies: the chain. */
  proxies?: ProxyHop[];
  after?: 'direct' | 'off' | 'end';
  /** For direct: VCS and transport, or 'go-get' when discovery decides. */
  vcs?: string;
  transport?: Transport | 'go-get';
  modules: string[];
  /** The modules summarised as `host/*` patterns (or single paths). */
  patterns: string[];
}

export interface RouteTable {
  settings: Record<
    'GOPROXY' | 'GONOPROXY' | 'GOPRIVATE' | 'GONOSUMDB' | 'GOINSECURE' | 'GOVCS' | 'GOSUMDB' | 'GOFLAGS',
    string
  >;
  /** The parsed GOPROXY list (without the implicit noproxy entry). */
  proxyList: { ok: true; entries: ProxyEntry[] } | { ok: false; error: string };
  sumdb?: SumdbRoute;
  sumdbError?: string;
  /** `-mod=vendor` in GOFLAGS: the go command does no module lookups at all. */
  vendorMode: boolean;
  insteadOf: InsteadOfRule[];
  modules: ModuleRoute[];
  groups: RouteGroup[];
}

export interface RouteInput {
  goEnv: Record<string, string>;
  requirements: readonly Requirement[];
  insteadOf?: readonly InsteadOfRule[];
  /** git config entries, for the private-looking heuristic (decided offline, nothing is sent). */
  gitConfig?: readonly GitConfigItem[];
}

/** `url.<base>.insteadOf` rules from git config entries (pushInsteadOf is for pushes only: ignored). */
export function insteadOfRules(entries: readonly GitConfigItem[]): InsteadOfRule[] {
  const rules: InsteadOfRule[] = [];
  for (const entry of entries) {
    const match = /^url\.(.+)\.insteadof$/i.exec(entry.key);
    if (match?.[1] && entry.value !== '') rules.push({ base: match[1], prefix: entry.value });
  }
  return rules;
}

/** `git config --get-regexp '^url\.'` output: `KEY VALUE` per line. */
export function parseGetRegexpOutput(text: string): GitConfigItem[] {
  const items: GitConfigItem[] = [];
  for (const line of text.split('\n')) {
    const space = line.indexOf(' ');
    if (space <= 0) continue;
    items.push({ key: line.slice(0, space), value: line.slice(space + 1) });
  }
  return items;
}

/** Git's rewrite: the longest matching insteadOf prefix wins. */
export function applyInsteadOf(
  url: string,
  rules: readonly InsteadOfRule[],
): { url: string; rule?: InsteadOfRule } {
  let best: InsteadOfRule | undefined;
  for (const rule of rules) {
    if (url.startsWith(rule.prefix) && (!best || rule.prefix.length > best.prefix.length)) best = rule;
  }
  if (!best) return { url };
  return { url: best.base + url.slice(best.prefix.length), rule: best };
}

export function transportOf(url: string): Transport {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    // scp-like `user@host:path` (a colon before any slash) is ssh; a plain path is a local repo.
    if (/^[^/]*:/.test(url)) return 'ssh';
    return 'file';
  }
  switch (scheme) {
    case 'https':
    case 'http':
    case 'git':
    case 'file':
      return scheme;
    case 'ssh':
    case 'git+ssh':
    case 'ssh+git':
      return 'ssh';
    default:
      return 'other';
  }
}

/** The host (and port) of a remote URL in any of git's forms. */
export function hostOfRemote(url: string): { host: string; port?: number } | undefined {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^:/]+)(?::(\d+))?/i.exec(url);
  if (withScheme?.[1]) {
    const host = withScheme[1].replace(/^\[|\]$/g, '');
    return withScheme[2] ? { host, port: Number(withScheme[2]) } : { host };
  }
  const scpLike = /^(?:[^@/]*@)?([^:/]+):/.exec(url);
  if (scpLike?.[1]) return { host: scpLike[1] };
  return undefined;
}

interface StaticRepo {
  vcs: DirectRoute['vcs'];
  repoRoot: string;
  discovery: 'static' | 'vcs-suffix';
  /** The path the VCS is pointed at, without scheme. */
  repo: string;
}

const ELEMENT = '[A-Za-z0-9_.\\-]+';

/**
 * The forges the go command knows without asking (its built-in table), and paths that name their
 * VCS with a suffix. Everything else is discovered with `?go-get=1`.
 */
export function staticRepo(modulePath: string): StaticRepo | undefined {
  const known: Array<[RegExp, DirectRoute['vcs']]> = [
    [new RegExp(`^(github\\.com/${ELEMENT}/${ELEMENT})(/${ELEMENT})*$`), 'git'],
    [new RegExp(`^(bitbucket\\.org/${ELEMENT}/${ELEMENT})(/${ELEMENT})*$`), 'git'],
    [new RegExp(`^(git\\.apache\\.org/[a-z0-9_.\\-]+\\.git)(/${ELEMENT})*$`), 'git'],
    [new RegExp(`^(git\\.openstack\\.org/${ELEMENT}/${ELEMENT})(\\.git)?(/${ELEMENT})*$`), 'git'],
    [/^(chiselapp\.com\/user\/[A-Za-z0-9]+\/repository\/[A-Za-z0-9_.-]+)$/, 'fossil'],
  ];
  for (const [pattern, vcs] of known) {
    const root = pattern.exec(modulePath)?.[1];
    if (root) return { vcs, repoRoot: root, discovery: 'static', repo: root };
  }
  // host[:port]/path.VCS[/more]: the shortest path ending in a VCS suffix is the root.
  const suffix =
    /^(([a-z0-9.-]+\.)+[a-z0-9.-]+(:[0-9]+)?(\/~?[A-Za-z0-9_.-]+)+?)\.(bzr|fossil|git|hg|svn)(\/~?[A-Za-z0-9_.-]+)*$/.exec(
      modulePath,
    );
  if (suffix?.[1] && suffix[5]) {
    const vcs = suffix[5] as DirectRoute['vcs'];
    return { vcs, repoRoot: `${suffix[1]}.${suffix[5]}`, discovery: 'vcs-suffix', repo: suffix[1] };
  }
  return undefined;
}

/** Schemes the go command tries for a suffix path, secure ones only unless GOINSECURE matches. */
function schemesFor(vcs: DirectRoute['vcs'], insecure: boolean): string[] {
  const all: Record<string, Array<[string, boolean]>> = {
    git: [
      ['git', false],
      ['https', true],
      ['http', false],
      ['git+ssh', true],
      ['ssh', true],
    ],
    hg: [
      ['https', true],
      ['http', false],
      ['ssh', true],
    ],
    svn: [
      ['https', true],
      ['http', false],
      ['svn', false],
      ['svn+ssh', true],
    ],
    bzr: [
      ['https', true],
      ['http', false],
      ['bzr', false],
      ['bzr+ssh', true],
    ],
    fossil: [
      ['https', true],
      ['http', false],
    ],
  };
  return (all[vcs] ?? [['https', true]]).filter(([, secure]) => secure || insecure).map(([s]) => s);
}

function directRoute(
  modulePath: string,
  privacy: ModulePrivacy,
  govcs: ReturnType<typeof parseGoVcs>,
  insteadOf: readonly InsteadOfRule[],
): DirectRoute {
  const found = staticRepo(modulePath);
  if (!found) {
    return {
      vcs: 'unknown',
      discovery: 'go-get',
      goGetUrl: `https://${modulePath}?go-get=1`,
      insecure: privacy.insecure,
    };
  }
  const schemes = found.discovery === 'vcs-suffix' ? schemesFor(found.vcs, privacy.insecure) : ['https'];
  const repoUrl = `${schemes[0] ?? 'https'}://${found.repo}`;
  const rewritten = applyInsteadOf(repoUrl, insteadOf);
  const route: DirectRoute = {
    vcs: found.vcs,
    discovery: found.discovery,
    repoRoot: found.repoRoot,
    repoUrl,
    fetchUrl: rewritten.url,
    transport: transportOf(rewritten.url),
    insecure: privacy.insecure,
  };
  if (found.discovery === 'vcs-suffix') route.schemes = schemes;
  if (rewritten.rule) route.insteadOf = rewritten.rule;
  if (govcs.ok) {
    const verdict = allowsVcs(govcs.rules, found.repoRoot, found.vcs, privacy.private);
    route.govcs = verdict.allowed ? { allowed: true } : { allowed: false, error: verdict.error ?? '' };
  }
  return route;
}

/** Applies what `?go-get=1` discovery found to a go-get route (VCS, repository, insteadOf, GOVCS). */
export function withDiscoveredRepo(
  route: DirectRoute,
  found: { prefix: string; vcs: string; repoRoot: string },
  privacy: ModulePrivacy,
  govcs: ReturnType<typeof parseGoVcs>,
  insteadOf: readonly InsteadOfRule[],
): DirectRoute {
  const vcs = (
    ['git', 'hg', 'svn', 'bzr', 'fossil'].includes(found.vcs) ? found.vcs : 'unknown'
  ) as DirectRoute['vcs'];
  const rewritten = applyInsteadOf(found.repoRoot, insteadOf);
  const out: DirectRoute = {
    ...route,
    vcs,
    repoRoot: found.prefix,
    repoUrl: found.repoRoot,
    fetchUrl: rewritten.url,
    transport: transportOf(rewritten.url),
  };
  if (rewritten.rule) out.insteadOf = rewritten.rule;
  if (govcs.ok && vcs !== 'unknown') {
    const verdict = allowsVcs(govcs.rules, found.prefix, vcs, privacy.private);
    out.govcs = verdict.allowed ? { allowed: true } : { allowed: false, error: verdict.error ?? '' };
  }
  return out;
}

function setting(goEnv: Record<string, string>, name: string): string {
  return goEnv[name] ?? '';
}

/** Whether GOFLAGS turns on vendor mode (the last -mod flag wins, as with repeated flags). */
function vendorModeFromGoFlags(goflags: string): boolean {
  const mods = [...goflags.matchAll(/(?:^|\s)--?mod=(\S+)/g)].map((m) => m[1]);
  return mods.at(-1) === 'vendor';
}

export function computeRoutes(input: RouteInput): RouteTable {
  const env = input.goEnv;
  const privacySettings = {
    GOPRIVATE: setting(env, 'GOPRIVATE'),
    GONOPROXY: setting(env, 'GONOPROXY'),
    GONOSUMDB: setting(env, 'GONOSUMDB'),
    GOINSECURE: setting(env, 'GOINSECURE'),
  };
  const effective = effectivePrivacySettings(privacySettings);
  const insteadOf = [...(input.insteadOf ?? [])];
  const vendorMode = vendorModeFromGoFlags(setting(env, 'GOFLAGS'));
  const withNoProxy = parseGoProxy(setting(env, 'GOPROXY'), effective.GONOPROXY);
  const proxyList: RouteTable['proxyList'] = withNoProxy.ok
    ? { ok: true, entries: withNoProxy.entries.filter((e) => e.kind !== 'noproxy') }
    : withNoProxy;
  const govcs = parseGoVcs(setting(env, 'GOVCS'));
  const gosumdb = parseGoSumDb(setting(env, 'GOSUMDB'));

  const modules: ModuleRoute[] = [];
  for (const req of input.requirements) {
    if (req.path === 'go' || req.path === 'toolchain') continue;
    const privacy = resolvePrivacy(privacySettings, req.path);
    const fetch = fetchRoute(proxyList, privacy, vendorMode);
    const route: ModuleRoute = {
      module: req.path,
      version: req.version,
      privacy,
      fetch,
      // A module that is never downloaded is never looked up in the checksum database either:
      // counting it there made a GOPROXY=off run probe sum.golang.org and report it unreachable.
      checksum:
        fetch.kind === 'off'
          ? { kind: 'not-fetched', reason: fetch.reason }
          : !gosumdb.ok
            ? { kind: 'invalid', error: gosumdb.error }
            : gosumdb.kind === 'off'
              ? { kind: 'skipped', reason: 'gosumdb-off' }
              : privacy.noSumDb
                ? { kind: 'skipped', reason: 'gonosumdb' }
                : { kind: 'sumdb', name: gosumdb.name },
    };
    if (fetch.kind === 'direct' || (fetch.kind === 'proxies' && fetch.after === 'direct')) {
      route.direct = directRoute(req.path, privacy, govcs, insteadOf);
    }
    if (fetch.kind === 'proxies' || route.checksum.kind === 'sumdb') {
      const looks = privateLooking(req.path, { gitConfig: input.gitConfig ?? [] });
      if (looks) route.privateLooking = looks;
    }
    modules.push(route);
  }

  const table: RouteTable = {
    settings: {
      GOPROXY: setting(env, 'GOPROXY'),
      GONOPROXY: effective.GONOPROXY,
      GOPRIVATE: effective.GOPRIVATE,
      GONOSUMDB: effective.GONOSUMDB,
      GOINSECURE: effective.GOINSECURE,
      GOVCS: setting(env, 'GOVCS'),
      GOSUMDB: setting(env, 'GOSUMDB'),
      GOFLAGS: setting(env, 'GOFLAGS'),
    },
    proxyList,
    vendorMode,
    insteadOf,
    modules,
    groups: groupRoutes(modules),
  };
  if (!gosumdb.ok) table.sumdbError = gosumdb.error;
  else if (gosumdb.kind !== 'off') {
    const checked = modules.filter((m) => m.checksum.kind === 'sumdb').length;
    table.sumdb = {
      name: gosumdb.name,
      ...(gosumdb.key !== undefined ? { key: gosumdb.key } : {}),
      access:
        gosumdb.url !== undefined
          ? { via: 'url', url: gosumdb.url.replace(/\/$/, '') }
          : {
              via: 'proxies',
              candidates: proxyList.ok ? proxyCandidates(proxyList.entries) : [],
              direct: `https://${gosumdb.name}`,
            },
      moduleCount: checked,
    };
  }
  return table;
}

/** The proxies asked for /sumdb/NAME/supported: the URL entries up to `direct` or `off`. */
function proxyCandidates(entries: readonly ProxyEntry[]): ProxyHop[] {
  const hops: ProxyHop[] = [];
  for (const entry of entries) {
    if (entry.kind !== 'url') break;
    hops.push({ url: entry.url ?? '', fallBackOnError: entry.fallBackOnError });
  }
  return hops;
}

function fetchRoute(
  proxyList: RouteTable['proxyList'],
  privacy: ModulePrivacy,
  vendorMode: boolean,
): FetchRoute {
  if (vendorMode) return { kind: 'off', reason: 'vendor' };
  if (!proxyList.ok) return { kind: 'invalid', error: proxyList.error };
  // A GONOPROXY match goes to its VCS whatever GOPROXY lists (the implicit noproxy entry first).
  if (privacy.noProxy) return { kind: 'direct', reason: 'gonoproxy' };
  const proxies: ProxyHop[] = [];
  for (const entry of proxyList.entries) {
    if (entry.kind === 'direct') {
      if (proxies.length === 0) return { kind: 'direct', reason: 'goproxy-direct' };
      return { kind: 'proxies', proxies, after: 'direct' };
    }
    if (entry.kind === 'off') {
      if (proxies.length === 0) return { kind: 'off', reason: 'goproxy-off' };
      return { kind: 'proxies', proxies, after: 'off' };
    }
    if (entry.kind === 'url') proxies.push({ url: entry.url ?? '', fallBackOnError: entry.fallBackOnError });
  }
  return { kind: 'proxies', proxies, after: 'end' };
}

/** Groups modules by the way they travel, for a summary a person can read. */
function groupRoutes(modules: readonly ModuleRoute[]): RouteGroup[] {
  const groups = new Map<string, RouteGroup>();
  for (const route of modules) {
    let key: string;
    let group: Omit<RouteGroup, 'modules' | 'patterns'>;
    const fetch = route.fetch;
    if (fetch.kind === 'proxies') {
      const chain = fetch.proxies.map((p) => `${p.url}${p.fallBackOnError ? '|' : ','}`).join('');
      key = `proxies:${chain}>${fetch.after}`;
      group = { key, kind: 'proxies', proxies: fetch.proxies, after: fetch.after };
    } else if (fetch.kind === 'direct') {
      const direct = route.direct;
      const transport = direct?.discovery === 'go-get' ? 'go-get' : (direct?.transport ?? 'other');
      const vcs = direct?.vcs ?? 'unknown';
      key = `direct:${vcs}:${transport}`;
      group = { key, kind: 'direct', vcs, transport };
    } else if (fetch.kind === 'off') {
      key = `off:${fetch.reason}`;
      group = { key, kind: 'off' };
    } else {
      key = 'invalid';
      group = { key, kind: 'invalid' };
    }
    const existing = groups.get(key);
    if (existing) existing.modules.push(route.module);
    else groups.set(key, { ...group, modules: [route.module], patterns: [] });
  }
  const out = [...groups.values()].sort((a, b) => b.modules.length - a.modules.length);
  for (const group of out) group.patterns = summarisePaths(group.modules);
  return out;
}

/** `host/*` for hosts with several modules, the path itself for single ones. */
function summarisePaths(paths: readonly string[]): string[] {
  const byHost = new Map<string, string[]>();
  for (const path of paths) {
    const host = path.split('/')[0] ?? path;
    const list = byHost.get(host) ?? [];
    list.push(path);
    byHost.set(host, list);
  }
  return [...byHost.entries()]
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
    .map(([host, list]) => (list.length > 1 ? `${host}/*` : (list[0] ?? host)));
}
