// A DNS responder for the lab (UDP and TCP, RFC 1035 wire format): answers A/AAAA from a table,
// or fails on purpose with NXDOMAIN, SERVFAIL, or silence. The go command's resolver only talks to
// port 53 of the addresses in /etc/resolv.conf, so the lab runs it inside a private network and
// mount namespace (see namespace.ts), where it can own 127.0.0.1:53 and a bind-mounted resolv.conf.
import type { Socket as UdpSocket } from 'node:dgram';
import { createSocket } from 'node:dgram';
import type { Server, Socket } from 'node:net';
import { createServer, isIPv4, isIPv6 } from 'node:net';

export type DnsAnswer =
  /** Addresses to answer with (IPv4 for A, IPv6 for AAAA; a type without addresses gets no records). */
  | { addresses: readonly string[] }
  /** The name does not exist. */
  | 'nxdomain'
  /** The server failed (an upstream resolver that cannot reach the authoritative servers). */
  | 'servfail'
  /** Never answer (a resolver behind a firewall, a dead DNS server). */
  | 'drop';

export interface DnsRules {
  /** Host name (no trailing dot, any case) → answer. */
  names: Record<string, DnsAnswer>;
  /** For names not in the table; default `nxdomain`. */
  otherwise?: DnsAnswer;
}

export interface DnsQueryLog {
  name: string;
  type: string;
  transport: 'udp' | 'tcp';
  answer: 'addresses' | 'nxdomain' | 'servfail' | 'drop';
}

export interface DnsServer {
  readonly host: string;
  readonly port: number;
  readonly log: readonly DnsQueryLog[];
  close(): Promise<void>;
}

const TYPE_A = 1;
const TYPE_AAAA = 28;
const RCODE_SERVFAIL = 2;
const RCODE_NXDOMAIN = 3;

export interface DnsServerOptions {
  rules: DnsRules;
  /** 127.0.0.1 unless given; port 0 picks a free one (53 inside a namespace). */
  host?: string;
  port?: number;
  onQuery?: (entry: DnsQueryLog) => void;
}

export async function startDnsServer(options: DnsServerOptions): Promise<DnsServer> {
  const host = options.host ?? '127.0.0.1';
  const log: DnsQueryLog[] = [];
  const tcpSockets = new Set<Socket>();

  const respond = (query: Buffer, transport: 'udp' | 'tcp'): Buffer | undefined => {
    const parsed = parseQuery(query);
    if (!parsed) return undefined;
    const answer = lookup(options.rules, parsed.name);
    const entry: DnsQueryLog = {
      name: parsed.name,
      type: parsed.type === TYPE_A ? 'A' : parsed.type === TYPE_AAAA ? 'AAAA' : String(parsed.type),
      transport,
      answer: typeof answer === 'string' ? answer : 'addresses',
    };
    log.push(entry);
    options.onQuery?.(entry);
    if (answer === 'drop') return undefined;
    if (answer === 'nxdomain') return buildResponse(query, parsed, RCODE_NXDOMAIN, []);
    if (answer === 'servfail') return buildResponse(query, parsed, RCODE_SERVFAIL, []);
    const addresses = answer.addresses.filter((a) =>
      parsed.type === TYPE_A ? isIPv4(a) : parsed.type === TYPE_AAAA ? isIPv6(a) : false,
    );
    return buildResponse(query, parsed, 0, addresses);
  };

  const tcp: Server = createServer((socket) => {
    tcpSockets.add(socket);
    socket.on('close', () => tcpSockets.delete(socket));
    socket.on('error', () => {});
    let buffered = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      while (buffered.length >= 2) {
        const length = buffered.readUInt16BE(0);
        if (buffered.length < 2 + length) break;
        const query = buffered.subarray(2, 2 + length);
        buffered = buffered.subarray(2 + length);
        const response = respond(query, 'tcp');
        if (response) {
          const framed = Buffer.alloc(2 + response.length);
          framed.writeUInt16BE(response.length, 0);
          response.copy(framed, 2);
          socket.write(framed);
        }
      }
    });
  });
  // UDP and TCP must share one port number. With a free port picked for UDP, another process can
  // take that number on TCP before we do (seen on a busy CI machine), so an automatic port is
  // retried with a fresh pair; a port the caller named is not.
  const attempts = options.port ? 1 : 20;
  let udp: UdpSocket | undefined;
  let port = 0;
  for (let attempt = 1; ; attempt++) {
    const candidate = createSocket('udp4');
    candidate.on('message', (message, remote) => {
      const response = respond(message, 'udp');
      if (response) candidate.send(response, remote.port, remote.address);
    });
    await new Promise<void>((resolve, reject) => {
      candidate.once('error', reject);
      candidate.bind(options.port ?? 0, host, () => resolve());
    });
    const candidatePort = candidate.address().port;
    try {
      await new Promise<void>((resolve, reject) => {
        tcp.once('error', reject);
        tcp.listen(candidatePort, host, () => {
          tcp.off('error', reject);
          resolve();
        });
      });
      udp = candidate;
      port = candidatePort;
      break;
    } catch (error) {
      await new Promise<void>((resolve) => candidate.close(() => resolve()));
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= attempts) throw error;
    }
  }
  const boundUdp = udp;

  return {
    host,
    port,
    log,
    close: async () => {
      for (const socket of tcpSockets) socket.destroy();
      await Promise.all([
        new Promise<void>((resolve) => boundUdp.close(() => resolve())),
        new Promise<void>((resolve) => tcp.close(() => resolve())),
      ]);
    },
  };
}

