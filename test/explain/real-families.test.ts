// Message families that real reports showed explain reading wrongly, one synthetic example each
// (module paths and hosts made up; the wording follows the go command's format strings and the
// servers' answers). Each family is a general rule, not a case: see the comments in the rules.
import { describe, expect, it } from 'vitest';
import { isProxiedSumdb, malformedPseudoVersion } from '../../src/explain/causes/network.ts';
import { causes, explain } from './helpers.ts';

const GOENV_PRIVATE = {
  goEnv: { GOPRIVATE: 'github.com/acme-corp', GOPROXY: 'https://proxy.golang.org,direct' },
};

describe('a public forge refusing a repository', () => {
  const prompt = `go: github.com/someone/vanished@v0.0.0-20190101000000-0123456789ab: invalid version: git ls-remote -q origin in /home/u/go/pkg/mod/cache/vcs/0a: exit status 128:
\tfatal: could not read Username for 'https://github.com': terminal prompts disabled
Confirm the import path was entered correctly.
If this is a private repository, see https://golang.org/doc/faq#git_https for additional information.
`;

  it('a credential request from github.com is a gone repository first, credentials second', () => {
    expect(causes(prompt)).toEqual(['module-source-gone', 'git-auth-required']);
  });

  it('GOPRIVATE covering the module says it is private: credentials', () => {
    const text = prompt.replaceAll('someone/vanished', 'acme-corp/secret');
    expect(causes(text, GOENV_PRIVATE)).toEqual(['git-auth-required', 'module-source-gone']);
  });

  it('a self-hosted forge asking for credentials is a credential problem', () => {
    const text = prompt.replaceAll('github.com', 'git.corp.example');
    expect(causes(text)).toEqual(['git-auth-required', 'module-source-gone']);
  });

  it('GOPATH-era go get with `remote: Repository not found`', () => {
    const text = `# cd .; git clone https://github.com/someone/moved /home/u/go/src/github.com/someone/moved
Cloning into '/home/u/go/src/github.com/someone/moved'...
remote: Repository not found.
fatal: repository 'https://github.com/someone/moved/' not found
package github.com/someone/moved: exit status 128
`;
    expect(causes(text)[0]).toBe('module-source-gone');
  });

  it("GitHub's ssh wording `ERROR: Repository not found` under a vanity path", () => {
    const text = `go: vanity.example/tool@v0.0.0-20200101000000-abcdefabcdef: invalid version: git fetch -f https://github.com/someone/tool refs/heads/*:refs/heads/* in /home/u/go/pkg/mod/cache/vcs/1b: exit status 128:
\tERROR: Repository not found.
\tfatal: Could not read from remote repository.
`;
    expect(causes(text)[0]).toBe('module-source-gone');
  });

  it('a password prompt for a named user is a credential problem', () => {
    const text = prompt.replace(
      "could not read Username for 'https://github.com'",
      "could not read Password for 'https://ci-bot@github.com'",
    );
    expect(causes(text)).toEqual(['git-auth-required', 'module-source-gone']);
  });

  it('rejected credentials are still a credential problem', () => {
    const text = `go: github.com/someone/x@v1.0.0: invalid version: git ls-remote -q origin in /tmp/c: exit status 128:
\tremote: Invalid username or password.
\tfatal: Authentication failed for 'https://github.com/someone/x/'
`;
    expect(causes(text)).toEqual(['git-auth-required']);
  });

  it('inside a proxy response: private first (GOPRIVATE is what is usually missing), gone second', () => {
    const text = `go: github.com/someone/vanished@v1.0.0: reading https://proxy.golang.org/github.com/someone/vanished/@v/v1.0.0.info: 404 Not Found
\tserver response: not found: github.com/someone/vanished@v1.0.0: invalid version: git ls-remote -q origin in /tmp/c: exit status 128:
\t\tfatal: could not read Username for 'https://github.com': terminal prompts disabled
`;
    const findings = explain(text);
    expect(findings.map((f) => f.cause)).toEqual(['private-module-via-proxy', 'module-source-gone']);
    expect(findings[1]!.message).toContain('proxy.golang.org');
    expect(explain(text, { lang: 'zh-CN' })[1]!.message).toContain('代理');
  });
});

