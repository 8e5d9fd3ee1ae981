// Differential tests: the same inputs through this library and through real go commands
// (every toolchain test/helpers/go-matrix.ts finds). Nothing here touches the network: GOPROXY is
// off, a file:// tree, or an HTTP server on loopback run by the test itself.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseGoMod } from '../../src/modfile/index.ts';
import { escapePath, escapeVersion, proxyVersionURLPath } from '../../src/module/escape.ts';
import {
  checkCanonicalVersion,
  checkPath,
  checkPathMajor,
  invalidVersionMessage,
  splitPathVersion,
} from '../../src/module/path.ts';
import { canonicalVersion } from '../../src/module/version.ts';
import { goToolchains, NO_GO_REASON } from '../helpers/go-matrix.ts';
import { listenOnLoopback } from '../lab/kit/listen.ts';
import { type GoSandbox, goSandbox, runGo } from './go-run.ts';

const toolchains = goToolchains();

const requirePaths = [
  'example.com/m',
  'example.com/m/v2',
  'example.com/m/v3',
  'example.com/m/v1',
  'example.com/m/v0',
  'example.com/m/v02',
  'example.com/m/v2.1',
  'example.com/foo.v2',
  'gopkg.in/yaml.v0',
  'gopkg.in/yaml.v1',
  'gopkg.in/yaml.v2',
  'gopkg.in/yaml.v2-unstable',
  'gopkg.in/yaml',
  'gopkg.in/check.v1',
  'github.com/Azure/azure-sdk-for-go',
];

const requireVersions = [
  'v0.1.0',
  'v1.0.0',
  'v2.0.0',
  'v3.1.0',
  'v2.0.0+incompatible',
  'v1.0.0+incompatible',
  'v2.0+incompatible',
  'v1.2',
  'v2',
  '1.0.0',
  'v1.0.0+meta',
  'v01.0.0',
  'v0.0.0-20160102150405-abcdef123456',
  'v2.0.0-20191109021931-daa7c04131f5',
  'v1.2.4-0.20191109021931-daa7c04131f5',
  'v1.2.3-pre',
  'v2.0.0-pre+incompatible',
  'latest',
];

/** What x/mod's go.mod parser (no version fixer, as in `go mod edit`) reports for one require line. */
function expectedRequireError(path: string, version: string): string | undefined {
  const canonical = canonicalVersion(version);
  if (canonical === '')
    return `require ${path}: ${invalidVersionMessage(version, 'must be of the form v1.2.3')}`;
  const split = splitPathVersion(path);
  if (!split.ok) return 'invalid module path';
  const reason = checkPathMajor(canonical, split.pathMajor);
  return reason === undefined ? undefined : `require ${path}: ${invalidVersionMessage(canonical, reason)}`;
}

// Paths for module.CheckPath: valid ones, and each kind of rejection.
const modulePaths = [
  'example.com/m',
  'example.com/m/v2',
  'github.com/Azure/azure-sdk-for-go',
  'example.com/x..y',
  'x.y/z~',
  'example/foo',
  'example.com/foo/',
  'example.com//foo',
  'example.com/./foo',
  'example.com/foo./bar',
  'example.com/.foo',
  'example.com/foo~1',
  'example.com/con',
  'example.com/aux.go',
  'example.com/foo+bar',
  'example.com:8080/foo',
  'example.com/日本',
  '-example.com/foo',
  'Example.com/foo',
  'ex_ample.com/foo',
  'example.com/m/v1',
  'example.com/m/v0',
  'example.com/m/v2.1',
  'gopkg.in/yaml',
  'gopkg.in/yaml.v2',
];

const suiteTitle =
  toolchains.length > 0
    ? 'differential against real go'
    : `differential against real go (skipped: ${NO_GO_REASON})`;

