// `gomod-doctor trace [--stall S] [--timeout S] [--json] [--no-prompt] -- go ARGS...`: run a go
// command under watch, show its output as it comes, say why it is stuck while it is stuck, and at
// the end rank the live evidence with what its output says (findings, timeline, per-host totals).
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { explainText } from '../../explain/index.ts';
import type { Report } from '../../findings/finding.ts';
import { languageVersion, locateGo } from '../../go/locate.ts';
import { say } from '../../i18n/lang.ts';
import { renderJson } from '../../report/json.ts';
import { renderTerminal } from '../../report/terminal.ts';
import type { Diagnosis } from '../../trace/diagnose.ts';
import { diagnosisDetails, diagnosisHeadline, traceMessages } from '../../trace/messages.ts';
import { renderTimeline, traceEvents, traceFindings } from '../../trace/render.ts';
import { addXFlag, NO_PROMPT_ENV, traceGoCommand } from '../../trace/trace.ts';
import { VERSION } from '../../version.ts';
import type { Command, CommandContext } from '../context.ts';
import { UsageError } from '../errors.ts';
import { PROJECT_OPTIONS } from '../options.ts';

/** How often an unchanged diagnosis is repeated while the command stays stuck. */
const REPEAT_SECONDS = 30;

function seconds(name: string, value: string | undefined, ctx: CommandContext): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new UsageError(say(traceMessages.badSeconds, ctx.lang, { name, value }));
  return n;
}

/** Splits `[options] -- go ARGS` (the `--` may be left out when the command starts with go). */
function splitCommand(args: readonly string[]): { own: string[]; command: string[] } {
  const dashDash = args.indexOf('--');
  if (dashDash !== -1) return { own: args.slice(0, dashDash), command: args.slice(dashDash + 1) };
  const goAt = args.findIndex((a) => a === 'go' || a.endsWith('/go'));
  return goAt === -1
    ? { own: [...args], command: [] }
    : { own: args.slice(0, goAt), command: args.slice(goAt) };
}

/**
 * Ctrl-C belongs to this command while it runs: the CLI's default handler would end the process at
 * once, before the diagnosis of what was stuck could be printed.
 */
function takeInterrupts(onInterrupt: () => void): () => void {
  const saved = {
    SIGINT: process.rawListeners('SIGINT') as Array<(...args: unknown[]) => void>,
    SIGTERM: process.rawListeners('SIGTERM') as Array<(...args: unknown[]) => void>,
  };
  let count = 0;
  const handler = (): void => {
    // A second Ctrl-C means "now".
    if (++count > 1) {
      for (const listener of saved.SIGINT) listener('SIGINT');
      return;
    }
    onInterrupt();
  };
  for (const name of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(name);
    process.on(name, handler);
  }
  return () => {
    for (const name of ['SIGINT', 'SIGTERM'] as const) {
      process.removeListener(name, handler);
      for (const listener of saved[name]) process.on(name, listener);
    }
  };
}

