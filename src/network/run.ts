// A network run: the routing table, then every distinct endpoint in it probed phase by phase
// (DNS, TCP, TLS, CONNECT through HTTP(S)_PROXY, HTTP, git), in parallel with a bound, each phase
// with its own timeout, all under one budget; then findings. It returns data and never prints;
// progress goes to a callback for a live view.
//
// Privacy: proxies are only asked about a well-known public module and for /sumdb/NAME/supported;
// checksum databases only for /latest; a private module's path only goes to its own host (its
// ?go-get=1 page and git remote), exactly where the go command itself would send it.

import type { Socket } from 'node:net';
import { isIP } from 'node:net';
import { run } from '../exec/run.ts';
import type { Finding } from '../findings/finding.ts';
import { findOnPath } from '../go/locate.ts';
import { parseGoVcs } from '../goenv/govcs.ts';
import type { Lang } from '../i18n/lang.ts';
import { proxyURLPath } from '../module/escape.ts';
import { isPublicCodeHost } from '../module/hosts.ts';
import { privateLooking } from '../module/private-looking.ts';
import { Limiter, Memo, RunBudget } from './budget.ts';
import type { EndpointOutcome } from './findings.ts';
import { buildFindings } from './findings.ts';
import type { DnsProbeResult } from './probes/dns.ts';
import { probeDns } from './probes/dns.ts';
import { probeGitRemote } from './probes/git.ts';
import { httpOnSocket, parseGoImports, serverResponseText } from './probes/http.ts';
import type { ProxyTarget } from './probes/proxyenv.ts';
import { connectTunnel, proxyEnvFrom, proxyForUrl } from './probes/proxyenv.ts';
import { dialTcp } from './probes/tcp.ts';
import type { RootStore } from './probes/tls.ts';
import {
  goRootStore,
  inspectTls,
  PERMISSIVE_CIPHERS,
  SIGALGS_WITHOUT_SHA1,
  tlsHandshake,
} from './probes/tls.ts';
import type { GitConfigItem, ModuleRoute, ProxyHop, Requirement, RouteTable } from './routes.ts';
import {
  computeRoutes,
  hostOfRemote,
  insteadOfRules,
  parseGetRegexpOutput,
  withDiscoveredRepo,
} from './routes.ts';
import type { NetworkProgressEvent, ProbePhase, ProbeResult, ServiceKind } from './types.ts';

export const DEFAULT_BUDGET_MS = 10_000;
const DEFAULT_CONCURRENCY = 8;
/** A module every public proxy has, asked for when the project requires no public module from a proxy. */
const PUBLIC_PROBE_MODULE = 'golang.org/x/text';

const DEFAULT_PHASE_TIMEOUTS: Record<ProbePhase, number> = {
  dns: 2_500,
  tcp: 3_000,
  tls: 3_000,
  'proxy-connect': 3_000,
  http: 4_000,
  git: 8_000,
};

/** Hosts that are public services: a loopback or private answer for them is a DNS problem. */
const WELL_KNOWN_PUBLIC_HOSTS = new Set([
  'proxy.golang.org',
  'sum.golang.org',
  'sum.golang.google.cn',
  'goproxy.cn',
  'goproxy.io',
  'proxy.golang.com.cn',
  'golang.org',
  'go.googlesource.com',
  'github.com',
  'gitlab.com',
  'bitbucket.org',
  'gopkg.in',
  'google.golang.org',
  'go.dev',
  'storage.googleapis.com',
]);

export interface NetworkCheckInput {
  /** The user's environment: HTTP(S)_PROXY, NO_PROXY, SSL_CERT_FILE/DIR, HOME and git settings. */
  env: Record<string, string | undefined>;
  /** `go env -json` values (GOPROXY, GONOPROXY, GOPRIVATE, GONOSUMDB, GOINSECURE, GOVCS, GOSUMDB, GOFLAGS). */
  goEnv: Record<string, string>;
  /** The modules the project needs (after replacements; local-directory replacements left out). */
  requirements: readonly Requirement[];
  /** git config entries (`url.<base>.insteadOf`); read with `git config --get-regexp` when absent. */
  gitConfig?: readonly GitConfigItem[];
  /** `IP[:PORT]` of a DNS server to use instead of the system's. */
  resolver?: string;
  /** Global time budget; default 10 s. */
  budgetMs?: number;
  signal?: AbortSignal;
  onProgress?: (event: NetworkProgressEvent) => void;
  /** Language of the findings; default English. */
  lang?: Lang;
  /** The local go's release (`1.27`): what its crypto/tls refuses depends on it. */
  goVersion?: string;
  /**
   * `host:port` → `ip:port`: connect there instead of the resolved addresses (tests: a public name
   * served by a loopback server). DNS is still asked; a loopback answer is then not suspicious.
   */
  connectOverride?: Record<string, string>;
  /** Probes in flight at once; default 8. */
  concurrency?: number;
  phaseTimeouts?: Partial<Record<ProbePhase, number>>;
  /** Hosts file read before DNS when no resolver is named; default /etc/hosts. */
  hostsFile?: string;
  /** The git binary; default: the locator's git on the environment's PATH (absolute entries only). */
  gitBin?: string;
  /** At most this many repositories get `git ls-remote` (and ?go-get=1 pages); default 16. */
  maxDirectProbes?: number;
}

