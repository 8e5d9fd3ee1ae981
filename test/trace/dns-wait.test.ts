// The DNS hang, for real: the go command resolving proxy.golang.org against a resolver that never
// answers. trace runs inside a private network and mount namespace whose /etc/resolv.conf names the
// lab's silent DNS server on 127.0.0.1:53, so that the go command's UDP socket to port 53 is what
// /proc shows while it waits. Needs root for the namespaces; skipped with the reason otherwise.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { run } from '../../src/exec/run.ts';
import type { Report } from '../../src/findings/finding.ts';
import { goToolchains, repoRoot } from '../helpers/go-matrix.ts';
import { namespaceCommand, namespaceSupport } from '../lab/kit/namespace.ts';
import { createSandbox } from '../lab/kit/sandbox.ts';

const VERSIONS = goToolchains().filter((t) =>
  (process.env.GOMOD_TRACE_GO?.split(',') ?? ['1.19', '1.23', '1.24']).includes(t.version),
);
const unsupported = await namespaceSupport();
const STALL = 1;
const tsxLoader = pathToFileURL(join(repoRoot, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
const mainScript = join(repoRoot, 'src', 'cli', 'main.ts');

describe.skipIf(VERSIONS.length === 0 || unsupported !== undefined)(
  `trace on a resolver that never answers${unsupported ? ` (skipped: ${unsupported})` : ''}`,
  () => {
    test.concurrent.each(VERSIONS)('go $version: dns-failure, naming the resolver', async (toolchain) => {
      const sandbox = await createSandbox({
        go: toolchain,
        goproxy: 'https://proxy.golang.org',
        gosumdb: 'off',
      });
      try {
        await sandbox.writeFiles({ 'go.mod': 'module example.com/app\n\ngo 1.19\n' });
        // A resolver that is asked twice, 5 s each time: the wait outlasts --stall by far.
        const wrapped = await namespaceCommand(
          { dns: { names: { 'proxy.golang.org': 'drop' } }, resolverOptions: 'timeout:5 attempts:2' },
          sandbox.labDir,
          process.execPath,
          [
            '--import',
            tsxLoader,
            mainScript,
            'trace',
            '--json',
            '--stall',
            String(STALL),
            '--timeout',
            '5',
            '--',
            'go',
            'mod',
            'download',
            'example.com/lab/ok@v1.0.0',
          ],
        );
        const result = await run(wrapped.command, wrapped.args, {
          env: { ...sandbox.env, NO_COLOR: '1' },
          cwd: sandbox.workDir,
          timeoutMs: 60_000,
        });
        const output = `stdout:\n${result.stdout}\nstderr:\n${result.stderr}`;
        expect(result.exitCode, output).toBe(124);
        const report = JSON.parse(result.stdout) as Report;
        expect(report.findings[0]?.cause, output).toBe('dns-failure');
        const diagnosis = result.stderr.split('\n').find((l) => l.startsWith('gomod-doctor: stuck'));
        expect(diagnosis, output).toMatch(
          /GET https:\/\/proxy\.golang\.org\/example\.com\/lab\/ok\/@v\/v1\.0\.0\.info/,
        );
        expect(diagnosis, output).toMatch(/waits for the DNS server 127\.0\.0\.1:53 \(dns-failure\)$/);
        const stall = (report.events as Array<{ kind: string; t: number; cause?: string }>).find(
          (e) => e.kind === 'stall',
        );
        expect(stall?.cause, output).toBe('dns-failure');
        expect(stall!.t, output).toBeLessThanOrEqual(STALL + 3);
      } finally {
        await sandbox.dispose();
      }
    });
  },
);
