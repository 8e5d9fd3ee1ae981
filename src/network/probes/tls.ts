// TLS: the handshake with its time, the chain the server sent, and whether two root stores accept
// it: Node's (what this tool itself trusts) and the one the go command uses (SSL_CERT_FILE /
// SSL_CERT_DIR, else the system bundle). A chain that only the system store accepts, issued by a
// CA that is not public, names an intercepting proxy; one that neither accepts is why the go
// command prints "x509: certificate signed by unknown authority".
import { X509Certificate } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import type { Socket } from 'node:net';
import { isIP } from 'node:net';
import type { DetailedPeerCertificate, TLSSocket } from 'node:tls';
import { checkServerIdentity, rootCertificates, connect as tlsConnect } from 'node:tls';
import type { CertificateSummary, ProbeStatus, TlsDetail } from '../types.ts';
import { statusOfSocketError } from './tcp.ts';

/** Where crypto/x509 looks on Linux and the BSDs, first readable file wins. */
const GO_CERT_FILES = [
  '/etc/ssl/certs/ca-certificates.crt',
  '/etc/pki/tls/certs/ca-bundle.crt',
  '/etc/ssl/ca-bundle.pem',
  '/etc/pki/tls/cacert.pem',
  '/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem',
  '/etc/ssl/cert.pem',
  '/usr/local/etc/ssl/cert.pem',
  '/etc/openssl/certs/ca-certificates.crt',
];
const GO_CERT_DIRS = ['/etc/ssl/certs', '/etc/pki/tls/certs'];

export interface RootStore {
  /** Where the roots came from, for messages. */
  source: string;
  bySubject: Map<string, X509Certificate[]>;
  fingerprints: Set<string>;
  size: number;
}

function pemBlocks(text: string): string[] {
  return text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
}

function storeFrom(pems: readonly string[], source: string): RootStore {
  const store: RootStore = { source, bySubject: new Map(), fingerprints: new Set(), size: 0 };
  for (const pem of pems) {
    let cert: X509Certificate;
    try {
      cert = new X509Certificate(pem);
    } catch {
      continue;
    }
    if (store.fingerprints.has(cert.fingerprint256)) continue;
    store.fingerprints.add(cert.fingerprint256);
    const list = store.bySubject.get(cert.subject) ?? [];
    list.push(cert);
    store.bySubject.set(cert.subject, list);
    store.size++;
  }
  return store;
}

/**
 * The roots the go command trusts, read as crypto/x509 reads them on Unix: SSL_CERT_FILE replaces
 * the list of bundle files, SSL_CERT_DIR (colon-separated) the list of directories. On macOS and
 * Windows Go asks the platform verifier; Node's bundled roots stand in for it there.
 */
export async function goRootStore(env: Record<string, string | undefined>): Promise<RootStore> {
  if (process.platform === 'darwin' || process.platform === 'win32') {
    return storeFrom(rootCertificates, 'platform verifier (approximated by Node’s bundled roots)');
  }
  const files = env.SSL_CERT_FILE ? [env.SSL_CERT_FILE] : GO_CERT_FILES;
  const dirs = env.SSL_CERT_DIR ? env.SSL_CERT_DIR.split(':').filter(Boolean) : GO_CERT_DIRS;
  const pems: string[] = [];
  const sources: string[] = [];
  for (const file of files) {
    try {
      pems.push(...pemBlocks(await readFile(file, 'utf8')));
      sources.push(env.SSL_CERT_FILE ? `SSL_CERT_FILE=${file}` : file);
      break;
    } catch {
      // The next candidate.
    }
  }
  for (const dir of dirs) {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      continue;
    }
    let found = 0;
    for (const name of names) {
      try {
        const blocks = pemBlocks(await readFile(`${dir}/${name}`, 'utf8'));
        pems.push(...blocks);
        found += blocks.length;
      } catch {
        // Unreadable entries and subdirectories are skipped, as Go does.
      }
    }
    if (found > 0) sources.push(env.SSL_CERT_DIR ? `SSL_CERT_DIR=${dir}` : dir);
  }
  return storeFrom(pems, sources.length > 0 ? sources.join(', ') : 'no system roots found');
}

function issuedBy(child: X509Certificate, parent: X509Certificate): boolean {
  try {
    return child.issuer === parent.subject && child.checkIssued(parent) && child.verify(parent.publicKey);
  } catch {
    return false;
  }
}

