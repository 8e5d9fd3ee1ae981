// A module required on several lines: one line at the highest version (the one the go command
// uses). Equals `go mod edit -require=PATH@HIGHEST`, which keeps the first line (with its
// comments) at that version and drops the others.
import { compare } from '../../module/semver.ts';
import { currentModFile, findingPath } from '../locate.ts';
import { printEdited, removeLines, setLastToken } from '../modedit.ts';
import { defineRepair, type RepairStep } from '../types.ts';

export default defineRepair({
  id: 'gomod-merge-duplicates',
  kind: 'gomod',
  causes: ['duplicate-requirement'],
  summary: {
    en: 'merge the lines of a module required more than once, at the highest version',
    'zh-CN': '合并重复 require 的同一模块，保留最高版本',
  },
  equals: 'go mod edit -require=PATH@HIGHEST',
  plan(ctx) {
    const steps: RepairStep[] = [];
    for (const finding of ctx.findings) {
      const path = findingPath(ctx, finding);
      const module = finding.module;
      if (!path || !module) continue;
      const file = currentModFile(ctx, path);
      const reqs = file?.require.filter((r) => r.path === module) ?? [];
      if (!file || reqs.length < 2) continue;
      const highest = reqs.map((r) => r.version).reduce((a, b) => (compare(a, b) >= 0 ? a : b));
      setLastToken(reqs[0]!.syntax, highest);
      removeLines(file, new Set(reqs.slice(1).map((r) => r.syntax)));
      steps.push({ finding, files: [ctx.files.write(path, printEdited(file))] });
    }
    return steps;
  },
});
