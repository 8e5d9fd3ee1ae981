// The lab's fault cases: each one a real go command failing (or hanging) against a loopback
// server that misbehaves in one specific way. Used by the lab tests, which check the key lines,
// and by scripts/lab-transcripts.ts, which saves the normalised transcripts as fixtures.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunResult } from '../../src/exec/run.ts';
import { createModuleZip } from '../../src/gosum/modzip.ts';
import { privateRepoBody } from '../../src/lab/faults.ts';
import type { GitHttpServer } from '../../src/lab/git.ts';
import { createGitRepository, redirectGitHost, startGitHttpServer } from '../../src/lab/git.ts';
import type { ProxyServer } from '../../src/lab/proxy-server.ts';
import { startProxyServer } from '../../src/lab/proxy-server.ts';
import type { LabToolchain, Sandbox, SandboxOptions } from '../../src/lab/sandbox.ts';
import { createSandbox } from '../../src/lab/sandbox.ts';
import { normalizeTranscript } from '../../src/lab/transcript.ts';
import type { ModuleDecl, ModuleUniverse } from '../../src/lab/universe.ts';
import { createUniverse, toBytes } from '../../src/lab/universe.ts';
import { goToolchains } from '../helpers/go-matrix.ts';

/** The releases the lab proves its faults with (those of them that are installed). */
export const LAB_GO_VERSIONS = ['1.19', '1.23', '1.24'] as const;

export function labToolchains(): Array<LabToolchain & { version: string }> {
  return goToolchains().filter((t) => (LAB_GO_VERSIONS as readonly string[]).includes(t.version));
}

/** A one-version module whose zip is worth dribbling and truncating. */
function simpleModule(path: string): ModuleDecl {
  const name = path
    .split('/')
    .at(-1)!
    .replace(/\.git$/, '')
    .replace(/[^a-z0-9]/g, '');
  return {
    path,
    versions: {
      'v1.0.0': {
        files: {
          'go.mod': `module ${path}\n\ngo 1.19\n`,
          [`${name}.go`]: `package ${name}\n\n// Hello says hello.\nfunc Hello() string { return "hello from ${path}" }\n`,
          'README.md': `# ${path}\n\n${'The lab module. '.repeat(40)}\n`,
        },
      },
    },
  };
}

/** Every module the cases use; one module path per case, so that path-scoped faults never collide. */
export const LAB_MODULES: readonly ModuleDecl[] = [
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
];

export interface LabServers {
  universe: ModuleUniverse;
  proxy: ProxyServer;
  /** Anonymous smart-HTTP git server. */
  git: GitHttpServer;
  /** The same repositories behind Basic auth. */
  gitAuth: GitHttpServer;
  reposDir: string;
  /** A loopback URL where nothing listens. */
  refusedUrl: string;
  close(): Promise<void>;
}

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
    proxy.addFault({
      name: 'tampered-zip',
      match: { module: TAMPERED, endpoint: 'zip' },
      action: { type: 'body', body: tamperedZip(universe) },
    });
    git.addFault({ name: 'git-stall', match: { path: '/hang*/**' }, action: { type: 'stall' } });

    return {
      universe,
      proxy,
      git,
      gitAuth,
      reposDir,
      refusedUrl,
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

const PROXY_FAULTS = [
  {
    name: 'private-410',
    match: { module: 'corp.example.com/**' },
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
}

const WORK_GO_MOD = 'module example.com/app\n\ngo 1.19\n';
const P = String.raw`http://127\.0\.0\.1:\$PORT`;

function viaProxy(servers: LabServers): Omit<SandboxOptions, 'go'> {
  return { goproxy: servers.proxy.url, gosumdb: 'off' };
}

async function workModule(sandbox: Sandbox): Promise<void> {
  await sandbox.writeFiles({ 'go.mod': WORK_GO_MOD });
}

const download = (module: string): readonly string[] => ['mod', 'download', '-x', module];

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
    keyLines: [/^N\.NNNs # cd \$GOMODCACHE\/cache\/vcs\/<hash>; git ls-remote -q origin$/],
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
      /git -c core\.autocrlf=input -c core\.eol=lf archive --format=zip --prefix=prefix\/ [0-9a-f]{40}$/,
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
  },
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
    const result = await sandbox.go(labCaseToRun.args, { timeoutMs: labCaseToRun.timeoutMs });
    const placeholders: Array<[string, string]> = [...sandbox.placeholders(), [servers.reposDir, '$REPOS']];
    const output = [result.stderr, result.stdout].filter(Boolean).join('');
    const transcript = normalizeTranscript(`$ go ${labCaseToRun.args.join(' ')}\n${output}`, {
      placeholders,
    });
    return { result, transcript, sandbox };
  } finally {
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
