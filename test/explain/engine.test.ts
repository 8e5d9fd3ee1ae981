// The engine's decisions: remote blocks, DNS precedence, old-toolchain signals, dedupe, unknown,
// false positives, and what the context changes.
import { describe, expect, it } from 'vitest';
import { appendPattern, privatePattern, removeFromCacheFix } from '../../src/explain/fixes.ts';
import type { ExplainContext } from '../../src/explain/types.ts';
import { causes, explain, readFixture } from './helpers.ts';

const PRIVATE_410 = `go: corp.example.com/x/y@v1.0.0: reading https://proxy.golang.org/corp.example.com/x/y/@v/v1.0.0.info: 410 Gone
\tserver response: not found: module corp.example.com/x/y: git ls-remote -q origin in /tmp/gopath/pkg/mod/cache/vcs/12: exit status 128:
\t\tfatal: could not read Username for 'https://corp.example.com': terminal prompts disabled
\tConfirm the import path was entered correctly.
\tIf this is a private repository, see https://golang.org/doc/faq#git_https for additional information.
`;

describe('the misleading cases', () => {
  it('terminal prompts disabled inside server response is the proxy failing: private-module-via-proxy, not git-auth-required', () => {
    expect(causes(PRIVATE_410)).toEqual(['private-module-via-proxy']);
  });

  it("a server's not-found answer pasted on its own is read as the server's text, not as local failures", () => {
    const body = (module: string, git: string) =>
      `not found: ${module}@v1.2.0: invalid version: git ls-remote -q origin in /tmp/gopath/pkg/mod/cache/vcs/ab12: exit status 128:\n\t${git}\n`;
    // The server could not reach a public forge: its outage, not the user's network.
    expect(
      causes(
        body(
          'github.com/org/repo',
          "fatal: unable to access 'https://github.com/org/repo/': Failed to connect to github.com port 443: Connection refused",
        ),
      ),
    ).toEqual(['proxy-server-error']);
    // The server could not read a private host: GOPRIVATE, not the user's credentials.
    expect(
      causes(
        body(
          'git.corp.example.com/team/lib',
          "fatal: could not read Username for 'https://git.corp.example.com': terminal prompts disabled",
        ),
      )[0],
    ).toBe('private-module-via-proxy');
    // The same git line typed by the go command itself is still local.
    expect(
      causes(
        "go: finding module\n\tfatal: could not read Username for 'https://git.corp.example.com': terminal prompts disabled\n",
      ),
    ).not.toContain('private-module-via-proxy');
  });

  it('a +incompatible version the proxy does not have is a major-version problem, not a private module', () => {
    const text =
      'go: github.com/a/b@v0.3.1 requires\n\tgithub.com/c/d@v2.19.6+incompatible: reading https://proxy.golang.org/github.com/c/d/@v/v2.19.6+incompatible.mod: 410 Gone\n';
    const [finding] = explain(text);
    expect(finding?.cause).toBe('major-version-suffix');
    expect(finding?.fixes?.[0]?.command).toBe("go mod graph | grep 'github.com/c/d@v2.19.6+incompatible'");
    expect(explain(text, { lang: 'zh-CN' })[0]?.message).toContain('+incompatible 版本只在');
  });

  it('an import path "_/<directory>" is GOPATH mode', () => {
    expect(
      causes(
        'package _/Users/me/src/athens/cmd/proxy is not in GOROOT (/usr/local/go/src/_/Users/me/src/athens/cmd/proxy)\n',
      ),
    ).toEqual(['gopath-mode']);
  });

  it('no such host inside server response is not a local DNS failure', () => {
    const text = `go: corp.example.com/x@v1.0.0: reading https://proxy.golang.org/corp.example.com/x/@v/v1.0.0.mod: 404 Not Found
\tserver response: not found: corp.example.com/x@v1.0.0: unrecognized import path "corp.example.com/x": https fetch: Get "https://corp.example.com/x?go-get=1": dial tcp: lookup corp.example.com on 8.8.8.8:53: no such host
`;
    expect(causes(text)).toEqual(['private-module-via-proxy']);
  });

  it('the same git text outside a server response is a local auth failure', () => {
    expect(causes(readFixture('git-auth-required/go1.23-direct.txt'))).toEqual([
      'git-auth-required',
      'module-source-gone',
    ]);
  });

  it('on a public forge the same text reads as a gone repository first, credentials second', () => {
    expect(causes(readFixture('module-source-gone/go1.23-direct-prompt.txt'))).toEqual([
      'module-source-gone',
      'git-auth-required',
    ]);
  });

  it('lookup HOST is DNS whatever follows (i/o timeout, connection refused)', () => {
    expect(causes(readFixture('dns-failure/go1.24-timeout.txt'))).toEqual(['dns-failure']);
    expect(causes(readFixture('dns-failure/go1.19-no-resolver.txt'))).toEqual(['dns-failure']);
  });

  it('unknown directive: toolchain is an old go, not a broken go.mod', () => {
    expect(causes(readFixture('go-version-too-new/go1.19-toolchain-directive.txt'))).toEqual([
      'go-version-too-new',
    ]);
    // On a current go the same directive name that is really unknown is a syntax error.
    expect(causes('go: errors parsing go.mod:\n/src/go.mod:4: unknown directive: requir\n')).toEqual([
      'go-mod-syntax',
    ]);
  });

  it('a refused proxy connection through HTTPS_PROXY is the proxy setting, not the target', () => {
    expect(causes(readFixture('http-proxy-misconfigured/proxyconnect-refused.txt'))).toEqual([
      'http-proxy-misconfigured',
    ]);
  });

  it('zip: not a valid zip file after a toolchain download is the toolchain, not the cache', () => {
    const text =
      'go: downloading go1.22 (linux/amd64)\ngo: golang.org/toolchain@v0.0.1-go1.22.linux-amd64.zip: zip: not a valid zip file\n';
    expect(causes(text)).toEqual(['toolchain-download']);
  });
});

