// Reading a transcript: any size, in chunks, line by line. Each physical line is cleaned of what
// terminals and CI systems add around the go command's own text (carriage returns, ANSI colours,
// timestamps, GitHub Actions and BuildKit prefixes) so that patterns see what the go command wrote.
// Nothing here holds more than one line at a time.

import { Buffer, isAscii } from 'node:buffer';

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

// Other programs' prefixes on a line of go's output. Each is literal-led or anchored and linear.
// A Jenkins timestamper or `[2024-05-01T10:00:00.123Z] `; an Open Build Service `[   47s] `.
const BRACKET_STAMP = /^\[(?:\d{4}-\d\d-\d\d[T ][\d:.,]+Z?|\s*\d+(?:\.\d+)?s)\] ?/;
// A clock time and colon (Prow, some CI runners): `09:07:15: `.
const CLOCK_STAMP = /^\d\d:\d\d:\d\d: /;
// BuildKit's recap of a failed step: seconds since the step started, `0.094 go: ...`.
const BUILDKIT_ELAPSED = /^\d{1,4}\.\d{1,3} /;
// VS Code's output channel for gopls: `[Error - 9:48:32 AM] `, `[Trace - 19:22:44.050 PM] `.
const EDITOR_LEVEL = /^\[(?:Error|Warn|Warning|Info|Trace|Debug|Log)\s*-\s*[\d:.]+(?: [AP]M)?\] ?/;
// Go's log package timestamp, which gopls puts on every message: `2024/05/01 09:48:32 `.
const GO_LOG_STAMP = /^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d(?:\.\d+)? /;
// logrus text format (Athens, many Go services): `ERRO[0142] `, `ERROR[9:17AM]: `.
const LOGRUS_LEVEL = /^(?:ERRO|ERROR|WARN|WARNING|INFO|DEBU|DEBUG|FATA|FATAL)\[[^\]]{1,16}\]:? ?/;
// Editor plugins that prefix every message with their name.
const PLUGIN_PREFIX = /^(?:vim-go|coc-go|go-plus|govim): /;

/**
 * Lines that are only the relaying program's own chrome: a Docker step header, a CI group marker,
 * gopls' snapshot fields, a JSON log's structure. They carry nothing of go's output, and must not
 * count as the last thing the go command printed (a hang is read from the last line).
 */
const CHROME = [
  /^##\[(?:group|endgroup|section|command)\]/,
  /^(?:##\[error\])?(?:Process completed with exit code \d+\.|The operation was canceled\.)$/,
  /^Error: Process completed with exit code \d+\.$/,
  /^section_(?:start|end):\d+:/,
  /^Executing "[^"]*" stage of the job script$/,
  /^(?:ERROR: )?Job failed: exit code \d+$/,
  /^#\d+ (?:\[[^\]]*\] |ERROR: |DONE |CACHED$|sha256:|resolve |transferring )/,
  /^-{6}$/,
  /^\s*> \[[^\]]+\] (?:RUN|COPY|ADD) /,
  /^(?:ERROR: )?failed to (?:solve|build): /,
  /^ERROR \[[^\]]+\] (?:RUN|COPY|ADD) /,
  /^Step \d+\/\d+ : /,
  /^ ---> (?:Running in |Using cache$|[0-9a-f]{12}$)/,
  /^Removing intermediate container /,
  /^The command '[^']*' returned a non-zero code: \d+$/,
  /^\t(?:snapshot|directory|query|packages)=/,
  /^\[Trace - [^\]]*\] (?:Received|Sending) /,
  /^: packages\.Load error$/,
  /^DEBUG: rawExec err /,
  /^\s*"(?:err|cmd|stdout|stderr|options|killed|code|signal)": /,
  /^["{}\],\s]+$/,
];

// One anchored alternation: a line is tested once, not once per chrome form; and only lines that
// start like chrome are tested at all (go's own lines mostly start with `go: `, a path or `# get`).
const CHROME_RE = new RegExp(`^(?:${CHROME.map((re) => re.source.replace(/^\^/, '')).join('|')})`);
const CHROME_FIRST = new Uint8Array(128);
for (const c of '#PEsJ-fSRT\t[:D"{}],> ') CHROME_FIRST[c.charCodeAt(0)] = 1;

/**
 * Where another program quotes go's stderr inside its own error: gopls' `err: exit status 1:
 * stderr: `, a logger's `stderr=`, a wrapper's `exit status 1: go: ...`, goreleaser's `; output: `.
 * Returns the offset where go's text starts, or -1.
 */
