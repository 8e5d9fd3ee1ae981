// Resolving an import below a repository root: proxy.golang.org lists no versions for a path inside
// an existing repository, and the go command reports `no matching versions for query "latest"`.
// The real go command of every installed release, against a loopback proxy that answers so.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgeRepository } from '../../src/module/hosts.ts';
import { goToolchains, titleNeedingGo } from '../helpers/go-matrix.ts';
import { causes, explain } from './helpers.ts';

const run = promisify(execFile);
const toolchains = goToolchains();
const dir = mkdtempSync(join(tmpdir(), 'gomod-doctor-import-lookup-'));
let server: Server;
let proxy = '';

beforeAll(async () => {
  // Like proxy.golang.org for a path inside a repository it knows: an empty list, no @latest.
  server = createServer((req, res) => {
    res.writeHead(req.url?.endsWith('/@v/list') ? 200 : 404, { 'content-type': 'text/plain' });
    res.end(req.url?.endsWith('/@v/list') ? '' : 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(toolchains.length === 0)(
  titleNeedingGo(
    'a package of your own module that does not exist: package-not-in-module',
    toolchains.length > 0,
  ),
  () => {
    for (const go of toolchains) {
      it(`go ${go.version} mod tidy`, async () => {
        const app = mkdtempSync(join(dir, 'app-'));
        mkdirSync(join(app, 'handlers'));
        writeFileSync(join(app, 'go.mod'), 'module github.com/org/app\n\ngo 1.19\n');
        // The views package is generated code that was never generated.
        writeFileSync(
          join(app, 'handlers', 'h.go'),
          'package handlers\n\nimport _ "github.com/org/app/views"\n',
        );
        const result = await run(go.goBin, ['mod', 'tidy'], {
          cwd: app,
          timeout: 120_000,
          env: {
            PATH: '/usr/bin:/bin',
            HOME: dir,
            GOCACHE: join(dir, 'gocache'),
            GOPATH: join(dir, 'gopath'),
            GOTOOLCHAIN: 'local',
            GOPROXY: proxy,
            GOSUMDB: 'off',
            GOFLAGS: '',
          },
        }).catch((error: { stderr: string; code: number }) => error);
        const stderr = 'stderr' in result ? String(result.stderr) : '';
        expect(stderr).toContain('no matching versions for query "latest"');
        const [finding] = explain(stderr);
        expect(finding?.cause).toBe('package-not-in-module');
        expect(finding?.message).toContain('github.com/org/app/views');
        expect(finding?.message).toContain('not generated yet');
      });
    }
  },
);

describe('no matching versions for "latest" while resolving an import', () => {
  it('below a repository root (the package path printed, or only on the finding line) is the package missing', () => {
    expect(
      causes(
        'go: finding module for package github.com/a/b/h2quic\nmain.go:11:2: no matching versions for query "latest"\n',
      ),
    ).toEqual(['package-not-in-module']);
  });

  it('for a repository root, or another query, it stays no-matching-versions', () => {
    expect(
      causes(
        'go: finding module for package github.com/a/b\nmain.go:3:2: no matching versions for query "latest"\n',
      ),
    ).toEqual(['no-matching-versions']);
    expect(causes('go: github.com/a/b/c@v1.9: no matching versions for query "v1.9"\n')).toEqual([
      'no-matching-versions',
    ]);
    expect(causes('go: example.com/a/b/c: no matching versions for query "latest"\n')).toEqual([
      'no-matching-versions',
    ]);
  });

  it('forgeRepository knows the fixed-root forges and major-version suffixes', () => {
    expect(forgeRepository('github.com/a/b/c/d')).toBe('github.com/a/b');
    expect(forgeRepository('github.com/a/b/v2/c')).toBe('github.com/a/b/v2');
    expect(forgeRepository('github.com/a/b/v1/c')).toBe('github.com/a/b');
    expect(forgeRepository('gitlab.com/group/sub/repo/pkg')).toBeUndefined();
    expect(forgeRepository('github.com/a')).toBeUndefined();
  });
});
