// Misleading message families (src/explain/ambiguity.ts): the transcript's clues decide which root
// comes first, and an ambiguous finding always offers the next likeliest root second.
import { describe, expect, it } from 'vitest';
import { causes, explain } from './helpers.ts';

const PROMPT = `\tserver response:
\tnot found: github.com/gone/lib@v1.2.0: invalid version: git ls-remote -q origin in /tmp/x: exit status 128:
\t\tfatal: could not read Username for 'https://github.com': terminal prompts disabled
`;

describe('a public forge refusing a repository, through the proxy', () => {
  it('required by another module: gone first, private second', () => {
    const text = `go: github.com/a/b@v1.0.0 requires
\tgithub.com/gone/lib@v1.2.0: reading https://proxy.golang.org/github.com/gone/lib/@v/v1.2.0.mod: 410 Gone
${PROMPT}`;
    expect(causes(text).slice(0, 2)).toEqual(['module-source-gone', 'private-module-via-proxy']);
  });

  it('imported by a main module of another account on the forge: gone first', () => {
    const text = `go: github.com/app/cmd imports
\tgithub.com/gone/lib: github.com/gone/lib@v1.2.0: reading https://proxy.golang.org/github.com/gone/lib/@v/v1.2.0.mod: 410 Gone
${PROMPT}`;
    expect(causes(text).slice(0, 2)).toEqual(['module-source-gone', 'private-module-via-proxy']);
  });

  it('imported by the same account: private first (GOPRIVATE is what is missing)', () => {
    const text = `go: github.com/gone/app imports
\tgithub.com/gone/lib: github.com/gone/lib@v1.2.0: reading https://proxy.golang.org/github.com/gone/lib/@v/v1.2.0.mod: 410 Gone
${PROMPT}`;
    expect(causes(text).slice(0, 2)).toEqual(['private-module-via-proxy', 'module-source-gone']);
  });
});

describe('a bare proxy not-found for a public module', () => {
  it('required by another module: the version is missing first, private second', () => {
    const text = `go: github.com/a/b@v1.0.0 requires
\tgithub.com/c/d@v1.2.0: reading https://proxy.golang.org/github.com/c/d/@v/v1.2.0.mod: 404 Not Found
`;
    expect(causes(text)).toEqual(['unknown-revision', 'private-module-via-proxy']);
  });

  it('asked for directly: private first, the version missing second', () => {
    const text =
      'go: github.com/c/d@v1.2.0: reading https://proxy.golang.org/github.com/c/d/@v/v1.2.0.mod: 404 Not Found\n';
    expect(causes(text)).toEqual(['private-module-via-proxy', 'unknown-revision']);
  });
});

describe('proxies the user runs', () => {
  it('a 404 from a proxy named on the command line for a company path is the proxy failing', () => {
    const text = `GOPROXY=http://127.0.0.1:8081 go get -u -v xxx.company.example/golang/tool
reading http://127.0.0.1:8081/xxx.company.example/golang/tool/@v/list: 404 Not Found
`;
    expect(causes(text)).toEqual(['proxy-server-error', 'private-module-via-proxy']);
  });

  it('without GOPROXY printed, the same 404 stays a private module (the lab proxy stands for a public one)', () => {
    const text =
      'go: corp.example.com/team/lib@v1.0.0: reading http://127.0.0.1:9/corp.example.com/team/lib/@v/v1.0.0.info: 410 Gone\n';
    expect(causes(text)[0]).toBe('private-module-via-proxy');
  });

  it('a checksum mismatch behind Athens is the proxy rebuilding the zip', () => {
    const text = `INFO[9:17AM]: incoming request	http-method=GET http-path=/github.com/a/b/@v/list http-status=200
verifying github.com/a/b@v1.3.3: checksum mismatch
\tdownloaded: h1:H5KpQYVmht69pg47kbIg/E4S1jA1yfFBEwy7Zv3uDX8=
\tsum.golang.org: h1:GUWzV3g185agbHN4ZdaQvR6zrLVYTUSA2ktvIinivK0=
`;
    expect(causes(text)).toEqual(['proxy-server-error', 'checksum-mismatch']);
  });

  it('without a proxy clue a mismatch is a moved tag first, a mirror second', () => {
    const text = `verifying github.com/a/b@v1.3.3: checksum mismatch
\tdownloaded: h1:H5KpQYVmht69pg47kbIg/E4S1jA1yfFBEwy7Zv3uDX8=
\tsum.golang.org: h1:GUWzV3g185agbHN4ZdaQvR6zrLVYTUSA2ktvIinivK0=
`;
    expect(causes(text)).toEqual(['checksum-mismatch', 'proxy-server-error']);
  });
});

