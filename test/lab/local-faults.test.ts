// Faults that live on this machine or its network stack: DNS (inside a network namespace), a
// connect that never completes, a waiting credential helper or ssh, a held cache lock, an unwritable
// or full module cache. Proven with the real go command of every lab release.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NO_GO_REASON } from '../helpers/go-matrix.ts';
import type { LabCase } from './cases.ts';
import { LAB_CASES, labCase, labToolchains } from './cases.ts';
import { namespaceSupport } from './kit/namespace.ts';
import { proveCase, useLabServers } from './run-cases.ts';

const noGo = labToolchains().length === 0;
const noNamespaces = await namespaceSupport();
const slowWanted = process.env.GOMOD_LAB_SLOW === '1';
const LOCAL_PREFIXES = ['dns-', 'connect-', 'credential-', 'ssh-', 'cache-', 'modcache-', 'disk-'];

function skipReason(c: LabCase): string | undefined {
  if (c.needsNamespaces && noNamespaces) return noNamespaces;
  if (c.slow && !slowWanted) return 'slow: set GOMOD_LAB_SLOW=1';
  return undefined;
}

describe.skipIf(noGo)(`local and network-stack faults${noGo ? ` (${NO_GO_REASON})` : ''}`, () => {
  const lab = useLabServers();

  for (const c of LAB_CASES.filter((c) => LOCAL_PREFIXES.some((p) => c.name.startsWith(p)))) {
    const reason = skipReason(c);
    it.skipIf(reason !== undefined)(
      `${c.name}: ${c.title}${reason ? ` (skipped: ${reason})` : ''}`,
      async () => {
        await proveCase(c, lab());
      },
      60_000,
    );
  }

  it('credential-helper-hang: git really called the helper, which was still waiting', async () => {
    await proveCase(labCase('credential-helper-hang'), lab(), ({ sandbox }) => {
      const started = join(sandbox.labDir, 'git-credential-wait.started');
      expect(existsSync(started)).toBe(true);
      expect(readFileSync(started, 'utf8')).toMatch(/^get$/m);
    });
  });

  it('ssh-prompt-hang: git ran the GIT_SSH_COMMAND stand-in for github.com', async () => {
    await proveCase(labCase('ssh-prompt-hang'), lab(), ({ sandbox }) => {
      const started = join(sandbox.labDir, 'ssh.started');
      expect(readFileSync(started, 'utf8')).toMatch(/git@github\.com .*git-upload-pack '\/lab\/sshhang'/);
    });
  });

  it.skipIf(noNamespaces !== undefined)('dns: the queries reached the lab resolver', async () => {
    await proveCase(labCase('dns-nxdomain'), lab(), ({ sandbox }) => {
      const log = readFileSync(join(sandbox.labDir, 'dns.log'), 'utf8');
      expect(log).toMatch(/"name":"proxy\.golang\.org","type":"A","transport":"udp","answer":"nxdomain"/);
    });
  });
});