describe('third-party and self-hosted proxies failing', () => {
  it('a mirror answering 404 for a public module is the mirror failing', () => {
    const text = `go: github.com/someone/lib@v1.2.0: reading https://goproxy.example.net/github.com/someone/lib/@v/v1.2.0.info: 404 Not Found
`;
    expect(causes(text)).toEqual(['proxy-server-error', 'unknown-revision']);
  });

  it('the official proxy answering 404 for a public module stays private-or-gone', () => {
    const text = `go: github.com/someone/lib@v1.2.0: reading https://proxy.golang.org/github.com/someone/lib/@v/v1.2.0.info: 404 Not Found
`;
    expect(causes(text)[0]).toBe('private-module-via-proxy');
  });

  it('a 404 for a zip (after the version and its go.mod were served) is the proxy failing', () => {
    const text = `go: github.com/someone/lib@v1.2.0: reading https://proxy.golang.org/github.com/someone/lib/@v/v1.2.0.zip: 404 Not Found
\tserver response: not found
`;
    expect(causes(text)).toEqual(['proxy-server-error']);
  });

  it("the direct fetch's unknown revision elsewhere in the log settles a mirror's guess", () => {
    const text = `go: github.com/someone/lib/sub@v0.3.0: unexpected status (https://goproxy.example.net/github.com/someone/lib/sub/@v/v0.3.0.info): 410 Gone

go: github.com/someone/lib/sub@v0.3.0: unknown revision sub/v0.3.0
`;
    expect(causes(text)).toEqual(['unknown-revision', 'git-auth-required']);
  });

  it('a 400 Bad Request for a release is the proxy refusing', () => {
    const text = `go: github.com/someone/lib@v1.0.0: unexpected status (https://goproxy.example.net/github.com/someone/lib/@v/v1.0.0.mod): 400 Bad Request
`;
    expect(causes(text)).toEqual(['proxy-server-error']);
  });
});

describe('checksum lookups', () => {
  it("a proxy's /sumdb/ endpoint failing (tile 404, 502, reset) is the proxy's failure", () => {
    for (const tail of [
      'checking tree#100 against tree#200: reading https://goproxy.example.net/sumdb/sum.golang.org/tile/8/1/237: 404 Not Found',
      'reading http://localhost:8080/sumdb/sum.golang.org/lookup/github.com/someone/lib@v1.0.0: 502 Bad Gateway',
      'Get "https://goproxy.example.net/sumdb/sum.golang.org/lookup/github.com/someone/lib@v1.0.0": read tcp 10.0.0.2:1->10.0.0.3:443: read: connection reset by peer',
    ]) {
      const text = `go: github.com/someone/lib@v1.0.0: verifying module: github.com/someone/lib@v1.0.0: ${tail}\n`;
      expect(causes(text)[0], tail).toBe('proxy-server-error');
    }
    expect(isProxiedSumdb('https://corp-proxy.example/sum.golang.org/lookup/x@v1')).toBe(true);
    expect(isProxiedSumdb('https://sum.golang.org/lookup/x@v1')).toBe(false);
  });

  it('sum.golang.org directly unreachable stays sumdb-unreachable', () => {
    const text = `go: verifying github.com/someone/lib@v1.0.0: Get "https://sum.golang.org/lookup/github.com/someone/lib@v1.0.0": dial tcp 142.250.0.1:443: i/o timeout\n`;
    expect(causes(text)).toContain('sumdb-unreachable');
  });

  it('sum.golang.org still answering "unknown revision" for a public version just downloaded: its cached not-found', () => {
    const text = `go: downloading github.com/someone/lib v0.4.0
go: github.com/someone/lib@v0.4.0: verifying module: github.com/someone/lib@v0.4.0: reading https://sum.golang.org/lookup/github.com/someone/lib@v0.4.0: 404 Not Found
\tserver response: not found: github.com/someone/lib@v0.4.0: invalid version: unknown revision v0.4.0
`;
    const findings = explain(text);
    expect(findings[0]!.cause).toBe('proxy-cached-not-found');
    expect(findings.map((f) => f.cause)).toContain('sumdb-private-module');
    expect(findings[0]!.fixes!.map((f) => f.command)).toContain(
      'GOPROXY=direct go get github.com/someone/lib@v0.4.0',
    );
    expect(explain(text, { lang: 'zh-CN' })[0]!.message).toContain('缓存');
  });

  it('the checksum server timing out on its own fetch is an outage on its side', () => {
    const text = `go: github.com/someone/lib@v0.9.0: verifying module: github.com/someone/lib@v0.9.0: reading https://sum.golang.org/lookup/github.com/someone/lib@v0.9.0: 404 Not Found
\tserver response: not found: fetch timed out
`;
    expect(causes(text)).toEqual(['proxy-server-error']);
  });

  it('a private-looking module stays sumdb-private-module', () => {
    const text = `go: corp.example/x@v1.0.0: verifying module: corp.example/x@v1.0.0: reading https://sum.golang.org/lookup/corp.example/x@v1.0.0: 404 Not Found
\tserver response: not found: corp.example/x@v1.0.0: unrecognized import path "corp.example/x"
`;
    expect(causes(text)[0]).toBe('sumdb-private-module');
  });
});

