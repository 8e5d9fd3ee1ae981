// `gomod-doctor explain [FILE|-]`: read the output of a failed go command and name the root cause.
import { createReadStream, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gatherContext } from '../../explain/context.ts';
import { explainStream } from '../../explain/index.ts';
import type { ExplainContext } from '../../explain/types.ts';
import { exitStatusFor, orderFindings, type Report } from '../../findings/finding.ts';
import { say } from '../../i18n/lang.ts';
import { chosenFormat, type ReportData } from '../../report/registry.ts';
import { renderTerminal } from '../../report/terminal.ts';
import { VERSION } from '../../version.ts';
import type { Command } from '../context.ts';
import { InputError, UsageError } from '../errors.ts';
import { messages } from '../messages.ts';
import { emitReport, failOnOf } from '../report-output.ts';
import { COMMAND_SPECS } from '../specs.ts';

export const explainCommand: Command = async (ctx) => {
  const { values, positionals } = parseArgs({
    args: ctx.args,
    allowPositionals: true,
    options: COMMAND_SPECS.explain.options,
  });
  if (positionals.length > 1) throw new UsageError(say(explainMessages.oneFile, ctx.lang));
  const format = chosenFormat(values);
  const dir = resolve(ctx.cwd, values.C ?? '.');
  const file = positionals[0];

  let input: AsyncIterable<Uint8Array | string>;
  if (file === undefined || file === '-') {
    // Typed at a terminal with nothing piped in, this would look like a hang: say what it waits for.
    if ((ctx.stdin as NodeJS.ReadStream).isTTY) ctx.stderr.write(`${say(messages.readingStdin, ctx.lang)}\n`);
    input = ctx.stdin as AsyncIterable<Uint8Array | string>;
  } else {
    const path = resolve(ctx.cwd, file);
    try {
      if (statSync(path).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason =
        code === 'EISDIR' ? 'is a directory' : code === 'ENOENT' ? 'no such file' : (error as Error).message;
      throw new InputError(say(messages.cannotRead, ctx.lang, { file, reason }));
    }
    // Large reads: a CI log can be 100 MB, and 64 KiB chunks would mean 1,600 turns of the event loop.
    input = createReadStream(path, { highWaterMark: 1024 * 1024 });
  }

  // Context comes first (the rules refine hits as lines arrive); it never blocks: 5 s limit, failures ignored.
  const contextPromise: Promise<ExplainContext | undefined> = values['no-context']
    ? Promise.resolve(undefined)
    : gatherContext({ cwd: dir, env: ctx.env, ...(values.go ? { go: values.go } : {}) }).catch(
        () => undefined,
      );
  const context = await contextPromise;

  let result: Awaited<ReturnType<typeof explainStream>>;
  try {
    result = await explainStream(input, { lang: ctx.lang, ...(context ? { context } : {}) });
  } catch (error) {
    throw new InputError(
      say(messages.cannotRead, ctx.lang, { file: file ?? '-', reason: (error as Error).message }),
    );
  }

  const report: Report = {
    tool: 'gomod-doctor',
    version: VERSION,
    command: 'explain',
    findings: orderFindings(result.findings),
  };
  const text = (): string => {
    if (values.quiet && report.findings.length === 0) return '';
    const shown = values.quiet
      ? { ...report, findings: report.findings.filter((f) => f.severity === 'error') }
      : report;
    return renderTerminal(shown, { lang: ctx.lang, color: ctx.color, verbose: values.verbose === true });
  };
  const status = exitStatusFor(report.findings, failOnOf(values));
  const data: ReportData = { report, text, sarif: { exitCode: status } };
  if (format === 'html') data.html = { kind: 'explain', report };
  emitReport(ctx, values, format, data, dir);
  return status;
};

const explainMessages = {
  oneFile: {
    en: 'explain reads one transcript: a FILE, or "-" (or nothing) for standard input',
    'zh-CN': 'explain 只读取一份输出记录：一个 FILE，或用 "-"（或不写）表示标准输入',
  },
};
