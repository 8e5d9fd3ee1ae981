// /proc parsing on synthetic text, one live look at this test's own sockets, and the diagnosis rules
// on synthetic snapshots (including the DNS wait, which the real-go tests cannot stage on loopback).
import { createServer } from 'node:net';
import { describe, expect, test } from 'vitest';
import type { DiagnoseInput } from '../../src/trace/diagnose.ts';
import { diagnose, promptOverrides } from '../../src/trace/diagnose.ts';
import { diagnosisHeadline } from '../../src/trace/messages.ts';
import type { ProcessInfo, ProcessSnapshot } from '../../src/trace/proc.ts';
import {
  descendants,
  parseLocks,
  parseLsofSockets,
  parseNetTable,
  parseProcStat,
  parseSsDetails,
  snapshotTree,
} from '../../src/trace/proc.ts';
import { XTraceParser } from '../../src/trace/xparse.ts';
import { listenOnLoopback } from '../lab/kit/listen.ts';

describe('/proc parsers', () => {
  test('stat with spaces and parens in comm', () => {
    const stat = parseProcStat(
      '4242 (go (build) x) S 4000 4242 4000 34817 4242 4194304 1 0 0 0 3 1 0 0 20 0 9 0 777 1 2',
    );
    expect(stat).toMatchObject({
      pid: 4242,
      comm: 'go (build) x',
      state: 'S',
      ppid: 4000,
      ttyNr: 34817,
      startTicks: 777,
    });
  });

  test('tcp, tcp6 and udp tables', () => {
    const tcp = `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 0100007F:A2B4 0100007F:1F90 02 00000001:00000000 01:00000064 00000002     0        0 5551 1 0 100 0 0 10 0
   1: 0100007F:A2B6 0100007F:1F90 01 00000000:0000002A 00:00000000 00000000     0        0 5552 1 0 20 4 30 10 -1`;
    const [syn, est] = parseNetTable(tcp, 'tcp');
    expect(syn).toMatchObject({
      inode: 5551,
      state: 'SYN_SENT',
      local: { address: '127.0.0.1', port: 0xa2b4 },
      remote: { port: 8080 },
    });
    expect(est).toMatchObject({ state: 'ESTABLISHED', rxQueue: 42 });
    const tcp6 = `  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 00000000000000000000000001000000:C350 00000000000000000000000001000000:01BB 01 00000000:00000000 00:00000000 00000000     0        0 77 1 0 20 4 30 10 -1
   1: 0000000000000000FFFF00000100007F:C351 0000000000000000FFFF00000100007F:0035 01 00000000:00000000 00:00000000 00000000     0        0 78 1 0 20 4 30 10 -1`;
    const [v6, mapped] = parseNetTable(tcp6, 'tcp');
    expect(v6!.remote).toEqual({ address: '::1', port: 443 });
    expect(mapped!.remote).toEqual({ address: '127.0.0.1', port: 53 });
    const udp = `   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops
  100: 0100007F:D431 3500007F:0035 01 00000000:00000000 00:00000000 00000000     0        0 9001 2 0 0`;
    expect(parseNetTable(udp, 'udp')[0]).toMatchObject({
      protocol: 'udp',
      remote: { address: '127.0.0.53', port: 53 },
      inode: 9001,
    });
  });

  test('/proc/locks with a blocked waiter', () => {
    const locks = parseLocks(`1: FLOCK  ADVISORY  WRITE 3100 00:2d:1234567 0 EOF
1: -> FLOCK  ADVISORY  WRITE 3200 00:2d:1234567 0 EOF
2: POSIX  ADVISORY  READ 900 08:01:42 0 EOF`);
    expect(locks).toEqual([
      { id: 1, blocked: false, type: 'FLOCK', mode: 'WRITE', pid: 3100, device: '00:2d', inode: 1234567 },
      { id: 1, blocked: true, type: 'FLOCK', mode: 'WRITE', pid: 3200, device: '00:2d', inode: 1234567 },
      { id: 2, blocked: false, type: 'POSIX', mode: 'READ', pid: 900, device: '08:01', inode: 42 },
    ]);
  });

  test('ss -tin details', () => {
    const details = parseSsDetails(`ESTAB 0      0      127.0.0.1:41000 127.0.0.1:8080
\t cubic wscale:7,7 rto:204 rtt:0.5/0.25 bytes_sent:132 bytes_acked:133 segs_out:3 segs_in:2 lastsnd:1500 lastrcv:1500 lastack:1490
ESTAB 0      0      [::ffff:127.0.0.1]:41002 [::ffff:127.0.0.1]:443
\t cubic bytes_sent:517 bytes_received:3100 lastsnd:40 lastrcv:2500`);
    expect(details.get('127.0.0.1:41000|127.0.0.1:8080')).toEqual({
      bytesSent: 132,
      bytesReceived: 0,
      lastSendMs: 1500,
      lastReceiveMs: 1500,
    });
    expect(details.get('127.0.0.1:41002|127.0.0.1:443')).toMatchObject({
      bytesReceived: 3100,
      lastSendMs: 40,
      lastReceiveMs: 2500,
    });
  });

  test('lsof sockets (macOS fallback)', () => {
    const sockets = parseLsofSockets(`COMMAND  PID USER   FD   TYPE             DEVICE SIZE/OFF NODE NAME
go      5000 me    7u  IPv4 0x1234      0t0  TCP 10.0.0.2:50123->142.250.1.1:443 (SYN_SENT)
go      5000 me    8u  IPv4 0x1235      0t0  UDP 10.0.0.2:60000->10.0.0.1:53`);
    expect(sockets.get(5000)?.map((s) => [s.protocol, s.state, s.remote.port])).toEqual([
      ['tcp', 'SYN_SENT', 443],
      ['udp', 'ESTABLISHED', 53],
    ]);
  });

  test('descendants, parents first', () => {
    const stat = (pid: number, ppid: number) => ({
      pid,
      ppid,
      comm: 'x',
      state: 'S',
      pgrp: 0,
      ttyNr: 0,
      startTicks: 0,
    });
    expect(
      descendants([stat(1, 0), stat(10, 1), stat(11, 10), stat(12, 10), stat(20, 1)], 10).map((s) => s.pid),
    ).toEqual([10, 11, 12]);
  });
});