describe('pseudo-versions', () => {
  it('a hash that is not 12 characters behind a proxy 404', () => {
    const text = `go: github.com/someone/lib@v0.0.0-20190410021324-65acae22fc9: unexpected status (https://goproxy.example.net/github.com/someone/lib/@v/v0.0.0-20190410021324-65acae22fc9.info): 404 Not Found\n`;
    expect(causes(text)).toEqual(['pseudo-version-invalid']);
    expect(malformedPseudoVersion('v0.0.0-20190410021324-65acae22fc9')).toContain('shorter');
    expect(malformedPseudoVersion('v1.2.4-0.20190410021324-65acae22fc91')).toBeUndefined();
  });

  it("a proxy's 400 Bad Request for a pseudo-version", () => {
    const text = `go: github.com/someone/lib@v0.0.0-20190315094337-365674df15fc: reading https://proxy.golang.org/github.com/someone/lib/@v/v0.0.0-20190315094337-365674df15fc.mod: 400 Bad Request\n`;
    expect(causes(text)).toEqual(['pseudo-version-invalid']);
  });
});

describe('wordings that had no pattern', () => {
  it('path@version in GOPATH mode (1.11-1.16)', () => {
    expect(causes('go: cannot use path@version syntax in GOPATH mode\n')).toEqual([
      'gopath-mode',
      'go-version-too-new',
    ]);
    expect(
      causes(
        "can't load package: package example.net/tool@main: cannot use path@version syntax in GOPATH mode\n",
      ),
    ).toEqual(['gopath-mode', 'go-version-too-new']);
  });

  it('a /vN module path at a vN tag with no go.mod', () => {
    const text =
      'go: example.net/lib/v3@v3.0.1: invalid version: missing example.net/lib/go.mod and .../v3/go.mod at revision v3.0.1\n';
    expect(causes(text)).toEqual(['major-version-suffix']);
  });

  it('the major-version message re-wrapped by a person', () => {
    const text = `# go: example.net/tool@v2.1.0:
#    invalid version: module contains a go.mod file,
#    so module path must match major version ("example.net/tool/v2")
`;
    expect(causes(text)).toEqual(['major-version-suffix']);
  });

  it('the pre-1.14 "found, but does not contain package" wording', () => {
    const text =
      'main.go:3:2: module example.net/big/sub@latest (v0.0.0-20191111130151-93efe31b98f2) found, but does not contain package example.net/big/sub/pkg\n';
    expect(causes(text)).toEqual(['package-not-in-module']);
  });
});

describe('standard-library packages newer than the toolchain', () => {
  it('embed, io/fs, slices read as module paths by an old go command', () => {
    const text = `example.net/app imports
\tembed: malformed module path "embed": missing dot in first path element
example.net/app/handler imports
\tio/fs: malformed module path "io/fs": missing dot in first path element
`;
    expect(causes(text)).toEqual(['go-version-too-new']);
    expect(
      causes('x imports\n\tslices: malformed module path "slices": missing dot in first path element\n'),
    ).toEqual(['go-version-too-new']);
  });

  it('an unknown dotless path stays malformed-module-path', () => {
    expect(
      causes('x imports\n\tmylib: malformed module path "mylib": missing dot in first path element\n'),
    ).toEqual(['malformed-module-path']);
  });
});

describe('a zip that is not a zip', () => {
  it('named by its cached file: the module cache is damaged', () => {
    const text =
      'go: unzip /home/u/go/pkg/mod/cache/download/example.net/lib/@v/v1.0.0.zip: zip: not a valid zip file\n';
    expect(causes(text)).toEqual(['modcache-corrupt', 'proxy-server-error']);
  });

  it('bare, as the check right after a download prints it: the proxy served it broken', () => {
    expect(causes('example.net/lib@v1.4.2: zip: not a valid zip file\n')).toEqual([
      'proxy-server-error',
      'modcache-corrupt',
    ]);
  });
});

describe('two Go trees mixed', () => {
  it('a cmd or standard-library package found in two places', () => {
    const text = `cmd/go/internal/list: ambiguous import: found package cmd/go/internal/list in multiple modules:
\tcmd (/home/u/src/go/src/cmd/go/internal/list)
\t (/usr/local/go/src/cmd/go/internal/list)
`;
    expect(causes(text)).toEqual(['goroot-broken']);
  });

  it('a module package found twice stays ambiguous-import', () => {
    const text = `main.go:3:2: ambiguous import: found package example.net/a/b in multiple modules:
\texample.net/a v1.0.0 (/home/u/go/pkg/mod/example.net/a@v1.0.0/b)
\texample.net/a/b v0.1.0 (/home/u/go/pkg/mod/example.net/a/b@v0.1.0)
`;
    expect(causes(text)).toEqual(['ambiguous-import']);
  });
});
