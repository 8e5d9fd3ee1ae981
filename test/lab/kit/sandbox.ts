// A throw-away Go environment: every directory the go command or git would read or write (home,
// GOPATH, module and build caches, GOENV, git's global config) lives under one temp root, so a lab
// run never touches the real user's caches or settings and can be deleted afterwards.
import { chmod, lstat, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import type { RunResult } from '../../../src/exec/run.ts';
import { run } from '../../../src/exec/run.ts';

export interface LabToolchain {
  goBin: string;
  goroot: string;
  /** Language version such as '1.23', for names and messages only. */
  version?: string;
}

export interface SandboxOptions {
  /** The toolchain to run: its go binary and root (GOROOT), e.g. `goToolchain('1.23')` in tests. */
  go: LabToolchain;
  /** GOPROXY; default `off`, so that nothing can reach the internet by accident. */
  goproxy?: string;
  /** GOSUMDB; default `off`, for the same reason. */
  gosumdb?: string;
  goprivate?: string;
  gonoproxy?: string;
  gonosumdb?: string;
  goinsecure?: string;
  /** GOTOOLCHAIN; default `local`, so that no go line can start a toolchain download. */
  gotoolchain?: string;
  /** GOFLAGS; default `-modcacherw`, so that the module cache can be deleted without chmod. */
  goflags?: string;
  /** More variables, or `undefined` to remove one of the defaults. */
  env?: Record<string, string | undefined>;
  /** Parent directory of the temp root; default the OS temp dir. */
  parentDir?: string;
}

export interface GoRunOptions {
  timeoutMs?: number;
  /** Relative to the work dir, or absolute. */
  cwd?: string;
  /** Merged over the sandbox's env (`undefined` removes a variable). */
  env?: Record<string, string | undefined>;
  signal?: AbortSignal;
  onStdout?: (chunk: string) => void;
  onStderr?: (chunk: string) => void;
}

export interface Sandbox {
  readonly root: string;
  readonly home: string;
  readonly gopath: string;
  readonly gomodcache: string;
  readonly gocache: string;
  /** The GOENV file (`go env -w` writes here). */
  readonly goenvFile: string;
  readonly gitConfigFile: string;
  /** Where the test's module lives and go commands run by default. */
  readonly workDir: string;
  /** Free for the test's own files (repos, certificates, ...). */
  readonly labDir: string;
  /** The complete environment given to every command. Changes affect later commands. */
  readonly env: Record<string, string | undefined>;
  readonly toolchain: LabToolchain;
  go(args: readonly string[], options?: GoRunOptions): Promise<RunResult>;
  /** Any other program (git, say) with the sandbox's environment. */
  exec(command: string, args: readonly string[], options?: GoRunOptions): Promise<RunResult>;
  /** Writes files relative to the work dir (or `base`), creating directories. */
  writeFiles(files: Record<string, string | Uint8Array>, base?: string): Promise<void>;
  /** Appends lines to the sandbox's global git config (e.g. `url.X.insteadOf`). */
  gitConfig(entries: readonly GitConfigEntry[]): Promise<void>;
  /** Paths of this sandbox, longest first, with the placeholder each stands for in a transcript. */
  placeholders(): Array<[string, string]>;
  dispose(): Promise<void>;
}

export interface GitConfigEntry {
  section: string;
  subsection?: string;
  key: string;
  value: string;
}

const SYSTEM_PATH = ['/usr/local/bin', '/usr/bin', '/bin'];

export async function createSandbox(options: SandboxOptions): Promise<Sandbox> {
  const root = await mkdtemp(join(options.parentDir ?? tmpdir(), 'gomod-lab-'));
  const home = join(root, 'home');
  const gopath = join(root, 'gopath');
  const gomodcache = join(gopath, 'pkg', 'mod');
  const cacheHome = join(root, 'cache');
  const configHome = join(root, 'config');
  const gocache = join(cacheHome, 'go-build');
  const goenvFile = join(configHome, 'go', 'env');
  const gitConfigFile = join(home, '.gitconfig');
  const workDir = join(root, 'work');
  const labDir = join(root, 'lab');
  const tmp = join(root, 'tmp');
  for (const dir of [home, gopath, gocache, dirname(goenvFile), workDir, labDir, tmp]) {
    await mkdir(dir, { recursive: true });
  }
  await writeFile(goenvFile, '');
  // Go 1.23+ keep telemetry counters under the config dir, and may start an upload process that
  // outlives the go command (and would write into a disposed sandbox): mode "off" prevents both.
  await mkdir(join(configHome, 'go', 'telemetry'), { recursive: true });
  await writeFile(join(configHome, 'go', 'telemetry', 'mode'), 'off\n');
  await writeFile(gitConfigFile, '');

  const goBinDir = dirname(options.go.goBin);
  const env: Record<string, string | undefined> = {
    HOME: home,
    USER: 'lab',
    PATH: [goBinDir, ...SYSTEM_PATH].join(delimiter),
    LANG: 'C',
    LC_ALL: 'C',
    TMPDIR: tmp,
    XDG_CONFIG_HOME: configHome,
    XDG_CACHE_HOME: cacheHome,
    GOROOT: options.go.goroot,
    GOPATH: gopath,
    GOMODCACHE: gomodcache,
    GOCACHE: gocache,
    GOENV: goenvFile,
    GOTOOLCHAIN: options.gotoolchain ?? 'local',
    GOFLAGS: options.goflags ?? '-modcacherw',
    GOPROXY: options.goproxy ?? 'off',
    GOSUMDB: options.gosumdb ?? 'off',
    GOPRIVATE: options.goprivate,
    GONOPROXY: options.gonoproxy,
    GONOSUMDB: options.gonosumdb,
    GOINSECURE: options.goinsecure,
    // No C compiler is needed to build the lab's modules, and none may be installed.
    CGO_ENABLED: '0',
    GIT_CONFIG_GLOBAL: gitConfigFile,
    GIT_CONFIG_NOSYSTEM: '1',
    // The go command sets this itself; git run by the test directly must not prompt either.
    GIT_TERMINAL_PROMPT: '0',
    // Not GIT_ALLOW_PROTOCOL: the go command reads it too and then treats exactly the listed
    // schemes as secure, which changes which URLs it probes in direct mode.
    GIT_AUTHOR_NAME: 'Lab',
    GIT_AUTHOR_EMAIL: 'lab@lab.invalid',
    GIT_COMMITTER_NAME: 'Lab',
    GIT_COMMITTER_EMAIL: 'lab@lab.invalid',
    ...options.env,
  };

  let disposed = false;
  const exec = (
    command: string,
    args: readonly string[],
    runOptions: GoRunOptions = {},
  ): Promise<RunResult> => {
    const cwd = runOptions.cwd === undefined ? workDir : resolveIn(workDir, runOptions.cwd);
    return run(command, args, {
      env: { ...env, ...runOptions.env },
      cwd,
      timeoutMs: runOptions.timeoutMs ?? 120_000,
      ...(runOptions.signal ? { signal: runOptions.signal } : {}),
      ...(runOptions.onStdout ? { onStdout: runOptions.onStdout } : {}),
      ...(runOptions.onStderr ? { onStderr: runOptions.onStderr } : {}),
    });
  };

  const sandbox: Sandbox = {
    root,
    home,
    gopath,
    gomodcache,
    gocache,
    goenvFile,
    gitConfigFile,
    workDir,
    labDir,
    env,
    toolchain: options.go,
    go: (args, runOptions) => exec(options.go.goBin, args, runOptions),
    exec,
    async writeFiles(files, base = workDir) {
      for (const [name, contents] of Object.entries(files)) {
        const path = resolveIn(base, name);
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, contents);
      }
    },
    async gitConfig(entries) {
      for (const entry of entries) {
        const name = entry.subsection === undefined ? entry.section : `${entry.section}.${entry.subsection}`;
        const res = await run(
          'git',
          ['config', '--file', gitConfigFile, '--add', `${name}.${entry.key}`, entry.value],
          {
            env: { PATH: env.PATH, HOME: home, GIT_CONFIG_NOSYSTEM: '1' },
            timeoutMs: 10_000,
          },
        );
        if (res.exitCode !== 0)
          throw new Error(`git config failed: ${res.stderr || res.spawnError?.message}`);
      }
    },
    placeholders() {
      return [
        [gomodcache, '$GOMODCACHE'],
        [gocache, '$GOCACHE'],
        [gopath, '$GOPATH'],
        [workDir, '$WORK'],
        [labDir, '$LAB'],
        [tmp, '$TMPDIR'],
        [home, '$HOME'],
        [options.go.goroot, '$GOROOT'],
        [root, '$SANDBOX'],
      ];
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      await makeWritable(root);
      await rm(root, { recursive: true, force: true, maxRetries: 3 });
    },
  };
  return sandbox;
}

function resolveIn(base: string, name: string): string {
  return name.startsWith('/') ? name : join(base, name);
}

/** The module cache is read-only unless -modcacherw was used; rm needs write access to directories. */
async function makeWritable(dir: string): Promise<void> {
  let entries: string[];
  try {
    const info = await lstat(dir);
    if (!info.isDirectory()) return;
    if ((info.mode & 0o700) !== 0o700) await chmod(dir, info.mode | 0o700);
    entries = await readdir(dir);
  } catch {
    return;
  }
  await Promise.all(entries.map((name) => makeWritable(join(dir, name))));
}
