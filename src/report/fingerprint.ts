// A finding's identity across runs, for code scanning (SARIF partialFingerprints) and GitLab Code
// Quality: the same problem keeps the same fingerprint when lines move or the run is repeated, so
// the platform tracks one alert instead of opening a new one per push. Made of what names the
// problem (cause, file, module, check, title with its numbers dropped), never of positions.
import { createHash } from 'node:crypto';
import type { Finding } from '../findings/finding.ts';

export function findingFingerprint(finding: Finding, file: string | undefined): string {
  const check = (finding as Finding & { check?: string }).check ?? '';
  // Titles can hold counts or sizes ("go.sum has 3 duplicate lines"): numbers would change the id.
  const title = finding.title.replace(/\d+(?:\.\d+)?/g, '#');
  return createHash('sha256')
    .update([finding.cause, file ?? '', finding.module ?? '', check, title].join('\u0000'))
    .digest('hex')
    .slice(0, 32);
}
