// What a running go command and its children are doing right now, read from /proc (Linux) without
// strace or ptrace: the process tree with each process's command line, state and wait channel, its
// sockets (mapped through /proc/PID/net/tcp{,6} and udp{,6}), the terminals it holds, how much it
// has read so far, and the flock/POSIX lock waits of /proc/locks with the file and the holder.
// `ss -ti` (iproute2), when installed, adds per-socket byte counts and send/receive ages, which tell
// "request sent, nothing came back" from an idle pooled connection. Elsewhere, `ps` and `lsof`
// give what they can, and the snapshot says what could not be seen. Nothing here ever throws for a
// process that vanished mid-read: processes come and go while we look.
import { readdir, readFile, readlink, stat } from 'node:fs/promises';
import { run } from '../exec/run.ts';

export type TcpState =
  | 'ESTABLISHED'
  | 'SYN_SENT'
  | 'SYN_RECV'
  | 'FIN_WAIT1'
  | 'FIN_WAIT2'
  | 'TIME_WAIT'
  | 'CLOSE'
  | 'CLOSE_WAIT'
  | 'LAST_ACK'
  | 'LISTEN'
  | 'CLOSING'
  | 'UNKNOWN';

const TCP_STATES: Record<string, TcpState> = {
  '01': 'ESTABLISHED',
  '02': 'SYN_SENT',
  '03': 'SYN_RECV',
  '04': 'FIN_WAIT1',
  '05': 'FIN_WAIT2',
  '06': 'TIME_WAIT',
  '07': 'CLOSE',
  '08': 'CLOSE_WAIT',
  '09': 'LAST_ACK',
  '0A': 'LISTEN',
  '0B': 'CLOSING',
};

export interface Endpoint {
  address: string;
  port: number;
}

export interface TcpDetail {
  bytesSent?: number;
  bytesReceived?: number;
  /** Milliseconds since the last send / receive on the socket (ss `lastsnd` / `lastrcv`). */
  lastSendMs?: number;
  lastReceiveMs?: number;
}

export interface SocketInfo {
  inode: number;
  protocol: 'tcp' | 'udp';
  local: Endpoint;
  remote: Endpoint;
  /** TCP state; for UDP, ESTABLISHED means connected (the way Go's resolver uses it), CLOSE unconnected. */
  state: TcpState;
  txQueue: number;
  rxQueue: number;
  detail?: TcpDetail;
}

export interface ProcessInfo {
  pid: number;
  ppid: number;
  /** Kernel's short name (15 chars). */
  comm: string;
  argv: string[];
  /** R running, S sleeping, D uninterruptible (disk, NFS), T stopped, Z zombie. */
  state: string;
  /** Distinct wait channels of the process's threads (`do_epoll_wait`, `n_tty_read`, `flock_lock_inode_wait`). */
  wchans: string[];
  uid?: number;
  /** A terminal among its open files (`/dev/pts/3`, `/dev/tty`), when it has one. */
  terminal?: string;
  /** Holds a terminal and sleeps in the tty read path: waiting for someone to type. */
  readsTerminal: boolean;
  sockets: SocketInfo[];
  /** Bytes read through read-like calls so far (/proc/PID/io rchar): grows while data arrives. */
  readBytes?: number;
  /** Seconds since the process started (from /proc/PID/stat starttime and /proc/uptime). */
  ageSeconds?: number;
  /** Open files (paths), kept only for lock mapping. */
  openFiles?: string[];
}

export interface LockEntry {
  id: number;
  type: 'FLOCK' | 'POSIX' | 'OFDLCK' | 'LEASE' | string;
  mode: 'WRITE' | 'READ' | string;
  pid: number;
  /** `MAJ:MIN` in hex, as /proc/locks prints it. */
  device: string;
  inode: number;
  /** A waiter (`->` lines) rather than a holder. */
  blocked: boolean;
}

export interface LockWait {
  waiterPid: number;
  /** The lock file, when one of the waiter's or holder's open files is it. */
  file?: string;
  holderPid?: number;
  holderArgv?: string[];
  type: string;
}

