// Every message a person sees exists in English and Simplified Chinese. Messages are data: a
// `Message` holds both texts, so a missing translation is a type error rather than a runtime gap.
export type Lang = 'en' | 'zh-CN';

export const LANGS: readonly Lang[] = ['en', 'zh-CN'];

type Template<P> = (params: P) => string;

/** A text in every language; a function when it takes parameters. */
export type Message<P = void> = P extends void ? Record<Lang, string> : Record<Lang, Template<P>>;

/** Parses a --lang value; accepts the usual spellings (zh, zh_CN, zh-Hans, en_US.UTF-8 ...). */
export function parseLang(value: string | undefined): Lang | undefined {
  if (!value) return undefined;
  const v = value.toLowerCase().replace('_', '-');
  if (v === 'c' || v === 'posix') return 'en';
  if (v.startsWith('zh')) return 'zh-CN';
  if (v.startsWith('en')) return 'en';
  return undefined;
}

/**
 * The language from the environment, in POSIX precedence: LC_ALL, then LC_MESSAGES, then LANG
 * (LANGUAGE is a GNU list of preferences and is consulted first, as gettext does, when set).
 */
export function langFromEnv(env: Record<string, string | undefined>): Lang {
  const language = env.LANGUAGE?.split(':')[0];
  for (const value of [language, env.LC_ALL, env.LC_MESSAGES, env.LANG]) {
    const lang = parseLang(value);
    if (lang) return lang;
  }
  return 'en';
}

export function say(message: Record<Lang, string>, lang: Lang): string;
export function say<P>(message: Record<Lang, Template<P>>, lang: Lang, params: P): string;
export function say<P>(message: Record<Lang, string | Template<P>>, lang: Lang, params?: P): string {
  const text = message[lang];
  return typeof text === 'function' ? text(params as P) : text;
}
