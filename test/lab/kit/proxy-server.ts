// A GOPROXY on loopback serving a module universe, with a request log and injectable faults.
// Protocol: `$base/$module/@v/list`, `@v/$version.info|.mod|.zip`, `$module/@latest`, module paths
// and versions case-encoded with `!` (and percent-encoded on the wire: the go command sends `%21`).
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import { unescapePath, unescapeVersion } from '../../../src/module/escape.ts';
import type { Answer, EndpointKind, Fault, FaultHandle, RequestFacts } from './faults.ts';
import { applyFault, FaultSet, notFoundBody, PendingResponses } from './faults.ts';
import { listenOnLoopback } from './listen.ts';
import type { ModuleUniverse } from './universe.ts';

export interface ProxyRequest {
  method: string;
  /** The path as sent (percent-encoded). */
  rawPath: string;
  /** Percent-decoded; `!` case encoding kept. */
  path: string;
  endpoint: EndpointKind;
  module?: string;
  version?: string;
  /** Milliseconds since the server started. */
  time: number;
  /** Status sent; undefined while pending or when the fault sent none (stall, close). */
  status?: number;
  fault?: string;
  /** Which listener got it. */
  host: string;
}

export interface ProxyServerOptions {
  universe: ModuleUniverse;
  /** Also listen on ::1 (on its own port). */
  ipv6?: boolean;
  faults?: readonly Fault[];
}

export interface ProxyServer {
  /** `http://127.0.0.1:PORT` — a GOPROXY value. */
  readonly url: string;
  readonly port: number;
  /** `http://[::1]:PORT` when ipv6 was asked for. */
  readonly urlV6?: string;
  /** Every request so far, oldest first. */
  readonly log: readonly ProxyRequest[];
  clearLog(): void;
  addFault(fault: Fault): FaultHandle;
  clearFaults(): void;
  /** Closes the listeners and ends every open connection, stalled ones included. */
  close(): Promise<void>;
}

export async function startProxyServer(options: ProxyServerOptions): Promise<ProxyServer> {
  const faults = new FaultSet();
  for (const fault of options.faults ?? []) faults.add(fault);
  const pending = new PendingResponses();
  const log: ProxyRequest[] = [];
  const started = performance.now();

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const rawPath = (req.url ?? '/').split('?')[0] ?? '/';
    let path: string;
    try {
      path = decodeURIComponent(rawPath);
    } catch {
      path = rawPath;
    }
    const facts = parseProxyPath(path);
    const entry: ProxyRequest = {
      method: req.method ?? 'GET',
      rawPath,
      path,
      endpoint: facts.endpoint,
      ...(facts.module !== undefined ? { module: facts.module } : {}),
      ...(facts.version !== undefined ? { version: facts.version } : {}),
      time: performance.now() - started,
      host: req.socket.localAddress ?? '',
    };
    log.push(entry);
    const fault = faults.pick(facts);
    if (fault) entry.fault = fault.name ?? fault.action.type;
    // A request body is never expected, but reading it keeps the connection usable.
    req.resume();
    applyFault(fault?.action, answer(options.universe, facts), facts, req, res, pending, (status) => {
      if (status !== undefined) entry.status = status;
    });
  };

  const servers: Server[] = [];
  const listen = async (host: '127.0.0.1' | '::1'): Promise<number> => {
    const server = createServer(handler);
    // A stall must last as long as the client waits, not until Node's own request timeout.
    server.requestTimeout = 0;
    server.headersTimeout = 0;
    server.keepAliveTimeout = 5_000;
    servers.push(server);
    return listenOnLoopback(server, host);
  };

  const port = await listen('127.0.0.1');
  const portV6 = options.ipv6 ? await listen('::1') : undefined;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    ...(portV6 !== undefined ? { urlV6: `http://[::1]:${portV6}` } : {}),
    log,
    clearLog: () => {
      log.length = 0;
    },
    addFault: (fault) => faults.add(fault),
    clearFaults: () => faults.clear(),
    close: () => closeServers(servers, pending),
  };
}

export async function closeServers(servers: readonly Server[], pending: PendingResponses): Promise<void> {
  pending.endAll();
  await Promise.all(
    servers.map(
      (server) =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    ),
  );
}

/** Splits a decoded proxy path into module, version and endpoint (unescaping `!x` to `X`). */
export function parseProxyPath(path: string): RequestFacts {
  const trimmed = path.replace(/^\/+/, '');
  if (trimmed.startsWith('sumdb/')) return { path, endpoint: 'sumdb' };
  const latest = /^(.+)\/@latest$/.exec(trimmed);
  if (latest) return withModule(path, 'latest', latest[1]!);
  const list = /^(.+)\/@v\/list$/.exec(trimmed);
  if (list) return withModule(path, 'list', list[1]!);
  const file = /^(.+)\/@v\/(.+)\.(info|mod|zip)$/.exec(trimmed);
  if (file) {
    const facts = withModule(path, file[3] as EndpointKind, file[1]!);
    const version = unescapeVersion(file[2]!);
    return version.ok && facts.module !== undefined
      ? { ...facts, version: version.value }
      : { path, endpoint: 'other' };
  }
  return { path, endpoint: 'other' };
}

function withModule(path: string, endpoint: EndpointKind, escaped: string): RequestFacts {
  const module = unescapePath(escaped);
  return module.ok ? { path, endpoint, module: module.value } : { path, endpoint: 'other' };
}

function answer(universe: ModuleUniverse, facts: RequestFacts): Answer {
  const text = (status: number, body: string): Answer => ({
    status,
    body: Buffer.from(body),
    contentType: 'text/plain; charset=UTF-8',
  });
  const json = (value: unknown): Answer => ({
    status: 200,
    body: Buffer.from(JSON.stringify(value)),
    contentType: 'application/json',
  });
  const { module, version } = facts;
  if (module === undefined || !universe.has(module)) return text(404, notFoundBody(facts));
  switch (facts.endpoint) {
    case 'list':
      return text(200, universe.list(module));
    case 'latest': {
      const info = universe.latest(module);
      return info ? json(info) : text(404, notFoundBody(facts));
    }
    case 'info':
    case 'mod':
    case 'zip': {
      if (version === undefined || !universe.has(module, version)) return text(404, notFoundBody(facts));
      if (facts.endpoint === 'info') return json(universe.info(module, version));
      if (facts.endpoint === 'mod') return { ...text(200, ''), body: universe.mod(module, version) };
      return { status: 200, body: universe.zip(module, version), contentType: 'application/zip' };
    }
    default:
      return text(404, notFoundBody(facts));
  }
}
