// Git remotes for the go command's direct mode, built from the module universe: bare repositories
// (one commit per version, tagged, with fixed dates so hashes and pseudo-versions never change),
// reached through `url.<base>.insteadOf` in the sandbox's global git config, either as file://
// paths or through a smart-HTTP server on loopback that runs git's own `git http-backend`.
import { Buffer } from 'node:buffer';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import type { RunResult } from '../../../src/exec/run.ts';
import { run } from '../../../src/exec/run.ts';
import type { Fault, FaultHandle } from './faults.ts';
import { applyFault, FaultSet, PendingResponses } from './faults.ts';
import { listenOnLoopback } from './listen.ts';
import { closeServers } from './proxy-server.ts';
import type { Sandbox } from './sandbox.ts';
import type { ModuleUniverse, ModuleVersionDecl } from './universe.ts';
import { toBytes } from './universe.ts';

const SYSTEM_PATH = '/usr/local/bin:/usr/bin:/bin';

/** An environment for the lab's own git commands: no user or system config, fixed identity. */
function gitEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: SYSTEM_PATH,
    HOME: '/nonexistent',
    LANG: 'C',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_TERMINAL_PROMPT: '0',
    GIT_AUTHOR_NAME: 'Lab',
    GIT_AUTHOR_EMAIL: 'lab@lab.invalid',
    GIT_COMMITTER_NAME: 'Lab',
    GIT_COMMITTER_EMAIL: 'lab@lab.invalid',
    ...extra,
  };
}

async function git(
  args: readonly string[],
  env: Record<string, string> = {},
  cwd?: string,
): Promise<RunResult> {
  const result = await run('git', args, { env: gitEnv(env), timeoutMs: 30_000, ...(cwd ? { cwd } : {}) });
  if (result.exitCode !== 0) {
    throw new Error(`git ${args.join(' ')} failed: ${result.stderr || result.spawnError?.message || ''}`);
  }
  return result;
}

export interface GitRepositoryOptions {
  /** The bare repository to create (conventionally ending in `.git`). */
  dir: string;
  /** An untagged commit on the default branch after the last version, for pseudo-version tests. */
  head?: ModuleVersionDecl;
  /** Branch name; default `main`. */
  branch?: string;
}

export interface GitRepository {
  dir: string;
  /** Version → commit hash. `HEAD` for the untagged head commit, if any. */
  commits: Record<string, string>;
}

/** A bare repository holding every version of one module of the universe, each a tagged commit. */
export async function createGitRepository(
  universe: ModuleUniverse,
  modulePath: string,
  options: GitRepositoryOptions,
): Promise<GitRepository> {
  const branch = options.branch ?? 'main';
  await mkdir(dirname(options.dir), { recursive: true });
  await git(['init', '--quiet', '--bare', '-b', branch, options.dir]);
  const workTree = await mkdtemp(join(dirname(options.dir), '.worktree-'));
  const index = join(workTree, '.lab-index');
  const commits: Record<string, string> = {};
  try {
    const steps: Array<{ label: string; tag?: string; decl: ModuleVersionDecl; time: string }> = [];
    for (const version of universe.versions(modulePath)) {
      steps.push({
        label: version,
        tag: version,
        decl: { files: universe.files(modulePath, version) },
        time: universe.info(modulePath, version).Time,
      });
    }
    if (options.head) {
      const last = steps.at(-1)?.time;
      const time =
        options.head.time ?? new Date(Date.parse(last ?? '2024-01-01T00:00:00Z') + 3_600_000).toISOString();
      steps.push({ label: 'HEAD', decl: options.head, time });
    }
    for (const step of steps) {
      // A fresh index and tree per version: each commit holds exactly that version's files.
      await rm(index, { force: true });
      const versionDir = join(workTree, 'v');
      await rm(versionDir, { recursive: true, force: true });
      await mkdir(versionDir, { recursive: true });
      for (const [name, contents] of Object.entries(step.decl.files)) {
        const path = join(versionDir, name);
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, toBytes(contents));
      }
      const versionBase = ['--git-dir', options.dir, '--work-tree', versionDir];
      const dates = { GIT_INDEX_FILE: index, GIT_AUTHOR_DATE: step.time, GIT_COMMITTER_DATE: step.time };
      await git([...versionBase, 'add', '-A', '.'], dates);
      await git([...versionBase, 'commit', '-q', '--allow-empty', '-m', step.label], dates);
      const hash = (await git(['--git-dir', options.dir, 'rev-parse', 'HEAD'])).stdout.trim();
      commits[step.label] = hash;
      if (step.tag) await git(['--git-dir', options.dir, 'tag', step.tag, hash]);
    }
  } finally {
    await rm(workTree, { recursive: true, force: true });
  }
  return { dir: options.dir, commits };
}

