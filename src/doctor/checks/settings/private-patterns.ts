// GOPRIVATE, GONOPROXY, GONOSUMDB, GOINSECURE: patterns that silently never match (a URL scheme,
// spaces, a bad glob), patterns so broad that they cover public hosts (GOPRIVATE=github.com
// turns checksum verification off for all of GitHub and sends every GitHub module around the
// proxy), patterns that match nothing this project uses, and dependencies on hosts that look
// private but are not covered (they will be asked of the public proxy and checksum database).
import type { Finding } from '../../../findings/finding.ts';
import { parseGoProxy } from '../../../goenv/goproxy.ts';
import { matchPrefixPatterns, patternIssues } from '../../../goenv/patterns.ts';
import { effectivePrivacySettings, resolvePrivacy } from '../../../goenv/private.ts';
import type { Message } from '../../../i18n/lang.ts';
import { say } from '../../../i18n/lang.ts';
import { PUBLIC_CODE_HOSTS } from '../../../module/hosts.ts';
import {
  type PrivateEvidenceKind,
  type PrivateLooking,
  privateLooking,
} from '../../../module/private-looking.ts';
import { setSettingFixes, settingEvidence } from '../../evidence.ts';
import { networkRequirements } from '../../network.ts';
import { defineCheck } from '../../types.ts';
import { projectModules } from '../project/modules.ts';

const NAMES = ['GOPRIVATE', 'GONOPROXY', 'GONOSUMDB', 'GOINSECURE'] as const;

const m = {
  issueTitle: {
    en: ({ name, entry }) => `${name} entry "${entry}" never matches`,
    'zh-CN': ({ name, entry }) => `${name} 中的 "${entry}" 永远不会匹配`,
  } satisfies Message<{ name: string; entry: string }>,
  caseTitle: {
    en: ({ name, entry }) => `${name} entry "${entry}" has upper-case letters`,
    'zh-CN': ({ name, entry }) => `${name} 中的 "${entry}" 含有大写字母`,
  } satisfies Message<{ name: string; entry: string }>,
  issue: {
    en: ({ detail }) =>
      `${detail}. Patterns are comma-separated module path prefixes (globs), like "git.corp.example.com,github.com/myorg".`,
    'zh-CN': ({ detail }) =>
      `${detail}。模式是以逗号分隔的模块路径前缀（可用通配符），例如 "git.corp.example.com,github.com/myorg"。`,
  } satisfies Message<{ detail: string }>,
  fixPattern: {
    en: 'Write module path prefixes, without scheme or spaces',
    'zh-CN': '写成模块路径前缀，不要带协议和空格',
  },
  sumdbBroadTitle: {
    en: ({ name, host }) => `${name} turns checksum verification off for all of ${host}`,
    'zh-CN': ({ name, host }) => `${name} 关闭了整个 ${host} 的校验和验证`,
  } satisfies Message<{ name: string; host: string }>,
  sumdbBroad: {
    en: ({ host }) =>
      `Every module on ${host} skips the public checksum database, so a tampered or moved tag is not noticed. Name your own organisation instead (e.g. ${host}/your-org).`,
    'zh-CN': ({ host }) =>
      `${host} 上的所有模块都不再核对公共校验和数据库，被篡改或移动的标签不会被发现。请只写你自己的组织（例如 ${host}/your-org）。`,
  } satisfies Message<{ host: string }>,
  proxyBroadTitle: {
    en: ({ name, host }) => `${name} sends every ${host} module around the proxy`,
    'zh-CN': ({ name, host }) => `${name} 让所有 ${host} 模块绕过代理`,
  } satisfies Message<{ name: string; host: string }>,
  proxyBroad: {
    en: ({ host }) =>
      `Every module on ${host} is fetched with git straight from ${host}: slow (looks hung on large graphs), rate-limited, and needs credentials for private repositories only. Name your own organisation instead (e.g. ${host}/your-org).`,
    'zh-CN': ({ host }) =>
      `${host} 上的所有模块都直接用 git 从 ${host} 获取：很慢（大型依赖图看起来像卡住），会被限流。请只写你自己的组织（例如 ${host}/your-org）。`,
  } satisfies Message<{ host: string }>,
  narrowFix: { en: 'Limit the pattern to your own organisation', 'zh-CN': '把模式限制在你自己的组织' },
  unusedTitle: {
    en: ({ name, entry }) => `${name} entry "${entry}" matches none of this project's modules`,
    'zh-CN': ({ name, entry }) => `${name} 中的 "${entry}" 不匹配本项目的任何模块`,
  } satisfies Message<{ name: string; entry: string }>,
  unused: {
    en: 'Not a problem by itself; check for a typo if you expected it to cover one of the requirements.',
    'zh-CN': '这本身不是问题；如果你希望它覆盖某个依赖，请检查是否有拼写错误。',
  },
  uncoveredTitle: {
    en: ({ path }) => `${path} looks private but is not covered by GOPRIVATE`,
    'zh-CN': ({ path }) => `${path} 看起来是私有模块，但未被 GOPRIVATE 覆盖`,
  } satisfies Message<{ path: string }>,
  uncovered: {
    en: ({ path, proxy }) =>
      `The go command will ask ${proxy} and the public checksum database for ${path}; they cannot see it and answer 404/410 ("reading https://proxy.golang.org/...: 410 Gone").`,
    'zh-CN': ({ path, proxy }) =>
      `go 命令会向 ${proxy} 和公共校验和数据库查询 ${path}；它们看不到这个模块，会返回 404/410（"reading https://proxy.golang.org/...: 410 Gone"）。`,
  } satisfies Message<{ path: string; proxy: string }>,
  uncoveredSumdb: {
    en: ({ path, sumdb }) =>
      `The go command will check ${path} against the checksum database ${sumdb}, which cannot see it: "verifying module: ... 404 Not Found" / "410 Gone".`,
    'zh-CN': ({ path, sumdb }) =>
      `go 命令会到校验和数据库 ${sumdb} 核对 ${path}，而它看不到这个模块："verifying module: ... 404 Not Found" / "410 Gone"。`,
  } satisfies Message<{ path: string; sumdb: string }>,
  why: {
    en: ({ why }) => `It looks private because ${why}.`,
    'zh-CN': ({ why }) => `判断为私有模块的依据：${why}。`,
  } satisfies Message<{ why: string }>,
  evidence: {
    suffix: {
      en: ({ detail }) => `its host is under a name that is not public (${detail})`,
      'zh-CN': ({ detail }) => `其主机位于非公共名称之下（${detail}）`,
    },
    label: {
      en: ({ detail }) =>
        `its host names an internal service or a self-hosted forge on a company domain (${detail})`,
      'zh-CN': ({ detail }) => `其主机名表明是内部服务或公司域名下自建的代码托管（${detail}）`,
    },
    gitconfig: {
      en: ({ detail }) => `git's config has credentials or a rewrite for it (${detail})`,
      'zh-CN': ({ detail }) => `git 配置中有它的凭据或改写规则（${detail}）`,
    },
    netrc: {
      en: ({ detail }) => `~/.netrc has an entry for its host (${detail})`,
      'zh-CN': ({ detail }) => `~/.netrc 中有其主机的条目（${detail}）`,
    },
  } satisfies Record<PrivateEvidenceKind, Message<{ detail: string }>>,
  alsoModules: {
    en: ({ modules }) => `The same holds for ${modules}.`,
    'zh-CN': ({ modules }) => `${modules} 同样如此。`,
  } satisfies Message<{ modules: string }>,
  coverFix: {
    en: ({ pattern }) => `Mark ${pattern} as private (no proxy, no checksum database)`,
    'zh-CN': ({ pattern }) => `把 ${pattern} 标记为私有（不走代理，也不查校验和数据库）`,
  } satisfies Message<{ pattern: string }>,
};

