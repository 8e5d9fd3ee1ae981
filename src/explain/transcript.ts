// Reading a transcript: any size, in chunks, line by line. Each physical line is cleaned of what
// terminals and CI systems add around the go command's own text (carriage returns, ANSI colours,
// timestamps, GitHub Actions and BuildKit prefixes) so that patterns see what the go command wrote.
// Nothing here holds more than one line at a time.

/** What CI decoration a transcript carried: the fixes are then written for that CI. */
export interface Decoration {
  githubActions: boolean;
  gitlab: boolean;
  docker: boolean;
  timestamps: boolean;
}

export function emptyDecoration(): Decoration {
  return { githubActions: false, gitlab: false, docker: false, timestamps: false };
}

const ESC = '\u001b';
// CSI sequences (colours, cursor moves) and OSC sequences (titles, hyperlinks). No nested
// quantifiers: each sequence is consumed in one linear pass.
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;
// 2024-05-01T10:00:00.1234567Z (GitHub Actions, GitLab, Buildkite, `ts -s`), optionally followed by
// GitLab's stream marker (00O, 00E, 01O+).
const TIMESTAMP = /^\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)? ?(?:\d\d[OE]\+? )?/;
const ACTIONS_COMMAND = /^::(?:error|warning|notice|debug)(?: [^:]*)?::/;
const ACTIONS_GROUP = /^##\[(?:error|warning|notice|debug|group|endgroup|command|section)\]/;
// BuildKit plain progress: `#12 3.456 go: ...`.
const BUILDKIT = /^#\d+ \d+\.\d+ /;

/**
 * The go command's text of one physical line. `decoration` (when given) records which CI markers
 * were seen, for fixes written in that CI's form.
 */
export function cleanLine(raw: string, decoration?: Decoration): string {
  let line = raw;
  if (line.endsWith('\r')) line = line.slice(0, -1);
  // A progress display rewrites the line with bare carriage returns: the last version is what stayed.
  const cr = line.lastIndexOf('\r');
  if (cr !== -1) line = line.slice(cr + 1);
  if (line.includes(ESC)) line = line.replace(ANSI, '');
  const first = line.charCodeAt(0);
  if (first >= 0x30 && first <= 0x39) {
    const stamp = TIMESTAMP.exec(line);
    if (stamp) {
      line = line.slice(stamp[0].length);
      if (decoration) {
        decoration.timestamps = true;
        if (/\d\d[OE]\+? $/.test(stamp[0])) decoration.gitlab = true;
        // Seven fractional digits and Z: the raw log format of GitHub Actions.
        else if (/\.\d{7}Z $/.test(stamp[0])) decoration.githubActions = true;
      }
    }
  }
  const lead = line.charCodeAt(0);
  if (lead === 0x3a /* : */ && line.startsWith('::')) {
    const command = ACTIONS_COMMAND.exec(line);
    if (command) {
      line = line.slice(command[0].length);
      if (decoration) decoration.githubActions = true;
    }
  } else if (lead === 0x23 /* # */) {
    const group = line.startsWith('##[') ? ACTIONS_GROUP.exec(line) : null;
    if (group) {
      line = line.slice(group[0].length);
      if (decoration) decoration.githubActions = true;
    } else {
      const step = BUILDKIT.exec(line);
      if (step) {
        line = line.slice(step[0].length);
        if (decoration) decoration.docker = true;
      }
    }
  }
  return line;
}

/**
 * `go mod download -json` reports a module's failure as a JSON string (`"Error": "...\n\t..."`):
 * the lines inside it, or undefined when the line is not such a field.
 */
export function jsonErrorLines(line: string): string[] | undefined {
  const at = line.indexOf('"Error": "');
  if (at === -1) return undefined;
  const start = at + '"Error": '.length;
  let end = line.length;
  while (end > start && line[end - 1] !== '"') end--;
  if (end - start < 2) return undefined;
  try {
    const value = JSON.parse(line.slice(start, end)) as unknown;
    return typeof value === 'string' ? value.split('\n') : undefined;
  } catch {
    return undefined;
  }
}

export type LineSink = (text: string, lineNumber: number) => void;

/** Splits chunks into lines without ever joining the whole input; numbers lines from 1. */
export class LineSplitter {
  private rest = '';
  private lineNumber = 0;

  constructor(private readonly sink: LineSink) {}

  push(chunk: string): void {
    let text = this.rest + chunk;
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl === -1) break;
      this.sink(text.slice(start, nl), ++this.lineNumber);
      start = nl + 1;
    }
    text = text.slice(start);
    // A line longer than this is not a go command's message; keep its head and drop the rest so
    // that memory stays bounded on binary or minified input.
    this.rest = text.length > MAX_LINE ? text.slice(0, MAX_LINE) : text;
  }

  end(): void {
    if (this.rest !== '') this.sink(this.rest, ++this.lineNumber);
    this.rest = '';
  }

  get lines(): number {
    return this.lineNumber;
  }
}

const MAX_LINE = 1 << 20;

/**
 * Feeds a byte or text stream to `sink` line by line. Understands UTF-8 (with or without BOM) and
 * UTF-16 with a BOM (Windows PowerShell's `>` redirection writes that).
 */
export async function readLines(input: AsyncIterable<Uint8Array | string>, sink: LineSink): Promise<number> {
  const splitter = new LineSplitter(sink);
  let decoder: InstanceType<typeof TextDecoder> | undefined;
  for await (const chunk of input) {
    if (typeof chunk === 'string') {
      splitter.push(chunk);
      continue;
    }
    if (!decoder) {
      const utf16le = chunk[0] === 0xff && chunk[1] === 0xfe;
      const utf16be = chunk[0] === 0xfe && chunk[1] === 0xff;
      decoder = new TextDecoder(utf16le ? 'utf-16le' : utf16be ? 'utf-16be' : 'utf-8');
    }
    splitter.push(decoder.decode(chunk, { stream: true }));
  }
  if (decoder) splitter.push(decoder.decode());
  splitter.end();
  return splitter.lines;
}

/** Feeds a string already in memory (tests, the library API). */
export function splitText(text: string, sink: LineSink): number {
  const splitter = new LineSplitter(sink);
  splitter.push(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  splitter.end();
  return splitter.lines;
}