/**
 * Sends every git URL of `host` to `to` (a `file:///dir/` or `http://127.0.0.1:PORT/` base). All
 * schemes, because the go command probes `https`, then `git+ssh` and `ssh` for a `.git` path when
 * the first probe fails, and falls back to `git://` when none answers: unrewritten, each of those
 * would make git resolve the host name.
 */
export async function redirectGitHost(sandbox: Sandbox, host: string, to: string): Promise<void> {
  const base = to.endsWith('/') ? to : `${to}/`;
  await sandbox.gitConfig(
    [
      `https://${host}/`,
      `http://${host}/`,
      `git://${host}/`,
      `ssh://${host}/`,
      `git+ssh://${host}/`,
      `ssh://git@${host}/`,
      `git@${host}:`,
    ].map((from) => ({ section: 'url', subsection: base, key: 'insteadOf', value: from })),
  );
}

export interface GitHttpServerOptions {
  /** Directory holding the bare repositories (GIT_PROJECT_ROOT). */
  root: string;
  /** Demand HTTP Basic auth with these credentials (401 otherwise). */
  auth?: { username: string; password: string };
  faults?: readonly Fault[];
}

export interface GitHttpRequest {
  method: string;
  path: string;
  query: string;
  time: number;
  status?: number;
  user?: string;
  fault?: string;
}

export interface GitHttpServer {
  /** `http://127.0.0.1:PORT` — repositories are at `${url}/NAME.git`. */
  readonly url: string;
  readonly port: number;
  readonly log: readonly GitHttpRequest[];
  clearLog(): void;
  addFault(fault: Fault): FaultHandle;
  clearFaults(): void;
  close(): Promise<void>;
}

/** Smart-HTTP git server on 127.0.0.1: `git http-backend` as CGI, one process per request. */
export async function startGitHttpServer(options: GitHttpServerOptions): Promise<GitHttpServer> {
  const faults = new FaultSet();
  for (const fault of options.faults ?? []) faults.add(fault);
  const pending = new PendingResponses();
  const log: GitHttpRequest[] = [];
  const started = performance.now();
  const stop = new AbortController();

  const handler = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const [rawPath = '/', query = ''] = (req.url ?? '/').split('?', 2) as [string?, string?];
    const path = decodeURIComponent(rawPath);
    const entry: GitHttpRequest = {
      method: req.method ?? 'GET',
      path,
      query,
      time: performance.now() - started,
    };
    log.push(entry);
    const facts = { path, endpoint: 'git' as const };
    const body = await readBody(req);

    const user = options.auth ? checkBasicAuth(req, options.auth) : undefined;
    if (options.auth && user === undefined) {
      entry.status = 401;
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="lab"', 'Content-Type': 'text/plain' });
      res.end('authentication required\n');
      return;
    }
    if (user !== undefined) entry.user = user;

    const fault = faults.pick(facts);
    if (fault) entry.fault = fault.name ?? fault.action.type;
    if (
      fault &&
      (fault.action.type === 'stall' || fault.action.type === 'close' || fault.action.type === 'status')
    ) {
      applyFault(fault.action, emptyAnswer, facts, req, res, pending, (status) => {
        if (status !== undefined) entry.status = status;
      });
      return;
    }

    const cgi = await runHttpBackend(
      options.root,
      req,
      withGitSuffix(options.root, path),
      query,
      body,
      user,
      stop.signal,
    );
    applyFault(fault?.action, cgi, facts, req, res, pending, (status) => {
      if (status !== undefined) entry.status = status;
    });
  };

  const server = createServer((req, res) => {
    handler(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(error));
    });
  });
  server.requestTimeout = 0;
  server.headersTimeout = 0;
  const port = await listenOnLoopback(server);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    log,
    clearLog: () => {
      log.length = 0;
    },
    addFault: (fault) => faults.add(fault),
    clearFaults: () => faults.clear(),
    close: async () => {
      stop.abort();
      await closeServers([server], pending);
    },
  };
}

