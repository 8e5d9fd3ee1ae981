// Which hosts git reaches over ssh because of `url.<base>.insteadOf` rules, and what ssh needs
// for them: the go command runs ssh with BatchMode=yes, so a missing key, agent or known_hosts
// entry is an immediate "Permission denied (publickey)" / "Host key verification failed".
import { createHmac } from 'node:crypto';
import type { Finding } from '../../../findings/finding.ts';
import type { Message } from '../../../i18n/lang.ts';
import { say } from '../../../i18n/lang.ts';
import type { HomeFacts } from '../../facts.ts';
import { defineCheck } from '../../types.ts';

const m = {
  ruleTitle: {
    en: ({ prefix, base }) => `git rewrites ${prefix} to ${base}`,
    'zh-CN': ({ prefix, base }) => `git 把 ${prefix} 改写为 ${base}`,
  } satisfies Message<{ prefix: string; base: string }>,
  rule: {
    en: ({ origin }) =>
      `Every module fetched from its repository under that prefix goes over ssh (rule from ${origin}).`,
    'zh-CN': ({ origin }) => `该前缀下直接从仓库获取的模块都会走 ssh（规则来自 ${origin}）。`,
  } satisfies Message<{ origin: string }>,
  noKeyTitle: {
    en: ({ host }) => `git uses ssh for ${host}, but there is no ssh key or agent`,
    'zh-CN': ({ host }) => `git 对 ${host} 使用 ssh，但没有 ssh 密钥或 agent`,
  } satisfies Message<{ host: string }>,
  noKey: {
    en: ({ host }) =>
      `Fetches from ${host} fail with "Permission denied (publickey)" (the go command runs ssh with BatchMode=yes, so nothing asks for a password).`,
    'zh-CN': ({ host }) =>
      `从 ${host} 获取会报错 "Permission denied (publickey)"（go 命令以 BatchMode=yes 运行 ssh，不会询问密码）。`,
  } satisfies Message<{ host: string }>,
  keyFix: {
    en: 'Create a key and add its public half to your account on the host',
    'zh-CN': '生成密钥并把公钥添加到该主机上的账户',
  },
  unknownHostTitle: {
    en: ({ host }) => `${host} is not in ~/.ssh/known_hosts`,
    'zh-CN': ({ host }) => `${host} 不在 ~/.ssh/known_hosts 中`,
  } satisfies Message<{ host: string }>,
  unknownHost: {
    en: ({ host }) =>
      `The first fetch from ${host} fails with "Host key verification failed": in BatchMode ssh cannot ask whether to trust the host.`,
    'zh-CN': ({ host }) =>
      `第一次从 ${host} 获取会报错 "Host key verification failed"：BatchMode 下 ssh 无法询问是否信任该主机。`,
  } satisfies Message<{ host: string }>,
  hostFix: {
    en: "Record the host key (check its fingerprint against the host's documentation)",
    'zh-CN': '记录主机密钥（请对照主机官方文档核对指纹）',
  },
};

/** The ssh host (and port) of a git URL base, or undefined when it is not ssh. */
function sshHostOf(base: string): { host: string; port?: string } | undefined {
  const ssh = /^(?:git\+)?ssh:\/\/(?:[^@/]+@)?(\[[^\]]+\]|[^:/]+)(?::(\d+))?/.exec(base);
  if (ssh) return { host: ssh[1]!.replace(/^\[|\]$/g, ''), ...(ssh[2] ? { port: ssh[2] } : {}) };
  if (base.includes('://')) return undefined;
  // scp-like syntax: [user@]host:path
  const scp = /^(?:[^@/:]+@)?([^:/]+):/.exec(base);
  return scp ? { host: scp[1]! } : undefined;
}

function knowsHost(home: HomeFacts, host: string, port?: string): boolean {
  const name = port && port !== '22' ? `[${host}]:${port}` : host;
  if (home.ssh.knownHosts.some((h) => h === name || h === host)) return true;
  return home.ssh.hashedHosts.some(({ salt, hash }) =>
    createHmac('sha1', salt).update(name).digest().equals(hash),
  );
}

export default defineCheck({
  id: 'git/ssh-hosts',
  area: 'git',
  needs: ['gitconfig', 'home'],
  causes: ['git-ssh-auth'],
  async run({ facts, lang }) {
    const [config, home] = await Promise.all([facts.gitconfig(), facts.home()]);
    const findings: Finding[] = [];
    const hosts = new Map<string, string | undefined>();
    for (const entry of config.entries) {
      const match = /^url\.(.+)\.insteadof$/.exec(entry.key);
      if (!match) continue;
      const base = match[1]!;
      const target = sshHostOf(base);
      if (!target) continue;
      hosts.set(target.host, target.port);
      findings.push({
        cause: 'git-ssh-auth',
        severity: 'info',
        title: say(m.ruleTitle, lang, { prefix: entry.value, base }),
        message: say(m.rule, lang, { origin: entry.origin }),
        evidence: [{ source: 'git config', text: `${entry.key}=${entry.value}` }],
        docs: ['https://go.dev/doc/faq#git_https'],
      });
    }
    for (const [host, port] of hosts) {
      if (home.ssh.keys.length === 0 && !home.ssh.agent) {
        findings.push({
          cause: 'git-ssh-auth',
          severity: 'warning',
          title: say(m.noKeyTitle, lang, { host }),
          message: say(m.noKey, lang, { host }),
          evidence: [{ source: 'ssh', text: `${home.ssh.dir}: no id_* key; SSH_AUTH_SOCK not usable` }],
          fixes: [{ description: say(m.keyFix, lang), command: 'ssh-keygen -t ed25519' }],
        });
      }
      if (!knowsHost(home, host, port)) {
        findings.push({
          cause: 'git-ssh-auth',
          severity: 'warning',
          title: say(m.unknownHostTitle, lang, { host }),
          message: say(m.unknownHost, lang, { host }),
          fixes: [
            {
              description: say(m.hostFix, lang),
              command: `ssh-keyscan ${port ? `-p ${port} ` : ''}${host} >> ~/.ssh/known_hosts`,
            },
          ],
        });
      }
    }
    return findings;
  },
});
