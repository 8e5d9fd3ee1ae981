// DNS: A and AAAA for one host, each timed, through the system's resolvers or one named address
// (split-horizon DNS, and the tests' loopback server). Like the go command, the hosts file is
// read first when no resolver was named.
import { Resolver } from 'node:dns';
import { readFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import type { DnsDetail, ProbeStatus } from '../types.ts';

export interface DnsProbeOptions {
  /** `IP`, `IP:PORT` or `[IPv6]:PORT`; the system's resolvers when absent. */
  resolver?: string;
  timeoutMs: number;
  signal: AbortSignal;
  /** The hosts file to consult first (only without `resolver`); default /etc/hosts. */
  hostsFile?: string;
  /** The host is a well-known public service: loopback or private answers are suspicious. */
  expectPublic?: boolean;
}

export interface DnsProbeResult {
  status: ProbeStatus;
  durationMs: number;
  addresses: string[];
  detail: DnsDetail;
  error?: string;
}

/** `127.0.0.1:5353` → setServers form; a bare IPv6 address is bracket-free already. */
function resolverServer(resolver: string): string {
  return resolver.trim();
}

function statusOf(code: string | undefined, signal: AbortSignal): ProbeStatus {
  switch (code) {
    case 'ENOTFOUND':
      return 'nxdomain';
    case 'ENODATA':
      return 'nodata';
    case 'ETIMEOUT':
      return 'timeout';
    case 'ECONNREFUSED':
      return 'no-resolver';
    case 'ESERVFAIL':
    case 'EREFUSED':
    case 'EBADRESP':
    case 'EFORMERR':
      return 'servfail';
    case 'ECANCELLED':
    case 'EDESTRUCTION':
      return signal.aborted ? 'budget' : 'timeout';
    default:
      return 'error';
  }
}

/** Reads `host` from a hosts file: the addresses listed for it, or undefined. */
async function hostsFileLookup(file: string, host: string): Promise<string[] | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  const wanted = host.toLowerCase();
  const found: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    if (line === '') continue;
    const [address, ...names] = line.split(/\s+/);
    if (address && isIP(address) && names.some((n) => n.toLowerCase() === wanted)) found.push(address);
  }
  return found.length > 0 ? found : undefined;
}

const SINKHOLES = [
  // OpenDNS / Cisco Umbrella block pages.
  /^146\.112\.61\.(10[4-9]|110)$/,
];

/** Addresses a public service never has: a sign of filtering or hijacking DNS. */
function isOddAddress(address: string): boolean {
  if (isIP(address) === 4) {
    const [a = 0, b = 0] = address.split('.').map(Number);
    if (a === 0 || a === 127 || a === 10) return true;
    if (a === 172 && b >= 16 && b <= 31) return true;
    if (a === 192 && b === 168) return true;
    if (a === 169 && b === 254) return true;
    if (a === 100 && b >= 64 && b <= 127) return true;
    if (a >= 224) return true;
    return SINKHOLES.some((re) => re.test(address));
  }
  const lower = address.toLowerCase();
  if (lower === '::' || lower === '::1') return true;
  if (/^f[cd]/.test(lower) || /^fe[89ab]/.test(lower)) return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower)?.[1];
  return mapped !== undefined && isOddAddress(mapped);
}

async function resolveOne(
  resolver: Resolver,
  host: string,
  family: 4 | 6,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<DnsDetail['a']> {
  const started = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    const finish = (value: DnsDetail['a']): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(value);
    };
    const onAbort = (): void =>
      finish({ status: 'budget', addresses: [], durationMs: performance.now() - started });
    // c-ares has its own timeout; this one holds even if it misbehaves.
    const timer = setTimeout(
      () => finish({ status: 'timeout', addresses: [], durationMs: performance.now() - started }),
      timeoutMs + 50,
    );
    timer.unref();
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    const done = (error: NodeJS.ErrnoException | null, addresses: string[]): void => {
      const durationMs = performance.now() - started;
      if (error) {
        finish({
          status: statusOf(error.code, signal),
          addresses: [],
          durationMs,
          error: error.code ?? error.message,
        });
      } else finish({ status: 'ok', addresses, durationMs });
    };
    if (family === 4) resolver.resolve4(host, done);
    else resolver.resolve6(host, done);
  });
}

export async function probeDns(host: string, options: DnsProbeOptions): Promise<DnsProbeResult> {
  const started = performance.now();
  const resolverName = options.resolver ?? 'system';
  if (options.resolver === undefined) {
    const fromHosts = await hostsFileLookup(options.hostsFile ?? '/etc/hosts', host);
    if (fromHosts) {
      const durationMs = performance.now() - started;
      const a = fromHosts.filter((x) => isIP(x) === 4);
      const aaaa = fromHosts.filter((x) => isIP(x) === 6);
      const detail: DnsDetail = {
        host,
        resolver: 'hosts file',
        a: { status: a.length ? 'ok' : 'nodata', addresses: a, durationMs },
        aaaa: { status: aaaa.length ? 'ok' : 'nodata', addresses: aaaa, durationMs },
        suspicious: options.expectPublic ? fromHosts.filter(isOddAddress) : [],
        fromHostsFile: true,
      };
      return { status: 'ok', durationMs, addresses: fromHosts, detail };
    }
  }
  const timeoutMs = Math.max(1, Math.floor(options.timeoutMs));
  const resolver = new Resolver({ timeout: timeoutMs, tries: 1 });
  if (options.resolver !== undefined) resolver.setServers([resolverServer(options.resolver)]);
  const cancel = (): void => resolver.cancel();
  options.signal.addEventListener('abort', cancel, { once: true });
  try {
    const [a, aaaa] = await Promise.all([
      resolveOne(resolver, host, 4, timeoutMs, options.signal),
      resolveOne(resolver, host, 6, timeoutMs, options.signal),
    ]);
    const addresses = [...a.addresses, ...aaaa.addresses];
    const durationMs = performance.now() - started;
    const detail: DnsDetail = {
      host,
      resolver: resolverName,
      a,
      aaaa,
      suspicious: options.expectPublic ? addresses.filter(isOddAddress) : [],
    };
    if (addresses.length > 0) return { status: 'ok', durationMs, addresses, detail };
    // No address at all: the A answer says why (an AAAA-only host would have an address).
    const status =
      a.status === 'ok' || a.status === 'nodata' ? (aaaa.status === 'ok' ? 'nodata' : aaaa.status) : a.status;
    const error = a.error ?? aaaa.error;
    return { status, durationMs, addresses, detail, ...(error !== undefined ? { error } : {}) };
  } finally {
    options.signal.removeEventListener('abort', cancel);
    resolver.cancel();
  }
}
