// An HTTP CONNECT proxy on loopback (the value of HTTPS_PROXY) that terminates TLS itself, with
// certificates of the lab CA made for whatever host name the client asked for, and hands each
// decrypted request to a lab server chosen by host name. So proxy.golang.org, sum.golang.org,
// github.com or corp.example.com never reach a resolver or the internet, and the go command and
// git still see real HTTPS to real-looking names. Faults act on the CONNECT exchange or on TLS.
import { Buffer } from 'node:buffer';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer, request as httpRequest } from 'node:http';
import type { Socket } from 'node:net';
import { createSecureContext, TLSSocket } from 'node:tls';
import type { Matcher } from './faults.ts';
import { globToRegExp, PendingResponses } from './faults.ts';
import { listenOnLoopback } from './listen.ts';
import { closeServers } from './proxy-server.ts';
import type { CertificateKind, LabCa } from './tls.ts';

/** Answers one decrypted request: a lab server's base URL (`http://127.0.0.1:PORT`) or a handler. */
export type HttpsRoute = string | ((req: IncomingMessage, res: ServerResponse) => void);

export type ConnectAction =
  /** Refuse the CONNECT with this status (403: an egress filter; 407: a proxy wanting credentials). */
  | { type: 'refuse'; status: number; headers?: Record<string, string> }
  /** Read the CONNECT request and never answer it. */
  | { type: 'stall' }
  /** Close the connection without answering the CONNECT. */
  | { type: 'close' }
  /** Accept the CONNECT (200) but never send the TLS server hello. */
  | { type: 'tls-stall' }
  /**
   * Terminate TLS with a bad certificate: `expired`, `self-signed` (not from the lab CA), or
   * `wrong-name` (a valid lab certificate for `otherName`, default `wrong.lab.invalid`).
   */
  | {
      type: 'certificate';
      certificate: Exclude<CertificateKind, 'valid'> | 'wrong-name';
      otherName?: string;
    };

export interface ConnectFault {
  name?: string;
  /** Glob (`*` within one label run without `/`) or predicate on the requested host name (no port). */
  host: Matcher;
  action: ConnectAction;
}

export interface ConnectLogEntry {
  /** `host:port` as asked for in the CONNECT line. */
  authority: string;
  host: string;
  time: number;
  fault?: string;
  /** Status sent for the CONNECT; undefined when none was sent (stall, close). */
  status?: number;
  /** TLS failure as seen by the server (e.g. the client rejecting the certificate). */
  tlsError?: string;
  /** Decrypted requests on this tunnel: `METHOD /path?query`. */
  requests: string[];
}

export interface ConnectProxyOptions {
  ca: LabCa;
  /** Host name → where its requests go. A host without a route gets 502 Bad Gateway. */
  routes?: Record<string, HttpsRoute>;
  faults?: readonly ConnectFault[];
}

export interface ConnectProxy {
  /** `http://127.0.0.1:PORT`: the value for HTTPS_PROXY. */
  readonly url: string;
  readonly port: number;
  readonly log: readonly ConnectLogEntry[];
  clearLog(): void;
  setRoute(host: string, route: HttpsRoute): void;
  addFault(fault: ConnectFault): void;
  clearFaults(): void;
  close(): Promise<void>;
}