function lookup(rules: DnsRules, name: string): DnsAnswer {
  const key = name.toLowerCase().replace(/\.$/, '');
  for (const [ruleName, answer] of Object.entries(rules.names)) {
    if (ruleName.toLowerCase().replace(/\.$/, '') === key) return answer;
  }
  return rules.otherwise ?? 'nxdomain';
}

interface ParsedQuery {
  name: string;
  type: number;
  /** Offset just after the (first) question. */
  questionEnd: number;
}

function parseQuery(message: Buffer): ParsedQuery | undefined {
  if (message.length < 12 || message.readUInt16BE(4) < 1) return undefined;
  const labels: string[] = [];
  let offset = 12;
  while (offset < message.length) {
    const length = message[offset]!;
    offset++;
    if (length === 0) break;
    if (length > 63 || offset + length > message.length) return undefined;
    labels.push(message.toString('latin1', offset, offset + length));
    offset += length;
  }
  if (offset + 4 > message.length) return undefined;
  return { name: labels.join('.'), type: message.readUInt16BE(offset), questionEnd: offset + 4 };
}

/** The response to `query`: its id and question, this rcode, and one record per address. */
function buildResponse(
  query: Buffer,
  parsed: ParsedQuery,
  rcode: number,
  addresses: readonly string[],
): Buffer {
  const header = Buffer.alloc(12);
  header.writeUInt16BE(query.readUInt16BE(0), 0);
  const recursionDesired = query.readUInt16BE(2) & 0x0100;
  // QR=1, opcode 0, AA=1, RD as asked, RA=1.
  header.writeUInt16BE(0x8000 | 0x0400 | recursionDesired | 0x0080 | rcode, 2);
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(addresses.length, 6);
  const question = query.subarray(12, parsed.questionEnd);
  const records = addresses.map((address) => {
    const data = isIPv4(address) ? ipv4Bytes(address) : ipv6Bytes(address);
    const record = Buffer.alloc(12 + data.length);
    record.writeUInt16BE(0xc00c, 0); // the name: a pointer to the question's
    record.writeUInt16BE(parsed.type, 2);
    record.writeUInt16BE(1, 4); // class IN
    record.writeUInt32BE(60, 6); // TTL
    record.writeUInt16BE(data.length, 10);
    data.copy(record, 12);
    return record;
  });
  return Buffer.concat([header, question, ...records]);
}

function ipv4Bytes(address: string): Buffer {
  return Buffer.from(address.split('.').map(Number));
}

function ipv6Bytes(address: string): Buffer {
  const [head = '', tail = ''] = address.split('::') as [string?, string?];
  const headParts = head ? head.split(':') : [];
  const tailParts = tail ? tail.split(':') : [];
  const parts = address.includes('::')
    ? [...headParts, ...Array(8 - headParts.length - tailParts.length).fill('0'), ...tailParts]
    : headParts;
  const bytes = Buffer.alloc(16);
  for (const [i, part] of parts.entries()) bytes.writeUInt16BE(Number.parseInt(part || '0', 16), i * 2);
  return bytes;
}
