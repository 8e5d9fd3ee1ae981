/**
 * GOVCS: which version control tools the go command may run for a direct (non-proxy) fetch.
 */
import { matchPrefixPatterns } from './patterns.ts';

export interface GoVcsRule {
  /** A GOPRIVATE-style glob list entry, or the keywords 'public' / 'private'. */
  pattern: string;
  /** Tool names as written ('git', 'hg', 'svn', 'bzr', 'fossil'), 'all', or anything else (e.g. 'off'), which allows nothing. */
  allowed: string[];
  /** Whether the go command appended this rule itself. */
  isDefault: boolean;
  /** The entry as written (trimmed); for default rules, their canonical spelling. */
  entry: string;
}

export type GoVcsParse = { ok: true; rules: GoVcsRule[] } | { ok: false; error: string };

/** Appended after the user's rules, so they only decide what the user left open. */
const DEFAULT_GOVCS_RULES: readonly GoVcsRule[] = [
  { pattern: 'private', allowed: ['all'], isDefault: true, entry: 'private:all' },
  { pattern: 'public', allowed: ['git', 'hg'], isDefault: true, entry: 'public:git|hg' },
];

function isRelativePattern(pattern: string): boolean {
  return pattern === '.' || pattern === '..' || pattern.startsWith('./') || pattern.startsWith('../');
}

/**
 * Parses GOVCS with the go command's checks and messages, and appends the default rules.
 * Unlike GOPRIVATE, whitespace around entries, patterns and tool names is trimmed here.
 */
export function parseGoVcs(value: string): GoVcsParse {
  const rules: GoVcsRule[] = [];
  const trimmed = value.trim();
  if (trimmed !== '') {
    const seen = new Map<string, string>();
    for (const rawItem of trimmed.split(',')) {
      const item = rawItem.trim();
      if (item === '') return { ok: false, error: 'empty entry in GOVCS' };
      const colon = item.indexOf(':');
      if (colon < 0)
        return { ok: false, error: `malformed entry in GOVCS (missing colon): ${JSON.stringify(item)}` };
      const pattern = item.slice(0, colon).trim();
      const list = item.slice(colon + 1).trim();
      if (pattern === '') return { ok: false, error: `empty pattern in GOVCS: ${JSON.stringify(item)}` };
      if (list === '') return { ok: false, error: `empty VCS list in GOVCS: ${JSON.stringify(item)}` };
      if (isRelativePattern(pattern)) {
        return { ok: false, error: `relative pattern not allowed in GOVCS: ${JSON.stringify(pattern)}` };
      }
      const earlier = seen.get(pattern);
      if (earlier !== undefined) {
        return {
          ok: false,
          error: `unreachable pattern in GOVCS: ${JSON.stringify(item)} after ${JSON.stringify(earlier)}`,
        };
      }
      seen.set(pattern, item);
      const allowed = list.split('|').map((name) => name.trim());
      if (allowed.includes(''))
        return { ok: false, error: `empty VCS name in GOVCS: ${JSON.stringify(item)}` };
      rules.push({ pattern, allowed, isDefault: false, entry: item });
    }
  }
  return { ok: true, rules: [...rules, ...DEFAULT_GOVCS_RULES] };
}

export interface GoVcsDecision {
  allowed: boolean;
  /** The rule that decided; null when none matched (then nothing is allowed). */
  rule: GoVcsRule | null;
  /** The go command's error when not allowed. */
  error?: string;
}

/**
 * Whether `vcs` may be used for the repository root `repoRoot`. `isPrivate` is whether the root
 * matches GOPRIVATE (not GONOPROXY): that is what 'private' and 'public' mean here. The first
 * matching rule decides, even when it allows nothing.
 */
export function allowsVcs(
  rules: readonly GoVcsRule[],
  repoRoot: string,
  vcs: string,
  isPrivate: boolean,
): GoVcsDecision {
  for (const rule of rules) {
    let matches: boolean;
    if (rule.pattern === 'private') matches = isPrivate;
    else if (rule.pattern === 'public') matches = !isPrivate;
    else matches = matchPrefixPatterns(rule.pattern, repoRoot);
    if (!matches) continue;
    if (rule.allowed.some((name) => name === vcs || name === 'all')) return { allowed: true, rule };
    return { allowed: false, rule, error: govcsDisallowedMessage(vcs, repoRoot, isPrivate) };
  }
  return { allowed: false, rule: null, error: govcsDisallowedMessage(vcs, repoRoot, isPrivate) };
}

/** The go command's message when GOVCS forbids a tool. */
function govcsDisallowedMessage(vcs: string, repoRoot: string, isPrivate: boolean): string {
  return `GOVCS disallows using ${vcs} for ${isPrivate ? 'private' : 'public'} ${repoRoot}; see 'go help vcs'`;
}
