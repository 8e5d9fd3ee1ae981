// The lab's fault cases: each one a real go command failing (or hanging) against a loopback
// server that misbehaves in one specific way. Used by the lab tests, which check the key lines,
// and by scripts/lab-transcripts.ts, which saves the normalised transcripts as fixtures.
import { chmod, chown, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunResult } from '../../src/exec/run.ts';
import { createModuleZip } from '../../src/gosum/modzip.ts';
import { goToolchains } from '../helpers/go-matrix.ts';
import { privateRepoBody, sumdbPrivateBody } from './kit/faults.ts';
import { startFullBacklogListener } from './kit/full-backlog.ts';
import type { GitHttpServer } from './kit/git.ts';
import { createGitRepository, redirectGitHost, startGitHttpServer } from './kit/git.ts';
import type { ConnectAction, ConnectProxy } from './kit/https-proxy.ts';
import {
  goGetPageRoute,
  goGetRoute,
  goImportPage,
  LOGIN_PAGE,
  startConnectProxy,
} from './kit/https-proxy.ts';
import type { NamespaceSpec } from './kit/namespace.ts';
import { namespaceCommand } from './kit/namespace.ts';
import type { ProxyServer } from './kit/proxy-server.ts';
import { startProxyServer } from './kit/proxy-server.ts';
import type { LabToolchain, Sandbox, SandboxOptions } from './kit/sandbox.ts';
import { createSandbox } from './kit/sandbox.ts';
import type { ChecksumDatabase } from './kit/sumdb.ts';
import { createSumdbSigner, startChecksumDatabase } from './kit/sumdb.ts';
import type { LabCa } from './kit/tls.ts';
import { createLabCa } from './kit/tls.ts';
import { normalizeTranscript } from './kit/transcript.ts';
import type { ModuleDecl, ModuleUniverse } from './kit/universe.ts';
import { createUniverse, simpleModule, toBytes } from './kit/universe.ts';

/**
 * The releases the lab proves its faults with (those of them that are installed): each has its
 * recorded transcripts in test/fixtures/transcripts (`npm run lab:transcripts`).
 */
const LAB_GO_VERSIONS = ['1.19', '1.23', '1.24', '1.25', '1.26', '1.27'] as const;

/**
 * The releases the lab tests run in CI: the oldest, the last one before the go command's
 * messages of 1.25-1.27, and the newest (README "Which Go releases each suite runs").
 * GOMOD_DOCTOR_GO_RELEASES=all runs every lab release, or a comma list exactly those.
 */
const LAB_CI_VERSIONS = ['1.19', '1.24', '1.27'] as const;

export function labToolchains(scope: 'ci' | 'all' = 'ci'): Array<LabToolchain & { version: string }> {
  const lab = goToolchains().filter((t) => (LAB_GO_VERSIONS as readonly string[]).includes(t.version));
  const override = process.env.GOMOD_DOCTOR_GO_RELEASES?.trim();
  if (override === 'all') return lab;
  if (override) {
    const wanted = new Set(override.split(',').map((v) => v.trim().replace(/^go/, '')));
    return lab.filter((t) => wanted.has(t.version));
  }
  if (scope === 'all') return lab;
  return lab.filter((t) => (LAB_CI_VERSIONS as readonly string[]).includes(t.version));
}

const CORP_SECRET = 'corp.example.com/team/secret';
const PRIVATE_SECRET = 'private.example.com/team/secret';
const SUMDB_PRIVATE = 'corp.example.com/team/sumdb';

// ?go-get=1 discovery that goes wrong: one vanity/self-hosted host, one path prefix per way.
const DISCOVERY_HOST = 'go.corp.example.com';
const DISCOVERY = {
  gone: `${DISCOVERY_HOST}/gone/lib`,
  login: `${DISCOVERY_HOST}/login/lib`,
  multi: `${DISCOVERY_HOST}/multi/lib`,
  mismatch: `${DISCOVERY_HOST}/mismatch/lib`,
} as const;

// GOPRIVATE set, but written so that it never matches (see patternIssues in src/goenv/patterns.ts).
const GOPRIVATE_SCHEME = 'git.corp.example.com/team/scheme';
const GOPRIVATE_SPACED = 'git.corp.example.com/team/spaced';
/**
 * Served only by git (found by ?go-get=1), never part of the universe: adding it there would
 * change the local checksum database's tree, which sumdb transcripts show.
 */
const GOPRIVATE_SPACED_MODULE: ModuleDecl = {
  path: GOPRIVATE_SPACED,
  versions: { 'v1.0.0': { files: packageFiles(GOPRIVATE_SPACED) } },
};

// Project faults: modules for the cases where the go command rejects the project itself (go.mod,
// go.sum, go.work, vendor/, paths and versions, the environment) rather than the network.
const PROJ = 'example.com/lab/proj';

/** A module version with one package at its root (package name = last path element). */
function packageFiles(path: string, goMod: string = `module ${path}\n\ngo 1.19\n`): Record<string, string> {
  const name = path
    .split('/')
    .at(-1)!
    .replace(/\.git$/, '')
    .replace(/[^a-z0-9]/g, '');
  return {
    'go.mod': goMod,
    [`${name}.go`]: `package ${name}\n\n// Name names the lab package.\nconst Name = "${path}"\n`,
  };
}

const PROJECT_MODULES: readonly ModuleDecl[] = [
  { path: `${PROJ}/dep`, versions: { 'v1.0.0': { files: packageFiles(`${PROJ}/dep`) } } },
  {
    // Requires dep and imports it: a go 1.17+ main module must then list dep itself.
    path: `${PROJ}/user`,
    versions: {
      'v1.0.0': {
        files: {
          'go.mod': `module ${PROJ}/user\n\ngo 1.19\n\nrequire ${PROJ}/dep v1.0.0\n`,
          'user.go': `package user\n\nimport "${PROJ}/dep"\n\n// Name names the lab package.\nconst Name = dep.Name\n`,
        },
      },
    },
  },
  // A fork or rename: served as .../renamed, its go.mod still says .../original.
  {
    path: `${PROJ}/renamed`,
    versions: {
      'v1.0.0': { files: packageFiles(`${PROJ}/renamed`, `module ${PROJ}/original\n\ngo 1.19\n`) },
    },
  },
  // Two modules that both provide the package .../amb/sub.
  {
    path: `${PROJ}/amb`,
    versions: {
      'v1.0.0': {
        files: {
          'go.mod': `module ${PROJ}/amb\n\ngo 1.19\n`,
          'sub/sub.go': 'package sub\n\n// Name names the lab package.\nconst Name = "amb"\n',
        },
      },
    },
  },
  { path: `${PROJ}/amb/sub`, versions: { 'v1.0.0': { files: packageFiles(`${PROJ}/amb/sub`) } } },
  {
    path: `${PROJ}/retract`,
    versions: {
      'v1.0.0': { files: packageFiles(`${PROJ}/retract`) },
      'v1.1.0': {
        files: packageFiles(
          `${PROJ}/retract`,
          `module ${PROJ}/retract\n\ngo 1.19\n\n// lab: v1.0.0 deletes the data it should keep\nretract v1.0.0\n`,
        ),
      },
    },
  },
  {
    path: `${PROJ}/deprecated`,
    versions: {
      'v1.0.0': { files: packageFiles(`${PROJ}/deprecated`) },
      'v1.1.0': {
        files: packageFiles(
          `${PROJ}/deprecated`,
          `// Deprecated: use ${PROJ}/dep instead.\nmodule ${PROJ}/deprecated\n\ngo 1.19\n`,
        ),
      },
    },
  },
  {
    // A command whose go.mod replaces a dependency: `go install M@V` refuses it.
    path: `${PROJ}/tool`,
    versions: {
      'v1.0.0': {
        files: {
          'go.mod': `module ${PROJ}/tool\n\ngo 1.19\n\nrequire ${PROJ}/dep v1.0.0\n\nreplace ${PROJ}/dep => ../dep\n`,
          'main.go': 'package main\n\nfunc main() {}\n',
        },
      },
    },
  },
  {
    path: `${PROJ}/xtool`,
    versions: {
      'v1.0.0': {
        files: {
          'go.mod': `module ${PROJ}/xtool\n\ngo 1.19\n\nrequire ${PROJ}/dep v1.0.0\n\nexclude ${PROJ}/dep v0.9.0\n`,
          'main.go': 'package main\n\nfunc main() {}\n',
        },
      },
    },
  },
  {
    path: `${PROJ}/inner`,
    versions: {
      'v1.0.0': {
        files: {
          'go.mod': `module ${PROJ}/inner\n\ngo 1.19\n`,
          'internal/secret/secret.go':
            'package secret\n\n// Name names the lab package.\nconst Name = "secret"\n',
        },
      },
    },
  },
  // The proxy lists no version and has no @latest for it (see PROJECT_PROXY_FAULTS).
  { path: `${PROJ}/noversions`, versions: { 'v1.0.0': { files: packageFiles(`${PROJ}/noversions`) } } },
  // Served by git (direct mode): revisions, pseudo-versions, GOVCS, a missing git binary.
  { path: 'lab.example/proj.git', versions: { 'v1.0.0': { files: packageFiles('lab.example/proj.git') } } },
];

/**
 * Modules only served by git, never part of the universe (whose proxy, zips and checksum database
 * would refuse them): a v2 tag without the /v2 suffix, a file name the module zip rules reject.
 */
const GIT_ONLY_MODULES: readonly ModuleDecl[] = [
  {
    path: 'lab.example/major.git',
    versions: {
      'v1.0.0': { files: packageFiles('lab.example/major.git') },
      'v2.0.0': { files: packageFiles('lab.example/major.git') },
    },
  },
  {
    path: 'lab.example/badzip.git',
    versions: {
      'v1.0.0': {
        files: { ...packageFiles('lab.example/badzip.git'), "notes/it's.txt": 'a quote in the name\n' },
      },
    },
  },
];

const PROJECT_PROXY_FAULTS = [
  {
    name: 'no-versions-list',
    match: { module: `${PROJ}/noversions`, endpoint: 'list' },
    action: { type: 'body', body: '' },
  },
  {
    name: 'no-versions-latest',
    match: { module: `${PROJ}/noversions`, endpoint: 'latest' },
    action: {
      type: 'status',
      status: 404,
      body: `not found: ${PROJ}/noversions@latest: no matching versions`,
    },
  },
] as const;

/** Every module the cases use; one module path per case, so that path-scoped faults never collide. */
const LAB_MODULES: readonly ModuleDecl[] = [
  simpleModule('example.com/lab/ok'),
  simpleModule('example.com/lab/e403'),
  simpleModule('example.com/lab/e500'),
  simpleModule('example.com/lab/e502'),
  simpleModule('example.com/lab/stall'),
  simpleModule('example.com/lab/slow'),
  simpleModule('example.com/lab/reset'),
  simpleModule('example.com/lab/eof'),
  simpleModule('example.com/lab/truncated'),
  simpleModule('example.com/lab/corrupt'),
  simpleModule('example.com/lab/tampered'),
  simpleModule('lab.example/ok.git'),
  simpleModule('lab.example/locked.git'),
  simpleModule('lab.example/hang.git'),
  simpleModule('lab.example/helper.git'),
  // Private modules reached by `?go-get=1` discovery on HTTPS (through the CONNECT proxy).
  simpleModule(CORP_SECRET),
  simpleModule(PRIVATE_SECRET),
  // Checksum database cases (one module each, so that lookups and faults never collide).
  simpleModule('example.com/lab/sumgone'),
  simpleModule('example.com/lab/sumstall'),
  simpleModule('example.com/lab/sumlie'),
  simpleModule(SUMDB_PRIVATE),
  // Local faults: a held cache lock, an unwritable cache, a full disk.
  simpleModule('example.com/lab/locked'),
  simpleModule('example.com/lab/perm'),
  bigModule('example.com/lab/big'),
];

/** A module whose zip (about 300 KB, hardly compressible) cannot fit a 64 KiB filesystem. */
function bigModule(path: string): ModuleDecl {
  const base = simpleModule(path);
  // A deterministic pseudo-random text: compression cannot shrink it much.
  let state = 12345;
  const noise = Array.from({ length: 300_000 }, () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return String.fromCharCode(33 + (state % 90));
  }).join('');
  const files = { ...base.versions['v1.0.0']!.files, 'data.txt': noise };
  return { path, versions: { 'v1.0.0': { files } } };
}

export interface LabServers {
  universe: ModuleUniverse;
  proxy: ProxyServer;
  /**
   * The project cases' modules and their own proxy: kept out of `universe`, so that adding one
   * never changes what the checksum database holds (its tree size shows in sumdb transcripts).
   */
  projectUniverse: ModuleUniverse;
  projectProxy: ProxyServer;
  /** Anonymous smart-HTTP git server. */
  git: GitHttpServer;
  /** The same repositories behind Basic auth. */
  gitAuth: GitHttpServer;
  reposDir: string;
  /** A loopback URL where nothing listens. */
  refusedUrl: string;
  /** The lab CA (SSL_CERT_FILE, git's http.sslCAInfo). */
  ca: LabCa;
  /**
   * The CONNECT proxy (HTTPS_PROXY) for proxy.golang.org and goproxy.corp.example.com (→ the lab
   * proxy), sum.golang.org (→ `publicSumdb`), corp.example.com (go-get → anonymous git) and
   * private.example.com (go-get → git with Basic auth).
   */
  https: ConnectProxy;
  /** CONNECT proxies with the same routes and one fault for every host, by fault name. */
  faultyHttps: Record<HttpsFaultName, ConnectProxy>;
  /** A local checksum database with a lab key, holding every module of the universe (one lies). */
  sumdb: ChecksumDatabase;
  /** Stands in for sum.golang.org: no records (404 for every lookup), so its key never matters. */
  publicSumdb: ChecksumDatabase;
  close(): Promise<void>;
}

