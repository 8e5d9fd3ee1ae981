// From probe results to findings: each failing endpoint is named by the phase that failed first
// (DNS before TCP before TLS before HTTP), so the root cause comes out, once per host; fixes
// include mirrors for blocked networks, offered as choices, never as defaults.
import type { CauseId } from '../causes/catalog.ts';
import type { Evidence, Finding, Fix, Severity } from '../findings/finding.ts';
import { orderFindings } from '../findings/finding.ts';
import { redactSecrets } from '../findings/redact.ts';
import type { Lang } from '../i18n/lang.ts';
import { say } from '../i18n/lang.ts';
import { fixes, m, serviceLabel, tlsNames } from './messages.ts';
import { classifyGitError } from './probes/git.ts';
import { parseProxyValue, proxyEnvFrom } from './probes/proxyenv.ts';
import type { ProxyHop, RouteTable } from './routes.ts';
import type { ProbeResult, ServiceKind } from './types.ts';

export interface EndpointOutcome {
  service: ServiceKind;
  /** The proxy base URL, the sumdb URL asked, the ?go-get=1 URL, or the git remote. */
  url: string;
  host: string;
  /** How many modules depend on it. */
  modules: number;
  /** go-get and git: the (private) module concerned. */
  module?: string;
  /** git: the remote after insteadOf. */
  fetchUrl?: string;
  /** goproxy: its place in GOPROXY and what follows it. */
  hop?: ProxyHop & { index: number; next?: string };
  /** go-get: the page came but has no go-import tag for the path. */
  noMetaTag?: boolean;
  /** goproxy: the module whose @v/list was asked for, and whether the project requires it. */
  probeModule?: string;
  probeFromProject?: boolean;
  /** goproxy: a 200 whose body is not a version list. */
  notAProxy?: boolean;
  ok: boolean;
  /** The probe that failed first on the way to this endpoint. */
  failure?: ProbeResult;
  /** The endpoint's own request (HTTP or git), when it got that far. */
  result?: ProbeResult;
}

const PUBLIC_MIRRORS = ['https://goproxy.cn', 'https://goproxy.io'];
const DEFAULT_PROXY_HOST = 'proxy.golang.org';
const DEFAULT_SUMDB_HOST = 'sum.golang.org';

type MessageKey = keyof typeof m;

interface Classified {
  cause: CauseId;
  title: MessageKey;
  message: MessageKey;
  severity: Severity;
}

const PHASE_RANK: Record<string, number> = { dns: 0, tcp: 1, 'proxy-connect': 2, tls: 3, http: 4, git: 5 };

function ms(value: number): string {
  return `${Math.round(value)} ms`;
}

/** A short account of what a probe saw, for messages and evidence. */
export function describeProbe(probe: ProbeResult): string {
  switch (probe.phase) {
    case 'dns':
      return `${probe.status === 'nxdomain' ? 'NXDOMAIN' : probe.status} from ${probe.dns?.resolver ?? 'system'} after ${ms(probe.durationMs)}`;
    case 'tcp':
      return `${probe.target} ${probe.status} after ${ms(probe.durationMs)}`;
    case 'tls':
      return probe.tls?.goError ?? `${probe.error ?? probe.status} after ${ms(probe.durationMs)}`;
    case 'proxy-connect': {
      const code = probe.proxyConnect?.status;
      return code !== undefined
        ? `CONNECT ${probe.proxyConnect?.target}: ${code} ${probe.proxyConnect?.statusText ?? ''}`.trim()
        : `CONNECT ${probe.proxyConnect?.target ?? probe.target}: ${probe.error ?? probe.status} after ${ms(probe.durationMs)}`;
    }
    case 'http': {
      const http = probe.http;
      if (http?.status !== undefined && probe.status === 'timeout')
        return `${http.status} ${http.statusText ?? ''}, then ${http.bodyBytes ?? 0} bytes in ${ms(probe.durationMs)}`;
      if (http?.status !== undefined) return `${http.status} ${http.statusText ?? ''}`.trim();
      return `${probe.error ?? probe.status} after ${ms(probe.durationMs)}`;
    }
    case 'git':
      return probe.git?.stderr.split('\n').at(-1) || probe.error || probe.status;
  }
}

