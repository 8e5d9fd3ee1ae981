// Turns the go command's `-x` stderr stream into a timeline of operations (HTTP GETs, VCS commands,
// module and toolchain downloads, import queries) and keeps the set still in flight. Line formats
// are those of Go 1.19 to 1.24 (shared/reference/x-trace.md): requests have no id and interleave,
// so completions are paired with starts FIFO per URL, VCS timing lines by their exact text.

export type OperationKind =
  /** `# get URL` … `# get URL: STATUS (N.NNNs)` or `# get URL: ERROR`. */
  | 'http'
  /** `cd DIR; git ...` … `N.NNNs # cd DIR; git ...`, or a bare probe `cd DIR` + `git ls-remote URL`. */
  | 'vcs'
  /** `go: downloading M V`: the module zip fetch is about to start (ends at the next line of output). */
  | 'download'
  /** `go: downloading go1.X (os/arch)`: a toolchain switch fetches a whole Go release. */
  | 'toolchain'
  /** `go: finding module for package P` … `go: found P in M V`. */
  | 'query';

export interface Operation {
  id: number;
  kind: OperationKind;
  /** Seconds since the trace started. */
  start: number;
  /** Seconds since the trace started; undefined while in flight. */
  end?: number;
  /** The go command's own measure (HTTP and VCS timing lines), seconds. */
  reportedDuration?: number;
  url?: string;
  /** The VCS command as echoed, without the `cd DIR; ` prefix. */
  command?: string;
  dir?: string;
  /** The repository URL a VCS command talks to (from the `# git3 URL` setup lines or its arguments). */
  remote?: string;
  module?: string;
  version?: string;
  package?: string;
  /** HTTP status line (`200 OK`). */
  status?: string;
  /** Transport error text, or `toolchain not available`. */
  error?: string;
  /**
   * The operation has no completion line of its own (bare VCS probes, downloads, toolchain fetches):
   * the next line of output ends it.
   */
  endsWithNextLine?: boolean;
}

/** One entry of the contract's `events` (JSON): what happened when, and how long it took. */
export interface TraceEvent {
  /** Seconds since start, 3 decimals. */
  t: number;
  kind: OperationKind | 'lock' | 'toolchain-switch' | 'stall' | 'build';
  /** `stall` events: the live diagnosis made then (`build` events: the build tools were working). */
  cause?: string;
  stuck?: boolean;
  url?: string;
  command?: string;
  dir?: string;
  file?: string;
  module?: string;
  version?: string;
  package?: string;
  /** Seconds; absent while still running at the end. */
  duration?: number;
  status?: string;
  error?: string;
  /** Still running when the trace ended. */
  unfinished?: true;
}

// `# get URL` and `# get URL: REST`. URLs are printed percent-escaped, so they hold no space.
const GET_START = /^# get (\S+)$/;
const GET_END = /^# get (\S+?): (.+)$/;
const STATUS_DONE = /^(\d{3}(?: .*)?) \((\d+\.\d+|N\.NNN)s\)$/;
// `N.NNNs` is how the lab's normalised transcripts write the time.
const VCS_DONE = /^(\d+\.\d+|N\.NNN)s # (.*)$/;
const VCS_TOOLS = ['git', 'hg', 'svn', 'bzr', 'fossil'];
const TOOLCHAIN_DOWNLOAD = /^go: downloading (go\d+(?:\.\d+)*(?:rc\d+|beta\d+)?) \(([^)]+)\)$/;
const MODULE_DOWNLOAD = /^go: downloading (\S+) (\S+)$/;
const FINDING = /^go: finding module for package (\S+)$/;
const FOUND = /^go: found (\S+) in (\S+) (\S+)$/;
const TOOLCHAIN_SWITCH = /^go: .* requires go >= \S+; switching to (go\S+)$/;
const TOOLCHAIN_UNAVAILABLE = /^go: download (go\S+) for \S+: (.+)$/;
const LOCK_LINE = /^# lock (.+)$/;
const WORK_DIR = /^mkdir -p (\S+) # \w+ (\S+)$/;
const WORK_DIR_REUSED = /^# (\S+) for \w+ (\S+)$/;

function vcsTool(text: string): string | undefined {
  const space = text.indexOf(' ');
  const tool = space === -1 ? text : text.slice(0, space);
  return VCS_TOOLS.includes(tool) ? tool : undefined;
}

/** Splits `cd DIR; git ...` into its directory and command. */
function splitVcsEcho(text: string): { dir?: string; command: string } | undefined {
  if (text.startsWith('cd ')) {
    const sep = text.indexOf('; ');
    if (sep === -1) return undefined;
    const command = text.slice(sep + 2);
    return vcsTool(command) ? { dir: text.slice(3, sep), command } : undefined;
  }
  return vcsTool(text) ? { command: text } : undefined;
}

