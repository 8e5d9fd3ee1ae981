// From what is in flight (the -x stream) and what the processes are doing (/proc), the cause of a
// stall: one cause id of the catalog, the operation that is stuck, and the evidence that says so.
// Returns data only; trace/messages.ts words it, the CLI prints it.
import type { CauseId } from '../causes/catalog.ts';
import type { ProcessInfo, ProcessSnapshot, SocketInfo } from './proc.ts';
import { endpointKey } from './proc.ts';
import type { Operation } from './xparse.ts';
import { isChecksumUrl } from './xparse.ts';

export type SocketCondition =
  /** SYN sent, no SYN-ACK: a firewall drops packets, or the listener's queue is full. */
  | 'connecting'
  /** Connected, data sent, nothing ever received: no TLS server hello (https) or no HTTP answer. */
  | 'nothing-received'
  /** Connected, the last thing that happened was our send: waiting for an answer. */
  | 'awaiting-answer'
  /** Data arrived between the two looks. */
  | 'receiving'
  /** Connected, nothing pending either way (a pooled connection, or no counters to tell). */
  | 'quiet';

export type EvidenceItem =
  | {
      kind: 'socket';
      condition: SocketCondition;
      pid: number;
      process: string;
      remote: string;
      /** The remote is the HTTP(S)_PROXY of the go command. */
      viaProxy?: boolean;
      bytesSent?: number;
      bytesReceived?: number;
      /** Seconds since the last byte arrived, when known. */
      quietSeconds?: number;
    }
  | { kind: 'dns-wait'; pid: number; process: string; resolver: string }
  | { kind: 'lock-wait'; waiterPid: number; file?: string; holderPid?: number; holderArgv?: string[] }
  | { kind: 'terminal-read'; pid: number; argv: string[]; terminal: string }
  | { kind: 'credential-helper'; pid: number; argv: string[] }
  | { kind: 'ssh'; pid: number; argv: string[] }
  | { kind: 'vcs-process'; pid: number; argv: string[]; state: string }
  | { kind: 'progress'; pid: number; process: string; bytesPerSecond: number }
  | { kind: 'override'; variable: string; value: string }
  | { kind: 'busy'; pid: number; process: string }
  | { kind: 'blind'; what: string[] };

export interface Diagnosis {
  /** A catalog id, or 'unknown' when the evidence does not decide. */
  cause: CauseId | 'unknown';
  /** false: slow but progressing (reported as slow, not stuck). */
  stuck: boolean;
  /** Seconds without progress (output lines) when this was made. */
  stalledSeconds: number;
  /** When it was made: seconds since the trace started (attach: since the go command started). */
  at: number;
  /** The operation that is stuck, from the -x stream (trace only). */
  operation?: Operation;
  /** Without a -x stream (attach): what the evidence says is running, e.g. `git ls-remote -q origin`. */
  subject?: string;
  /** Seconds the stuck operation has been running. */
  operationSeconds?: number;
  /** Via a checksum database URL. */
  checksumDatabase?: boolean;
  evidence: EvidenceItem[];
  /** The user's environment setting that turned a fast failure into this hang. */
  override?: { variable: string; value: string };
}

export interface DiagnoseInput {
  /** Operations in flight (trace), oldest first; empty for attach. */
  inFlight: readonly Operation[];
  /** Seconds since the trace started (to age operations). */
  now: number;
  stalledSeconds: number;
  snapshot: ProcessSnapshot;
  /** A second look a little later: data arriving in between means slow, not stuck. */
  later?: ProcessSnapshot;
  /** The go command's environment (trace: what it was given; attach: /proc/PID/environ). */
  env: Record<string, string | undefined>;
  /**
   * Variables the person set that the go command would otherwise have set itself (GIT_TERMINAL_PROMPT,
   * GIT_SSH_COMMAND, GIT_SSH, GCM_INTERACTIVE). Default: those present in `env`.
   */
  userOverrides?: Record<string, string>;
}

const OVERRIDABLE = ['GIT_TERMINAL_PROMPT', 'GIT_SSH_COMMAND', 'GIT_SSH', 'GCM_INTERACTIVE'] as const;

/** The variables the go command sets for git only when unset, where the person set them otherwise. */
export function promptOverrides(env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of OVERRIDABLE) {
    const value = env[name];
    if (value === undefined) continue;
    if (name === 'GIT_TERMINAL_PROMPT' && value === '0') continue;
    if (name === 'GCM_INTERACTIVE' && value.toLowerCase() === 'never') continue;
    if (name === 'GIT_SSH_COMMAND' && /BatchMode[= ]yes/i.test(value)) continue;
    out[name] = value;
  }
  return out;
}

