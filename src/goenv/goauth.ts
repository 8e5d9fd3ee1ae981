// GOAUTH as the go command (cmd/go/internal/auth) reads it: `;`-separated entries, each `off`,
// `netrc`, `git DIR` or a command line split like the go command splits quoted arguments.
import { splitQuoted as splitGoQuoted } from './quoted.ts';

/** One GOAUTH entry, as the go command (auth.go) reads it. */
export type GoAuthEntry =
  | { kind: 'off' }
  | { kind: 'netrc' }
  | { kind: 'git'; dir?: string; extra: boolean }
  | { kind: 'command'; command?: string; parseError?: string }
  | { kind: 'empty' };

/** cmd/internal/quoted.Split, in the form this check reports. */
function splitQuoted(text: string): { words: string[] } | { error: string } {
  const split = splitGoQuoted(text);
  return split.ok ? { words: split.words } : { error: `unterminated ${split.unterminated} string` };
}

export function parseGoAuth(value: string): GoAuthEntry[] {
  return value.split(';').map((raw): GoAuthEntry => {
    const words = raw
      .trim()
      .split(/\s+/)
      .filter((w) => w !== '');
    const first = words[0];
    if (first === undefined) return { kind: 'empty' };
    if (first === 'off') return { kind: 'off' };
    if (first === 'netrc') return { kind: 'netrc' };
    if (first === 'git')
      return { kind: 'git', ...(words[1] ? { dir: words[1] } : {}), extra: words.length > 2 };
    const split = splitQuoted(raw);
    if ('error' in split) return { kind: 'command', parseError: split.error };
    return { kind: 'command', ...(split.words[0] ? { command: split.words[0] } : {}) };
  });
}
