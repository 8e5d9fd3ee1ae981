// The CLI's own messages (usage errors, prompts), in both languages.
import type { Message } from '../i18n/lang.ts';

export const messages = {
  unknownCommand: {
    en: ({ name }) => `unknown command "${name}". Run "gomod-doctor --help" for the list.`,
    'zh-CN': ({ name }) => `未知命令“${name}”。运行 "gomod-doctor --help" 查看命令列表。`,
  } satisfies Message<{ name: string }>,
  badLang: {
    en: ({ value }) => `--lang takes en or zh-CN, not "${value}"`,
    'zh-CN': ({ value }) => `--lang 只能是 en 或 zh-CN，而不是“${value}”`,
  } satisfies Message<{ value: string }>,
  unknownOption: {
    en: ({ option }) => `unknown option ${option}`,
    'zh-CN': ({ option }) => `未知选项 ${option}`,
  } satisfies Message<{ option: string }>,
  missingValue: {
    en: ({ option }) => `option ${option} needs a value`,
    'zh-CN': ({ option }) => `选项 ${option} 需要一个值`,
  } satisfies Message<{ option: string }>,
  noValue: {
    en: ({ option }) => `option ${option} takes no value`,
    'zh-CN': ({ option }) => `选项 ${option} 不接受值`,
  } satisfies Message<{ option: string }>,
  unexpectedArgument: {
    en: ({ option }) => `unexpected argument ${option}`,
    'zh-CN': ({ option }) => `多余的参数 ${option}`,
  } satisfies Message<{ option: string }>,
  seeHelp: {
    en: ({ name }) => `Run "gomod-doctor ${name} --help" for usage.`,
    'zh-CN': ({ name }) => `运行 "gomod-doctor ${name} --help" 查看用法。`,
  } satisfies Message<{ name: string }>,
  internalError: {
    en: 'internal error (this is a bug in gomod-doctor; please report it with the text below):',
    'zh-CN': '内部错误（这是 gomod-doctor 的缺陷，请附上以下内容报告）：',
  } satisfies Message,
  readingStdin: {
    en: 'Reading the go command output from standard input (paste it, then Ctrl-D; or: go mod tidy 2>&1 | gomod-doctor explain)',
    'zh-CN':
      '正在从标准输入读取 go 命令的输出（粘贴后按 Ctrl-D；或：go mod tidy 2>&1 | gomod-doctor explain）',
  } satisfies Message,
  missingFile: {
    en: 'missing FILE argument (a go.mod or go.work file)',
    'zh-CN': '缺少 FILE 参数（go.mod 或 go.work 文件）',
  } satisfies Message,
  cannotRead: {
    en: ({ file, reason }) => `cannot read ${file}: ${reason}`,
    'zh-CN': ({ file, reason }) => `无法读取 ${file}：${reason}`,
  } satisfies Message<{ file: string; reason: string }>,
  badGoVersion: {
    en: ({ value }) => `--go wants a Go release such as 1.19, 1.24 or 1.27, not "${value}"`,
    'zh-CN': ({ value }) => `--go 需要 Go 版本号，例如 1.19、1.24 或 1.27，而不是“${value}”`,
  } satisfies Message<{ value: string }>,
  jsonAndFmt: {
    en: '--json and --fmt cannot be used together',
    'zh-CN': '--json 与 --fmt 不能同时使用',
  } satisfies Message,
  modfileOk: {
    en: ({ file, release }) => `${file}: ok (parsed as Go ${release} would)`,
    'zh-CN': ({ file, release }) => `${file}：没有问题（按 Go ${release} 的规则解析）`,
  } satisfies Message<{ file: string; release: string }>,
  notADirectory: {
    en: ({ dir }) => `-C ${dir}: not a directory`,
    'zh-CN': ({ dir }) => `-C ${dir}：不是目录`,
  } satisfies Message<{ dir: string }>,
  noSuchDirectory: {
    en: ({ dir }) => `-C ${dir}: no such directory`,
    'zh-CN': ({ dir }) => `-C ${dir}：目录不存在`,
  } satisfies Message<{ dir: string }>,
  badFormat: {
    en: ({ value, formats }) => `--format wants one of ${formats}, not "${value}"`,
    'zh-CN': ({ value, formats }) => `--format 只能是 ${formats} 之一，而不是“${value}”`,
  } satisfies Message<{ value: string; formats: string }>,
  badFailOn: {
    en: ({ value }) => `--fail-on wants error, warning or never, not "${value}"`,
    'zh-CN': ({ value }) => `--fail-on 只能是 error、warning 或 never，而不是“${value}”`,
  } satisfies Message<{ value: string }>,
  unknownCheck: {
    en: ({ id, ids }) => `--check ${id}: no such check (the checks are: ${ids})`,
    'zh-CN': ({ id, ids }) => `--check ${id}：没有这项检查（可用的检查：${ids}）`,
  } satisfies Message<{ id: string; ids: string }>,
  summaryFailed: {
    en: ({ reason }) => `warning: could not append the job summary (GITHUB_STEP_SUMMARY): ${reason}`,
    'zh-CN': ({ reason }) => `警告：无法追加作业摘要（GITHUB_STEP_SUMMARY）：${reason}`,
  } satisfies Message<{ reason: string }>,
  writeFailed: {
    en: ({ reason }) => `cannot write the output: ${reason}`,
    'zh-CN': ({ reason }) => `无法写出输出：${reason}`,
  } satisfies Message<{ reason: string }>,
  traceNeedsDashDash: {
    en: 'trace needs the go command after "--", e.g.: gomod-doctor trace --timeout 120 -- go mod tidy',
    'zh-CN': 'trace 需要把 go 命令写在 "--" 之后，例如：gomod-doctor trace --timeout 120 -- go mod tidy',
  } satisfies Message,
};
