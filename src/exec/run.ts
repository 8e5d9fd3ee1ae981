// The one place where gomod-doctor starts processes.
//
// Every child gets an explicit environment (never an implicit inheritance), an argument array
// (never a shell string), its own process group (so that a timeout or Ctrl-C ends git, ssh and
// credential helpers started below it too) and a hard timeout. Results come back as data: a
// failing or hanging command is an answer to analyse, not an exception.
//
// Children die with us. Normal exit, Ctrl-C and timeouts end each child's process group from
// here. For a gomod-doctor that is itself SIGKILLed (nothing of ours runs then), a watchdog is
// used rather than prctl(PR_SET_PDEATHSIG): the death signal would reach only the direct child
// (go), not the git and ssh it started, and would need a native helper. The watchdog is one small
// node process per gomod-doctor process, in a session of its own, started with the first child:
// it is told each process group as it starts and ends, over a pipe, and when that pipe closes
// (whatever way we died) it ends the groups still listed, SIGTERM then SIGKILL, and exits. Not on
// Windows (no process groups there).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunOptions {
  /** The complete environment of the child. Nothing is inherited that is not listed here. */
  env: Record<string, string | undefined>;
  cwd?: string;
  /** Hard limit; the whole process group is ended when it passes. Default 60 s. */
  timeoutMs?: number;
  /** Written to the child's standard input, which is then closed. Default: no input (closed). */
  input?: string | Uint8Array;
  /** Called with each chunk as it arrives, e.g. to show output live or parse `-x` lines. */
  onStdout?: (chunk: string) => void;
  onStderr?: (chunk: string) => void;
  /** Ends the run early (e.g. Ctrl-C); the process group is ended as on timeout. */
  signal?: AbortSignal;
  /** Keep at most this many bytes of each stream (the tail is kept). Default 64 MiB. */
  maxBuffer?: number;
  /** Called once the child is running, with its pid (the process group id too). */
  onSpawn?: (pid: number) => void;
  /**
   * Keep standard output as bytes (`stdoutBytes`) instead of decoding it as UTF-8: for programs
   * whose output is binary, such as a CGI program's body. `stdout` is then empty and `onStdout`
   * is not called.
   */
  binaryStdout?: boolean;
}

export interface RunResult {
  command: string;
  args: readonly string[];
  /** Exit status, or null when the process was ended by a signal or could not start. */
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  /** Standard output as bytes, when `binaryStdout` was asked for. */
  stdoutBytes?: Uint8Array;
  stderr: string;
  timedOut: boolean;
  aborted: boolean;
  /** Set when the process could not be started at all (ENOENT for a missing binary, EACCES, ...). */
  spawnError?: { code: string; message: string };
  durationMs: number;
}

const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_BUFFER = 64 * 1024 * 1024;
/** How long a process group gets between SIGTERM and SIGKILL. */
const KILL_GRACE_MS = 1_500;

const liveGroups = new Set<number>();
let exitHookInstalled = false;

// The watchdog's program: a constant, run by the node binary that runs us, with an empty
// environment (no NODE_OPTIONS of the user's can reach it).
const WATCHDOG_SCRIPT = `
const groups = new Set(); let rest = '';
for (const s of ['SIGHUP', 'SIGINT', 'SIGTERM', 'SIGPIPE']) process.on(s, () => {});
process.stdin.setEncoding('utf8');
process.stdin.on('data', (d) => {
  rest += d; let i;
  while ((i = rest.indexOf('\\n')) >= 0) {
    const line = rest.slice(0, i); rest = rest.slice(i + 1);
    const pgid = Number(line.slice(1));
    if (!(pgid > 1)) continue;
    if (line[0] === '+') groups.add(pgid); else groups.delete(pgid);
  }
});
const end = () => {
  const send = (sig) => { for (const g of groups) { try { process.kill(-g, sig); } catch {} } };
  send('SIGTERM');
  setTimeout(() => { send('SIGKILL'); process.exit(0); }, 1000);
};
process.stdin.on('end', end); process.stdin.on('error', end);
`;

let watchdog: ChildProcess | undefined | null;

function tellWatchdog(line: string): void {
  if (process.platform === 'win32') return;
  if (watchdog === undefined) {
    try {
      watchdog = spawn(process.execPath, ['-e', WATCHDOG_SCRIPT], {
        env: {},
        cwd: '/',
        detached: true, // a session of its own: the terminal's SIGHUP does not reach it
        stdio: ['pipe', 'ignore', 'ignore'],
      });
      watchdog.on('error', () => {
        watchdog = null;
      });
      watchdog.stdin!.on('error', () => {});
      // Neither the process nor the pipe keeps our event loop alive.
      watchdog.unref();
      (watchdog.stdin as unknown as { unref?: () => void }).unref?.();
    } catch {
      watchdog = null;
    }
  }
  if (watchdog?.stdin?.writable) watchdog.stdin.write(`${line}\n`);
}

let workDir: string | undefined;

/**
 * A directory of our own (mode 0700, empty, removed on exit) to run trusted programs in when the
 * project is not the right place: never $TMPDIR itself, where anyone can plant a `git`.
 */