describe.skipIf(toolchains.length === 0)(suiteTitle, () => {
  describe.each(toolchains)('go$version', (toolchain) => {
    let sandbox: GoSandbox;
    beforeAll(() => {
      sandbox = goSandbox(toolchain);
    });
    afterAll(() => sandbox?.cleanup());

    it('reports the same require-line errors as `go mod edit -json`', async () => {
      const work = join(sandbox.dir, 'edit');
      mkdirSync(work, { recursive: true });
      const lines = ['module example.com/main', '', 'go 1.19', ''];
      const expected = new Map<number, string>();
      for (const path of requirePaths) {
        for (const version of requireVersions) {
          lines.push(`require ${path} ${version}`);
          const error = expectedRequireError(path, version);
          if (error !== undefined) expected.set(lines.length, error);
        }
      }
      writeFileSync(join(work, 'go.mod'), `${lines.join('\n')}\n`);

      const result = await runGo(toolchain, ['mod', 'edit', '-json'], work, sandbox.env);
      const actual = new Map<number, string>();
      for (const line of result.stderr.split('\n')) {
        const m = /go\.mod:(\d+): (.*)$/.exec(line);
        if (m) actual.set(Number(m[1]), m[2]!);
      }
      expect(expected.size).toBeGreaterThan(50);
      expect(result.code).not.toBe(0);
      expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));
    });

    it('quotes an invalid byte of a go.mod path as the go command does (\\x80, not its UTF-16 stand-in)', async () => {
      const work = join(sandbox.dir, 'invalid-byte');
      mkdirSync(work, { recursive: true });
      const gomod = Buffer.concat([
        Buffer.from('module example.com/main\n\ngo 1.19\n\nrequire example.com/a'),
        Buffer.from([0x80]),
        Buffer.from(' v1.0.0\n'),
      ]);
      writeFileSync(join(work, 'go.mod'), gomod);
      const { file, errors } = parseGoMod(gomod);
      expect(errors).toEqual([]);
      const ours = checkPath(file.require[0]!.path);
      expect(ours?.message).toBe('malformed module path "example.com/a\\x80": invalid UTF-8');
      const env = { ...sandbox.env, GOFLAGS: '-mod=mod' };
      const result = await runGo(toolchain, ['list', '-m', 'all'], work, env);
      expect(result.code).not.toBe(0);
      expect(result.stderr.split('\n')[0]).toBe(`go: ${ours!.message}`);
    });

    it('accepts and rejects module paths like module.CheckPath (via a file:// proxy)', async () => {
      const proxyDir = join(sandbox.dir, 'empty-proxy');
      mkdirSync(proxyDir, { recursive: true });
      const env = { ...sandbox.env, GOPROXY: pathToFileURL(proxyDir).href };
      const mismatches: string[] = [];
      for (const path of modulePaths) {
        // '--' keeps '-example.com/foo' from being taken for a flag.
        const result = await runGo(
          toolchain,
          ['list', '-m', '-json', '--', `${path}@v1.0.0`],
          sandbox.dir,
          env,
        );
        const output = result.stdout + result.stderr;
        const ours = checkPath(path);
        // The go command prints the CheckPath message verbatim (`go: P@v1.0.0: malformed module
        // path ...`); a valid path gets as far as asking the (empty) proxy.
        const agrees =
          ours === undefined
            ? !output.includes('malformed module path') && output.includes('reading file://')
            : output.includes(`go: ${path}@v1.0.0: ${ours.message}`);
        if (!agrees) {
          mismatches.push(`${path}: ours ${ours?.message ?? 'valid'}; go: ${output.trim()}`);
        }
      }
      expect(mismatches).toEqual([]);
    });

    it('words -exclude version errors like checkCanonicalVersion (`go mod edit -exclude`)', async () => {
      const work = join(sandbox.dir, 'exclude');
      mkdirSync(work, { recursive: true });
      const paths = [
        'example.com/m',
        'example.com/m/v2',
        'example.com/m/v1',
        'gopkg.in/yaml.v2',
        'gopkg.in/yaml.v1-unstable',
      ];
      const versions = [
        'v1.0.0',
        'v2.0.0',
        'v2.0.0+incompatible',
        'v1.2',
        'v2.0',
        'v1.0.0+meta',
        'v3.0.0-pre',
        'v0.0.0-20160102150405-abcdef123456',
      ];
      const mismatches: string[] = [];
      for (const path of paths) {
        for (const version of versions) {
          writeFileSync(join(work, 'go.mod'), 'module example.com/main\n\ngo 1.19\n');
          const arg = `-exclude=${path}@${version}`;
          const result = await runGo(toolchain, ['mod', 'edit', arg], work, sandbox.env);
          const reason = checkCanonicalVersion(path, version);
          const want = reason === undefined ? '' : `go: ${arg}: ${invalidVersionMessage(version, reason)}\n`;
          if (result.stderr !== want)
            mismatches.push(`${arg}: ours ${JSON.stringify(want)}, go ${JSON.stringify(result.stderr)}`);
        }
      }
      expect(mismatches).toEqual([]);
    });

    describe('case encoding matches the go command’s proxy requests and cache layout', () => {
      const modules = [
        ['github.com/ExampleOrg/CaseMod', 'v1.0.0-RC1'],
        ['example.com/lower', 'v1.2.3'],
        ['github.com/Azure/go-autorest/v14', 'v14.2.0'],
        ['example.com/m', 'v2.0.0+incompatible'],
      ] as const;

      function writeProxyTree(root: string): void {
        for (const [path, version] of modules) {
          const files = ['info', 'mod'] as const;
          for (const ext of files) {
            const url = proxyVersionURLPath(path, version, ext);
            if (!url.ok) throw new Error(url.error);
            const file = join(root, ...url.value.path.split('/'));
            mkdirSync(join(file, '..'), { recursive: true });
            writeFileSync(
              file,
              ext === 'info'
                ? JSON.stringify({ Version: version, Time: '2023-04-02T03:04:05Z' })
                : `module ${path}\n`,
            );
          }
        }
      }

      it('file:// proxy: go finds the files where escapePath/escapeVersion put them', async () => {
        const root = join(sandbox.dir, 'case-proxy');
        writeProxyTree(root);
        const cache = join(sandbox.dir, 'case-modcache');
        const env = { ...sandbox.env, GOPROXY: pathToFileURL(root).href, GOMODCACHE: cache };
        for (const [path, version] of modules) {
          const result = await runGo(
            toolchain,
            ['list', '-m', '-json', `${path}@${version}`],
            sandbox.dir,
            env,
          );
          expect(result.stderr, `${path}@${version}`).toBe('');
          expect(JSON.parse(result.stdout)).toMatchObject({ Path: path, Version: version });
          const escapedPath = escapePath(path);
          const escapedVersion = escapeVersion(version);
          expect(escapedPath.ok && escapedVersion.ok).toBe(true);
          if (!escapedPath.ok || !escapedVersion.ok) continue;
          const cached = join(
            cache,
            'cache',
            'download',
            ...escapedPath.value.split('/'),
            '@v',
            `${escapedVersion.value}.info`,
          );
          expect(existsSync(cached), cached).toBe(true);
        }
      });

      it('HTTP proxy on loopback: the request paths carry %21 where the protocol path has !', async () => {
        const root = join(sandbox.dir, 'http-proxy');
        writeProxyTree(root);
        const seen: string[] = [];
        const server = createServer((req, res) => {
          const raw = (req.url ?? '').split('?')[0]!;
          seen.push(raw);
          const file = join(root, ...decodeURIComponent(raw).split('/').filter(Boolean));
          readFile(file).then(
            (body) => res.writeHead(200).end(body),
            () => res.writeHead(404).end('not found'),
          );
        });
        await listenOnLoopback(server);
        try {
          const { port } = server.address() as AddressInfo;
          const env = {
            ...sandbox.env,
            GOPROXY: `http://127.0.0.1:${port}`,
            GOMODCACHE: join(sandbox.dir, 'http-modcache'),
          };
          for (const [path, version] of modules) {
            const result = await runGo(
              toolchain,
              ['list', '-m', '-json', `${path}@${version}`],
              sandbox.dir,
              env,
            );
            expect(result.stderr, `${path}@${version}`).toBe('');
            const url = proxyVersionURLPath(path, version, 'info');
            expect(url.ok).toBe(true);
            if (url.ok) expect(seen).toContain(`/${url.value.wire}`);
          }
          expect(seen.some((p) => p.includes('%21'))).toBe(true);
        } finally {
          await new Promise<void>((resolve) => server.close(() => resolve()));
        }
      });
    });
  });
});
