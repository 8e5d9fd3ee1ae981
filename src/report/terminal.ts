// The human form: one block per finding, root cause first, the fix on its own line so it can be
// copied. Colour only when the CLI says the terminal wants it.
import pc from 'picocolors';
import type { Evidence, Finding, Report } from '../findings/finding.ts';
import { redactSecrets } from '../findings/redact.ts';
import type { Lang } from '../i18n/lang.ts';
import { countBySeverity, labels, severityLabel } from './labels.ts';
import { sanitizeFinding } from './sanitize.ts';

export interface TerminalOptions {
  lang: Lang;
  color: boolean;
  verbose?: boolean;
}

export function renderTerminal(report: Report, options: TerminalOptions): string {
  const c = pc.createColors(options.color);
  const { lang } = options;
  const out: string[] = [];
  if (report.findings.length === 0) return `${c.green('✓')} ${labels.noFindings[lang]}\n`;
  for (const finding of report.findings) {
    out.push(...renderFinding(sanitizeFinding(finding), options, c), '');
  }
  const counts = countBySeverity(report.findings);
  out.push(c.dim(labels.summary[lang](counts.error, counts.warning, counts.info)));
  return `${redactSecrets(out.join('\n'))}\n`;
}

function renderFinding(finding: Finding, options: TerminalOptions, c: Colors): string[] {
  const { lang, verbose } = options;
  const lines = [findingTitleLine(finding, lang, c)];
  if (finding.location) {
    const { file, line, column } = finding.location;
    lines.push(`  ${c.cyan([file, line, column].filter((p) => p !== undefined).join(':'))}`);
  }
  lines.push(...findingBodyLines(finding, finding.evidence ?? [], { lang, verbose, docs: true }, c));
  return lines;
}

export type Colors = ReturnType<typeof pc.createColors>;

/**
 * What every terminal view prints below a finding's title and location: the message, the first
 * evidence lines (all with -v), each fix with its command on a line of its own, and the docs.
 */
export function findingBodyLines(
  finding: Finding,
  evidence: readonly Evidence[],
  options: { lang: Lang; verbose?: boolean | undefined; docs: boolean },
  c: Colors,
): string[] {
  const { lang, verbose } = options;
  const lines: string[] = [];
  for (const text of finding.message.split('\n')) lines.push(`  ${text}`);
  const shown = verbose ? evidence : evidence.slice(0, 3);
  if (shown.length > 0) {
    lines.push(`  ${c.dim(`${labels.evidence[lang]}:`)}`);
    for (const e of shown)
      lines.push(`    ${c.dim(e.line !== undefined ? `${e.source}:${e.line}` : e.source)} ${e.text}`);
    if (shown.length < evidence.length)
      lines.push(`    ${c.dim(labels.moreEvidence[lang](evidence.length - shown.length))}`);
  }
  for (const fix of finding.fixes ?? []) {
    lines.push(`  ${c.green(`${labels.fix[lang]}:`)} ${fix.description}`);
    // A command of several lines keeps every line under the fix, indented alike.
    for (const line of fix.command?.split('\n') ?? []) lines.push(`    ${c.bold(line)}`);
  }
  if (options.docs)
    for (const url of finding.docs ?? []) lines.push(`  ${c.dim(`${labels.docs[lang]}: ${url}`)}`);
  return lines;
}

/** A finding's first line: the severity mark, the title, and the severity and cause id. */
export function findingTitleLine(finding: Finding, lang: Lang, c: Colors): string {
  const mark = { error: c.red('✗'), warning: c.yellow('!'), info: c.blue('i') }[finding.severity];
  return `${mark} ${c.bold(finding.title)} ${c.dim(`(${severityLabel[finding.severity][lang]}, ${labels.cause[lang]}: ${finding.cause})`)}`;
}