export interface ProcessSnapshot {
  /** `proc` (full view), `ps` (macOS/BSD: processes and lsof sockets only), or `none`. */
  source: 'proc' | 'ps' | 'none';
  rootPid: number;
  processes: ProcessInfo[];
  lockWaits: LockWait[];
  /** Whether socket byte counters (ss) were available. */
  socketDetail: boolean;
  /** What this platform cannot show (said to the person, never silently dropped). */
  blindSpots: string[];
  /** performance.now() when taken. */
  takenAt: number;
}

// ---- Parsers (pure, for tests with synthetic /proc text) ------------------------------------------

export interface ProcStat {
  pid: number;
  comm: string;
  state: string;
  ppid: number;
  pgrp: number;
  ttyNr: number;
  startTicks: number;
}

/** /proc/PID/stat: `pid (comm) state ppid pgrp session tty_nr ...`; comm may hold spaces and parens. */
export function parseProcStat(text: string): ProcStat | undefined {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open === -1 || close === -1) return undefined;
  const fields = text
    .slice(close + 2)
    .trim()
    .split(' ');
  const pid = Number(text.slice(0, open).trim());
  if (!Number.isInteger(pid) || fields.length < 20) return undefined;
  return {
    pid,
    comm: text.slice(open + 1, close),
    state: fields[0]!,
    ppid: Number(fields[1]),
    pgrp: Number(fields[2]),
    ttyNr: Number(fields[4]),
    startTicks: Number(fields[19]),
  };
}

function parseHexEndpoint(text: string): Endpoint {
  const [hexAddress = '', hexPort = '0'] = text.split(':');
  const port = Number.parseInt(hexPort, 16);
  if (hexAddress.length === 8) {
    // One 32-bit word in host (little-endian) order.
    const bytes = [6, 4, 2, 0].map((i) => Number.parseInt(hexAddress.slice(i, i + 2), 16));
    return { address: bytes.join('.'), port };
  }
  // Four 32-bit words, each in host order.
  const bytes: number[] = [];
  for (let word = 0; word < 4; word++) {
    const chunk = hexAddress.slice(word * 8, word * 8 + 8);
    for (const i of [6, 4, 2, 0]) bytes.push(Number.parseInt(chunk.slice(i, i + 2), 16));
  }
  if (bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff) {
    return { address: bytes.slice(12).join('.'), port };
  }
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((bytes[i]! << 8) | bytes[i + 1]!).toString(16));
  return { address: compressIpv6(groups), port };
}

function compressIpv6(groups: string[]): string {
  const text = groups.join(':');
  // The longest run of zero groups becomes `::`.
  const runs = [...`:${text}:`.matchAll(/(?::0)+:/g)].sort((a, b) => b[0].length - a[0].length);
  const longest = runs[0];
  if (!longest || longest[0].length < 5) return text;
  const full = `:${text}:`;
  const start = longest.index ?? 0;
  const compressed = `${full.slice(0, start)}::${full.slice(start + longest[0].length)}`;
  return compressed.replace(/^:(?!:)/, '').replace(/(?<!:):$/, '');
}

/** /proc/net/{tcp,tcp6,udp,udp6}. */
export function parseNetTable(text: string, protocol: 'tcp' | 'udp'): SocketInfo[] {
  const out: SocketInfo[] = [];
  for (const line of text.split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 10) continue;
    const [tx = '0', rx = '0'] = (fields[4] ?? '').split(':');
    out.push({
      inode: Number(fields[9]),
      protocol,
      local: parseHexEndpoint(fields[1]!),
      remote: parseHexEndpoint(fields[2]!),
      state: TCP_STATES[fields[3]!.toUpperCase()] ?? 'UNKNOWN',
      txQueue: Number.parseInt(tx, 16),
      rxQueue: Number.parseInt(rx, 16),
    });
  }
  return out;
}

/** /proc/locks: `1: FLOCK  ADVISORY  WRITE 1234 08:01:5678 0 EOF`, waiters as `1: -> FLOCK ...`. */
export function parseLocks(text: string): LockEntry[] {
  const out: LockEntry[] = [];
  for (const line of text.split('\n')) {
    const match = /^(\d+):\s+(->\s+)?(\S+)\s+\S+\s+(\S+)\s+(-?\d+)\s+([0-9a-f]+:[0-9a-f]+):(\d+)\s/i.exec(
      `${line} `,
    );
    if (!match) continue;
    out.push({
      id: Number(match[1]),
      blocked: match[2] !== undefined,
      type: match[3]!,
      mode: match[4]!,
      pid: Number(match[5]),
      device: match[6]!.toLowerCase(),
      inode: Number(match[7]),
    });
  }
  return out;
}

