// `--format codeclimate`: GitLab Code Quality's JSON (a Code Climate subset), so merge requests show
// the findings in their Code Quality widget: description, check_name, fingerprint, severity,
// location.path / lines.begin. Paths are relative to the repository root, as GitLab requires.
import type { Report, Severity } from '../findings/finding.ts';
import { redactDeep } from '../findings/redact.ts';
import { type CiPaths, rootRelative } from './ci-paths.ts';
import { findingFingerprint } from './fingerprint.ts';

const SEVERITY: Record<Severity, 'critical' | 'major' | 'info'> = {
  error: 'critical',
  warning: 'major',
  info: 'info',
};

export function renderCodeClimate(report: Report, paths: CiPaths, defaultFile?: string): string {
  const issues = redactDeep(report.findings).map((f) => {
    const located = f.location ? rootRelative(f.location.file, paths) : undefined;
    const path = located ?? (defaultFile ? rootRelative(defaultFile, paths) : undefined) ?? 'go.mod';
    return {
      type: 'issue',
      description: `${f.title}: ${f.message}`,
      check_name: f.cause,
      categories: ['Bug Risk'],
      fingerprint: findingFingerprint(f, located),
      severity: SEVERITY[f.severity],
      location: { path, lines: { begin: located && f.location?.line ? f.location.line : 1 } },
    };
  });
  return `${JSON.stringify(issues, null, 2)}\n`;
}
