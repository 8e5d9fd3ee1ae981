// Every text `gomod-doctor fix` shows, in English and Simplified Chinese.
import { describeRefusal } from '../files/messages.ts';
import { type Lang, type Message, say } from '../i18n/lang.ts';
import type { FixRefusal, RefusalReason } from './errors.ts';

export const messages = {
  dropReplaceNote: {
    en: ({ target }) =>
      `Without the replace, ${target} comes at its required version from the module proxy (or the module cache).`,
    'zh-CN': ({ target }) => `删除 replace 后，${target} 将按 require 的版本从模块代理（或模块缓存）获取。`,
  } satisfies Message<{ target: string }>,
  notInCache: {
    en: ({ list, command }) =>
      `Not in the module cache, so no line is written for: ${list}. Fetch them first (${command}), then run fix again.`,
    'zh-CN': ({ list, command }) =>
      `模块缓存中没有，因此不为以下模块写入：${list}。请先获取（${command}），再运行 fix。`,
  } satisfies Message<{ list: string; command: string }>,
  nothing: {
    en: 'Nothing to repair.',
    'zh-CN': '没有需要修复的问题。',
  } satisfies Message,
  planned: {
    en: ({ n }) =>
      `${n} repair${n === 1 ? '' : 's'} planned. Nothing was changed; to apply: gomod-doctor fix --apply`,
    'zh-CN': ({ n }) => `计划了 ${n} 项修复，尚未做任何修改；要执行：gomod-doctor fix --apply`,
  } satisfies Message<{ n: number }>,
  fixes: {
    en: ({ cause, title }) => `fixes: ${title} (cause: ${cause})`,
    'zh-CN': ({ cause, title }) => `修复：${title}（原因：${cause}）`,
  } satisfies Message<{ cause: string; title: string }>,
  evict: {
    en: 'remove from the module cache (downloaded again when needed; fix --undo does not bring it back):',
    'zh-CN': '从模块缓存中删除（需要时会重新下载；fix --undo 不会恢复它）：',
  } satisfies Message,
  evictedNoBackup: {
    en: 'Module cache entries are not backed up: fix --undo cannot bring them back (the go command downloads them again).',
    'zh-CN': '模块缓存条目不做备份：fix --undo 无法恢复它们（go 命令会重新下载）。',
  } satisfies Message,
  undoneEvictionsOnly: {
    en: ({ dir }) =>
      `Nothing restored from ${dir}: that apply only removed module cache entries, which undo cannot bring back.`,
    'zh-CN': ({ dir }) => `没有从 ${dir} 恢复任何文件：那次执行只删除了模块缓存条目，撤销无法恢复它们。`,
  } satisfies Message<{ dir: string }>,
  runYourself: {
    en: 'run this yourself (gomod-doctor never runs it):',
    'zh-CN': '请自行运行（gomod-doctor 不会替你运行）：',
  } satisfies Message,
  unrepaired: {
    en: ({ n }) =>
      `${n} other finding${n === 1 ? ' needs' : 's need'} a person (gomod-doctor doctor shows the fixes):`,
    'zh-CN': ({ n }) => `另有 ${n} 个问题需要人工处理（gomod-doctor doctor 会给出修复方法）：`,
  } satisfies Message<{ n: number }>,
  confirm: {
    en: ({ n }) => `Apply ${n} repair${n === 1 ? '' : 's'}? [y/N] `,
    'zh-CN': ({ n }) => `执行 ${n} 项修复？[y/N] `,
  } satisfies Message<{ n: number }>,
  declined: {
    en: 'Nothing was changed.',
    'zh-CN': '未做任何修改。',
  } satisfies Message,
  wrote: {
    en: ({ file }) => `wrote ${file}`,
    'zh-CN': ({ file }) => `已写入 ${file}`,
  } satisfies Message<{ file: string }>,
  removed: {
    en: ({ file }) => `removed ${file}`,
    'zh-CN': ({ file }) => `已删除 ${file}`,
  } satisfies Message<{ file: string }>,
  restored: {
    en: ({ file }) => `restored ${file}`,
    'zh-CN': ({ file }) => `已恢复 ${file}`,
  } satisfies Message<{ file: string }>,
  backup: {
    en: ({ dir }) => `Backup: ${dir} (undo: gomod-doctor fix --undo)`,
    'zh-CN': ({ dir }) => `备份：${dir}（撤销：gomod-doctor fix --undo）`,
  } satisfies Message<{ dir: string }>,
  undone: {
    en: ({ dir }) => `Restored from ${dir}.`,
    'zh-CN': ({ dir }) => `已从 ${dir} 恢复。`,
  } satisfies Message<{ dir: string }>,
  evictedNotRestored: {
    en: ({ list }) =>
      `Not restored: module cache entries the apply removed (undo cannot bring them back; the go command downloads them again when needed): ${list}`,
    'zh-CN': ({ list }) =>
      `未恢复：那次执行删除的模块缓存条目（撤销无法恢复；需要时 go 命令会重新下载）：${list}`,
  } satisfies Message<{ list: string }>,
  noDirectory: {
    en: ({ dir }) => `-C ${dir}: no such directory`,
    'zh-CN': ({ dir }) => `-C ${dir}：目录不存在`,
  } satisfies Message<{ dir: string }>,
  applyAndUndo: {
    en: '--apply and --undo cannot be used together',
    'zh-CN': '--apply 与 --undo 不能同时使用',
  } satisfies Message,
  allNeedsOnly: {
    en: '--all removes the whole module cache: it needs --only modcache-corrupt',
    'zh-CN': '--all 会删除整个模块缓存：必须同时指定 --only modcache-corrupt',
  } satisfies Message,
  unknownCause: {
    en: ({ id }) => `--only: "${id}" is no cause id (see docs/causes.md)`,
    'zh-CN': ({ id }) => `--only：“${id}”不是原因 id（见 docs/causes.md）`,
  } satisfies Message<{ id: string }>,
  envForm: {
    en: 'In CI (CI=true) the go env file is not written: set these in the job environment instead:',
    'zh-CN': '在 CI 中（CI=true）不写入 go env 配置文件：请改为在任务环境中设置：',
  } satisfies Message,
  chownNote: {
    en: ({ path }) =>
      `${path} belongs to another user (root?), so neither the go command nor gomod-doctor can change it. Take it back with:`,
    'zh-CN': ({ path }) =>
      `${path} 属于其他用户（root？），go 命令和 gomod-doctor 都无法修改它。用以下命令收回：`,
  } satisfies Message<{ path: string }>,
};