describe('dedupe and evidence', () => {
  it('one finding per cause and module, with every evidence line and its line number', () => {
    const text = [
      'go: downloading example.com/a v1.0.0',
      'go: example.com/a@v1.0.0: Get "https://proxy.golang.org/example.com/a/@v/v1.0.0.zip": dial tcp 10.0.0.1:443: i/o timeout',
      'go: example.com/a@v1.0.0: Get "https://proxy.golang.org/example.com/a/@v/v1.0.0.mod": dial tcp 10.0.0.1:443: i/o timeout',
      'go: example.com/b@v1.0.0: Get "https://proxy.golang.org/example.com/b/@v/v1.0.0.mod": dial tcp 10.0.0.1:443: i/o timeout',
    ].join('\n');
    const findings = explain(text);
    expect(findings.map((f) => [f.cause, f.module])).toEqual([
      ['connect-timeout', 'example.com/a'],
      ['connect-timeout', 'example.com/b'],
    ]);
    expect(findings[0]!.evidence!.map((e) => e.line)).toEqual([2, 3]);
  });

  it('the root cause comes first: an environment problem before the network symptom', () => {
    const text = `go: go.mod requires go >= 1.23.0 (running go 1.21.5; GOTOOLCHAIN=local)
go: github.com/pkg/errors@v0.9.1: Get "https://proxy.golang.org/github.com/pkg/errors/@v/v0.9.1.info": dial tcp 1.2.3.4:443: i/o timeout
`;
    expect(causes(text)).toEqual(['go-version-too-new', 'connect-timeout']);
  });

  it('symptoms yield to the root in the same statement', () => {
    const text = `go: example.com/app imports
\tgithub.com/x/y: cannot find module providing package github.com/x/y: module github.com/x/y: Get "https://proxy.golang.org/github.com/x/y/@v/list": dial tcp: lookup proxy.golang.org: no such host
`;
    expect(causes(text)).toEqual(['dns-failure']);
  });

  it('go mod download -json Error strings are read as the lines they hold', () => {
    const text = `{
\t"Path": "corp.example.com/x/y",
\t"Version": "v1.0.0",
\t"Error": "corp.example.com/x/y@v1.0.0: reading https://proxy.golang.org/corp.example.com/x/y/@v/v1.0.0.info: 410 Gone\\n\\tserver response: not found: module corp.example.com/x/y: git ls-remote -q origin: exit status 128:\\n\\t\\tfatal: could not read Username for 'https://corp.example.com': terminal prompts disabled"
}
`;
    const findings = explain(text);
    expect(findings.map((f) => f.cause)).toEqual(['private-module-via-proxy']);
    expect(findings[0]!.evidence![0]!.line).toBe(4);
  });
});

