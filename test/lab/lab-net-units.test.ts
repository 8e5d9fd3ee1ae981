// The lab's network parts on their own, without a Go toolchain: the DNS responder, the checksum
// database's hashing and note signatures, the CONNECT proxy's routing, transcript normalisation.
import { createPublicKey, verify } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DnsServer } from './kit/dns-server.ts';
import { startDnsServer } from './kit/dns-server.ts';
import type { ConnectProxy } from './kit/https-proxy.ts';
import { goGetRoute, startConnectProxy } from './kit/https-proxy.ts';
import { createSumdbSigner, nodeHash, recordHash, treeHash } from './kit/sumdb.ts';
import type { LabCa } from './kit/tls.ts';
import { createLabCa } from './kit/tls.ts';
import { normalizeTranscript } from './kit/transcript.ts';

function dnsQuery(name: string, type: number): Buffer {
  const header = Buffer.from([0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0]);
  const labels = name.split('.').map((l) => Buffer.concat([Buffer.from([l.length]), Buffer.from(l)]));
  return Buffer.concat([header, ...labels, Buffer.from([0, 0, type, 0, 1])]);
}

function ask(server: DnsServer, query: Buffer, waitMs = 500): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const socket = createSocket('udp4');
    const timer = setTimeout(() => {
      socket.close();
      resolve(undefined);
    }, waitMs);
    socket.on('message', (message) => {
      clearTimeout(timer);
      socket.close();
      resolve(message);
    });
    socket.send(query, server.port, server.host);
  });
}

describe('DNS responder', () => {
  let server: DnsServer;
  beforeAll(async () => {
    server = await startDnsServer({
      rules: {
        names: {
          'proxy.golang.org': { addresses: ['127.0.0.1', '::1'] },
          'bad.example': 'servfail',
          'slow.example': 'drop',
        },
      },
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers A and AAAA from its table, with the query id', async () => {
    const a = (await ask(server, dnsQuery('proxy.golang.org', 1)))!;
    expect(a.readUInt16BE(0)).toBe(0x1234);
    expect(a.readUInt16BE(2) & 0x000f).toBe(0);
    expect(a.readUInt16BE(6)).toBe(1);
    expect([...a.subarray(a.length - 4)]).toEqual([127, 0, 0, 1]);
    const aaaa = (await ask(server, dnsQuery('PROXY.golang.org', 28)))!;
    expect(aaaa.readUInt16BE(6)).toBe(1);
    expect([...aaaa.subarray(aaaa.length - 16)]).toEqual([...Array(15).fill(0), 1]);
  });

  it('fails on purpose: NXDOMAIN for unknown names, SERVFAIL, silence', async () => {
    expect((await ask(server, dnsQuery('nowhere.example', 1)))!.readUInt16BE(2) & 0x000f).toBe(3);
    expect((await ask(server, dnsQuery('bad.example', 1)))!.readUInt16BE(2) & 0x000f).toBe(2);
    expect(await ask(server, dnsQuery('slow.example', 1), 300)).toBeUndefined();
    expect(server.log.map((q) => q.answer)).toContain('drop');
  });
});

describe('DNS responder ports', () => {
  it('shares one port between UDP and TCP, and reports a named port that TCP cannot have', async () => {
    const first = await startDnsServer({ rules: { names: {} } });
    try {
      const tcpBusy = createServer();
      await new Promise<void>((resolve) => tcpBusy.listen(0, '127.0.0.1', () => resolve()));
      const busyPort = (tcpBusy.address() as AddressInfo).port;
      try {
        await expect(startDnsServer({ rules: { names: {} }, port: busyPort })).rejects.toMatchObject({
          code: 'EADDRINUSE',
        });
      } finally {
        await new Promise<void>((resolve) => tcpBusy.close(() => resolve()));
      }
      expect(first.port).toBeGreaterThan(0);
    } finally {
      await first.close();
    }
  });
});

describe('checksum database formats', () => {
  it('hashes trees as RFC 6962 does', () => {
    expect(treeHash([]).toString('hex')).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    const [a, b, c] = ['a', 'b', 'c'].map((x) => recordHash(Buffer.from(x)));
    expect(treeHash([a!, b!, c!])).toEqual(nodeHash(nodeHash(a!, b!), c!));
  });

  it('signs notes that verify with the key named in the verifier key', () => {
    const signer = createSumdbSigner('sum.lab.example');
    // name+hash+key: the base64 key may itself hold '+', so split at the first two only.
    const [, name = '', hash = '', key = ''] = /^([^+]+)\+([^+]+)\+(.+)$/.exec(signer.verifierKey) ?? [];
    expect(name).toBe('sum.lab.example');
    expect(hash).toMatch(/^[0-9a-f]{8}$/);
    const keyBytes = Buffer.from(key, 'base64');
    expect(keyBytes[0]).toBe(1);
    const note = signer.signNote('go.sum database tree\n0\nabc=\n');
    const match = /^([\s\S]*\n)\n— sum\.lab\.example (\S+)\n$/.exec(note)!;
    const signature = Buffer.from(match[2]!, 'base64');
    expect(signature.subarray(0, 4).toString('hex')).toBe(hash);
    const publicKey = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: keyBytes.subarray(1).toString('base64url') },
      format: 'jwk',
    });
    expect(verify(null, Buffer.from(match[1]!), publicKey, signature.subarray(4))).toBe(true);
  });
});

