// The CI formats on real runs: SARIF valid against the official 2.1.0 schema (checked in), with
// fingerprints that stay when a finding's line moves; GitHub workflow commands escaped and capped at
// 10 per kind; GitLab Code Quality JSON; JUnit with one case per doctor check; the job summary.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDoctor } from '../../src/doctor/run.ts';
import { explainText } from '../../src/explain/index.ts';
import type { Finding, Report } from '../../src/findings/finding.ts';
import { repositoryRoot, rootRelative } from '../../src/report/ci-paths.ts';
import { renderCodeClimate } from '../../src/report/codeclimate.ts';
import {
  appendStepSummary,
  escapeData,
  escapeProperty,
  GITHUB_ANNOTATIONS_PER_KIND,
  renderGithub,
} from '../../src/report/github.ts';
import { renderJunit } from '../../src/report/junit.ts';
import { renderSarif } from '../../src/report/sarif.ts';
import { VERSION } from '../../src/version.ts';
import { goToolchains, repoRoot } from '../helpers/go-matrix.ts';
import { createSandbox, type Sandbox } from '../lab/kit/sandbox.ts';

const schema = JSON.parse(
  readFileSync(join(repoRoot, 'test', 'report', 'schemas', 'sarif-2.1.0.json'), 'utf8'),
);
// The schema's language-tag pattern is not valid with the `u` flag, which Ajv uses by default.
// Formats: URIs are checked below where it matters (relative paths); our SARIF has no date-times.
const validate = new AjvDraft04.default({
  allErrors: true,
  strict: false,
  unicodeRegExp: false,
  formats: { uri: true, 'uri-reference': true, 'date-time': true },
}).compile(schema);
const toolchain = goToolchains().at(-1);

function expectValidSarif(text: string): {
  runs: Array<{
    results: Array<Record<string, unknown>>;
    tool: { driver: { rules: Array<Record<string, unknown>> } };
    invocations?: unknown[];
  }>;
} {
  const doc = JSON.parse(text);
  const ok = validate(doc);
  expect(validate.errors ?? [], 'SARIF schema errors').toEqual([]);
  expect(ok).toBe(true);
  return doc;
}

const report = (command: string, findings: Finding[]): Report => ({
  tool: 'gomod-doctor',
  version: VERSION,
  command,
  findings,
});

