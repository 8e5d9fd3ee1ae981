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
}

export type Command = (ctx: CommandContext) => Promise<number>;