function base(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function label(p: ProcessInfo): string {
  const first = base(p.argv[0] ?? p.comm);
  // `git remote-https` and `git-remote-https`: the name people know.
  if ((first === 'git' || first.startsWith('git-')) && p.argv[1] && !p.argv[1].startsWith('-'))
    return `${first} ${p.argv[1]}`;
  return first || p.comm;
}

function isCredentialHelper(p: ProcessInfo): boolean {
  const joined = p.argv.slice(0, 3).map(base).join(' ');
  return (
    /(?:^|\s)git-credential-|(?:^|\s)git credential-|(?:^|\s)credential-\S+ (?:get|store|erase)\b/.test(
      joined,
    ) ||
    (p.argv.length >= 2 &&
      /credential/.test(base(p.argv[1] ?? '')) &&
      /^(?:ba|da|z)?sh$/.test(base(p.argv[0] ?? '')))
  );
}

function isSsh(p: ProcessInfo): boolean {
  const first = base(p.argv[0] ?? '');
  if (first === 'ssh' || first === 'plink' || first === 'putty') return true;
  // A wrapper given in GIT_SSH_COMMAND / GIT_SSH: git passes the remote command as the last argument.
  if (isGit(p)) return false;
  return p.argv.some((a) => /^git-(?:upload|receive)-pack\b/.test(a)) || base(p.argv[1] ?? '') === 'ssh';
}

function isGit(p: ProcessInfo): boolean {
  const first = base(p.argv[0] ?? '');
  return first === 'git' || first.startsWith('git-') || p.comm === 'git' || p.comm.startsWith('git-remote');
}

function isGo(p: ProcessInfo): boolean {
  return p.comm === 'go' || base(p.argv[0] ?? '') === 'go';
}

function proxyEndpoints(env: Record<string, string | undefined>): Set<string> {
  const out = new Set<string>();
  for (const name of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy']) {
    const value = env[name];
    if (!value) continue;
    try {
      const url = new URL(value.includes('://') ? value : `http://${value}`);
      const port = url.port || (url.protocol === 'https:' ? '443' : '80');
      out.add(`${url.hostname.replace(/^\[|\]$/g, '')}:${port}`);
    } catch {
      // Not a URL: the go command would fail on it itself.
    }
  }
  return out;
}

/** The endpoint a URL connects to when its host is an address (lab, corporate IP proxies). */
function urlEndpoint(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    const host = parsed.hostname.replace(/^\[|\]$/g, '');
    if (!/^[\d.]+$/.test(host) && !host.includes(':')) return undefined;
    return `${host}:${parsed.port || (parsed.protocol === 'https:' ? '443' : '80')}`;
  } catch {
    return undefined;
  }
}

interface SocketView {
  process: ProcessInfo;
  socket: SocketInfo;
  later?: SocketInfo;
  laterProcess?: ProcessInfo;
}

function socketsOf(snapshot: ProcessSnapshot, later: ProcessSnapshot | undefined): SocketView[] {
  const out: SocketView[] = [];
  for (const process of snapshot.processes) {
    const laterProcess = later?.processes.find((p) => p.pid === process.pid);
    for (const socket of process.sockets) {
      if (socket.protocol === 'tcp' && socket.state === 'LISTEN') continue;
      const laterSocket =
        socket.inode !== 0 ? laterProcess?.sockets.find((s) => s.inode === socket.inode) : undefined;
      out.push({
        process,
        socket,
        ...(laterSocket ? { later: laterSocket } : {}),
        ...(laterProcess ? { laterProcess } : {}),
      });
    }
  }
  return out;
}

function conditionOf(view: SocketView): SocketCondition | undefined {
  const { socket, later } = view;
  if (socket.protocol !== 'tcp') return undefined;
  const current = later ?? socket;
  if (current.state === 'SYN_SENT') return 'connecting';
  if (current.state !== 'ESTABLISHED') return undefined;
  const before = socket.detail;
  const after = later?.detail;
  if (before?.bytesReceived !== undefined && after?.bytesReceived !== undefined) {
    if (after.bytesReceived > before.bytesReceived) return 'receiving';
  }
  const detail = after ?? before;
  if (current.rxQueue > 0) return 'receiving';
  if (detail?.bytesReceived === 0 && (detail.bytesSent ?? 1) > 0) return 'nothing-received';
  if (
    detail?.lastSendMs !== undefined &&
    detail.lastReceiveMs !== undefined &&
    detail.lastSendMs + 200 < detail.lastReceiveMs
  )
    return 'awaiting-answer';
  return 'quiet';
}

