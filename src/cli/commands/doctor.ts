// `gomod-doctor` / `gomod-doctor doctor`: run every check and print the summary (terminal),
// the contract's JSON, SARIF or Markdown. Exit status per the contract.
// --network adds the network area: the routing table of the project's modules and a probe of
// every endpoint in it, under a time budget, with a live view in a terminal; a signal during it
// (the CLI's AbortSignal) stops the probes, prints what was found and exits 130 (SIGINT).
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { renderDoctor } from '../../doctor/render.ts';
import { runDoctor } from '../../doctor/run.ts';
import type { DoctorNetworkOptions } from '../../doctor/types.ts';
import { exitStatusFor } from '../../findings/finding.ts';
import type { Lang } from '../../i18n/lang.ts';
import { chosenFormat, type FormatName, type ReportData } from '../../report/registry.ts';
import { escapeControls } from '../../report/sanitize.ts';
import type { Command, CommandContext } from '../context.ts';
import { UsageError } from '../errors.ts';
import { emitReport, failOnOf } from '../report-output.ts';
import { COMMAND_SPECS } from '../specs.ts';

/** An IPv4 or IPv6 address, with an optional port (IPv6 with a port in brackets). */
const RESOLVER = /^(\d+\.\d+\.\d+\.\d+|\[[0-9a-f:]+\])(:\d+)?$|^[0-9a-f:]+$/i;

/** The form of RESOLVER, and a real address (octets up to 255, a valid IPv6) with a port up to 65535. */
function validResolver(value: string): boolean {
  if (!RESOLVER.test(value)) return false;
  const hostPort = /^(\d+\.\d+\.\d+\.\d+|\[([0-9a-f:]+)\])(?::(\d+))?$/i.exec(value);
  const host = hostPort ? (hostPort[2] ?? hostPort[1]!) : value;
  const port = hostPort?.[3];
  return isIP(host) !== 0 && (port === undefined || (Number(port) >= 1 && Number(port) <= 65535));
}

function usage(lang: Lang, en: string, zh: string): UsageError {
  return new UsageError(lang === 'zh-CN' ? zh : en);
}

/** --resolver and --budget, checked; only with --network. */
function networkOptions(
  values: { network?: boolean; resolver?: string; budget?: string },
  lang: Lang,
): DoctorNetworkOptions | undefined {
  if (!values.network) {
    const given =
      values.resolver !== undefined ? '--resolver' : values.budget !== undefined ? '--budget' : '';
    if (given)
      throw usage(
        lang,
        `${given} applies to the network checks: add --network`,
        `${given} 用于网络检查：请加上 --network`,
      );
    return undefined;
  }
  const options: DoctorNetworkOptions = {};
  if (values.resolver !== undefined) {
    if (!validResolver(values.resolver)) {
      throw usage(
        lang,
        `--resolver wants the address of a DNS server, IP[:PORT] (e.g. 10.0.0.53, 10.0.0.53:5353, [fd00::53]:53), not "${values.resolver}"`,
        `--resolver 需要 DNS 服务器地址，格式为 IP[:端口]（例如 10.0.0.53、10.0.0.53:5353、[fd00::53]:53），而不是“${values.resolver}”`,
      );
    }
    options.resolver = values.resolver;
  }
  if (values.budget !== undefined) {
    const budgetMs = Number(values.budget) * 1000;
    if (!(budgetMs > 0) || !Number.isFinite(budgetMs) || values.budget.trim() === '') {
      throw usage(
        lang,
        `--budget wants a time in seconds greater than 0 (e.g. 10 or 2.5), not "${values.budget}"`,
        `--budget 需要大于 0 的秒数（例如 10 或 2.5），而不是“${values.budget}”`,
      );
    }
    options.budgetMs = budgetMs;
  }
  return options;
}