describe('second readings', () => {
  it("a mirror's unknown revision: a cached not-found for a tag pushed since", () => {
    const text = `go: github.com/a/b@v1.2.3: reading https://goproxy.cn/github.com/a/b/@v/v1.2.3.info: 404 Not Found
\tserver response: not found: github.com/a/b@v1.2.3: invalid version: unknown revision v1.2.3
`;
    expect(causes(text)).toEqual(['unknown-revision', 'proxy-cached-not-found']);
  });

  it('a public host without accounts serves no private code', () => {
    const text = `go: gopkg.in/gone.v1@v1.0.0: reading https://proxy.golang.org/gopkg.in/gone.v1/@v/v1.0.0.mod: 410 Gone
`;
    expect(causes(text)).toEqual(['unknown-revision', 'module-source-gone']);
  });

  it('a TLS handshake timeout from Go 1.23+: a middlebox dropping the larger ClientHello, in both languages', () => {
    const text = `go version go1.23.1 linux/amd64
go: github.com/a/b@v1.2.3: Get "https://proxy.golang.org/github.com/a/b/@v/v1.2.3.mod": net/http: TLS handshake timeout
`;
    expect(causes(text)).toEqual(['tls-handshake-timeout', 'tls-clienthello-dropped']);
    expect(explain(text, { lang: 'zh-CN' })[1]!.message).toContain('ClientHello');
    expect(causes(text.replace('go1.23.1', 'go1.20.3'))).toEqual(['tls-handshake-timeout']);
  });

  it('the other reading of the first finding comes before the same cause for another module', () => {
    const text = `go: a.example.org/x@v1.0.0: unexpected status (https://proxy.golang.org/a.example.org/x/@v/v1.0.0.info): 410 Gone
go: a.example.org/y@v1.0.0: unexpected status (https://proxy.golang.org/a.example.org/y/@v/v1.0.0.info): 410 Gone
`;
    expect(causes(text).slice(0, 2)).toEqual(['private-module-via-proxy', 'proxy-server-error']);
  });

  it('a local package importing its own internal package: a checkout outside its GOPATH path', () => {
    const text = `package ./cmd/server
\tcmd/server/main.go:9:2: use of internal package github.com/a/b/internal/daemon not allowed
`;
    expect(causes(text)).toEqual(['gopath-mode', 'internal-import']);
  });
});

describe('git that does not run', () => {
  it.each([
    'xcrun: error: invalid active developer path (/Library/Developer/CommandLineTools), missing xcrun at: /Library/Developer/CommandLineTools/usr/bin/xcrun',
    "git: 'remote-https' is not a git command. See 'git --help'.",
    'fatal: git fetch-pack: expected shallow list',
  ])('%s', (line) => {
    const text = `go: github.com/a/b@v1.2.3: git ls-remote -q origin in /home/u/go/pkg/mod/cache/vcs/x: exit status 128:\n\t${line}\n`;
    expect(causes(text)[0]).toBe('git-unusable');
  });
});

describe('git naming where it failed to connect', () => {
  it('a loopback port other than the repository is the HTTP proxy git was told to use', () => {
    const text = `go: github.com/a/b@v1.0.0: git ls-remote -q origin in /home/u/go/pkg/mod/cache/vcs/x: exit status 128:
\tfatal: unable to access 'https://github.com/a/b/': Failed to connect to 127.0.0.1 port 7890 after 0 ms: Connection refused
`;
    expect(causes(text)).toEqual(['http-proxy-misconfigured', 'connection-refused']);
    expect(causes(text.replace('127.0.0.1 port 7890', 'github.com port 443'))[0]).toBe('connection-refused');
  });

  it('the same under zh_CN (git translates its prefix, the C library the reason)', () => {
    const text = `go: github.com/a/b@v1.0.0: git ls-remote -q origin in /home/u/go/pkg/mod/cache/vcs/x: exit status 128:
\t致命错误：无法访问 'https://github.com/a/b/'：Failed to connect to 127.0.0.1 port 1080: 拒绝连接
`;
    expect(causes(text)).toEqual(['http-proxy-misconfigured', 'connection-refused']);
    expect(causes(text.replace('127.0.0.1 port 1080: 拒绝连接', 'github.com port 443: 连接超时'))[0]).toBe(
      'connect-timeout',
    );
  });

  it("the forge's 401/403 is a credential refusal, its 404 a repository gone or hidden", () => {
    const line = (code: string) =>
      `go: github.com/a/b@v1.0.0: git ls-remote -q origin in /home/u/go/pkg/mod/cache/vcs/x: exit status 128:\n\tfatal: unable to access 'https://github.com/a/b/': The requested URL returned error: ${code}\n`;
    expect(causes(line('403'))[0]).toBe('git-auth-required');
    expect(causes(line('404'))).toEqual(['module-source-gone', 'git-auth-required']);
  });
});