export interface NetworkCheckResult {
  routes: RouteTable;
  probes: ProbeResult[];
  findings: Finding[];
  /** What each service endpoint came to (the findings are made from these). */
  endpoints: EndpointOutcome[];
  durationMs: number;
  /** Set when the run ended before every probe finished. */
  stopped?: 'budget' | 'aborted';
  /** Direct repositories not probed because of maxDirectProbes. */
  skippedDirect: number;
}

/** A path to a host: an address that accepts connections, or the probe that says why not. */
type Reach = { ok: true; address: string; port: number } | { ok: false; failedId: string };

/** A connection ready for an HTTP request, or the probe that failed on the way. */
type Opened =
  | { ok: true; socket: Socket; viaProxy?: string; absoluteForm: boolean }
  | { ok: false; failedId: string };

function formatAddress(address: string, port: number): string {
  return isIP(address) === 6 ? `[${address}]:${port}` : `${address}:${port}`;
}

function parseHostPort(value: string): { host: string; port: number } | undefined {
  const match = /^\[?([^\]]+?)\]?:(\d+)$/.exec(value);
  if (!match?.[1]) return undefined;
  return { host: match[1], port: Number(match[2]) };
}

async function readInsteadOf(
  env: Record<string, string | undefined>,
  gitBin: string,
  signal: AbortSignal,
): Promise<GitConfigItem[]> {
  const result = await run(gitBin, ['config', '--get-regexp', '^url\\.'], {
    env: { ...env, GIT_TERMINAL_PROMPT: '0', GIT_DIR: '/nonexistent/gomod-doctor-no-repository' },
    timeoutMs: 3_000,
    signal,
  });
  return result.exitCode === 0 ? parseGetRegexpOutput(result.stdout) : [];
}

class NetworkRun {
  readonly results = new Map<string, ProbeResult>();
  readonly services = new Map<string, Set<ServiceKind>>();
  private readonly dnsMemo = new Memo<DnsProbeResult & { id: string }>();
  private readonly tcpMemo = new Memo<ProbeResult>();
  private readonly reachMemo = new Memo<Reach>();
  private readonly tlsMemo = new Memo<ProbeResult>();
  private readonly connectMemo = new Memo<ProbeResult>();
  private readonly limiter: Limiter;
  private readonly gitLimiter = new Limiter(4);
  private goRoots: Promise<RootStore> | undefined;
  readonly phase: Record<ProbePhase, number>;
  private readonly proxyEnv;

  constructor(
    readonly input: NetworkCheckInput,
    readonly budget: RunBudget,
  ) {
    this.limiter = new Limiter(input.concurrency ?? DEFAULT_CONCURRENCY);
    this.phase = { ...DEFAULT_PHASE_TIMEOUTS, ...input.phaseTimeouts };
    this.proxyEnv = proxyEnvFrom(input.env);
  }

  limit<T>(task: () => Promise<T>): Promise<T> {
    return this.limiter.run(task);
  }

  private note(id: string, service: ServiceKind): void {
    const set = this.services.get(id) ?? new Set();
    set.add(service);
    this.services.set(id, set);
  }

  /** When each probe started, for the waterfall (ProbeResult.startMs). */
  private readonly started = new Map<string, number>();
  private readonly runStarted = performance.now();

  private start(id: string, phase: ProbePhase, target: string, service: ServiceKind): void {
    this.note(id, service);
    if (!this.started.has(id)) this.started.set(id, performance.now() - this.runStarted);
    this.input.onProgress?.({ type: 'start', id, phase, target, services: [service] });
  }

  private finish(result: Omit<ProbeResult, 'services' | 'ok'>): ProbeResult {
    const stop = this.budget.stopReason();
    const status = result.status === 'budget' && stop === 'aborted' ? 'aborted' : result.status;
    const startMs = this.started.get(result.id);
    const full: ProbeResult = {
      ...result,
      ...(startMs !== undefined ? { startMs: Math.round(startMs * 10) / 10 } : {}),
      status,
      ok: status === 'ok',
      services: [...(this.services.get(result.id) ?? [])],
    };
    this.results.set(full.id, full);
    this.input.onProgress?.({ type: 'end', result: full });
    return full;
  }

  private track = (socket: Socket): void => {
    this.budget.track(socket);
  };

  private isOverridden(host: string): boolean {
    const overrides = this.input.connectOverride ?? {};
    return Object.keys(overrides).some((key) => parseHostPort(key)?.host === host);
  }