/** `ss -tinH`: a socket line, then an indented line of `key:value` details. */
export function parseSsDetails(text: string): Map<string, TcpDetail> {
  const out = new Map<string, TcpDetail>();
  let key: string | undefined;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    if (!/^\s/.test(line)) {
      const fields = line.trim().split(/\s+/);
      // State Recv-Q Send-Q Local Peer
      key =
        fields.length >= 5
          ? `${normalizeSsAddress(fields[3]!)}|${normalizeSsAddress(fields[4]!)}`
          : undefined;
      continue;
    }
    if (!key) continue;
    const detail: TcpDetail = {};
    const number = (name: string): number | undefined => {
      const m = new RegExp(`(?:^|\\s)${name}:(\\d+)`).exec(line);
      return m ? Number(m[1]) : undefined;
    };
    const sent = number('bytes_sent') ?? number('bytes_acked');
    const received = number('bytes_received');
    const lastSend = number('lastsnd');
    const lastReceive = number('lastrcv');
    if (sent !== undefined) detail.bytesSent = sent;
    detail.bytesReceived = received ?? 0;
    if (lastSend !== undefined) detail.lastSendMs = lastSend;
    if (lastReceive !== undefined) detail.lastReceiveMs = lastReceive;
    out.set(key, detail);
    key = undefined;
  }
  return out;
}

/** `[::ffff:127.0.0.1]:80`, `127.0.0.1:80`, `[::1]:80` → `addr:port` as endpointKey makes it. */
function normalizeSsAddress(text: string): string {
  const colon = text.lastIndexOf(':');
  let address = text.slice(0, colon).replace(/^\[|\]$/g, '');
  address = address.replace(/%\S+$/, '');
  if (address.startsWith('::ffff:') && address.includes('.')) address = address.slice(7);
  return `${address}:${text.slice(colon + 1)}`;
}

export function endpointKey(endpoint: Endpoint): string {
  return `${endpoint.address}:${endpoint.port}`;
}

/** Wait channels of the terminal read path (n_tty_read on current kernels, wait_woken inside it). */
function isTerminalRead(wchans: readonly string[]): boolean {
  return wchans.some((w) => w === 'n_tty_read' || w === 'wait_woken' || w.includes('tty_read'));
}

// ---- Reading a live system ---------------------------------------------------------------------

async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

function procAvailable(): Promise<boolean> {
  return stat('/proc/self/stat').then(
    () => true,
    () => false,
  );
}

/** Every pid with its stat fields (one pass over /proc). */
async function allStats(): Promise<ProcStat[]> {
  let names: string[];
  try {
    names = await readdir('/proc');
  } catch {
    return [];
  }
  const stats = await Promise.all(
    names
      .filter((n) => /^\d+$/.test(n))
      .map(async (n) => parseProcStat((await readText(`/proc/${n}/stat`)) ?? '')),
  );
  return stats.filter((s): s is ProcStat => s !== undefined);
}

/** The pid and all its descendants, parents first. */
export function descendants(stats: readonly ProcStat[], rootPid: number): ProcStat[] {
  const children = new Map<number, ProcStat[]>();
  for (const s of stats) {
    const list = children.get(s.ppid) ?? [];
    list.push(s);
    children.set(s.ppid, list);
  }
  const root = stats.find((s) => s.pid === rootPid);
  if (!root) return [];
  const out: ProcStat[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const next = queue.shift()!;
    out.push(next);
    queue.push(...(children.get(next.pid) ?? []));
  }
  return out;
}

async function socketTables(pid: number): Promise<Map<number, SocketInfo>> {
  const byInode = new Map<number, SocketInfo>();
  // The tables of the process's own network namespace.
  for (const [file, protocol] of [
    ['tcp', 'tcp'],
    ['tcp6', 'tcp'],
    ['udp', 'udp'],
    ['udp6', 'udp'],
  ] as const) {
    const text = (await readText(`/proc/${pid}/net/${file}`)) ?? (await readText(`/proc/net/${file}`));
    if (!text) continue;
    for (const socket of parseNetTable(text, protocol)) byInode.set(socket.inode, socket);
  }
  return byInode;
}

