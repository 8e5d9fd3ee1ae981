// What the doctor masks before a finding exists, on top of the reporters' redactSecrets: any
// userinfo in a URL (a bare token as the user name is as secret as a password) and everything
// after the mode of GOAUTH (`command ...` lines carry tokens in any shape).
import { redactSecrets } from '../findings/redact.ts';

export function maskSecrets(text: string): string {
  return (
    redactSecrets(text)
      // The scheme may not start inside a longer run of scheme characters: with a plain \b, a line
      // like `a.a.a.…` makes every letter a candidate that scans to the end (quadratic time).
      .replace(/(?<![a-z0-9+.-])([a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi, '$1***@')
      .replace(/\b(GOAUTH=\S+)[ \t][^\n]*/g, '$1 ***')
  );
}

export function maskDeep<T>(value: T): T {
  if (typeof value === 'string') return maskSecrets(value) as T;
  if (Array.isArray(value)) return value.map((v) => maskDeep(v)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) out[key] = maskDeep(v);
    return out as T;
  }
  return value;
}