export function privateWorkDir(): string {
  if (workDir === undefined) {
    workDir = mkdtempSync(join(tmpdir(), 'gomod-doctor-'));
    installExitHook();
  }
  return workDir;
}

/** Ends every process group this module started; used on exit and Ctrl-C. */
export function killAllChildren(): void {
  for (const pgid of liveGroups) killGroup(pgid, 'SIGKILL');
  liveGroups.clear();
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // 'exit' handlers must be synchronous; process.kill is.
  process.on('exit', () => {
    killAllChildren();
    if (workDir !== undefined) {
      try {
        rmdirSync(workDir);
      } catch {
        // not empty or already gone: leave it
      }
    }
  });
}

function killGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    // A negative pid addresses the whole process group.
    process.kill(-pgid, signal);
  } catch {
    // Already gone.
  }
}

/** Drops undefined values: they mean "not set" to callers, and must not become the string "undefined". */
function cleanEnv(env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (value !== undefined) out[key] = value;
  return out;
}

/** The last `limit` units of a stream of text or bytes. */
class TailBuffer<T extends string | Buffer> {
  private chunks: T[] = [];
  private size = 0;
  constructor(private readonly limit: number) {}
  push(chunk: T): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
    while (this.size > this.limit && this.chunks.length > 1) {
      this.size -= this.chunks.shift()!.length;
    }
  }
  text(this: TailBuffer<string>): string {
    const text = this.chunks.join('');
    return text.length > this.limit ? text.slice(text.length - this.limit) : text;
  }
  bytes(this: TailBuffer<Buffer>): Buffer {
    const bytes = Buffer.concat(this.chunks);
    return bytes.length > this.limit ? bytes.subarray(bytes.length - this.limit) : bytes;
  }
}

export function run(command: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  installExitHook();
  const started = performance.now();
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const limit = options.maxBuffer ?? DEFAULT_MAX_BUFFER;
  const stdout = new TailBuffer<string>(limit);
  const stdoutBytes = new TailBuffer<Buffer>(limit);
  const stderr = new TailBuffer<string>(limit);

  return new Promise<RunResult>((resolve) => {
    let timedOut = false;
    let aborted = false;
    let settled = false;
    let spawnError: RunResult['spawnError'];
    let killTimer: NodeJS.Timeout | undefined;

    const child = spawn(command, args, {
      cwd: options.cwd,
      env: cleanEnv(options.env),
      detached: true, // own process group: see killGroup
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      windowsHide: true,
    });
    const pid = child.pid;
    if (pid !== undefined) {
      liveGroups.add(pid);
      tellWatchdog(`+${pid}`);
      options.onSpawn?.(pid);
    }

    const stop = (): void => {
      if (pid === undefined) return;
      killGroup(pid, 'SIGTERM');
      killTimer ??= setTimeout(() => killGroup(pid, 'SIGKILL'), KILL_GRACE_MS);
      killTimer.unref();
    };

    const timer = setTimeout(() => {
      timedOut = true;
      stop();
    }, timeoutMs);
    timer.unref();

    const onAbort = (): void => {
      aborted = true;
      stop();
    };
    if (options.signal) {
      if (options.signal.aborted) onAbort();
      else options.signal.addEventListener('abort', onAbort, { once: true });
    }

    if (options.binaryStdout) {
      child.stdout!.on('data', (chunk: Buffer) => stdoutBytes.push(chunk));
    } else {
      child.stdout!.setEncoding('utf8');
      child.stdout!.on('data', (chunk: string) => {
        stdout.push(chunk);
        options.onStdout?.(chunk);
      });
    }
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      stderr.push(chunk);
      options.onStderr?.(chunk);
    });
    if (options.input !== undefined && child.stdin) {
      child.stdin.on('error', () => {}); // the child may exit without reading its input
      child.stdin.end(options.input);
    }

    child.on('error', (error: NodeJS.ErrnoException) => {
      spawnError = { code: error.code ?? 'ERROR', message: error.message };
      // 'close' may never come when spawning failed.
      if (pid === undefined) finish(null, null);
    });
    // Grandchildren (a git started by go, say) can keep the pipes open after the child exits;
    // ending the group on exit lets 'close' arrive with everything the child wrote.
    child.on('exit', () => {
      if (pid !== undefined) killGroup(pid, 'SIGKILL');
    });
    child.on('close', (code, signal) => finish(code, signal));

    function finish(code: number | null, signal: NodeJS.Signals | null): void {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (pid !== undefined) {
        // Children of the child (a git started by go, say) may outlive it: end the group.
        killGroup(pid, 'SIGKILL');
        liveGroups.delete(pid);
        tellWatchdog(`-${pid}`);
      }
      if (killTimer) clearTimeout(killTimer);
      resolve({
        command,
        args,
        exitCode: code,
        signal,
        stdout: stdout.text(),
        ...(options.binaryStdout ? { stdoutBytes: stdoutBytes.bytes() } : {}),
        stderr: stderr.text(),
        timedOut,
        aborted,
        ...(spawnError ? { spawnError } : {}),
        durationMs: performance.now() - started,
      });
    }
  });
}
