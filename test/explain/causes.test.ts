// Per-cause transcripts (message formats of messages.md, Go 1.19/1.23/1.24 variants, English and
// zh_CN git/Windows texts), both languages for every rule, and the catalog meta-test.
import { describe, expect, it } from 'vitest';
import { CAUSE_IDS, isCauseId } from '../../src/causes/catalog.ts';
import { DERIVED, NO_TRANSCRIPT_RULE, RULES } from '../../src/explain/causes/index.ts';
import type { Situation } from '../../src/explain/types.ts';
import { LANGS } from '../../src/i18n/lang.ts';
import { causeFixtures, explain, readFixture } from './helpers.ts';

const fixtures = causeFixtures();

describe('each cause fixture is explained as its cause, first', () => {
  it.each(fixtures)('$file', ({ cause, file }) => {
    const findings = explain(readFixture(file));
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0]!.cause).toBe(cause);
    for (const finding of findings) {
      expect(finding.evidence?.length).toBeGreaterThan(0);
      for (const e of finding.evidence ?? []) if (e.line !== undefined) expect(e.line).toBeGreaterThan(0);
    }
  });
});

describe('catalog coverage', () => {
  const withRule = new Set(RULES.filter((r) => r.patterns.length > 0).map((r) => r.cause));
  const fixtureCauses = new Set(fixtures.map((f) => f.cause));

  it('every rule names a catalog id, once', () => {
    const seen = new Set<string>();
    for (const rule of RULES) {
      expect(isCauseId(rule.cause), rule.cause).toBe(true);
      expect(seen.has(rule.cause), `duplicate rule ${rule.cause}`).toBe(false);
      seen.add(rule.cause);
    }
  });

  it('every catalog id has a pattern rule, is derived, or is listed as live/project-only with a reason', () => {
    for (const id of CAUSE_IDS) {
      const covered = withRule.has(id) || id in DERIVED || id in NO_TRANSCRIPT_RULE;
      expect(covered, `${id} has no rule and no reason`).toBe(true);
    }
    for (const [id, reason] of Object.entries({ ...NO_TRANSCRIPT_RULE, ...DERIVED })) {
      expect(isCauseId(id), id).toBe(true);
      expect(reason?.length ?? 0).toBeGreaterThan(10);
    }
  });

  it('every cause with a pattern rule (and every derived one) has at least one transcript fixture', () => {
    for (const id of [...withRule, ...Object.keys(DERIVED)]) {
      expect(fixtureCauses.has(id), `no fixture for ${id}`).toBe(true);
    }
  });

  it('pattern ids are unique within a rule and every pattern has needles and a source', () => {
    for (const rule of RULES) {
      const ids = rule.patterns.map((p) => p.id);
      expect(new Set(ids).size, rule.cause).toBe(ids.length);
      for (const p of rule.patterns) {
        expect(p.needles.length, `${rule.cause}/${p.id}`).toBeGreaterThan(0);
        expect(p.source.length).toBeGreaterThan(0);
        // The prefilter is literal: a needle that the regex could match without would hide it.
        expect(p.re.flags.includes('g'), `${rule.cause}/${p.id} must not be global`).toBe(false);
      }
    }
  });

  it('docs point to go.dev or pkg.go.dev (or golang.org short links)', () => {
    for (const rule of RULES) {
      expect(rule.docs.length, rule.cause).toBeGreaterThan(0);
      for (const url of rule.docs) expect(url).toMatch(/^https:\/\/(?:go\.dev|pkg\.go\.dev|golang\.org)\//);
    }
  });
});

describe('every rule renders in both languages', () => {
  const situations: Situation[] = [
    {},
    {
      module: 'git.corp.example.com/team/lib',
      version: 'v1.2.3',
      host: 'git.corp.example.com',
      url: 'https://proxy.golang.org/x/@v/list',
      detail: 'x',
      status: '410 Gone',
    },
    {
      module: 'github.com/Acme/lib',
      version: 'v1.0.0',
      ci: 'github-actions',
      windows: true,
      goprivate: 'a.example',
      goprivateFromEnv: true,
      alternatives: ['module-source-gone'],
    },
  ];
  it.each(RULES.map((r) => [r.cause, r] as const))('%s', (_cause, rule) => {
    for (const lang of LANGS) {
      expect(rule.title[lang].length).toBeGreaterThan(3);
      for (const s of situations) {
        const message = rule.message[lang](s);
        expect(message.length).toBeGreaterThan(10);
        expect(message).not.toMatch(/undefined|\[object /);
        for (const fix of rule.fixes(s)) {
          expect(fix.description[lang].length).toBeGreaterThan(3);
          if (fix.command !== undefined) expect(fix.command).not.toMatch(/undefined/);
        }
      }
    }
    // The Chinese text is not the English one.
    expect(rule.title['zh-CN']).not.toBe(rule.title.en);
  });

  it('findings are rendered in the requested language, cause ids unchanged', () => {
    const text = readFixture('private-module-via-proxy/go1.23-410.txt');
    const en = explain(text, { lang: 'en' });
    const zh = explain(text, { lang: 'zh-CN' });
    expect(zh.map((f) => f.cause)).toEqual(en.map((f) => f.cause));
    expect(zh[0]!.title).not.toBe(en[0]!.title);
    expect(zh[0]!.message).toMatch(/[\u4e00-\u9fff]/);
  });
});