/**
 * The go command strips `.git` from the repository URL of a `host/repo.git` module path (it asks
 * git for `https://host/repo`); git finds `repo.git` by itself for file:// remotes, http-backend
 * does not, so the server adds the suffix when only the `.git` directory exists.
 */
function withGitSuffix(root: string, path: string): string {
  const match = /^(\/.*?)(\/(?:info\/refs|git-upload-pack|git-receive-pack|HEAD|objects\/.*))$/.exec(path);
  if (!match) return path;
  const repo = match[1]!;
  if (repo.endsWith('.git') || existsSync(join(root, repo)) || !existsSync(join(root, `${repo}.git`)))
    return path;
  return `${repo}.git${match[2]}`;
}

const emptyAnswer = { status: 200, body: new Uint8Array(), contentType: 'text/plain' };

function checkBasicAuth(
  req: IncomingMessage,
  auth: { username: string; password: string },
): string | undefined {
  const header = req.headers.authorization ?? '';
  const match = /^Basic\s+(.+)$/i.exec(header);
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const username = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  return colon >= 0 && username === auth.username && password === auth.password ? username : undefined;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function runHttpBackend(
  root: string,
  req: IncomingMessage,
  path: string,
  query: string,
  body: Buffer,
  user: string | undefined,
  signal: AbortSignal,
): Promise<{ status: number; body: Uint8Array; contentType: string; headers: Record<string, string> }> {
  const env: Record<string, string | undefined> = {
    ...gitEnv(),
    GIT_PROJECT_ROOT: root,
    GIT_HTTP_EXPORT_ALL: '1',
    GATEWAY_INTERFACE: 'CGI/1.1',
    REQUEST_METHOD: req.method ?? 'GET',
    PATH_INFO: path,
    QUERY_STRING: query,
    CONTENT_TYPE: req.headers['content-type'],
    CONTENT_LENGTH: String(body.length),
    HTTP_CONTENT_ENCODING: req.headers['content-encoding'],
    // Protocol v2 is negotiated through this header; the go command asks for it (1.23+).
    HTTP_GIT_PROTOCOL: req.headers['git-protocol'] as string | undefined,
    REMOTE_USER: user,
    REMOTE_ADDR: req.socket.remoteAddress,
    SERVER_PROTOCOL: 'HTTP/1.1',
  };
  const result = await run('git', ['http-backend'], {
    env,
    input: body,
    timeoutMs: 60_000,
    signal,
    binaryStdout: true,
  });
  return parseCgiOutput(Buffer.from(result.stdoutBytes ?? new Uint8Array()), result);
}

function parseCgiOutput(
  output: Buffer,
  result: RunResult,
): { status: number; body: Uint8Array; contentType: string; headers: Record<string, string> } {
  let split = output.indexOf('\r\n\r\n');
  let skip = 4;
  if (split < 0) {
    split = output.indexOf('\n\n');
    skip = 2;
  }
  if (split < 0) {
    return {
      status: 500,
      body: Buffer.from(`git http-backend failed: ${result.stderr}`),
      contentType: 'text/plain',
      headers: {},
    };
  }
  const headers: Record<string, string> = {};
  let status = 200;
  let contentType = 'application/octet-stream';
  for (const line of output.subarray(0, split).toString('latin1').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10) || 500;
    else if (name.toLowerCase() === 'content-type') contentType = value;
    else headers[name] = value;
  }
  return { status, body: output.subarray(split + skip), contentType, headers };
}
