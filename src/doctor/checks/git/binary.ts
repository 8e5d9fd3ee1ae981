// git is needed whenever a module is fetched straight from its repository (GOPROXY=direct, a
// GOPRIVATE host, a proxy that answers "not found" before `direct`).

import { parseGoProxy } from '../../../goenv/goproxy.ts';
import type { Message } from '../../../i18n/lang.ts';
import { say } from '../../../i18n/lang.ts';
import { defineCheck } from '../../types.ts';

const m = {
  missingTitle: { en: 'git is not installed', 'zh-CN': '未安装 git' },
  missing: {
    en: 'Modules fetched straight from their repository (GOPROXY direct, GOPRIVATE hosts) fail with "go: missing Git command".',
    'zh-CN':
      '直接从源仓库获取的模块（GOPROXY 中的 direct、GOPRIVATE 主机）会报错 "go: missing Git command"。',
  },
  install: { en: 'Install git', 'zh-CN': '安装 git' },
  brokenTitle: { en: 'git does not run', 'zh-CN': 'git 无法运行' },
  broken: {
    en: ({ error }) => `git --version failed: ${error}`,
    'zh-CN': ({ error }) => `git --version 执行失败：${error}`,
  } satisfies Message<{ error: string }>,
};

export default defineCheck({
  id: 'git/binary',
  area: 'git',
  needs: ['git', 'goenv'],
  causes: ['git-not-installed'],
  async run({ facts, lang }) {
    const git = await facts.git();
    if (git.installed && !git.error) return [];
    const env = await facts.goenv();
    const proxy = env
      ? parseGoProxy(
          env.setting('GOPROXY').value,
          env.setting('GONOPROXY').value || env.setting('GOPRIVATE').value,
        )
      : undefined;
    // Needed for sure when something goes direct; otherwise only as a fallback.
    const needed = !proxy?.ok || proxy.entries.some((e) => e.kind === 'direct' || e.kind === 'noproxy');
    if (!git.installed) {
      return [
        {
          cause: 'git-not-installed',
          severity: needed ? 'warning' : 'info',
          title: say(m.missingTitle, lang),
          message: say(m.missing, lang),
          fixes: [{ description: say(m.install, lang) }],
          docs: ['https://go.dev/doc/faq#git_https'],
        },
      ];
    }
    return [
      {
        cause: 'git-not-installed',
        severity: 'warning',
        title: say(m.brokenTitle, lang),
        message: say(m.broken, lang, { error: git.error ?? '' }),
      },
    ];
  },
});
