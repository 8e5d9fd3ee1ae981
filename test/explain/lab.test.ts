// Transcripts produced by the test lab (real go commands against fault-injecting servers):
// each case name maps to the cause explain must name, for every Go version recorded.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainText } from '../../src/explain/index.ts';
import type { ExplainContext } from '../../src/explain/types.ts';
import { transcriptsDir } from './helpers.ts';

/**
 * The cause per Go release, for cases whose releases print different things: `other` is every
 * release not named (e.g. 1.19 predates a message, or cannot show the cause at all).
 */
type PerRelease = { readonly other: string | null } & Readonly<Record<string, string | null>>;

/** Case name → expected first cause (null: a successful run, no findings). */
const EXPECTED: Record<string, string | null | PerRelease> = {
  'git-401': 'git-auth-required',
  'git-file-ok': null,
  'git-http-ok': null,
  // Output ends while git ls-remote runs: waiting on the network or a credential helper; the
  // transcript cannot tell which, so the answer is unknown (with the pending command named).
  'git-stall': 'unknown',
  'proxy-403': 'egress-policy-forbidden',
  'proxy-404': 'unknown-revision',
  'proxy-410-private': 'private-module-via-proxy',
  'proxy-500': 'proxy-server-error',
  'proxy-502': 'proxy-server-error',
  'proxy-checksum-mismatch': 'checksum-mismatch',
  // Fetched with 200 OK just before: the proxy served it broken (the go command deletes a bad zip).
  'proxy-corrupt-zip': 'proxy-server-error',
  'proxy-eof': 'connection-reset',
  'proxy-ok': null,
  'proxy-refused': 'connection-refused',
  'proxy-reset': 'connection-reset',
  'proxy-slow': null,
  'proxy-stall': 'proxy-stall',
  'proxy-truncated-zip': 'proxy-server-error',
  // Live-only causes: the transcript ends while waiting, and says no more than that.
  'cache-lock-wait': null, // the last request completed; the lock wait prints nothing
  'connect-timeout': 'proxy-stall', // cut before Go's 30 s dial timeout: indistinguishable from a stalled proxy
  'credential-helper-hang': 'unknown', // git left running: network or helper, not decidable
  'ssh-prompt-hang': 'unknown',
  'https-connect-stall': 'proxy-stall',
  'sumdb-stall': 'proxy-stall', // the catalog's proxy-stall covers the checksum database too
  'disk-full': 'disk-full',
  'disk-inodes': 'disk-full',
  'dns-answer': 'dns-poisoned',
  'dns-nxdomain': 'dns-failure',
  'dns-servfail': 'dns-failure',
  'dns-timeout': 'dns-failure',
  'https-connect-403': 'egress-policy-forbidden',
  'https-connect-407': 'http-proxy-misconfigured',
  'https-expired': 'tls-untrusted-certificate',
  'https-git-auth': 'git-auth-required',
  'https-ok': null,
  'https-private-via-proxy': 'private-module-via-proxy',
  'https-proxy-refused': 'http-proxy-misconfigured',
  'https-self-signed': 'tls-untrusted-certificate',
  'https-sumdb-private-direct': 'sumdb-private-module',
  'https-sumdb-private-mirror': 'sumdb-private-module',
  'https-wrong-name': 'tls-untrusted-certificate',
  'go-get-404': 'go-get-discovery-failed',
  'go-get-no-meta': 'go-get-discovery-failed',
  'go-get-meta-mismatch': 'go-get-discovery-failed',
  'go-get-multiple-meta': 'go-get-discovery-failed',
  // GOPRIVATE that never matches is invisible in the output: without the user's settings the
  // transcript is the plain private-module case; with them (see below) it is goprivate-misconfigured.
  'goprivate-url-scheme': 'private-module-via-proxy',
  'goprivate-space': 'sumdb-private-module',
  'modcache-permission': 'modcache-permission',
  'modcache-read-only': 'modcache-permission',
  'sumdb-gone': 'sumdb-private-module',
  'sumdb-mismatch': 'checksum-mismatch',
  'sumdb-ok': null,
  'sumdb-refused': 'sumdb-unreachable',
  'connect-timeout-30s': 'connect-timeout',
  'https-tls-handshake-timeout': 'tls-handshake-timeout',
  // Project faults (test/lab/project-faults.test.ts): go.mod, go.sum, go.work, vendor/, paths,
  // versions and the environment, all offline.
  'gomod-unknown-directive': 'go-mod-syntax',
  'gomod-require-usage': 'go-mod-syntax',
  // 1.19 skips the malformed line silently and then misses the hash: what it prints is a missing entry.
  'gosum-wrong-fields': { '1.19': 'missing-go-sum-entry', other: 'go-sum-malformed' },
  'module-path-mismatch': 'module-path-mismatch',
  'major-version-no-suffix': 'major-version-suffix',
  'malformed-module-path': 'malformed-module-path',
  // `go.mod:6:2: no matching versions for query "v1.2"` / `module lookup disabled by GOPROXY=off`:
  // the lookup only happened because the go.mod version is not canonical.
  'version-not-canonical': 'invalid-version-syntax',
  'version-branch-name': 'invalid-version-syntax',
  'no-matching-latest': 'no-matching-versions',
  // The proxy's 404 says "no matching versions": an answer about the module, not a private fetch.
  'no-module-provides-package': 'no-matching-versions',
  'package-not-in-module': 'package-not-in-module',
  'ambiguous-import': 'ambiguous-import',
  'retracted-version': 'retracted-version',
  'deprecated-module': 'deprecated-module',
  'missing-go-sum-entry': 'missing-go-sum-entry',
  'checksum-mismatch-cached': 'checksum-mismatch',
  'checksum-mismatch-gomod-cached': 'checksum-mismatch',
  'needs-update-no-require': 'go-mod-needs-update',
  'needs-update-indirect': 'go-mod-needs-update',
  'vendor-lookup': 'vendor-mode-lookup',
  'inconsistent-vendoring': 'inconsistent-vendoring',
  'install-replace-directive': 'install-replace-directive',
  'install-exclude-directive': 'install-replace-directive',
  'import-cycle': 'import-cycle',
  'replace-target-missing': 'replace-target-missing',
  'conflicting-replace': 'conflicting-replace',
  'no-main-module': 'no-main-module',
  'gopath-mode': 'gopath-mode',
  'gopath-mode-get': 'gopath-mode',
  // 1.19 prints only `go: open $WORK/missing/go.mod: no such file or directory`: nothing in it says
  // go.work, so unknown (with the line quoted) is the honest answer.
  'workspace-missing-dir': { '1.19': 'unknown', other: 'workspace-mismatch' },
  // 1.19 does not detect the duplicate; it reports the directory outside every workspace module.
  'workspace-duplicate-module': 'workspace-mismatch',
  'go-version-too-new': 'go-version-too-new',
  'go-version-three-part': 'go-version-too-new',
  // 1.19 predates toolchain switching: it rejects the three-part go line as too new a format.
  'toolchain-unavailable': { '1.19': 'go-version-too-new', other: 'toolchain-download' },
  'build-constraints-exclude': 'build-constraints-exclude',
  'goflags-invalid': 'goflags-invalid',
  'gocache-off': 'gocache-unusable',
  'gocache-no-home': 'gocache-unusable',
  'goroot-mismatch': 'goroot-broken',
  'goroot-missing': 'goroot-broken',
  'go-not-installed': 'go-not-installed',
  'goproxy-off': 'goproxy-off',
  'goproxy-invalid': 'goproxy-invalid',
  'vcs-disallowed': 'vcs-disallowed',
  'vcs-git-missing': 'git-not-installed',
  'vcs-unknown-revision': 'unknown-revision',
  'vcs-pseudo-version-time': 'pseudo-version-invalid',
  'vcs-zip-invalid-file': 'module-zip-invalid',
  'excluded-version': 'excluded-version',
  'goproxy-credentials-http': 'goproxy-invalid',
  'vcs-branch-not-tag': 'unknown-revision',
  'vcs-nested-module-missing': 'nested-module-missing',
  'sumdb-block-page': 'sumdb-misbehaving',
  'sumdb-foreign-tree-head': 'sumdb-misbehaving',
  'internal-import': 'internal-import',
  'mixed-packages': 'mixed-packages',
  // 1.19 ignores GOTOOLCHAIN and stops at the toolchain line it cannot parse (too old a go).
  'gotoolchain-invalid': { '1.19': 'go-version-too-new', other: 'gotoolchain-invalid' },
  'setting-shadowed': 'setting-shadowed',
};

