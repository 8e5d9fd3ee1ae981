// Versions written short (v1.2 for v1.2.0, v1 for v1.0.0): written out in full, as
// `go mod edit -fmt` does (it prints every version in canonical form). One edit per file.
import { byFile, currentModFile } from '../locate.ts';
import { printEdited } from '../modedit.ts';
import { defineRepair, type RepairStep } from '../types.ts';

export default defineRepair({
  id: 'gomod-canonical-versions',
  kind: 'gomod',
  causes: ['invalid-version-syntax'],
  summary: {
    en: 'write short versions in full (v1.2 → v1.2.0)',
    'zh-CN': '把简写的版本号写全（v1.2 → v1.2.0）',
  },
  equals: 'go mod edit -fmt',
  plan(ctx) {
    const steps: RepairStep[] = [];
    for (const [path, [finding, ...also]] of byFile(
      ctx,
      (f) =>
        // Only the findings whose fix is the canonical form (a backwards retract interval is not).
        f.fixes?.some((x) => x.command === 'go mod edit -fmt') === true,
    )) {
      const file = currentModFile(ctx, path);
      if (!file) continue;
      steps.push({ finding: finding!, also, files: [ctx.files.write(path, printEdited(file))] });
    }
    return steps;
  },
});
