// `gomod-doctor attach [PID] [--json]`: the live diagnosis of a go command that is already running
// (started by an editor, a script, CI). There is no -x stream here: the evidence is the process tree,
// its sockets, terminals and lock waits. Without a PID, every go process of this user.
import { parseArgs } from 'node:util';
import type { Report } from '../../findings/finding.ts';
import { exitStatusFor } from '../../findings/finding.ts';
import { say } from '../../i18n/lang.ts';
import { renderJson } from '../../report/json.ts';
import { escapeControls } from '../../report/sanitize.ts';
import { renderTerminal } from '../../report/terminal.ts';
import { inspectRunningGo } from '../../trace/attach.ts';
import {
  diagnosisDetails,
  diagnosisFinding,
  diagnosisHeadline,
  traceMessages,
} from '../../trace/messages.ts';
import { findGoProcesses } from '../../trace/proc.ts';
import { VERSION } from '../../version.ts';
import type { Command } from '../context.ts';
import { InputError, UsageError } from '../errors.ts';
import { COMMAND_SPECS } from '../specs.ts';

export const attachCommand: Command = async (ctx) => {
  const { values, positionals } = parseArgs({
    args: ctx.args,
    allowPositionals: true,
    options: COMMAND_SPECS.attach.options,
  });
  const lang = ctx.lang;
  if (positionals.length > 1) throw new UsageError('attach takes at most one PID');
  let pids: number[];
  if (positionals[0] !== undefined) {
    const pid = Number(positionals[0]);
    if (!Number.isInteger(pid) || pid <= 0) throw new UsageError(`not a process id: "${positionals[0]}"`);
    pids = [pid];
  } else {
    pids = await findGoProcesses(process.getuid?.());
  }

  const inspections = [];
  for (const pid of pids) {
    const inspection = await inspectRunningGo(pid);
    if (!inspection) {
      if (positionals[0] !== undefined)
        throw new InputError(say(traceMessages.attachGone, lang, { pid: String(pid) }));
      continue;
    }
    inspections.push(inspection);
  }

  const findings = inspections.map((i) => diagnosisFinding(i.diagnosis, lang));
  const report: Report = {
    tool: 'gomod-doctor',
    version: VERSION,
    command: 'attach',
    findings,
    events: inspections.flatMap((i) => i.events),
  };
  if (values.json) {
    ctx.stdout.write(renderJson(report));
    return exitStatusFor(findings);
  }
  if (inspections.length === 0) {
    ctx.stdout.write(`${say(traceMessages.attachNone, lang)}\n`);
    return 0;
  }
  for (const inspection of inspections) {
    ctx.stdout.write(
      `${say(traceMessages.attachHeader, lang, { pid: String(inspection.pid), command: escapeControls(inspection.argv.join(' ')) })}\n`,
    );
    ctx.stdout.write(`  ${escapeControls(diagnosisHeadline(inspection.diagnosis, lang))}\n`);
    for (const line of diagnosisDetails(inspection.diagnosis, lang))
      ctx.stdout.write(`    ${escapeControls(line)}\n`);
  }
  if (values.verbose) {
    ctx.stdout.write('\n');
    ctx.stdout.write(renderTerminal(report, { lang, color: ctx.color, verbose: true }));
  }
  return exitStatusFor(findings);
};
