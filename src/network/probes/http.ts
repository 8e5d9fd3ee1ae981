// HTTP: one harmless GET on an already open connection (plain, TLS, or a CONNECT tunnel), timed
// to the response headers and to the end of the body. A server that accepts and never answers is
// the proxy stall the go command waits on forever (it has no response timeout of its own).
import type { IncomingMessage } from 'node:http';
import { request as httpRequest } from 'node:http';
import type { Socket } from 'node:net';
import type { HttpDetail, ProbeStatus } from '../types.ts';

export interface HttpOnSocketOptions {
  /** The URL asked for (its host goes into the Host header). */
  url: string;
  /** Send the absolute URL as request target (a plain-HTTP request through an HTTP proxy). */
  absoluteForm?: boolean;
  /** Time allowed until the response headers. */
  headersTimeoutMs: number;
  /** Time allowed, from the headers, for the body. */
  bodyTimeoutMs: number;
  /** Stop reading after this many bytes (a go-get page needs only its head). */
  maxBodyBytes?: number;
  signal: AbortSignal;
  extraHeaders?: Record<string, string>;
}

export interface HttpProbeOutcome {
  status: ProbeStatus;
  durationMs: number;
  detail: HttpDetail;
  body?: string;
  error?: string;
}

export interface GoImportTag {
  prefix: string;
  vcs: string;
  repoRoot: string;
  /** Go 1.25+: the module lives in this subdirectory of the repository (a fourth field). */
  subdir?: string;
}

/**
 * `<meta name="go-import" content="prefix vcs repo [subdir]">` tags of a `?go-get=1` page. Go 1.25
 * added the optional fourth field (cmd/go/internal/vcs parseMetaGoImports takes 3 or 4 fields;
 * older releases ignore a tag with 4).
 */
export function parseGoImports(html: string): GoImportTag[] {
  const found: GoImportTag[] = [];
  for (const tag of html.match(/<meta\b[^>]*>/gi) ?? []) {
    if (!/\bname\s*=\s*["']?go-import["'\s>/]/i.test(tag)) continue;
    const content = /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(tag);
    const fields = (content?.[1] ?? content?.[2] ?? '').trim().split(/\s+/);
    if (fields.length !== 3 && fields.length !== 4) continue;
    const entry: GoImportTag = { prefix: fields[0]!, vcs: fields[1]!, repoRoot: fields[2]! };
    if (fields[3] !== undefined) entry.subdir = fields[3];
    found.push(entry);
  }
  return found;
}

/** Sends one GET over `socket` (already connected, and already TLS for https). */
export function httpOnSocket(socket: Socket, options: HttpOnSocketOptions): Promise<HttpProbeOutcome> {
  const started = performance.now();
  const url = new URL(options.url);
  const detail: HttpDetail = { url: options.url, method: 'GET' };
  const maxBody = options.maxBodyBytes ?? 256 * 1024;
  return new Promise((resolve) => {
    let settled = false;
    let response: IncomingMessage | undefined;
    let bodyTimer: NodeJS.Timeout | undefined;
    const chunks: Buffer[] = [];
    let bytes = 0;
    const finish = (status: ProbeStatus, error?: string): void => {
      if (settled) return;
      settled = true;
      clearTimeout(headersTimer);
      clearTimeout(bodyTimer);
      options.signal.removeEventListener('abort', onAbort);
      req.destroy();
      socket.destroy();
      const body = Buffer.concat(chunks).toString('utf8');
      detail.bodyBytes = bytes;
      resolve({
        status,
        durationMs: performance.now() - started,
        detail,
        ...(response ? { body } : {}),
        ...(error !== undefined ? { error } : {}),
      });
    };
    const onAbort = (): void => finish('budget', 'out of time');
    const headersTimer = setTimeout(
      () => finish('timeout', `no response within ${Math.round(options.headersTimeoutMs)} ms`),
      Math.max(0, options.headersTimeoutMs),
    );
    headersTimer.unref();
    const req = httpRequest({
      createConnection: () => socket,
      method: 'GET',
      path: options.absoluteForm ? options.url : `${url.pathname}${url.search}`,
      headers: {
        Host: url.host,
        'User-Agent': 'Go-http-client/1.1',
        Connection: 'close',
        ...options.extraHeaders,
      },
    });
    if (options.signal.aborted) return onAbort();
    options.signal.addEventListener('abort', onAbort, { once: true });
    req.on('error', (error: NodeJS.ErrnoException) => {
      // "socket hang up": the server closed without a response (Go: `Get "URL": EOF`).
      if (/socket hang up/i.test(error.message)) finish('closed', 'EOF');
      else if (error.code === 'ECONNRESET') finish('reset', 'connection reset by peer');
      else finish('error', error.message);
    });
    req.on('response', (res) => {
      response = res;
      clearTimeout(headersTimer);
      detail.status = res.statusCode ?? 0;
      detail.statusText = res.statusMessage ?? '';
      detail.ttfbMs = performance.now() - started;
      const contentType = res.headers['content-type'];
      if (contentType) detail.contentType = contentType;
      const statusOfAnswer = (): ProbeStatus => {
        const code = detail.status ?? 0;
        if (code >= 200 && code < 300) return 'ok';
        if (code === 404 || code === 410) return 'not-found';
        if (code === 401 || code === 403 || code === 407) return 'forbidden';
        return 'http-error';
      };
      bodyTimer = setTimeout(
        () => {
          detail.bodyComplete = false;
          finish(statusOfAnswer() === 'ok' ? 'timeout' : statusOfAnswer(), 'body incomplete');
        },
        Math.max(0, options.bodyTimeoutMs),
      );
      bodyTimer.unref();
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (chunks.reduce((n, c) => n + c.length, 0) < maxBody) chunks.push(chunk);
        if (bytes >= maxBody) {
          detail.bodyComplete = false;
          finish(statusOfAnswer());
        }
      });
      res.on('end', () => {
        detail.bodyComplete = true;
        finish(statusOfAnswer());
      });
      res.on('error', (error: NodeJS.ErrnoException) => {
        detail.bodyComplete = false;
        finish(
          error.code === 'ECONNRESET' || /aborted/.test(error.message) ? 'reset' : 'error',
          error.message,
        );
      });
      res.on('aborted', () => {
        detail.bodyComplete = false;
        finish('reset', 'connection reset by peer');
      });
    });
    req.end();
  });
}

/** A short, printable form of a text/plain answer (the go command shows these as "server response"). */
export function serverResponseText(
  body: string | undefined,
  contentType: string | undefined,
): string | undefined {
  if (!body || !contentType?.startsWith('text/plain')) return undefined;
  const text = body.trim().split('\n').slice(0, 4).join('\n');
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
}