function isProxyProbe(
  probe: ProbeResult,
  proxyHosts: ReadonlyArray<{ host: string; port: number }>,
): boolean {
  if (probe.phase === 'dns') return proxyHosts.some((p) => p.host === probe.target);
  if (probe.phase === 'tcp')
    return proxyHosts.some((p) => p.host === probe.tcp?.address && p.port === probe.tcp?.port);
  return false;
}

function classify(
  endpoint: EndpointOutcome,
  failure: ProbeResult,
  proxyHosts: ReadonlyArray<{ host: string; port: number }>,
): Classified | undefined {
  const service = endpoint.service;
  const status = failure.status === 'budget' ? 'timeout' : failure.status;
  if (status === 'aborted' || status === 'skipped') return undefined;
  const error: Severity = 'error';
  if (isProxyProbe(failure, proxyHosts)) {
    return {
      cause: 'http-proxy-misconfigured',
      title: 'httpProxyTitle',
      message: 'httpProxy',
      severity: error,
    };
  }
  const sumdbNet = (fallback: Classified): Classified =>
    service === 'sumdb'
      ? { cause: 'sumdb-unreachable', title: 'sumdbTitle', message: 'sumdb', severity: error }
      : fallback;
  switch (failure.phase) {
    case 'dns':
      return sumdbNet({ cause: 'dns-failure', title: 'dnsTitle', message: 'dns', severity: error });
    case 'tcp':
      if (status === 'refused')
        return sumdbNet({
          cause: 'connection-refused',
          title: 'refusedTitle',
          message: 'refused',
          severity: error,
        });
      if (status === 'reset' || status === 'closed')
        return { cause: 'connection-reset', title: 'resetTitle', message: 'reset', severity: error };
      return sumdbNet({
        cause: 'connect-timeout',
        title: 'connectTimeoutTitle',
        message: 'connectTimeout',
        severity: error,
      });
    case 'proxy-connect':
      if (failure.proxyConnect?.status === 403)
        return {
          cause: 'egress-policy-forbidden',
          title: 'forbiddenTitle',
          message: 'httpProxy',
          severity: error,
        };
      return {
        cause: 'http-proxy-misconfigured',
        title: 'httpProxyTitle',
        message: 'httpProxy',
        severity: error,
      };
    case 'tls':
      if (status === 'untrusted')
        return {
          cause: 'tls-untrusted-certificate',
          title: 'tlsUntrustedTitle',
          message: 'tlsUntrusted',
          severity: error,
        };
      if (/unsupported protocol|protocol version|wrong version number/i.test(failure.error ?? ''))
        return {
          cause: 'tls-protocol-refused',
          title: 'tlsOldProtocolTitle',
          message: 'tlsOldProtocol',
          severity: error,
        };
      if (status === 'timeout')
        return {
          cause: 'tls-handshake-timeout',
          title: 'tlsTimeoutTitle',
          message: 'tlsTimeout',
          severity: error,
        };
      if (status === 'reset' || status === 'closed')
        return { cause: 'connection-reset', title: 'resetTitle', message: 'reset', severity: error };
      return { cause: 'unknown', title: 'unknownTitle', message: 'unknown', severity: error };
    case 'http': {
      const code = failure.http?.status;
      if (service === 'go-get' && (endpoint.noMetaTag || status !== 'reset'))
        return { cause: 'go-get-discovery-failed', title: 'goGetTitle', message: 'goGet', severity: error };
      if (status === 'timeout' && code === undefined)
        return { cause: 'proxy-stall', title: 'stallTitle', message: 'stall', severity: error };
      if (status === 'timeout')
        return { cause: 'proxy-stall', title: 'slowTitle', message: 'slow', severity: 'warning' };
      if (status === 'reset' || status === 'closed')
        return { cause: 'connection-reset', title: 'resetTitle', message: 'reset', severity: error };
      if (status === 'forbidden')
        return {
          cause: 'egress-policy-forbidden',
          title: 'forbiddenTitle',
          message: 'forbidden',
          severity: error,
        };
      if (status === 'not-found') {
        if (service === 'sumdb')
          return { cause: 'sumdb-unreachable', title: 'sumdbTitle', message: 'sumdb', severity: error };
        // A mirror of what a company uses lacks well-known modules; only a module this project
        // fetches from it says something about the project.
        if (!endpoint.probeFromProject)
          return {
            cause: 'proxy-server-error',
            title: 'notFoundWellKnownTitle',
            message: 'notFoundWellKnown',
            severity: 'info',
          };
        return {
          cause: 'proxy-server-error',
          title: 'notFoundProjectTitle',
          message: 'notFoundProject',
          severity: endpoint.hop?.next ? 'warning' : error,
        };
      }
      if (code !== undefined && code >= 500)
        return {
          cause: 'proxy-server-error',
          title: 'serverErrorTitle',
          message: 'serverError',
          severity: error,
        };
      if (code !== undefined)
        return {
          cause: 'proxy-server-error',
          title: 'serverErrorTitle',
          message: 'serverError',
          severity: error,
        };
      return { cause: 'unknown', title: 'unknownTitle', message: 'unknown', severity: error };
    }
    case 'git': {
      if (status === 'missing-tool')
        return {
          cause: 'git-not-installed',
          title: 'gitMissingToolTitle',
          message: 'gitMissingTool',
          severity: error,
        };
      const kind = failure.status === 'timeout' ? 'timeout' : classifyGitError(failure.git?.stderr ?? '');
      switch (kind) {
        case 'auth':
          return { cause: 'git-auth-required', title: 'gitAuthTitle', message: 'gitAuth', severity: error };
        case 'ssh-auth':
          return { cause: 'git-ssh-auth', title: 'gitSshTitle', message: 'gitSsh', severity: error };
        case 'dns':
          return { cause: 'dns-failure', title: 'dnsTitle', message: 'dns', severity: error };
        case 'connect-timeout':
          return {
            cause: 'connect-timeout',
            title: 'connectTimeoutTitle',
            message: 'connectTimeout',
            severity: error,
          };
        case 'refused':
          return { cause: 'connection-refused', title: 'refusedTitle', message: 'refused', severity: error };
        case 'reset':
          return { cause: 'connection-reset', title: 'resetTitle', message: 'reset', severity: error };
        case 'tls':
          return {
            cause: 'tls-untrusted-certificate',
            title: 'tlsUntrustedTitle',
            message: 'tlsUntrusted',
            severity: error,
          };
        case 'not-found':
          return {
            cause: 'module-source-gone',
            title: 'gitMissingTitle',
            message: 'gitMissing',
            severity: 'warning',
          };
        default:
          // A hang or an unrecognised answer: say what happened rather than guess why.
          return { cause: 'unknown', title: 'gitUnknownTitle', message: 'gitUnknown', severity: 'warning' };
      }
    }
  }
}