const refusals: Record<RefusalReason, Message<{ path: string }>> = {
  symlink: {
    en: ({ path }) => `${path} is a symbolic link: fix does not write through links. Nothing was changed.`,
    'zh-CN': ({ path }) => `${path} 是符号链接：fix 不会通过链接写入。未做任何修改。`,
  },
  'not-a-file': {
    en: ({ path }) => `${path} is not a regular file. Nothing was changed.`,
    'zh-CN': ({ path }) => `${path} 不是普通文件。未做任何修改。`,
  },
  outside: {
    en: ({ path }) => `${path} lies outside the project: fix does not change it. Nothing was changed.`,
    'zh-CN': ({ path }) => `${path} 位于项目之外：fix 不会修改它。未做任何修改。`,
  },
  'changed-since-plan': {
    en: ({ path }) => `${path} changed while the plan was made: run fix again. Nothing more was changed.`,
    'zh-CN': ({ path }) => `制定计划期间 ${path} 被修改：请重新运行 fix。没有做更多修改。`,
  },
  'changed-since-apply': {
    en: ({ path }) =>
      `${path} was changed after the last fix --apply: undo refuses to overwrite it. Nothing was restored.`,
    'zh-CN': ({ path }) => `${path} 在上次 fix --apply 之后被修改过：撤销不会覆盖它。未恢复任何文件。`,
  },
  'no-backup': {
    en: ({ path }) => `No fix --apply to undo for ${path}.`,
    'zh-CN': ({ path }) => `${path} 没有可撤销的 fix --apply。`,
  },
  'no-terminal': {
    en: () =>
      'fix --apply asks before it writes, and there is no terminal to ask in: add --yes. Nothing was changed.',
    'zh-CN': () => 'fix --apply 写入前需要确认，但当前没有终端可供确认：请加上 --yes。未做任何修改。',
  },
  'unsafe-file': {
    en: ({ path }) =>
      `${path} was not read: fix reads only regular files inside the project. Nothing was changed.`,
    'zh-CN': ({ path }) => `未读取 ${path}：fix 只读取项目内的普通文件。未做任何修改。`,
  },
  binary: {
    en: ({ path }) =>
      `${path}: a NUL byte: the file holds binary data, and fix edits text only. Nothing was changed.`,
    'zh-CN': ({ path }) => `${path}：NUL 字节：该文件含有二进制数据，fix 只编辑文本。未做任何修改。`,
  },
  'backup-inside-project': {
    en: ({ path }) =>
      `The backup directory ${path} lies inside the project: set XDG_CACHE_HOME elsewhere. Nothing was changed.`,
    'zh-CN': ({ path }) => `备份目录 ${path} 位于项目之内：请把 XDG_CACHE_HOME 设到别处。未做任何修改。`,
  },
};

const nothingChanged: Message = {
  en: 'fix reads only regular files inside the project. Nothing was changed.',
  'zh-CN': 'fix 只读取项目内的普通文件。未做任何修改。',
};

/**
 * The line a refusal prints. A file the reader refused says why (the same words as the other
 * commands), and a NUL byte is named by its position, as the go command names it.
 */
export function describeFixRefusal(error: FixRefusal, lang: Lang, display = error.path): string {
  const { refusal, line, column } = error.detail;
  if (error.reason === 'unsafe-file' && refusal) {
    const why = describeRefusal(refusal, display, lang);
    return `${why}${lang === 'zh-CN' ? '。' : '. '}${say(nothingChanged, lang)}`;
  }
  if (error.reason === 'binary' && line !== undefined)
    return say(refusals.binary, lang, { path: `${display}:${line}:${column ?? 1}` });
  return say(refusals[error.reason], lang, { path: display });
}
