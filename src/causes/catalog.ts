// The cause ids of the catalog (causes.md): a public contract. Ids are added, never renamed or
// removed; test/causes/catalog.test.ts checks this list against the catalog document. The
// `added` section holds ids this project added for real causes the catalog lacked; each is
// described in docs/causes-added.md.
export const CAUSE_SECTIONS = {
  network: [
    'dns-failure',
    'dns-poisoned',
    'connect-timeout',
    'connection-refused',
    'connection-reset',
    'tls-untrusted-certificate',
    'tls-handshake-timeout',
    'proxy-stall',
    'proxy-server-error',
    'egress-policy-forbidden',
    'http-proxy-misconfigured',
    'goproxy-off',
    'goproxy-invalid',
    'goproxy-no-fallback',
    'goproxy-direct-slow',
    'private-module-via-proxy',
    'module-source-gone',
    'goprivate-misconfigured',
    'sumdb-private-module',
    'sumdb-unreachable',
    'go-get-discovery-failed',
  ],
  vcs: [
    'git-auth-required',
    'git-ssh-auth',
    'git-not-installed',
    'vcs-disallowed',
    'credential-helper-hang',
    'ssh-prompt-hang',
    'unknown-revision',
    'pseudo-version-invalid',
  ],
  modules: [
    'module-path-mismatch',
    'major-version-suffix',
    'malformed-module-path',
    'invalid-version-syntax',
    'no-matching-versions',
    'package-not-in-module',
    'ambiguous-import',
    'retracted-version',
    'deprecated-module',
    'missing-go-sum-entry',
    'checksum-mismatch',
    'go-mod-needs-update',
    'vendor-mode-lookup',
    'install-replace-directive',
    'module-zip-invalid',
    'inconsistent-vendoring',
    'import-cycle',
    'go-mod-syntax',
    'go-sum-malformed',
    'replace-target-missing',
    'local-replace',
    'conflicting-replace',
    'duplicate-requirement',
    'no-main-module',
    'gopath-mode',
    'workspace-mismatch',
    'go-version-too-new',
    'toolchain-download',
    'build-constraints-exclude',
  ],
  project: [
    'missing-requirement',
    'unused-requirement',
    'indirect-marker-mismatch',
    'conditional-dependency',
    'internal-import',
    'mixed-packages',
  ],
  files: [
    'modcache-permission',
    'disk-full',
    'modcache-corrupt',
    'cache-lock-wait',
    'file-in-use',
    'gocache-unusable',
  ],
  environment: [
    'goflags-invalid',
    'gosumdb-disabled',
    'env-not-inherited',
    'goroot-broken',
    'go-not-installed',
    'unknown',
  ],
  added: ['gotoolchain-invalid', 'setting-shadowed', 'cache-large'],
} as const;

export type CauseSection = keyof typeof CAUSE_SECTIONS;
export type CauseId = (typeof CAUSE_SECTIONS)[CauseSection][number];

export const CAUSE_IDS: readonly CauseId[] = Object.values(CAUSE_SECTIONS).flat();

export function isCauseId(id: string): id is CauseId {
  return (CAUSE_IDS as readonly string[]).includes(id);
}
