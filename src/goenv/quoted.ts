// The go command's one way of splitting a setting into words (cmd/internal/quoted.Split), used
// for GOFLAGS (Go 1.22+) and GOAUTH commands: fields separated by ASCII white space; a field that
// starts with ' or " runs to the next same quote (no escapes) and may hold spaces. Linear time.

export type QuotedSplit = { ok: true; words: string[] } | { ok: false; unterminated: '"' | "'" };

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

export function splitQuoted(value: string): QuotedSplit {
  const words: string[] = [];
  let i = 0;
  while (i < value.length) {
    while (i < value.length && isSpace(value[i])) i++;
    if (i >= value.length) break;
    const c = value[i];
    if (c === '"' || c === "'") {
      const close = value.indexOf(c, i + 1);
      if (close < 0) return { ok: false, unterminated: c };
      words.push(value.slice(i + 1, close));
      i = close + 1;
      continue;
    }
    let j = i;
    while (j < value.length && !isSpace(value[j])) j++;
    words.push(value.slice(i, j));
    i = j;
  }
  return { ok: true, words };
}
