// `gomod-doctor fix`: print the plan (exit 1 when there is one, 0 when nothing is to repair);
// --apply carries it out after one question (or --yes), --undo takes the last apply back.
// A refusal (a symlink, a file changed since, no terminal to ask in) is exit status 2.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import pc from 'picocolors';
import { isCauseId } from '../../causes/catalog.ts';
import { applyPlan, undoLast } from '../../fix/apply.ts';
import { FixRefusal } from '../../fix/errors.ts';
import { describeFixRefusal, messages } from '../../fix/messages.ts';
import { planFix, planHasWork, projectRoot } from '../../fix/plan.ts';
import { planJson, renderPlan } from '../../fix/render.ts';
import { say } from '../../i18n/lang.ts';
import type { Command, CommandContext } from '../context.ts';
import { InputError, UsageError } from '../errors.ts';
import { COMMAND_SPECS } from '../specs.ts';

function isTty(stream: unknown): boolean {
  return (stream as { isTTY?: boolean }).isTTY === true;
}

async function ask(ctx: CommandContext, question: string): Promise<boolean> {
  const rl = createInterface({ input: ctx.stdin, output: ctx.stderr, terminal: true });
  try {
    const answer = await new Promise<string>((done) => rl.question(question, done));
    return /^\s*y(es)?\s*$/i.test(answer);
  } finally {
    rl.close();
  }
}

async function readTranscript(ctx: CommandContext, from: string): Promise<string> {
  try {
    if (from !== '-') return readFileSync(resolve(ctx.cwd, from), 'utf8');
    const chunks: Buffer[] = [];
    for await (const chunk of ctx.stdin) chunks.push(Buffer.from(chunk as Uint8Array));
    return Buffer.concat(chunks).toString('utf8');
  } catch (error) {
    throw new InputError(`${from}: ${(error as Error).message}`);
  }
}

export const fixCommand: Command = async (ctx) => {
  const { values } = parseArgs({
    args: ctx.args,
    allowPositionals: false,
    options: COMMAND_SPECS.fix.options,
  });
  const lang = ctx.lang;
  if (values.apply && values.undo) throw new UsageError(say(messages.applyAndUndo, lang));
  const only = values.only
    ?.flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
  for (const id of only ?? []) {
    if (!isCauseId(id)) throw new UsageError(say(messages.unknownCause, lang, { id }));
  }
  if (values.all && !only?.includes('modcache-corrupt'))
    throw new UsageError(say(messages.allNeedsOnly, lang));
  const cwd = resolve(ctx.cwd, values.C ?? '.');
  if (!existsSync(cwd) || !statSync(cwd).isDirectory())
    throw new InputError(say(messages.noDirectory, lang, { dir: values.C ?? cwd }));
  const color = ctx.color ? pc : undefined;
  try {
    if (values.undo) {
      const result = undoLast(await projectRoot(cwd, ctx.env, lang), ctx.env);
      for (const file of result.restored) ctx.stdout.write(`${say(messages.restored, lang, { file })}\n`);
      for (const file of result.removed) ctx.stdout.write(`${say(messages.removed, lang, { file })}\n`);
      if (result.evicted.length > 0)
        ctx.stdout.write(`${say(messages.evictedNotRestored, lang, { list: result.evicted.join(', ') })}\n`);
      const nothing =
        result.restored.length === 0 && result.removed.length === 0 && result.evicted.length > 0;
      ctx.stdout.write(
        `${say(nothing ? messages.undoneEvictionsOnly : messages.undone, lang, { dir: result.backupDir })}\n`,
      );
      return 0;
    }
    const transcript = values.from !== undefined ? await readTranscript(ctx, values.from) : undefined;
    const plan = await planFix({
      cwd,
      env: ctx.env,
      lang,
      ...(values.go !== undefined ? { goBin: values.go } : {}),
      ...(only ? { only } : {}),
      ...(values.all ? { all: true } : {}),
      ...(values.release ? { release: true } : {}),
      ...(transcript !== undefined ? { transcript } : {}),
    });
    const hasWork = planHasWork(plan);
    // With --apply the plan goes to standard error, so that standard output holds what was done.
    const planOut = values.apply && !values.json ? ctx.stderr : ctx.stdout;
    if (values.json) ctx.stdout.write(`${JSON.stringify(planJson(plan), null, 2)}\n`);
    else if (!values.quiet || hasWork) planOut.write(renderPlan(plan, lang, color));
    if (!values.apply) return hasWork ? 1 : 0;
    if (!hasWork || (plan.files.length === 0 && plan.repairs.every((r) => r.evict.length === 0))) return 0;
    if (!values.yes) {
      if (!isTty(ctx.stdin) || !isTty(ctx.stderr)) throw new FixRefusal('no-terminal', cwd);
      if (!(await ask(ctx, say(messages.confirm, lang, { n: plan.repairs.length })))) {
        ctx.stderr.write(`${say(messages.declined, lang)}\n`);
        return 0;
      }
    }
    const result = applyPlan(plan, ctx.env);
    for (const path of result.written) {
      const display = plan.files.find((f) => f.path === path)?.display ?? path;
      ctx.stdout.write(`${say(messages.wrote, lang, { file: display })}\n`);
    }
    for (const path of result.evicted) ctx.stdout.write(`${say(messages.removed, lang, { file: path })}\n`);
    if (result.evicted.length > 0) ctx.stdout.write(`${say(messages.evictedNoBackup, lang)}\n`);
    ctx.stdout.write(`${say(messages.backup, lang, { dir: result.backupDir })}\n`);
    return 0;
  } catch (error) {
    if (error instanceof FixRefusal) {
      ctx.stderr.write(`gomod-doctor fix: ${describeFixRefusal(error, lang)}\n`);
      return 2;
    }
    throw error;
  }
};
