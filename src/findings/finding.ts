// The one shape that flows from checks, the transcript classifier and the tracer to every reporter.
// Its JSON form is the public contract (contract.md): add fields, never rename them.
import type { CauseId } from '../causes/catalog.ts';

export type Severity = 'error' | 'warning' | 'info';

export interface Evidence {
  /** Where the evidence comes from: 'transcript', 'go env', 'go.mod', 'process', ... */
  source: string;
  line?: number;
  text: string;
}

export interface Location {
  file: string;
  line?: number;
  /** 1-based, counting UTF-8 bytes like the go command. */
  column?: number;
}

export interface Fix {
  description: string;
  command?: string;
}

export interface Finding {
  /** An id from the cause catalog (causes.md), or 'unknown'. */
  cause: CauseId;
  severity: Severity;
  title: string;
  message: string;
  module?: string;
  version?: string;
  evidence?: Evidence[];
  location?: Location;
  fixes?: Fix[];
  docs?: string[];
}

export interface Report {
  tool: 'gomod-doctor';
  version: string;
  command: string;
  findings: Finding[];
  /** trace and attach only: the timeline of what the go command did. */
  events?: unknown[];
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Orders findings for display: errors before warnings before info; within a severity the producer's
 * order is kept (producers put the most likely root cause first), so the sort is stable.
 */
export function orderFindings(findings: readonly Finding[]): Finding[] {
  return findings
    .map((finding, index) => ({ finding, index }))
    .sort(
      (a, b) => SEVERITY_RANK[a.finding.severity] - SEVERITY_RANK[b.finding.severity] || a.index - b.index,
    )
    .map((entry) => entry.finding);
}

/** `--fail-on`: the least severe finding that fails the run (`never`: only usage errors do). */
export type FailOn = 'error' | 'warning' | 'never';

/** Exit status per the contract: 1 when anything is at error severity (or at the --fail-on level). */
export function exitStatusFor(findings: readonly Finding[], failOn: FailOn = 'error'): 0 | 1 {
  if (failOn === 'never') return 0;
  return findings.some((f) => f.severity === 'error' || (failOn === 'warning' && f.severity === 'warning'))
    ? 1
    : 0;
}
