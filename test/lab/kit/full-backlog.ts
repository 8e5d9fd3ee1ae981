// A TCP listener whose accept queue is full and never drained: the kernel drops every further SYN,
// so a client's connect stays in SYN_SENT until its own timeout (the go command's is 30 s), the
// way it does behind a firewall that drops packets. The listening socket belongs to a child process
// (started through run()) that blocks its event loop right after listen(), so nothing ever accepts;
// this process then fills the queue with connections of its own.
import type { Socket } from 'node:net';
import { connect } from 'node:net';
import { run } from '../../../src/exec/run.ts';

export interface FullBacklogListener {
  readonly port: number;
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  /** Connections that completed and now sit in the accept queue. */
  readonly queued: number;
  close(): Promise<void>;
}

// Listen with a backlog of 1, report the port, then block forever (no accept ever runs).
const LISTENER_SOURCE = `
const net = require('node:net');
const server = net.createServer();
server.listen({ port: 0, host: '127.0.0.1', backlog: 1 }, () => {
  require('node:fs').writeSync(1, server.address().port + '\\n');
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
});
`;

export async function startFullBacklogListener(): Promise<FullBacklogListener> {
  const stop = new AbortController();
  let reportPort: (port: number) => void = () => {};
  const portReported = new Promise<number>((resolve) => {
    reportPort = resolve;
  });
  let output = '';
  const child = run(process.execPath, ['-e', LISTENER_SOURCE], {
    env: { PATH: '/usr/bin:/bin' },
    timeoutMs: 3_600_000,
    signal: stop.signal,
    onStdout: (chunk) => {
      output += chunk;
      const match = /^(\d+)\n/.exec(output);
      if (match) reportPort(Number(match[1]));
    },
  });
  const port = await Promise.race([
    portReported,
    child.then((result) => {
      throw new Error(`backlog listener ended: ${result.stderr || result.spawnError?.message}`);
    }),
  ]);

  // Linux queues backlog + 1 connections; connect until one stops completing.
  const sockets: Socket[] = [];
  let queued = 0;
  for (let i = 0; i < 8; i++) {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.on('error', () => {});
    sockets.push(socket);
    const completed = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 300);
      socket.once('connect', () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
    if (!completed) break;
    queued++;
  }

  return {
    port,
    url: `http://127.0.0.1:${port}`,
    queued,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      stop.abort();
      await child;
    },
  };
}
