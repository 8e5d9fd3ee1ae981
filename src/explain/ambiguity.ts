// Message families whose surface misleads. The same go command message has several root causes
// in the field (a proxy's 404 is a private module, a deleted repository, a version that does not
// exist or the proxy's own failure), and the rest of the transcript often tells which is likelier:
// the proxy named in the URL, GOPRIVATE or credentials printed, the main module's owner, a
// self-hosted proxy's log. This module reads those clues from the whole transcript and, for a
// finding of an ambiguous family, names the likeliest root first and the next likeliest second
// (the engine turns the second into a finding of its own). The table behind the priors is in
// test/fixtures/real/README.md ("Misleading message families"); it was built from the corpus's
// tuning part and the go command's source, never from individual validation cases.
import type { CauseId } from '../causes/catalog.ts';
import { isPublicCodeHost, isPublicForge } from '../module/hosts.ts';
import { privateLooking } from '../module/private-looking.ts';
import type { Facts } from './types.ts';

/** Lines read for clues (go env dumps, commands, proxy logs come first in a transcript). */
const CLUE_LINES = 5000;

/** Public module mirrors: a "not found" from them is their answer about a public origin. */
const PUBLIC_MIRRORS = [
  'proxy.golang.org',
  'proxy.golang.google.cn',
  'goproxy.cn',
  'goproxy.io',
  'goproxy.baidu.com',
  'mirrors.aliyun.com',
  'mirrors.cloud.tencent.com',
  'repo.huaweicloud.com',
  'gocenter.io',
  'sum.golang.org',
  'sum.golang.google.cn',
];

/** What the whole transcript says besides its error lines. */
export class TranscriptClues {
  /** GOPRIVATE/GONOPROXY/GONOSUMDB/GOINSECURE with a value, or GOFLAGS=-insecure, printed. */
  privateDeclared = false;
  /** Credentials or rewrites for git: insteadOf, git@host:, ssh://, .netrc, a token variable. */
  credentials = false;
  /** HTTP(S)_PROXY (or git's http.proxy) printed with a value. */
  httpProxy = false;
  /** A self-hosted module proxy shows itself: its log format (Athens), GOPROXY at a private host. */
  selfHostedProxy = false;
  /** Hosts named in GOPROXY values printed. */
  readonly goproxyHosts = new Set<string>();
  /** The main module: heads of `X imports` chains (never a path@version), or `module X`. */
  readonly mainModules = new Set<string>();
  /** A package given as a relative directory (`package ./cmd/x`): the GOPATH-mode import path of a local build. */
  relativePackage = false;
  /** The highest Go minor version the transcript shows (`go version go1.23.1`, `go1.22/`, `golang:1.21`). */
  goMinor: number | undefined;
  /** GOPATH-era discovery (`?go-get=1` https fetches): a go command older than modules by default. */
  gopathEra = false;
  private seen = 0;

