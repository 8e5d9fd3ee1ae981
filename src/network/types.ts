// The data a network run produces: one result per probe (a phase of reaching one endpoint) and the
// progress events a live view is drawn from. Plain data, JSON-ready, no text for people.

export type ProbePhase = 'dns' | 'tcp' | 'tls' | 'proxy-connect' | 'http' | 'git';

/** What the services are that the go command talks to. */
export type ServiceKind =
  /** A GOPROXY entry. */
  | 'goproxy'
  /** A checksum database, directly or through a proxy's /sumdb/NAME/. */
  | 'sumdb'
  /** `?go-get=1` discovery for a direct (private) module. */
  | 'go-get'
  /** A VCS host reached by git for a direct module. */
  | 'git'
  /** The HTTP(S)_PROXY the go command sends its requests through. */
  | 'http-proxy';

export type ProbeStatus =
  | 'ok'
  /** No answer within the phase's time (connect hang, no ServerHello, no response headers). */
  | 'timeout'
  | 'refused'
  | 'reset'
  /** The peer closed without an answer. */
  | 'closed'
  | 'unreachable'
  /** DNS: the name does not exist. */
  | 'nxdomain'
  /** DNS: the name exists but has no address of this type. */
  | 'nodata'
  /** DNS: the resolver failed (SERVFAIL, refused). */
  | 'servfail'
  /** DNS: no resolver answers at all (connection refused on port 53). */
  | 'no-resolver'
  /** TLS: the certificate is not accepted by the go command. */
  | 'untrusted'
  /** HTTP: an answer, but not a good one (4xx/5xx other than the ones below). */
  | 'http-error'
  /** HTTP: 404/410. */
  | 'not-found'
  /** HTTP: 401/403/407. */
  | 'forbidden'
  /** git: credentials needed. */
  | 'auth'
  | 'missing-tool'
  /** Not probed: an earlier phase failed, or nothing needs it. */
  | 'skipped'
  /** Not finished: the run's budget ran out. */
  | 'budget'
  /** Not finished: the run was aborted. */
  | 'aborted'
  | 'error';

export interface DnsDetail {
  host: string;
  /** The resolver used (`system` or `IP:PORT`). */
  resolver: string;
  a: { status: ProbeStatus; addresses: string[]; durationMs: number; error?: string };
  aaaa: { status: ProbeStatus; addresses: string[]; durationMs: number; error?: string };
  /** Addresses that make no sense for a public host (loopback, private, 0.0.0.0, known sinkholes). */
  suspicious: string[];
  /** Answered from the hosts file, as the go command does before asking DNS. */
  fromHostsFile?: boolean;
}

export interface CertificateSummary {
  subject: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  /** SHA-256 fingerprint. */
  fingerprint256: string;
}

export interface TlsDetail {
  host: string;
  address: string;
  protocol?: string;
  /** The negotiated cipher suite's IANA name (TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256). */
  cipher?: string;
  /** TLS 1.2 that fails when SHA-1 signatures are not offered (what Go 1.25+ offers): checked for Go 1.25+ only. */
  sha1Only?: boolean;
  /** The handshake needed OpenSSL's security level 0 (SHA-1 signatures): requests use it too. */
  permissive?: boolean;
  /** Leaf first. */
  chain: CertificateSummary[];
  /** The CA that issued the top of the chain (names an intercepting proxy when not a public CA). */
  issuer?: string;
  expired: boolean;
  notYetValid: boolean;
  nameMismatch: boolean;
  selfSigned: boolean;
  /** Node's roots (and NODE_EXTRA_CA_CERTS) accept the chain. */
  trustedByNode: boolean;
  nodeError?: string;
  /** The roots the go command uses (SSL_CERT_FILE / SSL_CERT_DIR or the system bundle) accept the chain. */
  trustedByGo: boolean;
  goError?: string;
  /** Where the go command's roots were read from. */
  goRootsSource: string;
}

export interface HttpDetail {
  url: string;
  method: string;
  status?: number;
  statusText?: string;
  /** Time to the response headers, from the start of the request. */
  ttfbMs?: number;
  bodyBytes?: number;
  /** The body arrived completely within the phase's time. */
  bodyComplete?: boolean;
  contentType?: string;
  /** `?go-get=1`: the go-import meta tags found. */
  goImports?: Array<{ prefix: string; vcs: string; repoRoot: string; subdir?: string }>;
  /** A short text/plain body (server response), for messages. */
  serverResponse?: string;
  /** Through which HTTP(S)_PROXY, if any. */
  viaProxy?: string;
}

export interface GitDetail {
  url: string;
  exitCode: number | null;
  /** The last lines of git's stderr, secrets removed. */
  stderr: string;
  timedOut: boolean;
}

export interface ProxyConnectDetail {
  proxy: string;
  target: string;
  status?: number;
  statusText?: string;
}

export interface ProbeResult {
  /** Unique within a run, stable for a given endpoint: `dns:proxy.golang.org`, `http:https://…`. */
  id: string;
  phase: ProbePhase;
  /** What was probed: a host, `address:port`, a URL. */
  target: string;
  /** The services this probe serves (a host can be a proxy and a sumdb). */
  services: ServiceKind[];
  status: ProbeStatus;
  ok: boolean;
  /** When the probe started, in milliseconds since the network run started (for a waterfall). */
  startMs?: number;
  durationMs: number;
  error?: string;
  dns?: DnsDetail;
  tcp?: { address: string; port: number; family: 4 | 6 };
  tls?: TlsDetail;
  proxyConnect?: ProxyConnectDetail;
  http?: HttpDetail;
  git?: GitDetail;
}

export type NetworkProgressEvent =
  | { type: 'start'; id: string; phase: ProbePhase; target: string; services: ServiceKind[] }
  | { type: 'end'; result: ProbeResult }
  | { type: 'done'; durationMs: number; stopped?: 'budget' | 'aborted' };
