// Faults the lab's HTTP servers can inject, and the rules that pick them. Each fault stands for a
// real-world failure (see README.md); they act on the HTTP exchange itself, so the go command sees
// exactly what it would see from a broken proxy, firewall or server.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** What a request to a GOPROXY asks for. `sumdb` = `/sumdb/...` (proxied checksum database). */
export type EndpointKind = 'list' | 'info' | 'mod' | 'zip' | 'latest' | 'sumdb' | 'git' | 'other';

export type Matcher = string | RegExp | ((value: string) => boolean);

export interface FaultMatch {
  /** Glob (`*` within one path element, `**` across elements) or predicate on the module path. */
  module?: Matcher;
  /** Glob or predicate on the decoded request path (e.g. `/example.com/a/@v/*.zip`). */
  path?: Matcher;
  endpoint?: EndpointKind | readonly EndpointKind[];
  version?: Matcher;
  /** Apply to the first N matching requests only (e.g. fail once, then recover). */
  times?: number;
}

export type FaultAction =
  /** Answer with this status; 404/410 with a text/plain `not found: ...` body unless `body` is given. */
  | { type: 'status'; status: number; body?: string; contentType?: string; headers?: Record<string, string> }
  /** Read the request and never answer (a firewall or proxy that accepts and blackholes). */
  | { type: 'stall' }
  /** Wait, then answer normally. */
  | { type: 'delay'; ms: number }
  /** Answer normally but send the body a few bytes at a time. */
  | { type: 'dribble'; chunkBytes?: number; intervalMs: number }
  /** Send the headers and part of the body, then reset the TCP connection (RST). */
  | { type: 'reset'; afterBytes?: number }
  /** Close the connection without any response. */
  | { type: 'close' }
  /** A complete 200 response whose body is cut short (Content-Length agrees with the short body). */
  | { type: 'truncate'; bytes?: number }
  /**
   * 200 with a damaged body: `directory` breaks the zip's end record (`zip: not a valid zip file`),
   * `data` flips bytes inside the first file's compressed data.
   */
  | { type: 'corrupt'; where?: 'directory' | 'data' }
  /** 200 with other content (e.g. a different zip of the same version: a checksum mismatch). */
  | { type: 'body'; body: string | Uint8Array; contentType?: string };

export interface Fault {
  name?: string;
  match: FaultMatch;
  action: FaultAction;
}

export interface RequestFacts {
  path: string;
  endpoint: EndpointKind;
  module?: string;
  version?: string;
}

export interface FaultHandle {
  readonly fault: Fault;
  /** Requests this fault has been applied to. */
  readonly hits: number;
  remove(): void;
}

export class FaultSet {
  private entries: Array<{ fault: Fault; hits: number; removed: boolean }> = [];

  add(fault: Fault): FaultHandle {
    const entry = { fault, hits: 0, removed: false };
    this.entries.push(entry);
    return {
      fault,
      get hits() {
        return entry.hits;
      },
      remove: () => {
        entry.removed = true;
        this.entries = this.entries.filter((e) => e !== entry);
      },
    };
  }

  clear(): void {
    this.entries = [];
  }

  /** The first fault that matches (and counts the hit), in the order they were added. */
  pick(facts: RequestFacts): Fault | undefined {
    for (const entry of this.entries) {
      const { match } = entry.fault;
      if (match.times !== undefined && entry.hits >= match.times) continue;
      if (!matchesRequest(match, facts)) continue;
      entry.hits++;
      return entry.fault;
    }
    return undefined;
  }
}

export function matchesRequest(match: FaultMatch, facts: RequestFacts): boolean {
  if (match.endpoint !== undefined) {
    const kinds: readonly EndpointKind[] =
      typeof match.endpoint === 'string' ? [match.endpoint] : match.endpoint;
    if (!kinds.includes(facts.endpoint)) return false;
  }
  if (match.module !== undefined && (facts.module === undefined || !test(match.module, facts.module)))
    return false;
  if (match.version !== undefined && (facts.version === undefined || !test(match.version, facts.version)))
    return false;
  if (match.path !== undefined && !test(match.path, facts.path)) return false;
  return true;
}

function test(matcher: Matcher, value: string): boolean {
  if (typeof matcher === 'function') return matcher(value);
  if (matcher instanceof RegExp) return matcher.test(value);
  return globToRegExp(matcher).test(value);
}

/** `**` any run of characters, `*` any run without `/`, `?` one character other than `/`. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '*' && glob[i + 1] === '*') {
      source += '.*';
      i++;
    } else if (ch === '*') source += '[^/]*';
    else if (ch === '?') source += '[^/]';
    else source += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** The body a real proxy sends with 404/410: text/plain, so the go command prints `server response:`. */
export function notFoundBody(facts: RequestFacts): string {
  if (facts.module === undefined) return 'not found';
  if (facts.version === undefined) return `not found: module ${facts.module}: no matching versions`;
  return `not found: ${facts.module}@${facts.version}: invalid version: unknown revision ${facts.version}`;
}

/**
 * What proxy.golang.org answers for a module it cannot clone because the repository is private:
 * its own git failing to ask for a password (the text is the proxy's, not the user's machine's).
 */
export function privateRepoBody(modulePath: string): string {
  const host = modulePath.split('/')[0] ?? modulePath;
  return [
    `not found: module ${modulePath}: git ls-remote -q origin in /tmp/gopath/pkg/mod/cache/vcs/0000000000000000000000000000000000000000000000000000000000000000: exit status 128:`,
    `\tfatal: could not read Username for 'https://${host}': terminal prompts disabled`,
    'Confirm the import path was entered correctly.',
    'If this is a private repository, see https://golang.org/doc/faq#git_https for additional information.',
  ].join('\n');
}

