// Where a finding points, as the plan needs it: the absolute file, and the directive on that line
// of the file as it was when the plan started (later repairs may have moved the lines since).
import { resolve } from 'node:path';
import type { Finding } from '../findings/finding.ts';
import type { Line, ModFile, ModfileKind } from '../modfile/index.ts';
import { parseForEdit } from './modedit.ts';
import type { RepairContext } from './types.ts';

export function findingPath(ctx: RepairContext, finding: Finding): string | undefined {
  const file = finding.location?.file;
  return file === undefined ? undefined : resolve(ctx.project.cwd, file);
}

function fileKind(path: string): ModfileKind | undefined {
  if (path.endsWith('go.work')) return 'go.work';
  if (path.endsWith('go.mod')) return 'go.mod';
  return undefined;
}

/** The file as it was at planning time, parsed; undefined when it is no go.mod/go.work or does not parse. */
export function originalModFile(ctx: RepairContext, path: string): ModFile | undefined {
  const kind = fileKind(path);
  const bytes = ctx.files.original(path);
  if (!kind || !bytes) return undefined;
  return parseForEdit(bytes, kind, ctx.project.release);
}

/** The staged file (with the edits of the repairs before), parsed for the next edit. */
export function currentModFile(ctx: RepairContext, path: string): ModFile | undefined {
  const kind = fileKind(path);
  const bytes = ctx.files.read(path);
  if (!kind || !bytes) return undefined;
  return parseForEdit(bytes, kind, ctx.project.release);
}

/** Whether a directive's syntax line covers the finding's line. */
export function onLine(line: Line, finding: Finding): boolean {
  const at = finding.location?.line;
  return at !== undefined && line.start.line <= at && at <= line.end.line;
}

/** The findings (those that pass `keep`) grouped by the file they point at, in order. */
export function byFile(
  ctx: RepairContext,
  keep: (f: Finding) => boolean = () => true,
): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const finding of ctx.findings) {
    const path = findingPath(ctx, finding);
    if (!path || !keep(finding)) continue;
    out.set(path, [...(out.get(path) ?? []), finding]);
  }
  return out;
}
