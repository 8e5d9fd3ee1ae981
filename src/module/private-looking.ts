// Whether a module path looks private, decided offline from what a Go expert would look at, in
// this order: (a) a host under a name that does not resolve on the public internet, (b) a host
// whose labels name an internal service or a self-hosted forge on a company domain, (c) git
// configuration that holds credentials or a rewrite for it, (d) a ~/.netrc entry for it. Public
// forges and known public module hosts are never private by their name; on a forge, where the
// account decides, only git configuration scoped to that account counts. Nothing is looked up.
import { isPublicCodeHost, isPublicForge } from './hosts.ts';

export type PrivateEvidenceKind = 'suffix' | 'label' | 'gitconfig' | 'netrc';

export interface PrivateLooking {
  kind: PrivateEvidenceKind;
  /** What matched: `.corp`, `label "internal"`, `url.git@git.example.com:.insteadof`, `machine git.example.com`. */
  detail: string;
  /** The GOPRIVATE pattern that covers the module: the host, or host/account on a forge. */
  pattern: string;
}

export interface PrivateLookingContext {
  /** git config entries (key lower-cased as git prints it, value as written). */
  gitConfig?: ReadonlyArray<{ key: string; value: string }>;
  /** Machine names of ~/.netrc entries. */
  netrcMachines?: readonly string[];
}

/** Suffixes reserved or commonly used for names that exist only inside a network. */
const NON_PUBLIC_SUFFIXES = [
  'corp',
  'internal',
  'intranet',
  'private',
  'local',
  'localdomain',
  'lan',
  'home.arpa',
];
const INTERNAL_LABELS = new Set(['corp', 'internal', 'intranet', 'private']);
const FORGE_LABELS = new Set(['git', 'gitlab', 'gitea', 'scm', 'code', 'forgejo', 'gerrit']);

function privateIpv4Range(host: string): string | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m) return undefined;
  const [a, b] = [Number(m[1]), Number(m[2])];
  if (a === 10) return '10.0.0.0/8';
  if (a === 172 && b >= 16 && b <= 31) return '172.16.0.0/12';
  if (a === 192 && b === 168) return '192.168.0.0/16';
  if (a === 127) return '127.0.0.0/8';
  if (a === 169 && b === 254) return '169.254.0.0/16';
  if (a === 100 && b >= 64 && b <= 127) return '100.64.0.0/10';
  return undefined;
}

function bySuffix(host: string): string | undefined {
  const range = privateIpv4Range(host);
  if (range) return range;
  if (!host.includes('.')) return 'single label';
  for (const suffix of NON_PUBLIC_SUFFIXES) {
    if (host.endsWith(`.${suffix}`)) return `.${suffix}`;
  }
  return undefined;
}

function byLabel(host: string): string | undefined {
  const labels = host.split('.');
  // The last label is the top-level domain: `example.private` was handled as a suffix.
  for (const label of labels.slice(0, -1)) {
    if (INTERNAL_LABELS.has(label)) return `label "${label}"`;
  }
  const first = labels[0]!;
  const rest = labels.slice(1).join('.');
  // git.example.com, but not the public forge git.sr.ht nor code.gitea.io (public code hosts).
  if (labels.length >= 3 && FORGE_LABELS.has(first) && !isPublicCodeHost(rest)) return `"${first}." host`;
  return undefined;
}

/** Host and path of a URL or scp-like remote (`git@host:org/repo`), lower-cased host. */
function urlParts(url: string): { host: string; path: string } | undefined {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?([^:/]+)(?::\d+)?\/?(.*)$/i.exec(url);
  if (withScheme) return { host: withScheme[1]!.toLowerCase(), path: withScheme[2] ?? '' };
  const scp = /^(?:[^@/]*@)?([^:/]+):(.*)$/.exec(url);
  if (scp) return { host: scp[1]!.toLowerCase(), path: scp[2] ?? '' };
  return undefined;
}

/** The git config entry that names this host (and on a forge, this account), if any. */
function byGitConfig(
  host: string,
  account: string | undefined,
  entries: ReadonlyArray<{ key: string; value: string }>,
): string | undefined {
  const names = (url: string): boolean => {
    const parts = urlParts(url);
    if (!parts || parts.host !== host) return false;
    if (account === undefined) return true;
    const first = parts.path
      .replace(/^\/+/, '')
      .split('/')[0]
      ?.replace(/\.git$/, '');
    return first?.toLowerCase() === account.toLowerCase();
  };
  for (const { key, value } of entries) {
    const lower = key.toLowerCase();
    const credential = /^credential\.(.+)\.[a-z]+$/.exec(key);
    if (lower.startsWith('credential.') && credential && names(credential[1]!)) return key;
    const rewrite = /^url\.(.+)\.(insteadof|pushinsteadof)$/i.exec(key);
    if (rewrite && /insteadof$/i.test(lower) && (names(value) || names(rewrite[1]!)))
      return `${key} ${value}`;
  }
  return undefined;
}

/** Whether the go command would treat `modulePath` as private-looking, and on what evidence. */
export function privateLooking(
  modulePath: string,
  context: PrivateLookingContext = {},
): PrivateLooking | undefined {
  const host = (modulePath.split('/')[0] ?? '').toLowerCase();
  if (host === '') return undefined;
  if (isPublicForge(host)) {
    const account = modulePath.split('/')[1];
    if (!account) return undefined;
    const detail = byGitConfig(host, account, context.gitConfig ?? []);
    return detail ? { kind: 'gitconfig', detail, pattern: `${host}/${account}` } : undefined;
  }
  if (isPublicCodeHost(host)) return undefined;
  const suffix = bySuffix(host);
  if (suffix) return { kind: 'suffix', detail: suffix, pattern: host };
  const label = byLabel(host);
  if (label) return { kind: 'label', detail: label, pattern: host };
  const config = byGitConfig(host, undefined, context.gitConfig ?? []);
  if (config) return { kind: 'gitconfig', detail: config, pattern: host };
  if ((context.netrcMachines ?? []).some((m) => m.toLowerCase() === host)) {
    return { kind: 'netrc', detail: `machine ${host}`, pattern: host };
  }
  return undefined;
}
