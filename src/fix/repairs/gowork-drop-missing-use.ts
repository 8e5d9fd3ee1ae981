// A `use` of a directory that is not there: the go command stops on it. Equals
// `go work edit -dropuse=DIR` (every use of that directory goes).
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { currentModFile, findingPath, onLine, originalModFile } from '../locate.ts';
import { printEdited, removeLines } from '../modedit.ts';
import { defineRepair, type RepairStep } from '../types.ts';

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

export default defineRepair({
  id: 'gowork-drop-missing-use',
  kind: 'gowork',
  causes: ['workspace-mismatch'],
  summary: {
    en: 'remove a go.work use of a directory that does not exist',
    'zh-CN': '删除 go.work 中指向不存在目录的 use',
  },
  equals: 'go work edit -dropuse=DIR',
  plan(ctx) {
    const steps: RepairStep[] = [];
    for (const finding of ctx.findings) {
      const path = findingPath(ctx, finding);
      if (!path?.endsWith('go.work')) continue;
      const use = originalModFile(ctx, path)?.use.find((u) => onLine(u.syntax, finding));
      if (!use || isDirectory(resolve(dirname(path), use.path))) continue;
      const file = currentModFile(ctx, path);
      if (!file) continue;
      const drop = new Set(file.use.filter((u) => u.path === use.path).map((u) => u.syntax));
      if (drop.size === 0) continue;
      removeLines(file, drop);
      steps.push({ finding, files: [ctx.files.write(path, printEdited(file))] });
    }
    return steps;
  },
});
