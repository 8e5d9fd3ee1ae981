// Time and resources of one network run. Every probe asks the budget for its timeout, so a run
// ends by its deadline however many endpoints hang, and every socket is registered here, so
// nothing stays open once the run is over, aborted (Ctrl-C) or out of time.
import { setMaxListeners } from 'node:events';
import type { Socket } from 'node:net';

export class RunBudget {
  readonly deadline: number;
  readonly signal: AbortSignal;
  private readonly controller = new AbortController();
  private readonly sockets = new Set<Socket>();
  private readonly timer: NodeJS.Timeout;
  private readonly onOuterAbort: () => void;

  constructor(
    budgetMs: number,
    private readonly outer?: AbortSignal,
  ) {
    this.deadline = performance.now() + budgetMs;
    this.signal = this.controller.signal;
    // Every pending probe listens for the end of the run.
    setMaxListeners(0, this.signal);
    this.timer = setTimeout(() => this.controller.abort(new Error('budget')), budgetMs);
    this.timer.unref();
    this.onOuterAbort = () => this.controller.abort(new Error('aborted'));
    if (outer?.aborted) this.onOuterAbort();
    else outer?.addEventListener('abort', this.onOuterAbort, { once: true });
    // Whatever was open when the run stops is closed at once: a hung connect or a stalled
    // response must not outlive the run.
    this.signal.addEventListener('abort', () => this.destroySockets(), { once: true });
  }

  /** Milliseconds left before the deadline (never negative). */
  remaining(): number {
    return Math.max(0, this.deadline - performance.now());
  }

  /** A phase's own limit, cut down to what the run has left. */
  phaseTimeout(phaseMs: number): number {
    return Math.min(phaseMs, this.remaining());
  }

  /** Why the run stopped: the user (or caller) aborted it, or the budget ran out. */
  stopReason(): 'aborted' | 'budget' | undefined {
    if (!this.signal.aborted) return undefined;
    return this.outer?.aborted ? 'aborted' : 'budget';
  }

  track(socket: Socket): Socket {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
    if (this.signal.aborted) socket.destroy();
    return socket;
  }

  openSockets(): number {
    return this.sockets.size;
  }

  destroySockets(): void {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  /** Ends the run: timers, listeners and sockets. */
  dispose(): void {
    clearTimeout(this.timer);
    this.outer?.removeEventListener('abort', this.onOuterAbort);
    this.destroySockets();
  }
}

/** A counting semaphore: at most `limit` holders at once. */
export class Limiter {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await task();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}

/** Memoizes an async function by key: every distinct endpoint is probed once per run. */
export class Memo<T> {
  private readonly map = new Map<string, Promise<T>>();
  get(key: string, make: () => Promise<T>): Promise<T> {
    let found = this.map.get(key);
    if (!found) {
      found = make();
      this.map.set(key, found);
    }
    return found;
  }
}
