// `--format github`: GitHub Actions workflow commands, so findings appear as annotations on the
// pull request's files and in the run's summary: `::error file=go.mod,line=7,col=2,title=...::text`.
// GitHub shows at most 10 annotations of each kind per step: the most important ones are emitted
// (findings arrive root cause first) and a plain log line says how many more there are.
// Also: the job summary (GITHUB_STEP_SUMMARY), appended for every format when the variable is set.
import { appendFileSync } from 'node:fs';
import type { Finding, Report, Severity } from '../findings/finding.ts';
import { redactSecrets } from '../findings/redact.ts';
import type { Lang } from '../i18n/lang.ts';
import { type CiPaths, rootRelative } from './ci-paths.ts';
import { labels } from './labels.ts';

/** Annotations GitHub shows per kind and step (more are accepted but not shown). */
export const GITHUB_ANNOTATIONS_PER_KIND = 10;

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = {
  error: 'error',
  warning: 'warning',
  info: 'notice',
};

// What the runner does not unescape but a log viewer or terminal would act on: C0 controls but
// tab, CR and LF (ESC starts a terminal escape, NUL cuts a line short), DEL, C1 controls (U+0085
// is a line break to some readers, U+009B a one-byte CSI), the Unicode line and paragraph
// separators (a new line to JavaScript viewers, where `::error` could start a forged command), and
// the bidi controls. The runner only turns %25, %0D, %0A (and %3A, %2C in properties) back, so
// these are shown as visible escapes (`\x1b`, `\u2028`), the way the text reporter shows them.
const UNSAFE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function visible(ch: string): string {
  const code = ch.charCodeAt(0);
  return code < 0x100
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * The message part of a workflow command (after `::`): %, CR and LF escaped the runner's way, every
 * other control character and line separator shown as a visible escape.
 */
export function escapeData(text: string): string {
  return text.replace(UNSAFE, visible).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value (file=, title=): also `:` and `,`, which separate properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function annotation(finding: Finding, paths: CiPaths, lang: Lang): string {
  const props: string[] = [];
  const loc = finding.location;
  const file = loc ? rootRelative(loc.file, paths) : undefined;
  if (file !== undefined) {
    props.push(`file=${escapeProperty(file)}`);
    if (loc?.line !== undefined) props.push(`line=${loc.line}`);
    if (loc?.line !== undefined && loc.column !== undefined) props.push(`col=${loc.column}`);
  }
  props.push(`title=${escapeProperty(`${finding.title} (${finding.cause})`)}`);
  const body = [finding.message];
  for (const fix of finding.fixes ?? [])
    body.push(
      fix.command
        ? `${labels.fix[lang]}: ${fix.description}: ${fix.command}`
        : `${labels.fix[lang]}: ${fix.description}`,
    );
  return `::${COMMAND[finding.severity]} ${props.join(',')}::${escapeData(body.join('\n'))}`;
}

export function renderGithub(report: Report, paths: CiPaths, lang: Lang): string {
  const out: string[] = [];
  const left: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const shown: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of report.findings) {
    if (shown[finding.severity] < GITHUB_ANNOTATIONS_PER_KIND) {
      shown[finding.severity]++;
      out.push(annotation(finding, paths, lang));
    } else left[finding.severity]++;
  }
  for (const severity of ['error', 'warning', 'info'] as const) {
    if (left[severity] === 0) continue;
    out.push(
      lang === 'zh-CN'
        ? `gomod-doctor：另有 ${left[severity]} 条${COMMAND[severity]}未作为标注显示（GitHub 每个步骤每类最多显示 ${GITHUB_ANNOTATIONS_PER_KIND} 条）；完整列表见作业摘要或 --format markdown`
        : `gomod-doctor: ${left[severity]} more ${COMMAND[severity]}(s) not annotated (GitHub shows ${GITHUB_ANNOTATIONS_PER_KIND} per kind and step); the job summary and --format markdown list all`,
    );
  }
  if (out.length === 0) out.push(`gomod-doctor ${report.command}: ${labels.noFindings[lang]}`);
  return `${redactSecrets(out.join('\n'))}\n`;
}

/**
 * Appends a Markdown summary to the job summary file when GitHub Actions names one. Returns whether
 * it wrote; a summary that cannot be written is not worth failing the gate for, so errors are given
 * back to the caller to report as a warning.
 */
export function appendStepSummary(
  env: Record<string, string | undefined>,
  markdown: string,
): { written: boolean; error?: string } {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) return { written: false };
  try {
    appendFileSync(file, `${redactSecrets(markdown)}\n`);
    return { written: true };
  } catch (error) {
    return { written: false, error: (error as Error).message };
  }
}