export type HttpsFaultName =
  | 'self-signed'
  | 'expired'
  | 'wrong-name'
  | 'tls-stall'
  | 'connect-403'
  | 'connect-407'
  | 'connect-stall';

const HTTPS_FAULTS: Record<HttpsFaultName, ConnectAction> = {
  'self-signed': { type: 'certificate', certificate: 'self-signed' },
  expired: { type: 'certificate', certificate: 'expired' },
  'wrong-name': { type: 'certificate', certificate: 'wrong-name', otherName: 'proxy.corp.example.net' },
  'tls-stall': { type: 'tls-stall' },
  'connect-403': { type: 'refuse', status: 403 },
  'connect-407': {
    type: 'refuse',
    status: 407,
    headers: { 'Proxy-Authenticate': 'Basic realm="corporate proxy"' },
  },
  'connect-stall': { type: 'stall' },
};

/** Starts the servers every case shares and installs the (path-scoped) faults. */
export async function startLabServers(): Promise<LabServers> {
  const universe = createUniverse(LAB_MODULES);
  const root = await mkdtemp(join(tmpdir(), 'gomod-lab-repos-'));
  const reposDir = join(root, 'repos');
  const closers: Array<() => Promise<void>> = [() => rm(root, { recursive: true, force: true })];
  try {
    for (const module of LAB_MODULES.filter((m) => m.path.endsWith('.git'))) {
      const name = module.path.split('/').at(-1)!;
      await createGitRepository(universe, module.path, { dir: join(reposDir, name) });
    }
    // Served under a directory per host: /corp/team/secret.git, /private/team/secret.git.
    await createGitRepository(universe, CORP_SECRET, { dir: join(reposDir, 'corp', 'team', 'secret.git') });
    await createGitRepository(universe, PRIVATE_SECRET, {
      dir: join(reposDir, 'private', 'team', 'secret.git'),
    });
    await createGitRepository(createUniverse([GOPRIVATE_SPACED_MODULE]), GOPRIVATE_SPACED, {
      dir: join(reposDir, 'gitcorp', 'team', 'spaced.git'),
    });
    const projectUniverse = createUniverse(PROJECT_MODULES);
    // createUniverse checks versions only; nothing here asks it for a zip or a checksum.
    const gitOnly = createUniverse(GIT_ONLY_MODULES);
    for (const [source, modules] of [
      [projectUniverse, PROJECT_MODULES],
      [gitOnly, GIT_ONLY_MODULES],
    ] as const) {
      for (const module of modules.filter((m) => m.path.endsWith('.git'))) {
        const dir = join(reposDir, module.path.split('/').at(-1)!);
        await createGitRepository(source, module.path, { dir });
      }
    }
    const proxy = await startProxyServer({ universe });
    closers.unshift(() => proxy.close());
    const git = await startGitHttpServer({ root: reposDir });
    closers.unshift(() => git.close());
    const gitAuth = await startGitHttpServer({
      root: reposDir,
      auth: { username: 'lab', password: 'secret' },
    });
    closers.unshift(() => gitAuth.close());
    // Listen, note the port, close: a port that refuses connections for the rest of the run.
    const gone = await startProxyServer({ universe });
    const refusedUrl = gone.url;
    await gone.close();

    for (const fault of PROXY_FAULTS) proxy.addFault(fault);
    const projectProxy = await startProxyServer({ universe: projectUniverse });
    closers.unshift(() => projectProxy.close());
    for (const fault of PROJECT_PROXY_FAULTS) projectProxy.addFault(fault);
    proxy.addFault({
      name: 'tampered-zip',
      match: { module: TAMPERED, endpoint: 'zip' },
      action: { type: 'body', body: tamperedZip(universe) },
    });
    git.addFault({ name: 'git-stall', match: { path: '/hang*/**' }, action: { type: 'stall' } });

    const sumdb = await startChecksumDatabase({
      universe,
      records: [lyingRecord(universe)],
      faults: [
        {
          name: 'sumdb-gone',
          match: { module: 'example.com/lab/sumgone' },
          action: {
            type: 'status',
            status: 410,
            body: sumdbPrivateBody('example.com/lab/sumgone', 'v1.0.0'),
          },
        },
        { name: 'sumdb-stall', match: { module: 'example.com/lab/sumstall' }, action: { type: 'stall' } },
      ],
    });
    closers.unshift(() => sumdb.close());
    const publicSumdb = await startChecksumDatabase({
      name: 'sum.golang.org',
      faults: [SUMDB_PRIVATE, CORP_SECRET, GOPRIVATE_SPACED].map((module) => ({
        name: 'sumdb-private',
        match: { module },
        action: { type: 'status', status: 404, body: sumdbPrivateBody(module, 'v1.0.0') },
      })),
    });
    closers.unshift(() => publicSumdb.close());

    const ca = await createLabCa();
    closers.push(() => ca.dispose());
    const routes = {
      'proxy.golang.org': proxy.url,
      'goproxy.corp.example.com': proxy.url,
      'sum.golang.org': publicSumdb.url,
      'corp.example.com': goGetRoute(
        [
          { prefix: CORP_SECRET, repoRoot: `https://${CORP_SECRET}` },
          { prefix: SUMDB_PRIVATE, repoRoot: `https://${SUMDB_PRIVATE}` },
        ],
        `${git.url}/corp`,
      ),
      'private.example.com': goGetRoute(
        [{ prefix: PRIVATE_SECRET, repoRoot: `https://${PRIVATE_SECRET}` }],
        `${gitAuth.url}/private`,
      ),
      'git.corp.example.com': goGetRoute(
        [{ prefix: GOPRIVATE_SPACED, repoRoot: `https://${GOPRIVATE_SPACED}` }],
        `${git.url}/gitcorp`,
      ),
      [DISCOVERY_HOST]: goGetPageRoute(DISCOVERY_PAGES),
    };
    const https = await startConnectProxy({ ca, routes });
    closers.unshift(() => https.close());
    const faultyHttps = {} as Record<HttpsFaultName, ConnectProxy>;
    for (const [name, action] of Object.entries(HTTPS_FAULTS) as Array<[HttpsFaultName, ConnectAction]>) {
      const faulty = await startConnectProxy({ ca, routes, faults: [{ name, host: '**', action }] });
      closers.unshift(() => faulty.close());
      faultyHttps[name] = faulty;
    }

    return {
      universe,
      proxy,
      projectUniverse,
      projectProxy,
      git,
      gitAuth,
      reposDir,
      refusedUrl,
      ca,
      https,
      faultyHttps,
      sumdb,
      publicSumdb,
      close: async () => {
        for (const close of closers) await close();
      },
    };
  } catch (error) {
    for (const close of closers) await close();
    throw error;
  }
}

const TAMPERED = 'example.com/lab/tampered';

/** A checksum-database record for sumlie whose zip hash is another module's: the database lies. */
function lyingRecord(universe: ModuleUniverse) {
  const path = 'example.com/lab/sumlie';
  const otherZipHash = /h1:\S+/.exec(universe.goSumLines('example.com/lab/ok', 'v1.0.0'))![0];
  const modLine = universe.goSumLines(path, 'v1.0.0').split('\n')[1]!;
  return { path, version: 'v1.0.0', text: `${path} v1.0.0 ${otherZipHash}\n${modLine}\n` };
}

/** The same module@version with one file changed: what a re-tagged or replaced release serves. */
function tamperedZip(universe: ModuleUniverse): Uint8Array {
  const files = Object.entries(universe.files(TAMPERED, 'v1.0.0')).map(([path, contents]) => ({
    path,
    contents: toBytes(
      path.endsWith('.go') ? `${String(contents)}\n// changed after the release\n` : contents,
    ),
  }));
  const zip = createModuleZip(TAMPERED, 'v1.0.0', files);
  if (!zip.ok) throw new Error(zip.error);
  return zip.value;
}

/** What go.corp.example.com answers to ?go-get=1 under each prefix of DISCOVERY. */
const DISCOVERY_PAGES = [
  // A vanity server that does not know the path (or a forge that hides a private repository).
  { prefix: `${DISCOVERY_HOST}/gone`, status: 404, body: '<html><body>Not Found</body></html>\n' },
  // An SSO gateway or private forge that shows anonymous clients a sign-in page.
  { prefix: `${DISCOVERY_HOST}/login`, body: LOGIN_PAGE },
  // Two tags for the same prefix (a template that adds one per repository mirror).
  {
    prefix: `${DISCOVERY_HOST}/multi`,
    body: goImportPage([
      { prefix: DISCOVERY.multi, repoRoot: `https://${DISCOVERY.multi}` },
      { prefix: DISCOVERY.multi, repoRoot: `https://mirror.corp.example.com/multi/lib` },
    ]),
  },
  // A tag for another prefix than the one asked for (e.g. a subgroup path cut short).
  {
    prefix: `${DISCOVERY_HOST}/mismatch`,
    body: goImportPage([{ prefix: `${DISCOVERY_HOST}/other`, repoRoot: `https://${DISCOVERY_HOST}/other` }]),
  },
];

const PROXY_FAULTS = [
  ...[GOPRIVATE_SCHEME, GOPRIVATE_SPACED].map((module) => ({
    name: 'private-410-goprivate',
    match: { module },
    action: { type: 'status', status: 410, body: privateRepoBody(module) } as const,
  })),
  {
    name: 'private-410-secret',
    match: { module: 'corp.example.com/team/se*' },
    action: { type: 'status', status: 410, body: privateRepoBody(CORP_SECRET) },
  },
  {
    name: 'private-410',
    match: { module: 'corp.example.com/team/lib' },
    action: { type: 'status', status: 410, body: privateRepoBody('corp.example.com/team/lib') },
  },
  { name: 'forbidden', match: { module: 'example.com/lab/e403' }, action: { type: 'status', status: 403 } },
  {
    name: 'server-error',
    match: { module: 'example.com/lab/e500' },
    action: { type: 'status', status: 500 },
  },
  { name: 'bad-gateway', match: { module: 'example.com/lab/e502' }, action: { type: 'status', status: 502 } },
  { name: 'stall', match: { module: 'example.com/lab/stall' }, action: { type: 'stall' } },
  {
    name: 'dribble',
    match: { module: 'example.com/lab/slow', endpoint: 'zip' },
    action: { type: 'dribble', chunkBytes: 100, intervalMs: 150 },
  },
  {
    name: 'reset',
    match: { module: 'example.com/lab/reset', endpoint: 'zip' },
    action: { type: 'reset', afterBytes: 200 },
  },
  { name: 'eof', match: { module: 'example.com/lab/eof', endpoint: 'info' }, action: { type: 'close' } },
  {
    name: 'truncated-zip',
    match: { module: 'example.com/lab/truncated', endpoint: 'zip' },
    action: { type: 'truncate' },
  },
  {
    name: 'corrupt-zip',
    match: { module: 'example.com/lab/corrupt', endpoint: 'zip' },
    action: { type: 'corrupt', where: 'directory' },
  },
] as const;

export interface CaseRun {
  result: RunResult;
  /** The normalised transcript: `$ go ARGS` and then everything the command printed. */
  transcript: string;
  sandbox: Sandbox;
}

export interface LabCase {
  /** Fixture name: test/fixtures/transcripts/<name>.go1.XX.txt */
  name: string;
  /** The real-world situation it stands for. */
  title: string;
  sandbox(servers: LabServers): Omit<SandboxOptions, 'go'>;
  prepare?(sandbox: Sandbox, servers: LabServers): Promise<void>;
  args: readonly string[];
  timeoutMs: number;
  /** The go command is expected to still be running when the timeout ends it. */
  hangs?: boolean;
  /** Expected exit: 'fail' (non-zero), 'ok'; ignored when it hangs. */
  exit?: 'fail' | 'ok';
  /** Every pattern must match some line of the normalised transcript (a function: per Go version). */
  keyLines: readonly RegExp[] | ((goVersion: string) => readonly RegExp[]);
  /** Needs Linux namespaces and mounts (root): skipped with `namespaceSupport()`'s reason otherwise. */
  needsNamespaces?: boolean;
  /** Runs the go command inside namespaces set up this way (see test/lab/kit/namespace.ts). */
  namespace?(sandbox: Sandbox, servers: LabServers): NamespaceSpec;
  /**
   * Runs `go ARGS` the way a script does, through /bin/sh (the arguments passed as positional
   * parameters, never spliced into the script), for failures only a shell reports.
   */
  viaShell?: boolean;
  /** Runs the go command as this user and group id (with `setpriv`), e.g. to meet file permissions. */
  runAs?: { uid: number; gid: number };
  /** Takes long (a real 30 s timeout): tests run it only with GOMOD_LAB_SLOW=1; the script always. */
  slow?: boolean;
}

