// Text from a checkout or a transcript may hold terminal escape sequences: a go.mod line that
// clears the screen, an OSC 52 sequence that writes the clipboard, a carriage return that paints
// over the line before it, a bidirectional override that makes code read differently. The text
// and Markdown reporters pass such text through here before they add their own colours, so
// control characters are shown escaped (ESC → `\x1b`) and never act on the terminal. JSON and
// SARIF escape control characters by themselves.
import type { Finding } from '../findings/finding.ts';

// C0 controls except tab and newline, DEL, C1 controls, and the Unicode bidi controls.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\r': '\\r', '\b': '\\b', '\f': '\\f', '\v': '\\v' };

function escapeOne(ch: string): string {
  const named = NAMED[ch];
  if (named) return named;
  const code = ch.charCodeAt(0);
  return code < 0x100
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** The text with every control character and bidi control shown as an escape (tab and newline kept). */
export function escapeControls(text: string): string {
  // The common case allocates nothing.
  CONTROL.lastIndex = 0;
  if (!CONTROL.test(text)) return text;
  CONTROL.lastIndex = 0;
  return text.replace(CONTROL, escapeOne);
}

const opt = (text: string | undefined): string | undefined =>
  text === undefined ? undefined : escapeControls(text);

/** The finding with every text field escaped for a terminal (idempotent: escapes are plain text). */
export function sanitizeFinding<F extends Finding>(finding: F): F {
  const out: F = {
    ...finding,
    title: escapeControls(finding.title),
    message: escapeControls(finding.message),
  };
  if (finding.module !== undefined) out.module = opt(finding.module)!;
  if (finding.version !== undefined) out.version = opt(finding.version)!;
  if (finding.location) out.location = { ...finding.location, file: escapeControls(finding.location.file) };
  if (finding.evidence)
    out.evidence = finding.evidence.map((e) => ({
      ...e,
      source: escapeControls(e.source),
      text: escapeControls(e.text),
    }));
  if (finding.fixes)
    out.fixes = finding.fixes.map((f) => ({
      ...f,
      description: escapeControls(f.description),
      ...(f.command !== undefined ? { command: escapeControls(f.command) } : {}),
    }));
  if (finding.docs) out.docs = finding.docs.map(escapeControls);
  return out;
}
