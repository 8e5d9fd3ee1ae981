// What a refused project file is called in every language, and the finding that reports it.
import type { Finding } from '../findings/finding.ts';
import { type Lang, type Message, say } from '../i18n/lang.ts';
import type { Refusal } from './read.ts';

const TYPE_ZH: Record<string, string> = {
  FIFO: '命名管道（FIFO）',
  'character device': '字符设备',
  'block device': '块设备',
  socket: '套接字',
  directory: '目录',
  'symbolic link': '符号链接',
  other: '特殊文件',
};

const m = {
  notRegular: {
    en: ({ file, type }) => `${file} is a ${type}, not a regular file; it was not read`,
    'zh-CN': ({ file, type }) => `${file} 是${TYPE_ZH[type] ?? type}，不是普通文件，未读取`,
  } satisfies Message<{ file: string; type: string }>,
  tooLarge: {
    en: ({ file, mb }) => `${file} is larger than ${mb} MB; it was not read`,
    'zh-CN': ({ file, mb }) => `${file} 超过 ${mb} MB，未读取`,
  } satisfies Message<{ file: string; mb: number }>,
  outsideRoot: {
    en: ({ file }) =>
      `${file} is a symbolic link (or lies under one) that leads outside the project; it was not followed`,
    'zh-CN': ({ file }) => `${file} 是指向项目之外的符号链接（或位于这样的链接之下），未跟随`,
  } satisfies Message<{ file: string }>,
  linkLoop: {
    en: ({ file }) => `${file} is a loop of symbolic links; it was not read`,
    'zh-CN': ({ file }) => `${file} 是循环的符号链接，未读取`,
  } satisfies Message<{ file: string }>,
  unreadable: {
    en: ({ file, code }) => `${file} cannot be read (${code})`,
    'zh-CN': ({ file, code }) => `无法读取 ${file}（${code}）`,
  } satisfies Message<{ file: string; code: string }>,
  title: {
    en: ({ file }) => `${file} was not read: not a safe project file`,
    'zh-CN': ({ file }) => `未读取 ${file}：不是安全的项目文件`,
  } satisfies Message<{ file: string }>,
  consequence: {
    en: 'The go command would fail on it or read something that is not part of the checkout; gomod-doctor left it alone, so checks that need it were skipped.',
    'zh-CN': 'go 命令会在此出错，或读到检出目录之外的内容；gomod-doctor 没有读取它，依赖它的检查已跳过。',
  },
  fix: {
    en: 'Replace it with a regular file inside the project',
    'zh-CN': '把它换成项目内的普通文件',
  },
};

/** One line: why a project file was not read (`file` as shown to the user). */
export function describeRefusal(refusal: Refusal, file: string, lang: Lang): string {
  switch (refusal.reason) {
    case 'not-regular':
      return say(m.notRegular, lang, { file, type: refusal.type ?? 'other' });
    case 'too-large':
      return say(m.tooLarge, lang, { file, mb: Math.round((refusal.limit ?? 0) / (1 << 20)) });
    case 'outside-root':
      return say(m.outsideRoot, lang, { file });
    case 'link-loop':
      return say(m.linkLoop, lang, { file });
    default:
      return say(m.unreadable, lang, { file, code: refusal.code ?? 'error' });
  }
}

/** The finding for a refused project file (cause project-file-unsafe). */
export function refusalFinding(refusal: Refusal, file: string, lang: Lang): Finding {
  return {
    cause: 'project-file-unsafe',
    severity: 'error',
    title: say(m.title, lang, { file }),
    message: `${describeRefusal(refusal, file, lang)}${lang === 'zh-CN' ? '。' : '. '}${say(m.consequence, lang)}`,
    location: { file },
    fixes: [{ description: say(m.fix, lang) }],
  };
}
