// Runs a go command under watch: `-x` added where the subcommand has it, its output handed on as it
// comes, the -x lines parsed into operations, and whenever nothing is printed for `stallSeconds` the
// live process tree is inspected twice (a moment apart, to tell slow from stuck) and diagnosed.
// Returns data (operations, diagnoses, exit status); the CLI decides what to print.
import { run } from '../exec/run.ts';
import type { Diagnosis } from './diagnose.ts';
import { diagnose, promptOverrides, withTransferSize } from './diagnose.ts';
import type { ProcessSnapshot } from './proc.ts';
import { snapshotTree } from './proc.ts';
import { contentLength } from './size.ts';
import type { Operation } from './xparse.ts';
import { ChunkLines, XTraceParser } from './xparse.ts';

/** Subcommands whose flags include -x (build flags), and `go mod` subcommands that take it. */
const BUILD_FLAG_COMMANDS = new Set([
  'build',
  'install',
  'list',
  'get',
  'run',
  'test',
  'vet',
  'generate',
  'clean',
]);
const MOD_X_SINCE: Record<string, number> = { download: 0, tidy: 20, graph: 20 };

export interface XFlagPlan {
  args: string[];
  /** -x was added (false when present already, or the subcommand has none). */
  added: boolean;
  /** The subcommand has no -x in this release (e.g. `mod tidy` before 1.20). */
  unsupported?: string;
}

/**
 * Inserts `-x` right after the subcommand (`go mod tidy -x`, `go get -x`), unless the person gave it
 * (or `-x=...`) or the subcommand has none. `minor` is the local go's minor release (1.19 → 19).
 */
export function addXFlag(args: readonly string[], minor: number | undefined): XFlagPlan {
  const out = [...args];
  let i = 0;
  // `go -C DIR` must come first; keep it before the subcommand.
  if (out[i] === '-C') i += 2;
  else if (out[i]?.startsWith('-C=')) i += 1;
  const sub = out[i];
  if (sub === undefined) return { args: out, added: false };
  const dashDash = out.indexOf('--');
  const flags = dashDash === -1 ? out : out.slice(0, dashDash);
  if (flags.some((a) => a === '-x' || a === '--x' || /^--?x=/.test(a))) return { args: out, added: false };
  if (BUILD_FLAG_COMMANDS.has(sub)) {
    out.splice(i + 1, 0, '-x');
    return { args: out, added: true };
  }
  if (sub === 'mod') {
    const modSub = out[i + 1];
    const since = modSub !== undefined ? MOD_X_SINCE[modSub] : undefined;
    if (since === undefined) return { args: out, added: false };
    if (minor !== undefined && minor < since)
      return { args: out, added: false, unsupported: `mod ${modSub}` };
    out.splice(i + 2, 0, '-x');
    return { args: out, added: true };
  }
  return { args: out, added: false };
}

/** What --no-prompt sets, over the person's own values: every would-be prompt becomes an error. */
export const NO_PROMPT_ENV: Readonly<Record<string, string>> = {
  GIT_TERMINAL_PROMPT: '0',
  GCM_INTERACTIVE: 'never',
  GIT_SSH_COMMAND: 'ssh -o ControlMaster=no -o BatchMode=yes',
};

export interface TraceOptions {
  command: string;
  args: readonly string[];
  env: Record<string, string | undefined>;
  cwd?: string;
  /** No output line for this long counts as a stall (default 5). */
  stallSeconds?: number;
  /** End the go command after this long (default: never). */
  timeoutSeconds?: number;
  /** Ends the run (Ctrl-C); a last inspection is made first. */
  signal?: AbortSignal;
  onStdout?: (chunk: string) => void;
  onStderr?: (chunk: string) => void;
  /** Each diagnosis as it is made (stalls, and the last look before the command is ended). */
  onDiagnosis?: (diagnosis: Diagnosis) => void;
  onSpawn?: (pid: number) => void;
}

export interface TraceResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  /** --timeout ended it. */
  timedOut: boolean;
  /** The signal option ended it. */
  interrupted: boolean;
  spawnError?: { code: string; message: string };
  durationSeconds: number;
  operations: Operation[];
  parser: XTraceParser;
  /** Stalls: each time nothing was printed for stallSeconds and the tree was not building. */
  diagnoses: Diagnosis[];
  /** Looks that found the build tools at work (compile, link, cgo): progress, not stalls. */
  building: Diagnosis[];
  /** Everything the command printed, stderr and stdout as they interleaved. */
  transcript: string;
}

const SECOND_LOOK_MS = 600;
const FINAL_SECOND_LOOK_MS = 300;
const TICK_MS = 200;

