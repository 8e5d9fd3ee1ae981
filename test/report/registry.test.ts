// The reporter registry: one entry per --format name, and a meta-test that every registered
// format is documented (--help of every command that reports findings, both languages; README)
// and has its own expectations here. Adding a format means adding it to FORMAT_EXPECTATIONS.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { helpText } from '../../src/cli/help.ts';
import { COMMAND_SPECS, type CommandSpec } from '../../src/cli/specs.ts';
import type { Finding, Report } from '../../src/findings/finding.ts';
import { renderJson } from '../../src/report/json.ts';
import { renderMarkdown } from '../../src/report/markdown.ts';
import { chosenFormat, FORMAT_NAMES, type ReportData, renderReport } from '../../src/report/registry.ts';
import { renderSarif } from '../../src/report/sarif.ts';
import { renderTerminal } from '../../src/report/terminal.ts';
import { VERSION } from '../../src/version.ts';
import { repoRoot } from '../helpers/go-matrix.ts';

const finding: Finding = {
  cause: 'private-module-via-proxy',
  severity: 'error',
  title: 'Private module requested from a public proxy',
  message: 'git.corp.example.com/team/lib is not covered by GOPRIVATE.',
  evidence: [
    { source: 'transcript', line: 3, text: 'reading https://tok3nAsUser@proxy.example/x: 410 Gone' },
  ],
  location: { file: 'go.mod', line: 7, column: 2 },
  fixes: [
    { description: 'Mark the modules as private', command: 'go env -w GOPRIVATE=git.corp.example.com' },
  ],
};
const report: Report = { tool: 'gomod-doctor', version: VERSION, command: 'explain', findings: [finding] };
const data: ReportData = { report };
const options = { lang: 'en' as const, color: false };

/** What each registered format must produce; a format without an entry fails the meta-test. */
const FORMAT_EXPECTATIONS: Record<string, (output: string) => void> = {
  // The registry's forms are the existing reporters' bytes (plus the one redactor).
  text: (out) => expect(out).toBe(renderTerminal(report, options)),
  json: (out) => expect(out).toBe(renderJson(report)),
  sarif: (out) => {
    expect(out).toBe(renderSarif(report, VERSION));
    expect(JSON.parse(out).runs[0].results[0].ruleId).toBe('private-module-via-proxy');
  },
  markdown: (out) => expect(out).toBe(renderMarkdown(report, 'en')),
  github: (out) =>
    expect(out).toMatch(
      /^::error file=go\.mod,line=7,col=2,title=Private module requested from a public proxy \(private-module-via-proxy\)::/,
    ),
  codeclimate: (out) =>
    expect(JSON.parse(out)).toMatchObject([
      {
        check_name: 'private-module-via-proxy',
        severity: 'critical',
        location: { path: 'go.mod', lines: { begin: 7 } },
      },
    ]),
  junit: (out) => {
    expect(out).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/);
    expect(out).toContain('failures="1"');
  },
  html: (out) => {
    expect(out).toMatch(/^<!doctype html>/);
    expect(out).toContain('data-cause="private-module-via-proxy"');
  },
};

describe('the reporter registry', () => {
  it('every registered format has expectations, and meets them', () => {
    expect(Object.keys(FORMAT_EXPECTATIONS).sort()).toEqual([...FORMAT_NAMES].sort());
    for (const format of FORMAT_NAMES) FORMAT_EXPECTATIONS[format]!(renderReport(format, data, options));
  });

  it('every format masks secrets', () => {
    for (const format of FORMAT_NAMES)
      expect(renderReport(format, data, options)).not.toContain('tok3nAsUser');
  });

  it('every registered format is documented in --help of every command that reports findings, and in README', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const reporting = (Object.values(COMMAND_SPECS) as CommandSpec[]).filter((s) => s.reportsFindings);
    expect(reporting.map((s) => s.name).sort()).toEqual(['doctor', 'explain', 'tidy-check', 'trace']);
    for (const format of FORMAT_NAMES) {
      expect(readme, `README documents --format ${format}`).toMatch(
        new RegExp(`--format [^\\n]*\\b${format}\\b`),
      );
      for (const spec of reporting) {
        for (const lang of ['en', 'zh-CN'] as const) {
          expect(helpText(lang, spec.name), `${spec.name} --help (${lang})`).toMatch(
            new RegExp(`^\\s+${format}: `, 'm'),
          );
        }
      }
    }
  });

  it('one rule for --json and --format', () => {
    expect(chosenFormat({})).toBe('text');
    expect(chosenFormat({ json: true })).toBe('json');
    expect(chosenFormat({ format: 'sarif' })).toBe('sarif');
    expect(chosenFormat({ json: true, format: 'markdown' })).toBe('json');
  });

  it('a command adds JSON fields and its own text view without changing the others', () => {
    const withExtras: ReportData = { report, json: { tidy: { tidy: false } }, text: () => 'own view\n' };
    expect(JSON.parse(renderReport('json', withExtras, options))).toMatchObject({
      command: 'explain',
      tidy: { tidy: false },
    });
    expect(renderReport('text', withExtras, options)).toBe('own view\n');
    expect(renderReport('markdown', withExtras, options)).toBe(renderMarkdown(report, 'en'));
  });
});
