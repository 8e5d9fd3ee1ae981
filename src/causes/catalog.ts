// The cause catalog: every id a finding can name, with its root cause and typical evidence.
// This module is the project's source of truth (docs/causes.md is generated from it by
// scripts/causes-doc.ts; test/causes/catalog.test.ts checks that the two agree). The ids are a
// public contract: add ids for real causes that are missing, never rename or remove one.
// `added` marks the ids this project added to the original catalog it started from.

export interface CauseEntry {
  readonly id: string;
  /** What is really wrong (English; the findings carry the user's language). */
  readonly rootCause: string;
  /** Typical fragments of what the go command, git, ssh or the OS print (Markdown). */
  readonly evidence: string;
  /** Added by this project to the original catalog. */
  readonly added?: true;
}

export const CATALOG_SECTIONS = [
  {
    key: 'network',
    title: 'Network and proxies',
    causes: [
      {
        id: 'dns-failure',
        rootCause: 'a host (proxy, sumdb, VCS, go-get host) cannot be resolved',
        evidence:
          "`dial tcp: lookup HOST on IP:53: no such host`, `lookup HOST: no such host`, `lookup ... on IP:53: read udp ...: i/o timeout`, `server misbehaving`, `lookup HOST on [::1]:53: ... connection refused` (no resolver), `Temporary failure in name resolution`, git's `Could not resolve host`",
      },
      {
        id: 'dns-poisoned',
        rootCause: 'the resolver answers with a sinkhole or wrong address (filtering DNS, hijack)',
        evidence:
          'TLS name mismatch or refusals for proxy.golang.org at 127.0.0.1 / 0.0.0.0 / an unexpected IP',
      },
      {
        id: 'connect-timeout',
        rootCause: 'TCP connect to a host never completes (firewall drop, blocked network, IPv6 black hole)',
        evidence:
          "`dial tcp IP:443: i/o timeout` (Go's 30 s dial timeout), `connect: connection timed out`, `operation timed out` (macOS), `connectex: A connection attempt failed ...` (Windows), git's `Failed to connect to HOST port 443: Connection timed out`; live: socket stuck in SYN_SENT",
      },
      {
        id: 'connection-refused',
        rootCause: 'the address actively refuses (nothing listens, wrong port, firewall/censor reject)',
        evidence:
          "`connect: connection refused`, `connectex: No connection could be made ...`, git's `Connection refused` (a refusal by the HTTP(S)_PROXY address is http-proxy-misconfigured)",
      },
      {
        id: 'connection-reset',
        rootCause: 'the connection is cut mid-way (middlebox, GFW reset)',
        evidence:
          '`connection reset by peer`, `Get "URL": EOF`, `unexpected EOF` while downloading, `wsarecv: An existing connection was forcibly closed`, git\'s `RPC failed; curl 18/56`, `early EOF`',
      },
      {
        id: 'tls-untrusted-certificate',
        rootCause:
          'TLS interception, a private CA, a stale CA bundle (slim containers), expiry or name mismatch',
        evidence:
          "`tls: failed to verify certificate: x509: ...` (1.20+), `x509: certificate signed by unknown authority`, `x509: certificate is valid for ..., not ...`, `certificate has expired or is not yet valid`, git's `SSL certificate problem: unable to get local issuer certificate`",
      },
      {
        id: 'tls-handshake-timeout',
        rootCause: 'TCP connects but TLS never completes',
        evidence:
          "`net/http: TLS handshake timeout` (10 s), git's `gnutls_handshake() failed`, `SSL_ERROR_SYSCALL`; live: established socket, no bytes back",
      },
      {
        id: 'tls-clienthello-dropped',
        rootCause:
          "a middlebox (firewall, DPI, old load balancer) drops or resets Go's larger TLS ClientHello: from Go 1.23 the post-quantum key share makes it span several packets, while curl and browsers still connect",
        evidence:
          '`net/http: TLS handshake timeout` or `connection reset by peer` from Go 1.23+ only, gone with `GODEBUG=tlsmlkem=0` (`tlskyber=0` on 1.23); live: the handshake stalls after the first ClientHello segment',
        added: true,
      },
      {
        id: 'tls-protocol-refused',
        rootCause:
          "the server's TLS is one the local go refuses although other clients connect: only TLS 1.0/1.1 (refused since Go 1.18, no setting), only RSA key exchange (refused since 1.22; GODEBUG=tlsrsakex=1 until 1.26, gone in 1.27), only 3DES (1.23; tls3des=1 until 1.26), only SHA-1 signatures in TLS 1.2 (refused since 1.25; GODEBUG=tlssha1=1)",
        evidence:
          '`remote error: tls: protocol version not supported`, `remote error: tls: handshake failure` from the go command while curl or a browser connects',
        added: true,
      },
      {
        id: 'proxy-stall',
        rootCause:
          'the proxy (or sumdb) accepts the request but never answers: the go command has no response timeout, so it waits forever',
        evidence:
          'live only: a `# get https://...` line in `-x` output with no completion line, an established socket with nothing received',
      },
      {
        id: 'proxy-server-error',
        rootCause:
          'the proxy or mirror itself fails: 5xx, a CDN node 404ing existing zips, a full disk, an incomplete mirror',
        evidence:
          '`reading https://PROXY/...: 500 Internal Server Error`, `502 Bad Gateway`, `server response: ... no space left on device`',
      },
      {
        id: 'egress-policy-forbidden',
        rootCause: 'a corporate or cloud egress policy blocks the host',
        evidence:
          '`403 Forbidden` from the proxy, `https fetch: ... Forbidden` (CONNECT refused by a filtering proxy)',
      },
      {
        id: 'http-proxy-misconfigured',
        rootCause:
          'HTTP_PROXY/HTTPS_PROXY/NO_PROXY point somewhere wrong (dead local proxy app, wrong scheme or port, auth needed)',
        evidence:
          '`proxyconnect tcp: dial tcp 127.0.0.1:7890: connect: connection refused`, `proxyconnect tcp: EOF`, `proxyconnect tcp: tls: first record does not look like a TLS handshake`, `Get "URL": Proxy Authentication Required` (Go prints the reason phrase, not 407), git\'s `Received HTTP code 407 from proxy after CONNECT`',
      },
      {
        id: 'goproxy-off',
        rootCause: 'GOPROXY=off forbids the download that is needed',
        evidence: '`module lookup disabled by GOPROXY=off`, `disabled by GOPROXY=off`',
      },
      {
        id: 'goproxy-invalid',
        rootCause:
          'GOPROXY value cannot be parsed or has no usable entry (also: a Go 1.21+ build whose $GOROOT/go.env is missing has an empty GOPROXY)',
        evidence:
          '`GOPROXY list is not the empty string, but contains no entries`, `invalid proxy URL missing scheme`, `invalid proxy URL scheme (must be https, http, file)`, every module 404 from a wrong proxy base path',
      },
      {
        id: 'goproxy-no-fallback',
        rootCause:
          'GOPROXY separates entries with `,`, so a network error on the first proxy does not fall through; `|` was meant',
        evidence: 'timeouts or resets on the first (often corporate) proxy while later entries would work',
      },
      {
        id: 'goproxy-direct-slow',
        rootCause:
          'GOPROXY=direct, GONOPROXY=*, a GOPRIVATE covering a public host (e.g. github.com), or GOPATH mode makes every lookup a VCS round trip; slow, looks hung',
        evidence: 'live: many `git ls-remote` / `git fetch` / `?go-get=1` lines with long durations',
      },
      {
        id: 'private-module-via-proxy',
        rootCause:
          'a private module is requested from a public proxy because GOPRIVATE/GONOPROXY does not cover it',
        evidence:
          "`reading https://proxy.golang.org/corp.example.com/...: 404 Not Found` / `410 Gone` followed by `server response:` with the proxy's own git or DNS failure (`terminal prompts disabled`, `unrecognized import path`)",
      },
      {
        id: 'module-source-gone',
        rootCause:
          "the module's public repository was deleted, renamed or made private; proxies have old versions or nothing",
        evidence:
          'same surface as private-module-via-proxy for a path that used to be public: `remote: Repository not found.` in the server response, `unknown revision` for versions never cached',
      },
      {
        id: 'goprivate-misconfigured',
        rootCause:
          'GOPRIVATE/GONOPROXY/GONOSUMDB patterns that never match (URL scheme, trailing slash, spaces), are far too broad, or exclude paths while GOPROXY has no `direct`',
        evidence:
          '`disabled by GOPRIVATE/GONOPROXY`, `path does not match GOPRIVATE/GONOPROXY`, GOPRIVATE=`https://git.corp.com`',
      },
      {
        id: 'sumdb-private-module',
        rootCause:
          'a private module is checked against the public checksum database because GONOSUMDB/GOPRIVATE does not cover it',
        evidence:
          '`verifying module: ... reading https://sum.golang.org/lookup/...: 404 Not Found` / `410 Gone`',
      },
      {
        id: 'sumdb-unreachable',
        rootCause: 'the checksum database cannot be reached (blocked network) or GOSUMDB is malformed',
        evidence:
          '`verifying module: PATH@V: Get "https://sum.golang.org/lookup/...": dial tcp ...`, tile fetch failures, `invalid GOSUMDB: ...`, `checksum database disabled by GOSUMDB=off` (a toolchain download needs it)',
      },
      {
        id: 'sumdb-misbehaving',
        rootCause:
          "the checksum database answers, but what it serves does not verify: a mirror or a module proxy relaying it serves a stale or inconsistent tree, a middlebox replaces its answers (a login or block page), GOSUMDB names a key that is not this server's, or the tree head remembered locally comes from another server",
        evidence:
          '`SECURITY ERROR` / `go.sum database server misbehavior detected!`, `reading tree note: malformed note`, `cannot authenticate record data in server response`, `cannot validate record N in tree of size M`, `downloaded inconsistent tile`, `checksum missing from sumdb response` (1.25+)',
        added: true,
      },
      {
        id: 'go-get-discovery-failed',
        rootCause:
          '`?go-get=1` discovery for a vanity or self-hosted path fails (no meta tag, HTTP only, login page, GitLab subgroups)',
        evidence:
          '`unrecognized import path "...": https fetch: ...`, `parse https://...?go-get=1: no go-import meta tags (meta tag ... did not match import path ...)`, `reading https://HOST/PATH?go-get=1: 404 Not Found`, `multiple meta tags match import path`',
      },
    ],
  },
  {
    key: 'vcs',
    title: 'Version control and authentication',
    causes: [
      {
        id: 'git-auth-required',
        rootCause:
          'the VCS host wants credentials and git cannot ask (the go command sets GIT_TERMINAL_PROMPT=0)',
        evidence:
          "`fatal: could not read Username for 'https://HOST': terminal prompts disabled` (outside a `server response:` block), `Authentication failed`, `remote: HTTP Basic: Access denied`, `Invalid username or token`, `If this is a private repository, see https://golang.org/doc/faq#git_https`",
      },
      {
        id: 'git-ssh-auth',
        rootCause:
          'SSH transport fails: key, agent, host key, or an `insteadOf` rewrite that sends every fetch over ssh',
        evidence:
          '`Permission denied (publickey)`, `Host key verification failed`, `ssh: connect to host HOST port 22: ...`, `fatal: Could not read from remote repository.`',
      },
      {
        id: 'git-not-installed',
        rootCause: 'the go command needs a VCS binary that is missing',
        evidence:
          '`go: missing Git command. See https://golang.org/s/gogetcmd` (also Mercurial, Bazaar, ...), `exec: "git": executable file not found in $PATH`',
      },
      {
        id: 'git-unusable',
        rootCause:
          'git is on PATH but cannot run: a broken install, a wrapper or shim that fails, a missing shared library, or an Xcode licence not accepted',
        evidence:
          '`unable to resolve git version: ...`, `failed to execute git version: ...`, `git version extraction regexp did not match version line` (1.26+ reads the git version before its first fetch into the cache)',
        added: true,
      },
      {
        id: 'vcs-disallowed',
        rootCause: 'GOVCS forbids the VCS for this path',
        evidence: "`GOVCS disallows using bzr for public launchpad.net/...; see 'go help vcs'`",
      },
      {
        id: 'vcs-stamping-failed',
        rootCause:
          "go build stamps the binary with the checkout's version-control state and git refuses the checkout: it belongs to another user (a Docker volume or CI container; git 2.35.2+ calls it dubious ownership) or its .git is incomplete",
        evidence:
          '`error obtaining VCS status: exit status 128` / `Use -buildvcs=false to disable VCS stamping.`; git run by hand: `fatal: detected dubious ownership in repository at ...`',
        added: true,
      },
      {
        id: 'credential-helper-hang',
        rootCause:
          'live: a git credential helper (GUI prompt, keychain, browser login, a locked store) waits for a person',
        evidence: 'live: a `git credential-*` / `git-credential-*` child alive with no progress',
      },
      {
        id: 'ssh-prompt-hang',
        rootCause:
          "live: ssh waits for a passphrase or host-key answer (only when the user's GIT_SSH/GIT_SSH_COMMAND dropped the go command's BatchMode)",
        evidence: 'live: an `ssh` child reading from a terminal',
      },
      {
        id: 'unknown-revision',
        rootCause:
          'the requested version/tag/commit does not exist (deleted tag, typo, private fork, wrong credentials that see another repo)',
        evidence: '`invalid version: unknown revision v1.2.3`, `reading .../@v/v1.2.3.info: 404 Not Found`',
      },
      {
        id: 'proxy-cached-not-found',
        rootCause:
          'the version was published after the module proxy first answered "not found" for it: the proxy (proxy.golang.org keeps a not-found for up to 30 minutes) serves its cached answer, while the tag exists',
        evidence:
          '`reading https://proxy.golang.org/.../@v/vX.info: 404 Not Found` / `server response: not found: ... unknown revision vX` for a tag pushed minutes ago; works with `GOPROXY=direct` or after the cache expires',
        added: true,
      },
      {
        id: 'tag-without-v',
        rootCause:
          'the module author tagged the release without its `v` (`1.2.0`): the go command does not see it as a version, so `@latest` stays on a pseudo-version and `vX` is an unknown revision',
        evidence:
          '`go list -m -versions` shows nothing, `unknown revision v1.2.0` while a tag `1.2.0` exists, `version "1.2.0" invalid: must be of the form v1.2.3` after copying the tag name into go.mod',
        added: true,
      },
      {
        id: 'pseudo-version-invalid',
        rootCause: 'a hand-written or stale pseudo-version does not match the repository',
        evidence:
          '`invalid pseudo-version: does not match version-control timestamp`, `preceding tag (...) not found`, `is not a descendent of preceding tag`',
      },
    ],
  },
  {
    key: 'modules',
    title: 'Module paths, versions and requirements',
    causes: [
      {
        id: 'module-path-mismatch',
        rootCause:
          "a module's go.mod declares a different path than the one it is required as (fork, rename, case change)",
        evidence: '`module declares its path as: X but was required as: Y`',
      },
      {
        id: 'nested-module-missing',
        rootCause:
          'a module path names a subdirectory of its repository (a nested module), but at the requested revision that directory has no go.mod: the version predates the nested module or comes after it was merged back, or the directory was only ever a package of the root module',
        evidence: '`invalid version: missing github.com/org/repo/sub/go.mod at revision sub/v1.2.0`',
        added: true,
      },
      {
        id: 'major-version-suffix',
        rootCause: 'v2+ path/version rules broken',
        evidence:
          '`invalid version: module contains a go.mod file, so module path must match major version ("…/v2")`, `should be v0 or v1, not v2`, `+incompatible` errors',
      },
      {
        id: 'malformed-module-path',
        rootCause: 'a module or import path is not valid',
        evidence:
          '`malformed module path`, `missing dot in first path element`, `invalid char`, `leading dash`',
      },
      {
        id: 'invalid-version-syntax',
        rootCause: 'a version in go.mod is not valid or not canonical',
        evidence:
          '`invalid module version`, `version "v1.2" invalid: ...`, `must be of the form v1.2.3`, `no matching versions for query "v1.2"` after a hand edit',
      },
      {
        id: 'no-matching-versions',
        rootCause: 'no version satisfies the query, or no module provides an import',
        evidence:
          '`no matching versions for query "latest"`, `cannot find module providing package`, `no required module provides package`',
      },
      {
        id: 'package-not-in-module',
        rootCause: 'the module exists but does not contain the imported package',
        evidence: '`module X@latest found (v1.2.3), but does not contain package X/sub`',
      },
      {
        id: 'ambiguous-import',
        rootCause: 'two modules in the build list provide the same package',
        evidence: '`ambiguous import: found package X in multiple modules`',
      },
      {
        id: 'get-version-conflict',
        rootCause:
          'go get was asked for versions that cannot all hold: one requested module requires a higher version of another that was requested lower (or pinned by a second argument)',
        evidence:
          '`go: example.com/a@v1.2.0 requires example.com/b@v1.5.0, not example.com/b@v1.3.0`, `... indirectly requires ...`, `example.com/b@v1.3.0 conflicts with example.com/b@v1.5.0`',
        added: true,
      },
      {
        id: 'retracted-version',
        rootCause: 'a required version was retracted by its author',
        evidence: '`retracted by module author`, `(retracted)`',
      },
      {
        id: 'excluded-version',
        rootCause:
          "the version asked for is excluded by an `exclude` directive in the main module's go.mod (or go.work)",
        evidence: '`go: example.com/mod@v1.2.0: excluded by go.mod`',
        added: true,
      },
      {
        id: 'deprecated-module',
        rootCause: 'a required module is deprecated',
        evidence: '`module X is deprecated: ...`',
      },
      {
        id: 'missing-go-sum-entry',
        rootCause: 'go.sum lacks a needed hash',
        evidence:
          '`missing go.sum entry for module providing package`, `missing go.sum entry for go.mod file`',
      },
      {
        id: 'checksum-mismatch',
        rootCause: 'downloaded content differs from go.sum / sumdb (moved tag, corrupted cache, tampering)',
        evidence: '`verifying ...: checksum mismatch`, `SECURITY ERROR`',
      },
      {
        id: 'go-mod-needs-update',
        rootCause:
          'go.mod/go.sum are out of date and the command may not change them (readonly is the default since 1.16)',
        evidence:
          '`updates to go.mod needed`, `no required module provides package X; to add it:`, `-mod=readonly`',
      },
      {
        id: 'tidy-compat-mismatch',
        rootCause:
          'go mod tidy keeps go.mod usable by the older release named by -compat (by default the one before the go line); a package would resolve differently there, because that release reads the full module graph (before 1.17) where this one prunes it',
        evidence:
          '`X loaded from M@v1, but go 1.16 would select v2`, `... but go 1.16 would fail to locate it`, `... failed to load from any module, but go 1.16 would load it from ...`, `error loading go 1.16 module graph`, followed by `go mod tidy -compat=...` advice',
        added: true,
      },
      {
        id: 'vendor-mode-lookup',
        rootCause:
          'vendor mode is on (automatic for go >= 1.14 with vendor/, or -mod=vendor) and vendor/ lacks a package',
        evidence:
          '`import lookup disabled by -mod=vendor`, `(Go version in go.mod is at least 1.14 and vendor directory exists.)`',
      },
      {
        id: 'install-replace-directive',
        rootCause:
          '`go install/run pkg@version` refuses a module whose go.mod has replace or exclude directives',
        evidence:
          '`The go.mod file for the module providing named packages contains one or more replace directives`',
      },
      {
        id: 'module-zip-invalid',
        rootCause:
          "the module's files cannot be zipped (bad characters, case collisions, size), so proxies and sumdb fail on it",
        evidence:
          '`malformed file path`, `case-insensitive file name collision`, `module source tree too large`',
      },
      {
        id: 'inconsistent-vendoring',
        rootCause: 'vendor/modules.txt disagrees with go.mod',
        evidence:
          '`inconsistent vendoring`, `is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt`',
      },
      {
        id: 'import-cycle',
        rootCause: 'Go packages import each other in a cycle',
        evidence: '`import cycle not allowed`',
      },
      {
        id: 'go-mod-syntax',
        rootCause: 'go.mod/go.work cannot be parsed',
        evidence:
          '`go.mod:N: unknown directive`, `usage: require module/path v1.2.3`, `unexpected newline`, `errors parsing go.mod`',
      },
      {
        id: 'go-sum-malformed',
        rootCause: 'go.sum holds malformed, duplicate or conflicting lines (hand edits, bad merges)',
        evidence:
          "`malformed go.sum:` followed by `go.sum:N: wrong number of fields N` (only once the go command reads that module's lines), two different hashes for one module version (lint)",
      },
      {
        id: 'replace-target-missing',
        rootCause: 'a replace points at a directory that does not exist or has no go.mod',
        evidence:
          '`replacement directory ... does not exist`, `reading .../go.mod: no such file or directory`',
      },
      {
        id: 'local-replace',
        rootCause:
          'a replace points at a local directory: fine while developing, breaks every other machine and release',
        evidence: '(found by lint/preflight, rarely by an error)',
      },
      {
        id: 'conflicting-replace',
        rootCause: 'two replaces of the same module disagree',
        evidence:
          '`go: conflicting replacements for X:` (workspace: `conflicting replacements found for X in workspace modules defined by ...`)',
      },
      {
        id: 'duplicate-requirement',
        rootCause:
          'the same module is required twice in one go.mod (not an error for the go command; confusing for people and tools)',
        evidence: 'two `require` lines for one path (lint only)',
      },
      {
        id: 'no-main-module',
        rootCause: 'no go.mod where the command runs, or the wrong module root',
        evidence:
          '`go.mod file not found in current directory or any parent directory`, `cannot find main module`, `directory ... is outside main module`, `main module ... does not contain package`',
      },
      {
        id: 'gopath-mode',
        rootCause:
          'modules are disabled (GO111MODULE=off, or auto outside a module in old releases): GOPROXY/GOPRIVATE are then ignored',
        evidence:
          '`can only use path@version syntax with \'go get\' and \'go install\' in module-aware mode`, `modules disabled by GO111MODULE=off`, `package X: unrecognized import path "X" (https fetch: ...)`, `cannot find package "X" in any of:`, `$GOPATH/go.mod exists but should not` (<= 1.21)',
      },
      {
        id: 'workspace-mismatch',
        rootCause: 'go.work lists missing dirs, duplicates modules, or conflicts with the command',
        evidence:
          '`no modules were found in the current workspace`, `path X appears multiple times`, `module X appears multiple times in workspace`, `cannot load module X listed in go.work file`, `-mod may only be set to readonly or vendor when in workspace mode`, `outside modules listed in go.work`',
      },
      {
        id: 'go-version-too-new',
        rootCause:
          'go.mod/go.work asks for a newer Go than the toolchain, and GOTOOLCHAIN forbids switching (or the toolchain predates switching)',
        evidence:
          "`go.mod requires go >= 1.22 (running go 1.21; GOTOOLCHAIN=local)`, `maximum version supported by tidy is` (<= 1.20), `invalid go version '1.21.0': must match format 1.23` (<= 1.20), `unknown directive: toolchain` (<= 1.20), `godebug` (<= 1.22), `tool` (<= 1.23)",
      },
      {
        id: 'toolchain-download',
        rootCause:
          'GOTOOLCHAIN=auto is fetching a newer toolchain (slow, looks hung, fails offline); a bare `go 1.21` line can make it look for a release that never existed',
        evidence:
          '`go: downloading go1.22.0 (linux/amd64)`, `toolchain not available`, `golang.org/toolchain@v0.0.1-go1.22.0.linux-amd64`',
      },
      {
        id: 'godebug-removed',
        rootCause:
          'a `godebug` line in go.mod/go.work, a `//go:debug` line or the GODEBUG environment variable sets a GODEBUG setting that the running Go removed, to its old value; from Go 1.27 every go command refuses the file, and the runtime of every Go program stops at start-up on the environment variable',
        evidence:
          '`go.mod:6: removed GODEBUG "asynctimerchan" set to old value "1" (https://go.dev/doc/godebug#go-127)`, `invalid //go:debug: removed GODEBUG ...`, `fatal error: removed GODEBUG "tls3des" set to old value "1" in environment`',
      },
      {
        id: 'build-constraints-exclude',
        rootCause: 'every file of a package is excluded by build constraints for this GOOS/GOARCH/tags',
        evidence: '`build constraints exclude all Go files in`',
      },
    ],
  },
  {
    key: 'project',
    title: 'Project analysis (found by reading the project, before any command fails)',
    causes: [
      {
        id: 'missing-requirement',
        rootCause:
          'a package imports a path that no requirement provides: tidy will add it, and will query the network for every prefix of the path',
        evidence: 'an import with no providing module in go.mod',
      },
      {
        id: 'tidy-undecided',
        rootCause:
          'whether tidy keeps some requirements depends on modules that are not in the module cache (nor vendor/): nothing is claimed until they are downloaded',
        evidence: 'tidy-check with an empty or partial module cache: `cannot tell without the module cache`',
        added: true,
      },
      {
        id: 'require-layout',
        rootCause:
          'for a go line of 1.27 or later, go mod tidy keeps at most two require blocks (direct, indirect) and moves every other require line into them; older go lines keep blocks as they are',
        evidence: '`go mod tidy -diff` (Go 1.27) moving require lines between blocks',
        added: true,
      },
      {
        id: 'unused-requirement',
        rootCause:
          'go.mod requires a module that no package (or test) of the build needs: tidy will remove it',
        evidence: '`unused M` from `go mod tidy -v`',
      },
      {
        id: 'indirect-marker-mismatch',
        rootCause:
          "a requirement's `// indirect` marker is wrong, or a needed indirect requirement is missing (go 1.17+ lists all of them)",
        evidence: 'tidy would add or drop `// indirect`',
      },
      {
        id: 'conditional-dependency',
        rootCause:
          'a dependency is needed only by tests or only under some build tags/platforms (information: explains why tidy keeps it)',
        evidence: 'imports guarded by `//go:build windows` or only in `_test.go` files',
      },
      {
        id: 'internal-import',
        rootCause: "a package imports another module's `internal/` package",
        evidence: '`use of internal package X not allowed`',
      },
      {
        id: 'mixed-packages',
        rootCause: 'one directory holds files of two packages (not counting `_test` external tests)',
        evidence: '`found packages a (a.go) and b (b.go) in DIR`',
      },
    ],
  },
  {
    key: 'files',
    title: 'Files, caches and processes',
    causes: [
      {
        id: 'modcache-permission',
        rootCause:
          'the module cache or GOPATH cannot be written/removed (read-only cache files, created by another user or sudo)',
        evidence: '`permission denied` under GOMODCACHE, `rm: cannot remove ... Permission denied`',
      },
      {
        id: 'modcache-location-invalid',
        rootCause:
          'the go command has no usable module cache location: HOME (and so GOPATH) is unset in a service, cron job or container, or GOMODCACHE/GOPATH is a relative path',
        evidence:
          '`module cache not found: neither GOMODCACHE nor GOPATH is set`, `neither GOPATH nor GOMODCACHE are set`, `GOMODCACHE entry is relative; must be absolute path`, `could not locate sumdb file: missing $GOPATH`',
        added: true,
      },
      { id: 'disk-full', rootCause: 'no space or no inodes left', evidence: '`no space left on device`' },
      {
        id: 'modcache-corrupt',
        rootCause: 'a cached module or download is damaged (partial download, truncated zip, edited files)',
        evidence:
          '`zip: not a valid zip file`, `unexpected EOF` reading a cached zip, leftover `.partial`/`.tmp` files, `go mod verify` reporting `dir has been modified`',
      },
      {
        id: 'cache-lock-wait',
        rootCause:
          'live: the go command waits on a module-cache lock held by another process (another go, gopls, an IDE)',
        evidence: 'live: blocked `flock` on `.../cache/download/.../*.lock`, `/proc/locks` waiter',
      },
      {
        id: 'file-in-use',
        rootCause: 'a file cannot be replaced or removed because a process holds it',
        evidence:
          '`text file busy`, `The process cannot access the file because it is being used by another process`, Windows `rename ...: Access is denied` in the module cache',
      },
      {
        id: 'gocache-unusable',
        rootCause: 'the build cache location is missing or unwritable',
        evidence:
          '`GOCACHE is not defined and neither $XDG_CACHE_HOME nor $HOME are defined`, `build cache is disabled by GOCACHE=off`, `failed to initialize build cache`',
      },
      {
        id: 'cache-large',
        rootCause:
          "the module cache or the build cache holds a gigabyte or more (information: what `go clean -modcache` / `go clean -cache` would give back, and why a new machine's first build or a CI cache is slow and large)",
        evidence: "doctor's cache walk: `GOMODCACHE=...: 12.3 GiB in 480,000 files`",
        added: true,
      },
      {
        id: 'project-file-unsafe',
        rootCause:
          'a project file (go.mod, go.work, go.sum, vendor/modules.txt, a .go file) is not a regular file inside the checkout: a FIFO, device or socket, a symbolic link leading outside the project or looping, or a file too large to be real, or a directory more than 256 levels deep; gomod-doctor does not read it',
        evidence:
          '`go.mod -> /dev/zero`, `go.sum -> /proc/self/environ`, a FIFO named go.mod, a 200 MB go.mod; the go command hangs, runs out of memory or reads what is not part of the checkout',
        added: true,
      },
    ],
  },
  {
    key: 'environment',
    title: 'Environment',
    causes: [
      {
        id: 'goflags-invalid',
        rootCause:
          'GOFLAGS holds something the go command rejects, or a flag that changes module behaviour unexpectedly (-mod=vendor without vendor/, -mod=mod in CI)',
        evidence: '`go: parsing $GOFLAGS: non-flag`, `unknown flag`',
      },
      {
        id: 'go-env-invalid',
        rootCause:
          'a go environment setting other than GOPROXY, GOFLAGS or GOTOOLCHAIN holds a value the go command rejects (GOVCS, GOWORK, GO111MODULE; a bad GOSUMDB is sumdb-unreachable)',
        evidence:
          '`malformed entry in GOVCS`, `unreachable pattern in GOVCS`, `invalid GOWORK: not an absolute path`, `unknown environment setting GO111MODULE=...`',
        added: true,
      },
      {
        id: 'gosumdb-disabled',
        rootCause:
          'checksum verification is off for public modules: GOSUMDB=off, or GOPRIVATE/GONOSUMDB covering a public host (a security risk, not a failure)',
        evidence: '`go env GOSUMDB` is `off`; GONOSUMDB=github.com',
      },
      {
        id: 'env-not-inherited',
        rootCause:
          'settings made with `go env -w` or a shell profile are absent for the process that runs go (sudo, an IDE, Docker build, systemd, WSL)',
        evidence:
          'works in the terminal, fails under `sudo go ...` or in the editor; `proxyconnect tcp: dial tcp 127.0.0.1:...` inside WSL/containers',
      },
      {
        id: 'goroot-broken',
        rootCause: 'GOROOT mixes two releases or is incomplete',
        evidence:
          '`compile: version "go1.X" does not match go tool version "go1.Y"`, `package X is not in GOROOT/std` for a package that should exist, import cycles through runtime internals',
      },
      {
        id: 'go-not-installed',
        rootCause: 'no usable go binary on PATH',
        evidence: '`go: command not found`, `exec: "go": executable file not found`',
      },
      {
        id: 'gotoolchain-invalid',
        rootCause:
          'GOTOOLCHAIN holds a value the go command rejects, so every go command fails before it starts',
        evidence:
          '`go: invalid GOTOOLCHAIN "bogus"`, `only version suffixes are +auto and +path`, `go1.22 is a language version but not a toolchain version`',
        added: true,
      },
      {
        id: 'go-security-floor',
        rootCause:
          'the local go predates a point release that fixed how the go command checks modules against the checksum database, and GOPROXY or GOSUMDB points at a server other than the defaults (a risk, not a failure)',
        evidence:
          '`go version` older than go1.25.10/go1.26.3 (CVE-2026-42501) or go1.25.13/go1.26.6 (CVE-2026-56864, CVE-2026-56865), with e.g. GOPROXY=https://goproxy.cn,direct',
        added: true,
      },
      {
        id: 'setting-shadowed',
        rootCause:
          'a setting made with `go env -w` has no effect because an environment variable of the same name overrides it ("I set it but nothing changed")',
        evidence:
          "`go env -w GOPROXY=...` prints `warning: go env -w GOPROXY=... does not override conflicting OS environment variable`; `go env GOPROXY` shows the environment's value",
        added: true,
      },
      { id: 'unknown', rootCause: 'nothing in this catalog matches', evidence: '—' },
    ],
  },
] as const satisfies readonly { key: string; title: string; causes: readonly CauseEntry[] }[];

type Sections = typeof CATALOG_SECTIONS;
export type CauseSection = Sections[number]['key'];
export type CauseId = Sections[number]['causes'][number]['id'];

export const CAUSES: readonly (CauseEntry & { id: CauseId; section: CauseSection })[] =
  CATALOG_SECTIONS.flatMap((section) => section.causes.map((cause) => ({ ...cause, section: section.key })));

export const CAUSE_IDS: readonly CauseId[] = CAUSES.map((cause) => cause.id);

const BY_ID = new Map<string, CauseEntry>(CAUSES.map((cause) => [cause.id, cause]));

export function isCauseId(id: string): id is CauseId {
  return BY_ID.has(id);
}

/** The catalog entry of an id. */
export function causeEntry(id: CauseId): CauseEntry {
  return BY_ID.get(id)!;
}