export const traceCommand: Command = async (ctx) => {
  const { own, command } = splitCommand(ctx.args);
  const { values } = parseArgs({
    args: own,
    allowPositionals: false,
    options: {
      ...PROJECT_OPTIONS,
      stall: { type: 'string' },
      timeout: { type: 'string' },
      'no-prompt': { type: 'boolean' },
    },
  });
  if (command.length === 0) throw new UsageError(say(traceMessages.usage, ctx.lang));
  const stallSeconds = seconds('stall', values.stall, ctx) ?? 5;
  const timeoutSeconds = seconds('timeout', values.timeout, ctx);
  const json = values.json === true;
  const lang = ctx.lang;
  const cwd = resolve(ctx.cwd, values.C ?? '.');
  const env: Record<string, string | undefined> = { ...ctx.env };
  if (values['no-prompt']) Object.assign(env, NO_PROMPT_ENV);

  const goName = values.go ?? command[0]!;
  const located = await locateGo({ ...env, GOTOOLCHAIN: 'local' }, goName).catch(() => undefined);
  const release = located?.version ? languageVersion(located.version) : undefined;
  const minor = release ? Number(release.split('.')[1]) : undefined;
  const plan = addXFlag(command.slice(1), minor);
  const out = ctx.stderr;
  if (plan.unsupported && !values.quiet)
    out.write(`gomod-doctor: ${say(traceMessages.noXFlag, lang, { sub: plan.unsupported })}\n`);

  let lastPrinted: { key: string; at: number } | undefined;
  const printDiagnosis = (diagnosis: Diagnosis): void => {
    const key = `${diagnosis.cause}|${diagnosis.stuck}|${diagnosis.operation?.id ?? diagnosis.subject ?? ''}`;
    const at = performance.now() / 1000;
    if (lastPrinted && lastPrinted.key === key && at - lastPrinted.at < REPEAT_SECONDS) return;
    lastPrinted = { key, at };
    out.write(`gomod-doctor: ${diagnosisHeadline(diagnosis, lang)}\n`);
    for (const line of diagnosisDetails(diagnosis, lang)) out.write(`gomod-doctor:   ${line}\n`);
  };

  const interrupt = new AbortController();
  const restoreInterrupts = takeInterrupts(() => interrupt.abort());
  let result: Awaited<ReturnType<typeof traceGoCommand>>;
  try {
    result = await traceGoCommand({
      command: located?.bin ?? goName,
      args: plan.args,
      env,
      cwd,
      stallSeconds,
      ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}),
      signal: interrupt.signal,
      // With --json, standard output holds the report alone: the go command's stdout goes to stderr.
      onStdout: (chunk) => (json ? ctx.stderr : ctx.stdout).write(chunk),
      onStderr: (chunk) => ctx.stderr.write(chunk),
      onDiagnosis: printDiagnosis,
    });
  } finally {
    restoreInterrupts();
  }

  if (result.spawnError) {
    ctx.stderr.write(
      `gomod-doctor trace: ${say(traceMessages.cannotStart, lang, { command: goName, reason: result.spawnError.message })}\n`,
    );
    return 2;
  }
  const time = `${result.durationSeconds.toFixed(1)} s`;
  if (result.timedOut) out.write(`gomod-doctor: ${say(traceMessages.timedOut, lang, { time })}\n`);
  else if (result.interrupted) out.write(`gomod-doctor: ${say(traceMessages.interrupted, lang)}\n`);

  const explained = explainText(result.transcript, { lang }).findings;
  const findings = traceFindings({
    explained,
    diagnoses: result.diagnoses,
    endedByTrace: result.timedOut || result.interrupted,
    lang,
  });
  const report: Report = {
    tool: 'gomod-doctor',
    version: VERSION,
    command: 'trace',
    findings,
    events: traceEvents(result.parser.events(), result.diagnoses),
  };
  if (json) ctx.stdout.write(renderJson(report));
  else {
    const timeline = renderTimeline(result.operations, result.durationSeconds, {
      lang,
      color: ctx.color,
      ...(values.verbose ? { limit: Number.MAX_SAFE_INTEGER } : {}),
    });
    const count = result.operations.filter((op) => op.kind === 'http' || op.kind === 'vcs').length;
    out.write('\n');
    if (findings.length > 0)
      out.write(renderTerminal(report, { lang, color: ctx.color, verbose: values.verbose === true }));
    else if (result.exitCode === 0) out.write(`${say(traceMessages.healthy, lang, { time, count })}\n`);
    if (timeline && !values.quiet) out.write(`\n${timeline}`);
  }

  if (result.timedOut) return 124;
  if (result.interrupted) return 130;
  if (result.exitCode !== null) return result.exitCode;
  const signalNumbers: Partial<Record<NodeJS.Signals, number>> = {
    SIGHUP: 1,
    SIGINT: 2,
    SIGKILL: 9,
    SIGTERM: 15,
  };
  return 128 + (result.signal ? (signalNumbers[result.signal] ?? 1) : 1);
};
