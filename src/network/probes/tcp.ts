// TCP connect to one address, with its own timeout: a connect that hangs (a firewall dropping SYNs,
// an IPv6 black hole) is told apart from one that is refused or has no route.
import type { Socket } from 'node:net';
import { connect, isIP } from 'node:net';
import type { ProbeStatus } from '../types.ts';

export interface DialOptions {
  timeoutMs: number;
  signal: AbortSignal;
  /** Called with the socket as soon as it exists, so the run can end it whatever happens. */
  track?: (socket: Socket) => void;
}

export type DialResult =
  | { ok: true; socket: Socket; durationMs: number }
  | { ok: false; status: ProbeStatus; durationMs: number; error: string };

export function statusOfSocketError(code: string | undefined): ProbeStatus {
  switch (code) {
    case 'ECONNREFUSED':
      return 'refused';
    case 'ECONNRESET':
    case 'EPIPE':
      return 'reset';
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
    case 'EADDRNOTAVAIL':
    case 'EAFNOSUPPORT':
      return 'unreachable';
    case 'ETIMEDOUT':
      return 'timeout';
    default:
      return 'error';
  }
}

/** Connects to `address:port` (an IP address); the socket stays open on success. */
export function dialTcp(address: string, port: number, options: DialOptions): Promise<DialResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    if (options.signal.aborted || options.timeoutMs <= 0) {
      resolve({ ok: false, status: 'budget', durationMs: 0, error: 'out of time' });
      return;
    }
    const family = isIP(address) === 6 ? 6 : 4;
    const socket = connect({ host: address, port, family });
    options.track?.(socket);
    let settled = false;
    const finish = (result: DialResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal.removeEventListener('abort', onAbort);
      socket.removeListener('connect', onConnect);
      if (!result.ok) socket.destroy();
      resolve(result);
    };
    const onAbort = (): void =>
      finish({ ok: false, status: 'budget', durationMs: performance.now() - started, error: 'out of time' });
    const onConnect = (): void => finish({ ok: true, socket, durationMs: performance.now() - started });
    const timer = setTimeout(
      () =>
        finish({
          ok: false,
          status: 'timeout',
          durationMs: performance.now() - started,
          error: `connect to ${family === 6 ? `[${address}]` : address}:${port} timed out`,
        }),
      options.timeoutMs,
    );
    timer.unref();
    options.signal.addEventListener('abort', onAbort, { once: true });
    socket.once('connect', onConnect);
    socket.on('error', (error: NodeJS.ErrnoException) =>
      finish({
        ok: false,
        status: statusOfSocketError(error.code),
        durationMs: performance.now() - started,
        error: error.code ?? error.message,
      }),
    );
  });
}
