// `gomod-doctor trace [--stall S] [--timeout S] [--json] [--no-prompt] -- go ARGS...`: run a go
// command under watch, show its output as it comes, say why it is stuck while it is stuck, and at
// the end rank the live evidence with what its output says (findings, timeline, per-host totals).
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { explainText } from '../../explain/index.ts';
import type { Report } from '../../findings/finding.ts';
import { redactSecrets } from '../../findings/redact.ts';
import { languageVersion, locateGo } from '../../go/locate.ts';
import { say } from '../../i18n/lang.ts';
import { chosenFormat, type ReportData, renderReport } from '../../report/registry.ts';
import type { Diagnosis } from '../../trace/diagnose.ts';
import { diagnosisDetails, diagnosisHeadline, traceMessages } from '../../trace/messages.ts';
import { renderTimeline, traceEvents, traceFindings } from '../../trace/render.ts';
import { addXFlag, NO_PROMPT_ENV, traceGoCommand } from '../../trace/trace.ts';
import type { TraceEvent } from '../../trace/xparse.ts';
import { VERSION } from '../../version.ts';
import type { Command, CommandContext } from '../context.ts';
import { UsageError } from '../errors.ts';
import { ownArguments } from '../parse.ts';
import { emitReport } from '../report-output.ts';
import { COMMAND_SPECS } from '../specs.ts';

/** How often an unchanged diagnosis is repeated while the command stays stuck. */
const REPEAT_SECONDS = 30;

function seconds(name: string, value: string | undefined, ctx: CommandContext): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new UsageError(say(traceMessages.badSeconds, ctx.lang, { name, value }));
  return n;
}

export const traceCommand: Command = async (ctx) => {
  // The go command is what follows `--`, always: the CLI refuses a trace without it rather than
  // guess where the go command starts.
  const own = ownArguments('trace', ctx.args);
  const command = ctx.args.slice(own.length + 1);
  const { values } = parseArgs({ args: own, allowPositionals: false, options: COMMAND_SPECS.trace.options });
  if (command.length === 0) throw new UsageError(say(traceMessages.usage, ctx.lang));
  const stallSeconds = seconds('stall', values.stall, ctx) ?? 5;
  const timeoutSeconds = seconds('timeout', values.timeout, ctx);
  const format = chosenFormat(values);
  // Every format but text is a document on standard output alone.
  const json = format !== 'text';
  const lang = ctx.lang;
  const cwd = resolve(ctx.cwd, values.C ?? '.');
  const env: Record<string, string | undefined> = { ...ctx.env };
  if (values['no-prompt']) Object.assign(env, NO_PROMPT_ENV);

  const goName = values.go ?? command[0]!;
  // The one locator: never a go from an empty or relative PATH entry or from inside the project.
  const located = await locateGo({ ...env, GOTOOLCHAIN: 'local' }, goName, cwd).catch(() => undefined);
  if (!located && !goName.includes('/')) {
    ctx.stderr.write(
      `gomod-doctor trace: ${say(traceMessages.cannotStart, lang, { command: goName, reason: say(traceMessages.notOnPath, lang) })}\n`,
    );
    return 2;
  }
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
    out.write(redactSecrets(`gomod-doctor: ${diagnosisHeadline(diagnosis, lang)}\n`));
    for (const line of diagnosisDetails(diagnosis, lang))
      out.write(redactSecrets(`gomod-doctor:   ${line}\n`));
  };

  // A signal ends the go command; what was seen until then is still reported.
  ctx.reportsOnAbort();
  const result = await traceGoCommand({
    command: located?.bin ?? goName,
    args: plan.args,
    env,
    cwd,
    stallSeconds,
    ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}),
    signal: ctx.signal,
    // With a document on standard output, it holds the report alone: the go command's stdout goes to stderr.
    // The go command's output passes the redactor too (it writes whole lines, so a secret is not
    // split between two chunks in practice).
    onStdout: (chunk) => (json ? ctx.stderr : ctx.stdout).write(redactSecrets(String(chunk))),
    onStderr: (chunk) => ctx.stderr.write(redactSecrets(String(chunk))),
    onDiagnosis: printDiagnosis,
  });

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
    events: traceEvents(result.parser.events(), result.diagnoses, result.building),
  };
  if (json) {
    const data: ReportData = { report };
    if (format === 'html')
      data.html = {
        kind: 'trace',
        report,
        events: report.events as TraceEvent[],
        command: command.join(' '),
        durationSeconds: result.durationSeconds,
      };
    emitReport(ctx, values, format, data, cwd);
  } else {
    const timeline = renderTimeline(result.operations, result.durationSeconds, {
      lang,
      color: ctx.color,
      ...(values.verbose ? { limit: Number.MAX_SAFE_INTEGER } : {}),
    });
    const count = result.operations.filter((op) => op.kind === 'http' || op.kind === 'vcs').length;
    out.write('\n');
    if (findings.length > 0)
      out.write(
        renderReport('text', { report }, { lang, color: ctx.color, verbose: values.verbose === true }),
      );
    else if (result.exitCode === 0) out.write(`${say(traceMessages.healthy, lang, { time, count })}\n`);
    if (timeline && !values.quiet) out.write(redactSecrets(`\n${timeline}`));
  }

  if (result.timedOut) return 124;
  // A signal: the CLI sets the status from the signal's number (130, 143, 129).
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