export async function startConnectProxy(options: ConnectProxyOptions): Promise<ConnectProxy> {
  const routes = new Map(Object.entries(options.routes ?? {}));
  let faults: ConnectFault[] = [...(options.faults ?? [])];
  const pending = new PendingResponses();
  const log: ConnectLogEntry[] = [];
  const started = performance.now();

  // Decrypted requests of every tunnel land here; the tunnel's host name travels on the socket.
  const inner = createServer((req, res) => {
    const socket = req.socket as TLSSocket & { labEntry?: ConnectLogEntry };
    const entry = socket.labEntry;
    entry?.requests.push(`${req.method ?? 'GET'} ${req.url ?? '/'}`);
    const host = entry?.host ?? (req.headers.host ?? '').replace(/:\d+$/, '');
    const route = routes.get(host);
    if (route === undefined) {
      res.writeHead(502, { 'Content-Type': 'text/plain' });
      res.end(`no lab route for ${host}\n`);
      return;
    }
    if (typeof route === 'string') forwardRequest(route, req, res, pending);
    else route(req, res);
  });
  inner.requestTimeout = 0;
  inner.headersTimeout = 0;

  const outer = createServer((_req, res) => {
    // Plain HTTP through the proxy (HTTP_PROXY) is not part of the lab.
    res.writeHead(405, { 'Content-Type': 'text/plain' });
    res.end('the lab proxy only tunnels (CONNECT)\n');
  });
  outer.requestTimeout = 0;
  outer.headersTimeout = 0;
  outer.on('connect', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    const authority = req.url ?? '';
    const host = authority.replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1');
    const entry: ConnectLogEntry = { authority, host, time: performance.now() - started, requests: [] };
    log.push(entry);
    socket.on('error', () => {});
    const fault = faults.find((f) => matchHost(f.host, host));
    if (fault) entry.fault = fault.name ?? fault.action.type;
    const action = fault?.action;
    if (action?.type === 'refuse') {
      entry.status = action.status;
      const headers = Object.entries(action.headers ?? {})
        .map(([name, value]) => `${name}: ${value}\r\n`)
        .join('');
      socket.end(
        `HTTP/1.1 ${action.status} ${reasonPhrase(action.status)}\r\n${headers}Content-Length: 0\r\n\r\n`,
      );
      return;
    }
    if (action?.type === 'stall') {
      pending.hold(socket);
      return;
    }
    if (action?.type === 'close') {
      socket.destroy();
      return;
    }
    entry.status = 200;
    socket.write('HTTP/1.1 200 Connection established\r\n\r\n');
    if (head.length > 0) socket.unshift(head);
    if (action?.type === 'tls-stall') {
      // The client's hello arrives and is never answered.
      pending.hold(socket);
      socket.resume();
      return;
    }
    pending.hold(socket);
    socket.pause();
    certificateFor(options.ca, host, action).then(
      ({ cert, key }) => {
        if (socket.destroyed) return;
        const tlsSocket = new TLSSocket(socket, {
          isServer: true,
          secureContext: createSecureContext({ cert, key }),
          ALPNProtocols: ['http/1.1'],
        }) as TLSSocket & { labEntry?: ConnectLogEntry };
        tlsSocket.labEntry = entry;
        tlsSocket.on('error', (error: Error) => {
          entry.tlsError ??= error.message;
          socket.destroy();
        });
        inner.emit('connection', tlsSocket);
        socket.resume();
      },
      (error: unknown) => {
        entry.tlsError = `no certificate: ${String(error)}`;
        socket.destroy();
      },
    );
  });

  const port = await listenOnLoopback(outer);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    log,
    clearLog: () => {
      log.length = 0;
    },
    setRoute: (host, route) => {
      routes.set(host, route);
    },
    addFault: (fault) => {
      faults.push(fault);
    },
    clearFaults: () => {
      faults = [];
    },
    close: () => closeServers([outer, inner] as Server[], pending),
  };
}

function matchHost(matcher: Matcher, host: string): boolean {
  if (typeof matcher === 'function') return matcher(host);
  if (matcher instanceof RegExp) return matcher.test(host);
  return globToRegExp(matcher).test(host);
}

function certificateFor(ca: LabCa, host: string, action: ConnectAction | undefined) {
  if (action?.type !== 'certificate') return ca.certificate([host]);
  if (action.certificate === 'wrong-name') return ca.certificate([action.otherName ?? 'wrong.lab.invalid']);
  return ca.certificate([host], action.certificate);
}

function reasonPhrase(status: number): string {
  switch (status) {
    case 403:
      return 'Forbidden';
    case 407:
      return 'Proxy Authentication Required';
    case 502:
      return 'Bad Gateway';
    case 503:
      return 'Service Unavailable';
    default:
      return 'Error';
  }
}

