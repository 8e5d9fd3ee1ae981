// The plan as people and programs see it: text with unified diffs, or the JSON the contract gives
// (`{"repairs":[{"cause","finding","kind","files":[{"path","diff"}],"commands"}]}`, plus fields).
import type { Finding } from '../findings/finding.ts';
import { redactDeep, redactSecrets } from '../findings/redact.ts';
import { type Lang, say } from '../i18n/lang.ts';
import { VERSION } from '../version.ts';
import { messages } from './messages.ts';
import { planHasWork } from './plan.ts';
import type { Plan } from './types.ts';

export interface PlanJson {
  tool: 'gomod-doctor';
  version: string;
  command: 'fix';
  repairs: Array<{
    repair: string;
    cause: string;
    finding: Finding;
    kind: string;
    files: Array<{ path: string; diff: string }>;
    evict: string[];
    commands: string[];
    note?: string;
  }>;
  unrepaired: Finding[];
}

export function planJson(plan: Plan): PlanJson {
  return redactDeep({
    tool: 'gomod-doctor',
    version: VERSION,
    command: 'fix',
    repairs: plan.repairs.map((r) => ({
      repair: r.repair,
      cause: r.cause,
      finding: r.finding,
      kind: r.kind,
      files: r.files.map((f) => ({ path: f.display, diff: f.diff })),
      evict: r.evict,
      commands: r.commands,
      ...(r.note !== undefined ? { note: r.note } : {}),
    })),
    unrepaired: plan.unrepaired,
  });
}

interface Paint {
  bold(s: string): string;
  red(s: string): string;
  green(s: string): string;
  cyan(s: string): string;
  dim(s: string): string;
}

const plain: Paint = { bold: (s) => s, red: (s) => s, green: (s) => s, cyan: (s) => s, dim: (s) => s };

function colorDiff(diff: string, c: Paint): string {
  return diff
    .split('\n')
    .map((line) => {
      if (line.startsWith('+++') || line.startsWith('---')) return c.bold(line);
      if (line.startsWith('@@')) return c.cyan(line);
      if (line.startsWith('+')) return c.green(line);
      if (line.startsWith('-')) return c.red(line);
      return line;
    })
    .join('\n');
}

export function renderPlan(plan: Plan, lang: Lang, paint?: Paint): string {
  const c = paint ?? plain;
  const out: string[] = [];
  if (!planHasWork(plan)) out.push(say(messages.nothing, lang));
  plan.repairs.forEach((r, i) => {
    out.push(
      `${c.bold(`[${i + 1}] ${r.repair}`)}  ${say(messages.fixes, lang, { cause: r.cause, title: r.finding.title })}`,
    );
    for (const file of r.files) out.push(colorDiff(file.diff.replace(/\n$/, ''), c));
    if (r.evict.length > 0) {
      out.push(say(messages.evict, lang));
      for (const path of r.evict) out.push(`  ${path}`);
    }
    if (r.commands.length > 0) {
      out.push(say(messages.runYourself, lang));
      for (const command of r.commands) out.push(`  ${command}`);
    }
    if (r.note !== undefined) out.push(c.dim(r.note));
    out.push('');
  });
  if (plan.unrepaired.length > 0) {
    out.push(say(messages.unrepaired, lang, { n: plan.unrepaired.length }));
    for (const f of plan.unrepaired) out.push(`  - ${f.title} (${f.cause})`);
    out.push('');
  }
  if (planHasWork(plan)) out.push(say(messages.planned, lang, { n: plan.repairs.length }));
  return `${redactSecrets(out.join('\n'))}\n`;
}
