// What every command gets from the CLI: the parsed common options and the streams to write to.
// Commands return an exit status; only the CLI calls process.exit.
import type { Lang } from '../i18n/lang.ts';

export interface CommandContext {
  args: string[];
  lang: Lang;
  color: boolean;
  env: Record<string, string | undefined>;
  cwd: string;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
  /** Aborted when the run gets SIGINT, SIGTERM or SIGHUP (the reason is the signal's name). */
  signal: AbortSignal;
  /**
   * Says that this run reacts to `signal` by stopping and printing what it found; without it, a
   * signal ends the run at once. The exit status is the signal's either way (130, 143, 129).
   */
  reportsOnAbort(): void;
}

export type Command = (ctx: CommandContext) => Promise<number>;
