// Commands of the contract that this release does not have yet say so plainly (exit 2), rather
// than pretending to run.
import { say } from '../../i18n/lang.ts';
import type { Command } from '../context.ts';
import { messages } from '../help.ts';

export function notYet(name: string): Command {
  return async (ctx) => {
    ctx.stderr.write(`gomod-doctor ${name}: ${say(messages.notYet, ctx.lang, { name })}\n`);
    return 2;
  };
}