export async function traceGoCommand(options: TraceOptions): Promise<TraceResult> {
  const stallSeconds = options.stallSeconds ?? 5;
  const started = performance.now();
  const now = (): number => (performance.now() - started) / 1000;
  const parser = new XTraceParser();
  const diagnoses: Diagnosis[] = [];
  const building: Diagnosis[] = [];
  /** When a look last found the build tools working: quiet since then is what counts. */
  let busyAt = -Infinity;
  const sizes = new Map<string, Promise<number | undefined>>();
  const transcript: string[] = [];
  const stop = new AbortController();
  const overrides = promptOverrides(options.env);
  let pid: number | undefined;
  let inspecting: Promise<void> | undefined;
  let lastInspection = -Infinity;
  let finished = false;
  let timedOut = false;
  let interrupted = false;

  const stderrLines = new ChunkLines((line) => parser.push(line, now()));
  const stdoutLines = new ChunkLines(() => {
    parser.lastLineAt = now();
    parser.lines++;
  });

  const inspect = async (final: boolean): Promise<void> => {
    if (pid === undefined || finished) return;
    const rootPid = pid;
    const linesBefore = parser.lines;
    const first: ProcessSnapshot = await snapshotTree(rootPid);
    // The second look tells slow from stuck; before ending the command it is a shorter one.
    await new Promise((resolve) => setTimeout(resolve, final ? FINAL_SECOND_LOOK_MS : SECOND_LOOK_MS));
    if (finished) return;
    const second: ProcessSnapshot = await snapshotTree(rootPid);
    if (finished) return;
    // Output arrived while we looked: it was not a stall after all (the next tick looks again).
    if (!final && parser.lines !== linesBefore) return;
    const t = now();
    let diagnosis = diagnose({
      inFlight: parser.inFlight(),
      completed: parser.operations.filter((op) => op.end !== undefined),
      now: t,
      stalledSeconds: t - Math.max(parser.lastLineAt, 0),
      snapshot: first,
      ...(second.processes.length > 0 ? { later: second } : {}),
      env: options.env,
      userOverrides: overrides,
    });
    if (diagnosis.building && !final) {
      busyAt = t;
      building.push(diagnosis);
      return;
    }
    const url = diagnosis.operation?.url;
    if (diagnosis.cause === 'proxy-slow' && url) {
      if (!sizes.has(url)) sizes.set(url, contentLength(url, options.env));
      const total = await sizes.get(url);
      if (finished) return;
      if (total !== undefined) diagnosis = withTransferSize(diagnosis, total);
    }
    diagnoses.push(diagnosis);
    options.onDiagnosis?.(diagnosis);
  };

  const runInspection = (final: boolean): Promise<void> => {
    inspecting ??= inspect(final)
      .catch(() => {
        // A process that vanished mid-look: the next tick looks again.
      })
      .finally(() => {
        lastInspection = now();
        inspecting = undefined;
      });
    return inspecting;
  };

  const ticker = setInterval(() => {
    const t = now();
    const quietFor = t - Math.max(parser.lastLineAt, busyAt, 0);
    if (quietFor >= stallSeconds && t - lastInspection >= stallSeconds && !inspecting)
      void runInspection(false);
  }, TICK_MS);
  ticker.unref();

  let timeoutTimer: NodeJS.Timeout | undefined;
  if (options.timeoutSeconds !== undefined) {
    timeoutTimer = setTimeout(() => {
      timedOut = true;
      void (async () => {
        await inspecting;
        await runInspection(true);
        stop.abort();
      })();
    }, options.timeoutSeconds * 1000);
    timeoutTimer.unref();
  }
  const onAbort = (): void => {
    if (timedOut || interrupted) return;
    interrupted = true;
    void (async () => {
      // A look at the tree before it is ended: that is what the person wants to know.
      await runInspection(true);
      stop.abort();
    })();
  };
  if (options.signal?.aborted) onAbort();
  else options.signal?.addEventListener('abort', onAbort, { once: true });

  const result = await run(options.command, options.args, {
    env: options.env,
    ...(options.cwd ? { cwd: options.cwd } : {}),
    // The limit is ours (--timeout), applied after a last inspection; run() only backs it up.
    timeoutMs: (options.timeoutSeconds ?? 7 * 24 * 3600) * 1000 + 30_000,
    signal: stop.signal,
    maxBuffer: 16 * 1024 * 1024,
    onSpawn: (spawned) => {
      pid = spawned;
      options.onSpawn?.(spawned);
    },
    onStdout: (chunk) => {
      transcript.push(chunk);
      stdoutLines.push(chunk);
      options.onStdout?.(chunk);
    },
    onStderr: (chunk) => {
      transcript.push(chunk);
      stderrLines.push(chunk);
      options.onStderr?.(chunk);
    },
  });
  finished = true;
  clearInterval(ticker);
  if (timeoutTimer) clearTimeout(timeoutTimer);
  options.signal?.removeEventListener('abort', onAbort);
  stderrLines.end();
  stdoutLines.end();
  const end = now();
  parser.end(end);
  return {
    exitCode: result.exitCode,
    signal: result.signal,
    timedOut,
    interrupted,
    ...(result.spawnError ? { spawnError: result.spawnError } : {}),
    durationSeconds: end,
    operations: parser.operations,
    parser,
    diagnoses,
    building,
    transcript: transcript.join(''),
  };
}
