// A godebug setting that the running Go removed, set to its old value: from Go 1.27 every go
// command refuses the file. The line goes. Equals `go mod edit -dropgodebug=KEY` (or
// `go work edit`). The finding may come from the doctor (a location) or from a transcript
// (`go.mod:5: removed GODEBUG "asynctimerchan" set to old value "1"`).
import { join } from 'node:path';
import type { Finding } from '../../findings/finding.ts';
import { currentModFile, findingPath, onLine, originalModFile } from '../locate.ts';
import { printEdited, removeLines } from '../modedit.ts';
import { defineRepair, type RepairContext, type RepairStep } from '../types.ts';

const REMOVED = /(?:^|\s)(go\.(?:mod|work)):\d+: removed GODEBUG "([^"]+)"/;

function transcriptLine(finding: Finding): RegExpExecArray | undefined {
  for (const text of [...(finding.evidence ?? []).map((e) => e.text), finding.message]) {
    const match = REMOVED.exec(text);
    if (match) return match;
  }
  return undefined;
}

function target(ctx: RepairContext, finding: Finding): { path: string; key?: string } | undefined {
  const path = findingPath(ctx, finding);
  if (path) {
    const key =
      originalModFile(ctx, path)?.godebug.find((g) => onLine(g.syntax, finding))?.key ??
      finding.fixes?.map((f) => /-dropgodebug=(\S+)/.exec(f.command ?? '')?.[1]).find(Boolean) ??
      transcriptLine(finding)?.[2];
    return { path, ...(key ? { key } : {}) };
  }
  const match = transcriptLine(finding);
  if (!match) return undefined;
  const dir =
    match[1] === 'go.work'
      ? ctx.project.workspace && join(ctx.project.workspace.file.path, '..')
      : ctx.project.main?.dir;
  return dir ? { path: join(dir, match[1]!), key: match[2]! } : undefined;
}

export default defineRepair({
  id: 'gomod-drop-removed-godebug',
  kind: 'gomod',
  causes: ['godebug-removed'],
  summary: {
    en: 'drop a godebug setting that the Go release in use has removed',
    'zh-CN': '删除当前 Go 版本已移除的 godebug 设置',
  },
  equals: 'go mod edit -dropgodebug=KEY',
  plan(ctx) {
    const steps: RepairStep[] = [];
    for (const finding of ctx.findings) {
      const at = target(ctx, finding);
      if (!at?.key) continue;
      const file = currentModFile(ctx, at.path);
      if (!file) continue;
      const drop = new Set(file.godebug.filter((g) => g.key === at.key).map((g) => g.syntax));
      if (drop.size === 0) continue;
      removeLines(file, drop);
      steps.push({ finding, files: [ctx.files.write(at.path, printEdited(file))] });
    }
    return steps;
  },
});
