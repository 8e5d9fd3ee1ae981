// Where a command's report goes, the same way for every command that reports findings: rendered by
// the reporter registry in the chosen format, to standard output or to `--output FILE` (written
// atomically: a temp file in the same directory, then a rename), and — when GitHub Actions names a
// job summary file (GITHUB_STEP_SUMMARY) — a Markdown summary appended there, whatever the format.
import { renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { FailOn } from '../findings/finding.ts';
import { say } from '../i18n/lang.ts';
import { repositoryRoot } from '../report/ci-paths.ts';
import { appendStepSummary } from '../report/github.ts';
import { type FormatName, type ReportData, renderReport } from '../report/registry.ts';
import type { CommandContext } from './context.ts';
import { InputError } from './errors.ts';
import { messages } from './messages.ts';

export interface OutputValues {
  output?: string | undefined;
  'fail-on'?: string | undefined;
  verbose?: boolean | undefined;
}

/** The --fail-on level (the parser has refused any other value). */
export function failOnOf(values: OutputValues): FailOn {
  const value = values['fail-on'];
  return value === 'warning' || value === 'never' ? value : 'error';
}

export function emitReport(
  ctx: CommandContext,
  values: OutputValues,
  format: FormatName,
  data: ReportData,
  runDir: string,
): void {
  const full: ReportData = {
    ...data,
    paths: data.paths ?? { cwd: runDir, root: repositoryRoot(runDir, ctx.env) },
    failOn: failOnOf(values),
  };
  const options = {
    lang: ctx.lang,
    color: format === 'text' && !values.output ? ctx.color : false,
    ...(values.verbose ? { verbose: true } : {}),
  };
  const output = renderReport(format, full, options);
  if (values.output !== undefined) writeAtomically(resolve(ctx.cwd, values.output), output, ctx);
  else if (output) ctx.stdout.write(output);
  const summary = appendStepSummary(ctx.env, renderReport('markdown', full, options));
  if (summary.error !== undefined)
    ctx.stderr.write(`gomod-doctor: ${say(messages.summaryFailed, ctx.lang, { reason: summary.error })}\n`);
}

function writeAtomically(file: string, text: string, ctx: CommandContext): void {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, text, { flag: 'wx' });
    renameSync(temp, file);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // nothing was written
    }
    throw new InputError(
      say(messages.writeFailed, ctx.lang, {
        reason: `${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      }),
    );
  }
}