  dns(host: string, service: ServiceKind): Promise<DnsProbeResult & { id: string }> {
    const id = `dns:${host}`;
    this.note(id, service);
    return this.dnsMemo.get(host, async () => {
      this.start(id, 'dns', host, service);
      const result = await probeDns(host, {
        ...(this.input.resolver !== undefined ? { resolver: this.input.resolver } : {}),
        ...(this.input.hostsFile !== undefined ? { hostsFile: this.input.hostsFile } : {}),
        timeoutMs: this.budget.phaseTimeout(this.phase.dns),
        signal: this.budget.signal,
        expectPublic: WELL_KNOWN_PUBLIC_HOSTS.has(host) && !this.isOverridden(host),
      });
      this.finish({
        id,
        phase: 'dns',
        target: host,
        status: result.status,
        durationMs: result.durationMs,
        dns: result.detail,
        ...(result.error !== undefined ? { error: result.error } : {}),
      });
      return { ...result, id };
    });
  }

  tcp(address: string, port: number, service: ServiceKind): Promise<ProbeResult> {
    const target = formatAddress(address, port);
    const id = `tcp:${target}`;
    this.note(id, service);
    return this.tcpMemo.get(target, async () => {
      this.start(id, 'tcp', target, service);
      const dialed = await dialTcp(address, port, {
        timeoutMs: this.budget.phaseTimeout(this.phase.tcp),
        signal: this.budget.signal,
        track: this.track,
      });
      if (dialed.ok) dialed.socket.destroy();
      return this.finish({
        id,
        phase: 'tcp',
        target,
        status: dialed.ok ? 'ok' : dialed.status,
        durationMs: dialed.durationMs,
        tcp: { address, port, family: isIP(address) === 6 ? 6 : 4 },
        ...(dialed.ok ? {} : { error: dialed.error }),
      });
    });
  }

  /** DNS, then TCP to every address (both families, separately), memoized per host:port. */
  reach(host: string, port: number, service: ServiceKind): Promise<Reach> {
    const key = `${host}:${port}`;
    const override = this.input.connectOverride?.[key] ?? this.input.connectOverride?.[`[${host}]:${port}`];
    // Every caller's service is recorded on the probes it depends on.
    if (!isIP(host)) this.note(`dns:${host}`, service);
    return this.reachMemo.get(key, async () => {
      let addresses: string[];
      if (isIP(host)) addresses = [host];
      else {
        const dns = await this.dns(host, service);
        if (dns.status !== 'ok') return { ok: false, failedId: dns.id };
        addresses = dns.addresses;
      }
      let targets: Array<{ address: string; port: number }>;
      if (override) {
        const parsed = parseHostPort(override);
        targets = parsed ? [{ address: parsed.host, port: parsed.port }] : [];
      } else {
        // Two addresses per family are enough to tell a black hole from a dead host.
        const v4 = addresses.filter((a) => isIP(a) === 4).slice(0, 2);
        const v6 = addresses.filter((a) => isIP(a) === 6).slice(0, 2);
        targets = [...v4, ...v6].map((address) => ({ address, port }));
      }
      const results = await Promise.all(targets.map((t) => this.tcp(t.address, t.port, service)));
      const okIndex = results.findIndex((r) => r.ok);
      if (okIndex >= 0) {
        const chosen = targets[okIndex]!;
        return { ok: true, address: chosen.address, port: chosen.port };
      }
      const first = results[0];
      return { ok: false, failedId: first?.id ?? `tcp:${key}` };
    });
  }

  private roots(): Promise<RootStore> {
    this.goRoots ??= goRootStore(this.input.env);
    return this.goRoots;
  }

  /** Opens a TCP connection to a reached host, optionally through a CONNECT tunnel, and TLS. */
  private async dialReached(reach: Extract<Reach, { ok: true }>): Promise<Socket | undefined> {
    const dialed = await dialTcp(reach.address, reach.port, {
      timeoutMs: this.budget.phaseTimeout(this.phase.tcp),
      signal: this.budget.signal,
      track: this.track,
    });
    return dialed.ok ? dialed.socket : undefined;
  }