function validNow(cert: X509Certificate, now: number): 'ok' | 'expired' | 'not-yet-valid' {
  if (Date.parse(cert.validTo) < now) return 'expired';
  if (Date.parse(cert.validFrom) > now) return 'not-yet-valid';
  return 'ok';
}

/**
 * Verifies a chain (leaf first, then whatever the server sent) against `store`, the way x509.Verify
 * does in outline: find a path from the leaf to a root of the store through the sent certificates,
 * every certificate on it valid now, and the leaf valid for `host`.
 */
function verifyChain(
  chain: readonly X509Certificate[],
  host: string,
  store: RootStore,
  now = Date.now(),
): { ok: true } | { ok: false; error: string } {
  const leaf = chain[0];
  if (!leaf) return { ok: false, error: 'no certificate' };
  const pool = chain.slice(1);
  let current = leaf;
  const path: X509Certificate[] = [leaf];
  let anchored = false;
  for (let depth = 0; depth < 10; depth++) {
    if (store.fingerprints.has(current.fingerprint256)) {
      anchored = true;
      break;
    }
    const root = (store.bySubject.get(current.issuer) ?? []).find((r) => issuedBy(current, r));
    if (root) {
      path.push(root);
      anchored = true;
      break;
    }
    const next = pool.find((c) => c !== current && !path.includes(c) && issuedBy(current, c));
    if (!next) break;
    path.push(next);
    current = next;
  }
  if (!anchored) return { ok: false, error: 'x509: certificate signed by unknown authority' };
  for (const cert of path) {
    const validity = validNow(cert, now);
    if (validity !== 'ok') {
      return {
        ok: false,
        error: `x509: certificate has expired or is not yet valid: current time ${new Date(now).toISOString()} is ${validity === 'expired' ? `after ${new Date(cert.validTo).toISOString()}` : `before ${new Date(cert.validFrom).toISOString()}`}`,
      };
    }
  }
  const nameOk = isIP(host) ? leaf.checkIP(host) !== undefined : leaf.checkHost(host) !== undefined;
  if (!nameOk) {
    return {
      ok: false,
      error: `x509: certificate is valid for ${namesOf(leaf).join(', ') || leaf.subject}, not ${host}`,
    };
  }
  return { ok: true };
}

function namesOf(cert: X509Certificate): string[] {
  return (cert.subjectAltName ?? '')
    .split(/,\s*/)
    .map((s) => s.replace(/^(DNS|IP Address):/, ''))
    .filter(Boolean);
}

/** `CN=x\nO=y` → `x (y)`, the way people name a CA. */
function readableName(dn: string): string {
  const fields = new Map<string, string>();
  for (const line of dn.split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) fields.set(line.slice(0, eq), line.slice(eq + 1));
  }
  const cn = fields.get('CN');
  const org = fields.get('O');
  if (cn && org && !cn.includes(org)) return `${cn} (${org})`;
  return cn ?? org ?? dn.replace(/\n/g, ', ');
}

function summary(cert: X509Certificate): CertificateSummary {
  return {
    subject: readableName(cert.subject),
    issuer: readableName(cert.issuer),
    validFrom: new Date(cert.validFrom).toISOString(),
    validTo: new Date(cert.validTo).toISOString(),
    fingerprint256: cert.fingerprint256,
  };
}

/** The certificates the server presented, leaf first (Node may append the root it found). */
function peerChain(socket: TLSSocket): X509Certificate[] {
  const out: X509Certificate[] = [];
  const seen = new Set<string>();
  let cert: DetailedPeerCertificate | undefined = socket.getPeerCertificate(true);
  while (cert?.raw && !seen.has(cert.fingerprint256)) {
    seen.add(cert.fingerprint256);
    try {
      out.push(new X509Certificate(cert.raw));
    } catch {
      break;
    }
    cert = cert.issuerCertificate;
  }
  return out;
}

export type HandshakeResult =
  | { ok: true; socket: TLSSocket; durationMs: number }
  | { ok: false; status: ProbeStatus; durationMs: number; error: string };

export interface HandshakeOptions {
  timeoutMs: number;
  signal: AbortSignal;
  track?: (socket: Socket) => void;
  /** Offer only these signature algorithms (OpenSSL list syntax). */
  sigalgs?: string;
  /** OpenSSL cipher list; `DEFAULT@SECLEVEL=0` also offers what OpenSSL 3 leaves out (SHA-1 signatures). */
  ciphers?: string;
}