function evidenceOf(probe: ProbeResult): Evidence {
  return {
    source: 'network',
    text: redactSecrets(`${probe.phase} ${probe.target}: ${describeProbe(probe)}`),
  };
}

function say2(
  key: MessageKey,
  lang: Lang,
  params: { what: string; host: string; detail: string; module?: string },
): string {
  const message = m[key] as Record<Lang, string | ((p: typeof params) => string)>;
  const text = message[lang];
  return typeof text === 'function' ? text(params) : text;
}

function whatOf(endpoint: EndpointOutcome, lang: Lang): string {
  const url =
    endpoint.service === 'git' || endpoint.service === 'go-get'
      ? (endpoint.module ?? endpoint.url)
      : endpoint.url;
  return say(serviceLabel[endpoint.service], lang, { url: redactSecrets(url) });
}

function mirrorFixes(host: string, service: ServiceKind, lang: Lang): Fix[] {
  if (service === 'goproxy' && host === DEFAULT_PROXY_HOST) {
    return [
      ...PUBLIC_MIRRORS.map((url) => ({
        description: say(fixes.mirrorChoice, lang, { url }),
        command: `go env -w GOPROXY=${url},direct`,
      })),
      { description: say(fixes.privateFirst, lang) },
      { description: say(fixes.corporateProxy, lang) },
    ];
  }
  if (service === 'sumdb' && (host === DEFAULT_SUMDB_HOST || host === DEFAULT_PROXY_HOST)) {
    return [
      { description: say(fixes.sumdbMirrorChoice, lang), command: 'go env -w GOSUMDB=sum.golang.google.cn' },
      { description: say(fixes.corporateProxy, lang) },
    ];
  }
  return [];
}