function readRate(
  view: { process: ProcessInfo },
  later: ProcessSnapshot | undefined,
  seconds: number,
): number {
  const after = later?.processes.find((p) => p.pid === view.process.pid);
  if (after?.readBytes === undefined || view.process.readBytes === undefined || seconds <= 0) return 0;
  return Math.max(0, (after.readBytes - view.process.readBytes) / seconds);
}

function socketEvidence(view: SocketView, condition: SocketCondition, proxies: Set<string>): EvidenceItem {
  const detail = view.later?.detail ?? view.socket.detail;
  const remote = endpointKey(view.socket.remote);
  const item: EvidenceItem = {
    kind: 'socket',
    condition,
    pid: view.process.pid,
    process: label(view.process),
    remote,
  };
  if (proxies.has(remote)) item.viaProxy = true;
  if (detail?.bytesSent !== undefined) item.bytesSent = detail.bytesSent;
  if (detail?.bytesReceived !== undefined) item.bytesReceived = detail.bytesReceived;
  if (detail?.lastReceiveMs !== undefined && detail.bytesReceived)
    item.quietSeconds = detail.lastReceiveMs / 1000;
  return item;
}

/** Sockets of the go process(es) themselves (HTTP), or of the git subtree (VCS). */
function isGoSide(view: SocketView): boolean {
  return isGo(view.process);
}