/** Proxies that serve only public code: they cannot fetch a private repository. */
const PUBLIC_PROXY_HOSTS = ['proxy.golang.org', 'goproxy.cn', 'goproxy.io', 'mirrors.aliyun.com'];

function isPublicProxy(url: string): boolean {
  const host = /^[a-z]+:\/\/([^/:]+)/i.exec(url)?.[1]?.toLowerCase();
  return host !== undefined && PUBLIC_PROXY_HOSTS.includes(host);
}

export default defineCheck({
  id: 'settings/private-patterns',
  area: 'settings',
  needs: ['goenv', 'project', 'gitconfig', 'home'],
  causes: [
    'goprivate-misconfigured',
    'gosumdb-disabled',
    'goproxy-direct-slow',
    'private-module-via-proxy',
    'sumdb-private-module',
  ],
  async run({ facts, lang }) {
    const env = await facts.goenv();
    if (!env) return [];
    const findings: Finding[] = [];
    const settings = Object.fromEntries(NAMES.map((n) => [n, env.setting(n)])) as Record<
      (typeof NAMES)[number],
      ReturnType<typeof env.setting>
    >;
    const docs = ['https://go.dev/ref/mod#private-modules'];
    for (const name of NAMES) {
      const setting = settings[name];
      for (const issue of patternIssues(setting.value)) {
        if (issue.kind === 'empty-entry') continue;
        const upper = issue.kind === 'uppercase';
        findings.push({
          cause: 'goprivate-misconfigured',
          severity: upper ? 'info' : 'warning',
          title: say(upper ? m.caseTitle : m.issueTitle, lang, { name, entry: issue.entry }),
          message: say(m.issue, lang, { detail: issue.message }),
          evidence: settingEvidence(setting, lang),
          fixes: [{ description: say(m.fixPattern, lang) }],
          docs,
        });
      }
    }
    const values = Object.fromEntries(NAMES.map((n) => [n, settings[n].value]));
    const effective = effectivePrivacySettings(values);
    // Which setting the effective list comes from, for the evidence and the fix.
    const sourceOf = (name: 'GONOPROXY' | 'GONOSUMDB') =>
      settings[name].value !== '' ? settings[name] : settings.GOPRIVATE;
    // A pattern that covers a host of public code whole is almost never meant.
    for (const host of PUBLIC_CODE_HOSTS) {
      const probe = `${host}/zz-any-owner/zz-any-repo`;
      if (matchPrefixPatterns(effective.GONOSUMDB, probe)) {
        const setting = sourceOf('GONOSUMDB');
        findings.push({
          cause: 'gosumdb-disabled',
          severity: 'warning',
          docs,
          title: say(m.sumdbBroadTitle, lang, { name: setting.name, host }),
          message: say(m.sumdbBroad, lang, { host }),
          evidence: settingEvidence(setting, lang),
          fixes: setSettingFixes(setting, `${host}/your-org`, say(m.narrowFix, lang), lang),
        });
      }
      if (matchPrefixPatterns(effective.GONOPROXY, probe)) {
        const setting = sourceOf('GONOPROXY');
        findings.push({
          cause: 'goproxy-direct-slow',
          severity: 'warning',
          docs,
          title: say(m.proxyBroadTitle, lang, { name: setting.name, host }),
          message: say(m.proxyBroad, lang, { host }),
          evidence: settingEvidence(setting, lang),
          fixes: setSettingFixes(setting, `${host}/your-org`, say(m.narrowFix, lang), lang),
        });
      }
    }
    const [project, config, home] = await Promise.all([facts.project(), facts.gitconfig(), facts.home()]);
    const modules = projectModules(project);
    const paths = new Set<string>();
    for (const mod of modules) {
      const file = mod.parsed.file;
      for (const r of file.require) paths.add(r.path);
      for (const r of file.replace) if (r.new.version) paths.add(r.new.path);
    }
    if (paths.size > 0) {
      const own = modules.map((mod) => mod.parsed.file.module?.path).filter((p): p is string => !!p);
      for (const name of NAMES) {
        const setting = settings[name];
        for (const entry of setting.value.split(',')) {
          if (entry.trim() === '' || patternIssues(entry).some((i) => i.kind !== 'uppercase')) continue;
          const used = [...paths, ...own].some((p) => matchPrefixPatterns(entry, p));
          if (used) continue;
          findings.push({
            cause: 'goprivate-misconfigured',
            severity: 'info',
            docs,
            title: say(m.unusedTitle, lang, { name, entry }),
            message: say(m.unused, lang),
            evidence: settingEvidence(setting, lang),
          });
        }
      }
      const proxy = parseGoProxy(env.setting('GOPROXY').value);
      const firstProxy = proxy.ok ? proxy.entries.find((e) => e.kind === 'url')?.url : undefined;
      // A company proxy may well fetch private code (with its own credentials); the public ones cannot.
      const publicProxy = firstProxy !== undefined && isPublicProxy(firstProxy);
      const sumdb = env.setting('GOSUMDB').value;
      const sumdbOn = sumdb !== 'off';
      const context = {
        gitConfig: config.entries,
        netrcMachines: (home.netrc?.entries ?? []).flatMap((e) => (e.machine ? [e.machine] : [])),
      };
      const byPattern = new Map<string, { looks: PrivateLooking; paths: string[]; viaProxy: boolean }>();
      for (const req of networkRequirements(project)) {
        const looks = privateLooking(req.path, context);
        if (!looks) continue;
        const privacy = resolvePrivacy(values, req.path);
        const viaProxy = publicProxy && !privacy.noProxy;
        const viaSumdb = sumdbOn && !privacy.noSumDb;
        if (!viaProxy && !viaSumdb) continue;
        const group = byPattern.get(looks.pattern) ?? { looks, paths: [], viaProxy: false };
        group.paths.push(req.path);
        group.viaProxy ||= viaProxy;
        byPattern.set(looks.pattern, group);
      }
      for (const { looks, paths: modulesOf, viaProxy } of byPattern.values()) {
        const setting = settings.GOPRIVATE;
        const path = modulesOf[0]!;
        const value = [setting.value, looks.pattern].filter((v) => v !== '').join(',');
        findings.push({
          cause: viaProxy ? 'private-module-via-proxy' : 'sumdb-private-module',
          severity: 'warning',
          docs,
          module: path,
          title: say(m.uncoveredTitle, lang, { path }),
          message: `${say(viaProxy ? m.uncovered : m.uncoveredSumdb, lang, {
            path,
            proxy: firstProxy ?? '',
            sumdb: sumdb || 'sum.golang.org',
          })} ${say(m.why, lang, { why: say(m.evidence[looks.kind], lang, { detail: looks.detail }) })}${
            modulesOf.length > 1
              ? ` ${say(m.alsoModules, lang, { modules: modulesOf.slice(1).join(', ') })}`
              : ''
          }`,
          evidence: [
            { source: 'heuristic', text: `${looks.kind}: ${looks.detail}` },
            ...settingEvidence(setting, lang),
          ],
          fixes: setSettingFixes(setting, value, say(m.coverFix, lang, { pattern: looks.pattern }), lang),
        });
      }
    }
    return findings;
  },
});