  /** The TLS probe of host:port (memoized), over `open()` which yields a fresh raw connection. */
  private tls(
    host: string,
    port: number,
    key: string,
    service: ServiceKind,
    open: () => Promise<Socket | undefined>,
    address: string,
  ): Promise<ProbeResult> {
    const id = `tls:${key}`;
    this.note(id, service);
    return this.tlsMemo.get(key, async () => {
      this.start(id, 'tls', `${host}:${port}`, service);
      const raw = await open();
      if (!raw) {
        return this.finish({
          id,
          phase: 'tls',
          target: `${host}:${port}`,
          status: this.budget.signal.aborted ? 'budget' : 'reset',
          durationMs: 0,
          error: 'connection failed before TLS',
        });
      }
      let shaken = await tlsHandshake(raw, host, {
        timeoutMs: this.budget.phaseTimeout(this.phase.tls),
        signal: this.budget.signal,
        track: this.track,
      });
      let permissive = false;
      // OpenSSL 3 offers no SHA-1 signature; Go before 1.25 does. A handshake failure alert may
      // mean just that: ask again the way those releases would, and judge by release below.
      if (!shaken.ok && /alert handshake failure|alert number 40/i.test(shaken.error ?? '')) {
        const again = await open();
        if (again) {
          const retry = await tlsHandshake(again, host, {
            timeoutMs: this.budget.phaseTimeout(this.phase.tls),
            signal: this.budget.signal,
            track: this.track,
            ciphers: PERMISSIVE_CIPHERS,
          });
          if (retry.ok) {
            shaken = retry;
            permissive = true;
          }
        }
      }
      if (!shaken.ok) {
        return this.finish({
          id,
          phase: 'tls',
          target: `${host}:${port}`,
          status: shaken.status,
          durationMs: shaken.durationMs,
          error: shaken.error,
        });
      }
      const detail = inspectTls(shaken.socket, host, address, await this.roots());
      if (permissive) detail.permissive = true;
      shaken.socket.destroy();
      // Go 1.25+ offers no SHA-1 signature in TLS 1.2: when only the permissive handshake worked,
      // one offering what those releases do tells a server that can sign only with SHA-1.
      const minor = Number(/^(?:go)?1\.(\d+)/.exec(this.input.goVersion ?? '')?.[1] ?? 0);
      if (permissive && detail.protocol === 'TLSv1.2' && minor >= 25) {
        const again = await open();
        if (again) {
          const strict = await tlsHandshake(again, host, {
            timeoutMs: this.budget.phaseTimeout(this.phase.tls),
            signal: this.budget.signal,
            track: this.track,
            sigalgs: SIGALGS_WITHOUT_SHA1,
            ciphers: PERMISSIVE_CIPHERS,
          });
          if (strict.ok) strict.socket.destroy();
          else if (strict.status !== 'budget' && strict.status !== 'timeout') detail.sha1Only = true;
        }
      }
      return this.finish({
        id,
        phase: 'tls',
        target: `${host}:${port}`,
        status: detail.trustedByGo ? 'ok' : 'untrusted',
        durationMs: shaken.durationMs,
        tls: detail,
        ...(detail.goError !== undefined ? { error: detail.goError } : {}),
      });
    });
  }

  /** A CONNECT tunnel to `authority` through `proxy`; the probe is memoized, `fresh` opens a new one. */
  private async tunnel(
    proxy: ProxyTarget,
    authority: string,
    service: ServiceKind,
    fresh: boolean,
  ): Promise<{ result?: ProbeResult; socket?: Socket; failedId?: string }> {
    const reach = await this.reach(proxy.host, proxy.port, 'http-proxy');
    this.note(`dns:${proxy.host}`, service);
    if (!reach.ok) return { failedId: reach.failedId };
    const open = async (): Promise<{
      socket?: Socket;
      outcome?: Awaited<ReturnType<typeof connectTunnel>>;
    }> => {
      let socket = await this.dialReached(reach);
      if (!socket) return {};
      if (proxy.scheme === 'https') {
        const shaken = await tlsHandshake(socket, proxy.host, {
          timeoutMs: this.budget.phaseTimeout(this.phase.tls),
          signal: this.budget.signal,
          track: this.track,
        });
        if (!shaken.ok) return {};
        socket = shaken.socket;
      }
      const outcome = await connectTunnel(socket, authority, {
        timeoutMs: this.budget.phaseTimeout(this.phase['proxy-connect']),
        signal: this.budget.signal,
        ...(proxy.authorization ? { authorization: proxy.authorization } : {}),
      });
      return { ...(outcome.status === 'ok' ? { socket } : {}), outcome };
    };
    const id = `proxy-connect:${proxy.display}>${authority}`;
    this.note(id, service);
    this.note(id, 'http-proxy');
    const result = await this.connectMemo.get(id, async () => {
      this.start(id, 'proxy-connect', `${proxy.display} → ${authority}`, service);
      const started = performance.now();
      const { socket, outcome } = await open();
      socket?.destroy();
      return this.finish({
        id,
        phase: 'proxy-connect',
        target: `${proxy.display} → ${authority}`,
        status: outcome?.status ?? (this.budget.signal.aborted ? 'budget' : 'error'),
        durationMs: outcome?.durationMs ?? performance.now() - started,
        proxyConnect: {
          proxy: proxy.display,
          target: authority,
          ...(outcome?.httpStatus !== undefined ? { status: outcome.httpStatus } : {}),
          ...(outcome?.statusText ? { statusText: outcome.statusText } : {}),
        },
        ...(outcome?.error !== undefined ? { error: outcome.error } : {}),
      });
    });
    if (!result.ok) return { result, failedId: id };
    if (!fresh) return { result };
    const opened = await open();
    return opened.socket ? { result, socket: opened.socket } : { result, failedId: id };
  }

