// One registry of output formats, keyed by the name `--format` takes. Every command that reports
// findings (doctor, explain, tidy-check, trace) hands the registry the same shape of data — the
// contract's report, what its JSON adds, its own terminal view — and the registry renders it, so a
// format means the same thing for every command. Every output passes the redactor last.
//
// Adding a format is one entry in REPORTERS (a name, its help text, a render function) plus its
// tests; test/report/registry.test.ts fails until the format is documented in --help and README.
import type { FailOn, Report } from '../findings/finding.ts';
import { redactDeep, redactSecrets } from '../findings/redact.ts';
import type { Lang } from '../i18n/lang.ts';
import { VERSION } from '../version.ts';
import type { CiPaths } from './ci-paths.ts';
import { renderCodeClimate } from './codeclimate.ts';
import { renderGithub } from './github.ts';
import { type HtmlInput, renderHtml } from './html.ts';
import { renderJson } from './json.ts';
import { type JunitCheck, renderJunit } from './junit.ts';
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
  /** The CI formats: the run's directory and the repository root, for repository-relative paths. */
  paths?: CiPaths;
  /** JUnit: the doctor's checks, one test case each (other commands: one case per finding). */
  checks?: JunitCheck[];
  /** `--fail-on`: which findings fail the run (JUnit marks those as failures). Default error. */
  failOn?: FailOn;
  /** The page's data for `--format html` (the command builds it only when html is asked for). */
  html?: HtmlInput;
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
  render: (data) =>
    redactSecrets(
      renderSarif(redactDeep(data.report), VERSION, {
        ...data.sarif,
        ...(data.paths ? { paths: data.paths } : {}),
      }),
    ),
};

const markdown: Reporter = {
  describe: { en: 'a pull-request comment', 'zh-CN': '拉取请求评论' },
  render: (data, options) =>
    redactSecrets(renderMarkdown(data.report, options.lang) + (data.markdownAppendix ?? '')),
};

const github: Reporter = {
  describe: {
    en: 'GitHub Actions annotations on the right line (10 per kind, the most important)',
    'zh-CN': 'GitHub Actions 标注，定位到对应行（每类 10 条，最重要的优先）',
  },
  render: (data, options) => renderGithub(redactDeep(data.report), data.paths ?? noPaths(), options.lang),
};

const codeclimate: Reporter = {
  describe: {
    en: 'GitLab Code Quality JSON for merge requests',
    'zh-CN': 'GitLab 代码质量（Code Quality）JSON，用于合并请求',
  },
  render: (data) => renderCodeClimate(data.report, data.paths ?? noPaths(), data.sarif?.defaultFile),
};

const junit: Reporter = {
  describe: {
    en: 'JUnit XML for CI test reports (doctor: a test case per check)',
    'zh-CN': '用于 CI 测试报告的 JUnit XML（doctor：每项检查一个测试用例）',
  },
  render: (data, options) =>
    renderJunit(data.report, {
      failOn: data.failOn ?? 'error',
      lang: options.lang,
      ...(data.checks ? { checks: data.checks } : {}),
    }),
};

const html: Reporter = {
  describe: {
    en: 'one self-contained HTML page (no request to any other address; works offline)',
    'zh-CN': '一个自包含的 HTML 页面（不向任何其他地址发请求；离线可用）',
  },
  render: (data, options) => renderHtml(data.html ?? { kind: 'explain', report: data.report }, options.lang),
};

/** Without paths, file paths stay as the findings give them (relative to where the run was). */
function noPaths(): CiPaths {
  return { cwd: process.cwd(), root: process.cwd() };
}

export const REPORTERS = {
  text,
  json,
  sarif,
  markdown,
  github,
  codeclimate,
  junit,
  html,
} as const satisfies Record<string, Reporter>;

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