const STDERR_MARKERS = /stderr|exit status|; output: |^error while running command /;

function embeddedStderr(line: string): number {
  // Most lines of a big log have none of the markers: three scans for the literal, then done.
  if (!STDERR_MARKERS.test(line)) return -1;
  for (const marker of ['stderr: ', 'stderr=', '"stderr": "', "'stderr': '"]) {
    const at = line.lastIndexOf(marker);
    if (at !== -1) return at + marker.length;
  }
  const exit = /exit status \d+:? (?=go: |go\.mod:|verifying )/.exec(line);
  if (exit) return exit.index + exit[0].length;
  const output = line.indexOf('; output: ');
  if (output !== -1) return output + '; output: '.length;
  const wrapper = /^error while running command [^:]{1,200}: /.exec(line);
  if (wrapper) return wrapper[0].length;
  return -1;
}

/** Prefixes some tool put before go's text (repeatedly: a CI timestamp on a Docker line, ...). */
function stripPrefixes(text: string, decoration?: Decoration): string {
  let line = text;
  for (let round = 0; round < 6; round++) {
    const before = line;
    const first = line.charCodeAt(0);
    if (first >= 0x30 && first <= 0x39) {
      const stamp = TIMESTAMP.exec(line);
      if (stamp) {
        line = line.slice(stamp[0].length);
        if (decoration) {
          decoration.timestamps = true;
          // (Every line of a big log has a stamp: the cheap end test first, and a flag already
          // set is not tested for again.)
          const s = stamp[0];
          if ((s.endsWith('O ') || s.endsWith('E ') || s.endsWith('+ ')) && /\d\d[OE]\+? $/.test(s))
            decoration.gitlab = true;
          // Seven fractional digits and Z: the raw log format of GitHub Actions.
          else if (!decoration.githubActions && /\.\d{7}Z $/.test(s)) decoration.githubActions = true;
        }
      } else {
        const clock = CLOCK_STAMP.exec(line) ?? GO_LOG_STAMP.exec(line) ?? BUILDKIT_ELAPSED.exec(line);
        if (clock) line = line.slice(clock[0].length);
      }
    } else if (first === 0x3a /* : */ && line.startsWith('::')) {
      const command = ACTIONS_COMMAND.exec(line);
      if (command) {
        line = line.slice(command[0].length);
        if (decoration) decoration.githubActions = true;
      }
    } else if (first === 0x23 /* # */) {
      const group = line.startsWith('##[') ? ACTIONS_GROUP.exec(line) : null;
      if (group) {
        if (decoration) decoration.githubActions = true;
        // A log group's opening and closing lines are the runner's, not go's.
        if (/^##\[(?:group|endgroup|section|command)\]/.test(group[0])) return '';
        line = line.slice(group[0].length);
      } else {
        const second = line.charCodeAt(1);
        const step = second >= 0x30 && second <= 0x39 ? BUILDKIT.exec(line) : null;
        if (step) {
          line = line.slice(step[0].length);
          if (decoration) decoration.docker = true;
        } else if (line.startsWith('# go: ')) {
          // Output pasted as shell comments. (-x lines are `# get`, `# lock`, never `# go:`.)
          line = line.slice(2);
        } else if ((second === 0x20 || second === 0x09) && /^#\s{2,}\S/.test(line)) {
          // ...and their indented continuation lines.
          line = line.slice(1);
        }
      }
    } else if (first === 0x5b /* [ */) {
      const bracket = BRACKET_STAMP.exec(line) ?? EDITOR_LEVEL.exec(line);
      if (bracket) line = line.slice(bracket[0].length);
    } else if (first === 0x3e /* > */) {
      // A quote in an issue or a mail: `> go: ...`.
      line = line.slice(line.startsWith('> ') ? 2 : 1);
    } else if (first === 0x20 && /^ {1,8}> /.test(line) && !/^ {1,8}> \[/.test(line)) {
      // Nix's `       > ` in front of a failed builder's last lines.
      line = line.slice(line.indexOf('> ') + 2);
    } else if (first >= 0x41 && first <= 0x5a /* A-Z */) {
      const level = LOGRUS_LEVEL.exec(line);
      if (level) line = line.slice(level[0].length);
    } else if (first === 0x76 || first === 0x63 || first === 0x67 /* v c g */) {
      // `go: ` lines start with g too: test the plugin names only when one could be there.
      const plugin = line.charCodeAt(2) === 0x3a ? null : PLUGIN_PREFIX.exec(line);
      if (plugin) line = line.slice(plugin[0].length);
    }
    if (line === before) break;
  }
  return line;
}

/**
 * The go command's text of one physical line. `decoration` (when given) records which CI markers
 * were seen, for fixes written in that CI's form. A line that is only a relaying program's chrome
 * comes back empty.
 */
export function cleanLine(raw: string, decoration?: Decoration): string {
  let line = raw;
  if (line.endsWith('\r')) line = line.slice(0, -1);
  // A progress display rewrites the line with bare carriage returns: the last version is what stayed.
  const cr = line.lastIndexOf('\r');
  if (cr !== -1) line = line.slice(cr + 1);
  if (line.includes(ESC)) line = line.replace(ANSI, '');
  line = stripPrefixes(line, decoration);
  const embedded = line.length > 12 ? embeddedStderr(line) : -1;
  if (embedded !== -1) line = stripPrefixes(line.slice(embedded), decoration);
  // What wrappers and IDEs append: `: exit status 1` after go's last line, GoLand's `#gosetup`.
  if (line.endsWith(': exit status 1')) line = line.slice(0, -': exit status 1'.length);
  if (line.endsWith(' #gosetup')) line = line.slice(0, -' #gosetup'.length);
  // (A line that still holds escaped newlines is a payload to split, not chrome.)
  if (
    line.length > 0 &&
    CHROME_FIRST[line.charCodeAt(0) & 0x7f] === 1 &&
    !line.includes('\\n') &&
    CHROME_RE.test(line)
  )
    return '';
  return line;
}

// An escaped newline followed by something go prints at the start of a line.
// Or the escaped newline that ends a logged stderr, right before the closing quote.
const ESCAPED_END = /\\n["\s,}\]]*$/;
const ESCAPED_GO_LINE = /\\n(?:go: |\\t|verifying |SECURITY ERROR|[a-z0-9][-a-z0-9.]*\.[a-z]{2,}\/\S*@)/;

/**
 * Another program that logged go's stderr as one escaped string (a JSON log field, logfmt's
 * `msg="..."`, gopls' LSP trace): the lines inside it, or undefined when the line is not that.
 * A Windows path (`C:\new`) is not mistaken for an escape: the escape must be followed by the start
 * of a go line.
 */
export function escapedLines(line: string): string[] | undefined {
  if (!line.includes('\\n') || !(ESCAPED_GO_LINE.test(line) || ESCAPED_END.test(line))) return undefined;
  let body = line;
  // The field's closing quote and whatever closed the surrounding object.
  body = body.replace(/"\s*[,}\]]*\s*$/, '');
  const text = body.replace(/\\(["\\/nrt]|u[0-9a-fA-F]{4})/g, (_m, c: string) => {
    if (c === 'n') return '\n';
    if (c === 't') return '\t';
    if (c === 'r') return '';
    if (c.startsWith('u')) return String.fromCharCode(Number.parseInt(c.slice(1), 16));
    return c;
  });
  return text.split('\n');
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
class LineSplitter {
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
  let utf8 = false;
  // Whether the decoder may be holding the first bytes of a character split across chunks.
  let decoderPending = false;
  for await (const chunk of input) {
    if (typeof chunk === 'string') {
      splitter.push(chunk);
      continue;
    }
    if (chunk.length === 0) continue;
    if (!decoder) {
      const utf16le = chunk[0] === 0xff && chunk[1] === 0xfe;
      const utf16be = chunk[0] === 0xfe && chunk[1] === 0xff;
      utf8 = !utf16le && !utf16be;
      // A stream that starts in ASCII has no byte-order mark: a U+FEFF the decoder meets later
      // (after ASCII chunks it never saw) is text, not a mark to drop.
      decoder = new TextDecoder(utf16le ? 'utf-16le' : utf16be ? 'utf-16be' : 'utf-8', {
        ignoreBOM: utf8 && chunk[0]! < 0x80,
      });
    }
    // Most of a big log is ASCII. TextDecoder's strings are markedly slower for every later scan
    // (splitting, prefix stripping, the rules' regular expressions) than the one-byte strings
    // Buffer's latin1 decoding makes, and for ASCII bytes the two decodings give the same text.
    if (utf8 && !decoderPending && isAscii(chunk)) {
      splitter.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1'));
      continue;
    }
    splitter.push(decoder.decode(chunk, { stream: true }));
    decoderPending = chunk.length > 0 && chunk[chunk.length - 1]! >= 0x80;
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
