// "I set it but it has no effect": a module setting written with `go env -w` (or in go.env) that
// an environment variable of the same name overrides. The go command never says so after the
// `go env -w` that wrote it.
import type { Finding } from '../../../findings/finding.ts';
import type { Message } from '../../../i18n/lang.ts';
import { say } from '../../../i18n/lang.ts';
import { settingEvidence } from '../../evidence.ts';
import { defineCheck } from '../../types.ts';

const WATCHED = [
  'GO111MODULE',
  'GOFLAGS',
  'GOPROXY',
  'GOSUMDB',
  'GOPRIVATE',
  'GONOPROXY',
  'GONOSUMDB',
  'GOINSECURE',
  'GOVCS',
  'GOTOOLCHAIN',
  'GOAUTH',
  'GOMODCACHE',
];

const m = {
  title: {
    en: ({ name }) => `${name} from go env -w is overridden by the environment`,
    'zh-CN': ({ name }) => `go env -w 设置的 ${name} 被环境变量覆盖`,
  } satisfies Message<{ name: string }>,
  message: {
    en: ({ name }) =>
      `The environment variable ${name} wins over the value written with go env -w, so changing it with go env -w has no effect here (and a process that does not inherit the variable — sudo, an IDE, a service — sees the other value).`,
    'zh-CN': ({ name }) =>
      `环境变量 ${name} 优先于 go env -w 写入的值，因此在这里用 go env -w 修改它不会生效（而不继承该环境变量的进程——sudo、IDE、服务——会看到另一个值）。`,
  } satisfies Message<{ name: string }>,
  fix: {
    en: 'Keep one of the two: remove the variable from your shell profile, or the go env -w value',
    'zh-CN': '两者只保留一个：从 shell 配置文件中删除该变量，或删除 go env -w 的值',
  },
};

export default defineCheck({
  id: 'settings/origins',
  area: 'settings',
  needs: ['goenv'],
  causes: ['setting-shadowed'],
  async run({ facts, lang }) {
    const env = await facts.goenv();
    if (!env) return [];
    const findings: Finding[] = [];
    for (const name of WATCHED) {
      const setting = env.setting(name);
      if (setting.origin !== 'environment' || !setting.shadowed.some((s) => s.origin === 'goenv-file'))
        continue;
      findings.push({
        cause: 'setting-shadowed',
        severity: 'info',
        title: say(m.title, lang, { name }),
        message: say(m.message, lang, { name }),
        evidence: settingEvidence(setting, lang),
        fixes: [
          { description: say(m.fix, lang), command: `unset ${name}` },
          { description: say(m.fix, lang), command: `go env -u ${name}` },
        ],
        docs: ['https://pkg.go.dev/cmd/go#hdr-Print_Go_environment_information'],
      });
    }
    return findings;
  },
});
