// The end-of-trace views: a waterfall of requests and VCS commands (slowest first) and totals per
// host, as terminal text; and the findings of a trace, where the live diagnosis and what explain
// reads in the output are ranked together.
import pc from 'picocolors';
import type { Finding } from '../findings/finding.ts';
import { orderFindings } from '../findings/finding.ts';
import { redactSecrets } from '../findings/redact.ts';
import type { Lang } from '../i18n/lang.ts';
import { say } from '../i18n/lang.ts';
import { escapeControls } from '../report/sanitize.ts';
import type { Diagnosis } from './diagnose.ts';
import { diagnosisFinding, operationText, traceMessages } from './messages.ts';
import type { Operation, TraceEvent } from './xparse.ts';

const BAR_WIDTH = 32;

function durationOf(op: Operation, end: number): number {
  return op.end !== undefined ? (op.reportedDuration ?? op.end - op.start) : end - op.start;
}

function secondsText(value: number): string {
  return `${value.toFixed(3)} s`;
}

function hostOfOperation(op: Operation): string {
  const url = op.kind === 'http' ? op.url : op.remote;
  if (!url) return op.kind === 'vcs' ? '(vcs)' : '(local)';
  const scp = /^[^/@\s]+@([^:/\s]+):/.exec(url);
  if (scp) return scp[1]!;
  try {
    return new URL(url).host || '(local)';
  } catch {
    return '(other)';
  }
}

export interface TimelineOptions {
  lang: Lang;
  color: boolean;
  /** Rows of the waterfall (default 20; all with verbose). */
  limit?: number;
}

/** The waterfall: one row per HTTP request or VCS command, slowest first, bars placed on the run's time. */
export function renderTimeline(
  operations: readonly Operation[],
  total: number,
  options: TimelineOptions,
): string {
  const c = pc.createColors(options.color);
  const rows = operations.filter((op) => op.kind === 'http' || op.kind === 'vcs' || op.kind === 'toolchain');
  if (rows.length === 0) return '';
  const span = Math.max(total, 0.001);
  const sorted = [...rows].sort((a, b) => durationOf(b, total) - durationOf(a, total));
  const limit = options.limit ?? 20;
  const out = [c.bold(say(traceMessages.timeline, options.lang))];
  for (const op of sorted.slice(0, limit)) {
    const duration = durationOf(op, total);
    const offset = Math.min(BAR_WIDTH - 1, Math.floor((op.start / span) * BAR_WIDTH));
    const length = Math.max(1, Math.min(BAR_WIDTH - offset, Math.round((duration / span) * BAR_WIDTH)));
    const bar = `${' '.repeat(offset)}${'█'.repeat(length)}`.padEnd(BAR_WIDTH);
    const outcome =
      op.end === undefined
        ? c.red(say(traceMessages.unfinished, options.lang))
        : op.status
          ? op.status.startsWith('2')
            ? c.green(escapeControls(op.status))
            : c.yellow(escapeControls(op.status))
          : op.error
            ? c.red(escapeControls(op.error))
            : '';
    out.push(
      `  ${secondsText(duration).padStart(10)}  ${c.cyan(bar)}  ${escapeControls(operationText(op))}${outcome ? `  ${outcome}` : ''}`,
    );
  }
  if (sorted.length > limit)
    out.push(`  ${say(traceMessages.more, options.lang, { count: sorted.length - limit })}`);

  const hosts = new Map<string, { count: number; total: number; slowest: number }>();
  for (const op of rows) {
    const host = hostOfOperation(op);
    const entry = hosts.get(host) ?? { count: 0, total: 0, slowest: 0 };
    const duration = durationOf(op, total);
    entry.count++;
    entry.total += duration;
    entry.slowest = Math.max(entry.slowest, duration);
    hosts.set(host, entry);
  }
  out.push(c.bold(say(traceMessages.hosts, options.lang)));
  for (const [host, entry] of [...hosts].sort((a, b) => b[1].total - a[1].total)) {
    out.push(
      `  ${say(traceMessages.hostLine, options.lang, {
        host: escapeControls(host),
        count: entry.count,
        total: secondsText(entry.total),
        slowest: secondsText(entry.slowest),
      })}`,
    );
  }
  return `${redactSecrets(out.join('\n'))}\n`;
}

export interface TraceFindingsInput {
  /** What explain found in the output. */
  explained: readonly Finding[];
  diagnoses: readonly Diagnosis[];
  /** The trace ended the command (timeout, Ctrl-C): it was stuck at the end. */
  endedByTrace: boolean;
  lang: Lang;
}

/**
 * Live evidence and the output's own errors, ranked: when the trace had to end the command, the last
 * diagnosis is the root cause and explain's "the output ends while waiting" guesses give way to it;
 * when the command ended by itself, its own error comes first and earlier stalls follow.
 */
export function traceFindings(input: TraceFindingsInput): Finding[] {
  const live = latestPerCause(input.diagnoses).map((d) => diagnosisFinding(d, input.lang));
  if (input.endedByTrace && live.length > 0) {
    const last = live.at(-1)!;
    const others = live.slice(0, -1).filter((f) => f.cause !== last.cause);
    const explained = input.explained.filter(
      (f) => f.cause !== last.cause && f.cause !== 'proxy-stall' && f.cause !== 'unknown',
    );
    return [last, ...orderFindings(explained), ...others];
  }
  const causes = new Set(input.explained.map((f) => f.cause));
  return [...orderFindings(input.explained), ...live.filter((f) => !causes.has(f.cause))];
}

function latestPerCause(diagnoses: readonly Diagnosis[]): Diagnosis[] {
  const byKey = new Map<string, Diagnosis>();
  for (const d of diagnoses) {
    const key = `${d.cause}|${d.stuck}`;
    byKey.delete(key);
    byKey.set(key, d);
  }
  return [...byKey.values()];
}

/** The timeline of a trace: the parsed operations with each live diagnosis at the moment it was made. */
export function traceEvents(
  operationEvents: readonly TraceEvent[],
  diagnoses: readonly Diagnosis[],
): TraceEvent[] {
  const stalls: TraceEvent[] = diagnoses.map((d) => {
    const event: TraceEvent = {
      t: Math.round(d.at * 1000) / 1000,
      kind: 'stall',
      cause: d.cause,
      stuck: d.stuck,
    };
    if (d.operation?.url) event.url = d.operation.url;
    else if (d.operation?.command) event.command = d.operation.command;
    else if (d.subject) event.command = d.subject;
    return event;
  });
  return [...operationEvents, ...stalls].sort((a, b) => a.t - b.t);
}