async function ssDetails(): Promise<Map<string, TcpDetail> | undefined> {
  const result = await run('ss', ['-tinH'], {
    env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', LC_ALL: 'C' },
    timeoutMs: 3_000,
    maxBuffer: 4 * 1024 * 1024,
  });
  if (result.exitCode !== 0) return undefined;
  return parseSsDetails(result.stdout);
}

interface FdView {
  socketInodes: number[];
  terminal?: string;
  files: string[];
}

async function openFds(pid: number): Promise<FdView> {
  const view: FdView = { socketInodes: [], files: [] };
  let fds: string[];
  try {
    fds = await readdir(`/proc/${pid}/fd`);
  } catch {
    return view;
  }
  await Promise.all(
    fds.map(async (fd) => {
      let target: string;
      try {
        target = await readlink(`/proc/${pid}/fd/${fd}`);
      } catch {
        return;
      }
      const socket = /^socket:\[(\d+)\]$/.exec(target);
      if (socket) view.socketInodes.push(Number(socket[1]));
      else if (/^\/dev\/(?:pts\/\d+|tty\w*|console)$/.test(target)) view.terminal ??= target;
      else if (target.startsWith('/')) view.files.push(target);
    }),
  );
  return view;
}

async function threadWchans(pid: number): Promise<string[]> {
  const out = new Set<string>();
  let tids: string[];
  try {
    tids = await readdir(`/proc/${pid}/task`);
  } catch {
    tids = [String(pid)];
  }
  await Promise.all(
    tids.slice(0, 64).map(async (tid) => {
      const w = (await readText(`/proc/${pid}/task/${tid}/wchan`))?.trim();
      if (w && w !== '0') out.add(w);
    }),
  );
  return [...out].sort();
}

function argvOf(cmdline: string | undefined, comm: string): string[] {
  if (!cmdline) return [comm];
  const parts = cmdline.split('\0');
  if (parts.at(-1) === '') parts.pop();
  return parts.length > 0 ? parts : [comm];
}

async function describe(
  s: ProcStat,
  sockets: Map<number, SocketInfo>,
  details: Map<string, TcpDetail> | undefined,
  uptime: number | undefined,
  ticks: number,
): Promise<ProcessInfo> {
  const [cmdline, fds, wchans, io, status] = await Promise.all([
    readText(`/proc/${s.pid}/cmdline`),
    openFds(s.pid),
    threadWchans(s.pid),
    readText(`/proc/${s.pid}/io`),
    readText(`/proc/${s.pid}/status`),
  ]);
  const rchar = io ? /^rchar:\s+(\d+)/m.exec(io) : null;
  const uid = status ? /^Uid:\s+(\d+)/m.exec(status) : null;
  const info: ProcessInfo = {
    pid: s.pid,
    ppid: s.ppid,
    comm: s.comm,
    argv: argvOf(cmdline, s.comm),
    state: s.state,
    wchans,
    readsTerminal: false,
    sockets: [],
    openFiles: fds.files,
  };
  if (uid) info.uid = Number(uid[1]);
  if (rchar) info.readBytes = Number(rchar[1]);
  if (uptime !== undefined) info.ageSeconds = Math.max(0, uptime - s.startTicks / ticks);
  if (fds.terminal) {
    info.terminal = fds.terminal;
    info.readsTerminal = isTerminalRead(wchans);
  }
  for (const inode of fds.socketInodes) {
    const socket = sockets.get(inode);
    if (!socket) continue;
    const copy = { ...socket };
    const detail = details?.get(`${endpointKey(socket.local)}|${endpointKey(socket.remote)}`);
    if (detail && socket.protocol === 'tcp') copy.detail = detail;
    info.sockets.push(copy);
  }
  return info;
}

async function deviceOf(path: string): Promise<{ device: string; inode: number } | undefined> {
  try {
    const info = await stat(path, { bigint: true });
    const dev = info.dev;
    const major = Number(((dev >> 8n) & 0xfffn) | ((dev >> 32n) & ~0xfffn));
    const minor = Number((dev & 0xffn) | ((dev >> 12n) & ~0xffn));
    return {
      device: `${major.toString(16).padStart(2, '0')}:${minor.toString(16).padStart(2, '0')}`,
      inode: Number(info.ino),
    };
  } catch {
    return undefined;
  }
}

