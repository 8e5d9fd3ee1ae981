// GO111MODULE=off turns modules off: GOPROXY, GOPRIVATE and go.mod are then ignored.
import type { Message } from '../../../i18n/lang.ts';
import { say } from '../../../i18n/lang.ts';
import { setSettingFixes, settingEvidence } from '../../evidence.ts';
import { defineCheck } from '../../types.ts';

const m = {
  offTitle: { en: 'Modules are turned off (GO111MODULE=off)', 'zh-CN': '模块模式已关闭（GO111MODULE=off）' },
  off: {
    en: 'The go command works in GOPATH mode: go.mod, GOPROXY and GOPRIVATE are ignored, and "go get pkg@version" fails with "can only use path@version syntax with \'go get\' and \'go install\' in module-aware mode".',
    'zh-CN':
      'go 命令处于 GOPATH 模式：go.mod、GOPROXY、GOPRIVATE 都被忽略，"go get pkg@version" 会报错 "can only use path@version syntax with \'go get\' and \'go install\' in module-aware mode"。',
  },
  badTitle: {
    en: ({ value }) => `GO111MODULE=${value} is not a valid value`,
    'zh-CN': ({ value }) => `GO111MODULE=${value} 不是合法值`,
  } satisfies Message<{ value: string }>,
  bad: {
    en: 'Valid values are on, off and auto (or empty); the go command stops with "unknown environment setting GO111MODULE".',
    'zh-CN': '合法值为 on、off、auto（或空）；go 命令会报错 "unknown environment setting GO111MODULE"。',
  },
  unset: { en: 'Use the default (modules on)', 'zh-CN': '使用默认值（开启模块模式）' },
};

export default defineCheck({
  id: 'settings/go111module',
  area: 'settings',
  needs: ['goenv'],
  causes: ['gopath-mode'],
  async run({ facts, lang }) {
    const env = await facts.goenv();
    if (!env) return [];
    const setting = env.setting('GO111MODULE');
    const value = setting.value;
    const docs = ['https://go.dev/ref/mod#mod-commands'];
    if (value === 'off') {
      return [
        {
          cause: 'gopath-mode',
          severity: 'error',
          docs,
          title: say(m.offTitle, lang),
          message: say(m.off, lang),
          evidence: settingEvidence(setting, lang),
          fixes: setSettingFixes(setting, undefined, say(m.unset, lang), lang),
        },
      ];
    }
    if (value !== '' && value !== 'on' && value !== 'auto') {
      return [
        {
          cause: 'gopath-mode',
          severity: 'error',
          docs,
          title: say(m.badTitle, lang, { value }),
          message: say(m.bad, lang),
          evidence: settingEvidence(setting, lang),
          fixes: setSettingFixes(setting, undefined, say(m.unset, lang), lang),
        },
      ];
    }
    return [];
  },
});
