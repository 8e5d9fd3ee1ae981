import { describe, expect, it } from 'vitest';
import { exitStatusFor, type Finding, orderFindings, type Report } from '../../src/findings/finding.ts';
import { renderJson } from '../../src/report/json.ts';
import { renderMarkdown } from '../../src/report/markdown.ts';
import { renderTerminal } from '../../src/report/terminal.ts';

const privateModule: Finding = {
  cause: 'private-module-via-proxy',
  severity: 'error',
  title: 'Private module requested from a public proxy',
  message: 'git.corp.example.com/team/lib is not covered by GOPRIVATE.',
  module: 'git.corp.example.com/team/lib',
  evidence: [{ source: 'transcript', line: 3, text: 'reading https://u:tok3n@proxy.example/x: 410 Gone' }],
  location: { file: 'go.mod', line: 7, column: 2 },
  fixes: [
    {
      description: 'Mark the company modules as private',
      command: 'go env -w GOPRIVATE=git.corp.example.com',
    },
  ],
  docs: ['https://go.dev/ref/mod#private-modules'],
};
const deprecated: Finding = {
  cause: 'deprecated-module',
  severity: 'warning',
  title: 'Deprecated module',
  message: 'example.com/old is deprecated.',
};
const report = (findings: Finding[]): Report => ({
  tool: 'gomod-doctor',
  version: '0.1.0',
  command: 'explain',
  findings,
});

describe('findings', () => {
  it('orders errors first and keeps the producer order within a severity', () => {
    const info: Finding = { ...deprecated, severity: 'info', cause: 'conditional-dependency' };
    const second: Finding = { ...privateModule, cause: 'sumdb-private-module' };
    expect(orderFindings([info, deprecated, privateModule, second]).map((f) => f.cause)).toEqual([
      'private-module-via-proxy',
      'sumdb-private-module',
      'deprecated-module',
      'conditional-dependency',
    ]);
  });

  it('maps severities to the exit status of the contract', () => {
    expect(exitStatusFor([deprecated])).toBe(0);
    expect(exitStatusFor([deprecated, privateModule])).toBe(1);
    expect(exitStatusFor([])).toBe(0);
  });
});

describe('reporters', () => {
  it('JSON has the contract keys and no secret', () => {
    const text = renderJson(report([privateModule]));
    const doc = JSON.parse(text);
    expect(Object.keys(doc)).toEqual(['tool', 'version', 'command', 'findings']);
    expect(doc.findings[0].cause).toBe('private-module-via-proxy');
    expect(doc.findings[0].location).toEqual({ file: 'go.mod', line: 7, column: 2 });
    expect(text).not.toContain('tok3n');
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('terminal output names the cause, location and fix, in both languages', () => {
    const en = renderTerminal(report([privateModule]), { lang: 'en', color: false });
    expect(en).toContain(
      '✗ Private module requested from a public proxy (error, cause: private-module-via-proxy)',
    );
    expect(en).toContain('  go.mod:7:2');
    expect(en).toContain('    go env -w GOPRIVATE=git.corp.example.com');
    expect(en).not.toContain('tok3n');
    const zh = renderTerminal(report([privateModule]), { lang: 'zh-CN', color: false });
    expect(zh).toContain('错误');
    expect(zh).toContain('修复:');
    expect(renderTerminal(report([]), { lang: 'zh-CN', color: false })).toBe('✓ 没有发现问题。\n');
  });

  it('terminal output has no escape codes without colour, and has them with it', () => {
    expect(renderTerminal(report([privateModule]), { lang: 'en', color: false })).not.toMatch(/\x1b\[/);
    expect(renderTerminal(report([privateModule]), { lang: 'en', color: true })).toMatch(/\x1b\[/);
  });

  it('terminal output indents every line of a command of several lines', () => {
    const twoLines: Finding = {
      ...deprecated,
      fixes: [{ description: 'Remove it', command: 'chmod -R u+w dir\nrm -rf dir' }],
    };
    const lines = renderTerminal(report([twoLines]), { lang: 'en', color: false }).split('\n');
    const at = lines.indexOf('    chmod -R u+w dir');
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toBe('    rm -rf dir');
  });

  it('markdown has a summary table and the fix as a code block', () => {
    const md = renderMarkdown(report([privateModule, deprecated]), 'en');
    expect(md).toContain(
      '| error | `private-module-via-proxy` | Private module requested from a public proxy |',
    );
    expect(md).toContain('```sh\ngo env -w GOPRIVATE=git.corp.example.com\n```');
    expect(md).not.toContain('tok3n');
  });
});