test.skipIf(process.platform !== 'linux')(
  'a live look finds this process’s own connected socket',
  async () => {
    const server = createServer(() => {});
    await listenOnLoopback(server);
    const port = (server.address() as { port: number }).port;
    const { connect } = await import('node:net');
    const socket = connect({ port, host: '127.0.0.1' });
    await new Promise((resolve) => socket.once('connect', resolve));
    try {
      const snapshot = await snapshotTree(process.pid);
      expect(snapshot.source).toBe('proc');
      const self = snapshot.processes.find((p) => p.pid === process.pid)!;
      expect(self.argv[0]).toContain('node');
      expect(self.sockets.some((s) => s.state === 'ESTABLISHED' && s.remote.port === port)).toBe(true);
      expect(self.readBytes).toBeGreaterThan(0);
    } finally {
      socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  },
);

function proc(fields: Partial<ProcessInfo> & { pid: number; argv: string[] }): ProcessInfo {
  return {
    ppid: 1,
    comm: fields.argv[0]!.split('/').at(-1)!.slice(0, 15),
    state: 'S',
    wchans: [],
    readsTerminal: false,
    sockets: [],
    readBytes: 1000,
    ...fields,
  };
}

function snap(processes: ProcessInfo[], extra: Partial<ProcessSnapshot> = {}): ProcessSnapshot {
  return {
    source: 'proc',
    rootPid: processes[0]!.pid,
    processes,
    lockWaits: [],
    socketDetail: true,
    blindSpots: [],
    takenAt: 0,
    ...extra,
  };
}

function input(
  parser: XTraceParser,
  snapshot: ProcessSnapshot,
  extra: Partial<DiagnoseInput> = {},
): DiagnoseInput {
  return {
    inFlight: parser.inFlight(),
    now: 6,
    stalledSeconds: 5,
    snapshot,
    later: { ...snapshot, takenAt: 600 },
    env: {},
    ...extra,
  };
}

describe('diagnosis rules', () => {
  const go = (sockets: ProcessInfo['sockets'] = []) =>
    proc({ pid: 100, argv: ['/usr/local/go/bin/go', 'mod', 'tidy'], comm: 'go', sockets });

  test('a UDP socket to port 53 is a DNS wait', () => {
    const p = new XTraceParser();
    p.push('# get https://proxy.golang.org/a.com/b/@v/list', 1);
    const udp = {
      inode: 1,
      protocol: 'udp' as const,
      local: { address: '10.0.0.2', port: 5000 },
      remote: { address: '10.0.0.1', port: 53 },
      state: 'ESTABLISHED' as const,
      txQueue: 0,
      rxQueue: 0,
    };
    const d = diagnose(input(p, snap([go([udp])])));
    expect(d.cause).toBe('dns-failure');
    expect(diagnosisHeadline(d, 'en')).toBe(
      'stuck 5.0 s: GET https://proxy.golang.org/a.com/b/@v/list — go (pid 100) waits for the DNS server 10.0.0.1:53 (dns-failure)',
    );
  });

  test('https through HTTPS_PROXY: a CONNECT answer and then silence is a TLS handshake that never completes', () => {
    const p = new XTraceParser();
    p.push('# get https://proxy.golang.org/a.com/b/@v/list', 1);
    const tcp = {
      inode: 2,
      protocol: 'tcp' as const,
      local: { address: '127.0.0.1', port: 5000 },
      remote: { address: '127.0.0.1', port: 3128 },
      state: 'ESTABLISHED' as const,
      txQueue: 0,
      rxQueue: 0,
      detail: { bytesSent: 600, bytesReceived: 39, lastSendMs: 4000, lastReceiveMs: 4900 },
    };
    const d = diagnose(input(p, snap([go([tcp])]), { env: { HTTPS_PROXY: 'http://127.0.0.1:3128' } }));
    expect(d.cause).toBe('tls-handshake-timeout');
    expect(d.evidence[0]).toMatchObject({ kind: 'socket', viaProxy: true });
  });

  test('git prompting on a terminal because GIT_TERMINAL_PROMPT=1: the variable is named', () => {
    const p = new XTraceParser();
    p.push('cd /c/vcs/a; git ls-remote -q origin', 1);
    const git = proc({ pid: 101, ppid: 100, argv: ['git', 'ls-remote', '-q', 'origin'] });
    const remote = proc({
      pid: 102,
      ppid: 101,
      argv: ['git-remote-https', 'origin', 'https://h/r'],
      terminal: '/dev/pts/3',
      readsTerminal: true,
      wchans: ['n_tty_read'],
    });
    const env = { GIT_TERMINAL_PROMPT: '1' };
    const d = diagnose(input(p, snap([go(), git, remote]), { env }));
    expect(d.cause).toBe('credential-helper-hang');
    expect(d.override).toEqual({ variable: 'GIT_TERMINAL_PROMPT', value: '1' });
    expect(
      promptOverrides({
        GIT_TERMINAL_PROMPT: '0',
        GCM_INTERACTIVE: 'Never',
        GIT_SSH_COMMAND: 'ssh -o BatchMode=yes',
      }),
    ).toEqual({});
  });

  test('a go command that is working, not waiting, is not called stuck', () => {
    const p = new XTraceParser();
    const busy = go();
    busy.state = 'R';
    const d = diagnose(input(p, snap([busy])));
    expect(d).toMatchObject({ cause: 'unknown', stuck: false });
  });

  test('without /proc the blind spots are said', () => {
    const p = new XTraceParser();
    p.push('# get https://proxy.golang.org/a.com/b/@v/list', 1);
    const d = diagnose(input(p, snap([go()], { source: 'ps', blindSpots: ['lock waits (no /proc/locks)'] })));
    expect(d.cause).toBe('proxy-stall');
    expect(d.evidence.at(-1)).toEqual({ kind: 'blind', what: ['lock waits (no /proc/locks)'] });
  });
});
