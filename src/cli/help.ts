// `--help`, in both languages, written from the same option tables the parser reads (specs.ts),
// and the format list from the reporter registry: an option or a format cannot be accepted and
// left undocumented.
import type { Lang } from '../i18n/lang.ts';
import { FORMAT_NAMES, REPORTERS } from '../report/registry.ts';
import {
  type OptionSpec,
  type OptionTable,
  optionLabel,
  PROGRAM_OPTIONS,
  PROJECT_OPTIONS,
} from './options.ts';
import { COMMAND_SPECS, type CommandSpec, commandSpec } from './specs.ts';

const SHARED: ReadonlySet<OptionSpec> = new Set<OptionSpec>([
  ...Object.values(PROJECT_OPTIONS),
  ...Object.values(PROGRAM_OPTIONS),
]);

/** `--format`'s help: every registered format, what it is for, and the default. */
function formatHelp(lang: Lang): string {
  const lines = FORMAT_NAMES.map((name) => `${name}: ${REPORTERS[name].describe[lang]}`);
  const head =
    lang === 'en'
      ? `one of ${FORMAT_NAMES.join(', ')} (default text; --json is --format json)`
      : `${FORMAT_NAMES.join('、')} 之一（默认 text；--json 等同于 --format json）`;
  return [head, ...lines.map((l) => `  ${l}`)].join('\n');
}

function optionLines(rows: Array<[string, string]>): string[] {
  const width = Math.max(16, ...rows.map(([label]) => label.length + 2));
  const out: string[] = [];
  for (const [label, text] of rows) {
    const [first, ...rest] = text.split('\n');
    out.push(`  ${label.padEnd(width)}${first}`);
    for (const line of rest) out.push(`  ${' '.repeat(width)}${line}`);
  }
  return out;
}

function rowsOf(
  table: OptionTable,
  lang: Lang,
  keep: (spec: OptionSpec) => boolean,
): Array<[string, string]> {
  return Object.entries(table)
    .filter(([, spec]) => keep(spec))
    .map(([name, spec]) => [optionLabel(name, spec), name === 'format' ? formatHelp(lang) : spec.help[lang]]);
}

const exitStatus: Record<Lang, string> = {
  en: `Colours: only on a terminal, unless --color or FORCE_COLOR (non-empty) asks for them;
--no-color or NO_COLOR turns them off (and wins).

Go releases: go.mod and go.work are read as Go 1.19 to 1.27 read them; tested
against the real go command of Go 1.19 and 1.21-1.27.

Exit status: 0 nothing at error severity (or at the --fail-on level), 1 at least one
error finding (or one at the --fail-on level),
2 usage error / unreadable input / output that cannot be written / internal failure,
124 trace --timeout ended the go command; on a signal, 130 (SIGINT), 143 (SIGTERM),
129 (SIGHUP) after printing what was found.`,
  'zh-CN': `颜色：仅在终端中使用，除非给出 --color 或设置非空的 FORCE_COLOR；
--no-color 或 NO_COLOR 关闭颜色（且优先）。

Go 版本：按 Go 1.19 至 1.27 的规则读取 go.mod 和 go.work；已针对 Go 1.19 和
1.21-1.27 的真实 go 命令测试。

退出状态：0 没有 error 级别（或 --fail-on 级别）的问题，1 至少一个 error 级别
（或 --fail-on 级别）的问题，
2 用法错误 / 输入无法读取 / 输出无法写出 / 内部错误，124 trace --timeout 终止了 go 命令；
收到信号时先输出已得到的结果，再以 130（SIGINT）、143（SIGTERM）、129（SIGHUP）退出。`,
};

function commonSection(lang: Lang, table: OptionTable): string {
  const rows = [
    ...rowsOf(table, lang, (spec) => SHARED.has(spec)),
    ...rowsOf(PROGRAM_OPTIONS, lang, () => true),
  ];
  return [lang === 'en' ? 'Common options:' : '通用选项：', ...optionLines(rows), '', exitStatus[lang]].join(
    '\n',
  );
}

function commandPage(spec: CommandSpec, lang: Lang): string {
  const lines = [`${lang === 'en' ? 'Usage' : '用法'}: ${spec.usage}`, '', spec.summary[lang]];
  const rows: Array<[string, string]> = [];
  if (spec.positionals) rows.push([spec.positionals.label, spec.positionals.help[lang]]);
  rows.push(...rowsOf(spec.options, lang, (option) => !SHARED.has(option)));
  if (rows.length > 0) lines.push('', ...optionLines(rows));
  if (spec.notes) lines.push('', spec.notes[lang]);
  lines.push('', commonSection(lang, spec.options), '');
  return lines.join('\n');
}

const intro: Record<Lang, string> = {
  en: 'gomod-doctor: why go mod tidy (go get, go build, go mod download) hangs or fails, and what to type to fix it.',
  'zh-CN':
    'gomod-doctor：找出 go mod tidy（go get、go build、go mod download）卡住或失败的原因，并告诉你如何修复。',
};

export function helpText(lang: Lang, command?: string): string {
  const one = command ? commandSpec(command) : undefined;
  if (one) return commandPage(one, lang);
  const lines = [intro[lang], '', `${lang === 'en' ? 'Commands' : '命令'}:`];
  for (const spec of Object.values(COMMAND_SPECS) as CommandSpec[])
    lines.push(`  ${spec.usage}`, `      ${spec.summary[lang]}`);
  const reporting = (Object.values(COMMAND_SPECS) as CommandSpec[]).filter((s) => s.reportsFindings);
  const formatIntro =
    lang === 'en'
      ? `--format FORMAT for every command that reports findings (${reporting.map((s) => s.name).join(', ')}):`
      : `报告结论的命令（${reporting.map((s) => s.name).join('、')}）都接受 --format FORMAT：`;
  lines.push(
    '',
    formatIntro,
    ...formatHelp(lang)
      .split('\n')
      .map((l) => `  ${l}`),
  );
  lines.push('', commonSection(lang, PROJECT_OPTIONS), '');
  return lines.join('\n');
}