/** A live list of probes only for a person at a terminal: not in CI, not for machine output, not with -q. */
function wantsLiveView(ctx: CommandContext, format: FormatName, quiet: boolean): boolean {
  const isTty = (stream: NodeJS.WritableStream) => (stream as { isTTY?: boolean }).isTTY === true;
  return (
    format === 'text' &&
    !quiet &&
    !ctx.env.CI &&
    ctx.env.TERM !== 'dumb' &&
    isTty(ctx.stdout) &&
    isTty(ctx.stderr)
  );
}

export const doctorCommand: Command = async (ctx) => {
  const { values } = parseArgs({
    args: ctx.args,
    allowPositionals: false,
    options: COMMAND_SPECS.doctor.options,
  });
  const format = chosenFormat(values);
  const network = networkOptions(values, ctx.lang);
  const cwd = resolve(ctx.cwd, values.C ?? '.');
  let live: import('../../doctor/live.ts').LiveView | undefined;
  if (network) {
    // A signal stops the probes; what was found is still printed.
    ctx.reportsOnAbort();
    network.signal = ctx.signal;
    ctx.signal.addEventListener('abort', () => live?.stop(), { once: true });
    if (wantsLiveView(ctx, format, values.quiet === true)) {
      // Loaded only for a terminal run with --network (it draws the network engine's probe lines).
      const { LiveView } = await import('../../doctor/live.ts');
      live = new LiveView({ stream: ctx.stderr, color: ctx.color });
      network.onProgress = live.onProgress;
      live.start();
    }
  }
  let result: Awaited<ReturnType<typeof runDoctor>>;
  try {
    result = await runDoctor({
      cwd,
      env: ctx.env,
      lang: ctx.lang,
      ...(values.go !== undefined ? { goBin: values.go } : {}),
      ...(values.release ? { release: true } : {}),
      ...(values.check ? { only: values.check } : {}),
      ...(network ? { network } : {}),
    });
  } finally {
    live?.stop();
  }
  const report = result.report;
  const status = exitStatusFor(report.findings, failOnOf(values));
  const data: ReportData = {
    report,
    checks: result.outcomes.map((o) => ({
      id: o.check.id,
      status: o.status,
      findings: o.findings,
      durationMs: o.durationMs,
    })),
    text: () =>
      renderDoctor(result, {
        lang: ctx.lang,
        color: ctx.color,
        verbose: values.verbose === true,
        quiet: values.quiet === true,
      }),
  };
  if (result.network) {
    // The routing table and the probes travel next to the findings (an added field of the contract).
    data.json = {
      network: {
        routes: result.network.routes,
        probes: result.network.probes,
        // Set when the run ended early: 'budget' (--budget ran out) or 'aborted' (a signal).
        ...(result.network.stopped ? { stopped: result.network.stopped } : {}),
      },
    };
    data.markdownAppendix = markdownRoutes(result.network.routeLines, ctx.lang);
  }
  if (format === 'sarif' || format === 'codeclimate') {
    const project = await result.facts.project();
    const gomod = project.main?.gomod.rel;
    const defaultFile = gomod && !gomod.startsWith('..') && !gomod.startsWith('/') ? gomod : undefined;
    data.sarif = { exitCode: status, ...(defaultFile ? { defaultFile } : {}) };
  }
  if (format === 'html') {
    // Loaded only for an HTML report.
    const { doctorHtmlInput } = await import('../../report/html-input.ts');
    data.html = await doctorHtmlInput(result, ctx.lang);
  }
  emitReport(ctx, values, format, data, cwd);
  // On a signal the CLI replaces this status with the signal's (130, 143, 129).
  return status;
};

function markdownRoutes(lines: readonly string[], lang: Lang): string {
  if (lines.length === 0) return '';
  const heading = lang === 'zh-CN' ? '### 获取路径' : '### Routes';
  return escapeControls(`\n${heading}\n\n${lines.map((l) => `- ${l}`).join('\n')}\n`);
}
