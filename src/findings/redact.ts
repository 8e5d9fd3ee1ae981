// No output format may contain a secret (contract.md). This is the one redactor: every reporter,
// every command's output path and the doctor's findings pass text through here, so a secret that
// reaches a finding (a proxy URL with a password, a token as a URL's user name, a quoted git error,
// an Authorization header) is masked whatever produced it.
//
// Every rule runs in linear time on any input: each pattern starts at a literal or a word start,
// and either always succeeds once started (the decision is made in code, not by backtracking) or
// scans a bounded number of characters. test/findings/redact.test.ts checks this with growth
// ratios over inputs of every character class.

const REPLACEMENT = '***';

/** `<token>`, `<user>`: a placeholder written for the user to fill in is not a secret. */
const isPlaceholder = (text: string) => /^<[^\s<>]*>$/.test(text);

/** Schemes whose user name is an account name (ssh://git@host), not a credential. */
const SSH_SCHEMES = new Set(['ssh', 'git+ssh', 'ssh+git', 'sftp']);

/**
 * scheme://userinfo@host: a password is masked (the user name stays); a user name alone is
 * masked too (`https://TOKEN@host` is how tokens travel), except for ssh-like schemes.
 * The scheme is at most 32 characters, so a long run of letters costs a bounded scan per start.
 */
function maskUserinfo(text: string): string {
  return text.replace(
    // The authority up to its last '@' (a password may hold an unescaped '@'); no '@', no match.
    /\b([a-z][a-z0-9+.-]{0,31}):\/\/([^\s/?#]*)@/gi,
    (whole, scheme: string, userinfo: string) => {
      if (userinfo === '') return whole;
      const colon = userinfo.indexOf(':');
      if (colon !== -1) {
        const password = userinfo.slice(colon + 1);
        if (password === '' || isPlaceholder(password)) return whole;
        return `${scheme}://${userinfo.slice(0, colon)}:${REPLACEMENT}@`;
      }
      if (isPlaceholder(userinfo) || SSH_SCHEMES.has(scheme.toLowerCase())) return whole;
      return `${scheme}://${REPLACEMENT}@`;
    },
  );
}

const patterns: Array<[RegExp, string | ((...groups: string[]) => string)]> = [
  // HTTP authorization headers (GOAUTH command output, curl traces, git config extraHeader).
  [
    /\b(Authorization|Proxy-Authorization)([ \t]*:[ \t]*)(?:(Basic|Bearer|token|Digest|Negotiate)[ \t]+)?([^\s,;'"]+)/gi,
    (whole, name, colon, scheme, value) =>
      isPlaceholder(value!) ? whole! : `${name}${colon}${scheme ? `${scheme} ` : ''}${REPLACEMENT}`,
  ],
  // A bearer token on its own (logs that print the header value alone).
  [/\b(Bearer[ \t]+)[A-Za-z0-9._~+/=-]{8,}/g, `$1${REPLACEMENT}`],
  // git config http.extraHeader / http.<url>.extraHeader: the whole header value, whatever it is.
  [
    /\b(extraheader)([ \t]*=[ \t]*|[ \t]+)([^\n]*)/gi,
    (whole, name, sep, value) =>
      value === '' || value === REPLACEMENT || isPlaceholder(value!.trim())
        ? whole!
        : `${name}${sep}${REPLACEMENT}`,
  ],
  // GOAUTH: everything after the mode (`command ...` and header lines carry tokens in any shape).
  [
    /\b(GOAUTH=)(['"]?)(\S*)([^\n]*)/g,
    (whole, name, quote, mode, rest) => {
      if (rest === '' || rest === ` ${REPLACEMENT}${quote}`) return whole!;
      const bareMode = quote && mode!.endsWith(quote) ? mode!.slice(0, -1) : mode!;
      return `${name}${quote}${bareMode} ${REPLACEMENT}${quote}`;
    },
  ],
  // .netrc entries, on one line or with "password X" on a line of its own. Kept narrow so that
  // prose such as "password authentication failed" is left alone.
  [
    /\b((?:machine[ \t]+\S+(?:\s+login\s+\S+)?|default\s+login\s+\S+)\s+(?:password|passwd|account)\s+)(\S+)/g,
    (whole, head, value) => (isPlaceholder(value!) ? whole! : `${head}${REPLACEMENT}`),
  ],
  [
    /^([ \t]*(?:password|passwd)[ \t]+)(\S+)([ \t]*)$/gm,
    (whole, head, value, tail) => (isPlaceholder(value!) ? whole! : `${head}${REPLACEMENT}${tail}`),
  ],
  // git credential helpers speak key=value lines (`git credential fill`).
  [/^(password=)(\S+)$/gm, `$1${REPLACEMENT}`],
  // Tokens in URL query strings.
  [/([?&](?:access_token|private_token|token|password|key)=)[^&\s#'"]+/gi, `$1${REPLACEMENT}`],
  // Bare well-known token shapes anywhere.
  [
    /\b(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|glpat-[A-Za-z0-9_-]{16,}|AKIA[0-9A-Z]{16})\b/g,
    REPLACEMENT,
  ],
  // KEY=value settings whose name says secret (GIT_ASKPASS tokens, CI variables echoed in logs).
  // The name is matched whole and judged in code: no backtracking over a long name.
  [
    /\b([A-Z0-9_]+=)([^\s'"]+)/g,
    (whole, name, value) =>
      /TOKEN|PASSWORD|SECRET|PASSWD/.test(name!) && value !== REPLACEMENT ? `${name}${REPLACEMENT}` : whole!,
  ],
];

/** Masks every secret this project knows the shape of; the rest of the text is left as it is. */
export function redactSecrets(text: string): string {
  let out = maskUserinfo(text);
  for (const [pattern, replacement] of patterns)
    out = out.replace(pattern, replacement as (substring: string, ...args: string[]) => string);
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
