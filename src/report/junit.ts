// `--format junit`: a JUnit XML report for CI systems that show test results (GitLab, Jenkins,
// Azure, CircleCI). For doctor each check is a test case: passed, failed with its findings, or an
// error when the check crashed or ran out of time; checks that did not run are skipped. For the other
// commands each finding is a test case of its own.
import type { Finding, Report } from '../findings/finding.ts';
import { redactSecrets } from '../findings/redact.ts';
import type { Lang } from '../i18n/lang.ts';
import { severityLabel } from './labels.ts';

/** The word before each fix line (lower case, as the severity before it). */
const FIX_WORD: Record<Lang, string> = { en: 'fix', 'zh-CN': '修复' };

/** One doctor check's outcome, as the doctor's runner reports it. */
export interface JunitCheck {
  id: string;
  status: 'ok' | 'crashed' | 'timed-out' | 'skipped';
  findings: readonly Finding[];
  durationMs: number;
}

/** XML text and attribute escaping; characters XML 1.0 forbids are dropped. */
function xml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function findingText(f: Finding, lang: Lang): string {
  const loc = f.location
    ? `${[f.location.file, f.location.line, f.location.column].filter((p) => p !== undefined).join(':')}: `
    : '';
  const fixes = (f.fixes ?? []).map(
    (fix) => `  ${FIX_WORD[lang]}: ${fix.description}${fix.command ? `: ${fix.command}` : ''}`,
  );
  return [
    `${loc}${severityLabel[f.severity][lang]}: ${f.title} (${f.cause})`,
    `  ${f.message}`,
    ...fixes,
  ].join('\n');
}

function testcase(classname: string, name: string, seconds: number, inner: string): string {
  return `    <testcase classname="${xml(classname)}" name="${xml(name)}" time="${seconds.toFixed(3)}">${inner}</testcase>`;
}

/**
 * `failOn`: which severities make a case fail (the same threshold as the exit status). `lang`: the
 * words a person reads around the findings (severity, fix); names, types and ids stay as they are.
 */
export function renderJunit(
  report: Report,
  options: { checks?: readonly JunitCheck[]; failOn: 'error' | 'warning' | 'never'; lang?: Lang },
): string {
  const lang = options.lang ?? 'en';
  const text = (f: Finding): string => findingText(f, lang);
  const failing = (f: Finding): boolean =>
    options.failOn === 'never'
      ? false
      : f.severity === 'error' || (options.failOn === 'warning' && f.severity === 'warning');
  const cases: string[] = [];
  let failures = 0;
  let errors = 0;
  let skipped = 0;
  let total = 0;
  const suite = `gomod-doctor ${report.command}`;
  if (options.checks) {
    for (const check of options.checks) {
      total++;
      const seconds = check.durationMs / 1000;
      if (check.status === 'skipped') {
        skipped++;
        cases.push(testcase(suite, check.id, 0, '<skipped/>'));
      } else if (check.status !== 'ok') {
        errors++;
        cases.push(
          testcase(
            suite,
            check.id,
            seconds,
            `<error message="${xml(check.status)}" type="${xml(check.status)}"/>`,
          ),
        );
      } else {
        const bad = check.findings.filter(failing);
        const out = check.findings.length
          ? `<system-out>${xml(check.findings.map(text).join('\n'))}</system-out>`
          : '';
        if (bad.length) {
          failures++;
          cases.push(
            testcase(
              suite,
              check.id,
              seconds,
              `<failure message="${xml(bad[0]!.title)}" type="${xml(bad[0]!.cause)}">${xml(bad.map(text).join('\n'))}</failure>${out}`,
            ),
          );
        } else cases.push(testcase(suite, check.id, seconds, out));
      }
    }
  } else {
    for (const f of report.findings) {
      total++;
      const name = `${f.cause}: ${f.title}`;
      if (failing(f)) {
        failures++;
        cases.push(
          testcase(
            suite,
            name,
            0,
            `<failure message="${xml(f.title)}" type="${xml(f.cause)}">${xml(text(f))}</failure>`,
          ),
        );
      } else cases.push(testcase(suite, name, 0, `<system-out>${xml(text(f))}</system-out>`));
    }
    if (total === 0) {
      total = 1;
      cases.push(testcase(suite, report.command, 0, ''));
    }
  }
  const attrs = `name="${xml(suite)}" tests="${total}" failures="${failures}" errors="${errors}" skipped="${skipped}"`;
  return redactSecrets(
    `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ${attrs}>\n  <testsuite ${attrs}>\n${cases.join('\n')}\n  </testsuite>\n</testsuites>\n`,
  );
}
