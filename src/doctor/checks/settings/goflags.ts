// GOFLAGS: words the go command rejects (every command then fails), and module flags that change
// behaviour far from where they were set: -mod=vendor without vendor/, -mod=mod in CI (silent
// go.mod rewrites), -modfile, the deprecated -insecure.
import type { Finding } from '../../../findings/finding.ts';
import { knownModuleFlags, splitGoFlags } from '../../../goenv/goflags.ts';
import type { Message } from '../../../i18n/lang.ts';
import { say } from '../../../i18n/lang.ts';
import { setSettingFixes, settingEvidence } from '../../evidence.ts';
import { defineCheck } from '../../types.ts';

const m = {
  invalidTitle: { en: 'GOFLAGS cannot be parsed', 'zh-CN': 'GOFLAGS 无法解析' },
  invalid: {
    en: ({ error }) => `Every go command stops with: ${error}`,
    'zh-CN': ({ error }) => `每个 go 命令都会报错：${error}`,
  } satisfies Message<{ error: string }>,
  modInvalidTitle: { en: 'GOFLAGS has an invalid -mod value', 'zh-CN': 'GOFLAGS 中的 -mod 取值无效' },
  vendorTitle: {
    en: 'GOFLAGS=-mod=vendor but the module has no vendor directory',
    'zh-CN': 'GOFLAGS=-mod=vendor，但模块没有 vendor 目录',
  },
  vendor: {
    en: 'Every build looks for packages in vendor/ and fails with "cannot find module providing package" or "import lookup disabled by -mod=vendor".',
    'zh-CN':
      '每次构建都在 vendor/ 中找包，会报错 "cannot find module providing package" 或 "import lookup disabled by -mod=vendor"。',
  },
  modModTitle: { en: 'GOFLAGS=-mod=mod in CI', 'zh-CN': 'CI 中设置了 GOFLAGS=-mod=mod' },
  modMod: {
    en: 'In CI, -mod=mod lets every command rewrite go.mod and go.sum silently, so a build can pass with files that differ from the commit (and fetch modules nobody reviewed).',
    'zh-CN':
      '在 CI 中，-mod=mod 允许每个命令悄悄改写 go.mod 和 go.sum，构建可能在与提交不一致的文件上通过（并下载未经审查的模块）。',
  },
  noteTitle: {
    en: ({ flag }) => `GOFLAGS sets ${flag}`,
    'zh-CN': ({ flag }) => `GOFLAGS 设置了 ${flag}`,
  } satisfies Message<{ flag: string }>,
  modfile: {
    en: ({ file }) =>
      `Every go command reads ${file} instead of go.mod: edits to go.mod seem to have no effect.`,
    'zh-CN': ({ file }) => `每个 go 命令都读取 ${file} 而不是 go.mod：修改 go.mod 看起来不起作用。`,
  } satisfies Message<{ file: string }>,
  insecure: {
    en: '-insecure is deprecated (removed from go get in Go 1.17) and skips TLS verification; GOINSECURE is the supported way to allow plain HTTP for named hosts.',
    'zh-CN':
      '-insecure 已弃用（Go 1.17 起 go get 不再支持）且跳过 TLS 校验；应使用 GOINSECURE 为指定主机允许明文 HTTP。',
  },
  fix: { en: 'Remove the flag from GOFLAGS', 'zh-CN': '从 GOFLAGS 中删除该标志' },
};

function isCI(env: Record<string, string | undefined>): boolean {
  return ['CI', 'GITHUB_ACTIONS', 'GITLAB_CI', 'BUILDKITE', 'JENKINS_URL', 'TF_BUILD', 'CIRCLECI'].some(
    (k) => {
      const v = env[k];
      return v !== undefined && v !== '' && v !== 'false' && v !== '0';
    },
  );
}

export default defineCheck({
  id: 'settings/goflags',
  area: 'settings',
  needs: ['goenv', 'project', 'go'],
  causes: ['goflags-invalid'],
  async run({ facts, lang, options }) {
    const env = await facts.goenv();
    if (!env) return [];
    const setting = env.setting('GOFLAGS');
    if (setting.value.trim() === '') return [];
    const version = (await facts.go()).found?.version?.replace(/^go/, '') ?? '1.25';
    const evidence = settingEvidence(setting, lang);
    const docs = ['https://pkg.go.dev/cmd/go#hdr-Environment_variables'];
    const fixes = setSettingFixes(setting, undefined, say(m.fix, lang), lang);
    const split = splitGoFlags(setting.value, version);
    if (!split.ok) {
      return [
        {
          cause: 'goflags-invalid',
          severity: 'error',
          title: say(m.invalidTitle, lang),
          message: say(m.invalid, lang, { error: split.error }),
          evidence,
          fixes,
          docs,
        },
      ];
    }
    const project = await facts.project();
    const findings: Finding[] = [];
    for (const note of knownModuleFlags(split.flags)) {
      switch (note.kind) {
        case 'mod-invalid':
          findings.push({
            cause: 'goflags-invalid',
            severity: 'error',
            title: say(m.modInvalidTitle, lang),
            message: note.message,
            evidence,
            fixes,
            docs,
          });
          break;
        case 'mod-vendor':
          if (project.main && !project.main.hasVendorDir) {
            findings.push({
              cause: 'goflags-invalid',
              severity: 'error',
              title: say(m.vendorTitle, lang),
              message: say(m.vendor, lang),
              evidence,
              fixes,
              docs,
            });
          }
          break;
        case 'mod-mod':
          if (isCI(options.env)) {
            findings.push({
              cause: 'goflags-invalid',
              severity: 'warning',
              title: say(m.modModTitle, lang),
              message: say(m.modMod, lang),
              evidence,
              fixes,
              docs,
            });
          }
          break;
        case 'modfile':
          findings.push({
            cause: 'goflags-invalid',
            severity: 'warning',
            title: say(m.noteTitle, lang, { flag: note.flag }),
            message: say(m.modfile, lang, { file: note.value ?? '?' }),
            evidence,
            fixes,
            docs,
          });
          break;
        case 'insecure':
          findings.push({
            cause: 'goflags-invalid',
            severity: 'warning',
            title: say(m.noteTitle, lang, { flag: note.flag }),
            message: say(m.insecure, lang),
            evidence,
            fixes,
            docs,
          });
          break;
        default:
          break;
      }
    }
    return findings;
  },
});
