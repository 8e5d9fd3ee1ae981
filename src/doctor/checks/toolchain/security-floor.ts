// The local go against the go command's own security fixes for fetching modules (data in
// src/doctor/data/security-floor.ts): a release older than its line's fix trusts a module proxy or
// checksum database more than it should. That matters when GOPROXY or GOSUMDB points anywhere but
// Google's defaults, so only then is it a finding. Pinning GOTOOLCHAIN does not help: the base go
// downloads the toolchain through the same checks.

import { parseGoProxy } from '../../../goenv/goproxy.ts';
import { parseGoSumDb } from '../../../goenv/gosumdb.ts';
import { compareGoVersions } from '../../../goenv/gover.ts';
import type { Message } from '../../../i18n/lang.ts';
import { say } from '../../../i18n/lang.ts';
import { SECURITY_FLOOR, type SecurityAdvisory } from '../../data/security-floor.ts';
import { settingEvidence } from '../../evidence.ts';
import { defineCheck } from '../../types.ts';

const m = {
  title: {
    en: ({ local }) => `Go ${local} lacks security fixes for fetching modules through a third-party proxy`,
    'zh-CN': ({ local }) => `Go ${local} 缺少经第三方代理获取模块相关的安全修复`,
  } satisfies Message<{ local: string }>,
  message: {
    en: ({ local, list, target, settings, updated }) =>
      `Go ${local} predates the fixes for ${list}. With ${settings} pointing at a server other than the defaults, that server could serve modules the checksum database never saw, and this go would accept them (the same holds for toolchain downloads: pinning GOTOOLCHAIN does not help). Upgrade the installed Go to ${target} or later, then re-derive go.sum to find out whether anything unexpected was accepted. (Advisory table updated ${updated}.)`,
    'zh-CN': ({ local, list, target, settings, updated }) =>
      `Go ${local} 早于 ${list} 的修复。${settings} 指向默认值以外的服务器时，该服务器可以提供校验和数据库从未记录过的模块，而这个 go 会接受它们（工具链下载同样如此：固定 GOTOOLCHAIN 没有用）。请把安装的 Go 升级到 ${target} 或更高版本，然后重新生成 go.sum，检查是否接受过异常内容。（安全公告表更新于 ${updated}。）`,
  } satisfies Message<{ local: string; list: string; target: string; settings: string; updated: string }>,
  advisory: {
    en: ({ id, summary, fixed }) => `${id} (${summary}; fixed in ${fixed})`,
    'zh-CN': ({ id, summary, fixed }) => `${id}（${summary}；已在 ${fixed} 修复）`,
  } satisfies Message<{ id: string; summary: string; fixed: string }>,
  upgrade: {
    en: ({ target }) =>
      `Install Go ${target} or later (https://go.dev/dl/; a distribution package or CI image of that release)`,
    'zh-CN': ({ target }) =>
      `安装 Go ${target} 或更高版本（https://go.dev/dl/；或该版本的发行版软件包、CI 镜像）`,
  } satisfies Message<{ target: string }>,
  recheck: {
    en: 'Then re-derive go.sum (the check the Go team recommends) and verify the module cache',
    'zh-CN': '然后重新生成 go.sum（Go 团队建议的检查方法）并校验模块缓存',
  },
};

const GOOGLE_PROXY = 'https://proxy.golang.org';

/** The minor release and the version of a go version string (`go1.26.2` → 26, `1.26.2`). */
function splitVersion(version: string): { minor: number; version: string } | undefined {
  const match = /^(?:go)?1\.(\d+)(\.\d+)?/.exec(version.trim());
  if (!match) return undefined;
  return { minor: Number(match[1]), version: `1.${match[1]}${match[2] ?? '.0'}` };
}

/** The release that fixes `advisory` on the line of `minor`, or undefined when that line has none. */
function fixOnLine(advisory: SecurityAdvisory, minor: number): string | undefined {
  if (minor >= advisory.fixedFromLine) return `1.${minor}.0`;
  return advisory.fixedIn.find((v) => splitVersion(v)?.minor === minor);
}

