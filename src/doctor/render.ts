// The doctor's terminal form, like `flutter doctor`: one line per area with ✓ / ! / ✗ and a short
// reason, then the details of every problem with a code frame and the fix on its own line.
// Notes (info) and full evidence only with -v. Secrets are masked on the way out.
import pc from 'picocolors';
import type { Severity } from '../findings/finding.ts';
import { redactSecrets } from '../findings/redact.ts';
import { type Lang, say } from '../i18n/lang.ts';
import { countBySeverity, labels } from '../report/labels.ts';
import { escapeControls, sanitizeFinding } from '../report/sanitize.ts';
import { findingBodyLines, findingTitleLine } from '../report/terminal.ts';
import { areaName, messages } from './messages.ts';
import type { DoctorNetwork } from './network.ts';
import type { AreaResult, DoctorResult } from './run.ts';
import type { DoctorFinding } from './types.ts';

export interface DoctorRenderOptions {
  lang: Lang;
  color: boolean;
  verbose?: boolean;
  quiet?: boolean;
}

type Colors = ReturnType<typeof pc.createColors>;

function worst(findings: readonly DoctorFinding[]): Severity | undefined {
  if (findings.some((f) => f.severity === 'error')) return 'error';
  if (findings.some((f) => f.severity === 'warning')) return 'warning';
  return undefined;
}

function areaLine(area: AreaResult, lang: Lang, c: Colors, partial = false): string {
  const level = worst(area.findings);
  const name = say(areaName[area.area], lang);
  // Nothing found, but not everything was looked at (the network run was interrupted).
  if (!level && partial) return `[${c.yellow('!')}] ${name} ${c.dim(`(${escapeControls(area.summary)})`)}`;
  if (!level) return `[${c.green('✓')}] ${name} ${c.dim(`(${escapeControls(area.summary)})`)}`;
  const problems = area.findings.filter(
    (f) => f.severity === level || f.severity === 'error' || f.severity === 'warning',
  );
  const more = problems.length > 1 ? c.dim(` (+${problems.length - 1})`) : '';
  const mark = level === 'error' ? c.red('✗') : c.yellow('!');
  return `[${mark}] ${name}: ${escapeControls(problems[0]!.title)}${more}`;
}

/** Byte column (the contract's unit) → index into the JavaScript string of that line. */
function charIndex(text: string, byteColumn: number): number {
  return Buffer.from(text, 'utf8')
    .subarray(0, Math.max(byteColumn - 1, 0))
    .toString('utf8').length;
}

/** Widest source line shown under a finding: a longer one is cut to a window around the column. */
const FRAME_WIDTH = 160;

/**
 * The source line as shown, and where the caret goes in it. A long line is cut to a window around
 * the column, marked with …; a column past what the evidence quotes gets no caret.
 */
function frameWindow(text: string, column: number | undefined): { shown: string; caret?: number } {
  const quoted = text.endsWith('…') ? text.slice(0, -1) : text;
  let caret: number | undefined;
  if (column !== undefined && Buffer.byteLength(quoted, 'utf8') >= column - 1)
    caret = charIndex(quoted, column);
  if (text.length <= FRAME_WIDTH) return caret === undefined ? { shown: text } : { shown: text, caret };
  const from =
    caret === undefined ? 0 : Math.max(0, Math.min(caret - FRAME_WIDTH / 2, text.length - FRAME_WIDTH));
  const shown = `${from > 0 ? '…' : ''}${text.slice(from, from + FRAME_WIDTH)}${from + FRAME_WIDTH < text.length ? '…' : ''}`;
  return caret === undefined ? { shown } : { shown, caret: caret - from + (from > 0 ? 1 : 0) };
}

function renderFinding(raw: DoctorFinding, options: DoctorRenderOptions, c: Colors): string[] {
  const f = sanitizeFinding(raw);
  const { lang, verbose } = options;
  const lines = [findingTitleLine(f, lang, c)];
  const evidence = [...(f.evidence ?? [])];
  const loc = f.location;
  if (loc) {
    lines.push(`  ${c.cyan([loc.file, loc.line, loc.column].filter((p) => p !== undefined).join(':'))}`);
    const at = evidence.findIndex((e) => e.source === loc.file && e.line === loc.line);
    if (at >= 0 && loc.line !== undefined) {
      const framed = evidence.splice(at, 1)[0]!;
      const gutter = String(loc.line);
      const { shown, caret } = frameWindow(framed.text, loc.column);
      lines.push(`  ${c.dim(`${gutter} |`)} ${shown}`);
      if (caret !== undefined) {
        const pad = shown.slice(0, caret).replace(/[^\t]/g, ' ');
        lines.push(`  ${c.dim(`${' '.repeat(gutter.length)} |`)} ${pad}${c.red('^')}`);
      }
    }
  }
  lines.push(...findingBodyLines(f, evidence, { lang, verbose, docs: verbose === true }, c));
  return lines;
}

/** --network: the routing table (and with -v every probe) before the network area's findings. */
function networkBlock(network: DoctorNetwork, options: DoctorRenderOptions, c: Colors): string[] {
  const { lang } = options;
  const lines = [`  ${c.bold(say(messages.routesHeading, lang))}`];
  for (const line of network.routeLines) lines.push(`    ${escapeControls(line)}`);
  if (options.verbose && network.probeLines.length > 0) {
    lines.push(`  ${c.bold(say(messages.probesHeading, lang))}`);
    for (const line of network.probeLines) lines.push(`    ${c.dim(escapeControls(line))}`);
  }
  if (network.skippedDirect > 0)
    lines.push(`  ${c.dim(say(messages.skippedDirect, lang, { n: network.skippedDirect }))}`);
  if (network.stopped === 'budget')
    lines.push(
      `  ${c.yellow(say(messages.networkBudget, lang, { seconds: String(network.budgetMs / 1000) }))}`,
    );
  return lines;
}

export function renderDoctor(result: DoctorResult, options: DoctorRenderOptions): string {
  const c = pc.createColors(options.color);
  const { lang } = options;
  const out: string[] = [];
  const interrupted = result.network?.stopped === 'aborted';
  if (!options.quiet)
    for (const area of result.areas)
      out.push(areaLine(area, lang, c, area.area === 'network' && interrupted));
  const findings = result.report.findings;
  const shown = findings.filter((f) => options.verbose || f.severity !== 'info');
  for (const area of result.areas) {
    const mine = shown.filter((f) => area.findings.includes(f));
    const block =
      area.area === 'network' && result.network && !options.quiet
        ? networkBlock(result.network, options, c)
        : [];
    if (mine.length === 0 && block.length === 0) continue;
    out.push('', c.bold(`• ${say(areaName[area.area], lang)}`));
    if (block.length > 0) out.push(...block, '');
    for (const f of mine) out.push(...renderFinding(f, options, c), '');
    out.pop();
  }
  out.push('');
  const hidden = findings.length - shown.length;
  if (hidden > 0) out.push(c.dim(say(messages.moreWithVerbose, lang, { n: hidden })));
  const troubled = result.areas.filter((a) => worst(a.findings) !== undefined).length;
  if (troubled === 0) {
    out.push(`${c.green('•')} ${say(messages.noIssues, lang)}`);
  } else {
    const counts = countBySeverity(findings);
    out.push(
      `${worst(findings) === 'error' ? c.red('!') : c.yellow('!')} ${say(messages.issuesFound, lang, { n: troubled })} ${c.dim(labels.summary[lang](counts.error, counts.warning, counts.info))}`,
    );
  }
  return `${redactSecrets(out.join('\n'))}\n`;
}
