// Requirement lines that the go command tolerates but that mislead people and tools: the same
// module required twice, an exclude that hits the very version required (the go command then
// has to look up the next version over the network), a retract interval written backwards.
import type { Finding } from '../../../findings/finding.ts';
import type { Message } from '../../../i18n/lang.ts';
import { say } from '../../../i18n/lang.ts';
import { compare } from '../../../module/semver.ts';
import { lineEvidence, locationAt } from '../../evidence.ts';
import { defineCheck } from '../../types.ts';
import { projectModules } from './modules.ts';

const m = {
  dupTitle: {
    en: ({ path }) => `${path} is required more than once`,
    'zh-CN': ({ path }) => `${path} 被重复 require`,
  } satisfies Message<{ path: string }>,
  dup: {
    en: ({ path, lines, chosen }) =>
      `${path} is required on lines ${lines}. The go command uses the highest version (${chosen}) and go mod tidy merges the lines; people and tools reading go.mod may see the wrong one.`,
    'zh-CN': ({ path, lines, chosen }) =>
      `${path} 在第 ${lines} 行被 require。go 命令使用最高版本（${chosen}），go mod tidy 会合并这些行；但阅读 go.mod 的人和工具可能看到错误的版本。`,
  } satisfies Message<{ path: string; lines: string; chosen: string }>,
  dupFix: { en: 'Merge the lines', 'zh-CN': '合并重复行' },
  excludeTitle: {
    en: ({ path, version }) => `${path} ${version} is both required and excluded`,
    'zh-CN': ({ path, version }) => `${path} ${version} 同时被 require 和 exclude`,
  } satisfies Message<{ path: string; version: string }>,
  exclude: {
    en: ({ path, version }) =>
      `go.mod requires ${path} ${version} and excludes the same version, so the go command moves the requirement to the next version that is not excluded: that needs the network and changes go.mod ("updates to go.mod needed" under -mod=readonly).`,
    'zh-CN': ({ path, version }) =>
      `go.mod require 了 ${path} ${version}，又 exclude 了同一版本，go 命令会把依赖改到下一个未被排除的版本：这需要联网并修改 go.mod（在 -mod=readonly 下报 "updates to go.mod needed"）。`,
  } satisfies Message<{ path: string; version: string }>,
  excludeFix: { en: 'Require a version that is not excluded', 'zh-CN': 'require 一个未被排除的版本' },
  retractTitle: { en: 'retract interval is written backwards', 'zh-CN': 'retract 区间的上下界写反了' },
  retract: {
    en: ({ low, high }) => `[${low}, ${high}] has its low end above its high end, so it retracts nothing.`,
    'zh-CN': ({ low, high }) => `[${low}, ${high}] 的下界高于上界，不会撤回任何版本。`,
  } satisfies Message<{ low: string; high: string }>,
  retractFix: { en: 'Write the lower version first', 'zh-CN': '把较低的版本写在前面' },
};

export default defineCheck({
  id: 'project/requirements',
  area: 'project',
  needs: ['project'],
  causes: ['duplicate-requirement', 'go-mod-needs-update', 'invalid-version-syntax'],
  async run({ facts, lang }) {
    const project = await facts.project();
    const findings: Finding[] = [];
    for (const module of projectModules(project)) {
      const file = module.parsed.file;
      const byPath = new Map<string, typeof file.require>();
      for (const r of file.require) byPath.set(r.path, [...(byPath.get(r.path) ?? []), r]);
      for (const [path, reqs] of byPath) {
        if (reqs.length < 2) continue;
        const chosen = reqs.map((r) => r.version).reduce((a, b) => (compare(a, b) >= 0 ? a : b));
        const second = reqs[1]!;
        findings.push({
          cause: 'duplicate-requirement',
          severity: 'warning',
          title: say(m.dupTitle, lang, { path }),
          message: say(m.dup, lang, { path, lines: reqs.map((r) => r.pos.line).join(', '), chosen }),
          module: path,
          version: chosen,
          location: locationAt(module.gomod, second.pos),
          evidence: reqs.flatMap((r) => lineEvidence(module.gomod, r.pos.line)),
          fixes: [
            {
              description: say(m.dupFix, lang),
              command: `go mod edit -droprequire=${path} -require=${path}@${chosen} && go mod tidy`,
            },
          ],
          docs: ['https://go.dev/ref/mod#go-mod-file-require'],
        });
      }
      for (const e of file.exclude) {
        const hit = byPath.get(e.path)?.find((r) => r.version === e.version);
        if (!hit) continue;
        findings.push({
          cause: 'go-mod-needs-update',
          severity: 'warning',
          title: say(m.excludeTitle, lang, { path: e.path, version: e.version }),
          message: say(m.exclude, lang, { path: e.path, version: e.version }),
          module: e.path,
          version: e.version,
          location: locationAt(module.gomod, e.pos),
          evidence: [...lineEvidence(module.gomod, hit.pos.line), ...lineEvidence(module.gomod, e.pos.line)],
          fixes: [{ description: say(m.excludeFix, lang), command: `go get ${e.path}@latest` }],
          docs: ['https://go.dev/ref/mod#go-mod-file-exclude'],
        });
      }
      for (const r of file.retract) {
        if (compare(r.low, r.high) <= 0) continue;
        findings.push({
          cause: 'invalid-version-syntax',
          severity: 'warning',
          title: say(m.retractTitle, lang),
          message: say(m.retract, lang, { low: r.low, high: r.high }),
          location: locationAt(module.gomod, r.pos),
          evidence: lineEvidence(module.gomod, r.pos.line),
          fixes: [{ description: say(m.retractFix, lang) }],
          docs: ['https://go.dev/ref/mod#go-mod-file-retract'],
        });
      }
    }
    return findings;
  },
});