  see(text: string): void {
    if (++this.seen > CLUE_LINES) return;
    if (text.length > 2000) return;
    if (text.includes('GOPROXY')) this.goproxy(text);
    if (
      /\bGO(?:PRIVATE|NOPROXY|NOSUMDB|INSECURE)=["']?[^\s"'$]/.test(text) ||
      /GOFLAGS=["']?[^"'\n]*-insecure/.test(text)
    )
      this.privateDeclared = true;
    if (
      /insteadOf|\bgit@[\w.-]+:|ssh:\/\/|\.netrc|GITHUB_TOKEN|GH_TOKEN|GITLAB_TOKEN|CI_JOB_TOKEN|x-access-token|oauth2:/.test(
        text,
      )
    )
      this.credentials = true;
    if (/\b(?:https?_proxy|HTTPS?_PROXY|ALL_PROXY|all_proxy)=["']?[^\s"'$]|http\.proxy/.test(text))
      this.httpProxy = true;
    if (/incoming request\s+http-method=|\bathens\b|gomods\/athens/i.test(text)) this.selfHostedProxy = true;
    if (/^\s*package \.{1,2}(?:[/\\]|$)/.test(text)) this.relativePackage = true;
    if (text.includes('go-get=1')) this.gopathEra = true;
    if (text.includes('1.')) {
      for (const m of text.matchAll(/\bgo(?:lang:|-)?1\.(\d{1,2})\b/g)) {
        const minor = Number(m[1]);
        if (this.goMinor === undefined || minor > this.goMinor) this.goMinor = minor;
      }
    }
    const chain = /^(?:go: )?([a-z0-9][-a-z0-9._]*(?:\/[^\s@]+)?) imports$/i.exec(text);
    if (chain) this.mainModules.add(chain[1]!);
    const moduleLine = /^module ([^\s]+)$/.exec(text);
    if (moduleLine) this.mainModules.add(moduleLine[1]!);
  }

  private goproxy(text: string): void {
    const m = /GOPROXY=["']?([^\s"']+)/.exec(text);
    if (!m) return;
    for (const entry of m[1]!.split(/[,|]/)) {
      const host = /^https?:\/\/([^/:]+)/.exec(entry)?.[1]?.toLowerCase();
      if (!host) continue;
      this.goproxyHosts.add(host);
      if (selfHostedHost(host)) this.selfHostedProxy = true;
    }
  }

  /** A module proxy or mirror the user runs (or the company runs), not a public one. */
  selfHostedUrl(url: string | undefined): boolean {
    const host = url ? /^https?:\/\/([^/:]+)/.exec(url)?.[1]?.toLowerCase() : undefined;
    return host !== undefined && selfHostedHost(host);
  }
}

function selfHostedHost(host: string): boolean {
  return !PUBLIC_MIRRORS.includes(host) && !isPublicCodeHost(host);
}

function hostOfUrl(url: string | undefined): string | undefined {
  return url ? /^https?:\/\/([^/:]+)/.exec(url)?.[1]?.toLowerCase() : undefined;
}

/** Account-level owner of a module path: host/account on a forge, the host elsewhere. */
function owner(path: string): string {
  const parts = path.toLowerCase().split('/');
  return isPublicForge(parts[0] ?? '') ? parts.slice(0, 2).join('/') : (parts[0] ?? '');
}

/**
 * Clues that the module is the user's own private code: its path looks private, the transcript
 * declares private paths or credentials, or it belongs to the same owner as the main module.
 */
function privateClue(module: string | undefined, clues: TranscriptClues): boolean {
  if (!module) return clues.privateDeclared || clues.credentials;
  if (privateLooking(module)) return true;
  if (clues.privateDeclared || clues.credentials) return true;
  const mine = owner(module);
  for (const main of clues.mainModules) if (main.includes('.') && owner(main) === mine) return true;
  return false;
}

export interface Reading {
  cause: CauseId;
  facts?: Facts;
}

/** The finding as the engine holds it, and what its evidence lines say. */
export interface FindingView {
  cause: CauseId;
  facts: Facts;
  evidence: readonly string[];
  /** Signals from `server response:` blocks of its statements. */
  remote: ReadonlySet<string>;
}

/** The root named first (when it differs from the finding's) and the one offered second. */
export interface Rereading {
  first?: Reading;
  second?: Reading;
}

const versioned = (url: string | undefined) => url !== undefined && /\/@v\/[^/]+\.(?:info|mod)$/.test(url);
const PSEUDO = /^v\d+\.\d+\.\d+-(?:[\w.]*\.)?\d{14}-[0-9A-Za-z]+(?:\+incompatible)?$/;

/**
 * The families, in the order of the table in the corpus README. Each answers only for its own
 * findings; a finding outside every family keeps its cause and gets no second reading.
 */
export function reread(f: FindingView, clues: TranscriptClues): Rereading | undefined {
  const s = f.facts;
  const mine = privateClue(s.module, clues);
  switch (f.cause) {
    // A public forge refuses the repository (`terminal prompts disabled`, `Repository not found`),
    // directly or inside a proxy's server response: deleted or hidden repositories dominate in
    // reports; the user's own private code (clues) needs credentials or GOPRIVATE instead.
    case 'module-source-gone':
      if (s.direct && mine)
        return { first: { cause: 'git-auth-required' }, second: { cause: 'module-source-gone' } };
      if (s.direct) return { second: { cause: 'git-auth-required' } };
      return { second: { cause: 'private-module-via-proxy' } };
    case 'private-module-via-proxy': {
      const host = (s.module ?? '').split('/')[0] ?? '';
      if (incompatible(s)) return { first: { cause: 'major-version-suffix' }, second: { cause: f.cause } };
      const refused = f.remote.has('auth') || f.remote.has('repo-not-found');
      // Through the proxy a deleted repository rarely fails (the proxy keeps what it served), so
      // private comes first, unless the module is reached through another module: a public
      // dependency does not depend on a private repository.
      if (refused && isPublicForge(host) && !mine && s.certainty === 'likely' && viaOtherOwner(s, clues))
        return {
          first: { cause: 'module-source-gone', facts: { viaProxy: true } },
          second: { cause: 'private-module-via-proxy' },
        };
      // A proxy the user or the company runs is there to serve private code: its "not found" is
      // its own failure (no credentials for the origin, not configured for the path).
      if (clues.selfHostedProxy && clues.selfHostedUrl(s.url) && !isPublicCodeHost(host))
        return {
          first: { cause: 'proxy-server-error', facts: { selfHosted: true } },
          second: { cause: 'private-module-via-proxy' },
        };
      if (!isPublicCodeHost(host) && !privateLooking(s.module ?? '') && !f.remote.has('dns') && !refused)
        return { second: { cause: 'proxy-server-error' } };
      // A public host without accounts (gopkg.in, golang.org, k8s.io, ...) serves no private code:
      // the version or the module does not exist.
      if (isPublicCodeHost(host) && !isPublicForge(host)) {
        const missing = notFoundSecond(s) ?? { cause: 'module-source-gone', facts: { viaProxy: true } };
        const other: Reading =
          missing.cause === 'module-source-gone'
            ? { cause: 'unknown-revision' }
            : { cause: 'module-source-gone', facts: { viaProxy: true } };
        return { first: missing, second: other };
      }
      if (isPublicCodeHost(host)) {
        const missing = refused
          ? { cause: 'module-source-gone' as const, facts: { viaProxy: true } }
          : notFoundSecond(s);
        // Required by another module's version: that module was public, so this one should be too.
        if (missing && !mine && s.certainty === 'likely' && viaDependency(s))
          return { first: missing, second: { cause: 'private-module-via-proxy' } };
        return { second: missing };
      }
      return undefined;
    }
    case 'git-auth-required':
      return s.unseen ? { second: { cause: 'module-source-gone', facts: { direct: true } } } : undefined;
    // A third-party mirror's "not found" for a public module: the mirror failing comes first (it
    // is rebuilt from tuning reports of goproxy.cn/io and self-hosted proxies); the version not
    // existing is next.
    case 'proxy-server-error':
      if (s.brokenZip) return { second: { cause: 'modcache-corrupt' } };
      if (incompatible(s) && /^(?:404|410)/.test(String(s.status ?? '')))
        return { first: { cause: 'major-version-suffix' }, second: { cause: f.cause } };
      // The checksum database (or a proxy's endpoint for it) could not fetch the module: failing,
      // or it cannot see a private repository.
      if (
        (s.remoteOutage || s.sumdbProxy) &&
        /\/lookup\//.test(String(s.url ?? '')) &&
        !f.evidence.some((e) => e.includes('fetch timed out'))
      )
        return { second: { cause: 'sumdb-private-module' } };
      if (s.status && /^(?:404|410)/.test(String(s.status)) && s.url && !s.sumdbProxy && !s.remoteOutage)
        return { second: notFoundSecond(s) };
      if (s.sumdbProxy) return { second: { cause: 'sumdb-unreachable' } };
      return undefined;
    // A checksum database's bare 410 (Go 1.13 printed no server text) for a version this run
    // downloaded: its cached not-found, or a tree it cannot zip (case-colliding or invalid file
    // names, too large), which it answers the same way.
    case 'proxy-cached-not-found':
      return f.remote.size === 0 && !f.evidence.some((e) => e.includes('server response'))
        ? { second: { cause: 'module-zip-invalid' } }
        : undefined;
    case 'modcache-corrupt':
      return s.notAZip ? { second: { cause: 'proxy-server-error', facts: { brokenZip: true } } } : undefined;
    // `unknown revision`: a tag never pushed or mistyped; through a proxy or the checksum
    // database a cached "not found" for a tag pushed minutes ago; direct, a private repository
    // seen without credentials reports the same.
    case 'unknown-revision': {
      const url =
        typeof s.requestUrl === 'string' ? s.requestUrl : typeof s.url === 'string' ? s.url : undefined;
      const host = hostOfUrl(url);
      // Told by a proxy or checksum database: it may still hold its "not found" from before the
      // tag was pushed; a self-hosted one may be failing on its own.
      if (host && clues.selfHostedProxy && clues.selfHostedUrl(url))
        return { second: { cause: 'proxy-server-error' } };
      if (host && /\/@v\/|\/lookup\//.test(url ?? '')) return { second: { cause: 'proxy-cached-not-found' } };
      if (mine) return { second: { cause: 'git-auth-required' } };
      // A release version the repository lacks is often tagged without its v; a commit that is
      // gone went with a deleted repository or fork (or a force-push).
      if (typeof s.version === 'string' && /^v\d+\.\d+\.\d+$/.test(s.version))
        return { second: { cause: 'tag-without-v' } };
      if (typeof s.version === 'string' && (PSEUDO.test(s.version) || /^[0-9a-f]{7,40}$/.test(s.version)))
        return { second: { cause: 'module-source-gone', facts: { direct: true } } };
      return { second: { cause: 'git-auth-required' } };
    }
    // A checksum mismatch through a self-hosted proxy (Athens rebuilds zips with its own go) is
    // the proxy's; otherwise a moved tag, with a mirror serving other bytes as the runner-up.
    case 'checksum-mismatch':
      if (clues.selfHostedProxy)
        return { first: { cause: 'proxy-server-error' }, second: { cause: 'checksum-mismatch' } };
      return { second: { cause: 'proxy-server-error' } };
    // In module mode a package may always import its own module's internal packages; a local
    // build named by directory that cannot is a checkout outside its GOPATH import path.
    case 'internal-import':
      if (clues.relativePackage)
        return { first: { cause: 'gopath-mode' }, second: { cause: 'internal-import' } };
      return undefined;
    case 'gopath-mode':
      // GOPATH mode on a release that predates modules by default, or a standard package newer
      // than it: an older go is the other reading (reports label the mode first).
      if (
        f.evidence.some(
          (e) =>
            e.includes('path@version syntax in GOPATH mode') ||
            /cannot find package "(?:slices|maps|cmp|log\/slog|iter|embed|io\/fs|unique|math\/rand\/v2|net\/netip)"/.test(
              e,
            ),
        )
      )
        return { second: { cause: 'go-version-too-new' } };
      return undefined;
    case 'go-version-too-new':
      // A standard package missing from GOROOT: an older go, or a GOROOT with files missing.
      return f.evidence.some((e) => / is not in (?:GOROOT|std)/.test(e))
        ? { second: { cause: 'goroot-broken' } }
        : undefined;
    case 'connection-reset':
      if (gopathIgnoringProxy(f, clues))
        return { first: { cause: 'gopath-mode' }, second: { cause: f.cause } };
      if (clues.httpProxy) return { second: { cause: 'http-proxy-misconfigured' } };
      // A module mirror other than the official one cutting the connection: the mirror failing.
      if (
        typeof s.url === 'string' &&
        /\/@v\/|\/sumdb\/|\/lookup\//.test(s.url) &&
        !hostOfUrl(s.url)?.endsWith('golang.org')
      )
        return { second: { cause: 'proxy-server-error' } };
      return undefined;
    case 'egress-policy-forbidden': {
      const host = hostOfUrl(typeof s.url === 'string' ? s.url : undefined);
      return host && PUBLIC_MIRRORS.includes(host) && !host.endsWith('golang.org')
        ? { second: { cause: 'proxy-server-error' } }
        : undefined;
    }
    // From Go 1.23 a middlebox dropping the larger ClientHello looks exactly like this.
    case 'tls-handshake-timeout':
      if (gopathIgnoringProxy(f, clues))
        return { first: { cause: 'gopath-mode' }, second: { cause: f.cause } };
      return f.evidence.some((e) => e.includes('net/http: TLS handshake timeout')) &&
        !clues.gopathEra &&
        (clues.goMinor === undefined || clues.goMinor >= 23)
        ? { second: { cause: 'tls-clienthello-dropped' } }
        : undefined;
    case 'connect-timeout':
    case 'connection-refused':
      if (gopathIgnoringProxy(f, clues))
        return { first: { cause: 'gopath-mode' }, second: { cause: f.cause } };
      // git (curl) names the host it failed to connect to: another host than the repository's,
      // on a port that is not the repository's, is the HTTP proxy git was told to use.
      if (f.evidence.some(viaHttpProxy))
        return { first: { cause: 'http-proxy-misconfigured' }, second: { cause: f.cause } };
      return clues.httpProxy ? { second: { cause: 'http-proxy-misconfigured' } } : undefined;
    // An import path without a host, looked up in the standard library: mistyped (a host left
    // out), or GOPATH code built in module mode (a go.mod above it, no go.mod of its own).
    case 'malformed-module-path':
      return f.evidence.some((e) => / is not in (?:GOROOT|std)/.test(e))
        ? { second: { cause: 'no-main-module' } }
        : undefined;
    case 'tls-untrusted-certificate':
    case 'dns-failure':
      return gopathIgnoringProxy(f, clues)
        ? { first: { cause: 'gopath-mode' }, second: { cause: f.cause } }
        : undefined;
    default:
      return undefined;
  }
}

/**
 * After a proxy's "not found" for a public module: the version (or the module) does not exist.
 * A missing zip comes after the proxy listed the version and served its go.mod: no other reading.
 */
function notFoundSecond(s: Facts): Reading | undefined {
  const url = typeof s.url === 'string' ? s.url : undefined;
  if (url?.endsWith('.zip')) return undefined;
  if (s.version && PSEUDO.test(String(s.version))) return { cause: 'pseudo-version-invalid' };
  if (versioned(url)) return { cause: 'unknown-revision' };
  return { cause: 'module-source-gone', facts: { viaProxy: true } };
}

/** `vN.x.y+incompatible` (N >= 2) that a proxy does not have: the module has a go.mod there. */
function incompatible(s: Facts): boolean {
  return typeof s.version === 'string' && /^v(?:[2-9]|\d{2,})\.\d+\.\d+[^+]*\+incompatible$/.test(s.version);
}

/**
 * GOPROXY was set (printed), yet the failure is a GOPATH-mode direct fetch (`?go-get=1`): GOPATH
 * mode ignores GOPROXY, so the mode is the root and the network only where it surfaced.
 */
function gopathIgnoringProxy(f: FindingView, clues: TranscriptClues): boolean {
  return clues.goproxyHosts.size > 0 && f.evidence.some((e) => e.includes('?go-get=1'));
}

/** `unable to access 'https://github.com/...': Failed to connect to 127.0.0.1 port 7890`: git's proxy. */
function viaHttpProxy(line: string): boolean {
  const m =
    /(?:unable to access|无法访问) '[a-z]+:\/\/(?:[^@/']*@)?([^/:']+)[^']*'[:：] ?Failed to connect to ([^\s]+) port (\d+)/.exec(
      line,
    );
  if (!m) return false;
  const [, repoHost, connectHost, port] = m;
  return (
    connectHost!.toLowerCase() !== repoHost!.toLowerCase() && !['443', '80', '22', '9418'].includes(port!)
  );
}

/**
 * The failing module belongs to another owner than the code that needs it: it is reached through
 * another module, or the main module is on a forge under another account.
 */
function viaOtherOwner(s: Facts, clues: TranscriptClues): boolean {
  if (viaDependency(s)) return true;
  const mine = owner(String(s.module ?? ''));
  const mains = [...clues.mainModules].filter(
    (m) => isPublicForge(m.split('/')[0] ?? '') && m.split('/').length > 1,
  );
  return mains.length > 0 && mains.every((m) => owner(m) !== mine);
}

/**
 * The failing module is reached through another module: required by a module version
 * (`M@v requires`), or imported by a package outside the chain's root (the main module).
 */
function viaDependency(s: Facts): boolean {
  const chain = Array.isArray(s.importers) ? s.importers : [];
  const importer = chain[chain.length - 1];
  if (!importer) return false;
  if (importer.includes('@')) return true;
  const root = chain[0]!;
  return chain.length > 1 && !importer.startsWith(root);
}