/** The advisories `version` is not fixed for, and the release that fixes all of them. */
export function missingSecurityFixes(
  version: string,
): { advisories: SecurityAdvisory[]; target: string } | undefined {
  const local = splitVersion(version);
  if (!local) return undefined;
  const missing: SecurityAdvisory[] = [];
  let target: string | undefined;
  let lineHasFix = true;
  for (const advisory of SECURITY_FLOOR.advisories) {
    const fix = fixOnLine(advisory, local.minor);
    if (fix && compareGoVersions(local.version, fix) >= 0) continue;
    missing.push(advisory);
    if (!fix) lineHasFix = false;
    else if (!target || compareGoVersions(fix, target) > 0) target = fix;
  }
  if (missing.length === 0) return undefined;
  // A line without the fix (too old, no longer maintained): the oldest line that has every fix.
  if (!lineHasFix) {
    const lines = SECURITY_FLOOR.advisories.flatMap((a) => a.fixedIn.map((v) => splitVersion(v)!));
    const newestByLine = new Map<number, string>();
    for (const l of lines) {
      const known = newestByLine.get(l.minor);
      if (!known || compareGoVersions(l.version, known) > 0) newestByLine.set(l.minor, l.version);
    }
    const complete = [...newestByLine.entries()]
      .filter(([minor]) => SECURITY_FLOOR.advisories.every((a) => fixOnLine(a, minor)))
      .sort((a, b) => b[0] - a[0]);
    target = complete[0]?.[1] ?? `1.${Math.max(...SECURITY_FLOOR.advisories.map((a) => a.fixedFromLine))}.0`;
  }
  return { advisories: missing, target: target! };
}

export default defineCheck({
  id: 'toolchain/security-floor',
  area: 'toolchain',
  needs: ['go', 'goenv'],
  causes: ['go-security-floor'],
  async run({ facts, lang }) {
    const [go, env] = await Promise.all([facts.go(), facts.goenv()]);
    const localName = go.found?.version ?? (env?.values.GOVERSION || undefined);
    if (!localName || !env) return [];
    const local = localName.replace(/^go/, '').split(/\s/)[0]!;
    const missing = missingSecurityFixes(local);
    if (!missing) return [];
    const goproxy = env.setting('GOPROXY');
    const gosumdb = env.setting('GOSUMDB');
    const proxy = parseGoProxy(goproxy.value);
    const thirdPartyProxy =
      proxy.ok && proxy.entries.some((e) => e.kind === 'url' && e.url?.replace(/\/+$/, '') !== GOOGLE_PROXY);
    const sumdb = parseGoSumDb(gosumdb.value);
    // sum.golang.google.cn is Google's own mirror of sum.golang.org.
    const thirdPartySumdb =
      sumdb.ok &&
      sumdb.kind !== 'off' &&
      !(
        sumdb.name === 'sum.golang.org' &&
        (sumdb.url === undefined || sumdb.url === 'https://sum.golang.google.cn')
      );
    if (!thirdPartyProxy && !thirdPartySumdb) return [];
    const settings = [thirdPartyProxy ? 'GOPROXY' : '', thirdPartySumdb ? 'GOSUMDB' : '']
      .filter(Boolean)
      .join(' / ');
    const list = missing.advisories
      .map((a) => say(m.advisory, lang, { id: a.id, summary: a.summary[lang], fixed: a.fixedIn.join(' / ') }))
      .join(lang === 'zh-CN' ? '；' : ', ');
    return [
      {
        cause: 'go-security-floor',
        severity: 'warning',
        title: say(m.title, lang, { local }),
        message: say(m.message, lang, {
          local,
          list,
          target: missing.target,
          settings,
          updated: SECURITY_FLOOR.updated,
        }),
        evidence: [
          { source: 'go version', text: localName },
          ...(thirdPartyProxy ? settingEvidence(goproxy, lang) : []),
          ...(thirdPartySumdb ? settingEvidence(gosumdb, lang) : []),
        ],
        fixes: [
          { description: say(m.upgrade, lang, { target: missing.target }) },
          {
            description: say(m.recheck, lang),
            command: 'rm -r go.sum go.work.sum vendor/ && go mod tidy && go mod verify',
          },
        ],
        docs: [...new Set(missing.advisories.flatMap((a) => a.links))],
      },
    ];
  },
});
