// Words the reporters print around findings, in both languages.
import type { Severity } from '../findings/finding.ts';
import type { Lang } from '../i18n/lang.ts';

export const severityLabel: Record<Severity, Record<Lang, string>> = {
  error: { en: 'error', 'zh-CN': '错误' },
  warning: { en: 'warning', 'zh-CN': '警告' },
  info: { en: 'info', 'zh-CN': '提示' },
};

export const labels = {
  fix: { en: 'Fix', 'zh-CN': '修复' },
  evidence: { en: 'Evidence', 'zh-CN': '依据' },
  moreEvidence: {
    en: (n: number) => `… ${n} more line${n === 1 ? '' : 's'} (-v shows all)`,
    'zh-CN': (n: number) => `……另有 ${n} 行（加 -v 全部显示）`,
  },
  docs: { en: 'Docs', 'zh-CN': '文档' },
  cause: { en: 'cause', 'zh-CN': '原因编号' },
  noFindings: { en: 'No problems found.', 'zh-CN': '没有发现问题。' },
  summary: {
    en: (e: number, w: number, i: number) => `${e} error(s), ${w} warning(s), ${i} info`,
    'zh-CN': (e: number, w: number, i: number) => `${e} 个错误，${w} 个警告，${i} 条提示`,
  },
} as const;

export function countBySeverity(findings: ReadonlyArray<{ severity: Severity }>) {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