describe('CONNECT proxy', () => {
  let ca: LabCa;
  let proxy: ConnectProxy;
  beforeAll(async () => {
    ca = await createLabCa();
    proxy = await startConnectProxy({
      ca,
      routes: {
        'corp.example.com': goGetRoute([
          { prefix: 'corp.example.com/x', repoRoot: 'https://corp.example.com/x' },
        ]),
      },
      faults: [{ name: 'policy', host: 'blocked.example', action: { type: 'refuse', status: 403 } }],
    });
  });
  afterAll(async () => {
    await proxy?.close();
    await ca?.dispose();
  });

  function connectThrough(authority: string): Promise<{ status: number; socket: import('node:net').Socket }> {
    return new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: proxy.port, method: 'CONNECT', path: authority });
      req.on('connect', (res, socket) => resolve({ status: res.statusCode ?? 0, socket }));
      req.on('error', reject);
      req.end();
    });
  }

  it('terminates TLS for any name with the lab CA and answers go-get from the route', async () => {
    const { status, socket } = await connectThrough('corp.example.com:443');
    expect(status).toBe(200);
    const body = await new Promise<string>((resolve, reject) => {
      const tls = tlsConnect({ socket, servername: 'corp.example.com', ca: ca.certPem }, () => {
        tls.write('GET /x/sub?go-get=1 HTTP/1.1\r\nHost: corp.example.com\r\nConnection: close\r\n\r\n');
      });
      let text = '';
      tls.on('data', (chunk: Buffer) => {
        text += chunk.toString();
      });
      tls.on('end', () => resolve(text));
      tls.on('error', reject);
    });
    expect(body).toMatch(/^HTTP\/1\.1 200/);
    expect(body).toContain(
      '<meta name="go-import" content="corp.example.com/x git https://corp.example.com/x">',
    );
  });

  it('refuses CONNECT by host', async () => {
    const { status, socket } = await connectThrough('blocked.example:443');
    socket.destroy();
    expect(status).toBe(403);
    expect(proxy.log.at(-1)).toMatchObject({ host: 'blocked.example', fault: 'policy', status: 403 });
  });
});

describe('transcript normalisation of network errors', () => {
  it('keeps the DNS and HTTPS ports, hides ephemeral ones and the clock', () => {
    const text =
      'lookup x on 127.0.0.1:53: read udp 127.0.0.1:40000->127.0.0.1:53: i/o timeout\n' +
      'dial tcp 127.0.0.1:443: refused; current time 2031-02-03T04:05:06Z is after 2020-12-31T00:00:00Z\n';
    expect(normalizeTranscript(text)).toBe(
      'lookup x on 127.0.0.1:53: read udp 127.0.0.1:$PORT->127.0.0.1:53: i/o timeout\n' +
        'dial tcp 127.0.0.1:443: refused; current time $NOW is after 2020-12-31T00:00:00Z\n',
    );
  });
});