  /**
   * Gets a connection ready for `url` the way the go command would: through HTTP(S)_PROXY when it
   * applies, with TLS verified (unless `insecure`). Failures name the probe that failed.
   */
  async open(url: string, service: ServiceKind, insecure: boolean): Promise<Opened> {
    const parsed = new URL(url);
    const https = parsed.protocol === 'https:';
    const host = parsed.hostname.replace(/^\[|\]$/g, '');
    const port = parsed.port ? Number(parsed.port) : https ? 443 : 80;
    const authority = `${isIP(host) === 6 ? `[${host}]` : host}:${port}`;
    const decision = proxyForUrl(url, this.proxyEnv);
    if (decision.use) {
      const proxy = decision.proxy;
      if (proxy.scheme !== 'http' && proxy.scheme !== 'https') {
        const id = `proxy-connect:${proxy.display}>${authority}`;
        this.note(id, service);
        if (!this.results.has(id)) {
          this.start(id, 'proxy-connect', `${proxy.display} → ${authority}`, service);
          this.finish({
            id,
            phase: 'proxy-connect',
            target: `${proxy.display} → ${authority}`,
            status: 'skipped',
            durationMs: 0,
            error: `${proxy.scheme} proxies are not probed`,
          });
        }
        return { ok: false, failedId: id };
      }
      if (!https) {
        // Plain HTTP through a proxy: the request goes to the proxy in absolute form.
        const reach = await this.reach(proxy.host, proxy.port, 'http-proxy');
        if (!reach.ok) return { ok: false, failedId: reach.failedId };
        const socket = await this.dialReached(reach);
        if (!socket) return { ok: false, failedId: `tcp:${formatAddress(reach.address, reach.port)}` };
        return { ok: true, socket, viaProxy: proxy.display, absoluteForm: true };
      }
      const first = await this.tunnel(proxy, authority, service, false);
      if (first.failedId) return { ok: false, failedId: first.failedId };
      const tlsKey = `${host}:${port}@${proxy.display}`;
      const tlsResult = await this.tls(
        host,
        port,
        tlsKey,
        service,
        async () => (await this.tunnel(proxy, authority, service, true)).socket,
        proxy.display,
      );
      if (tlsResult.status !== 'ok' && !(insecure && tlsResult.status === 'untrusted')) {
        return { ok: false, failedId: tlsResult.id };
      }
      const tunnel = await this.tunnel(proxy, authority, service, true);
      if (!tunnel.socket) return { ok: false, failedId: tunnel.failedId ?? tlsResult.id };
      const shaken = await tlsHandshake(tunnel.socket, host, {
        timeoutMs: this.budget.phaseTimeout(this.phase.tls),
        signal: this.budget.signal,
        track: this.track,
        ...(tlsResult.tls?.permissive ? { ciphers: PERMISSIVE_CIPHERS } : {}),
      });
      if (!shaken.ok) return { ok: false, failedId: tlsResult.id };
      return { ok: true, socket: shaken.socket, viaProxy: proxy.display, absoluteForm: false };
    }
    if (decision.reason === 'invalid') {
      const id = `proxy-connect:${authority}`;
      this.note(id, service);
      if (!this.results.has(id)) {
        this.start(id, 'proxy-connect', authority, service);
        this.finish({
          id,
          phase: 'proxy-connect',
          target: authority,
          status: 'error',
          durationMs: 0,
          error: decision.error,
        });
      }
      return { ok: false, failedId: id };
    }
    const reach = await this.reach(host, port, service);
    if (!reach.ok) return { ok: false, failedId: reach.failedId };
    if (!https) {
      const socket = await this.dialReached(reach);
      if (!socket) return { ok: false, failedId: `tcp:${formatAddress(reach.address, reach.port)}` };
      return { ok: true, socket, absoluteForm: false };
    }
    const tlsResult = await this.tls(
      host,
      port,
      `${host}:${port}`,
      service,
      () => this.dialReached(reach),
      reach.address,
    );
    if (tlsResult.status !== 'ok' && !(insecure && tlsResult.status === 'untrusted')) {
      return { ok: false, failedId: tlsResult.id };
    }
    const socket = await this.dialReached(reach);
    if (!socket) return { ok: false, failedId: tlsResult.id };
    const shaken = await tlsHandshake(socket, host, {
      timeoutMs: this.budget.phaseTimeout(this.phase.tls),
      signal: this.budget.signal,
      track: this.track,
      ...(tlsResult.tls?.permissive ? { ciphers: PERMISSIVE_CIPHERS } : {}),
    });
    if (!shaken.ok) return { ok: false, failedId: tlsResult.id };
    return { ok: true, socket: shaken.socket, absoluteForm: false };
  }

