// A replace by a local directory: dropped for a release (--release, or --only local-replace), and
// always when the directory is missing or has no go.mod. Equals `go mod edit -dropreplace=OLD[@V]`
// (or `go work edit` for go.work): every replace of that module path and version goes.
import { say } from '../../i18n/lang.ts';
import { currentModFile, findingPath, onLine, originalModFile } from '../locate.ts';
import { messages } from '../messages.ts';
import { printEdited, removeLines } from '../modedit.ts';
import { defineRepair, type RepairStep } from '../types.ts';

export default defineRepair({
  id: 'gomod-drop-local-replace',
  kind: 'gomod',
  causes: ['local-replace', 'replace-target-missing'],
  summary: {
    en: 'drop a replace by a local directory (for a release; or when the directory is missing)',
    'zh-CN': '删除指向本地目录的 replace（发布时；或目录不存在时）',
  },
  equals: 'go mod edit -dropreplace=OLD[@VERSION]',
  plan(ctx) {
    const steps: RepairStep[] = [];
    for (const finding of ctx.findings) {
      // Inside a project, a local replace is how people work on two modules at once: only the
      // release gate makes it something to repair.
      if (finding.cause === 'local-replace' && !ctx.release && finding.severity !== 'error') continue;
      const path = findingPath(ctx, finding);
      if (!path) continue;
      const old = originalModFile(ctx, path)?.replace.find((r) => onLine(r.syntax, finding));
      if (old?.new.version !== '') continue;
      const file = currentModFile(ctx, path);
      if (!file) continue;
      const drop = new Set(
        file.replace
          .filter((r) => r.old.path === old.old.path && r.old.version === old.old.version)
          .map((r) => r.syntax),
      );
      if (drop.size === 0) continue;
      removeLines(file, drop);
      const target = old.old.version ? `${old.old.path}@${old.old.version}` : old.old.path;
      steps.push({
        finding,
        files: [ctx.files.write(path, printEdited(file))],
        note: say(messages.dropReplaceNote, ctx.lang, { target }),
      });
    }
    return steps;
  },
});