describe('a released dependency that does not compile', () => {
  it.each([
    'undefined: atomic.Bool',
    'undefined: min',
    'undefined: slices.Contains',
    'syntax error: unexpected [, expecting (',
  ])('%s in the module cache: an older go than it needs', (error) => {
    const text = `# github.com/a/b\n../../go/pkg/mod/github.com/a/b@v1.2.0/a.go:10:9: ${error}\n`;
    expect(causes(text)[0]).toBe('go-version-too-new');
  });

  it('the same error in the main module is the code, not the toolchain: explain stays silent', () => {
    expect(causes('# example.com/app\n./main.go:10:9: undefined: min\n')).toEqual([]);
  });
});

describe('families from the second batch of tuning reports', () => {
  it('a +incompatible version a proxy does not have: the module has a go.mod there', () => {
    const text = `go get: github.com/a/tool@v0.3.1 requires
\tgithub.com/b/lib@v2.19.6+incompatible: reading https://goproxy.io/github.com/b/lib/@v/v2.19.6+incompatible.mod: 410 Gone
`;
    expect(causes(text)[0]).toBe('major-version-suffix');
  });

  it('an unknown release version: tagged without its v second; an unknown commit: a deleted repository second', () => {
    expect(
      causes(
        'go: github.com/a/b@v1.1.1: reading github.com/a/b/go.mod at revision v1.1.1: unknown revision v1.1.1\n',
      ),
    ).toEqual(['unknown-revision', 'tag-without-v']);
    expect(
      causes('go: github.com/a/b@v0.0.0-20180425151209-ae245b60ddeb: unknown revision ae245b60ddeb\n'),
    ).toEqual(['unknown-revision', 'module-source-gone']);
  });

  it('GOPROXY set, yet a GOPATH-mode direct fetch failed: GOPATH mode ignores GOPROXY', () => {
    const text = `# export GOPROXY=https://goproxy.cn
# go get golang.org/x/time/rate
package golang.org/x/time/rate: unrecognized import path "golang.org/x/time/rate" (https fetch: Get https://golang.org/x/time/rate?go-get=1: dial tcp 216.239.37.1:443: i/o timeout)
`;
    expect(causes(text).slice(0, 2)).toEqual(['gopath-mode', 'connect-timeout']);
    expect(causes(text.replace('# export GOPROXY=https://goproxy.cn\n', ''))[0]).toBe('connect-timeout');
  });

  it('an import path without a host looked up in GOROOT: mistyped, or GOPATH code in module mode', () => {
    expect(
      causes(
        'render imports\n\tuser/v8go: package user/v8go is not in GOROOT (/usr/local/go/src/user/v8go)\n',
      ),
    ).toEqual(['malformed-module-path', 'no-main-module']);
    expect(
      causes(
        'package _/home/me/proj/cmd/proxy is not in GOROOT (/usr/local/go/src/_/home/me/proj/cmd/proxy)\n',
      )[0],
    ).toBe('gopath-mode');
  });

  it('a checksum database that could not fetch the module: failing first, private second', () => {
    const text = `go: downloading dev.azure.com/org/proj/repo.git v0.0.0-20201211023249-f2b661c7768f
verifying dev.azure.com/org/proj/repo.git@v0.0.0-20201211023249-f2b661c7768f: reading https://sum.golang.org/lookup/dev.azure.com/org/proj/repo.git@v0.0.0-20201211023249-f2b661c7768f: 404 Not Found
\tserver response:
\tnot found: dev.azure.com/org/proj/repo.git@v0.0.0-20201211023249-f2b661c7768f: invalid version: git fetch -f origin in /tmp/x: exit status 128:
\t\tfatal: unable to access 'https://dev.azure.com/org/proj/_git/repo/': Failed to connect to dev.azure.com port 443: Connection refused
`;
    expect(causes(text)).toEqual(['proxy-server-error', 'sumdb-private-module']);
  });
});

describe('older wordings and bare answers', () => {
  it("Go 1.11-1.12's 'unexpected module path' is a module path mismatch", () => {
    expect(
      causes(
        'go: github.com/a/flag@v1.0.4: parsing go.mod: unexpected module path "github.com/a/flags"\n',
      )[0],
    ).toBe('module-path-mismatch');
  });

  it("a checksum database's bare 410 for a downloaded version: cached not-found, or a tree it cannot zip", () => {
    const text = `go: finding github.com/a/b v1.2.1
verifying github.com/a/b@v1.2.1: github.com/a/b@v1.2.1: reading https://sum.golang.org/lookup/github.com/a/b@v1.2.1: 410 Gone
`;
    expect(causes(text)).toEqual(['proxy-cached-not-found', 'module-zip-invalid']);
  });
});
