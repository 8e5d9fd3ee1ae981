// Environment variables that undo what the go command does to keep git from waiting for a
// person: it sets GIT_TERMINAL_PROMPT=0, GCM_INTERACTIVE=never and an ssh command with
// BatchMode=yes only when the user has not set them. A user value turns a clear failure into a
// prompt that nobody sees, behind the go command's own output: a hang.
import type { Finding } from '../../../findings/finding.ts';
import type { Message } from '../../../i18n/lang.ts';
import { say } from '../../../i18n/lang.ts';
import { defineCheck } from '../../types.ts';

const m = {
  promptTitle: {
    en: ({ value }) => `GIT_TERMINAL_PROMPT=${value} lets git ask for passwords`,
    'zh-CN': ({ value }) => `GIT_TERMINAL_PROMPT=${value} 允许 git 询问密码`,
  } satisfies Message<{ value: string }>,
  prompt: {
    en: "The go command keeps a user-set GIT_TERMINAL_PROMPT, so git asks for a user name on the terminal in the middle of go's output: it looks hung (and hangs for good in CI or an IDE).",
    'zh-CN':
      'go 命令会保留用户设置的 GIT_TERMINAL_PROMPT，于是 git 会在 go 的输出中间在终端询问用户名：看起来像卡住（在 CI 或 IDE 中会一直卡住）。',
  },
  sshTitle: {
    en: ({ name }) => `${name} is set without BatchMode=yes`,
    'zh-CN': ({ name }) => `设置了 ${name} 但没有 BatchMode=yes`,
  } satisfies Message<{ name: string }>,
  ssh: {
    en: ({ name }) =>
      `With ${name} set, the go command does not add "-o BatchMode=yes", so ssh may wait for a passphrase or a host-key answer that nobody sees.`,
    'zh-CN': ({ name }) =>
      `设置了 ${name} 后，go 命令不会再加 "-o BatchMode=yes"，ssh 可能会等待无人看到的密码短语或主机密钥确认。`,
  } satisfies Message<{ name: string }>,
  gcmTitle: {
    en: ({ value }) => `GCM_INTERACTIVE=${value} lets Git Credential Manager open prompts`,
    'zh-CN': ({ value }) => `GCM_INTERACTIVE=${value} 允许 Git Credential Manager 弹出提示`,
  } satisfies Message<{ value: string }>,
  gcm: {
    en: 'The go command keeps a user-set GCM_INTERACTIVE, so a login dialog can block the fetch.',
    'zh-CN': 'go 命令会保留用户设置的 GCM_INTERACTIVE，登录对话框可能会阻塞获取。',
  },
  unset: { en: 'Unset it for go commands', 'zh-CN': '为 go 命令取消该设置' },
  addBatch: { en: 'Add BatchMode=yes', 'zh-CN': '加上 BatchMode=yes' },
};

export default defineCheck({
  id: 'git/prompt-env',
  area: 'git',
  needs: [],
  causes: ['credential-helper-hang', 'ssh-prompt-hang'],
  run({ lang, options }) {
    const env = options.env;
    const findings: Finding[] = [];
    const prompt = env.GIT_TERMINAL_PROMPT;
    if (prompt !== undefined && prompt !== '' && prompt !== '0') {
      findings.push({
        cause: 'credential-helper-hang',
        severity: 'warning',
        title: say(m.promptTitle, lang, { value: prompt }),
        message: say(m.prompt, lang),
        evidence: [{ source: 'environment', text: `GIT_TERMINAL_PROMPT=${prompt}` }],
        fixes: [{ description: say(m.unset, lang), command: 'unset GIT_TERMINAL_PROMPT' }],
      });
    }
    for (const name of ['GIT_SSH_COMMAND', 'GIT_SSH'] as const) {
      const value = env[name];
      if (!value || /BatchMode[= ]+yes/i.test(value)) continue;
      findings.push({
        cause: 'ssh-prompt-hang',
        severity: 'warning',
        title: say(m.sshTitle, lang, { name }),
        message: say(m.ssh, lang, { name }),
        evidence: [{ source: 'environment', text: `${name}=${value}` }],
        fixes:
          name === 'GIT_SSH_COMMAND'
            ? [
                {
                  description: say(m.addBatch, lang),
                  command: `export GIT_SSH_COMMAND="${value} -o BatchMode=yes"`,
                },
              ]
            : [{ description: say(m.unset, lang), command: `unset ${name}` }],
      });
      break;
    }
    const gcm = env.GCM_INTERACTIVE;
    if (gcm !== undefined && gcm !== '' && !/^(never|false|0)$/i.test(gcm)) {
      findings.push({
        cause: 'credential-helper-hang',
        severity: 'warning',
        title: say(m.gcmTitle, lang, { value: gcm }),
        message: say(m.gcm, lang),
        evidence: [{ source: 'environment', text: `GCM_INTERACTIVE=${gcm}` }],
        fixes: [{ description: say(m.unset, lang), command: 'unset GCM_INTERACTIVE' }],
      });
    }
    return findings;
  },
});
