// HTTP_PROXY / HTTPS_PROXY / NO_PROXY as the go command applies them (Go's ProxyFromEnvironment):
// upper case wins over lower case, https URLs use HTTPS_PROXY and http URLs HTTP_PROXY, NO_PROXY
// holds `*`, host suffixes, IPs and CIDRs (optionally with ports), and localhost and loopback
// addresses never go through a proxy. Node's fetch applies none of this, so it is done here.
import type { Socket } from 'node:net';
import { BlockList, isIP } from 'node:net';
import type { ProbeStatus } from '../types.ts';

export interface ProxyEnv {
  httpProxy: string;
  httpsProxy: string;
  noProxy: string;
  /** REQUEST_METHOD is set: a CGI environment, where HTTP_PROXY is refused. */
  cgi: boolean;
}

export interface ProxyTarget {
  /** The proxy as written (credentials included; never print it without redaction). */
  raw: string;
  scheme: string;
  host: string;
  port: number;
  /** `scheme://host:port`, without credentials: safe to show. */
  display: string;
  /** Basic credentials from the proxy URL, to send as Proxy-Authorization. */
  authorization?: string;
}

export type ProxyDecision =
  | { use: false; reason: 'unset' | 'no-proxy' | 'loopback' }
  | { use: true; proxy: ProxyTarget }
  | { use: false; reason: 'invalid'; error: string };

function firstSet(env: Record<string, string | undefined>, ...names: string[]): string {
  for (const name of names) {
    const value = env[name];
    if (value) return value;
  }
  return '';
}

export function proxyEnvFrom(env: Record<string, string | undefined>): ProxyEnv {
  return {
    httpProxy: firstSet(env, 'HTTP_PROXY', 'http_proxy'),
    httpsProxy: firstSet(env, 'HTTPS_PROXY', 'https_proxy'),
    noProxy: firstSet(env, 'NO_PROXY', 'no_proxy'),
    cgi: (env.REQUEST_METHOD ?? '') !== '',
  };
}

const DEFAULT_PORTS: Record<string, number> = { http: 80, https: 443, socks5: 1080, socks5h: 1080 };

