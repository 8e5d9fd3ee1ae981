// The options of the command line, as data: one table per command drives both the parser
// (node:util parseArgs reads `type`, `short` and `multiple`, and ignores the rest) and `--help`
// (the value name and the help text in both languages). main.ts derives from the same tables which
// options take a value, so an option is written down exactly once.
import type { Lang } from '../i18n/lang.ts';

export interface OptionSpec {
  readonly type: 'boolean' | 'string';
  readonly short?: string;
  readonly multiple?: boolean;
  /** The value's name in help (`DIR`, `S`); string options only. */
  readonly value?: string;
  /** Help text; a line break continues the text under the first line. */
  readonly help: Record<Lang, string>;
}

export type OptionTable = Readonly<Record<string, OptionSpec>>;

/** The options every command accepts. `--lang` and the colour flags are read by main.ts before
 *  parsing; they are listed here so that each command's strict parser accepts them. */
export const OUTPUT_OPTIONS = {
  json: {
    type: 'boolean',
    help: {
      en: 'machine-readable output (one JSON document on standard output)',
      'zh-CN': '机器可读输出（标准输出上的一个 JSON 文档）',
    },
  },
  lang: {
    type: 'string',
    value: 'LANG',
    help: {
      en: 'en or zh-CN (default from LC_ALL / LC_MESSAGES / LANG)',
      'zh-CN': 'en 或 zh-CN（默认取自 LC_ALL / LC_MESSAGES / LANG）',
    },
  },
  color: {
    type: 'boolean',
    help: {
      en: 'colours even when standard output is not a terminal (FORCE_COLOR=1 too)',
      'zh-CN': '即使标准输出不是终端也使用颜色（也可设置 FORCE_COLOR=1）',
    },
  },
  'no-color': {
    type: 'boolean',
    help: {
      en: 'no colours (NO_COLOR is honoured too; it wins over --color and FORCE_COLOR)',
      'zh-CN': '不使用颜色（也遵循 NO_COLOR；它优先于 --color 和 FORCE_COLOR）',
    },
  },
  quiet: { type: 'boolean', short: 'q', help: { en: 'less output', 'zh-CN': '减少输出' } },
  verbose: { type: 'boolean', short: 'v', help: { en: 'more output', 'zh-CN': '更多输出' } },
} as const satisfies OptionTable;

/** For commands that work on a project: the directory and the go binary. */
export const PROJECT_OPTIONS = {
  C: {
    type: 'string',
    short: 'C',
    value: 'DIR',
    help: {
      en: 'run as if started in DIR (an existing directory)',
      'zh-CN': '如同在 DIR 目录中启动（必须是已存在的目录）',
    },
  },
  go: {
    type: 'string',
    value: 'PATH',
    help: {
      en: 'the go binary to use (default: go on PATH, never one inside the project\nor found through an empty or relative PATH entry)',
      'zh-CN':
        '使用的 go 可执行文件（默认：PATH 中的 go；项目目录中的、或经由空的或\n相对的 PATH 条目找到的 go 永远不会运行）',
    },
  },
  ...OUTPUT_OPTIONS,
} as const satisfies OptionTable;

/** `--format`, for every command that reports findings; the names come from the reporter registry. */
export const FORMAT_OPTION = {
  format: {
    type: 'string',
    value: 'FORMAT',
    help: {
      en: '', // filled in from the reporter registry by help.ts
      'zh-CN': '',
    },
  },
  output: {
    type: 'string',
    value: 'FILE',
    help: {
      en: 'write the report to FILE instead of standard output (e.g. --format html --output report.html)',
      'zh-CN': '把报告写入 FILE 而不是标准输出（例如 --format html --output report.html）',
    },
  },
} as const satisfies OptionTable;

/** `--fail-on`, for the commands whose exit status is a gate (doctor, explain, tidy-check). */
export const FAIL_ON_OPTION = {
  'fail-on': {
    type: 'string',
    value: 'LEVEL',
    help: {
      en: 'which findings make the exit status 1: error (default), warning or never',
      'zh-CN': '哪些结论使退出码为 1：error（默认）、warning 或 never',
    },
  },
} as const satisfies OptionTable;

/** Options of the program itself, shown in every help page. */
export const PROGRAM_OPTIONS = {
  help: { type: 'boolean', short: 'h', help: { en: 'this help', 'zh-CN': '显示帮助' } },
  version: { type: 'boolean', short: 'V', help: { en: 'print the version', 'zh-CN': '显示版本' } },
} as const satisfies OptionTable;

/** How an option is written in help: `-C DIR`, `-q, --quiet`, `--budget S`. */
export function optionLabel(name: string, spec: OptionSpec): string {
  const long = name.length === 1 ? `-${name}` : `--${name}`;
  const flags = spec.short && spec.short !== name ? `-${spec.short}, ${long}` : long;
  return spec.type === 'string' ? `${flags} ${spec.value ?? 'VALUE'}` : flags;
}