/** Lock waits of the given processes: the file (from the waiter's open files) and the holder. */
async function lockWaits(processes: readonly ProcessInfo[]): Promise<LockWait[]> {
  const text = await readText('/proc/locks');
  if (!text) return [];
  const entries = parseLocks(text);
  const waits: LockWait[] = [];
  const pids = new Set(processes.map((p) => p.pid));
  for (const waiter of entries.filter((e) => e.blocked && pids.has(e.pid))) {
    const holder = entries.find(
      (e) => !e.blocked && e.id === waiter.id && e.inode === waiter.inode && e.device === waiter.device,
    );
    const wait: LockWait = { waiterPid: waiter.pid, type: waiter.type };
    const process = processes.find((p) => p.pid === waiter.pid);
    for (const file of process?.openFiles ?? []) {
      const id = await deviceOf(file);
      if (id && id.inode === waiter.inode && id.device === waiter.device) {
        wait.file = file;
        break;
      }
    }
    if (holder) {
      wait.holderPid = holder.pid;
      const cmdline = await readText(`/proc/${holder.pid}/cmdline`);
      if (cmdline) wait.holderArgv = argvOf(cmdline, '');
      if (!wait.file) {
        const fds = await openFds(holder.pid);
        for (const file of fds.files) {
          const id = await deviceOf(file);
          if (id && id.inode === waiter.inode && id.device === waiter.device) {
            wait.file = file;
            break;
          }
        }
      }
    }
    waits.push(wait);
  }
  return waits;
}

export interface SnapshotOptions {
  /** Ask `ss` for byte counters (default true; skipped quietly when ss is missing). */
  socketDetail?: boolean;
}

/** The process tree under `rootPid` right now, with sockets, terminals and lock waits. */
export async function snapshotTree(rootPid: number, options: SnapshotOptions = {}): Promise<ProcessSnapshot> {
  if (!(await procAvailable())) return snapshotWithPs(rootPid);
  const [stats, sockets, details, uptimeText] = await Promise.all([
    allStats(),
    socketTables(rootPid),
    options.socketDetail === false ? Promise.resolve(undefined) : ssDetails().catch(() => undefined),
    readText('/proc/uptime'),
  ]);
  const uptime = uptimeText ? Number(uptimeText.split(' ')[0]) : undefined;
  // USER_HZ is 100 on every Linux architecture Go runs on.
  const ticks = 100;
  const tree = descendants(stats, rootPid);
  const processes = await Promise.all(tree.map((s) => describe(s, sockets, details, uptime, ticks)));
  const blindSpots: string[] = [];
  if (!details) blindSpots.push('socket byte counters (ss from iproute2 is not installed)');
  return {
    source: 'proc',
    rootPid,
    processes,
    lockWaits: await lockWaits(processes),
    socketDetail: details !== undefined,
    blindSpots,
    takenAt: performance.now(),
  };
}

/** Pids of every `go` process of this user (for attach without a PID); not their children. */
export async function findGoProcesses(uid: number | undefined): Promise<number[]> {
  if (!(await procAvailable())) {
    const ps = await psTable();
    return ps.filter((p) => basename(p.argv[0] ?? '') === 'go').map((p) => p.pid);
  }
  const stats = await allStats();
  const goPids = new Set(stats.filter((s) => s.comm === 'go').map((s) => s.pid));
  const out: number[] = [];
  for (const s of stats) {
    // A go run by another go (a toolchain switch re-execs) is reported with its top-most go parent.
    if (!goPids.has(s.pid) || goPids.has(s.ppid)) continue;
    if (uid !== undefined) {
      const status = await readText(`/proc/${s.pid}/status`);
      const owner = status ? /^Uid:\s+(\d+)/m.exec(status) : null;
      if (!owner || Number(owner[1]) !== uid) continue;
    }
    out.push(s.pid);
  }
  return out.sort((a, b) => a - b);
}