/** Parses a proxy setting; like Go, a value without a scheme is read as `http://VALUE`. */
export function parseProxyValue(value: string): ProxyTarget | { error: string } {
  const candidate = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return { error: `invalid proxy address ${JSON.stringify(value)}` };
  }
  const scheme = url.protocol.replace(/:$/, '').toLowerCase();
  if (url.hostname === '') return { error: `invalid proxy address ${JSON.stringify(value)}` };
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = url.port ? Number(url.port) : (DEFAULT_PORTS[scheme] ?? 80);
  const target: ProxyTarget = {
    raw: value,
    scheme,
    host,
    port,
    display: `${scheme}://${isIP(host) === 6 ? `[${host}]` : host}:${port}`,
  };
  if (url.username !== '') {
    const user = decodeURIComponent(url.username);
    const pass = decodeURIComponent(url.password);
    target.authorization = `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
  }
  return target;
}

interface NoProxyRules {
  all: boolean;
  blocks: Array<{ list: BlockList; port: string }>;
  ips: Array<{ ip: string; port: string }>;
  domains: Array<{ suffix: string; matchHost: boolean; port: string }>;
}

function parseNoProxy(value: string): NoProxyRules {
  const rules: NoProxyRules = { all: false, blocks: [], ips: [], domains: [] };
  for (const raw of value.split(',')) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    if (entry === '*') return { all: true, blocks: [], ips: [], domains: [] };
    const cidr = /^(.+)\/(\d{1,3})$/.exec(entry);
    if (cidr?.[1] && isIP(cidr[1])) {
      const list = new BlockList();
      const family = isIP(cidr[1]) === 6 ? 'ipv6' : 'ipv4';
      try {
        list.addSubnet(cidr[1], Number(cidr[2]), family);
        rules.blocks.push({ list, port: '' });
      } catch {
        // A malformed CIDR is ignored, as an unparsable entry is in Go.
      }
      continue;
    }
    let host = entry;
    let port = '';
    const bracketed = /^\[([^\]]+)\]:(\d+)$/.exec(entry);
    const hostPort = /^([^:]+):(\d+)$/.exec(entry);
    if (bracketed?.[1]) {
      host = bracketed[1];
      port = bracketed[2] ?? '';
    } else if (hostPort?.[1]) {
      host = hostPort[1];
      port = hostPort[2] ?? '';
    }
    if (isIP(host)) {
      rules.ips.push({ ip: host, port });
      continue;
    }
    if (host === '') continue;
    if (host.startsWith('*.')) host = host.slice(1);
    const matchHost = !host.startsWith('.');
    rules.domains.push({ suffix: matchHost ? `.${host}` : host, matchHost, port });
  }
  return rules;
}

function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  const family = isIP(host);
  if (family === 4) return host.startsWith('127.');
  if (family === 6) return host === '::1' || /^::ffff:127\./.test(host);
  return false;
}

/** Whether a request to `host:port` is sent through the proxy, per NO_PROXY. */
export function bypassesProxy(
  noProxy: string,
  host: string,
  port: number,
): 'no-proxy' | 'loopback' | undefined {
  const name = host.toLowerCase().replace(/^\[|\]$/g, '');
  if (isLoopback(name)) return 'loopback';
  const rules = parseNoProxy(noProxy);
  if (rules.all) return 'no-proxy';
  const portText = String(port);
  const family = isIP(name);
  if (family) {
    for (const block of rules.blocks) {
      if (block.list.check(name, family === 6 ? 'ipv6' : 'ipv4')) return 'no-proxy';
    }
    for (const ip of rules.ips)
      if (ip.ip === name && (ip.port === '' || ip.port === portText)) return 'no-proxy';
  }
  for (const domain of rules.domains) {
    const matches = name.endsWith(domain.suffix) || (domain.matchHost && name === domain.suffix.slice(1));
    if (matches && (domain.port === '' || domain.port === portText)) return 'no-proxy';
  }
  return undefined;
}

/** The proxy the go command uses for `url`, or why none. */
export function proxyForUrl(url: string, config: ProxyEnv): ProxyDecision {
  const parsed = new URL(url);
  const scheme = parsed.protocol.replace(/:$/, '');
  const value = scheme === 'https' ? config.httpsProxy : scheme === 'http' ? config.httpProxy : '';
  if (value === '') return { use: false, reason: 'unset' };
  if (scheme === 'http' && config.cgi) {
    return { use: false, reason: 'invalid', error: 'refusing to use HTTP_PROXY value in CGI environment' };
  }
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  const port = parsed.port ? Number(parsed.port) : scheme === 'https' ? 443 : 80;
  const bypass = bypassesProxy(config.noProxy, host, port);
  if (bypass) return { use: false, reason: bypass };
  const proxy = parseProxyValue(value);
  if ('error' in proxy) return { use: false, reason: 'invalid', error: proxy.error };
  return { use: true, proxy };
}

export interface ConnectOutcome {
  status: ProbeStatus;
  durationMs: number;
  httpStatus?: number;
  statusText?: string;
  error?: string;
}

/**
 * Asks the proxy on `socket` to open a tunnel to `authority` (`host:port`). Success leaves the
 * socket open as the tunnel; anything else destroys it.
 */
export function connectTunnel(
  socket: Socket,
  authority: string,
  options: { timeoutMs: number; signal: AbortSignal; authorization?: string },
): Promise<ConnectOutcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    let buffered = Buffer.alloc(0);
    const finish = (outcome: Omit<ConnectOutcome, 'durationMs'>): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal.removeEventListener('abort', onAbort);
      socket.removeListener('data', onData);
      if (outcome.status !== 'ok') socket.destroy();
      resolve({ ...outcome, durationMs: performance.now() - started });
    };
    const onAbort = (): void => finish({ status: 'budget', error: 'out of time' });
    const timer = setTimeout(
      () => finish({ status: 'timeout', error: 'no answer to CONNECT' }),
      Math.max(0, options.timeoutMs),
    );
    timer.unref();
    const onData = (chunk: Buffer): void => {
      buffered = Buffer.concat([buffered, chunk]);
      const end = buffered.indexOf('\r\n\r\n');
      if (end < 0) {
        if (buffered.length > 16 * 1024) finish({ status: 'error', error: 'oversized CONNECT response' });
        return;
      }
      const statusLine = buffered.subarray(0, buffered.indexOf('\r\n')).toString('latin1');
      const match = /^HTTP\/\d(?:\.\d)?\s+(\d{3})\s*(.*)$/.exec(statusLine);
      if (!match) {
        finish({ status: 'error', error: `malformed CONNECT response: ${statusLine.slice(0, 80)}` });
        return;
      }
      const code = Number(match[1]);
      const text = match[2] ?? '';
      const rest = buffered.subarray(end + 4);
      if (rest.length > 0) socket.unshift(rest);
      if (code === 200) {
        socket.pause();
        finish({ status: 'ok', httpStatus: code, statusText: text });
      } else {
        finish({
          status: code === 403 || code === 407 ? 'forbidden' : 'http-error',
          httpStatus: code,
          statusText: text,
          error: text || String(code),
        });
      }
    };
    socket.on('data', onData);
    socket.once('close', () => finish({ status: 'closed', error: 'EOF' }));
    socket.on('error', (error: NodeJS.ErrnoException) =>
      finish({ status: error.code === 'ECONNRESET' ? 'reset' : 'error', error: error.message }),
    );
    if (options.signal.aborted) return onAbort();
    options.signal.addEventListener('abort', onAbort, { once: true });
    const auth = options.authorization ? `Proxy-Authorization: ${options.authorization}\r\n` : '';
    socket.write(
      `CONNECT ${authority} HTTP/1.1\r\nHost: ${authority}\r\n${auth}User-Agent: Go-http-client/1.1\r\n\r\n`,
    );
  });
}
