// A godebug setting the go command no longer knows (removed in a newer release) stops every
// build: the line goes. Equals `go mod edit -dropgodebug=KEY` (or `go work edit`).
import { currentModFile, findingPath, onLine, originalModFile } from '../locate.ts';
import { printEdited, removeLines } from '../modedit.ts';
import { defineRepair, type RepairStep } from '../types.ts';

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
      const path = findingPath(ctx, finding);
      if (!path) continue;
      // The key: from the directive on the finding's line, else from the fix the finding gives.
      const key =
        originalModFile(ctx, path)?.godebug.find((g) => onLine(g.syntax, finding))?.key ??
        finding.fixes?.map((f) => /-dropgodebug=(\S+)/.exec(f.command ?? '')?.[1]).find(Boolean);
      if (!key) continue;
      const file = currentModFile(ctx, path);
      if (!file) continue;
      const drop = new Set(file.godebug.filter((g) => g.key === key).map((g) => g.syntax));
      if (drop.size === 0) continue;
      removeLines(file, drop);
      steps.push({ finding, files: [ctx.files.write(path, printEdited(file))] });
    }
    return steps;
  },
});
