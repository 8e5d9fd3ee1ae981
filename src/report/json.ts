// The machine form (contract.md): exactly one JSON document on standard output.
import type { Report } from '../findings/finding.ts';
import { redactDeep } from '../findings/redact.ts';

export function renderJson(report: Report): string {
  return `${JSON.stringify(redactDeep(report), null, 2)}\n`;
}