const NETWORK_CAUSES = new Set<CauseId>([
  'dns-failure',
  'dns-poisoned',
  'connect-timeout',
  'connection-refused',
  'connection-reset',
  'tls-handshake-timeout',
  'proxy-stall',
  'egress-policy-forbidden',
  'sumdb-unreachable',
]);

function fixesFor(
  c: Classified,
  endpoint: EndpointOutcome,
  failure: ProbeResult,
  lang: Lang,
  goVersion?: string,
): Fix[] {
  const out: Fix[] = [];
  const host = endpoint.host;
  switch (c.cause) {
    case 'dns-failure':
      out.push({ description: say(fixes.resolver, lang) });
      break;
    case 'tls-untrusted-certificate': {
      const issuer = failure.tls?.issuer;
      if (issuer && !failure.tls?.expired && !failure.tls?.nameMismatch)
        out.push({ description: say(fixes.trustCa, lang, { issuer }) });
      else if (!failure.tls?.expired && !failure.tls?.nameMismatch)
        out.push({ description: say(fixes.updateCa, lang) });
      break;
    }
    case 'http-proxy-misconfigured':
      out.push({ description: say(fixes.fixProxyEnv, lang) });
      break;
    case 'tls-handshake-timeout':
      // Go 1.24+ sends a post-quantum key share: a ClientHello of about 1.5 KB instead of 250
      // bytes, which some middleboxes drop. Node's handshake cannot show it; the go command can.
      if ((minorOf(goVersion) ?? 0) >= 24)
        out.push({
          description: say(fixes.postQuantum, lang),
          command: `GODEBUG=tlsmlkem=0${(minorOf(goVersion) ?? 99) >= 26 ? ',tlssecpmlkem=0' : ''} go mod download -x`,
        });
      break;
    case 'git-auth-required':
      out.push({ description: say(fixes.netrc, lang, { host }) });
      break;
    case 'git-ssh-auth':
      out.push({
        description: say(fixes.sshKey, lang, { host }),
        command: `ssh -T -o BatchMode=yes git@${host}`,
      });
      break;
    case 'git-not-installed':
      out.push({ description: say(fixes.installGit, lang) });
      break;
    case 'go-get-discovery-failed':
      out.push({ description: say(fixes.goGetMeta, lang, { host }) });
      break;
    case 'proxy-server-error':
      out.push({ description: say(fixes.retryLater, lang) });
      break;
    default:
      break;
  }
  if (NETWORK_CAUSES.has(c.cause)) out.push(...mirrorFixes(host, endpoint.service, lang));
  return out;
}

const DOCS: Partial<Record<ServiceKind, string>> = {
  goproxy: 'https://go.dev/ref/mod#goproxy-protocol',
  sumdb: 'https://go.dev/ref/mod#checksum-database',
  'go-get': 'https://go.dev/ref/mod#vcs-find',
  git: 'https://go.dev/ref/mod#private-modules',
};

export interface FindingsInput {
  routes: RouteTable;
  probes: readonly ProbeResult[];
  endpoints: readonly EndpointOutcome[];
  lang: Lang;
  env: Record<string, string | undefined>;
  /** The local go's release (`1.27`), for what its crypto/tls refuses. */
  goVersion?: string;
}

