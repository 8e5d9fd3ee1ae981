// Small builders that keep the rule tables readable.
import type { LinePattern, Situation } from '../types.ts';

type PatternOptions = Omit<LinePattern, 'id' | 'needles' | 're' | 'source'>;

export function pat(
  id: string,
  needles: string | readonly string[],
  re: RegExp,
  source: string,
  options: PatternOptions = {},
): LinePattern {
  return { id, needles: typeof needles === 'string' ? [needles] : needles, re, source, ...options };
}

/** `fatal: ` as git prints it in English and in zh_CN (git >= 2.3x translates the prefix too). */
export const FATAL = '(?:fatal: |致命错误：)';

/** "github.com/a/b" or a neutral word when the module is not known. */
export const mod = {
  en: (s: Situation) => s.module ?? 'the module',
  zh: (s: Situation) => s.module ?? '该模块',
};

export const at = {
  en: (s: Situation) => (s.module ? `${s.module}${s.version ? `@${s.version}` : ''}` : 'a module'),
  zh: (s: Situation) => (s.module ? `${s.module}${s.version ? `@${s.version}` : ''}` : '某个模块'),
};

export const host = {
  en: (s: Situation) => s.host ?? 'the host',
  zh: (s: Situation) => s.host ?? '目标主机',
};

/** ` ("detail")` when the message has a detail worth quoting. */
export const quoted = (s: Situation) => (s.detail ? ` ("${s.detail}")` : '');
