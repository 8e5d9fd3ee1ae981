// Small builders the checks share: a location on a project file in the contract's units, the
// offending line as evidence, and a setting's value with where it comes from.

import type { Evidence, Fix, Location } from '../findings/finding.ts';
import { redactSecrets } from '../findings/redact.ts';
import { shellQuote } from '../findings/shell-quote.ts';
import type { SettingOrigin } from '../go/env.ts';
import { type Lang, type Message, say } from '../i18n/lang.ts';
import { byteColumn, lineText, type Setting, type SourceFile } from './facts.ts';

export function locationAt(
  file: SourceFile,
  pos: { line: number; column: number; byteOffset: number },
): Location {
  if (pos.line <= 0) return { file: file.rel };
  return { file: file.rel, line: pos.line, column: byteColumn(file, pos) };
}

/** The line a finding points at, quoted (the terminal renderer draws the caret under it). */
export function lineEvidence(file: SourceFile, line: number): Evidence[] {
  if (line <= 0) return [];
  const text = lineText(file, line);
  // A hostile file can be one line of megabytes: quote its head only, so that every format stays
  // small (the finding's location still gives the exact line and column).
  return [
    {
      source: file.rel,
      line,
      text: text.length > MAX_EVIDENCE_CHARS ? `${text.slice(0, MAX_EVIDENCE_CHARS)}…` : text,
    },
  ];
}

const MAX_EVIDENCE_CHARS = 2000;

const originLabel: Record<SettingOrigin, Message> = {
  environment: { en: 'environment variable', 'zh-CN': '环境变量' },
  'goenv-file': { en: 'go env -w file', 'zh-CN': 'go env -w 配置文件' },
  'goroot-go.env': { en: '$GOROOT/go.env', 'zh-CN': '$GOROOT/go.env' },
  default: { en: 'default', 'zh-CN': '默认值' },
};

/** `NAME=value (from ...)`, plus a line per lower-priority value that is hidden by it. */
export function settingEvidence(setting: Setting, lang: Lang): Evidence[] {
  const out: Evidence[] = [
    {
      source: 'go env',
      text: redactSecrets(`${setting.name}=${setting.value}  (${say(originLabel[setting.origin], lang)})`),
    },
  ];
  for (const hidden of setting.shadowed) {
    out.push({
      source: 'go env',
      text: redactSecrets(
        say(shadowedText, lang, {
          name: setting.name,
          value: hidden.value,
          origin: say(originLabel[hidden.origin], lang),
        }),
      ),
    });
  }
  return out;
}

const shadowedText: Message<{ name: string; value: string; origin: string }> = {
  en: ({ name, value, origin }) => `${name}=${value} in the ${origin} has no effect (overridden)`,
  'zh-CN': ({ name, value, origin }) => `${origin}中的 ${name}=${value} 不生效（被覆盖）`,
};

const setInShell: Message<{ name: string }> = {
  en: ({ name }) =>
    `${name} comes from the environment: change it where it is exported (shell profile, CI settings, IDE)`,
  'zh-CN': ({ name }) => `${name} 来自环境变量：请在导出它的地方修改（shell 配置文件、CI 设置、IDE）`,
};

/** Quotes a value for a POSIX shell when it needs it. */

/**
 * The fix that sets a go setting, aimed at where it actually comes from: `go env -w` cannot
 * override an environment variable (the go command refuses), so then the shell is named.
 */
export function setSettingFixes(
  setting: Setting,
  value: string | undefined,
  description: string,
  lang: Lang,
): Fix[] {
  const command =
    value === undefined ? `go env -u ${setting.name}` : `go env -w ${setting.name}=${shellQuote(value)}`;
  if (setting.origin === 'environment') {
    return [
      {
        description: `${description} — ${say(setInShell, lang, { name: setting.name })}`,
        command:
          value === undefined ? `unset ${setting.name}` : `export ${setting.name}=${shellQuote(value)}`,
      },
    ];
  }
  return [{ description, command }];
}
