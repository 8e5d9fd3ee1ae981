// go.sum lines the go command cannot read (a wrong field count, a merge-conflict marker, a
// malformed hash, an invalid path or version) and exact duplicates: dropped, every other line kept
// as it is. Two different hashes for one module version are left alone: which one is right is for
// the checksum database to say, not for us.
import { parseGoSum, type SumProblemKind } from '../../gosum/index.ts';
import { byFile } from '../locate.ts';
import { dropLines, sumLines } from '../sumlines.ts';
import { defineRepair, type RepairStep } from '../types.ts';

const DROPPED: ReadonlySet<SumProblemKind> = new Set([
  'wrong-field-count',
  'merge-conflict-marker',
  'invalid-module-path',
  'invalid-version',
  'noncanonical-version',
  'malformed-hash',
  'unknown-hash-algorithm',
  'duplicate-line',
]);

export default defineRepair({
  id: 'gosum-drop-bad-lines',
  kind: 'gosum',
  causes: ['go-sum-malformed'],
  summary: {
    en: 'drop malformed and duplicate go.sum lines (conflicting hashes are left for the checksum database)',
    'zh-CN': '删除 go.sum 中格式错误和重复的行（互相冲突的哈希留给校验和数据库判断）',
  },
  plan(ctx) {
    const steps: RepairStep[] = [];
    for (const [path, [finding, ...also]] of byFile(ctx, (f) =>
      /(^|\/)go\.(work\.)?sum$/.test(f.location?.file ?? ''),
    )) {
      const bytes = ctx.files.read(path);
      if (!bytes) continue;
      const parsed = parseGoSum(bytes, path, { maxProblems: Number.MAX_SAFE_INTEGER });
      const drop = new Set(parsed.problems.filter((p) => DROPPED.has(p.kind)).map((p) => p.line));
      if (drop.size === 0) continue;
      const next = dropLines(sumLines(bytes), drop).join('');
      steps.push({ finding: finding!, also, files: [ctx.files.write(path, Buffer.from(next, 'utf8'))] });
    }
    return steps;
  },
});