  /** One GET, memoized per URL: the HTTP probe of a service endpoint. */
  private readonly httpMemo = new Memo<{ result?: ProbeResult; failedId?: string; body?: string }>();
  get(
    url: string,
    service: ServiceKind,
    options: { insecure?: boolean; maxBodyBytes?: number } = {},
  ): Promise<{ result?: ProbeResult; failedId?: string; body?: string }> {
    const id = `http:${url}`;
    this.note(id, service);
    return this.httpMemo.get(url, async () => {
      const opened = await this.open(url, service, options.insecure ?? false);
      if (!opened.ok) return { failedId: opened.failedId };
      this.start(id, 'http', url, service);
      const outcome = await httpOnSocket(opened.socket, {
        url,
        absoluteForm: opened.absoluteForm,
        headersTimeoutMs: this.budget.phaseTimeout(this.phase.http),
        bodyTimeoutMs: this.budget.phaseTimeout(this.phase.http),
        ...(options.maxBodyBytes !== undefined ? { maxBodyBytes: options.maxBodyBytes } : {}),
        signal: this.budget.signal,
      });
      const detail = { ...outcome.detail };
      if (opened.viaProxy) detail.viaProxy = opened.viaProxy;
      const response = serverResponseText(outcome.body, detail.contentType);
      if (response) detail.serverResponse = response;
      const result = this.finish({
        id,
        phase: 'http',
        target: url,
        status: outcome.status,
        durationMs: outcome.durationMs,
        http: detail,
        ...(outcome.error !== undefined ? { error: outcome.error } : {}),
      });
      return { result, ...(outcome.body !== undefined ? { body: outcome.body } : {}) };
    });
  }

  /** `git ls-remote` of one remote, after DNS/TCP(/TLS) to its host. */
  private readonly gitMemo = new Memo<{ result?: ProbeResult; failedId?: string }>();
  git(url: string, fetchUrl: string): Promise<{ result?: ProbeResult; failedId?: string }> {
    const id = `git:${url}`;
    this.note(id, 'git');
    return this.gitMemo.get(url, async () => {
      const remote = hostOfRemote(fetchUrl);
      if (remote && !/^file:/i.test(fetchUrl)) {
        const scheme = /^([a-z+]+):\/\//i.exec(fetchUrl)?.[1]?.toLowerCase();
        const port =
          remote.port ?? (scheme === 'https' ? 443 : scheme === 'http' ? 80 : scheme === 'git' ? 9418 : 22);
        // git trusts its own CA settings (http.sslCAInfo, GIT_SSL_CAINFO), not the go command's, so
        // only DNS and TCP (or the CONNECT through HTTP(S)_PROXY) are checked here; git reports
        // certificate trouble itself. curl's proxy rules are close to Go's for https.
        const decision =
          scheme === 'https' || scheme === 'http' ? proxyForUrl(fetchUrl, this.proxyEnv) : undefined;
        if (decision?.use && (decision.proxy.scheme === 'http' || decision.proxy.scheme === 'https')) {
          const authority = `${isIP(remote.host) === 6 ? `[${remote.host}]` : remote.host}:${port}`;
          const tunnel = await this.tunnel(decision.proxy, authority, 'git', false);
          if (tunnel.failedId) return { failedId: tunnel.failedId };
        } else {
          const reach = await this.reach(remote.host, port, 'git');
          if (!reach.ok) return { failedId: reach.failedId };
        }
      }
      return this.gitLimiter.run(async () => {
        this.start(id, 'git', url, 'git');
        const outcome = await probeGitRemote(url, {
          env: this.input.env,
          timeoutMs: this.budget.phaseTimeout(this.phase.git),
          signal: this.budget.signal,
          gitBin: this.input.gitBin ?? gitOnPath(this.input.env),
        });
        const result = this.finish({
          id,
          phase: 'git',
          target: url,
          status: outcome.status,
          durationMs: outcome.durationMs,
          git: outcome.detail,
          ...(outcome.error !== undefined ? { error: outcome.error } : {}),
        });
        return { result };
      });
    });
  }
}

/** An @v/list body: one semantic version per line (or nothing). */
function isVersionList(body: string): boolean {
  return body
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .every((l) => /^v\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?( .*)?$/.test(l));
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return hostOfRemote(url)?.host ?? url;
  }
}