/** Sends `req` to the same path on `base` (a loopback HTTP server) and relays the answer. */
function forwardRequest(
  base: string,
  req: IncomingMessage,
  res: ServerResponse,
  pending?: PendingResponses,
): void {
  // The base may carry a path prefix (a directory of the git server, say): append, do not resolve.
  const target = new URL(`${base.replace(/\/$/, '')}${req.url ?? '/'}`);
  const headers = { ...req.headers };
  delete headers.connection;
  const upstream = httpRequest(target, { method: req.method ?? 'GET', headers, agent: false }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.statusMessage, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', (error) => {
    if (res.headersSent) {
      // A reset upstream is a reset downstream.
      req.socket.destroy();
      return;
    }
    res.writeHead(502, { 'Content-Type': 'text/plain' });
    res.end(`lab upstream ${base} failed: ${error.message}\n`);
  });
  // A stalled upstream must end when the proxy closes.
  if (pending) upstream.on('socket', (socket: Socket) => pending.hold(socket));
  req.pipe(upstream);
}

/**
 * A route answering `?go-get=1` with a go-import meta tag for the longest matching prefix (as a
 * vanity or self-hosted git server does) and sending every other request to `fallback`.
 */
export function goGetRoute(
  imports: ReadonlyArray<{ prefix: string; vcs?: string; repoRoot: string }>,
  fallback?: string,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'https://lab.invalid');
    if (url.searchParams.get('go-get') === '1') {
      const host = (req.headers.host ?? '').replace(/:\d+$/, '');
      const importPath = `${host}${url.pathname}`.replace(/\/$/, '');
      const found = [...imports]
        .sort((a, b) => b.prefix.length - a.prefix.length)
        .find((i) => importPath === i.prefix || importPath.startsWith(`${i.prefix}/`));
      if (!found) {
        res.writeHead(404, { 'Content-Type': 'text/plain' });
        res.end('404 page not found\n');
        return;
      }
      const body = `<!DOCTYPE html>\n<html><head><meta name="go-import" content="${found.prefix} ${found.vcs ?? 'git'} ${found.repoRoot}"></head><body>go get ${found.prefix}</body></html>\n`;
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Length': Buffer.byteLength(body),
      });
      res.end(body);
      return;
    }
    if (fallback === undefined) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('404 page not found\n');
      return;
    }
    forwardRequest(fallback, req, res);
  };
}

/** What a server answers to `?go-get=1` for the paths under `prefix`. */
export interface GoGetPage {
  prefix: string;
  /** HTTP status (default 200). */
  status?: number;
  /** The page itself (HTML). */
  body: string;
}

/**
 * A route for a host whose `?go-get=1` discovery goes wrong the way it does in the field: each
 * import path gets the page of its longest matching prefix (a 404, a login page without a
 * go-import tag, two tags for one path, a tag for another prefix); anything else is a 404.
 */
export function goGetPageRoute(
  pages: readonly GoGetPage[],
): (req: IncomingMessage, res: ServerResponse) => void {
  const byLength = [...pages].sort((a, b) => b.prefix.length - a.prefix.length);
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'https://lab.invalid');
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const importPath = `${host}${url.pathname}`.replace(/\/$/, '');
    const page =
      url.searchParams.get('go-get') === '1'
        ? byLength.find((p) => importPath === p.prefix || importPath.startsWith(`${p.prefix}/`))
        : undefined;
    const status = page?.status ?? (page ? 200 : 404);
    const body = page?.body ?? '404 page not found\n';
    res.writeHead(status, {
      'Content-Type': page ? 'text/html; charset=utf-8' : 'text/plain',
      'Content-Length': Buffer.byteLength(body),
    });
    res.end(body);
  };
}

/** An HTML page with one go-import meta tag per entry (`prefix vcs repoRoot`). */
export function goImportPage(
  imports: ReadonlyArray<{ prefix: string; vcs?: string; repoRoot: string }>,
): string {
  const tags = imports
    .map((i) => `<meta name="go-import" content="${i.prefix} ${i.vcs ?? 'git'} ${i.repoRoot}">`)
    .join('\n');
  return `<!DOCTYPE html>\n<html><head>\n${tags}\n</head><body>go get</body></html>\n`;
}

/** A sign-in page as an SSO gateway or a private forge shows to anonymous clients: no go-import tag. */
export const LOGIN_PAGE =
  '<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body><form method="post" action="/users/sign_in"><input name="user[login]"><input type="password" name="user[password]"></form></body></html>\n';