/** Cases whose go command succeeds with a warning: their findings must all be warnings. */
const WARNING_ONLY = new Set(['retracted-version', 'deprecated-module', 'setting-shadowed']);

function expectedFor(name: string, goVersion: string): string | null {
  const expected = EXPECTED[name]!;
  if (expected === null || typeof expected === 'string') return expected;
  return goVersion in expected ? expected[goVersion]! : expected.other;
}

const CJK = /[\u4e00-\u9fff]/;

const files = existsSync(transcriptsDir)
  ? readdirSync(transcriptsDir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
  : [];

describe.skipIf(files.length === 0)('lab transcripts', () => {
  it.each(files)('%s', (file) => {
    const [, name, goVersion] = /^(.+)\.go(\d+\.\d+)\.txt$/.exec(file)!;
    expect(name! in EXPECTED, `add ${name} to the table`).toBe(true);
    const findings = explainText(readFileSync(join(transcriptsDir, file), 'utf8')).findings;
    const expected = expectedFor(name!, goVersion!);
    if (expected === null) expect(findings).toEqual([]);
    else expect(findings[0]?.cause).toBe(expected);
    if (WARNING_ONLY.has(name!)) expect(findings.map((f) => f.severity)).toEqual(['warning']);
  });

  // Every finding of every lab transcript, rendered in Chinese: same causes, Chinese texts (no
  // English fallback), no holes in the templates.
  it.each(files)('%s in zh-CN', (file) => {
    const text = readFileSync(join(transcriptsDir, file), 'utf8');
    const english = explainText(text, { lang: 'en' }).findings;
    const chinese = explainText(text, { lang: 'zh-CN' }).findings;
    expect(chinese.map((f) => f.cause)).toEqual(english.map((f) => f.cause));
    chinese.forEach((finding, i) => {
      const label = `${file}: ${finding.cause}`;
      expect(finding.title, label).toMatch(CJK);
      expect(finding.title, label).not.toBe(english[i]!.title);
      expect(finding.message, label).toMatch(CJK);
      expect(finding.message, label).not.toBe(english[i]!.message);
      expect(`${finding.title} ${finding.message}`, label).not.toMatch(/undefined|\[object |NaN/);
      for (const fix of finding.fixes ?? []) {
        expect(fix.description, label).toMatch(CJK);
        if (fix.command !== undefined) expect(fix.command, label).not.toMatch(/undefined/);
      }
    });
  });
});

/**
 * Lab cases whose cause only the user's settings reveal: the go environment the case ran with (as
 * `gomod-doctor explain` reads it with `go env`) turns the symptom into the root cause.
 */
const WITH_CONTEXT: Record<string, { context: ExplainContext; cause: string; fix: string }> = {
  'goprivate-url-scheme': {
    context: {
      goEnv: {
        GOPRIVATE: 'https://git.corp.example.com',
        GONOPROXY: '',
        GONOSUMDB: '',
        GOPROXY: 'https://proxy.golang.org',
      },
    },
    cause: 'goprivate-misconfigured',
    fix: 'go env -w GOPRIVATE=git.corp.example.com',
  },
  'goprivate-space': {
    context: {
      goEnv: {
        GOPRIVATE: 'other.example.com, git.corp.example.com',
        GONOPROXY: '',
        GONOSUMDB: '',
        GOPROXY: 'https://proxy.golang.org,direct',
      },
      envSetInProcess: ['GOPRIVATE'],
    },
    cause: 'goprivate-misconfigured',
    fix: 'export GOPRIVATE="other.example.com,git.corp.example.com"',
  },
};

const contextFiles = files.filter((f) => /^(.+)\.go\d+\.\d+\.txt$/.exec(f)![1]! in WITH_CONTEXT);

describe.skipIf(contextFiles.length === 0)('lab transcripts with the go environment they ran with', () => {
  it.each(contextFiles)('%s', (file) => {
    const name = /^(.+)\.go\d+\.\d+\.txt$/.exec(file)![1]!;
    const { context, cause, fix } = WITH_CONTEXT[name]!;
    const text = readFileSync(join(transcriptsDir, file), 'utf8');
    for (const lang of ['en', 'zh-CN'] as const) {
      const [finding] = explainText(text, { context, lang }).findings;
      expect(finding?.cause, lang).toBe(cause);
      expect(finding?.fixes?.[0]?.command, lang).toBe(fix);
      expect(finding?.message, lang).toContain(context.goEnv!.GOPRIVATE!);
    }
  });

  it('a GOPRIVATE that does match is not called misconfigured', () => {
    const file = contextFiles.find((f) => f.startsWith('goprivate-url-scheme.'))!;
    const text = readFileSync(join(transcriptsDir, file), 'utf8');
    const findings = explainText(text, {
      context: { goEnv: { GOPRIVATE: 'other.example.com', GONOPROXY: '', GONOSUMDB: '' } },
    }).findings;
    expect(findings[0]?.cause).toBe('private-module-via-proxy');
  });
});

describe('a GOROOT that is gone or of another release', () => {
  const transcript = (name: string) =>
    files.filter((f) => f.startsWith(`${name}.`)).map((f) => readFileSync(join(transcriptsDir, f), 'utf8'));

  it.each(transcript('goroot-missing'))(
    'names the missing directory and says to unset GOROOT (%#)',
    (text) => {
      const [finding] = explainText(text).findings;
      expect(finding?.message).toContain('GOROOT is set to $LAB/go-removed');
      expect(finding?.fixes?.[0]?.command).toBe('unset GOROOT; go env -u GOROOT');
    },
  );

  it.each(transcript('goroot-mismatch'))(
    'names both releases and suggests no unset of a real GOROOT (%#)',
    (text) => {
      const [finding] = explainText(text).findings;
      expect(finding?.message).toMatch(/\(compiler go1\.\d+\.\d+, go command go1\.\d+\.\d+\)/);
      expect(finding?.fixes?.map((f) => f.command)).not.toContain('unset GOROOT; go env -u GOROOT');
    },
  );
});
