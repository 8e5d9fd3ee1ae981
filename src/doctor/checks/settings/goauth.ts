// GOAUTH (Go 1.24+): how the go command finds credentials for its own HTTPS requests (proxies,
// ?go-get=1 discovery of private hosts). It is a `;`-separated list of `off`, `netrc`, `git DIR`
// and `COMMAND ARGS...`, read at the first HTTPS request of every download, so a syntax error stops
// every download, not only private ones, while a command that does not exist only shows up as
// missing credentials (401/404) later. The named command is never run here, only looked up on PATH.
//
// Secrets: a GOAUTH command line often carries a token (`--token=...`), so nothing after the
// method or the command's name is ever put into a finding.

import { existsSync, statSync } from 'node:fs';
import { basename, isAbsolute, resolve } from 'node:path';
import type { Finding } from '../../../findings/finding.ts';
import { redactSecrets } from '../../../findings/redact.ts';
import { findOnPath, languageVersion } from '../../../go/locate.ts';
import { type GoAuthEntry, parseGoAuth } from '../../../goenv/goauth.ts';
import type { Message } from '../../../i18n/lang.ts';
import { say } from '../../../i18n/lang.ts';
import { setSettingFixes, settingEvidence } from '../../evidence.ts';
import { defineCheck } from '../../types.ts';

/** The command's name as shown to people: a word that looks like it holds a secret is masked. */
function commandLabel(command: string): string {
  if (/[=@:]/.test(command) || /[A-Za-z0-9_-]{32,}/.test(basename(command))) return '***';
  return redactSecrets(command);
}

const m = {
  fatalTitle: { en: 'GOAUTH stops every download', 'zh-CN': 'GOAUTH 会让所有下载中止' },
  fatal: {
    en: ({ error }) =>
      `The go command reads GOAUTH at its first HTTPS request (any proxy or module download) and stops with "go: ${error}".`,
    'zh-CN': ({ error }) =>
      `go 命令在第一次 HTTPS 请求（任何代理或模块下载）时读取 GOAUTH，并报错退出："go: ${error}"。`,
  } satisfies Message<{ error: string }>,
  missingTitle: {
    en: ({ command }) => `GOAUTH names a command that does not exist: ${command}`,
    'zh-CN': ({ command }) => `GOAUTH 指定的命令不存在：${command}`,
  } satisfies Message<{ command: string }>,
  missing: {
    en: ({ command }) =>
      `"${command}" is not on PATH (and was not run here). The go command ignores the failure and sends its requests without these credentials, so private modules fail with 401/403/404 ("unrecognized import path", "terminal prompts disabled"); go get -x shows the GOAUTH error.`,
    'zh-CN': ({ command }) =>
      `PATH 中找不到 "${command}"（此处未执行它）。go 命令会忽略该错误，不带这些凭据发出请求，因此私有模块会失败，返回 401/403/404（"unrecognized import path"、"terminal prompts disabled"）；go get -x 可看到 GOAUTH 的错误。`,
  } satisfies Message<{ command: string }>,
  unparsableTitle: { en: 'A GOAUTH command cannot be parsed', 'zh-CN': 'GOAUTH 中的命令无法解析' },
  unparsable: {
    en: ({ error }) =>
      `The go command cannot split the command line (${error}) and goes on without its credentials: private modules fail with 401/403/404.`,
    'zh-CN': ({ error }) =>
      `go 命令无法拆分该命令行（${error}），会在没有这些凭据的情况下继续：私有模块会以 401/403/404 失败。`,
  } satisfies Message<{ error: string }>,
  ignoredTitle: {
    en: ({ version }) => `GOAUTH has no effect on go ${version}`,
    'zh-CN': ({ version }) => `GOAUTH 在 go ${version} 上不起作用`,
  } satisfies Message<{ version: string }>,
  ignored: {
    en: 'GOAUTH arrived in Go 1.24. This go sends credentials from ~/.netrc (or $NETRC) only.',
    'zh-CN': 'GOAUTH 从 Go 1.24 起才有。当前的 go 只使用 ~/.netrc（或 $NETRC）中的凭据。',
  },
  useDefault: { en: 'Use the default (netrc)', 'zh-CN': '使用默认值（netrc）' },
  install: {
    en: 'Install the command, or give its absolute path in GOAUTH',
    'zh-CN': '安装该命令，或在 GOAUTH 中写出它的绝对路径',
  },
};