function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** Probes everything in `routes`; returns one outcome per service endpoint. */
async function probeRoutes(
  net: NetworkRun,
  routes: RouteTable,
  input: NetworkCheckInput,
): Promise<{ endpoints: EndpointOutcome[]; skippedDirect: number }> {
  const endpoints: EndpointOutcome[] = [];
  const outcome = (
    base: Omit<EndpointOutcome, 'ok'>,
    got: { result?: ProbeResult; failedId?: string },
  ): EndpointOutcome => {
    const failed = got.failedId ? net.results.get(got.failedId) : undefined;
    const http = got.result;
    const ok = !failed && http?.ok === true;
    const out: EndpointOutcome = { ...base, ok };
    if (failed) out.failure = failed;
    else if (http && !http.ok) out.failure = http;
    if (http) out.result = http;
    return out;
  };
  const tasks: Array<Promise<void>> = [];

  // Module proxies: every proxy some module is sent to, each asked for the version list of a public
  // module this project requires and the go command fetches from it: a mirror that serves only
  // what a company uses has that one. A private path is never sent: only modules on known public
  // code hosts are candidates. Without one, a well-known public module, whose absence means little.
  const proxyChains = new Map<
    string,
    { hop: ProxyHop; index: number; next?: string; modules: number; probe?: string }
  >();
  for (const route of routes.modules) {
    if (route.fetch.kind !== 'proxies') continue;
    const { proxies, after } = route.fetch;
    const host = route.module.split('/')[0] ?? '';
    const candidate = isPublicCodeHost(host) && !privateLooking(route.module) ? route.module : undefined;
    proxies.forEach((hop, index) => {
      const next = proxies[index + 1]?.url ?? (after === 'direct' ? 'direct' : undefined);
      const entry = proxyChains.get(hop.url) ?? { hop, index, modules: 0, ...(next ? { next } : {}) };
      entry.modules++;
      entry.probe ??= candidate;
      proxyChains.set(hop.url, entry);
    });
  }
  for (const [proxyUrl, info] of proxyChains) {
    if (!/^https?:\/\//i.test(proxyUrl)) continue;
    const probeModule = info.probe ?? PUBLIC_PROBE_MODULE;
    const listPath = proxyURLPath(probeModule, '@v/list');
    const url = joinUrl(proxyUrl, listPath.ok ? listPath.value.wire : `${probeModule}/@v/list`);
    tasks.push(
      net.limit(async () => {
        const got = await net.get(url, 'goproxy', { maxBodyBytes: 64 * 1024 });
        const out = outcome(
          {
            service: 'goproxy',
            url: proxyUrl,
            host: hostOf(proxyUrl),
            modules: info.modules,
            hop: { ...info.hop, index: info.index, ...(info.next ? { next: info.next } : {}) },
            probeModule,
            probeFromProject: info.probe !== undefined,
          },
          got,
        );
        // A 200 that is not a version list (a web page, a login form): the base path is wrong.
        if (out.ok && got.body !== undefined && !isVersionList(got.body)) out.notAProxy = true;
        endpoints.push(out);
      }),
    );
  }

  // The checksum database, reached the way the go command decides it.
  const sumdb = routes.sumdb;
  if (sumdb && sumdb.moduleCount > 0) {
    tasks.push(
      net.limit(async () => {
        let base: string | undefined;
        if (sumdb.access.via === 'url') base = sumdb.access.url;
        else {
          for (const candidate of sumdb.access.candidates) {
            if (!/^https?:\/\//i.test(candidate.url)) break;
            const url = joinUrl(candidate.url, `sumdb/${sumdb.name}/supported`);
            const got = await net.get(url, 'sumdb');
            const status = got.result?.http?.status;
            if (got.result?.ok) {
              base = joinUrl(candidate.url, `sumdb/${sumdb.name}`);
              break;
            }
            if (status === 404 || status === 410 || candidate.fallBackOnError) continue;
            // Any other failure makes the database unavailable for the go command.
            endpoints.push(
              outcome({ service: 'sumdb', url, host: hostOf(url), modules: sumdb.moduleCount }, got),
            );
            return;
          }
          base ??= sumdb.access.direct;
        }
        const latest = joinUrl(base, 'latest');
        const got = await net.get(latest, 'sumdb');
        endpoints.push(
          outcome({ service: 'sumdb', url: latest, host: hostOf(latest), modules: sumdb.moduleCount }, got),
        );
      }),
    );
  }

  // Direct modules: ?go-get=1 for their own paths, then git ls-remote of their repositories.
  const govcs = parseGoVcs(routes.settings.GOVCS);
  const maxDirect = input.maxDirectProbes ?? 16;
  const direct = routes.modules.filter((m) => m.fetch.kind === 'direct' && m.direct);
  const seenRepos = new Set<string>();
  let probed = 0;
  let skippedDirect = 0;
  const probeRepo = async (route: ModuleRoute, repoUrl: string, fetchUrl: string): Promise<void> => {
    const d = route.direct!;
    if (d.govcs && !d.govcs.allowed) return;
    const got = await net.git(repoUrl, fetchUrl);
    endpoints.push(
      outcome(
        {
          service: 'git',
          url: repoUrl,
          host: hostOfRemote(fetchUrl)?.host ?? hostOf(repoUrl),
          modules: 1,
          module: route.module,
          fetchUrl,
        },
        got.result?.ok ? got : { ...got, ...(got.result ? { result: got.result } : {}) },
      ),
    );
  };
  for (const route of direct) {
    const d = route.direct!;
    const key = d.repoUrl ?? d.goGetUrl ?? route.module;
    if (seenRepos.has(key)) continue;
    seenRepos.add(key);
    if (probed >= maxDirect) {
      skippedDirect++;
      continue;
    }
    probed++;
    if (d.discovery === 'go-get' && d.goGetUrl) {
      const goGetUrl = d.goGetUrl;
      tasks.push(
        net.limit(async () => {
          const got = await net.get(goGetUrl, 'go-get', { insecure: d.insecure, maxBodyBytes: 64 * 1024 });
          const imports = got.body ? parseGoImports(got.body) : [];
          if (got.result?.http) got.result.http.goImports = imports;
          const match = imports
            .filter((i) => route.module === i.prefix || route.module.startsWith(`${i.prefix}/`))
            .sort((a, b) => b.prefix.length - a.prefix.length)[0];
          // Meta tags count even on a non-200 page, as for the go command.
          const answered = got.result !== undefined && !got.failedId && got.result.http?.status !== undefined;
          const discoveryOk = answered && match !== undefined;
          const base: Omit<EndpointOutcome, 'ok'> = {
            service: 'go-get',
            url: goGetUrl,
            host: hostOf(goGetUrl),
            modules: 1,
            module: route.module,
            ...(answered && !match ? { noMetaTag: true } : {}),
          };
          const out = outcome(base, got);
          if (discoveryOk) {
            out.ok = true;
            delete out.failure;
          } else if (answered && !match) {
            out.ok = false;
            out.failure ??= got.result;
          }
          endpoints.push(out);
          if (match) {
            route.direct = withDiscoveredRepo(d, match, route.privacy, govcs, routes.insteadOf);
            if (route.direct.govcs && !route.direct.govcs.allowed) return;
            if (route.direct.vcs === 'git' && route.direct.repoUrl && route.direct.fetchUrl) {
              await probeRepo(route, route.direct.repoUrl, route.direct.fetchUrl);
            }
          }
        }),
      );
    } else if (d.vcs === 'git' && d.repoUrl && d.fetchUrl) {
      const { repoUrl, fetchUrl } = d;
      tasks.push(net.limit(() => probeRepo(route, repoUrl, fetchUrl)));
    }
  }
  await Promise.all(tasks);
  return { endpoints, skippedDirect };
}

const PHASE_ORDER: Record<ProbePhase, number> = {
  dns: 0,
  tcp: 1,
  tls: 2,
  'proxy-connect': 3,
  http: 4,
  git: 5,
};

/**
 * Runs the network checks: the routing table for `requirements` under `goEnv`, every endpoint
 * probed within the budget, and findings with causes and fixes. Never throws for network trouble;
 * never prints.
 */
/** The locator's git; a path that cannot exist when there is none (so nothing searches PATH again). */
function gitOnPath(env: Record<string, string | undefined>): string {
  return findOnPath('git', env) ?? '/nonexistent/gomod-doctor/git-not-found';
}

export async function runNetworkChecks(input: NetworkCheckInput): Promise<NetworkCheckResult> {
  const started = performance.now();
  const budgetMs = input.budgetMs ?? DEFAULT_BUDGET_MS;
  const budget = new RunBudget(budgetMs, input.signal);
  try {
    const gitConfig =
      input.gitConfig ??
      (await readInsteadOf(input.env, input.gitBin ?? gitOnPath(input.env), budget.signal).catch(() => []));
    const routes = computeRoutes({
      goEnv: input.goEnv,
      requirements: input.requirements,
      insteadOf: insteadOfRules(gitConfig),
      gitConfig,
    });
    const net = new NetworkRun(input, budget);
    const work = probeRoutes(net, routes, input);
    // Everything listens to the budget's signal; this is the backstop should anything not.
    let backstop: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      backstop = setTimeout(() => resolve('late'), budget.remaining() + 500);
      backstop.unref();
    });
    const probed = await Promise.race([work, late]);
    clearTimeout(backstop);
    const endpoints = probed === 'late' ? [] : probed.endpoints;
    const probes = [...net.results.values()].sort(
      (a, b) => PHASE_ORDER[a.phase] - PHASE_ORDER[b.phase] || a.id.localeCompare(b.id),
    );
    for (const probe of probes) probe.services = [...(net.services.get(probe.id) ?? probe.services)];
    const stopped = budget.stopReason() ?? (probed === 'late' ? 'budget' : undefined);
    const findings = buildFindings({
      routes,
      probes,
      endpoints,
      lang: input.lang ?? 'en',
      env: input.env,
      ...(input.goVersion ? { goVersion: input.goVersion } : {}),
    });
    const durationMs = performance.now() - started;
    input.onProgress?.({ type: 'done', durationMs, ...(stopped ? { stopped } : {}) });
    return {
      routes,
      probes,
      findings,
      endpoints,
      durationMs,
      ...(stopped ? { stopped } : {}),
      skippedDirect: probed === 'late' ? 0 : probed.skippedDirect,
    };
  } finally {
    budget.dispose();
  }
}
