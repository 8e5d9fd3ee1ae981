// vendor/modules.txt against go.mod. With a vendor directory and go >= 1.14 in go.mod, vendor
// mode is on by default, and the go command refuses to build when the two disagree
// ("inconsistent vendoring").
import type { Finding } from '../../../findings/finding.ts';
import { compareGoVersions } from '../../../goenv/gover.ts';
import type { Message } from '../../../i18n/lang.ts';
import { say } from '../../../i18n/lang.ts';
import { parseModulesTxt } from '../../../modfile/modules-txt.ts';
import { lineEvidence, locationAt } from '../../evidence.ts';
import { defineCheck } from '../../types.ts';
import { projectModules } from './modules.ts';

const m = {
  title: { en: 'vendor/modules.txt does not match go.mod', 'zh-CN': 'vendor/modules.txt 与 go.mod 不一致' },
  message: {
    en: ({ details }) =>
      `Vendor mode is on (go.mod says go >= 1.14 and vendor/ exists), so the go command stops with "inconsistent vendoring": ${details}`,
    'zh-CN': ({ details }) =>
      `vendor 模式已启用（go.mod 中 go >= 1.14 且存在 vendor/），go 命令会报错 "inconsistent vendoring"：${details}`,
  } satisfies Message<{ details: string }>,
  notVendored: {
    en: ({ path, version }) =>
      `${path}@${version} is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt`,
    'zh-CN': ({ path, version }) =>
      `${path}@${version} 在 go.mod 中被显式 require，但在 vendor/modules.txt 中未标记为 explicit`,
  } satisfies Message<{ path: string; version: string }>,
  otherVersion: {
    en: ({ path, version, vendored }) =>
      `${path}@${version} is required in go.mod, but vendor/modules.txt has ${vendored}`,
    'zh-CN': ({ path, version, vendored }) =>
      `go.mod require 了 ${path}@${version}，但 vendor/modules.txt 中是 ${vendored}`,
  } satisfies Message<{ path: string; version: string; vendored: string }>,
  extra: {
    en: ({ path, version }) =>
      `${path}@${version} is marked as explicit in vendor/modules.txt, but not explicitly required in go.mod`,
    'zh-CN': ({ path, version }) =>
      `${path}@${version} 在 vendor/modules.txt 中标记为 explicit，但 go.mod 中没有显式 require`,
  } satisfies Message<{ path: string; version: string }>,
  noModulesTxt: {
    en: 'vendor/ exists but vendor/modules.txt does not',
    'zh-CN': '存在 vendor/ 目录但没有 vendor/modules.txt',
  },
  fix: { en: 'Rebuild vendor/ from go.mod', 'zh-CN': '按 go.mod 重新生成 vendor/' },
};

export default defineCheck({
  id: 'project/vendor',
  area: 'project',
  needs: ['project'],
  causes: ['inconsistent-vendoring'],
  async run({ facts, lang }) {
    const project = await facts.project();
    const findings: Finding[] = [];
    for (const module of projectModules(project)) {
      if (!module.hasVendorDir) continue;
      const file = module.parsed.file;
      const goVersion = file.go?.version ?? '1.11';
      if (compareGoVersions(goVersion, '1.14') < 0) continue;
      const details: Array<{ text: string; line?: number; column?: number }> = [];
      if (!module.vendorModules) {
        if (file.require.length > 0) details.push({ text: say(m.noModulesTxt, lang) });
      } else {
        const vendored = parseModulesTxt(module.vendorModules.text);
        const byPath = new Map(vendored.filter((v) => v.version !== '').map((v) => [v.path, v]));
        const required = new Set<string>();
        for (const r of file.require) {
          required.add(`${r.path}@${r.version}`);
          const v = byPath.get(r.path);
          if (!v || (v.version === r.version && !v.explicit)) {
            details.push({
              text: say(m.notVendored, lang, { path: r.path, version: r.version }),
              line: r.pos.line,
            });
          } else if (v.version !== r.version) {
            details.push({
              text: say(m.otherVersion, lang, { path: r.path, version: r.version, vendored: v.version }),
              line: r.pos.line,
            });
          }
        }
        for (const v of vendored) {
          if (
            v.explicit &&
            v.version !== '' &&
            !required.has(`${v.path}@${v.version}`) &&
            !file.require.some((r) => r.path === v.path)
          ) {
            details.push({ text: say(m.extra, lang, { path: v.path, version: v.version }) });
          }
        }
      }
      if (details.length === 0) continue;
      const first = details.find((d) => d.line !== undefined);
      const firstReq = first ? file.require.find((r) => r.pos.line === first.line) : undefined;
      findings.push({
        cause: 'inconsistent-vendoring',
        severity: 'error',
        title: say(m.title, lang),
        message: say(m.message, lang, {
          details: details
            .slice(0, 5)
            .map((d) => d.text)
            .join('; '),
        }),
        location: firstReq ? locationAt(module.gomod, firstReq.pathPos) : { file: module.gomod.rel },
        evidence: firstReq ? lineEvidence(module.gomod, firstReq.pos.line) : [],
        fixes: [{ description: say(m.fix, lang), command: 'go mod vendor' }],
        docs: ['https://go.dev/ref/mod#vendoring'],
      });
    }
    return findings;
  },
});
