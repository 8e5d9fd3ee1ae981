// The pull-request form: a table of findings, then one section per finding.
import type { Report } from '../findings/finding.ts';
import { redactSecrets } from '../findings/redact.ts';
import type { Lang } from '../i18n/lang.ts';
import { countBySeverity, labels, severityLabel } from './labels.ts';
import { escapeControls } from './sanitize.ts';

const escapeCell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderMarkdown(report: Report, lang: Lang): string {
  const out = [`## gomod-doctor ${report.command}`, ''];
  if (report.findings.length === 0) return `${out.join('\n')}${labels.noFindings[lang]}\n`;
  const counts = countBySeverity(report.findings);
  out.push(labels.summary[lang](counts.error, counts.warning, counts.info), '');
  out.push(`| | ${labels.cause[lang]} | |`, '|---|---|---|');
  for (const f of report.findings) {
    out.push(`| ${severityLabel[f.severity][lang]} | \`${f.cause}\` | ${escapeCell(f.title)} |`);
  }
  for (const f of report.findings) {
    out.push('', `### ${f.title}`, '', f.message);
    if (f.location) out.push('', `\`${[f.location.file, f.location.line].filter(Boolean).join(':')}\``);
    if (f.evidence?.length) out.push('', '```', ...f.evidence.map((e) => e.text), '```');
    for (const fix of f.fixes ?? []) {
      out.push('', `**${labels.fix[lang]}:** ${fix.description}`);
      if (fix.command) out.push('', '```sh', fix.command, '```');
    }
    for (const url of f.docs ?? []) out.push('', `${labels.docs[lang]}: ${url}`);
  }
  // Markdown adds no escape sequences of its own: everything in it came from findings.
  return `${redactSecrets(escapeControls(out.join('\n')))}\n`;
}