describe('false positives', () => {
  it.each(['tidy-x-ok', 'build-x-ok', 'download-json-ok', 'go-test-fail', 'compile-errors', 'npm-errors'])(
    '%s gives no findings (compile and test failures are not module problems)',
    (name) => {
      expect(explain(readFixture(`_clean/${name}.txt`))).toEqual([]);
    },
  );

  it('warnings of a successful command are warnings, and exit status stays 0', () => {
    const findings = explain(readFixture('retracted-version/warning.txt'));
    expect(findings.map((f) => [f.cause, f.severity])).toEqual([['retracted-version', 'warning']]);
  });
});

describe('unknown', () => {
  it('quotes the error lines it did not understand', () => {
    const findings = explain(readFixture('_unknown/weird.txt'));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.cause).toBe('unknown');
    expect(findings[0]!.message).toContain('flux capacitor misaligned');
    expect(findings[0]!.evidence).toEqual([
      {
        source: 'transcript',
        line: 2,
        text: 'go: github.com/pkg/errors@v0.9.1: something entirely new happened: flux capacitor misaligned',
      },
    ]);
  });

  it('no error-looking line, no findings', () => {
    expect(explain('hello\nworld\n')).toEqual([]);
    expect(explain('')).toEqual([]);
  });

  it('a transcript that ends on an unanswered proxy request is a stall', () => {
    const text = '# get https://proxy.golang.org/github.com/pkg/errors/@v/list\n';
    const findings = explain(text);
    expect(findings.map((f) => [f.cause, f.module])).toEqual([['proxy-stall', 'github.com/pkg/errors']]);
  });
});

describe('context', () => {
  const base = (goEnv: Record<string, string>, extra: Partial<ExplainContext> = {}): ExplainContext => ({
    goEnv,
    ...extra,
  });

  it('GOPRIVATE empty: private-module-via-proxy, certain, with the exact pattern to add', () => {
    const [finding] = explain(PRIVATE_410, {
      context: base({ GOPRIVATE: '', GONOPROXY: '', GONOSUMDB: '' }),
    });
    expect(finding!.cause).toBe('private-module-via-proxy');
    expect(finding!.fixes![0]!.command).toBe('go env -w GOPRIVATE=corp.example.com');
  });

  it('existing GOPRIVATE values are kept (appended with a comma)', () => {
    const [finding] = explain(PRIVATE_410, {
      context: base({ GOPRIVATE: 'git.other.example', GONOPROXY: 'git.other.example' }),
    });
    expect(finding!.fixes![0]!.command).toBe('go env -w GOPRIVATE=git.other.example,corp.example.com');
  });

  it('GOPRIVATE set in the process environment: the fix is the variable, not go env -w', () => {
    const [finding] = explain(PRIVATE_410, {
      context: base({ GOPRIVATE: 'a.example' }, { envSetInProcess: ['GOPRIVATE'] }),
    });
    expect(finding!.fixes![0]!.command).toBe('export GOPRIVATE="a.example,corp.example.com"');
  });

  it('GOPRIVATE already covers it here: the command that failed ran without it (env-not-inherited)', () => {
    const [finding] = explain(PRIVATE_410, {
      context: base({ GOPRIVATE: 'corp.example.com', GONOPROXY: 'corp.example.com' }),
    });
    expect(finding!.cause).toBe('env-not-inherited');
    expect(finding!.message).toContain('GOPRIVATE');
  });

  it('GOPRIVATE covers it but an explicit GONOPROXY does not: goprivate-misconfigured', () => {
    const [finding] = explain(PRIVATE_410, {
      context: base({ GOPRIVATE: 'corp.example.com', GONOPROXY: 'none' }),
    });
    expect(finding!.cause).toBe('goprivate-misconfigured');
    expect(finding!.fixes![0]!.command).toBe('go env -u GONOPROXY');
  });

  it('GOPRIVATE with an extra trailing slash never matches: goprivate-misconfigured, with the repaired list', () => {
    const [finding] = explain(PRIVATE_410, {
      context: base({ GOPRIVATE: 'git.other.example,corp.example.com//', GONOPROXY: '', GONOSUMDB: '' }),
    });
    expect(finding!.cause).toBe('goprivate-misconfigured');
    expect(finding!.message).toContain('"corp.example.com//"');
    expect(finding!.fixes![0]!.command).toBe('go env -w GOPRIVATE=git.other.example,corp.example.com');
  });

  it('a broken GOPRIVATE entry meant for another host is not the cause', () => {
    const [finding] = explain(PRIVATE_410, {
      context: base({ GOPRIVATE: 'https://git.other.example', GONOPROXY: '', GONOSUMDB: '' }),
    });
    expect(finding!.cause).toBe('private-module-via-proxy');
  });

  it('go.mod gives the location of the requirement', () => {
    const [finding] = explain(PRIVATE_410, {
      context: {
        goMod: {
          file: 'go.mod',
          requires: [{ path: 'corp.example.com/x/y', version: 'v1.0.0', line: 7, column: 2 }],
        },
      },
    });
    expect(finding!.location).toEqual({ file: 'go.mod', line: 7, column: 2 });
  });

  it('GitHub Actions logs get the workflow env: form', () => {
    const text = PRIVATE_410.split('\n')
      .map((l) => (l ? `2024-05-01T10:00:00.1234567Z ${l}` : l))
      .join('\n');
    const [finding] = explain(text);
    expect(finding!.fixes![0]!.command).toBe('env:\n  GOPRIVATE: corp.example.com');
  });
});