/** GOAUTH as it may be shown: the methods, each command by its name only, its arguments masked. */
function maskedGoAuth(entries: readonly GoAuthEntry[]): string {
  return entries
    .map((e) => {
      switch (e.kind) {
        case 'command':
          return e.command === undefined ? '***' : `${commandLabel(e.command)} ***`;
        case 'git':
          return 'git DIR';
        case 'empty':
          return '';
        default:
          return e.kind;
      }
    })
    .join(';');
}

function fatalError(entry: GoAuthEntry, entries: readonly GoAuthEntry[]): string | undefined {
  // Go's own wording (cmd/go/internal/auth), with the value masked.
  const value = maskedGoAuth(entries);
  if (entry.kind === 'empty') return `GOAUTH encountered an empty command (GOAUTH=${value})`;
  if (entry.kind === 'off' && entries.length !== 1)
    return `GOAUTH=off cannot be combined with other authentication commands (GOAUTH=${value})`;
  if (entry.kind !== 'git') return undefined;
  const base = 'GOAUTH=git dir method requires an absolute path to the git working directory';
  if (!entry.dir || entry.extra) return base;
  if (!isAbsolute(entry.dir)) return `${base}, dir is not absolute`;
  let isDir: boolean;
  try {
    isDir = statSync(entry.dir).isDirectory();
  } catch {
    return `GOAUTH=git encountered an error; cannot stat ${entry.dir}: no such file or directory`;
  }
  return isDir ? undefined : `${base}, dir is not a directory`;
}

export default defineCheck({
  id: 'settings/goauth',
  area: 'settings',
  needs: ['go', 'goenv'],
  causes: ['git-auth-required'],
  async run({ facts, lang, options }) {
    const env = await facts.goenv();
    if (!env) return [];
    const setting = env.setting('GOAUTH');
    const value = setting.value;
    const docs = ['https://go.dev/ref/mod#private-module-proxy-auth'];
    const evidence = settingEvidence(setting, lang);
    const goVersion = (await facts.go()).found?.version;
    const minor = Number(languageVersion(goVersion ?? '')?.split('.')[1] ?? Number.NaN);
    // From 1.24 on `go env` reports GOAUTH (default `netrc`); older releases report it empty.
    const applies = Number.isNaN(minor) ? (env.values.GOAUTH ?? '') !== '' : minor >= 24;
    if (!applies) {
      // An older go reports no value: what the user set is in the environment or the go env file.
      const raw = options.env.GOAUTH || env.sources.goenvFileValues.get('GOAUTH') || '';
      if (raw === '') return [];
      return [
        {
          cause: 'git-auth-required',
          severity: 'info',
          title: say(m.ignoredTitle, lang, { version: languageVersion(goVersion ?? '') ?? '?' }),
          message: say(m.ignored, lang),
          evidence,
          docs,
        },
      ];
    }
    if (value === '') return [];
    const entries = parseGoAuth(value);
    const findings: Finding[] = [];
    const unsetFix = setSettingFixes(setting, undefined, say(m.useDefault, lang), lang);
    // The go command reads the entries last to first (auth.go reverses them).
    for (const entry of [...entries].reverse()) {
      const fatal = fatalError(entry, entries);
      if (fatal) {
        findings.push({
          cause: 'git-auth-required',
          severity: 'error',
          title: say(m.fatalTitle, lang),
          message: say(m.fatal, lang, { error: fatal }),
          evidence,
          fixes: unsetFix,
          docs,
        });
        // The go command stops at the first fatal entry; the rest is never read.
        break;
      }
      if (entry.kind !== 'command') continue;
      if (entry.parseError !== undefined || entry.command === undefined) {
        findings.push({
          cause: 'git-auth-required',
          severity: 'warning',
          title: say(m.unparsableTitle, lang),
          message: say(m.unparsable, lang, { error: entry.parseError ?? 'empty command' }),
          evidence,
          fixes: unsetFix,
          docs,
        });
        continue;
      }
      const command = entry.command;
      // exec.Command looks a bare name up on PATH; a path with a slash is taken as it is, relative
      // to the directory the go command runs in. Looked up only, never run.
      const found = command.includes('/')
        ? existsSync(isAbsolute(command) ? command : resolve(options.cwd, command))
        : findOnPath(command, options.env) !== undefined;
      if (found) continue;
      const label = commandLabel(command);
      findings.push({
        cause: 'git-auth-required',
        severity: 'warning',
        title: say(m.missingTitle, lang, { command: label }),
        message: say(m.missing, lang, { command: label }),
        evidence,
        fixes: [{ description: say(m.install, lang) }, ...unsetFix],
        docs,
      });
    }
    return findings;
  },
});
