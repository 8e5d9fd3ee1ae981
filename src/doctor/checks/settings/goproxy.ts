// GOPROXY: a value the go command rejects, `off`, only `direct` (every lookup is a VCS round
// trip), plain-HTTP proxies for remote hosts, and `,` where `|` was probably meant.
import type { Finding } from '../../../findings/finding.ts';
import { parseGoProxy } from '../../../goenv/goproxy.ts';
import type { Message } from '../../../i18n/lang.ts';
import { say } from '../../../i18n/lang.ts';
import { setSettingFixes, settingEvidence } from '../../evidence.ts';
import { defineCheck } from '../../types.ts';

const m = {
  invalidTitle: { en: 'GOPROXY cannot be used', 'zh-CN': 'GOPROXY 无法使用' },
  invalid: {
    en: ({ error }) => `Every download fails with: ${error}`,
    'zh-CN': ({ error }) => `每次下载都会报错：${error}`,
  } satisfies Message<{ error: string }>,
  offTitle: { en: 'GOPROXY=off: module downloads are disabled', 'zh-CN': 'GOPROXY=off：已禁止下载模块' },
  off: {
    en: 'Any module that is not in the module cache fails with "module lookup disabled by GOPROXY=off". Fine for air-gapped builds with a filled cache; otherwise a forgotten setting.',
    'zh-CN':
      '任何不在模块缓存中的模块都会报错 "module lookup disabled by GOPROXY=off"。对于缓存已填好的离线构建这没问题，否则多半是忘了改回来。',
  },
  directTitle: {
    en: 'GOPROXY=direct: every module comes straight from its repository',
    'zh-CN': 'GOPROXY=direct：所有模块都直接从源仓库获取',
  },
  direct: {
    en: "Each lookup runs git (or another VCS) against the module's host: much slower than a proxy, looks hung on large graphs, and needs access and credentials for every host.",
    'zh-CN':
      '每次查找都会对模块所在主机运行 git（或其他版本控制工具）：比代理慢得多，大型依赖图看起来像卡住，而且需要能访问每个主机并有凭据。',
  },
  httpTitle: {
    en: ({ url }) => `GOPROXY uses plain HTTP: ${url}`,
    'zh-CN': ({ url }) => `GOPROXY 使用明文 HTTP：${url}`,
  } satisfies Message<{ url: string }>,
  http: {
    en: 'Requests and answers travel unencrypted: anyone on the path sees which modules you use. Checksums still protect the content unless GOSUMDB is off.',
    'zh-CN':
      '请求和响应均未加密：链路上的任何人都能看到你使用了哪些模块。只要 GOSUMDB 没有关闭，校验和仍能保护内容。',
  },
  commaTitle: {
    en: 'GOPROXY falls through only on "not found"',
    'zh-CN': 'GOPROXY 只在 "not found" 时才尝试下一个',
  },
  comma: {
    en: ({ first }) =>
      `Entries are separated by ",": when ${first} is down or times out, the go command stops instead of trying the next entry. Use "|" to fall through on any error.`,
    'zh-CN': ({ first }) =>
      `各项用 "," 分隔：当 ${first} 不可用或超时时，go 命令会直接失败而不是尝试下一项。用 "|" 分隔则任何错误都会尝试下一项。`,
  } satisfies Message<{ first: string }>,
  useDefault: { en: 'Use the default proxy', 'zh-CN': '使用默认代理' },
  usePipe: { en: 'Fall through on any error', 'zh-CN': '任何错误都尝试下一项' },
  useHttps: { en: "Use the proxy's https:// address", 'zh-CN': '使用代理的 https:// 地址' },
};

const LOOPBACK = /^http:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?(\/|$)/i;

export default defineCheck({
  id: 'settings/goproxy',
  area: 'settings',
  needs: ['goenv'],
  causes: ['goproxy-invalid', 'goproxy-off', 'goproxy-direct-slow', 'goproxy-no-fallback'],
  async run({ facts, lang }) {
    const env = await facts.goenv();
    if (!env) return [];
    const setting = env.setting('GOPROXY');
    const evidence = settingEvidence(setting, lang);
    const docs = ['https://go.dev/ref/mod#goproxy-protocol'];
    // A Go 1.21+ install whose $GOROOT/go.env is missing has no default: the go command reports ''.
    const parsed = parseGoProxy(setting.value);
    const defaultFix = setSettingFixes(
      setting,
      'https://proxy.golang.org,direct',
      say(m.useDefault, lang),
      lang,
    );
    if (!parsed.ok) {
      return [
        {
          cause: 'goproxy-invalid',
          severity: 'error',
          title: say(m.invalidTitle, lang),
          message: say(m.invalid, lang, { error: parsed.error }),
          evidence,
          fixes: defaultFix,
          docs,
        },
      ];
    }
    const entries = parsed.entries;
    const findings: Finding[] = [];
    if (entries[0]?.kind === 'off') {
      findings.push({
        cause: 'goproxy-off',
        severity: 'warning',
        title: say(m.offTitle, lang),
        message: say(m.off, lang),
        evidence,
        fixes: defaultFix,
        docs,
      });
    } else if (entries.length === 1 && entries[0]?.kind === 'direct') {
      findings.push({
        cause: 'goproxy-direct-slow',
        severity: 'warning',
        title: say(m.directTitle, lang),
        message: say(m.direct, lang),
        evidence,
        fixes: defaultFix,
        docs,
      });
    }
    for (const entry of entries) {
      if (entry.kind === 'url' && entry.url?.startsWith('http://') && !LOOPBACK.test(entry.url)) {
        findings.push({
          cause: 'goproxy-invalid',
          severity: 'info',
          title: say(m.httpTitle, lang, { url: entry.url }),
          message: say(m.http, lang),
          evidence,
          docs,
          fixes: [{ description: say(m.useHttps, lang) }],
        });
      }
    }
    const urls = entries.filter((e) => e.kind === 'url');
    const first = urls[0];
    if (urls.length >= 2 && first && !first.fallBackOnError) {
      const suggested = setting.value.replace(/,/g, '|');
      findings.push({
        cause: 'goproxy-no-fallback',
        severity: 'info',
        title: say(m.commaTitle, lang),
        message: say(m.comma, lang, { first: first.raw ?? first.url ?? '' }),
        evidence,
        docs,
        fixes: setSettingFixes(setting, suggested, say(m.usePipe, lang), lang),
      });
    }
    return findings;
  },
});