describe.skipIf(!toolchain)('CI formats on real doctor runs', () => {
  let sandbox: Sandbox;
  let repo: string;
  let module: string;
  beforeAll(async () => {
    sandbox = await createSandbox({ go: toolchain! });
    // A repository with the module one directory down, as in monorepos.
    repo = join(sandbox.workDir, 'repo');
    module = join(repo, 'services', 'api');
    mkdirSync(join(repo, '.git'), { recursive: true });
    mkdirSync(module, { recursive: true });
  });
  afterAll(async () => {
    await sandbox?.dispose();
  });

  async function doctorOn(gomod: string) {
    await sandbox.writeFiles({ 'go.mod': gomod }, module);
    return runDoctor({ cwd: module, env: sandbox.env, lang: 'en', release: true });
  }

  const GOMOD =
    'module example.com/api\n\ngo 1.21\n\nrequire example.com/a v1.0.0\n\nreplace example.com/a => ../../../outside\n';

  it('SARIF: schema-valid, a rule per cause with descriptions, repository-relative paths, invocations', async () => {
    const result = await doctorOn(GOMOD);
    const paths = { cwd: module, root: repositoryRoot(module, {}) };
    expect(paths.root).toBe(repo);
    const doc = expectValidSarif(
      renderSarif(result.report, VERSION, { paths, exitCode: 1, defaultFile: 'go.mod' }),
    );
    const run = doc.runs[0]!;
    const causes = new Set(result.report.findings.map((f) => f.cause));
    expect(run.tool.driver.rules.map((r) => r.id).sort()).toEqual([...causes].sort());
    for (const rule of run.tool.driver.rules) {
      expect(rule.shortDescription).toBeDefined();
      expect(rule.fullDescription).toBeDefined();
      expect(rule.help).toBeDefined();
      expect(typeof rule.helpUri).toBe('string');
    }
    const uris = run.results.map(
      (r) =>
        (r.locations as Array<{ physicalLocation: { artifactLocation: { uri: string } } }>)[0]
          ?.physicalLocation.artifactLocation.uri,
    );
    expect(uris).toContain('services/api/go.mod');
    expect(run.invocations).toEqual([{ executionSuccessful: true, exitCode: 1 }]);
  });

  it('SARIF and Code Quality fingerprints stay the same when the finding moves to another line', async () => {
    const paths = { cwd: module, root: repo };
    const before = await doctorOn(GOMOD);
    const after = await doctorOn(GOMOD.replace('go 1.21\n', 'go 1.21\n\n// a comment\n// and another\n'));
    const lineOf = (r: typeof before) =>
      r.report.findings.find((f) => f.cause === 'replace-target-missing' || f.cause === 'local-replace')!
        .location!.line;
    expect(lineOf(after)).toBe(lineOf(before)! + 3);
    const prints = (r: typeof before) =>
      expectValidSarif(renderSarif(r.report, VERSION, { paths })).runs[0]!.results.map(
        (x) => x.partialFingerprints,
      );
    expect(prints(after)).toEqual(prints(before));
    const cq = (r: typeof before) =>
      (JSON.parse(renderCodeClimate(r.report, paths, 'go.mod')) as Array<{ fingerprint: string }>).map(
        (i) => i.fingerprint,
      );
    expect(cq(after)).toEqual(cq(before));
    expect(new Set(cq(after)).size).toBe(cq(after).length);
  });

  it('GitHub: annotations on the repository-relative file and line, fixes in the message', async () => {
    const result = await doctorOn(GOMOD);
    const text = renderGithub(result.report, { cwd: module, root: repo }, 'en');
    const replace = result.report.findings.find(
      (f) => f.cause === 'replace-target-missing' || f.cause === 'local-replace',
    )!;
    expect(text).toContain(
      `file=services/api/go.mod,line=${replace.location!.line},col=${replace.location!.column}`,
    );
    expect(text).toMatch(/^::error file=services\/api\/go\.mod,/m);
    expect(text).toMatch(/%0AFix: /);
  });

  it('Code Quality: the fields GitLab reads', async () => {
    const result = await doctorOn(GOMOD);
    const issues = JSON.parse(
      renderCodeClimate(result.report, { cwd: module, root: repo }, 'go.mod'),
    ) as Array<Record<string, unknown>>;
    expect(issues.length).toBe(result.report.findings.length);
    for (const issue of issues) {
      expect(issue).toMatchObject({
        description: expect.any(String),
        check_name: expect.any(String),
        fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/),
        severity: expect.stringMatching(/^(critical|major|info)$/),
        location: { path: 'services/api/go.mod', lines: { begin: expect.any(Number) } },
      });
    }
  });

  it('JUnit: one test case per doctor check, failed ones with their findings', async () => {
    const result = await doctorOn(GOMOD);
    const xml = renderJunit(result.report, {
      failOn: 'error',
      checks: result.outcomes.map((o) => ({
        id: o.check.id,
        status: o.status,
        findings: o.findings,
        durationMs: o.durationMs,
      })),
    });
    expect(xml.match(/<testcase /g)?.length).toBe(result.outcomes.length);
    const failed = result.outcomes.filter((o) => o.findings.some((f) => f.severity === 'error')).length;
    expect(failed).toBeGreaterThan(0);
    expect(xml).toContain(`failures="${failed}"`);
    expect(xml.match(/<failure /g)?.length).toBe(failed);
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites /);
  });
});

