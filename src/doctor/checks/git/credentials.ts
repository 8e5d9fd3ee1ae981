// Credentials git may use for module hosts: ~/.netrc entries (used by the go command itself for
// proxies and by git over https), credential helpers, tokens embedded in insteadOf URLs. Secrets
// are never read into a finding: only which hosts have entries, and whether they are complete.
import type { Finding } from '../../../findings/finding.ts';
import type { Message } from '../../../i18n/lang.ts';
import { say } from '../../../i18n/lang.ts';
import { defineCheck } from '../../types.ts';

const INTERACTIVE_HELPERS =
  /^(manager|manager-core|osxkeychain|wincred|libsecret|gnome-keyring)$|git-credential-manager/;

const m = {
  incompleteTitle: {
    en: ({ host }) => `~/.netrc entry for ${host} has no password`,
    'zh-CN': ({ host }) => `~/.netrc 中 ${host} 的条目没有密码`,
  } satisfies Message<{ host: string }>,
  incomplete: {
    en: ({ host, path }) =>
      `${path} names ${host} but gives no password (or token): requests to ${host} go out without credentials and fail with 401/403 or "terminal prompts disabled".`,
    'zh-CN': ({ host, path }) =>
      `${path} 中有 ${host}，但没有密码（或令牌）：对 ${host} 的请求不带凭据，会返回 401/403 或报错 "terminal prompts disabled"。`,
  } satisfies Message<{ host: string; path: string }>,
  netrcFix: {
    en: 'Add "login USER password TOKEN" to the entry',
    'zh-CN': '在该条目中补上 "login USER password TOKEN"',
  },
  readableTitle: { en: '~/.netrc can be read by other users', 'zh-CN': '~/.netrc 可被其他用户读取' },
  readable: {
    en: ({ path }) => `${path} holds passwords or tokens and is readable by group or others.`,
    'zh-CN': ({ path }) => `${path} 中保存着密码或令牌，但同组用户或其他用户可读。`,
  } satisfies Message<{ path: string }>,
  chmod: { en: 'Make it private', 'zh-CN': '设为仅本人可读' },
  hostsTitle: {
    en: ({ n }) => `~/.netrc has credentials for ${n} host${n === 1 ? '' : 's'}`,
    'zh-CN': ({ n }) => `~/.netrc 中有 ${n} 个主机的凭据`,
  } satisfies Message<{ n: number }>,
  hosts: {
    en: ({ list }) => `Used by the go command (proxies, go-get discovery) and by git over https: ${list}.`,
    'zh-CN': ({ list }) => `go 命令（代理、go-get 发现）和 git（https）都会使用：${list}。`,
  } satisfies Message<{ list: string }>,
  helperTitle: {
    en: ({ helper }) => `git credential helper "${helper}" may wait for a person`,
    'zh-CN': ({ helper }) => `git 凭据助手 "${helper}" 可能会等待人工操作`,
  } satisfies Message<{ helper: string }>,
  helper: {
    en: ({ origin }) =>
      `Set in ${origin}. When its store is locked or it wants a browser login, a go command started from a script, an IDE or CI waits without a visible prompt.`,
    'zh-CN': ({ origin }) =>
      `设置于 ${origin}。当其存储被锁定或需要浏览器登录时，由脚本、IDE 或 CI 启动的 go 命令会在看不到提示的情况下一直等待。`,
  } satisfies Message<{ origin: string }>,
  tokenTitle: { en: 'A git URL rewrite carries credentials', 'zh-CN': 'git URL 改写规则中带有凭据' },
  token: {
    en: ({ origin }) =>
      `A url.*.insteadOf rule in ${origin} embeds a user and password or token in the URL: it works, but the secret is in plain text in a config file and shows up in error messages.`,
    'zh-CN': ({ origin }) =>
      `${origin} 中的 url.*.insteadOf 规则在 URL 里写入了用户名和密码或令牌：可以工作，但密钥以明文保存在配置文件中，并会出现在错误信息里。`,
  } satisfies Message<{ origin: string }>,
  tokenFix: { en: 'Prefer a credential helper or ~/.netrc', 'zh-CN': '建议改用凭据助手或 ~/.netrc' },
};

export default defineCheck({
  id: 'git/credentials',
  area: 'git',
  needs: ['gitconfig', 'home'],
  causes: ['git-auth-required', 'credential-helper-hang'],
  async run({ facts, lang }) {
    const [config, home] = await Promise.all([facts.gitconfig(), facts.home()]);
    const findings: Finding[] = [];
    const netrc = home.netrc;
    if (netrc) {
      for (const entry of netrc.entries) {
        if (entry.machine === undefined || entry.hasPassword) continue;
        findings.push({
          cause: 'git-auth-required',
          severity: 'warning',
          title: say(m.incompleteTitle, lang, { host: entry.machine }),
          message: say(m.incomplete, lang, { host: entry.machine, path: netrc.path }),
          location: { file: netrc.path, line: entry.line },
          fixes: [{ description: say(m.netrcFix, lang) }],
          docs: ['https://go.dev/ref/mod#private-module-proxy-auth'],
        });
      }
      if ((netrc.mode & 0o077) !== 0 && netrc.entries.some((e) => e.hasPassword)) {
        findings.push({
          cause: 'git-auth-required',
          severity: 'warning',
          title: say(m.readableTitle, lang),
          message: say(m.readable, lang, { path: netrc.path }),
          evidence: [{ source: 'stat', text: `${netrc.path} mode ${netrc.mode.toString(8)}` }],
          fixes: [{ description: say(m.chmod, lang), command: `chmod 600 ${netrc.path}` }],
        });
      }
      const hosts = netrc.entries
        .filter((e) => e.machine !== undefined && e.hasPassword)
        .map((e) => e.machine!);
      if (hosts.length > 0) {
        findings.push({
          cause: 'git-auth-required',
          severity: 'info',
          title: say(m.hostsTitle, lang, { n: hosts.length }),
          message: say(m.hosts, lang, { list: hosts.join(', ') }),
        });
      }
    }
    for (const entry of config.entries) {
      if (entry.key === 'credential.helper' || /^credential\..+\.helper$/.test(entry.key)) {
        const helper = entry.value.trim().split(/\s+/)[0] ?? '';
        if (INTERACTIVE_HELPERS.test(helper)) {
          findings.push({
            cause: 'credential-helper-hang',
            severity: 'info',
            title: say(m.helperTitle, lang, { helper }),
            message: say(m.helper, lang, { origin: entry.origin }),
            evidence: [{ source: 'git config', text: `${entry.key}=${entry.value}` }],
          });
        }
      }
      const rewrite = /^url\.(.+)\.insteadof$/.exec(entry.key);
      if (
        rewrite &&
        /^[a-z][a-z0-9+.-]*:\/\/[^/@\s]+@/i.test(rewrite[1]!) &&
        /:\/\/[^/@:\s]+:[^/@\s]+@|:\/\/[^/@:\s]{20,}@/.test(rewrite[1]!)
      ) {
        findings.push({
          cause: 'git-auth-required',
          severity: 'info',
          title: say(m.tokenTitle, lang),
          message: say(m.token, lang, { origin: entry.origin }),
          fixes: [{ description: say(m.tokenFix, lang) }],
        });
      }
    }
    return findings;
  },
});