/** `1.27` → 27; undefined when unknown. */
function minorOf(goVersion: string | undefined): number | undefined {
  const m = /^(?:go)?1\.(\d+)/.exec(goVersion ?? '');
  return m ? Number(m[1]) : undefined;
}

/**
 * What the local go's crypto/tls refuses of a cipher suite Node negotiated (crypto/tls's
 * disabledCipherSuites and internal/godebugs' table): RSA key exchange since 1.22 (tlsrsakex=1
 * until 1.26, removed in 1.27, where setting it stops the go command), 3DES since 1.23 (tls3des=1
 * until 1.26).
 */
function goRefusesCipher(
  cipher: string,
  minor: number | undefined,
): { what: 'rsa-kex' | '3des'; since: number; godebug?: string } | undefined {
  const m = minor ?? 99;
  if (/_3DES_/.test(cipher) && m >= 23)
    return { what: '3des', since: 23, ...(m <= 26 ? { godebug: 'tls3des=1' } : {}) };
  if (/^TLS_RSA_WITH_/.test(cipher) && m >= 22)
    return { what: 'rsa-kex', since: 22, ...(m <= 26 ? { godebug: 'tlsrsakex=1' } : {}) };
  return undefined;
}

export function buildFindings(input: FindingsInput): Finding[] {
  const { lang } = input;
  const findings: Array<Finding & { rank: number }> = [];
  const byKey = new Map<string, Finding>();
  const proxyEnv = proxyEnvFrom(input.env);
  const proxyHosts = [proxyEnv.httpProxy, proxyEnv.httpsProxy]
    .filter(Boolean)
    .map((value) => parseProxyValue(value))
    .flatMap((p) => ('error' in p ? [] : [{ host: p.host, port: p.port }]));

  const add = (key: string, rank: number, finding: Finding, extra?: Evidence): void => {
    const existing = byKey.get(key);
    if (existing) {
      if (extra && !existing.evidence?.some((e) => e.text === extra.text)) existing.evidence?.push(extra);
      return;
    }
    byKey.set(key, finding);
    findings.push({ ...finding, rank });
    // Keep the pushed copy and the map entry the same object.
    byKey.set(key, findings.at(-1)!);
  };

  // Sinkhole or hijacked answers for public services.
  for (const probe of input.probes) {
    const suspicious = probe.dns?.suspicious ?? [];
    if (probe.phase !== 'dns' || suspicious.length === 0) continue;
    const params = { what: probe.target, host: probe.target, detail: suspicious.join(', ') };
    add(`dns-poisoned|${probe.target}`, 0, {
      cause: 'dns-poisoned',
      severity: 'error',
      title: say2('poisonedTitle', lang, params),
      message: say2('poisoned', lang, params),
      evidence: [evidenceOf(probe)],
      fixes: [{ description: say(fixes.resolver, lang) }],
    });
  }

  // Endpoints that failed, named by their first failing phase.
  for (const endpoint of input.endpoints) {
    if (endpoint.ok || !endpoint.failure) continue;
    const failure = endpoint.failure;
    // A poisoned answer already explains whatever failed after it.
    if (byKey.has(`dns-poisoned|${endpoint.host}`)) continue;
    const c = classify(endpoint, failure, proxyHosts);
    if (!c) continue;
    let severity = c.severity;
    // A `|` after this proxy means the go command moves on: a warning, not a dead end.
    if (
      endpoint.service === 'goproxy' &&
      endpoint.hop?.fallBackOnError &&
      endpoint.hop.next &&
      severity === 'error'
    )
      severity = 'warning';
    const isProxyHost =
      c.cause === 'http-proxy-misconfigured' ||
      (c.cause === 'egress-policy-forbidden' && failure.phase === 'proxy-connect');
    const host = isProxyHost ? (failure.proxyConnect?.proxy ?? failure.target) : endpoint.host;
    const params = {
      what: whatOf(endpoint, lang),
      host,
      detail: redactSecrets(describeProbe(failure)),
      ...(endpoint.probeModule ? { module: endpoint.probeModule } : {}),
    };
    const finding: Finding = {
      cause: c.cause,
      severity,
      title: say2(c.title, lang, params),
      message: say2(c.message, lang, params),
      evidence: [evidenceOf(failure)],
      fixes: fixesFor(c, endpoint, failure, lang, input.goVersion),
    };
    if (endpoint.module && (endpoint.service === 'git' || endpoint.service === 'go-get'))
      finding.module = endpoint.module;
    const doc = DOCS[endpoint.service];
    if (doc) finding.docs = [doc];
    add(`${c.cause}|${host}|${failure.phase}`, PHASE_RANK[failure.phase] ?? 9, finding, evidenceOf(failure));

    // With `,` after a failing proxy the go command stops there, although more entries follow.
    const hop = endpoint.hop;
    // 404 and 410 fall through on `,` too.
    const fallsThrough = c.cause === 'goproxy-invalid' || failure.status === 'not-found';
    if (endpoint.service === 'goproxy' && hop && hop.next && !hop.fallBackOnError && !fallsThrough) {
      const value = input.routes.settings.GOPROXY;
      const suggested = value.replace(/,/g, '|');
      const p = {
        what: say(serviceLabel.goproxy, lang, { url: endpoint.url }),
        host: endpoint.host,
        detail: params.detail,
      };
      add(`goproxy-no-fallback|${endpoint.url}`, 8, {
        cause: 'goproxy-no-fallback',
        severity: 'warning',
        title: say2('noFallbackTitle', lang, p),
        message: say2('noFallback', lang, p),
        fixes:
          value !== '' && suggested !== value
            ? [{ description: say(fixes.pipe, lang), command: `go env -w GOPROXY=${suggested}` }]
            : [],
        docs: ['https://go.dev/ref/mod#goproxy-protocol'],
      });
    }
  }

  // A proxy URL that answers with a web page: the base path is missing.
  for (const endpoint of input.endpoints) {
    if (endpoint.service !== 'goproxy' || !endpoint.notAProxy || !endpoint.result) continue;
    const params = {
      what: whatOf(endpoint, lang),
      host: endpoint.host,
      detail: '200 OK',
      module: endpoint.probeModule ?? '',
    };
    add(`goproxy-invalid|${endpoint.url}`, PHASE_RANK.http ?? 9, {
      cause: 'goproxy-invalid',
      severity: endpoint.hop?.next ? 'warning' : 'error',
      title: say2('notAProxyTitle', lang, params),
      message: say2('notAProxy', lang, params),
      evidence: [evidenceOf(endpoint.result)],
      docs: ['https://go.dev/ref/mod#goproxy-protocol'],
    });
  }

  // Handshakes that worked for Node but that the local go refuses.
  const minor = minorOf(input.goVersion);
  for (const probe of input.probes) {
    const cipher = probe.tls?.cipher;
    if (probe.phase !== 'tls' || !probe.ok || !cipher) continue;
    const refused = goRefusesCipher(cipher, minor);
    if (!refused) continue;
    const release = input.goVersion ? `Go ${input.goVersion.replace(/^go/, '')}` : 'Go';
    const params = {
      what: probe.target,
      host: probe.tls?.host ?? probe.target,
      detail: `${cipher} (${say(refused.what === 'rsa-kex' ? tlsNames.rsaKex : tlsNames.tripleDes, lang)}, refused since Go 1.${refused.since})`,
      module: release,
    };
    add(`tls-protocol-refused|${params.host}`, PHASE_RANK.tls ?? 9, {
      cause: 'tls-protocol-refused',
      severity: refused.godebug ? 'warning' : 'error',
      title: say2('tlsCipherTitle', lang, params),
      message: say2(refused.godebug ? 'tlsCipherEscape' : 'tlsCipherNoEscape', lang, params),
      evidence: [evidenceOf(probe)],
      fixes: [
        ...(refused.godebug
          ? [
              {
                description: say(fixes.godebugTls, lang),
                command: `GODEBUG=${refused.godebug} go mod download -x`,
              },
            ]
          : []),
        { description: say(fixes.serverTls, lang, { host: params.host }) },
      ],
      docs: ['https://go.dev/doc/godebug'],
    });
  }

  // TLS 1.2 servers that sign only with SHA-1 (checked for Go 1.25+ only).
  for (const probe of input.probes) {
    if (probe.phase !== 'tls' || !probe.ok || !probe.tls?.sha1Only) continue;
    const release = input.goVersion ? `Go ${input.goVersion.replace(/^go/, '')}` : 'Go';
    const params = { what: probe.target, host: probe.tls.host, detail: 'TLS 1.2', module: release };
    add(`tls-protocol-refused|${params.host}`, PHASE_RANK.tls ?? 9, {
      cause: 'tls-protocol-refused',
      severity: 'warning',
      title: say2('tlsSha1Title', lang, params),
      message: say2('tlsSha1', lang, params),
      evidence: [evidenceOf(probe)],
      fixes: [
        { description: say(fixes.godebugTls, lang), command: 'GODEBUG=tlssha1=1 go mod download -x' },
        { description: say(fixes.serverTls, lang, { host: params.host }) },
      ],
      docs: ['https://go.dev/doc/godebug'],
    });
  }

  // IPv6 black holes: the host works over IPv4 only.
  for (const probe of input.probes) {
    if (probe.phase !== 'dns' || !probe.ok || !probe.dns) continue;
    const tcpOf = (address: string) =>
      input.probes.filter((p) => p.phase === 'tcp' && p.tcp?.address === address);
    const v4 = probe.dns.a.addresses.flatMap(tcpOf);
    const v6 = probe.dns.aaaa.addresses.flatMap(tcpOf);
    const v6Hang = v6.filter(
      (p) => p.status === 'timeout' || p.status === 'unreachable' || p.status === 'budget',
    );
    if (v4.some((p) => p.ok) && v6.length > 0 && v6Hang.length === v6.length) {
      const params = { what: probe.target, host: probe.target, detail: v6Hang.map(describeProbe).join('; ') };
      add(`ipv6|${probe.target}`, 1, {
        cause: 'connect-timeout',
        severity: 'warning',
        title: say2('ipv6Title', lang, params),
        message: say2('ipv6', lang, params),
        evidence: v6Hang.map(evidenceOf),
      });
    }
  }

  // Interception: a public service presenting a certificate only the system store trusts.
  for (const probe of input.probes) {
    const tls = probe.tls;
    if (probe.phase !== 'tls' || !tls || !tls.trustedByGo || tls.trustedByNode) continue;
    const host = tls.host;
    if (!['proxy.golang.org', 'sum.golang.org', 'github.com', 'goproxy.cn', 'goproxy.io'].includes(host))
      continue;
    const params = { what: host, host, detail: tls.issuer ?? '?' };
    add(`intercepted|${host}`, 3, {
      cause: 'tls-untrusted-certificate',
      severity: 'info',
      title: say2('interceptedTitle', lang, params),
      message: say2('intercepted', lang, params),
      evidence: [evidenceOf(probe)],
    });
  }

  // GOVCS forbids what a direct module needs.
  for (const route of input.routes.modules) {
    const govcs = route.direct?.govcs;
    if (route.fetch.kind !== 'direct' || !govcs || govcs.allowed) continue;
    const params = {
      what: route.module,
      host: route.direct?.repoRoot ?? route.module,
      detail: govcs.error ?? '',
    };
    add(`vcs-disallowed|${params.host}`, 7, {
      cause: 'vcs-disallowed',
      severity: 'error',
      module: route.module,
      title: say2('vcsDisallowedTitle', lang, params),
      message: say2('vcsDisallowed', lang, params),
      fixes: [
        {
          description: say(fixes.govcs, lang),
          command: `go env -w GOVCS=${params.host}:${route.direct?.vcs ?? 'git'}`,
        },
      ],
      docs: ['https://go.dev/ref/mod#vcs-govcs'],
    });
  }

  findings.sort((a, b) => a.rank - b.rank);
  return orderFindings(findings.map(({ rank: _rank, ...finding }) => finding));
}