describe('CI formats on explain and on crafted findings', () => {
  it('SARIF of an explained transcript is schema-valid (no file: attached to go.mod)', () => {
    const transcript = readFileSync(
      join(repoRoot, 'examples', 'transcripts', 'private-module-410.txt'),
      'utf8',
    );
    const explained = report('explain', explainText(transcript).findings);
    const doc = expectValidSarif(renderSarif(explained, VERSION, { defaultFile: 'go.mod', exitCode: 1 }));
    expect(doc.runs[0]!.results[0]!.ruleId).toBe('private-module-via-proxy');
  });

  it('escapes what workflow commands would misread', () => {
    expect(escapeData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
    const finding: Finding = {
      cause: 'go-mod-syntax',
      severity: 'error',
      title: 'Bad, very: bad',
      message: 'line one\nline two 100%',
      location: { file: 'go.mod', line: 3, column: 1 },
    };
    const text = renderGithub(report('doctor', [finding]), { cwd: '/r', root: '/r' }, 'en');
    expect(text).toBe(
      '::error file=go.mod,line=3,col=1,title=Bad%2C very%3A bad (go-mod-syntax)::line one%0Aline two 100%25\n',
    );
  });

  it('a hostile message can neither forge a workflow command nor reach the terminal', () => {
    // Each way a reader could see a new line (NEL, U+2028/9, a lone CR, VT, FF) followed by a
    // forged command, and terminal escapes (ESC, the one-byte CSI U+009B, OSC 52), NUL, DEL, bidi.
    const hostile = [
      'go.mod\u0085::error file=x.go,line=1::forged NEL',
      '\u2028::warning::forged LS',
      '\u2029::notice::forged PS',
      '\u000b::error::forged VT\u000c::error::forged FF',
      '\u001b[2J\u001b]52;c;ZWNobyBwd25lZA==\u0007 \u009b31m red',
      'a\u0000b\u007fc\u202eevil\u2066',
    ].join(' ');
    const finding: Finding = {
      cause: 'go-mod-syntax',
      severity: 'error',
      title: `t\u001b[31m\u2028::error::x`,
      message: hostile,
      location: { file: 'go.mod', line: 1 },
    };
    const text = renderGithub(report('doctor', [finding]), { cwd: '/r', root: '/r' }, 'en');
    // One line, and nothing in it that any reader takes for a line break or a control.
    const lines = text.split(/\r\n|\r|\n|\u000b|\u000c|\u0085|\u2028|\u2029/);
    expect(lines).toEqual([expect.stringMatching(/^::error file=go\.mod,line=1,title=/), '']);
    expect(text.slice(0, -1)).not.toMatch(
      /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/,
    );
    // Shown, not swallowed: the reader of the annotation sees what the checkout tried.
    expect(text).toContain('go.mod\\x85::error file=x.go,line=1::forged NEL');
    expect(text).toContain('\\u2028::warning::forged LS');
    expect(text).toContain('\\x1b[2J\\x1b]52;c;ZWNobyBwd25lZA==\\x07 \\x9b31m red');
    expect(text).toContain('a\\x00b\\x7fc\\u202eevil\\u2066');
    expect(text).toContain('title=t\\x1b[31m\\u2028%3A%3Aerror%3A%3Ax (go-mod-syntax)::');
    // Tab stays a tab; % CR LF keep the runner's own escapes.
    expect(escapeData('a\tb\r\n%')).toBe('a\tb%0D%0A%25');
  });

  it(`emits at most ${GITHUB_ANNOTATIONS_PER_KIND} annotations per kind, the first ones, and says how many more`, () => {
    const findings: Finding[] = [];
    for (let i = 0; i < 13; i++)
      findings.push({ cause: 'unused-requirement', severity: 'warning', title: `w${i}`, message: 'm' });
    findings.push({ cause: 'go-mod-syntax', severity: 'error', title: 'e', message: 'm' });
    const lines = renderGithub(report('tidy-check', findings), { cwd: '/r', root: '/r' }, 'en')
      .trimEnd()
      .split('\n');
    expect(lines.filter((l) => l.startsWith('::warning')).length).toBe(GITHUB_ANNOTATIONS_PER_KIND);
    expect(lines.filter((l) => l.startsWith('::error')).length).toBe(1);
    expect(lines.find((l) => l.startsWith('::warning'))).toContain('title=w0 ');
    expect(lines.at(-1)).toMatch(/^gomod-doctor: 3 more warning\(s\) not annotated/);
  });

  it('a finding outside the repository gets no file property', () => {
    const finding: Finding = {
      cause: 'local-replace',
      severity: 'warning',
      title: 't',
      message: 'm',
      location: { file: '../../elsewhere/go.mod', line: 1 },
    };
    expect(rootRelative('../../elsewhere/go.mod', { cwd: '/r/a', root: '/r' })).toBeUndefined();
    expect(renderGithub(report('doctor', [finding]), { cwd: '/r/a', root: '/r' }, 'en')).not.toContain(
      'file=',
    );
  });

  it('appends the job summary when GITHUB_STEP_SUMMARY names a file, and only then', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gomod-summary-'));
    try {
      const file = join(dir, 'summary.md');
      expect(appendStepSummary({}, '## x')).toEqual({ written: false });
      expect(appendStepSummary({ GITHUB_STEP_SUMMARY: file }, '## one')).toEqual({ written: true });
      expect(appendStepSummary({ GITHUB_STEP_SUMMARY: file }, '## two https://u:hunter2@h.example')).toEqual({
        written: true,
      });
      expect(readFileSync(file, 'utf8')).toBe('## one\n## two https://u:***@h.example\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('JUnit for a command without checks: one case per finding, XML-escaped', () => {
    const xml = renderJunit(
      report('explain', [
        { cause: 'unknown', severity: 'error', title: 'a <b> & "c"', message: '\u001b[31mred' },
      ]),
      { failOn: 'error' },
    );
    expect(xml).toContain('failures="1"');
    expect(xml).toContain('a &lt;b&gt; &amp; &quot;c&quot;');
    expect(xml).not.toContain('\u001b');
  });

  it('JUnit: the severity and fix words in the language asked for', () => {
    const findings: Finding[] = [
      {
        cause: 'goproxy-off',
        severity: 'warning',
        title: 'GOPROXY=off',
        message: 'm',
        fixes: [{ description: 'use the default proxy', command: 'go env -u GOPROXY' }],
      },
    ];
    const en = renderJunit(report('doctor', findings), { failOn: 'warning' });
    expect(en).toContain(
      'warning: GOPROXY=off (goproxy-off)\n  m\n  fix: use the default proxy: go env -u GOPROXY',
    );
    const zh = renderJunit(report('doctor', findings), { failOn: 'warning', lang: 'zh-CN' });
    expect(zh).toContain(
      '警告: GOPROXY=off (goproxy-off)\n  m\n  修复: use the default proxy: go env -u GOPROXY',
    );
    // Ids and XML structure do not change with the language.
    expect(zh.replace(/警告/g, 'warning').replace(/修复/g, 'fix')).toBe(en);
  });
});