export class XTraceParser {
  readonly operations: Operation[] = [];
  /** Point events: lock files, toolchain switches. */
  private readonly marks: TraceEvent[] = [];
  private readonly openGets = new Map<string, Operation[]>();
  private readonly openVcs = new Map<string, Operation[]>();
  private readonly openQueries = new Map<string, Operation>();
  /** VCS work dirs and the repository each serves (`mkdir -p DIR # git3 URL`, `# DIR for git3 URL`). */
  private readonly remotes = new Map<string, string>();
  /** A bare `cd DIR` line (vcs.go form): the next line is the command run there. */
  private pendingCd: string | undefined;
  private nextId = 1;
  /** Open operations that the next line of output ends (kept apart: every line checks them). */
  private readonly endingWithNextLine: Operation[] = [];
  /** Time of the last line that was part of the go command's output. */
  lastLineAt = 0;
  /** Time of the last completed operation (or the start). */
  lastCompletionAt = 0;
  lines = 0;

  /** Feeds one line (without its newline) seen at `t` seconds since start. */
  push(line: string, t: number): void {
    const text = line.endsWith('\r') ? line.slice(0, -1) : line;
    this.lines++;
    this.lastLineAt = t;
    if (text.trim() === '') return;
    // Operations that have no completion line end when anything else is printed.
    if (this.endingWithNextLine.length > 0) {
      for (const op of this.endingWithNextLine.splice(0)) this.finish(op, t);
    }
    if (this.pendingCd !== undefined) {
      const dir = this.pendingCd;
      this.pendingCd = undefined;
      if (vcsTool(text)) {
        const remote = /\s([a-z+]+:\/\/\S+|\S+@\S+:\S*)$/.exec(text)?.[1];
        this.open({
          kind: 'vcs',
          start: t,
          dir,
          command: text,
          endsWithNextLine: true,
          ...(remote ? { remote } : {}),
        });
        return;
      }
    }
    if (text.startsWith('# get ')) {
      this.onGet(text, t);
      return;
    }
    if (text.startsWith('cd ')) {
      if (!text.includes('; ')) {
        this.pendingCd = text.slice(3);
        return;
      }
      const echo = splitVcsEcho(text);
      if (echo) this.openVcsCommand(text, echo, t);
      return;
    }
    const done = VCS_DONE.exec(text);
    if (done) {
      this.onVcsDone(done[2]!, Number(done[1]), t);
      return;
    }
    if (vcsTool(text) && !text.includes(': ')) {
      // Commands echoed without a directory (1.19 vcs.go paths run in the current directory).
      this.openVcsCommand(text, { command: text }, t);
      return;
    }
    const workDir = WORK_DIR.exec(text) ?? WORK_DIR_REUSED.exec(text);
    if (workDir) {
      this.remotes.set(workDir[1]!, workDir[2]!);
      return;
    }
    if (text.startsWith('go: ')) this.onGoLine(text, t);
    else if (text.startsWith('# lock ')) {
      const lock = LOCK_LINE.exec(text);
      if (lock) this.marks.push({ t: round(t), kind: 'lock', file: lock[1]! });
    }
  }

  /** Operations still running, oldest first. */
  inFlight(): Operation[] {
    return this.operations.filter((op) => op.end === undefined);
  }

  /** Ends the stream: operations that end with the next line end now; the others stay unfinished. */
  finish(op: Operation, t: number): void {
    if (op.end !== undefined) return;
    op.end = t;
    this.lastCompletionAt = t;
    if (op.kind === 'http' && op.url) removeFrom(this.openGets, op.url, op);
    if (op.kind === 'vcs') removeFrom(this.openVcs, vcsKey(op), op);
    if (op.kind === 'query' && op.package) this.openQueries.delete(op.package);
  }

  end(t: number): void {
    for (const op of this.endingWithNextLine.splice(0)) this.finish(op, t);
  }

  /** The timeline for the JSON report, in start order. */
  events(): TraceEvent[] {
    const out: TraceEvent[] = this.operations.map((op) => eventOf(op));
    out.push(...this.marks);
    return out.sort((a, b) => a.t - b.t);
  }

  private open(fields: Omit<Operation, 'id'>): Operation {
    const op: Operation = { id: this.nextId++, ...fields };
    this.operations.push(op);
    if (op.endsWithNextLine) this.endingWithNextLine.push(op);
    return op;
  }

  private onGet(text: string, t: number): void {
    const start = GET_START.exec(text);
    if (start) {
      const url = start[1]!;
      const op = this.open({ kind: 'http', start: t, url });
      const list = this.openGets.get(url) ?? [];
      list.push(op);
      this.openGets.set(url, list);
      return;
    }
    const end = GET_END.exec(text);
    if (!end) return;
    const url = end[1]!;
    const rest = end[2]!;
    // FIFO per URL: the same URL may be fetched more than once.
    let op = this.openGets.get(url)?.[0];
    // Refusals (`insecure`, `unsupported`) come without a start line.
    op ??= this.open({ kind: 'http', start: t, url });
    const status = STATUS_DONE.exec(rest);
    if (status) {
      op.status = status[1]!;
      if (status[2] !== 'N.NNN') op.reportedDuration = Number(status[2]);
    } else {
      op.error = rest;
    }
    this.finish(op, t);
  }