/** The environment of a process (attach: to see GOPROXY, GIT_SSH_COMMAND ...); empty when unreadable. */
export async function processEnv(pid: number): Promise<Record<string, string>> {
  const text = await readText(`/proc/${pid}/environ`);
  const env: Record<string, string> = {};
  for (const entry of (text ?? '').split('\0')) {
    const eq = entry.indexOf('=');
    if (eq > 0) env[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  return env;
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

// ---- Without /proc (macOS, BSD) -----------------------------------------------------------------

const PS_ENV = { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', LC_ALL: 'C' };

async function psTable(): Promise<Array<{ pid: number; ppid: number; state: string; argv: string[] }>> {
  const result = await run('ps', ['-A', '-o', 'pid=,ppid=,stat=,command='], {
    env: PS_ENV,
    timeoutMs: 5_000,
  });
  if (result.exitCode !== 0) return [];
  const out: Array<{ pid: number; ppid: number; state: string; argv: string[] }> = [];
  for (const line of result.stdout.split('\n')) {
    const m = /^\s*(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/.exec(line);
    if (m)
      out.push({ pid: Number(m[1]), ppid: Number(m[2]), state: m[3]!.charAt(0), argv: m[4]!.split(' ') });
  }
  return out;
}

/** `lsof -nP -a -p PIDS -i`: sockets with their state, e.g. `TCP 10.0.0.2:5123->1.2.3.4:443 (SYN_SENT)`. */
export function parseLsofSockets(text: string): Map<number, SocketInfo[]> {
  const out = new Map<number, SocketInfo[]>();
  for (const line of text.split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    const pid = Number(fields[1]);
    const name = fields.slice(8).join(' ');
    const m = /^(\S+?):(\d+|\*)(?:->(\S+?):(\d+))?(?: \((\w+)\))?$/.exec(name);
    if (!Number.isInteger(pid) || !m) continue;
    const protocol = fields[7] === 'UDP' ? 'udp' : 'tcp';
    const state = (m[5] as TcpState | undefined) ?? (m[3] ? 'ESTABLISHED' : 'CLOSE');
    const list = out.get(pid) ?? [];
    list.push({
      inode: 0,
      protocol,
      local: { address: m[1]!.replace(/^\[|\]$/g, ''), port: Number(m[2]) || 0 },
      remote: { address: (m[3] ?? '').replace(/^\[|\]$/g, ''), port: Number(m[4] ?? 0) },
      state: state === ('SYN_SENT' as TcpState) || state in TCP_STATES_BY_NAME ? state : 'UNKNOWN',
      txQueue: 0,
      rxQueue: 0,
    });
    out.set(pid, list);
  }
  return out;
}

const TCP_STATES_BY_NAME: Record<string, true> = Object.fromEntries(
  Object.values(TCP_STATES).map((s) => [s, true]),
);

async function snapshotWithPs(rootPid: number): Promise<ProcessSnapshot> {
  const table = await psTable().catch(() => []);
  const blindSpots = [
    'lock waits (no /proc/locks)',
    'wait channels',
    'bytes read per process',
    'terminal reads',
    'socket byte counters',
  ];
  if (table.length === 0) {
    return {
      source: 'none',
      rootPid,
      processes: [],
      lockWaits: [],
      socketDetail: false,
      blindSpots: ['the process tree (neither /proc nor ps is available)', ...blindSpots],
      takenAt: performance.now(),
    };
  }
  const ids = new Set<number>([rootPid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of table) if (ids.has(p.ppid) && !ids.has(p.pid)) ids.add(p.pid) && (grew = true);
  }
  const members = table.filter((p) => ids.has(p.pid));
  const lsof = await run('lsof', ['-nP', '-a', '-p', members.map((p) => p.pid).join(','), '-i'], {
    env: PS_ENV,
    timeoutMs: 5_000,
  });
  const sockets = lsof.spawnError ? undefined : parseLsofSockets(lsof.stdout);
  if (!sockets) blindSpots.push('sockets (lsof is not installed)');
  return {
    source: 'ps',
    rootPid,
    processes: members.map((p) => ({
      pid: p.pid,
      ppid: p.ppid,
      comm: basename(p.argv[0] ?? ''),
      argv: p.argv,
      state: p.state,
      wchans: [],
      readsTerminal: false,
      sockets: sockets?.get(p.pid) ?? [],
    })),
    lockWaits: [],
    socketDetail: false,
    blindSpots,
    takenAt: performance.now(),
  };
}
