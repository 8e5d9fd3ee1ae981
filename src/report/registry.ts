// One registry of output formats, keyed by the name `--format` takes. Every command that reports
// findings (doctor, explain, tidy-check, trace) hands the registry the same shape of data — the
// contract's report, what its JSON adds, its own terminal view — and the registry renders it, so a
// format means the same thing for every command. Every output passes the redactor last.
//
// Adding a format is one entry in REPORTERS (a name, its help text, a render function) plus its
// tests; test/report/registry.test.ts fails until the format is documented in --help and README.
import type { Report } from '../findings/finding.ts';
import { redactDeep, redactSecrets } from '../findings/redact.ts';
import type { Lang } from '../i18n/lang.ts';
import { VERSION } from '../version.ts';
import { renderJson } from './json.ts';
import { renderMarkdown } from './markdown.ts';
import { renderSarif, type SarifOptions } from './sarif.ts';
import { renderTerminal } from './terminal.ts';

/** What a command supplies; the registry decides how it looks. */
export interface ReportData {
  report: Report;
  /** Fields the JSON form adds next to the contract's (e.g. tidy-check's "tidy", doctor's "network"). */
  json?: Record<string, unknown>;
  /** The command's own terminal view; the findings list by default. */
  text?: () => string;
  /** Lines appended to the Markdown form (e.g. doctor --network's routes). */
  markdownAppendix?: string;
  sarif?: SarifOptions;
}

export interface RenderOptions {
  lang: Lang;
  color: boolean;
  verbose?: boolean;
}

export interface Reporter {
  /** One line for --help and README: what the format is for. */
  readonly describe: Record<Lang, string>;
  render(data: ReportData, options: RenderOptions): string;
}

const text: Reporter = {
  describe: { en: 'for a person at a terminal', 'zh-CN': '供终端前的人阅读' },
  render: (data, options) =>
    redactSecrets(
      data.text
        ? data.text()
        : renderTerminal(data.report, {
            lang: options.lang,
            color: options.color,
            ...(options.verbose ? { verbose: true } : {}),
          }),
    ),
};

const json: Reporter = {
  describe: {
    en: 'the contract\'s JSON report ("--json" is the same)',
    'zh-CN': '契约规定的 JSON 报告（"--json" 与之相同）',
  },
  render: (data) => renderJson(data.json ? ({ ...data.report, ...data.json } as Report) : data.report),
};

const sarif: Reporter = {
  describe: {
    en: 'SARIF 2.1.0 for code scanning (go.mod problems on their line)',
    'zh-CN': '用于代码扫描的 SARIF 2.1.0（go.mod 问题定位到行）',
  },
  render: (data) => redactSecrets(renderSarif(redactDeep(data.report), VERSION, data.sarif ?? {})),
};

const markdown: Reporter = {
  describe: { en: 'a pull-request comment', 'zh-CN': '拉取请求评论' },
  render: (data, options) =>
    redactSecrets(renderMarkdown(data.report, options.lang) + (data.markdownAppendix ?? '')),
};

export const REPORTERS = { text, json, sarif, markdown } as const satisfies Record<string, Reporter>;

export type FormatName = keyof typeof REPORTERS;

export const FORMAT_NAMES = Object.keys(REPORTERS) as FormatName[];

export function isFormat(name: string): name is FormatName {
  return Object.hasOwn(REPORTERS, name);
}

export function renderReport(format: FormatName, data: ReportData, options: RenderOptions): string {
  return REPORTERS[format].render(data, options);
}

/** The one rule for every command: `--json` is `--format json`; otherwise `--format`, default text.
 *  The CLI has already refused a --format the registry does not know. */
export function chosenFormat(values: {
  json?: boolean | undefined;
  format?: string | undefined;
}): FormatName {
  if (values.json) return 'json';
  return values.format !== undefined && isFormat(values.format) ? values.format : 'text';
}
