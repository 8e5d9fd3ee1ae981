// HTTPS to real-looking hosts through the lab's CONNECT proxy (TLS from a lab CA, certificate and
// proxy faults) and the lab's checksum databases, proven with the real go command of every lab release.
import { describe, expect, it } from 'vitest';
import { NO_GO_REASON } from '../helpers/go-matrix.ts';
import { LAB_CASES, labCase, labToolchains } from './cases.ts';
import { proveCase, useLabServers } from './run-cases.ts';

const noGo = labToolchains().length === 0;

describe.skipIf(noGo)(`HTTPS and checksum-database faults${noGo ? ` (${NO_GO_REASON})` : ''}`, () => {
  const lab = useLabServers();

  for (const c of LAB_CASES.filter((c) => c.name.startsWith('https-') || c.name.startsWith('sumdb-'))) {
    it(`${c.name}: ${c.title}`, async () => {
      await proveCase(c, lab());
    }, 30_000);
  }

  it('no host name reaches a resolver: every HTTPS request went through the CONNECT proxy', async () => {
    lab().https.clearLog();
    await proveCase(labCase('https-git-auth'), lab());
    const hosts = new Set(lab().https.log.map((entry) => entry.host));
    expect([...hosts].sort()).toEqual(['private.example.com']);
    const requests = lab().https.log.flatMap((entry) => entry.requests);
    expect(requests).toContain('GET /team/secret?go-get=1');
    // git itself came through the tunnel too (curl, trusting the lab CA from http.sslCAInfo).
    expect(requests.some((r) => r.startsWith('GET /team/secret/info/refs?service=git-upload-pack'))).toBe(
      true,
    );
  });

  it('certificate faults: the go command rejected the certificate during the handshake', async () => {
    const proxy = lab().faultyHttps.expired;
    proxy.clearLog();
    await proveCase(labCase('https-expired'), lab());
    expect(proxy.log.length).toBe(labToolchains().length);
    for (const entry of proxy.log) {
      expect(entry).toMatchObject({ host: 'proxy.golang.org', status: 200, requests: [] });
      expect(entry.tlsError).toMatch(/bad certificate/);
    }
  });

  it('sumdb-ok: the lookup was verified against the signed tree, with a tile', async () => {
    lab().sumdb.clearLog();
    await proveCase(labCase('sumdb-ok'), lab());
    const paths = lab().sumdb.log.map((r) => r.path);
    expect(paths).toContain('/lookup/example.com/lab/ok@v1.0.0');
    expect(paths.some((p) => p.startsWith('/tile/8/0/'))).toBe(true);
  });
});