  private openVcsCommand(text: string, echo: { dir?: string; command: string }, t: number): void {
    const remote = echo.dir !== undefined ? this.remotes.get(echo.dir) : undefined;
    const op = this.open({
      kind: 'vcs',
      start: t,
      command: echo.command,
      ...(echo.dir !== undefined ? { dir: echo.dir } : {}),
      ...(remote ? { remote } : {}),
    });
    const list = this.openVcs.get(text) ?? [];
    list.push(op);
    this.openVcs.set(text, list);
  }

  private onVcsDone(text: string, seconds: number, t: number): void {
    const op = this.openVcs.get(text)?.[0];
    if (!op) return;
    if (Number.isFinite(seconds)) op.reportedDuration = seconds;
    this.finish(op, t);
  }

  private onGoLine(text: string, t: number): void {
    const toolchain = TOOLCHAIN_DOWNLOAD.exec(text);
    if (toolchain) {
      this.open({ kind: 'toolchain', start: t, version: toolchain[1]!, endsWithNextLine: true });
      return;
    }
    const unavailable = TOOLCHAIN_UNAVAILABLE.exec(text);
    if (unavailable) {
      this.marks.push({
        t: round(t),
        kind: 'toolchain-switch',
        version: unavailable[1]!,
        error: unavailable[2]!,
      });
      return;
    }
    const download = MODULE_DOWNLOAD.exec(text);
    if (download) {
      this.open({
        kind: 'download',
        start: t,
        module: download[1]!,
        version: download[2]!,
        endsWithNextLine: true,
      });
      return;
    }
    const finding = FINDING.exec(text);
    if (finding) {
      const op = this.open({ kind: 'query', start: t, package: finding[1]! });
      this.openQueries.set(op.package!, op);
      return;
    }
    const found = FOUND.exec(text);
    if (found) {
      const op = this.openQueries.get(found[1]!);
      if (op) {
        op.module = found[2]!;
        op.version = found[3]!;
        this.finish(op, t);
      }
      return;
    }
    const switching = TOOLCHAIN_SWITCH.exec(text);
    if (switching) this.marks.push({ t: round(t), kind: 'toolchain-switch', version: switching[1]! });
  }
}

function vcsKey(op: Operation): string {
  return op.dir !== undefined ? `cd ${op.dir}; ${op.command}` : (op.command ?? '');
}

function removeFrom(map: Map<string, Operation[]>, key: string, op: Operation): void {
  const list = map.get(key);
  if (!list) return;
  const index = list.indexOf(op);
  if (index !== -1) list.splice(index, 1);
  if (list.length === 0) map.delete(key);
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

function eventOf(op: Operation): TraceEvent {
  const event: TraceEvent = { t: round(op.start), kind: op.kind };
  if (op.url !== undefined) event.url = op.url;
  if (op.command !== undefined) event.command = op.command;
  if (op.dir !== undefined) event.dir = op.dir;
  if (op.remote !== undefined) event.url = op.remote;
  if (op.module !== undefined) event.module = op.module;
  if (op.version !== undefined) event.version = op.version;
  if (op.package !== undefined) event.package = op.package;
  if (op.end !== undefined) event.duration = round(op.reportedDuration ?? op.end - op.start);
  else event.unfinished = true;
  if (op.status !== undefined) event.status = op.status;
  if (op.error !== undefined) event.error = op.error;
  return event;
}

/** Splits a stream of chunks into lines; the time of a line is when its newline arrived. */
export class ChunkLines {
  private rest = '';
  constructor(private readonly sink: (line: string) => void) {}
  push(chunk: string): void {
    const text = this.rest + chunk;
    let from = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', from)) {
      this.sink(text.slice(from, nl));
      from = nl + 1;
    }
    this.rest = text.slice(from);
  }
  end(): void {
    if (this.rest !== '') this.sink(this.rest);
    this.rest = '';
  }
}

/** Parses a whole transcript at once (tests, offline use); every line at the same instant. */
export function parseTranscript(text: string): XTraceParser {
  const parser = new XTraceParser();
  for (const line of text.split('\n')) parser.push(line, 0);
  return parser;
}

/** Whether an operation talks to a checksum database (`/lookup/`, tiles, `/latest`, proxied `/sumdb/`). */
export function isChecksumUrl(url: string, gosumdbUrl?: string): boolean {
  if (gosumdbUrl && url.startsWith(gosumdbUrl.replace(/\/$/, ''))) return true;
  return /\/sumdb\/|\/lookup\/[^/]+@|\/tile\/\d+\/|\/latest$|^https?:\/\/sum\.golang\.(?:org|google\.cn)\//.test(
    url,
  );
}
