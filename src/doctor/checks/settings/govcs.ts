// GOVCS: a value the go command rejects makes every direct fetch fail.
import { parseGoVcs } from '../../../goenv/govcs.ts';
import type { Message } from '../../../i18n/lang.ts';
import { say } from '../../../i18n/lang.ts';
import { setSettingFixes, settingEvidence } from '../../evidence.ts';
import { defineCheck } from '../../types.ts';

const m = {
  title: { en: 'GOVCS cannot be parsed', 'zh-CN': 'GOVCS 无法解析' },
  message: {
    en: ({ error }) => `Every fetch from a repository fails with: go: ${error}`,
    'zh-CN': ({ error }) => `每次从仓库获取都会报错：go: ${error}`,
  } satisfies Message<{ error: string }>,
  fix: {
    en: 'Correct GOVCS (pattern:vcs|vcs,...) or remove it',
    'zh-CN': '改正 GOVCS（pattern:vcs|vcs,...）或删除它',
  },
};

export default defineCheck({
  id: 'settings/govcs',
  area: 'settings',
  needs: ['goenv'],
  causes: ['vcs-disallowed'],
  async run({ facts, lang }) {
    const env = await facts.goenv();
    if (!env) return [];
    const setting = env.setting('GOVCS');
    const parsed = parseGoVcs(setting.value);
    if (parsed.ok) return [];
    return [
      {
        cause: 'vcs-disallowed',
        severity: 'error',
        title: say(m.title, lang),
        message: say(m.message, lang, { error: parsed.error }),
        evidence: settingEvidence(setting, lang),
        fixes: setSettingFixes(setting, undefined, say(m.fix, lang), lang),
        docs: ['https://go.dev/ref/mod#vcs-govcs'],
      },
    ];
  },
});