describe('fix builders', () => {
  it('GOPRIVATE patterns: host, or host/org on a public forge', () => {
    expect(privatePattern('git.corp.example.com/team/lib')).toBe('git.corp.example.com');
    expect(privatePattern('github.com/acme/lib/v2')).toBe('github.com/acme');
    expect(privatePattern('gitlab.com/group/sub/lib')).toBe('gitlab.com/group');
    expect(appendPattern('a.com,', 'b.com')).toBe('a.com,b.com');
    expect(appendPattern('a.com', 'a.com')).toBe('a.com');
  });

  it('removes one module from the cache, with the !-escaped path in single quotes', () => {
    const fix = removeFromCacheFix({
      module: 'github.com/Azure/go-autorest',
      version: 'v14.2.0+incompatible',
    })!;
    expect(fix.command).toContain(
      `"$(go env GOMODCACHE)"'/cache/download/github.com/!azure/go-autorest/@v/v14.2.0+incompatible.'*`,
    );
    expect(fix.command).not.toContain('go clean -modcache');
  });
});

describe('ranking: the error that stopped the command before the setting around it', () => {
  it('a GOPATH-mode frame ranks after the network error it wraps', () => {
    const text = `package cloud.google.com/go/civil: unrecognized import path "cloud.google.com/go/civil" (https fetch: Get https://cloud.google.com/go/civil?go-get=1: dial tcp 216.58.200.238:443: i/o timeout)\n`;
    expect(causes(text)).toEqual(['connect-timeout', 'gopath-mode']);
  });

  it('a GOPATH-mode error with nothing deeper is still the explanation', () => {
    expect(causes(readFixture('gopath-mode/off.txt'))[0]).toBe('gopath-mode');
  });

  it('text inside a server response never demotes the local finding on its line', () => {
    const text = `go: corp.example.com/x/y@v1.0.0: reading https://proxy.golang.org/corp.example.com/x/y/@v/v1.0.0.info: 410 Gone server response: not found: fatal: could not read Username for 'https://corp.example.com': terminal prompts disabled\n`;
    expect(causes(text)[0]).toBe('private-module-via-proxy');
  });
});

describe('hangs that end on a prompt', () => {
  it('git asking for a password: credential-helper-hang', () => {
    const text = `git pull --ff-only\nUsername for 'https://github.com': someone\nPassword for 'https://someone@github.com': `;
    const [finding] = explain(text);
    expect(finding!.cause).toBe('credential-helper-hang');
    expect(finding!.fixes![0]!.command).toContain('github.com');
  });

  it('ssh asking for a passphrase or a host key: ssh-prompt-hang', () => {
    expect(
      causes("cd /tmp/x; git ls-remote -q origin\nEnter passphrase for key '/home/u/.ssh/id_ed25519': "),
    ).toEqual(['ssh-prompt-hang']);
    expect(
      causes(
        "The authenticity of host 'github.com (140.82.121.3)' can't be established.\nAre you sure you want to continue connecting (yes/no/[fingerprint])? ",
      ),
    ).toEqual(['ssh-prompt-hang']);
  });

  it('a prompt followed by the failure is not a hang', () => {
    const text = `Username for 'https://github.com': \nfatal: could not read Username for 'https://github.com': terminal prompts disabled\n`;
    expect(causes(text)).not.toContain('credential-helper-hang');
  });
});