/**
 * What sum.golang.org answers (404) for a module it cannot fetch because only the user's network
 * can see it: its own go-get discovery failing on its own resolver.
 */
export function sumdbPrivateBody(modulePath: string, version: string): string {
  const host = modulePath.split('/')[0] ?? modulePath;
  return [
    `not found: ${modulePath}@${version}: unrecognized import path "${modulePath}": https fetch: Get "https://${modulePath}?go-get=1": dial tcp: lookup ${host} on 8.8.8.8:53: no such host`,
  ].join('\n');
}

/** Open stalls and dribbles, so that closing a server can end them at once. */
export class PendingResponses {
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();

  hold(socket: Socket): void {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
  }

  timer(ms: number, fn: () => void): void {
    const handle = setTimeout(() => {
      this.timers.delete(handle);
      fn();
    }, ms);
    this.timers.add(handle);
  }

  endAll(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }
}

export interface Answer {
  status: number;
  body: Uint8Array;
  contentType: string;
  headers?: Record<string, string>;
}

/**
 * Sends `answer` through `action`. Calls `done(status)` once the exchange is over as far as the
 * server is concerned (status undefined when none was sent).
 */
export function applyFault(
  action: FaultAction | undefined,
  answer: Answer,
  facts: RequestFacts,
  req: IncomingMessage,
  res: ServerResponse,
  pending: PendingResponses,
  done: (status: number | undefined) => void,
): void {
  const socket = req.socket;
  const send = (a: Answer): void => {
    res.writeHead(a.status, {
      'Content-Type': a.contentType,
      'Content-Length': String(a.body.length),
      ...a.headers,
    });
    res.end(a.body);
    done(a.status);
  };
  if (!action) {
    send(answer);
    return;
  }
  switch (action.type) {
    case 'status': {
      const body =
        action.body ??
        (action.status === 404 || action.status === 410 ? notFoundBody(facts) : statusText(action));
      send({
        status: action.status,
        body: Buffer.from(body),
        contentType: action.contentType ?? 'text/plain; charset=UTF-8',
        ...(action.headers ? { headers: action.headers } : {}),
      });
      return;
    }
    case 'stall':
      pending.hold(socket);
      done(undefined);
      return;
    case 'delay':
      pending.hold(socket);
      pending.timer(action.ms, () => send(answer));
      return;
    case 'close':
      socket.destroy();
      done(undefined);
      return;
    case 'truncate': {
      const keep = action.bytes ?? Math.floor(answer.body.length / 2);
      send({ ...answer, body: answer.body.subarray(0, keep) });
      return;
    }
    case 'corrupt':
      send({ ...answer, body: corrupt(answer.body, action.where ?? 'directory') });
      return;
    case 'body':
      send({
        ...answer,
        status: 200,
        body: typeof action.body === 'string' ? Buffer.from(action.body) : action.body,
        contentType: action.contentType ?? answer.contentType,
      });
      return;
    case 'reset': {
      const keep = Math.min(action.afterBytes ?? Math.floor(answer.body.length / 2), answer.body.length);
      pending.hold(socket);
      res.writeHead(answer.status, {
        'Content-Type': answer.contentType,
        'Content-Length': String(answer.body.length),
      });
      res.write(answer.body.subarray(0, keep), () => {
        // Let the bytes leave before the RST, which would otherwise discard them.
        pending.timer(50, () => {
          socket.resetAndDestroy();
          done(answer.status);
        });
      });
      return;
    }
    case 'dribble': {
      const chunk = Math.max(1, action.chunkBytes ?? 64);
      pending.hold(socket);
      res.writeHead(answer.status, {
        'Content-Type': answer.contentType,
        'Content-Length': String(answer.body.length),
      });
      let offset = 0;
      const next = (): void => {
        if (socket.destroyed) {
          done(answer.status);
          return;
        }
        const piece = answer.body.subarray(offset, offset + chunk);
        offset += piece.length;
        if (offset >= answer.body.length) {
          res.end(piece);
          done(answer.status);
          return;
        }
        res.write(piece);
        pending.timer(action.intervalMs, next);
      };
      next();
      return;
    }
  }
}

function statusText(action: { status: number }): string {
  switch (action.status) {
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 500:
      return 'internal server error';
    case 502:
      return 'bad gateway';
    case 503:
      return 'service unavailable';
    default:
      return `status ${action.status}`;
  }
}

function corrupt(body: Uint8Array, where: 'directory' | 'data'): Uint8Array {
  const copy = new Uint8Array(body);
  if (where === 'directory') {
    // The end-of-central-directory record starts with PK\x05\x06; without it no reader finds the entries.
    for (let i = copy.length - 22; i >= 0; i--) {
      if (copy[i] === 0x50 && copy[i + 1] === 0x4b && copy[i + 2] === 0x05 && copy[i + 3] === 0x06) {
        copy[i + 2] = 0xff;
        copy[i + 3] = 0xff;
        break;
      }
    }
    return copy;
  }
  // First local header: 30 fixed bytes + name; its data follows.
  const nameLength = (copy[26] ?? 0) | ((copy[27] ?? 0) << 8);
  const start = 30 + nameLength;
  for (let i = start; i < Math.min(start + 8, copy.length); i++) copy[i] = (copy[i] ?? 0) ^ 0xff;
  return copy;
}