/** Another installed release than `toolchain`'s: the nearest older one, else the nearest newer. */
function otherRelease(toolchain: LabToolchain): LabToolchain {
  const minor = (version: string | undefined) => Number(version?.split('.')[1]);
  const others = goToolchains().filter((t) => t.version !== toolchain.version);
  const older = others.filter((t) => minor(t.version) < minor(toolchain.version)).at(-1);
  const other = older ?? others[0];
  if (!other) throw new Error('goroot-mismatch needs two installed Go releases');
  return other;
}

/** What a case's prepare step leaves running (a lock holder, a listener), ended after the go command. */
const caseResources = new WeakMap<Sandbox, Array<() => Promise<void>>>();

function onDispose(sandbox: Sandbox, close: () => Promise<void>): void {
  const list = caseResources.get(sandbox) ?? [];
  list.push(close);
  caseResources.set(sandbox, list);
}

const WORK_GO_MOD = 'module example.com/app\n\ngo 1.19\n';
const P = String.raw`http://127\.0\.0\.1:\$PORT`;

const OK_INFO = String.raw`https://proxy\.golang\.org/example\.com/lab/ok/@v/v1\.0\.0\.info`;
/** Go 1.20+ wrap certificate errors as `tls: failed to verify certificate: x509: ...`. */
const x509 = (goVersion: string): string =>
  Number(goVersion.split('.')[1]) >= 20 ? 'tls: failed to verify certificate: x509: ' : 'x509: ';
/** The uid/gid of `nobody`, for running the go command unprivileged. */
const NOBODY = 65534;

/** HTTPS to real-looking names through one of the lab's CONNECT proxies, trusting the lab CA. */
function viaHttps(
  connectProxy: (servers: LabServers) => ConnectProxy,
  overrides: Partial<Omit<SandboxOptions, 'go'>> = {},
): (servers: LabServers) => Omit<SandboxOptions, 'go'> {
  return (servers) => ({
    goproxy: 'https://proxy.golang.org',
    gosumdb: 'off',
    ...overrides,
    env: { HTTPS_PROXY: connectProxy(servers).url, SSL_CERT_FILE: servers.ca.certFile, ...overrides.env },
  });
}

/**
 * ?go-get=1 discovery through the CONNECT proxy: GOPRIVATE covers the discovery host, so the go
 * command asks it directly (never proxy.golang.org or sum.golang.org).
 */
function viaDiscovery(servers: LabServers): Omit<SandboxOptions, 'go'> {
  return viaHttps((s) => s.https, {
    goproxy: 'https://proxy.golang.org,direct',
    gosumdb: 'sum.golang.org',
    goprivate: DISCOVERY_HOST,
  })(servers);
}

/** git reads the lab CA from its config (curl does not read SSL_CERT_FILE in every build). */
async function trustLabCaInGit(sandbox: Sandbox, servers: LabServers): Promise<void> {
  await sandbox.gitConfig([{ section: 'http', key: 'sslCAInfo', value: servers.ca.certFile }]);
}

function viaSumdb(
  gosumdb: (servers: LabServers) => string,
): (servers: LabServers) => Omit<SandboxOptions, 'go'> {
  return (servers) => ({ goproxy: servers.proxy.url, gosumdb: gosumdb(servers) });
}

/** GOPROXY at a listener whose accept queue is full: the connect hangs in SYN_SENT. */
async function useFullBacklogProxy(sandbox: Sandbox): Promise<void> {
  await workModule(sandbox);
  const listener = await startFullBacklogListener();
  onDispose(sandbox, () => listener.close());
  sandbox.env.GOPROXY = listener.url;
}

/** Holds an exclusive flock on `file` (util-linux flock, through run()) until the case ends. */
async function holdLock(sandbox: Sandbox, file: string): Promise<void> {
  await mkdir(join(file, '..'), { recursive: true });
  const stop = new AbortController();
  let started: () => void = () => {};
  const locked = new Promise<void>((resolve) => {
    started = resolve;
  });
  const holder = sandbox.exec('flock', ['--exclusive', file, 'sh', '-c', 'echo locked; exec sleep 3600'], {
    timeoutMs: 600_000,
    signal: stop.signal,
    onStdout: () => started(),
  });
  onDispose(sandbox, async () => {
    stop.abort();
    await holder;
  });
  await Promise.race([
    locked,
    holder.then((r) => {
      throw new Error(`flock ended: ${r.stderr}`);
    }),
  ]);
}

/**
 * Hands the sandbox to `uid` (so that an unprivileged go command can use its home, caches and work
 * dir) except `keep`, which stays root's and unwritable for others, the way `sudo go` leaves it.
 */
async function giveSandboxTo(sandbox: Sandbox, uid: number, keep: readonly string[]): Promise<void> {
  for (const dir of keep) await mkdir(dir, { recursive: true, mode: 0o755 });
  const walk = async (path: string): Promise<void> => {
    if (keep.includes(path)) return;
    await chown(path, uid, uid);
    const entries = await readdir(path, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (entry.isDirectory()) await walk(join(path, entry.name));
      else await chown(join(path, entry.name), uid, uid);
    }
  };
  await walk(sandbox.root);
  // mkdtemp makes the root 0700: the user must be able to enter it.
  await chmod(sandbox.root, 0o755);
}

function viaProxy(servers: LabServers): Omit<SandboxOptions, 'go'> {
  return { goproxy: servers.proxy.url, gosumdb: 'off' };
}

async function workModule(sandbox: Sandbox): Promise<void> {
  await sandbox.writeFiles({ 'go.mod': WORK_GO_MOD });
}

const download = (module: string): readonly string[] => ['mod', 'download', '-x', module];

/** The main module of the project cases: go.mod (go 1.19 unless given) plus these files. */
function project(
  files: Record<string, string> | ((servers: LabServers) => Record<string, string>),
): (sandbox: Sandbox, servers: LabServers) => Promise<void> {
  return async (sandbox, servers) => {
    const own = typeof files === 'function' ? files(servers) : files;
    await sandbox.writeFiles({ 'go.mod': WORK_GO_MOD, ...own });
  };
}

/** go.mod of the main module requiring `requires` (path → version), plus extra lines. */
function appGoMod(requires: Record<string, string>, extra = '', goLine = 'go 1.19'): string {
  const lines = Object.entries(requires).map(([path, version]) => `\t${path} ${version}\n`);
  const block = lines.length > 0 ? `\nrequire (\n${lines.join('')})\n` : '';
  return `module example.com/app\n\n${goLine}\n${block}${extra}`;
}

function viaProjectProxy(servers: LabServers): Omit<SandboxOptions, 'go'> {
  return { goproxy: servers.projectProxy.url, gosumdb: 'off' };
}

/** A main package importing `imports`. */
function mainImporting(...imports: string[]): string {
  return `package main\n\nimport (\n${imports.map((i) => `\t_ "${i}"\n`).join('')})\n\nfunc main() {}\n`;
}

/** go install M@V of a module whose go.mod has a replace (module tool) or exclude (xtool) directive. */
function installRefusal(directive: 'replace' | 'exclude'): LabCase {
  const module = `${PROJ}/${directive === 'replace' ? 'tool' : 'xtool'}`;
  return {
    name: `install-${directive}-directive`,
    title: `go install M@V of a module whose go.mod has ${directive === 'replace' ? 'a replace' : 'an exclude'} directive`,
    sandbox: viaProjectProxy,
    prepare: workModule,
    args: ['install', `${module}@v1.0.0`],
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [
      new RegExp(`^go: ${E(module)}@v1\\.0\\.0 \\(in ${E(module)}@v1\\.0\\.0\\):$`),
      /^\tThe go\.mod file for the module providing named packages contains one or$/,
      new RegExp(`^\\tmore ${directive} directives\\. `),
    ],
  };
}

/**
 * go.sum disagreeing with a copy already in the module cache: the cache is filled with the right
 * go.sum, then one line of go.sum (the zip's or the go.mod's) is made to name other content.
 */
function checksumMismatchCached(line: 'zip' | 'go.mod'): LabCase {
  const goMod = line === 'go.mod';
  return {
    name: goMod ? 'checksum-mismatch-gomod-cached' : 'checksum-mismatch-cached',
    title: goMod
      ? 'go.sum’s /go.mod line disagrees with the go.mod already in the module cache (a merge gone wrong)'
      : 'go.sum disagrees with the copy already in the module cache (a go.sum line broken in a merge, or a cache filled with checks off)',
    sandbox: viaProjectProxy,
    async prepare(sandbox, servers) {
      const goSumLines = goSum(servers, [DEP, 'v1.0.0']);
      await project({
        'go.mod': appGoMod({ [DEP]: 'v1.0.0' }),
        'main.go': mainImporting(DEP),
        'go.sum': goSumLines,
      })(sandbox, servers);
      const filled = await sandbox.go(['mod', 'download', `${DEP}@v1.0.0`]);
      if (filled.exitCode !== 0) throw new Error(`filling the cache failed: ${filled.stderr}`);
      const target = goMod ? /^(\S+ v1\.0\.0\/go\.mod )h1:\S+$/m : /^(\S+ v1\.0\.0 )h1:\S+$/m;
      await sandbox.writeFiles({ 'go.sum': goSumLines.replace(target, `$1h1:${'A'.repeat(43)}=`) });
    },
    args: ['build', './...'],
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [
      new RegExp(`^verifying ${E(DEP)}@v1\\.0\\.0${goMod ? '/go\\.mod' : ''}: checksum mismatch$`),
      /^\tgo\.sum: {5}h1:A{43}=$/,
      /^SECURITY ERROR$/,
    ],
  };
}

/** go.sum lines for these module versions, as the universe hashes them. */
function goSum(servers: LabServers, ...versions: Array<[string, string]>): string {
  return versions.map(([path, version]) => servers.projectUniverse.goSumLines(path, version)).join('');
}

const DEP = `${PROJ}/dep`;
/** Repositories a case builds in its own sandbox (git over file://): a branch named like a version, a nested tag. */
const BRANCHY = 'branchy.example/proj.git';
const NESTED = 'nested.example/proj.git';
const E = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** Git (direct mode) for lab.example through file:// (no server needed). */
function viaGitFiles(overrides: Partial<Omit<SandboxOptions, 'go'>> = {}) {
  return (): Omit<SandboxOptions, 'go'> => ({ goproxy: 'direct', gosumdb: 'off', ...overrides });
}
async function gitFromRepos(sandbox: Sandbox, servers: LabServers): Promise<void> {
  await workModule(sandbox);
  await redirectGitHost(sandbox, 'lab.example', `file://${servers.reposDir}/`);
}
const minor = (goVersion: string): number => Number(goVersion.split('.')[1]);

/**
 * Project faults: the go command rejects the project, its files or its environment, offline
 * (loopback proxy or file:// git at most). Each is proven on every lab release.
 */
