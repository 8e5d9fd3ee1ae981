// The rule changes that the project-fault lab transcripts called for, pinned with minimal texts
// (and their look-alikes, which must keep their own cause).
import { describe, expect, it } from 'vitest';
import { causes } from './helpers.ts';

describe('go.mod versions resolved while parsing', () => {
  it('a failed lookup at a go.mod position is the non-canonical version, not the network setting', () => {
    expect(causes('go: errors parsing go.mod:\ngo.mod:6:2: module lookup disabled by GOPROXY=off\n')).toEqual(
      ['invalid-version-syntax'],
    );
    expect(
      causes('go: errors parsing go.mod:\n/w/go.mod:6:2: no matching versions for query "v1.2"\n'),
    ).toEqual(['invalid-version-syntax']);
  });

  it('the same messages elsewhere keep their causes', () => {
    expect(causes('go: example.com/a@v1.0.0: module lookup disabled by GOPROXY=off\n')).toEqual([
      'goproxy-off',
    ]);
    expect(causes('go: example.com/a@latest: no matching versions for query "latest"\n')).toEqual([
      'no-matching-versions',
    ]);
  });
});

describe('a proxy 404 that answers "no matching versions"', () => {
  const reading =
    'go: example.com/a/b imports\n\tcorp.example.com/x/y: cannot find module providing package corp.example.com/x/y: module corp.example.com/x/y: reading https://proxy.golang.org/corp.example.com/x/y/@v/list: 404 Not Found\n';
  it('is no module version, not a private module', () => {
    expect(
      causes(`${reading}\tserver response: not found: module corp.example.com/x/y: no matching versions\n`),
    ).toEqual(['no-matching-versions']);
  });
  it('but an auth failure inside the response is still a private module', () => {
    expect(
      causes(
        `${reading}\tserver response:\n\tnot found: module corp.example.com/x/y: git ls-remote -q origin in /tmp/x: exit status 128:\n\t\tfatal: could not read Username for 'https://corp.example.com': terminal prompts disabled\n`,
      )[0],
    ).toBe('private-module-via-proxy');
  });
});

describe('vendor mode before 1.21', () => {
  it('"cannot find package "." in:" followed by a vendor/ directory', () => {
    expect(causes('main.go:4:2: cannot find package "." in:\n\t/src/app/vendor/example.com/dep\n')).toEqual([
      'vendor-mode-lookup',
    ]);
  });
  it('GOPATH mode lists its vendor tree with a suffix: not vendor mode', () => {
    const gopath =
      'main.go:3:8: cannot find package "example.com/dep" in any of:\n\t/go/src/app/vendor/example.com/dep (vendor tree)\n\t/usr/local/go/src/example.com/dep (from $GOROOT)\n';
    expect(causes(gopath)).not.toContain('vendor-mode-lookup');
  });
});

describe('workspaces before 1.21', () => {
  it('a pattern outside every workspace module', () => {
    expect(
      causes(
        'pattern ./...: directory prefix . does not contain modules listed in go.work or their selected dependencies\n',
      ),
    ).toEqual(['workspace-mismatch']);
  });
});

describe('git missing', () => {
  it('the failed secure probes that follow are not a credentials problem', () => {
    const text =
      'go: missing Git command. See https://golang.org/s/gogetcmd\ngo: lab.example/proj.git@v1.0.0: no secure protocol found for repository\n';
    expect(causes(text)).toEqual(['git-not-installed']);
  });
});
