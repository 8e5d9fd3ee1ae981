// No output format may contain a secret (contract.md). Every reporter passes text through here, so
// a secret that reaches a finding (a proxy URL with a password, a token in a quoted git error) is
// masked at the last moment, whatever produced it.

const REPLACEMENT = '***';

const patterns: Array<[RegExp, string]> = [
  // scheme://user:password@host → keep the user, drop the password.
  [/\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*):(?!<[^\s@/<>]*>@)[^\s@/]+@/gi, `$1:${REPLACEMENT}@`],
  // scheme://token@host where the whole userinfo is a token (GitHub/GitLab access tokens).
  [
    /\b([a-z][a-z0-9+.-]*:\/\/)(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|glpat-[A-Za-z0-9_-]{16,})@/g,
    `$1${REPLACEMENT}@`,
  ],
  // HTTP authorization headers (GOAUTH command output, curl traces).
  [/\b(Authorization|Proxy-Authorization)(\s*:\s*)(Basic|Bearer|token)\s+\S+/gi, `$1$2$3 ${REPLACEMENT}`],
  // .netrc entries, on one line or with "password X" on a line of its own. Kept narrow so that
  // prose such as "password authentication failed" is left alone.
  [
    /\b(machine\s+\S+(?:\s+login\s+\S+)?\s+(?:password|passwd|account)\s+)(?!<[^\s<>]*>(?:\s|$))\S+/g,
    `$1${REPLACEMENT}`,
  ],
  [/^([ \t]*(?:password|passwd)[ \t]+)(?!<[^\s<>]*>[ \t]*$)\S+[ \t]*$/gm, `$1${REPLACEMENT}`],
  // Bare well-known token shapes anywhere.
  [
    /\b(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|glpat-[A-Za-z0-9_-]{16,}|AKIA[0-9A-Z]{16})\b/g,
    REPLACEMENT,
  ],
  // key=value settings whose name says secret (GIT_ASKPASS tokens, CI variables echoed in logs).
  [/\b([A-Z0-9_]*(?:TOKEN|PASSWORD|SECRET|PASSWD)[A-Z0-9_]*=)[^\s'"]+/g, `$1${REPLACEMENT}`],
];

// Placeholders written for the user to fill in (`<token>`) are not secrets and stay readable.
export function redactSecrets(text: string): string {
  let out = text;
  for (const [pattern, replacement] of patterns) out = out.replace(pattern, replacement);
  return out;
}

/** Redacts every string inside a JSON-like value (a deep copy; the input is left as it is). */
export function redactDeep<T>(value: T): T {
  if (typeof value === 'string') return redactSecrets(value) as T;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) out[key] = redactDeep(v);
    return out as T;
  }
  return value;
}