export function diagnose(input: DiagnoseInput): Diagnosis {
  const { snapshot, later, env } = input;
  const overrides = input.userOverrides ?? promptOverrides(env);
  const proxies = proxyEndpoints(env);
  const gap = later ? Math.max(0.001, (later.takenAt - snapshot.takenAt) / 1000) : 0;
  const processes = (later ?? snapshot).processes;
  const evidence: EvidenceItem[] = [];
  const inFlight = [...input.inFlight].filter((op) => op.kind !== 'query');
  const oldest = (kinds: readonly Operation['kind'][]): Operation | undefined =>
    inFlight.filter((op) => kinds.includes(op.kind)).sort((a, b) => a.start - b.start)[0];
  const result = (
    cause: Diagnosis['cause'],
    operation: Operation | undefined,
    extra: Partial<Diagnosis> = {},
  ): Diagnosis => {
    const diagnosis: Diagnosis = {
      cause,
      stuck: true,
      stalledSeconds: input.stalledSeconds,
      at: input.now,
      evidence,
      ...extra,
    };
    if (operation) {
      diagnosis.operation = operation;
      diagnosis.operationSeconds = Math.max(0, input.now - operation.start);
      if (operation.url && isChecksumUrl(operation.url, gosumdbUrl(env))) diagnosis.checksumDatabase = true;
    }
    if (snapshot.blindSpots.length > 0) evidence.push({ kind: 'blind', what: snapshot.blindSpots });
    return diagnosis;
  };
  const withOverride = (variable: string): Partial<Diagnosis> => {
    const value = overrides[variable];
    if (value === undefined) return {};
    evidence.push({ kind: 'override', variable, value });
    return { override: { variable, value } };
  };

  // 1. A lock in the module cache: nothing else can move until its holder lets go.
  const lock = (later ?? snapshot).lockWaits[0];
  if (lock) {
    evidence.push({
      kind: 'lock-wait',
      waiterPid: lock.waiterPid,
      ...(lock.file ? { file: lock.file } : {}),
      ...(lock.holderPid !== undefined ? { holderPid: lock.holderPid } : {}),
      ...(lock.holderArgv ? { holderArgv: lock.holderArgv } : {}),
    });
    return result('cache-lock-wait', oldest(['download', 'vcs', 'http']), {
      subject: lock.file ? `flock ${lock.file}` : 'flock',
    });
  }

  const sockets = socketsOf(snapshot, later);
  const vcsOp = oldest(['vcs']);
  const httpOp = oldest(['http']);
  const toolchainOp = oldest(['toolchain']);

  // 2. Someone is being asked something: a terminal read, a credential helper, ssh.
  const reader = processes.find((p) => p.readsTerminal && !isGo(p));
  if (reader) {
    evidence.push({
      kind: 'terminal-read',
      pid: reader.pid,
      argv: reader.argv,
      terminal: reader.terminal ?? '',
    });
    if (isSsh(reader) || processes.some((p) => isSsh(p) && p.pid === reader.ppid)) {
      return result('ssh-prompt-hang', vcsOp, {
        subject: reader.argv.join(' '),
        ...withOverride(overrides.GIT_SSH_COMMAND !== undefined ? 'GIT_SSH_COMMAND' : 'GIT_SSH'),
      });
    }
    return result('credential-helper-hang', vcsOp, {
      subject: reader.argv.join(' '),
      ...withOverride(
        isCredentialHelper(reader) && overrides.GCM_INTERACTIVE !== undefined
          ? 'GCM_INTERACTIVE'
          : 'GIT_TERMINAL_PROMPT',
      ),
    });
  }
  const moving = (p: ProcessInfo): boolean =>
    readRate({ process: p }, later, gap) > 0 ||
    sockets.some((v) => v.process.pid === p.pid && conditionOf(v) === 'receiving');
  const helper = processes.find(isCredentialHelper);
  if (helper && !moving(helper)) {
    evidence.push({ kind: 'credential-helper', pid: helper.pid, argv: helper.argv });
    return result('credential-helper-hang', vcsOp, {
      subject: helper.argv.join(' '),
      ...withOverride('GCM_INTERACTIVE'),
    });
  }
  const ssh = processes.find(isSsh);
  if (ssh) {
    const sshSockets = sockets.filter((v) => v.process.pid === ssh.pid || v.process.ppid === ssh.pid);
    const connecting = sshSockets.find((v) => conditionOf(v) === 'connecting');
    if (connecting) {
      evidence.push(socketEvidence(connecting, 'connecting', proxies));
      return result('connect-timeout', vcsOp, { subject: ssh.argv.join(' ') });
    }
    const sshMoving = moving(ssh) || sshSockets.some((v) => conditionOf(v) === 'receiving');
    if (!sshMoving) {
      evidence.push({ kind: 'ssh', pid: ssh.pid, argv: ssh.argv });
      // Without a socket, ssh has not even connected: it waits for a passphrase or a host-key answer.
      const variable = overrides.GIT_SSH_COMMAND !== undefined ? 'GIT_SSH_COMMAND' : 'GIT_SSH';
      return result('ssh-prompt-hang', vcsOp, { subject: ssh.argv.join(' '), ...withOverride(variable) });
    }
  }

  // 3. DNS: a socket to port 53 while something waits.
  const dns = sockets.find(
    (v) => v.socket.remote.port === 53 && (v.socket.protocol === 'udp' || v.socket.state !== 'LISTEN'),
  );
  if (dns) {
    evidence.push({
      kind: 'dns-wait',
      pid: dns.process.pid,
      process: label(dns.process),
      resolver: endpointKey(dns.socket.remote),
    });
    return result(
      gosumdbOnly(httpOp, env) ? 'sumdb-unreachable' : 'dns-failure',
      httpOp ?? vcsOp ?? toolchainOp,
    );
  }

  // 4. A toolchain switch: its download is the operation, whatever the socket says.
  if (toolchainOp) {
    const view = sockets.find((v) => isGoSide(v) && conditionOf(v) !== undefined);
    if (view) evidence.push(socketEvidence(view, conditionOf(view)!, proxies));
    const receiving = view && conditionOf(view) === 'receiving';
    return result('toolchain-download', toolchainOp, receiving ? { stuck: false } : {});
  }

  // 5. VCS (direct mode): git and its transport helpers.
  const vcsProcesses = processes.filter(isGit);
  if (vcsOp || (inFlight.length === 0 && vcsProcesses.length > 0)) {
    const gitSockets = sockets.filter((v) => isGit(v.process));
    const rate = vcsProcesses.reduce((sum, p) => sum + readRate({ process: p }, later, gap), 0);
    const receiving = gitSockets.find((v) => conditionOf(v) === 'receiving');
    const subjectProcess = vcsProcesses.at(-1);
    const subject = subjectProcess ? subjectProcess.argv.join(' ') : undefined;
    if (receiving || rate > 0) {
      const busiest = receiving?.process ?? vcsProcesses[0]!;
      evidence.push({
        kind: 'progress',
        pid: busiest.pid,
        process: label(busiest),
        bytesPerSecond: Math.round(rate),
      });
      if (receiving) evidence.push(socketEvidence(receiving, 'receiving', proxies));
      return result('goproxy-direct-slow', vcsOp, { stuck: false, ...(subject ? { subject } : {}) });
    }
    const connecting = gitSockets.find((v) => conditionOf(v) === 'connecting');
    if (connecting) {
      evidence.push(socketEvidence(connecting, 'connecting', proxies));
      return result('connect-timeout', vcsOp, subject ? { subject } : {});
    }
    const waiting = gitSockets.find((v) => {
      const c = conditionOf(v);
      return c === 'nothing-received' || c === 'awaiting-answer';
    });
    if (waiting) {
      evidence.push(socketEvidence(waiting, conditionOf(waiting)!, proxies));
      // A git host that accepted the connection and says nothing: no catalog id names it exactly.
      return result('unknown', vcsOp, subject ? { subject } : {});
    }
    if (subjectProcess)
      evidence.push({
        kind: 'vcs-process',
        pid: subjectProcess.pid,
        argv: subjectProcess.argv,
        state: subjectProcess.state,
      });
    if (vcsOp || subjectProcess) return result('unknown', vcsOp, subject ? { subject } : {});
  }

  // 6. HTTP from the go command itself (proxy, checksum database, ?go-get=1).
  const goSockets = sockets.filter(isGoSide);
  const candidates = goSockets.filter((v) => conditionOf(v) !== undefined);
  const target = httpOp ? urlEndpoint(httpOp.url ?? '') : undefined;
  const relevant = (v: SocketView): boolean => {
    const remote = endpointKey(v.socket.remote);
    return target === undefined || remote === target || proxies.has(remote);
  };
  const ranked = [...candidates]
    .filter(relevant)
    .sort((a, b) => conditionRank(conditionOf(a)!) - conditionRank(conditionOf(b)!));
  const best = ranked[0];
  if (best) {
    const condition = conditionOf(best)!;
    evidence.push(socketEvidence(best, condition, proxies));
    const https = httpOp?.url?.startsWith('https://') ?? false;
    const viaProxy = proxies.has(endpointKey(best.socket.remote));
    switch (condition) {
      case 'receiving': {
        const rate = readRate(best, later, gap);
        evidence.push({
          kind: 'progress',
          pid: best.process.pid,
          process: label(best.process),
          bytesPerSecond: Math.round(rate),
        });
        return result('unknown', httpOp, { stuck: false });
      }
      case 'connecting':
        return result(gosumdbOnly(httpOp, env) ? 'sumdb-unreachable' : 'connect-timeout', httpOp);
      case 'nothing-received':
        // Over https, nothing back means no TLS server hello; through a proxy the CONNECT answer is
        // all that came (a few dozen bytes), which is the same thing one step later.
        if (https && !viaProxy) return result('tls-handshake-timeout', httpOp);
        return result('proxy-stall', httpOp);
      case 'awaiting-answer': {
        const received = (best.later?.detail ?? best.socket.detail)?.bytesReceived ?? 0;
        if (https && viaProxy && received > 0 && received < 256)
          return result('tls-handshake-timeout', httpOp);
        return result('proxy-stall', httpOp);
      }
      case 'quiet':
        // Without counters (no ss) an established connection with an unanswered request is all we see.
        if (httpOp) return result('proxy-stall', httpOp);
        break;
    }
  }
  if (httpOp)
    return result(goSockets.length === 0 && snapshot.source === 'proc' ? 'unknown' : 'proxy-stall', httpOp);

  // 7. Nothing waits on the network: the go command is working (or waiting on something unseen).
  const go = processes.find(isGo);
  if (go && (go.state === 'R' || readRate({ process: go }, later, gap) > 0)) {
    evidence.push({ kind: 'busy', pid: go.pid, process: label(go) });
    return result('unknown', oldest(['download', 'query']), { stuck: false });
  }
  return result('unknown', oldest(['download', 'query', 'vcs', 'http']));
}

function conditionRank(condition: SocketCondition): number {
  return ['connecting', 'nothing-received', 'awaiting-answer', 'receiving', 'quiet'].indexOf(condition);
}

function gosumdbUrl(env: Record<string, string | undefined>): string | undefined {
  const value = env.GOSUMDB?.trim();
  if (!value) return undefined;
  const parts = value.split(/\s+/);
  return parts.length >= 2 ? parts[1] : undefined;
}

function gosumdbOnly(op: Operation | undefined, env: Record<string, string | undefined>): boolean {
  return op?.url !== undefined && isChecksumUrl(op.url, gosumdbUrl(env));
}
