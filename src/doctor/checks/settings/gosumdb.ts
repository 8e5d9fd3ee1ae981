// GOSUMDB: a value the go command rejects, or `off` (no checksum verification for public
// modules: a security risk, not a failure).
import { parseGoSumDb } from '../../../goenv/gosumdb.ts';
import type { Message } from '../../../i18n/lang.ts';
import { say } from '../../../i18n/lang.ts';
import { setSettingFixes, settingEvidence } from '../../evidence.ts';
import { defineCheck } from '../../types.ts';

const m = {
  invalidTitle: { en: 'GOSUMDB cannot be used', 'zh-CN': 'GOSUMDB 无法使用' },
  invalid: {
    en: ({ error }) => `Verifying any new module fails with: ${error}`,
    'zh-CN': ({ error }) => `校验任何新模块都会报错：${error}`,
  } satisfies Message<{ error: string }>,
  offTitle: { en: 'Checksum verification is off (GOSUMDB=off)', 'zh-CN': '已关闭校验和验证（GOSUMDB=off）' },
  off: {
    en: 'New modules are not checked against the public checksum database, so a tampered or moved tag goes unnoticed on first download. To skip private modules only, list them in GOPRIVATE or GONOSUMDB instead.',
    'zh-CN':
      '新模块不再与公共校验和数据库核对，首次下载时被篡改或被移动的标签不会被发现。如果只是想跳过私有模块，请改用 GOPRIVATE 或 GONOSUMDB 列出它们。',
  },
  useDefault: { en: 'Turn verification back on', 'zh-CN': '重新开启校验' },
};

export default defineCheck({
  id: 'settings/gosumdb',
  area: 'settings',
  needs: ['goenv'],
  causes: ['sumdb-unreachable', 'gosumdb-disabled'],
  async run({ facts, lang }) {
    const env = await facts.goenv();
    if (!env) return [];
    const setting = env.setting('GOSUMDB');
    const evidence = settingEvidence(setting, lang);
    const fixes = setSettingFixes(setting, undefined, say(m.useDefault, lang), lang);
    const docs = ['https://go.dev/ref/mod#checksum-database'];
    const parsed = parseGoSumDb(setting.value);
    if (!parsed.ok) {
      return [
        {
          cause: 'sumdb-unreachable',
          severity: 'error',
          title: say(m.invalidTitle, lang),
          message: say(m.invalid, lang, { error: parsed.error }),
          evidence,
          fixes,
          docs,
        },
      ];
    }
    if (parsed.kind === 'off') {
      return [
        {
          cause: 'gosumdb-disabled',
          severity: 'warning',
          title: say(m.offTitle, lang),
          message: say(m.off, lang),
          evidence,
          fixes,
          docs,
        },
      ];
    }
    return [];
  },
});