export const PROJECT_CASES: readonly LabCase[] = [
  {
    name: 'gomod-unknown-directive',
    title: 'go.mod with a line that is no directive (a typo, a stray word)',
    sandbox: viaProjectProxy,
    prepare: project({
      'go.mod': appGoMod({}, '\nrequires example.com/x v1.0.0\n'),
      'main.go': mainImporting(),
    }),
    args: ['build', './...'],
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [/^go: errors parsing go\.mod:$/, /^(?:\$WORK\/)?go\.mod:5: unknown directive: requires$/],
  },
  {
    name: 'gomod-require-usage',
    title: 'a require line without a version',
    sandbox: viaProjectProxy,
    prepare: project({ 'go.mod': appGoMod({}, `\nrequire ${DEP}\n`), 'main.go': mainImporting() }),
    args: ['build', './...'],
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [
      /^go: errors parsing go\.mod:$/,
      /^(?:\$WORK\/)?go\.mod:5: usage: require module\/path v1\.2\.3$/,
    ],
  },
  {
    name: 'gosum-wrong-fields',
    title: 'a go.sum line with a missing field (hand edit, bad merge)',
    sandbox: viaProjectProxy,
    prepare: project({
      'go.mod': appGoMod({ [DEP]: 'v1.0.0' }),
      'main.go': mainImporting(DEP),
      // The zip line cut short; the go.mod line is gone.
      'go.sum': `${DEP} v1.0.0\n`,
    }),
    args: ['build', './...'],
    timeoutMs: 30_000,
    exit: 'fail',
    // 1.19 skips the malformed line without a word and then misses the hash it should have held.
    keyLines: (v) =>
      minor(v) >= 22
        ? [/^malformed go\.sum:$/, /^\$WORK\/go\.sum:1: wrong number of fields 2$/]
        : [
            new RegExp(
              `missing go\\.sum entry for module providing package ${E(DEP)} \\(imported by example\\.com/app\\)`,
            ),
          ],
  },
  {
    name: 'module-path-mismatch',
    title: 'a module whose go.mod declares another path than the one it is required as (fork, rename)',
    sandbox: viaProjectProxy,
    prepare: workModule,
    args: ['get', `${PROJ}/renamed@v1.0.0`],
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [new RegExp(`module declares its path as: ${E(PROJ)}/original$`), /but was required as: /],
  },
  {
    name: 'major-version-no-suffix',
    title: 'a v2 module required without the /v2 suffix in its path',
    sandbox: viaGitFiles(),
    prepare: gitFromRepos,
    args: ['get', 'lab.example/major.git@v2.0.0'],
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [
      /^go: lab\.example\/major\.git@v2\.0\.0: invalid version: module contains a go\.mod file, so module path must match major version \("lab\.example\/major\.git\/v2"\)$/,
    ],
  },
  {
    name: 'malformed-module-path',
    title: 'a module path without a dot in its first element',
    sandbox: viaProjectProxy,
    prepare: workModule,
    args: ['get', 'nodot/lib@v1.0.0'],
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [/malformed module path "nodot\/lib": missing dot in first path element/],
  },
  {
    name: 'version-not-canonical',
    title: 'go.mod requires a version written by hand as v1.2 (not canonical)',
    sandbox: viaProjectProxy,
    prepare: project({ 'go.mod': appGoMod({ [DEP]: 'v1.2' }), 'main.go': mainImporting(DEP) }),
    args: ['build', './...'],
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [/^go: errors parsing go\.mod:$/, /go\.mod:6:2: no matching versions for query "v1\.2"$/],
  },
  {
    name: 'version-branch-name',
    title: 'go.mod requires a branch name (master) instead of a version, offline',
    sandbox: () => ({ goproxy: 'off', gosumdb: 'off' }),
    prepare: project({ 'go.mod': appGoMod({ [DEP]: 'master' }), 'main.go': mainImporting(DEP) }),
    args: ['build', './...'],
    timeoutMs: 30_000,
    exit: 'fail',
    // Resolving the branch needs a lookup, which GOPROXY=off forbids: the message never names the version.
    keyLines: [/^go: errors parsing go\.mod:$/, /go\.mod:6:2: module lookup disabled by GOPROXY=off$/],
  },
  {
    name: 'no-matching-latest',
    title: 'a module with no release the proxy can name as latest',
    sandbox: viaProjectProxy,
    prepare: workModule,
    args: ['get', `${PROJ}/noversions@latest`],
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [/no matching versions for query "latest"$/],
  },
  {
    name: 'no-module-provides-package',
    title: 'an import that no module of the proxy provides (typo, deleted module)',
    sandbox: viaProjectProxy,
    prepare: project({ 'main.go': mainImporting(`${PROJ}/absent/pkg`) }),
    args: ['mod', 'tidy'],
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [new RegExp(`cannot find module providing package ${E(PROJ)}/absent/pkg`)],
  },
  {
    name: 'package-not-in-module',
    title: 'a package path inside a module that does not contain it',
    sandbox: viaProjectProxy,
    prepare: workModule,
    args: ['get', `${DEP}/nosuch`],
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [new RegExp(`but does not contain package ${E(DEP)}/nosuch$`)],
  },
  {
    name: 'ambiguous-import',
    title: 'two required modules that both provide one imported package (a module split in two)',
    sandbox: viaProjectProxy,
    prepare: project((servers) => ({
      'go.mod': appGoMod({ [`${PROJ}/amb`]: 'v1.0.0', [`${PROJ}/amb/sub`]: 'v1.0.0' }),
      'main.go': mainImporting(`${PROJ}/amb/sub`),
      'go.sum': goSum(servers, [`${PROJ}/amb`, 'v1.0.0'], [`${PROJ}/amb/sub`, 'v1.0.0']),
    })),
    args: ['build', './...'],
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [new RegExp(`ambiguous import: found package ${E(PROJ)}/amb/sub in multiple modules`)],
  },
  {
    name: 'retracted-version',
    title: 'go get of a version its author retracted (a warning; the command succeeds)',
    sandbox: viaProjectProxy,
    prepare: workModule,
    args: ['get', `${PROJ}/retract@v1.0.0`],
    timeoutMs: 30_000,
    exit: 'ok',
    keyLines: [new RegExp(`${E(PROJ)}/retract@v1\\.0\\.0: retracted by module author`)],
  },
  {
    name: 'deprecated-module',
    title: 'go get of a module whose latest go.mod says Deprecated (a warning; the command succeeds)',
    sandbox: viaProjectProxy,
    prepare: workModule,
    args: ['get', `${PROJ}/deprecated@v1.0.0`],
    timeoutMs: 30_000,
    exit: 'ok',
    keyLines: [new RegExp(`module ${E(PROJ)}/deprecated is deprecated: use ${E(DEP)} instead\\.$`)],
  },
  {
    name: 'missing-go-sum-entry',
    title: 'a requirement without its go.sum lines, built in the default readonly mode',
    sandbox: viaProjectProxy,
    prepare: project({ 'go.mod': appGoMod({ [DEP]: 'v1.0.0' }), 'main.go': mainImporting(DEP) }),
    args: ['build', './...'],
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [new RegExp(`missing go\\.sum entry for module providing package ${E(DEP)}`)],
  },
  checksumMismatchCached('zip'),
  checksumMismatchCached('go.mod'),
  {
    name: 'needs-update-no-require',
    title: 'an import whose module go.mod does not require, built in readonly mode',
    sandbox: viaProjectProxy,
    prepare: project({ 'main.go': mainImporting(DEP) }),
    args: ['build', './...'],
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [new RegExp(`no required module provides package ${E(DEP)}; to add it:$`)],
  },
  {
    name: 'needs-update-indirect',
    title: 'a go 1.17+ go.mod missing an indirect requirement, built in readonly mode',
    sandbox: viaProjectProxy,
    prepare: project((servers) => ({
      'go.mod': appGoMod({ [`${PROJ}/user`]: 'v1.0.0' }),
      'main.go': mainImporting(`${PROJ}/user`),
      'go.sum': goSum(servers, [`${PROJ}/user`, 'v1.0.0'], [DEP, 'v1.0.0']),
    })),
    args: ['build', './...'],
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [/updates to go\.mod needed/],
  },
  {
    name: 'vendor-lookup',
    title: 'vendor mode (go >= 1.14 and vendor/) with a package vendor/ lacks',
    sandbox: viaProjectProxy,
    prepare: project({
      'go.mod': appGoMod({ [DEP]: 'v1.0.0' }),
      'main.go': mainImporting(DEP),
      'vendor/modules.txt': `# ${DEP} v1.0.0\n## explicit; go 1.19\n`,
    }),
    args: ['build', './...'],
    timeoutMs: 30_000,
    exit: 'fail',
    // 1.19 looks in vendor/ only and names the directory it did not find.
    keyLines: (v) =>
      minor(v) >= 21
        ? [
            new RegExp(
              `cannot find module providing package ${E(DEP)}: import lookup disabled by -mod=vendor$`,
            ),
            /^\t\(Go version in go\.mod is at least 1\.14 and vendor directory exists\.\)$/,
          ]
        : [/cannot find package "\." in:$/, new RegExp(`^\\t\\$WORK/vendor/${E(DEP)}$`)],
  },
  {
    name: 'inconsistent-vendoring',
    title: 'vendor/modules.txt that disagrees with go.mod (go.mod edited, go mod vendor not rerun)',
    sandbox: viaProjectProxy,
    prepare: project({
      'go.mod': appGoMod({ [DEP]: 'v1.0.0' }),
      'main.go': mainImporting(DEP),
      'vendor/modules.txt': '',
    }),
    args: ['build', './...'],
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [/inconsistent vendoring in /, /is explicitly required in go\.mod, but not marked as explicit/],
  },
  installRefusal('replace'),
  installRefusal('exclude'),
  {
    name: 'import-cycle',
    title: 'two packages of the project importing each other',
    sandbox: viaProjectProxy,
    prepare: project({
      'a/a.go': 'package a\n\nimport _ "example.com/app/b"\n',
      'b/b.go': 'package b\n\nimport _ "example.com/app/a"\n',
    }),
    args: ['build', './...'],
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [
      /^package example\.com\/app\/a$/,
      /imports example\.com\/app\/a(?: from b\.go)?: import cycle not allowed$/,
    ],
  },
  {
    name: 'replace-target-missing',
    title: 'a replace pointing at a directory that is not there (not in the Docker context, say)',
    sandbox: viaProjectProxy,
    prepare: project({
      'go.mod': appGoMod({ [DEP]: 'v1.0.0' }, `\nreplace ${DEP} => ../dep\n`),
      'main.go': mainImporting(DEP),
    }),
    args: ['build', './...'],
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [new RegExp(`${E(DEP)}@v1\\.0\\.0: replacement directory \\.\\./dep does not exist$`)],
  },
  {
    name: 'conflicting-replace',
    title: 'two replace lines for one module version with different targets',
    sandbox: viaProjectProxy,
    prepare: project({
      'go.mod': appGoMod(
        { [DEP]: 'v1.0.0' },
        `\nreplace ${DEP} v1.0.0 => ./dep1\n\nreplace ${DEP} v1.0.0 => ./dep2\n`,
      ),
      'main.go': mainImporting(DEP),
      'dep1/go.mod': `module ${DEP}\n\ngo 1.19\n`,
      'dep2/go.mod': `module ${DEP}\n\ngo 1.19\n`,
    }),
    args: ['build', './...'],
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [new RegExp(`conflicting replacements for ${E(DEP)}@v1\\.0\\.0:`)],
  },
  {
    name: 'no-main-module',
    title: 'a module command run where there is no go.mod (wrong directory)',
    sandbox: viaProjectProxy,
    args: ['mod', 'tidy'],
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [/go\.mod file not found in current directory or any parent directory/],
  },
  {
    name: 'gopath-mode',
    title: 'GO111MODULE=off: modules (and with them GOPROXY, GOPRIVATE) are ignored',
    sandbox: (servers) => ({ ...viaProjectProxy(servers), env: { GO111MODULE: 'off' } }),
    prepare: workModule,
    args: ['mod', 'tidy'],
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [/modules disabled by GO111MODULE=off/],
  },
  {
    name: 'gopath-mode-get',
    title: 'GO111MODULE=off and go get path@version',
    sandbox: (servers) => ({ ...viaProjectProxy(servers), env: { GO111MODULE: 'off' } }),
    prepare: workModule,
    args: ['get', `${DEP}@v1.0.0`],
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: (v) =>
      minor(v) >= 22
        ? [/^go: modules disabled by GO111MODULE=off; see 'go help modules'$/]
        : [/^go: can only use path@version syntax with 'go get' and 'go install' in module-aware mode$/],
  },
  {
    name: 'workspace-missing-dir',
    title: 'go.work uses a directory that is not there',
    sandbox: viaProjectProxy,
    prepare: project({ 'go.work': 'go 1.19\n\nuse (\n\t.\n\t./missing\n)\n', 'main.go': mainImporting() }),
    args: ['build', './...'],
    timeoutMs: 30_000,
    exit: 'fail',
    // 1.19 prints the bare open error, without naming go.work.
    keyLines: (v) =>
      minor(v) >= 21
        ? [
            /^go: cannot load module missing listed in go\.work file: open missing\/go\.mod: no such file or directory$/,
          ]
        : [/^go: open \$WORK\/missing\/go\.mod: no such file or directory$/],
  },
  {
    name: 'workspace-duplicate-module',
    title: 'go.work uses two directories that declare the same module path',
    sandbox: viaProjectProxy,
    prepare: project({
      'go.work': 'go 1.19\n\nuse (\n\t./a\n\t./b\n)\n',
      'a/go.mod': 'module example.com/same\n\ngo 1.19\n',
      'b/go.mod': 'module example.com/same\n\ngo 1.19\n',
    }),
    args: ['build', './...'],
    timeoutMs: 30_000,
    exit: 'fail',
    // 1.19 does not check for duplicates (go list -m lists the module twice); it only finds that
    // the directory it runs in belongs to no workspace module.
    keyLines: (v) =>
      minor(v) >= 21
        ? [/^go: module example\.com\/same appears multiple times in workspace$/]
        : [/directory prefix \. does not contain modules listed in go\.work or their selected dependencies$/],
  },
  {
    name: 'go-version-too-new',
    title: 'go.mod says go 1.99 and GOTOOLCHAIN=local forbids switching',
    sandbox: viaProjectProxy,
    prepare: project({ 'go.mod': appGoMod({}, '', 'go 1.99'), 'main.go': mainImporting() }),
    args: ['mod', 'tidy'],
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: (v) =>
      minor(v) >= 21
        ? [/go\.mod requires go >= 1\.99 \(running go 1\.\d+\.\d+; GOTOOLCHAIN=local\)$/]
        : [
            /go\.mod file indicates go 1\.99, but maximum (?:version )?supported (?:version )?(?:by tidy )?is 1\.19/,
          ],
  },
  {
    name: 'go-version-three-part',
    title: 'go.mod says go 1.28.0 (three-part, newer than every lab release) with GOTOOLCHAIN=local',
    sandbox: viaProjectProxy,
    prepare: project({ 'go.mod': appGoMod({}, '', 'go 1.28.0'), 'main.go': mainImporting() }),
    args: ['build', './...'],
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: (v) =>
      minor(v) >= 21
        ? [/go\.mod requires go >= 1\.28\.0 \(running go 1\.\d+\.\d+; GOTOOLCHAIN=local\)$/]
        : [/invalid go version '1\.28\.0': must match format 1\.23$/],
  },
  {
    name: 'toolchain-unavailable',
    title: 'GOTOOLCHAIN=auto and a go line naming a release the proxy does not have',
    sandbox: (servers) => ({ ...viaProjectProxy(servers), gotoolchain: 'auto' }),
    prepare: project({ 'go.mod': appGoMod({}, '', 'go 1.99.0'), 'main.go': mainImporting() }),
    args: ['build', './...'],
    timeoutMs: 30_000,
    exit: 'fail',
    // 1.19 predates GOTOOLCHAIN: it reads the three-part go line as a syntax it does not know.
    keyLines: (v) =>
      minor(v) >= 21
        ? [/^go: downloading go1\.99\.0 \(linux\/[a-z0-9]+\)$/, /toolchain not available$/]
        : [/invalid go version '1\.99\.0': must match format 1\.23$/],
  },
  {
    name: 'build-constraints-exclude',
    title: 'a package whose every file is excluded by build constraints',
    sandbox: viaProjectProxy,
    prepare: project({ 'only/only.go': '//go:build ignore\n\npackage only\n' }),
    args: ['build', './only'],
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [/build constraints exclude all Go files in \$WORK\/only$/],
  },
  {
    name: 'goflags-invalid',
    title: 'GOFLAGS holding a word that is not a flag (a Makefile variable leaking into the environment)',
    sandbox: (servers) => ({ ...viaProjectProxy(servers), goflags: '-modcacherw release' }),
    prepare: workModule,
    args: ['build', './...'],
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [/^go: parsing \$GOFLAGS: non-flag "release"$/],
  },
  {
    name: 'gocache-off',
    title: 'GOCACHE=off: the build cache has been required since Go 1.12',
    sandbox: (servers) => ({ ...viaProjectProxy(servers), env: { GOCACHE: 'off' } }),
    prepare: project({ 'main.go': mainImporting() }),
    args: ['build', './...'],
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [/build cache is disabled by GOCACHE=off, but required as of Go 1\.12$/],
  },
  {
    name: 'gocache-no-home',
    title: 'GOCACHE, XDG_CACHE_HOME and HOME all unset (a stripped CI or sandbox environment)',
    sandbox: (servers) => ({
      ...viaProjectProxy(servers),
      env: { GOCACHE: undefined, XDG_CACHE_HOME: undefined, HOME: undefined },
    }),
    prepare: project({ 'main.go': mainImporting() }),
    args: ['build', './...'],
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [/GOCACHE is not defined and neither \$XDG_CACHE_HOME nor \$HOME are defined$/],
  },
  {
    name: 'goroot-mismatch',
    title:
      'GOROOT names another release than the go binary (an old GOROOT in a shell profile after an upgrade)',
    sandbox: viaProjectProxy,
    prepare: async (sandbox, servers) => {
      await project({ 'main.go': mainImporting() })(sandbox, servers);
      sandbox.env.GOROOT = otherRelease(sandbox.toolchain).goroot;
    },
    args: ['build', './...'],
    timeoutMs: 60_000,
    exit: 'fail',
    keyLines: [/^compile: version "go1\.\d+(?:\.\d+)?" does not match go tool version "go1\.\d+(?:\.\d+)?"$/],
  },
  {
    name: 'goroot-missing',
    title: 'GOROOT names a directory that is gone (Go moved or removed, the variable left behind)',
    sandbox: viaProjectProxy,
    prepare: async (sandbox, servers) => {
      await project({ 'main.go': mainImporting() })(sandbox, servers);
      sandbox.env.GOROOT = join(sandbox.labDir, 'go-removed');
    },
    args: ['build', './...'],
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [/^go: cannot find GOROOT directory: \$LAB\/go-removed$/],
  },
  {
    name: 'go-not-installed',
    title: 'a script or service whose PATH has no go (an editor, cron, systemd, a CI step before setup-go)',
    sandbox: viaProjectProxy,
    prepare: async (sandbox, servers) => {
      await project({ 'main.go': mainImporting() })(sandbox, servers);
      const emptyBin = join(sandbox.labDir, 'bin');
      await mkdir(emptyBin, { recursive: true });
      sandbox.env.PATH = emptyBin;
    },
    viaShell: true,
    args: ['build', './...'],
    timeoutMs: 30_000,
    exit: 'fail',
    // dash (Debian), bash as sh (Fedora: `line 1:`), bash 3.2 (macOS: no position).
    keyLines: [/^sh: (?:1: |line 1: )?go: (?:command )?not found$/],
  },
  {
    name: 'goproxy-off',
    title: 'GOPROXY=off while a module must be downloaded',
    sandbox: () => ({ goproxy: 'off', gosumdb: 'off' }),
    prepare: workModule,
    args: ['get', `${DEP}@v1.0.0`],
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [/module lookup disabled by GOPROXY=off$/],
  },
  {
    name: 'goproxy-invalid',
    title: 'GOPROXY with a scheme the go command does not speak',
    sandbox: () => ({ goproxy: 'ftp://mirror.lab.example', gosumdb: 'off' }),
    prepare: workModule,
    args: ['get', `${DEP}@v1.0.0`],
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [/invalid proxy URL scheme \(must be https, http, file\): ftp:\/\/mirror\.lab\.example$/],
  },
  {
    name: 'internal-import',
    title: "a package importing another module's internal/ package",
    sandbox: viaProjectProxy,
    prepare: project((servers) => ({
      'go.mod': appGoMod({ [`${PROJ}/inner`]: 'v1.0.0' }),
      'main.go': mainImporting(`${PROJ}/inner/internal/secret`),
      'go.sum': goSum(servers, [`${PROJ}/inner`, 'v1.0.0']),
    })),
    args: ['build', './...'],
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [
      /^\tmain\.go:4:2: use of internal package example\.com\/lab\/proj\/inner\/internal\/secret not allowed$/,
    ],
  },
  {
    name: 'mixed-packages',
    title: 'one directory holding files of two packages',
    sandbox: viaProjectProxy,
    prepare: project({
      'lib/a.go': 'package a\n',
      'lib/b.go': 'package b\n',
    }),
    args: ['build', './...'],
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [/found packages a \(a\.go\) and b \(b\.go\) in \$WORK\/lib$/],
  },
  {
    name: 'gotoolchain-invalid',
    title: 'GOTOOLCHAIN holding a value the go command rejects',
    sandbox: (servers) => ({ ...viaProjectProxy(servers), gotoolchain: 'bogus' }),
    // 1.19 predates GOTOOLCHAIN and ignores it; it stops at the toolchain line it cannot parse.
    prepare: project({ 'go.mod': appGoMod({}, '\ntoolchain go1.21.0\n'), 'main.go': mainImporting() }),
    args: ['build', './...'],
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: (v) =>
      minor(v) >= 21
        ? [/^go: invalid GOTOOLCHAIN "bogus"$/]
        : [/^(?:\$WORK\/)?go\.mod:5: unknown directive: toolchain$/],
  },
  {
    name: 'setting-shadowed',
    title: 'go env -w GOPROXY=... while GOPROXY is set in the environment',
    sandbox: viaProjectProxy,
    prepare: workModule,
    args: ['env', '-w', 'GOPROXY=https://goproxy.lab.example,direct'],
    timeoutMs: 30_000,
    exit: 'ok',
    keyLines: [/^warning: go env -w GOPROXY=\.\.\. does not override conflicting OS environment variable$/],
  },
  {
    name: 'vcs-disallowed',
    title: 'GOVCS forbids git for the path (direct mode)',
    sandbox: viaGitFiles({ env: { GOVCS: '*:off' } }),
    prepare: gitFromRepos,
    args: ['get', 'lab.example/proj.git@v1.0.0'],
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [/GOVCS disallows using git for public lab\.example\/proj\.git; see 'go help vcs'$/],
  },
  {
    name: 'vcs-git-missing',
    title: 'direct mode on a machine without git (slim container image)',
    sandbox: viaGitFiles(),
    async prepare(sandbox, servers) {
      await gitFromRepos(sandbox, servers);
      // Only the go command's own directory: no git anywhere on PATH.
      sandbox.env.PATH = join(sandbox.toolchain.goroot, 'bin');
    },
    args: ['get', 'lab.example/proj.git@v1.0.0'],
    timeoutMs: 30_000,
    exit: 'fail',
    // After the missing git, 1.19 still tries `git init` (exec error); 1.21+ find no usable scheme.
    keyLines: (v) => [
      // go.dev from Go 1.27.
      /^go: missing Git command\. See https:\/\/(?:golang\.org|go\.dev)\/s\/gogetcmd$/,
      minor(v) >= 21
        ? /^go: lab\.example\/proj\.git@v1\.0\.0: no secure protocol found for repository$/
        : /git init --bare in \$GOMODCACHE\/cache\/vcs\/<hash>: exec: "git": executable file not found in \$PATH$/,
    ],
  },
  {
    name: 'vcs-unknown-revision',
    title: 'go get of a tag the repository does not have (typo, deleted tag)',
    sandbox: viaGitFiles(),
    prepare: gitFromRepos,
    args: ['get', 'lab.example/proj.git@v9.9.9'],
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [/lab\.example\/proj\.git@v9\.9\.9: invalid version: unknown revision v9\.9\.9$/],
  },
  {
    name: 'vcs-pseudo-version-time',
    title: 'a hand-written pseudo-version whose timestamp is not the commit time',
    sandbox: viaGitFiles(),
    prepare: gitFromRepos,
    // The v1.0.0 commit (fixed dates make its hash stable), dated 2020 instead of 2024.
    args: ['get', 'lab.example/proj.git@v1.0.1-0.20200101000000-a0bb05c5e5b0'],
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [/invalid pseudo-version: does not match version-control timestamp/],
  },
  {
    name: 'vcs-zip-invalid-file',
    title: 'a repository holding a file name the module zip rules reject',
    sandbox: viaGitFiles(),
    prepare: gitFromRepos,
    args: ['get', 'lab.example/badzip.git@v1.0.0'],
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [/create zip: notes\/it's\.txt: malformed file path "notes\/it's\.txt": invalid char '\\''$/],
  },
  {
    name: 'excluded-version',
    title: 'go get of a version that an exclude directive of go.mod forbids',
    sandbox: viaProjectProxy,
    prepare: project({ 'go.mod': appGoMod({}, `\nexclude ${DEP} v1.0.0\n`) }),
    args: ['get', `${DEP}@v1.0.0`],
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [new RegExp(`^go: ${E(DEP)}@v1\\.0\\.0: excluded by go\\.mod$`)],
  },
  {
    name: 'goproxy-credentials-http',
    title: 'a user name and password in a plain http:// GOPROXY (refused before any connection)',
    // Port 9 on loopback: the go command refuses before it connects.
    sandbox: () => ({ goproxy: 'http://lab:secret@127.0.0.1:9/', gosumdb: 'off' }),
    prepare: workModule,
    args: ['get', `${DEP}@v1.0.0`],
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [/refusing to pass credentials to insecure URL: http:\/\/lab:xxxxx@127\.0\.0\.1:\$PORT\//],
  },
  {
    name: 'vcs-branch-not-tag',
    title: 'go get @v1.5.0 where v1.5.0 is a branch of the repository, not a tag',
    sandbox: viaGitFiles(),
    prepare: async (sandbox) => {
      await workModule(sandbox);
      // The repository's only branch is called v1.5.0; its head is one commit after tag v1.0.0.
      const repos = join(sandbox.labDir, 'repos');
      await createGitRepository(createUniverse([simpleModule(BRANCHY)]), BRANCHY, {
        dir: join(repos, 'proj.git'),
        branch: 'v1.5.0',
        head: { files: { 'go.mod': `module ${BRANCHY}\n\ngo 1.19\n`, 'proj.go': 'package proj\n' } },
      });
      await redirectGitHost(sandbox, 'branchy.example', `file://${repos}/`);
    },
    args: ['get', `${BRANCHY}@v1.5.0`],
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [
      new RegExp(
        `^go: ${E(BRANCHY)}@v1\\.5\\.0: invalid version: resolves to version v1\\.0\\.1-0\\.\\d{14}-[0-9a-f]{12} \\(v1\\.5\\.0 is not a tag\\)$`,
      ),
    ],
  },
  {
    name: 'vcs-nested-module-missing',
    title:
      'a tag sub/v1.2.0 for a subdirectory that has no go.mod (a package of the root module, which has no v1.2.0)',
    sandbox: viaGitFiles(),
    prepare: async (sandbox) => {
      await workModule(sandbox);
      const repos = join(sandbox.labDir, 'repos');
      const dir = join(repos, 'proj.git');
      const { commits } = await createGitRepository(
        createUniverse([
          simpleModule(NESTED, {
            'sub/sub.go': 'package sub\n\n// Name names the lab package.\nconst Name = "sub"\n',
          }),
        ]),
        NESTED,
        { dir },
      );
      const tagged = await sandbox.exec('git', ['--git-dir', dir, 'tag', 'sub/v1.2.0', commits['v1.0.0']!]);
      if (tagged.exitCode !== 0) throw new Error(`git tag failed: ${tagged.stderr}`);
      await redirectGitHost(sandbox, 'nested.example', `file://${repos}/`);
    },
    args: ['get', `${NESTED}/sub@v1.2.0`],
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [
      new RegExp(
        `^go: ${E(NESTED)}/sub@v1\\.2\\.0: invalid version: missing ${E(NESTED)}/sub/go\\.mod at revision sub/v1\\.2\\.0$`,
      ),
    ],
  },
];

export const LAB_CASES: readonly LabCase[] = [
  {
    name: 'proxy-ok',
    title: 'baseline: the lab proxy serves a module the go command accepts',
    sandbox: viaProxy,
    prepare: workModule,
    args: download('example.com/lab/ok@v1.0.0'),
    timeoutMs: 30_000,
    exit: 'ok',
    keyLines: [new RegExp(`^# get ${P}/example\\.com/lab/ok/@v/v1\\.0\\.0\\.zip: 200 OK \\(N\\.NNNs\\)$`)],
  },
  {
    name: 'proxy-410-private',
    title: 'a private module sent to a public proxy, which cannot clone it and answers 410 Gone',
    sandbox: viaProxy,
    prepare: workModule,
    args: download('corp.example.com/team/lib@v1.0.0'),
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [
      new RegExp(
        `^go: corp\\.example\\.com/team/lib@v1\\.0\\.0: reading ${P}/corp\\.example\\.com/team/lib/@v/v1\\.0\\.0\\.info: 410 Gone$`,
      ),
      /^\tserver response:$/,
      /^\tnot found: module corp\.example\.com\/team\/lib: git ls-remote -q origin in /,
      /terminal prompts disabled$/,
    ],
  },
  {
    name: 'proxy-404',
    title: 'a module the proxy does not have (typo, deleted, or never published)',
    sandbox: viaProxy,
    prepare: workModule,
    args: download('example.com/lab/missing@v1.0.0'),
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [
      new RegExp(`reading ${P}/example\\.com/lab/missing/@v/v1\\.0\\.0\\.info: 404 Not Found$`),
      /^\tserver response: not found: example\.com\/lab\/missing@v1\.0\.0: invalid version: unknown revision v1\.0\.0$/,
    ],
  },
  {
    name: 'proxy-403',
    title: 'a corporate proxy or mirror that refuses the module (policy, missing credentials)',
    sandbox: viaProxy,
    prepare: workModule,
    args: download('example.com/lab/e403@v1.0.0'),
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [
      new RegExp(`reading ${P}/example\\.com/lab/e403/@v/v1\\.0\\.0\\.info: 403 Forbidden$`),
      /^\tserver response: forbidden$/,
    ],
  },
  {
    name: 'proxy-500',
    title: 'the proxy itself is broken (internal error)',
    sandbox: viaProxy,
    prepare: workModule,
    args: download('example.com/lab/e500@v1.0.0'),
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [
      new RegExp(`reading ${P}/example\\.com/lab/e500/@v/v1\\.0\\.0\\.info: 500 Internal Server Error$`),
    ],
  },
  {
    name: 'proxy-502',
    title: 'a gateway in front of the proxy cannot reach it',
    sandbox: viaProxy,
    prepare: workModule,
    args: download('example.com/lab/e502@v1.0.0'),
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [new RegExp(`reading ${P}/example\\.com/lab/e502/@v/v1\\.0\\.0\\.info: 502 Bad Gateway$`)],
  },
  {
    name: 'proxy-stall',
    title: 'a proxy behind a blocking firewall that accepts the connection and never answers',
    sandbox: viaProxy,
    prepare: workModule,
    args: download('example.com/lab/stall@v1.0.0'),
    timeoutMs: 3_000,
    hangs: true,
    keyLines: [new RegExp(`^# get ${P}/example\\.com/lab/stall/@v/v1\\.0\\.0\\.info$`)],
  },
  {
    name: 'proxy-slow',
    title: 'a slow or congested link: the zip arrives a few bytes at a time',
    sandbox: viaProxy,
    prepare: workModule,
    args: download('example.com/lab/slow@v1.0.0'),
    timeoutMs: 30_000,
    exit: 'ok',
    keyLines: [new RegExp(`^# get ${P}/example\\.com/lab/slow/@v/v1\\.0\\.0\\.zip: 200 OK \\(N\\.NNNs\\)$`)],
  },
  {
    name: 'proxy-reset',
    title: 'a middlebox or flaky link that resets the connection in the middle of a download',
    sandbox: viaProxy,
    prepare: workModule,
    args: download('example.com/lab/reset@v1.0.0'),
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [/(connection reset by peer|unexpected EOF)/],
  },
  {
    name: 'proxy-eof',
    title: 'a proxy or load balancer that closes the connection without answering',
    sandbox: viaProxy,
    prepare: workModule,
    args: download('example.com/lab/eof@v1.0.0'),
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [new RegExp(`Get "${P}/example\\.com/lab/eof/@v/v1\\.0\\.0\\.info": EOF$`)],
  },
  {
    name: 'proxy-refused',
    title: 'GOPROXY points at a host and port where nothing listens (proxy down, wrong port)',
    sandbox: (servers) => ({ goproxy: servers.refusedUrl, gosumdb: 'off' }),
    prepare: workModule,
    args: download('example.com/lab/ok@v1.0.0'),
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [/dial tcp 127\.0\.0\.1:\$PORT: connect: connection refused$/],
  },
  {
    name: 'proxy-truncated-zip',
    title: 'a proxy or cache that serves an incomplete zip as if it were whole',
    sandbox: viaProxy,
    prepare: workModule,
    args: download('example.com/lab/truncated@v1.0.0'),
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [/zip: not a valid zip file/],
  },
  {
    name: 'proxy-corrupt-zip',
    title: 'a proxy or disk that serves a damaged zip',
    sandbox: viaProxy,
    prepare: workModule,
    args: download('example.com/lab/corrupt@v1.0.0'),
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [/zip: not a valid zip file/],
  },
  {
    name: 'proxy-checksum-mismatch',
    title: 'the module was re-tagged or replaced upstream (or tampered with) after go.sum recorded it',
    sandbox: viaProxy,
    async prepare(sandbox, servers) {
      // go.sum holds the hashes of the module as first published; the proxy now serves other bytes.
      await sandbox.writeFiles({
        'go.mod': `${WORK_GO_MOD}\nrequire ${TAMPERED} v1.0.0\n`,
        'go.sum': servers.universe.goSumLines(TAMPERED, 'v1.0.0'),
      });
    },
    args: download('example.com/lab/tampered@v1.0.0'),
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [
      /^verifying example\.com\/lab\/tampered@v1\.0\.0: checksum mismatch$/,
      /^\tdownloaded: h1:\S+=$/,
      /^\tgo\.sum: {5}h1:\S+=$/,
      /^SECURITY ERROR$/,
    ],
  },
  {
    name: 'git-file-ok',
    title: 'baseline: direct mode fetches a `.git` module path from a local bare repository',
    sandbox: () => ({ goproxy: 'direct', gosumdb: 'off' }),
    async prepare(sandbox, servers) {
      await workModule(sandbox);
      await redirectGitHost(sandbox, 'lab.example', `file://${servers.reposDir}/`);
    },
    args: download('lab.example/ok.git@v1.0.0'),
    timeoutMs: 30_000,
    exit: 'ok',
    // From Go 1.25 (and 1.24.12) the go command names the URL after --end-of-options, not origin.
    keyLines: [
      /^N\.NNNs # cd \$GOMODCACHE\/cache\/vcs\/<hash>; git ls-remote -q (?:origin|--end-of-options \S+)$/,
    ],
  },
  {
    name: 'git-http-ok',
    title: 'baseline: direct mode over smart HTTP (git http-backend on loopback)',
    sandbox: () => ({ goproxy: 'direct', gosumdb: 'off' }),
    async prepare(sandbox, servers) {
      await workModule(sandbox);
      await redirectGitHost(sandbox, 'lab.example', `${servers.git.url}/`);
    },
    args: download('lab.example/ok.git@v1.0.0'),
    timeoutMs: 30_000,
    exit: 'ok',
    keyLines: [
      /git -c core\.autocrlf=input -c core\.eol=lf archive --format=zip --prefix=prefix\/ (?:--end-of-options )?[0-9a-f]{40}$/,
    ],
  },
  {
    name: 'git-401',
    title: 'a private repository over HTTPS without credentials (no .netrc, no credential helper)',
    sandbox: () => ({ goproxy: 'direct', gosumdb: 'off' }),
    async prepare(sandbox, servers) {
      await workModule(sandbox);
      await redirectGitHost(sandbox, 'lab.example', `${servers.gitAuth.url}/`);
    },
    args: download('lab.example/locked.git@v1.0.0'),
    timeoutMs: 30_000,
    exit: 'fail',
    // 1.19 falls back to git:// when no probe succeeds (rewritten to the same server here, so git
    // reaches the password prompt); 1.21+ gives up on the probes instead.
    keyLines: (goVersion) =>
      goVersion === '1.19'
        ? [
            /^go: lab\.example\/locked\.git@v1\.0\.0: invalid version: git ls-remote -q origin in /,
            /^\tfatal: could not read Username for 'http:\/\/127\.0\.0\.1:\$PORT': terminal prompts disabled$/,
          ]
        : [/^go: lab\.example\/locked\.git@v1\.0\.0: no secure protocol found for repository$/],
  },
  {
    name: 'git-stall',
    title: 'a git server (or the firewall in front of it) that accepts and never answers',
    sandbox: () => ({ goproxy: 'direct', gosumdb: 'off' }),
    async prepare(sandbox, servers) {
      await workModule(sandbox);
      await redirectGitHost(sandbox, 'lab.example', `${servers.git.url}/`);
    },
    args: download('lab.example/hang.git@v1.0.0'),
    timeoutMs: 3_000,
    hangs: true,
    keyLines: [/^git ls-remote https:\/\/lab\.example\/hang$/],
  }, // ---- HTTPS through a CONNECT proxy, with real-looking host names --------------------------------
  {
    name: 'https-ok',
    title: 'baseline: GOPROXY=https://proxy.golang.org through HTTPS_PROXY, TLS from the lab CA',
    sandbox: viaHttps((servers) => servers.https),
    prepare: workModule,
    args: download('example.com/lab/ok@v1.0.0'),
    timeoutMs: 30_000,
    exit: 'ok',
    keyLines: [
      /^# get https:\/\/proxy\.golang\.org\/example\.com\/lab\/ok\/@v\/v1\.0\.0\.zip: 200 OK \(N\.NNNs\)$/,
    ],
  },
  {
    name: 'https-self-signed',
    title: 'TLS interception or an appliance certificate from a CA the machine does not trust',
    sandbox: viaHttps((servers) => servers.faultyHttps['self-signed']),
    prepare: workModule,
    args: download('example.com/lab/ok@v1.0.0'),
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: (v) => [
      new RegExp(
        `^go: example\\.com/lab/ok@v1\\.0\\.0: Get "${OK_INFO}": ${x509(v)}certificate signed by unknown authority$`,
      ),
    ],
  },
  {
    name: 'https-expired',
    title: 'a server (or an intercepting proxy) still presenting an expired certificate',
    sandbox: viaHttps((servers) => servers.faultyHttps.expired),
    prepare: workModule,
    args: download('example.com/lab/ok@v1.0.0'),
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: (v) => [
      new RegExp(
        `^go: example\\.com/lab/ok@v1\\.0\\.0: Get "${OK_INFO}": ${x509(v)}certificate has expired or is not yet valid: current time \\$NOW is after 2020-12-31T00:00:00Z$`,
      ),
    ],
  },
  {
    name: 'https-wrong-name',
    title: 'a certificate for another name: DNS pointing at the wrong server, or an interceptor',
    sandbox: viaHttps((servers) => servers.faultyHttps['wrong-name']),
    prepare: workModule,
    args: download('example.com/lab/ok@v1.0.0'),
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: (v) => [
      new RegExp(
        `^go: example\\.com/lab/ok@v1\\.0\\.0: Get "${OK_INFO}": ${x509(v)}certificate is valid for proxy\\.corp\\.example\\.net, not proxy\\.golang\\.org$`,
      ),
    ],
  },
  {
    name: 'https-tls-handshake-timeout',
    title: 'TCP connects but TLS never completes (a middlebox swallowing the handshake)',
    sandbox: viaHttps((servers) => servers.faultyHttps['tls-stall']),
    prepare: workModule,
    args: download('example.com/lab/ok@v1.0.0'),
    // The go command gives up after its 10 s TLS handshake timeout.
    timeoutMs: 20_000,
    exit: 'fail',
    keyLines: [
      new RegExp(`^go: example\\.com/lab/ok@v1\\.0\\.0: Get "${OK_INFO}": net/http: TLS handshake timeout$`),
    ],
  },
  {
    name: 'https-connect-403',
    title: 'an egress proxy that refuses the destination by policy (CONNECT 403)',
    sandbox: viaHttps((servers) => servers.faultyHttps['connect-403']),
    prepare: workModule,
    args: download('example.com/lab/ok@v1.0.0'),
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [new RegExp(`^go: example\\.com/lab/ok@v1\\.0\\.0: Get "${OK_INFO}": Forbidden$`)],
  },
  {
    name: 'https-connect-407',
    title: 'a corporate proxy that wants credentials HTTPS_PROXY does not carry (CONNECT 407)',
    sandbox: viaHttps((servers) => servers.faultyHttps['connect-407']),
    prepare: workModule,
    args: download('example.com/lab/ok@v1.0.0'),
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [
      new RegExp(`^go: example\\.com/lab/ok@v1\\.0\\.0: Get "${OK_INFO}": Proxy Authentication Required$`),
    ],
  },
  {
    name: 'https-connect-stall',
    title: 'an HTTP proxy that accepts the connection and never answers the CONNECT',
    sandbox: viaHttps((servers) => servers.faultyHttps['connect-stall']),
    prepare: workModule,
    args: download('example.com/lab/ok@v1.0.0'),
    timeoutMs: 3_000,
    hangs: true,
    keyLines: [new RegExp(`^# get ${OK_INFO}$`)],
  },
  {
    name: 'https-proxy-refused',
    title: 'HTTPS_PROXY names a local proxy app that is not running (or the wrong port)',
    sandbox: (servers) => ({
      goproxy: 'https://proxy.golang.org',
      gosumdb: 'off',
      env: { HTTPS_PROXY: servers.refusedUrl, SSL_CERT_FILE: servers.ca.certFile },
    }),
    prepare: workModule,
    args: download('example.com/lab/ok@v1.0.0'),
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [
      new RegExp(
        `^go: example\\.com/lab/ok@v1\\.0\\.0: Get "${OK_INFO}": proxyconnect tcp: dial tcp 127\\.0\\.0\\.1:\\$PORT: connect: connection refused$`,
      ),
    ],
  },
  {
    name: 'https-private-via-proxy',
    title: 'a private module sent to proxy.golang.org (GOPRIVATE unset, GOPROXY without direct)',
    sandbox: viaHttps((servers) => servers.https),
    prepare: workModule,
    args: download('corp.example.com/team/lib@v1.0.0'),
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [
      /^go: corp\.example\.com\/team\/lib@v1\.0\.0: reading https:\/\/proxy\.golang\.org\/corp\.example\.com\/team\/lib\/@v\/v1\.0\.0\.info: 410 Gone$/,
      /^\tserver response:$/,
      /terminal prompts disabled$/,
    ],
  },
  {
    name: 'https-sumdb-private-direct',
    title:
      'default GOPROXY/GOSUMDB, GOPRIVATE unset: proxy.golang.org 410, direct git works, sum.golang.org 404s the private module',
    sandbox: viaHttps((servers) => servers.https, {
      goproxy: 'https://proxy.golang.org,direct',
      gosumdb: 'sum.golang.org',
    }),
    prepare: async (sandbox, servers) => {
      await workModule(sandbox);
      await trustLabCaInGit(sandbox, servers);
    },
    args: download(`${CORP_SECRET}@v1.0.0`),
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [
      /^# get https:\/\/proxy\.golang\.org\/corp\.example\.com\/team\/secret\/@v\/v1\.0\.0\.info: 410 Gone \(N\.NNNs\)$/,
      /^# get https:\/\/corp\.example\.com\/team\/secret\?go-get=1: 200 OK \(N\.NNNs\)$/,
      /^go: corp\.example\.com\/team\/secret@v1\.0\.0: verifying go\.mod: corp\.example\.com\/team\/secret@v1\.0\.0\/go\.mod: reading https:\/\/sum\.golang\.org\/lookup\/corp\.example\.com\/team\/secret@v1\.0\.0: 404 Not Found$/,
      /^\tserver response: not found: corp\.example\.com\/team\/secret@v1\.0\.0: unrecognized import path /,
    ],
  },
  {
    name: 'https-sumdb-private-mirror',
    title:
      'a corporate GOPROXY mirror serves a private module, GONOSUMDB does not cover it: sum.golang.org 404',
    sandbox: viaHttps((servers) => servers.https, {
      goproxy: 'https://goproxy.corp.example.com',
      gosumdb: 'sum.golang.org',
    }),
    prepare: workModule,
    args: download(`${SUMDB_PRIVATE}@v1.0.0`),
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [
      /^# get https:\/\/goproxy\.corp\.example\.com\/sumdb\/sum\.golang\.org\/supported: 404 Not Found \(N\.NNNs\)$/,
      /^go: corp\.example\.com\/team\/sumdb@v1\.0\.0: verifying go\.mod: corp\.example\.com\/team\/sumdb@v1\.0\.0\/go\.mod: reading https:\/\/sum\.golang\.org\/lookup\/corp\.example\.com\/team\/sumdb@v1\.0\.0: 404 Not Found$/,
    ],
  },
  {
    name: 'https-git-auth',
    title: 'a private host found by ?go-get=1 whose git server wants credentials git does not have',
    sandbox: viaHttps((servers) => servers.https, {
      goproxy: 'https://proxy.golang.org,direct',
      gosumdb: 'sum.golang.org',
      goprivate: 'private.example.com',
    }),
    prepare: async (sandbox, servers) => {
      await workModule(sandbox);
      await trustLabCaInGit(sandbox, servers);
    },
    args: download(`${PRIVATE_SECRET}@v1.0.0`),
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [
      /^# get https:\/\/private\.example\.com\/team\/secret\?go-get=1: 200 OK \(N\.NNNs\)$/,
      /^\tfatal: could not read Username for 'https:\/\/private\.example\.com': terminal prompts disabled$/,
    ],
  },
  // ---- ?go-get=1 discovery of a vanity/self-hosted path (through the CONNECT proxy) ---------------
  {
    name: 'go-get-404',
    title: 'a vanity or self-hosted server answers ?go-get=1 with 404 (unknown path, or private and hidden)',
    sandbox: viaDiscovery,
    prepare: workModule,
    args: download(`${DISCOVERY.gone}@v1.0.0`),
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [
      /^# get https:\/\/go\.corp\.example\.com\/gone\/lib\?go-get=1: 404 Not Found \(N\.NNNs\)$/,
      /^go: go\.corp\.example\.com\/gone\/lib@v1\.0\.0: unrecognized import path "go\.corp\.example\.com\/gone\/lib": reading https:\/\/go\.corp\.example\.com\/gone\/lib\?go-get=1: 404 Not Found$/,
    ],
  },
  {
    name: 'go-get-no-meta',
    title: 'the ?go-get=1 page is a sign-in page (SSO gateway, private forge): no go-import meta tag',
    sandbox: viaDiscovery,
    prepare: workModule,
    args: download(`${DISCOVERY.login}@v1.0.0`),
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [
      /^# get https:\/\/go\.corp\.example\.com\/login\/lib\?go-get=1: 200 OK \(N\.NNNs\)$/,
      /^go: go\.corp\.example\.com\/login\/lib@v1\.0\.0: unrecognized import path "go\.corp\.example\.com\/login\/lib": parse https:\/\/go\.corp\.example\.com\/login\/lib\?go-get=1: no go-import meta tags \(\)$/,
    ],
  },
  {
    name: 'go-get-meta-mismatch',
    title: 'the ?go-get=1 page has a go-import tag for another prefix than the import path',
    sandbox: viaDiscovery,
    prepare: workModule,
    args: download(`${DISCOVERY.mismatch}@v1.0.0`),
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [
      /^go: go\.corp\.example\.com\/mismatch\/lib@v1\.0\.0: unrecognized import path "go\.corp\.example\.com\/mismatch\/lib": parse https:\/\/go\.corp\.example\.com\/mismatch\/lib\?go-get=1: no go-import meta tags \(meta tag go\.corp\.example\.com\/other did not match import path go\.corp\.example\.com\/mismatch\/lib\)$/,
    ],
  },
  {
    name: 'go-get-multiple-meta',
    title: 'the ?go-get=1 page has two go-import tags for the same import path',
    sandbox: viaDiscovery,
    prepare: workModule,
    args: download(`${DISCOVERY.multi}@v1.0.0`),
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [
      /^go: go\.corp\.example\.com\/multi\/lib@v1\.0\.0: unrecognized import path "go\.corp\.example\.com\/multi\/lib": parse \/\/go\.corp\.example\.com\/multi\/lib\?go-get=1: multiple meta tags match import path "go\.corp\.example\.com\/multi\/lib"$/,
    ],
  },
  // ---- GOPRIVATE set but never matching (the go command never says so) -------------------------------
  {
    name: 'goprivate-url-scheme',
    title:
      'GOPRIVATE=https://git.corp.example.com (a URL, not a path prefix): the private module still goes to proxy.golang.org, 410',
    sandbox: viaHttps((servers) => servers.https, { goprivate: `https://${GOPRIVATE_SCHEME.split('/')[0]}` }),
    prepare: workModule,
    args: download(`${GOPRIVATE_SCHEME}@v1.0.0`),
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [
      /^go: git\.corp\.example\.com\/team\/scheme@v1\.0\.0: reading https:\/\/proxy\.golang\.org\/git\.corp\.example\.com\/team\/scheme\/@v\/v1\.0\.0\.info: 410 Gone$/,
      /^\tserver response:$/,
      /terminal prompts disabled$/,
    ],
  },
  {
    name: 'goprivate-space',
    title:
      'GOPRIVATE="other.example.com, git.corp.example.com" (a space after the comma is part of the pattern): proxy 410, direct works, sum.golang.org 404',
    sandbox: viaHttps((servers) => servers.https, {
      goproxy: 'https://proxy.golang.org,direct',
      gosumdb: 'sum.golang.org',
      goprivate: `other.example.com, ${GOPRIVATE_SPACED.split('/')[0]}`,
    }),
    prepare: async (sandbox, servers) => {
      await workModule(sandbox);
      await trustLabCaInGit(sandbox, servers);
    },
    args: download(`${GOPRIVATE_SPACED}@v1.0.0`),
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [
      /^# get https:\/\/proxy\.golang\.org\/git\.corp\.example\.com\/team\/spaced\/@v\/v1\.0\.0\.info: 410 Gone \(N\.NNNs\)$/,
      /^# get https:\/\/git\.corp\.example\.com\/team\/spaced\?go-get=1: 200 OK \(N\.NNNs\)$/,
      /^go: git\.corp\.example\.com\/team\/spaced@v1\.0\.0: verifying go\.mod: git\.corp\.example\.com\/team\/spaced@v1\.0\.0\/go\.mod: reading https:\/\/sum\.golang\.org\/lookup\/git\.corp\.example\.com\/team\/spaced@v1\.0\.0: 404 Not Found$/,
    ],
  },
  // ---- A local checksum database (GOSUMDB with a lab key and URL) ----------------------------------
  {
    name: 'sumdb-ok',
    title:
      'baseline: the go command verifies a module against the lab checksum database (signed tree, tiles)',
    sandbox: viaSumdb((servers) => servers.sumdb.gosumdb),
    prepare: workModule,
    args: download('example.com/lab/ok@v1.0.0'),
    timeoutMs: 30_000,
    exit: 'ok',
    keyLines: [
      new RegExp(`^# get ${P}/lookup/example\\.com/lab/ok@v1\\.0\\.0: 200 OK \\(N\\.NNNs\\)$`),
      new RegExp(`^# get ${P}/tile/8/0/000\\.p/\\d+: 200 OK \\(N\\.NNNs\\)$`),
    ],
  },
  {
    name: 'sumdb-gone',
    title: 'a checksum database that cannot see the module (private or deleted): 410 from /lookup',
    sandbox: viaSumdb((servers) => servers.sumdb.gosumdb),
    prepare: workModule,
    args: download('example.com/lab/sumgone@v1.0.0'),
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [
      new RegExp(
        `^go: example\\.com/lab/sumgone@v1\\.0\\.0: verifying go\\.mod: example\\.com/lab/sumgone@v1\\.0\\.0/go\\.mod: reading ${P}/lookup/example\\.com/lab/sumgone@v1\\.0\\.0: 410 Gone$`,
      ),
      /^\tserver response: not found: example\.com\/lab\/sumgone@v1\.0\.0: unrecognized import path/,
    ],
  },
  {
    name: 'sumdb-stall',
    title: 'a checksum database behind a firewall that accepts and never answers',
    sandbox: viaSumdb((servers) => servers.sumdb.gosumdb),
    prepare: workModule,
    args: download('example.com/lab/sumstall@v1.0.0'),
    timeoutMs: 3_000,
    hangs: true,
    keyLines: [new RegExp(`^# get ${P}/lookup/example\\.com/lab/sumstall@v1\\.0\\.0$`)],
  },
  {
    name: 'sumdb-refused',
    title: 'the checksum database cannot be reached (nothing listens where GOSUMDB points)',
    sandbox: viaSumdb((servers) => `${servers.sumdb.verifierKey} ${servers.refusedUrl}`),
    prepare: workModule,
    args: download('example.com/lab/ok@v1.0.0'),
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [
      new RegExp(
        `^go: example\\.com/lab/ok@v1\\.0\\.0: verifying go\\.mod: example\\.com/lab/ok@v1\\.0\\.0/go\\.mod: Get "${P}/lookup/example\\.com/lab/ok@v1\\.0\\.0": dial tcp 127\\.0\\.0\\.1:\\$PORT: connect: connection refused$`,
      ),
    ],
  },
  {
    name: 'sumdb-mismatch',
    title: 'the proxy serves other bytes than the checksum database recorded (tampering, a replaced release)',
    sandbox: viaSumdb((servers) => servers.sumdb.gosumdb),
    prepare: workModule,
    args: download('example.com/lab/sumlie@v1.0.0'),
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [
      /^go: example\.com\/lab\/sumlie@v1\.0\.0: verifying module: checksum mismatch$/,
      /^\tsum\.lab\.example: h1:\S+=$/,
      /^SECURITY ERROR$/,
      /^This download does NOT match the one reported by the checksum server\.$/,
    ],
  },
  {
    name: 'sumdb-foreign-tree-head',
    title:
      "the tree head the go command remembers (GOPATH/pkg/sumdb) is not on the database's log (another server of the same name, a forked log)",
    sandbox: viaSumdb((servers) => servers.sumdb.gosumdb),
    prepare: async (sandbox, servers) => {
      await workModule(sandbox);
      const signer = createSumdbSigner('sum.lab.example');
      const db = await startChecksumDatabase({ universe: servers.universe, signer });
      onDispose(sandbox, () => db.close());
      sandbox.env.GOSUMDB = db.gosumdb;
      // A signed head one record smaller than the database's, with a hash its log does not have.
      const forged = signer.signNote(`go.sum database tree\n${db.size - 1}\n${'A'.repeat(43)}=\n`);
      await sandbox.writeFiles({ [`${db.name}/latest`]: forged }, join(sandbox.gopath, 'pkg', 'sumdb'));
    },
    args: download('example.com/lab/ok@v1.0.0'),
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [
      /^go: example\.com\/lab\/ok@v1\.0\.0: verifying go\.mod: [^\n]*initializing sumdb\.Client: checking tree#\d+: downloaded inconsistent tile$/,
    ],
  },
  {
    name: 'sumdb-block-page',
    title: 'a filtering proxy answers the checksum lookup with a page of its own (200 OK, HTML)',
    sandbox: viaSumdb((servers) => servers.sumdb.gosumdb),
    prepare: async (sandbox, servers) => {
      await workModule(sandbox);
      // A database of its own, so that the fault never meets another case's lookups.
      const db = await startChecksumDatabase({
        universe: servers.universe,
        modules: ['example.com/lab/ok'],
        faults: [
          {
            name: 'block-page',
            match: { module: 'example.com/lab/ok' },
            action: {
              type: 'status',
              status: 200,
              contentType: 'text/html',
              body: '<html><body><h1>Access denied</h1><p>This site is blocked by policy.</p></body></html>\n',
            },
          },
        ],
      });
      onDispose(sandbox, () => db.close());
      sandbox.env.GOSUMDB = db.gosumdb;
    },
    args: download('example.com/lab/ok@v1.0.0'),
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [/^go: example\.com\/lab\/ok@v1\.0\.0: verifying go\.mod: [^\n]*malformed record data$/],
  },
  // ---- DNS, inside a network namespace with a resolver on 127.0.0.1:53 -----------------------------
  ...(['nxdomain', 'servfail', 'drop'] as const).map(
    (answer): LabCase => ({
      name: `dns-${answer === 'drop' ? 'timeout' : answer}`,
      title: {
        nxdomain: 'a host name the resolver does not know (typo, split-horizon DNS, VPN down)',
        servfail: 'a resolver that fails upstream (SERVFAIL: broken forwarder, DNSSEC failure)',
        drop: 'a resolver that never answers (dead DNS server, blocked port 53)',
      }[answer],
      sandbox: () => ({ goproxy: 'https://proxy.golang.org', gosumdb: 'off' }),
      prepare: workModule,
      needsNamespaces: true,
      namespace: (sandbox) => ({
        dns: { names: { 'proxy.golang.org': answer } },
        dnsLogFile: join(sandbox.labDir, 'dns.log'),
      }),
      args: download('example.com/lab/ok@v1.0.0'),
      timeoutMs: 30_000,
      exit: 'fail',
      keyLines: [
        new RegExp(
          `^go: example\\.com/lab/ok@v1\\.0\\.0: Get "${OK_INFO}": dial tcp: lookup proxy\\.golang\\.org on 127\\.0\\.0\\.1:53: ${
            {
              nxdomain: 'no such host',
              servfail: 'server misbehaving',
              drop: 'read udp 127\\.0\\.0\\.1:\\$PORT->127\\.0\\.0\\.1:53: i/o timeout',
            }[answer]
          }$`,
        ),
      ],
    }),
  ),
  {
    name: 'dns-answer',
    title: 'baseline: the lab resolver answers (proxy.golang.org → 127.0.0.1, where nothing listens on 443)',
    sandbox: () => ({ goproxy: 'https://proxy.golang.org', gosumdb: 'off' }),
    prepare: workModule,
    needsNamespaces: true,
    namespace: () => ({ dns: { names: { 'proxy.golang.org': { addresses: ['127.0.0.1'] } } } }),
    args: download('example.com/lab/ok@v1.0.0'),
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [
      new RegExp(
        `^go: example\\.com/lab/ok@v1\\.0\\.0: Get "${OK_INFO}": dial tcp 127\\.0\\.0\\.1:443: connect: connection refused$`,
      ),
    ],
  },
  // ---- TCP connect that never completes (SYN dropped: full accept queue) --------------------------
  {
    name: 'connect-timeout',
    title: 'a firewall that drops packets: the TCP connect hangs in SYN_SENT (go gives up after 30 s)',
    sandbox: () => ({ goproxy: 'off', gosumdb: 'off' }),
    prepare: useFullBacklogProxy,
    args: download('example.com/lab/ok@v1.0.0'),
    timeoutMs: 3_000,
    hangs: true,
    keyLines: [new RegExp(`^# get ${P}/example\\.com/lab/ok/@v/v1\\.0\\.0\\.info$`)],
  },
  {
    name: 'connect-timeout-30s',
    title: 'the same dropped SYNs, waited out: the go command’s 30 s dial timeout',
    sandbox: () => ({ goproxy: 'off', gosumdb: 'off' }),
    prepare: useFullBacklogProxy,
    args: download('example.com/lab/ok@v1.0.0'),
    timeoutMs: 45_000,
    slow: true,
    exit: 'fail',
    keyLines: [
      new RegExp(
        `^go: example\\.com/lab/ok@v1\\.0\\.0: Get "${P}/example\\.com/lab/ok/@v/v1\\.0\\.0\\.info": dial tcp 127\\.0\\.0\\.1:\\$PORT: i/o timeout$`,
      ),
    ],
  },
  // ---- Things on this machine that block or break the go command ---------------------------------
  {
    name: 'credential-helper-hang',
    title: 'a git credential helper waiting for a person (GUI prompt, keychain, browser login)',
    sandbox: () => ({ goproxy: 'direct', gosumdb: 'off' }),
    async prepare(sandbox, servers) {
      await workModule(sandbox);
      await redirectGitHost(sandbox, 'lab.example', `${servers.gitAuth.url}/`);
      const helper = join(sandbox.labDir, 'git-credential-wait');
      // Records that git started it (and with which action), then waits like a helper showing a dialog.
      await writeFile(helper, `#!/bin/sh\necho "$@" >> "$0.started"\nexec sleep 3600\n`);
      await chmod(helper, 0o755);
      await sandbox.gitConfig([{ section: 'credential', key: 'helper', value: helper }]);
    },
    args: download('lab.example/helper.git@v1.0.0'),
    timeoutMs: 3_000,
    hangs: true,
    keyLines: [/^git ls-remote https:\/\/lab\.example\/helper$/],
  },
  {
    name: 'ssh-prompt-hang',
    title:
      'ssh waiting for a passphrase: https rewritten to ssh by insteadOf, BatchMode lost to GIT_SSH_COMMAND',
    sandbox: () => ({ goproxy: 'direct', gosumdb: 'off' }),
    async prepare(sandbox) {
      await workModule(sandbox);
      const ssh = join(sandbox.labDir, 'ssh');
      // Stands in for ssh asking for a key passphrase on a terminal that nobody watches.
      await writeFile(
        ssh,
        `#!/bin/sh\necho "$@" >> "$0.started"\necho "Enter passphrase for key '$HOME/.ssh/id_ed25519': " >&2\nexec sleep 3600\n`,
      );
      await chmod(ssh, 0o755);
      sandbox.env.GIT_SSH_COMMAND = ssh;
      await sandbox.gitConfig([
        {
          section: 'url',
          subsection: 'ssh://git@github.com/',
          key: 'insteadOf',
          value: 'https://github.com/',
        },
      ]);
    },
    args: download('github.com/lab/sshhang@v1.0.0'),
    timeoutMs: 3_000,
    hangs: true,
    keyLines: [/git ls-remote -q (?:origin|--end-of-options \S+)$/],
  },
  {
    name: 'cache-lock-wait',
    title: 'another go command, gopls or an IDE holds the module-cache lock of the same module version',
    sandbox: viaProxy,
    async prepare(sandbox) {
      await workModule(sandbox);
      await holdLock(
        sandbox,
        join(sandbox.gomodcache, 'cache/download/example.com/lab/locked/@v/v1.0.0.lock'),
      );
    },
    args: download('example.com/lab/locked@v1.0.0'),
    timeoutMs: 3_000,
    hangs: true,
    keyLines: [
      new RegExp(`^# get ${P}/example\\.com/lab/locked/@v/v1\\.0\\.0\\.info: 200 OK \\(N\\.NNNs\\)$`),
    ],
  },
  {
    name: 'modcache-permission',
    title: 'a module cache created by root (sudo go ...) that the user cannot write',
    sandbox: viaProxy,
    needsNamespaces: true,
    runAs: { uid: NOBODY, gid: NOBODY },
    async prepare(sandbox) {
      await workModule(sandbox);
      await giveSandboxTo(sandbox, NOBODY, [sandbox.gomodcache]);
    },
    args: download('example.com/lab/perm@v1.0.0'),
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [/permission denied$/],
  },
  {
    name: 'modcache-read-only',
    title: 'a module cache on a read-only file system (a container image layer, a read-only mount)',
    sandbox: viaProxy,
    needsNamespaces: true,
    namespace: (sandbox) => ({ readOnly: [sandbox.gomodcache] }),
    async prepare(sandbox) {
      await workModule(sandbox);
      await mkdir(sandbox.gomodcache, { recursive: true });
    },
    args: download('example.com/lab/perm@v1.0.0'),
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [/read-only file system$/],
  },
  {
    name: 'disk-full',
    title: 'no space left on the disk holding the module cache',
    sandbox: viaProxy,
    needsNamespaces: true,
    namespace: (sandbox) => ({ tmpfs: [{ target: sandbox.gomodcache, options: 'size=64k' }] }),
    async prepare(sandbox) {
      await workModule(sandbox);
      await mkdir(sandbox.gomodcache, { recursive: true });
    },
    args: download('example.com/lab/big@v1.0.0'),
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [/no space left on device$/],
  },
  {
    name: 'disk-inodes',
    title: 'no inodes left on the file system holding the module cache (many small files)',
    sandbox: viaProxy,
    needsNamespaces: true,
    namespace: (sandbox) => ({ tmpfs: [{ target: sandbox.gomodcache, options: 'nr_inodes=6' }] }),
    async prepare(sandbox) {
      await workModule(sandbox);
      await mkdir(sandbox.gomodcache, { recursive: true });
    },
    args: download('example.com/lab/ok@v1.0.0'),
    timeoutMs: 30_000,
    exit: 'fail',
    keyLines: [/no space left on device$/],
  },
  ...PROJECT_CASES,
];

export function labCase(name: string): LabCase {
  const found = LAB_CASES.find((c) => c.name === name);
  if (!found) throw new Error(`no lab case ${name}`);
  return found;
}

/** Runs one case with one toolchain in a fresh sandbox (disposed unless `keep`). */
export async function runLabCase(
  labCaseToRun: LabCase,
  servers: LabServers,
  toolchain: LabToolchain,
  options: { keep?: boolean } = {},
): Promise<CaseRun> {
  const sandbox = await createSandbox({ go: toolchain, ...labCaseToRun.sandbox(servers) });
  try {
    await labCaseToRun.prepare?.(sandbox, servers);
    let command = toolchain.goBin;
    let args: readonly string[] = labCaseToRun.args;
    if (labCaseToRun.viaShell) {
      args = ['-c', 'go "$@"', 'sh', ...args];
      command = '/bin/sh';
    }
    if (labCaseToRun.runAs) {
      const { uid, gid } = labCaseToRun.runAs;
      args = [`--reuid=${uid}`, `--regid=${gid}`, '--clear-groups', '--', command, ...args];
      command = 'setpriv';
    }
    if (labCaseToRun.namespace) {
      const spec = labCaseToRun.namespace(sandbox, servers);
      ({ command, args } = await namespaceCommand(spec, sandbox.labDir, command, args));
    }
    const result = await sandbox.exec(command, args, { timeoutMs: labCaseToRun.timeoutMs });
    const placeholders: Array<[string, string]> = [...sandbox.placeholders(), [servers.reposDir, '$REPOS']];
    const output = [result.stderr, result.stdout].filter(Boolean).join('');
    const transcript = normalizeTranscript(`$ go ${labCaseToRun.args.join(' ')}\n${output}`, {
      placeholders,
    });
    return { result, transcript, sandbox };
  } finally {
    for (const close of caseResources.get(sandbox) ?? []) await close();
    caseResources.delete(sandbox);
    if (!options.keep) await sandbox.dispose();
  }
}

export function keyLinesFor(labCaseToRun: LabCase, goVersion: string): readonly RegExp[] {
  const { keyLines } = labCaseToRun;
  return typeof keyLines === 'function' ? keyLines(goVersion) : keyLines;
}

/** The patterns of `keyLinesFor` that match no line of the transcript. */
export function missingKeyLines(labCaseToRun: LabCase, goVersion: string, transcript: string): RegExp[] {
  const lines = transcript.split('\n');
  return keyLinesFor(labCaseToRun, goVersion).filter((pattern) => !lines.some((line) => pattern.test(line)));
}

export function transcriptFileName(labCaseToRun: LabCase, toolchain: { version: string }): string {
  return `${labCaseToRun.name}.go${toolchain.version}.txt`;
}
