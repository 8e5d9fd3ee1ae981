// Hosts that serve public Go code. Several capabilities ask "is this module public?" (explain,
// when a proxy answers 404; doctor, when a GOPRIVATE pattern covers a whole host; tidy-check,
// when it predicts where a lookup goes): they share this one list so that they answer alike.

/** Forges where the first path element after the host is an account: GOPRIVATE needs host/org there. */
const PUBLIC_FORGES: readonly string[] = [
  'github.com',
  'gitlab.com',
  'bitbucket.org',
  'gitee.com',
  'codeberg.org',
  'git.sr.ht',
  'dev.azure.com',
  'ssh.dev.azure.com',
];

/** Forges plus the vanity and project hosts of widely used public modules. */
export const PUBLIC_CODE_HOSTS: readonly string[] = [
  ...PUBLIC_FORGES,
  'golang.org',
  'google.golang.org',
  'go.googlesource.com',
  'gopkg.in',
  'go.uber.org',
  'k8s.io',
  'sigs.k8s.io',
  'cloud.google.com',
  'go.opentelemetry.io',
  'go.etcd.io',
  'honnef.co',
  'modernc.org',
  'gotest.tools',
  'mvdan.cc',
  'go.mongodb.org',
  'gorm.io',
  'dario.cat',
  'filippo.io',
  'lukechampine.com',
  'rsc.io',
  'nhooyr.io',
  'code.gitea.io',
  'code.cloudfoundry.org',
  'git.apache.org',
];

const forges = new Set(PUBLIC_FORGES);
const publicHosts = new Set(PUBLIC_CODE_HOSTS);

export function isPublicForge(host: string): boolean {
  return forges.has(host.toLowerCase());
}

/** Whether the host (or a host it is a subdomain of) serves public Go code. */
export function isPublicCodeHost(host: string): boolean {
  const lower = host.toLowerCase();
  if (publicHosts.has(lower)) return true;
  for (let dot = lower.indexOf('.'); dot !== -1; dot = lower.indexOf('.', dot + 1)) {
    if (publicHosts.has(lower.slice(dot + 1))) return true;
  }
  return false;
}

/**
 * Forges whose repository root is always host/owner/repo (the go command's vcsPaths table knows
 * them the same way): gitlab.com (subgroups) and Azure DevOps (_git) are not among them.
 */
const FIXED_ROOT_FORGES = new Set(['github.com', 'bitbucket.org', 'gitee.com', 'codeberg.org', 'git.sr.ht']);

/**
 * The module that holds an import path on such a forge: its repository root, with a major-version
 * suffix when the path has one right after it. Undefined for other hosts or a path above the root.
 */
export function forgeRepository(importPath: string): string | undefined {
  const parts = importPath.split('/');
  if (parts.length < 3 || !FIXED_ROOT_FORGES.has(parts[0]!.toLowerCase())) return undefined;
  if (parts.slice(1, 3).some((p) => p === '' || p === '.' || p === '..')) return undefined;
  const root = parts.slice(0, 3);
  if (parts.length > 3 && /^v[2-9]\d*$|^v1\d+$/.test(parts[3]!)) root.push(parts[3]!);
  return root.join('/');
}
