// Messages of go commands older than the inventory's releases (1.19+): many public threads are from
// Go 1.11-1.17. Read from the 1.15 source (Debian's golang-1.15-src): each wording that differs
// from today's names the same cause.
import { describe, expect, it } from 'vitest';
import { causes } from './helpers.ts';

const CASES: Array<[string, string]> = [
  ['go: pattern ./...: directory prefix . outside available modules', 'no-main-module'],
  ['go: directory cmd/tool outside available modules', 'no-main-module'],
  [
    'go: example.com/a/pkg: package provided by example.com/a at latest version v1.2.0 but not at required version v1.1.0',
    'package-not-in-module',
  ],
  ['go mod tidy: go.mod file indicates go 1.21, but maximum supported version is 1.15', 'go-version-too-new'],
  ['go: example.com/a@v1.0.0 excluded', 'excluded-version'],
  [
    'go: example.com/b(v1.0.0) depends on excluded example.com/c(v1.2.0) with no newer version available',
    'excluded-version',
  ],
  ['go get: conflicting versions for module example.com/a: v1.0.0 and v1.2.0', 'get-version-conflict'],
  ['go: cannot use modules with build cache disabled', 'gocache-unusable'],
  ["go: cannot download, $GOPATH not set. For more details see: 'go help gopath'", 'gopath-mode'],
  [
    "go: cannot download, /usr/local/go is a GOROOT, not a GOPATH. For more details see: 'go help gopath'",
    'gopath-mode',
  ],
  ['package github.com/a/b must be imported as github.com/c/b', 'gopath-mode'],
  [
    'package github.com/x/y: github.com/x/y is a custom import path for https://github.com/x/y, but /go/src/github.com/x/y is checked out from https://github.com/z/y',
    'gopath-mode',
  ],
];

describe('wordings of go 1.11-1.17', () => {
  it.each(CASES)('%s', (text, cause) => {
    expect(causes(`${text}\n`)[0]).toBe(cause);
  });
});