/** OpenSSL's defaults at security level 0: what older go releases still offer (SHA-1 signatures in TLS 1.2). */
export const PERMISSIVE_CIPHERS = 'DEFAULT@SECLEVEL=0';

/** What Go 1.25+ offers in TLS 1.2: every signature algorithm but the SHA-1 ones. */
export const SIGALGS_WITHOUT_SHA1 =
  'ECDSA+SHA256:ECDSA+SHA384:ECDSA+SHA512:ed25519:rsa_pss_rsae_sha256:rsa_pss_rsae_sha384:rsa_pss_rsae_sha512:RSA+SHA256:RSA+SHA384:RSA+SHA512';

/** A TLS client handshake on an open socket (verification is judged afterwards, not here). */
export function tlsHandshake(
  socket: Socket,
  host: string,
  options: HandshakeOptions,
): Promise<HandshakeResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    if (options.signal.aborted || options.timeoutMs <= 0) {
      socket.destroy();
      resolve({ ok: false, status: 'budget', durationMs: 0, error: 'out of time' });
      return;
    }
    const tlsSocket = tlsConnect({
      socket,
      ...(isIP(host) ? {} : { servername: host }),
      rejectUnauthorized: false,
      ALPNProtocols: ['http/1.1'],
      minVersion: 'TLSv1.2',
      ...(options.sigalgs ? { sigalgs: options.sigalgs } : {}),
      ...(options.ciphers ? { ciphers: options.ciphers } : {}),
    });
    options.track?.(tlsSocket);
    let settled = false;
    const finish = (result: HandshakeResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal.removeEventListener('abort', onAbort);
      if (!result.ok) {
        tlsSocket.destroy();
        socket.destroy();
      }
      resolve(result);
    };
    const onAbort = (): void =>
      finish({ ok: false, status: 'budget', durationMs: performance.now() - started, error: 'out of time' });
    const timer = setTimeout(
      () =>
        finish({
          ok: false,
          status: 'timeout',
          durationMs: performance.now() - started,
          error: 'TLS handshake timeout',
        }),
      options.timeoutMs,
    );
    timer.unref();
    options.signal.addEventListener('abort', onAbort, { once: true });
    tlsSocket.once('secureConnect', () =>
      finish({ ok: true, socket: tlsSocket, durationMs: performance.now() - started }),
    );
    tlsSocket.on('error', (error: NodeJS.ErrnoException) => {
      const status = error.code === 'ECONNRESET' ? 'reset' : statusOfSocketError(error.code);
      finish({ ok: false, status, durationMs: performance.now() - started, error: error.message });
    });
    tlsSocket.once('close', () =>
      finish({
        ok: false,
        status: 'closed',
        durationMs: performance.now() - started,
        error: 'connection closed during the TLS handshake',
      }),
    );
  });
}

/** What the handshake showed: chain, trust by both stores, expiry, name. */
export function inspectTls(socket: TLSSocket, host: string, address: string, goRoots: RootStore): TlsDetail {
  const chain = peerChain(socket);
  const leaf = chain[0];
  const now = Date.now();
  const nodeChain = socket.authorized ? undefined : String(socket.authorizationError ?? 'not authorized');
  const peer = socket.getPeerCertificate();
  const nameError = peer && Object.keys(peer).length > 0 ? checkServerIdentity(host, peer) : undefined;
  const nodeError = nodeChain ?? nameError?.message;
  const goVerdict = verifyChain(chain, host, goRoots, now);
  const top = chain.at(-1);
  const detail: TlsDetail = {
    host,
    address,
    chain: chain.map(summary),
    expired: chain.some((c) => validNow(c, now) === 'expired'),
    notYetValid: chain.some((c) => validNow(c, now) === 'not-yet-valid'),
    nameMismatch: leaf
      ? isIP(host)
        ? leaf.checkIP(host) === undefined
        : leaf.checkHost(host) === undefined
      : false,
    selfSigned: leaf !== undefined && chain.length === 1 && leaf.subject === leaf.issuer,
    trustedByNode: nodeError === undefined,
    trustedByGo: goVerdict.ok,
    goRootsSource: goRoots.source,
  };
  const protocol = socket.getProtocol();
  if (protocol) detail.protocol = protocol;
  const cipher = socket.getCipher()?.standardName;
  if (cipher) detail.cipher = cipher;
  if (top) detail.issuer = readableName(top.issuer);
  if (nodeError !== undefined) detail.nodeError = nodeError;
  if (!goVerdict.ok) detail.goError = goVerdict.error;
  return detail;
}
