// Transcripts produced by the test lab (real go commands against fault-injecting servers):
// each case name maps to the cause explain must name, for every Go version recorded.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainText } from '../../src/explain/index.ts';
import { transcriptsDir } from './helpers.ts';

/** Case name → expected first cause (null: a successful run, no findings). */
const EXPECTED: Record<string, string | null> = {
  'git-401': 'git-auth-required',
  'git-file-ok': null,
  'git-http-ok': null,
  // Output ends while git ls-remote runs: waiting on the network or a credential helper; the
  // transcript cannot tell which, so the answer is unknown (with the pending command named).
  'git-stall': 'unknown',
  'proxy-403': 'egress-policy-forbidden',
  'proxy-404': 'unknown-revision',
  'proxy-410-private': 'private-module-via-proxy',
  'proxy-500': 'proxy-server-error',
  'proxy-502': 'proxy-server-error',
  'proxy-checksum-mismatch': 'checksum-mismatch',
  'proxy-corrupt-zip': 'modcache-corrupt',
  'proxy-eof': 'connection-reset',
  'proxy-ok': null,
  'proxy-refused': 'connection-refused',
  'proxy-reset': 'connection-reset',
  'proxy-slow': null,
  'proxy-stall': 'proxy-stall',
  'proxy-truncated-zip': 'modcache-corrupt',
  // Live-only causes: the transcript ends while waiting, and says no more than that.
  'cache-lock-wait': null, // the last request completed; the lock wait prints nothing
  'connect-timeout': 'proxy-stall', // cut before Go's 30 s dial timeout: indistinguishable from a stalled proxy
  'credential-helper-hang': 'unknown', // git left running: network or helper, not decidable
  'ssh-prompt-hang': 'unknown',
  'https-connect-stall': 'proxy-stall',
  'sumdb-stall': 'proxy-stall', // the catalog's proxy-stall covers the checksum database too
  'disk-full': 'disk-full',
  'disk-inodes': 'disk-full',
  'dns-answer': 'dns-poisoned',
  'dns-nxdomain': 'dns-failure',
  'dns-servfail': 'dns-failure',
  'dns-timeout': 'dns-failure',
  'https-connect-403': 'egress-policy-forbidden',
  'https-connect-407': 'http-proxy-misconfigured',
  'https-expired': 'tls-untrusted-certificate',
  'https-git-auth': 'git-auth-required',
  'https-ok': null,
  'https-private-via-proxy': 'private-module-via-proxy',
  'https-proxy-refused': 'http-proxy-misconfigured',
  'https-self-signed': 'tls-untrusted-certificate',
  'https-sumdb-private-direct': 'sumdb-private-module',
  'https-sumdb-private-mirror': 'sumdb-private-module',
  'https-wrong-name': 'tls-untrusted-certificate',
  'modcache-permission': 'modcache-permission',
  'modcache-read-only': 'modcache-permission',
  'sumdb-gone': 'sumdb-private-module',
  'sumdb-mismatch': 'checksum-mismatch',
  'sumdb-ok': null,
  'sumdb-refused': 'sumdb-unreachable',
  'connect-timeout-30s': 'connect-timeout',
  'https-tls-handshake-timeout': 'tls-handshake-timeout',
};

const files = existsSync(transcriptsDir)
  ? readdirSync(transcriptsDir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
  : [];

describe.skipIf(files.length === 0)('lab transcripts', () => {
  it.each(files)('%s', (file) => {
    const name = file.replace(/\.go\d+\.\d+\.txt$/, '');
    expect(name in EXPECTED, `add ${name} to the table`).toBe(true);
    const findings = explainText(readFileSync(join(transcriptsDir, file), 'utf8')).findings;
    const expected = EXPECTED[name];
    if (expected === null) expect(findings).toEqual([]);
    else expect(findings[0]?.cause).toBe(expected);
  });
});
