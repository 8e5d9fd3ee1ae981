// The live view of `doctor --network` in a terminal: one line per probe, a spinner while it runs,
// its settled line once it ends, redrawn in place on standard error (plain ANSI: cursor up, erase)
// a frame at a time. When the run is done the block is erased and the cursor shown again, so
// that only the summary stays on screen; an exit hook does the same if the process ends first.
import pc from 'picocolors';
import { probeLabel, probeLine } from '../network/render.ts';
import type { NetworkProgressEvent } from '../network/types.ts';

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const ESC = '\x1b[';
const HIDE_CURSOR = `${ESC}?25l`;
const SHOW_CURSOR = `${ESC}?25h`;
const ERASE_LINE = `${ESC}2K`;
const ERASE_DOWN = `${ESC}0J`;

export interface LiveViewOptions {
  /** A terminal (standard error). */
  stream: NodeJS.WritableStream & { columns?: number; rows?: number };
  color: boolean;
  /** Time between frames; default 80 ms. */
  frameMs?: number;
  /** At most this many lines (also kept below the terminal's height); default 14. */
  maxLines?: number;
  /** Clock, for tests. */
  now?: () => number;
}

interface Entry {
  label: string;
  started: number;
  /** Set once the probe ended. */
  line?: string;
  ok?: boolean;
}

/** Columns a string takes in a terminal: wide (CJK) characters count two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += isWide(ch.codePointAt(0)!) ? 2 : 1;
  return width;
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6)
  );
}

/** Cuts `text` to `width` columns (with an ellipsis), so that no line wraps and breaks the redraw. */
function fitWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const ch of text) {
    const w = isWide(ch.codePointAt(0)!) ? 2 : 1;
    if (used + w > width - 1) break;
    out += ch;
    used += w;
  }
  return `${out}…`;
}

export class LiveView {
  private readonly entries = new Map<string, Entry>();
  private readonly c: ReturnType<typeof pc.createColors>;
  private readonly now: () => number;
  private timer: NodeJS.Timeout | undefined;
  /** Lines of the block now on screen (the cursor is on the line below it). */
  private drawn = 0;
  private frame = 0;
  private running = false;
  private readonly onExit = (): void => this.stop();

  constructor(private readonly options: LiveViewOptions) {
    this.c = pc.createColors(options.color);
    this.now = options.now ?? (() => performance.now());
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.options.stream.write(HIDE_CURSOR);
    // However the process ends (a second Ctrl-C exits at once), the cursor comes back.
    process.once('exit', this.onExit);
    this.timer = setInterval(() => this.draw(), this.options.frameMs ?? 80);
    this.timer.unref();
  }

  readonly onProgress = (event: NetworkProgressEvent): void => {
    switch (event.type) {
      case 'start':
        if (!this.entries.has(event.id))
          this.entries.set(event.id, { label: probeLabel(event.phase, event.target), started: this.now() });
        break;
      case 'end': {
        const entry = this.entries.get(event.result.id);
        const line = probeLine(event.result);
        if (entry) {
          entry.line = line;
          entry.ok = event.result.ok;
        } else {
          // Settled without a start (a step skipped at once): shown settled.
          this.entries.set(event.result.id, {
            label: line,
            started: this.now(),
            line,
            ok: event.result.ok,
          });
        }
        break;
      }
      case 'done':
        this.stop();
        break;
    }
  };

  /** The lines of the next frame, uncut (draw() fits them to the terminal's width). */
  render(): string[] {
    const c = this.c;
    // A terminal that reports no size (0) gets the usual 80×24.
    const rows = this.options.stream.rows || 24;
    const max = Math.max(2, Math.min(this.options.maxLines ?? 14, rows - 2));
    const all = [...this.entries.values()];
    let shown = all;
    if (all.length > max) {
      // Keep the running probes and the latest settled ones; one line says how many are hidden.
      const room = max - 1;
      const running = all.filter((e) => e.line === undefined);
      const keepRunning = new Set(running.slice(0, room));
      const settledRoom = room - keepRunning.size;
      const settled = all.filter((e) => e.line !== undefined);
      const keepSettled = new Set(settledRoom > 0 ? settled.slice(-settledRoom) : []);
      shown = all.filter((e) => keepRunning.has(e) || keepSettled.has(e));
    }
    const spinner = SPINNER[this.frame % SPINNER.length]!;
    const lines: string[] = [];
    const hidden = all.length - shown.length;
    const done = all.filter((e) => e.line !== undefined).length;
    if (hidden > 0) lines.push(c.dim(`… ${done}/${all.length}`));
    for (const entry of shown) {
      if (entry.line === undefined) {
        const seconds = ((this.now() - entry.started) / 1000).toFixed(1);
        lines.push(`${c.cyan(spinner)} ${entry.label} ${c.dim(`${seconds} s`)}`);
      } else {
        // A failed probe's line names its failure with its own ✗.
        lines.push(entry.ok ? `${c.green('✓')} ${c.dim(entry.line)}` : `  ${c.red(entry.line)}`);
      }
    }
    return lines;
  }

  private draw(): void {
    if (!this.running) return;
    this.frame++;
    const width = Math.max(20, (this.options.stream.columns || 80) - 1);
    // A line must not wrap (the redraw counts lines): one too wide is cut as plain text.
    const lines = this.render().map((line) => fitColored(line, width));
    let out = this.drawn > 0 ? `${ESC}${this.drawn}F` : '';
    for (const line of lines) out += `${ERASE_LINE}${line}\n`;
    out += ERASE_DOWN;
    this.drawn = lines.length;
    this.options.stream.write(out);
  }

  /** Erases the block and shows the cursor again; nothing of the live view stays on screen. */
  stop(): void {
    if (!this.running) return;
    this.running = false;
    clearInterval(this.timer);
    process.removeListener('exit', this.onExit);
    const up = this.drawn > 0 ? `${ESC}${this.drawn}F${ERASE_DOWN}` : '';
    this.drawn = 0;
    this.options.stream.write(`${up}${SHOW_CURSOR}`);
  }
}

const SGR = /\x1b\[[0-9;]*m/g;

/** fitWidth for a coloured line: when too wide, the plain text is cut (colours are dropped). */
function fitColored(line: string, width: number): string {
  const plain = line.replace(SGR, '');
  return displayWidth(plain) <= width ? line : fitWidth(plain, width);
}
