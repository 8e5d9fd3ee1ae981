// `go mod edit -json` / `go work edit -json` output: Go's json.MarshalIndent(v, "", "\t") of the
// command's structs, field order and omitempty rules included, plus the trailing newline.

import { editedDirectives } from './print.ts';
import { releaseRules } from './release.ts';
import { isByteMarker } from './text.ts';
import type { ModFile, ModuleVersion } from './types.ts';

/** A JSON value in Go struct field order; `undefined` members are omitted (omitempty). */
type GoJson = string | boolean | null | GoJson[] | { [key: string]: GoJson | undefined };

function hex4(n: number): string {
  return n.toString(16).padStart(4, '0');
}

/** Characters encodeGoJsonString escapes (markers only when not part of a pair; the loop decides). */
const needsEscape = /[\x00-\x1f"\\<>&\u2028\u2029\udc80-\udcff]/;

/**
 * encoding/json's string encoding (HTML-safe escaping, invalid UTF-8 as \ufffd; with
 * `invalidUtf8Raw`, json/v2's v1 mode, as the character U+FFFD).
 */
function encodeGoJsonString(s: string, shortControlEscapes: boolean, invalidUtf8Raw = false): string {
  // Nearly every string needs no escape at all; one native regex test says so.
  if (!needsEscape.test(s)) return `"${s}"`;
  const out: string[] = ['"'];
  let runStart = 0;
  const flush = (i: number): void => {
    if (runStart < i) out.push(s.slice(runStart, i));
  };
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let esc: string | undefined;
    if (c < 0x20) {
      if (c === 0x0a) esc = '\\n';
      else if (c === 0x0d) esc = '\\r';
      else if (c === 0x09) esc = '\\t';
      else if (shortControlEscapes && c === 0x08) esc = '\\b';
      else if (shortControlEscapes && c === 0x0c) esc = '\\f';
      else esc = `\\u${hex4(c)}`;
    } else if (c === 0x22) esc = '\\"';
    else if (c === 0x5c) esc = '\\\\';
    else if (c === 0x3c || c === 0x3e || c === 0x26) esc = `\\u${hex4(c)}`;
    else if (c === 0x2028 || c === 0x2029) esc = `\\u${hex4(c)}`;
    else if (isByteMarker(c) && !(i > 0 && s.charCodeAt(i - 1) >= 0xd800 && s.charCodeAt(i - 1) <= 0xdbff)) {
      esc = invalidUtf8Raw ? '\ufffd' : '\\ufffd';
    }
    if (esc !== undefined) {
      flush(i);
      out.push(esc);
      runStart = i + 1;
    }
  }
  flush(s.length);
  out.push('"');
  return out.join('');
}

function marshalIndent(value: GoJson, shortEscapes: boolean, invalidUtf8Raw: boolean): string {
  const out: string[] = [];
  // An explicit stack instead of recursion; closing brackets travel as plain text frames.
  type Frame = { value: GoJson; depth: number; prefix: string; suffix: string } | { text: string };
  const stack: Frame[] = [{ value, depth: 0, prefix: '', suffix: '' }];
  while (stack.length > 0) {
    const f = stack.pop()!;
    if ('text' in f) {
      out.push(f.text);
      continue;
    }
    const indent = '\t'.repeat(f.depth);
    const v = f.value;
    if (v === null) out.push(`${f.prefix}null${f.suffix}`);
    else if (typeof v === 'string')
      out.push(`${f.prefix}${encodeGoJsonString(v, shortEscapes, invalidUtf8Raw)}${f.suffix}`);
    else if (typeof v === 'boolean') out.push(`${f.prefix}${v}${f.suffix}`);
    else {
      const isArray = Array.isArray(v);
      const entries: [string | undefined, GoJson][] = isArray
        ? v.map((item): [undefined, GoJson] => [undefined, item])
        : Object.entries(v).filter((e): e is [string, GoJson] => e[1] !== undefined);
      const [open, close] = isArray ? ['[', ']'] : ['{', '}'];
      if (entries.length === 0) {
        out.push(`${f.prefix}${open}${close}${f.suffix}`);
        continue;
      }
      out.push(`${f.prefix}${open}\n`);
      stack.push({ text: `${indent}${close}${f.suffix}` });
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, item] = entries[i]!;
        stack.push({
          value: item,
          depth: f.depth + 1,
          prefix:
            key === undefined
              ? `${indent}\t`
              : `${indent}\t${encodeGoJsonString(key, shortEscapes, invalidUtf8Raw)}: `,
          suffix: i + 1 < entries.length ? ',\n' : '\n',
        });
      }
    }
  }
  return out.join('');
}

function omitEmpty(s: string): string | undefined {
  return s === '' ? undefined : s;
}

/** A Go slice: `null` when empty, or left out when the field says omitempty (`omit`). */
function listOrNull<T>(list: T[], map: (x: T) => GoJson, omit = false): GoJson | undefined {
  if (list.length === 0) return omit ? undefined : null;
  return list.map(map);
}

function moduleVersion(path: string, version: string): GoJson {
  return { Path: path, Version: omitEmpty(version) };
}

/** Exactly what `go mod edit -json` (go.mod) or `go work edit -json` (go.work) prints for the file under `release`. */
export function toJson(file: ModFile, release?: string): string {
  const rules = releaseRules(release ?? file.release);
  const view = editedDirectives(file, rules);
  let value: GoJson;
  const omit = rules.jsonOmitEmptyLists;
  const godebug = (d: { key: string; value: string }): GoJson => ({ Key: d.key, Value: d.value });
  const replacement = (r: { old: ModuleVersion; new: ModuleVersion }): GoJson => ({
    Old: moduleVersion(r.old.path, r.old.version),
    New: moduleVersion(r.new.path, r.new.version),
  });
  if (file.kind === 'go.work') {
    const obj: { [key: string]: GoJson | undefined } = { Go: omitEmpty(file.go?.version ?? '') };
    if (omit) {
      obj.Toolchain = omitEmpty(file.toolchain?.name ?? '');
      obj.Godebug = listOrNull(file.godebug, godebug, true);
    }
    obj.Use = listOrNull(file.use, (u) => ({ DiskPath: u.path, ModPath: omitEmpty(u.modulePath) }), omit);
    obj.Replace = listOrNull(view.replace, replacement, omit);
    value = obj;
  } else {
    const obj: { [key: string]: GoJson | undefined } = {
      Module: { Path: file.module?.path ?? '', Deprecated: omitEmpty(file.module?.deprecated ?? '') },
      Go: omitEmpty(file.go?.version ?? ''),
    };
    if (rules.toolchain) obj.Toolchain = omitEmpty(file.toolchain?.name ?? '');
    if (rules.jsonGodebug) obj.GoDebug = listOrNull(file.godebug, godebug, true);
    obj.Require = listOrNull(
      file.require,
      (r) => ({
        Path: r.path,
        Version: omitEmpty(r.version),
        Indirect: r.indirect ? true : undefined,
      }),
      omit,
    );
    obj.Exclude = listOrNull(view.exclude, (x) => moduleVersion(x.path, x.version), omit);
    obj.Replace = listOrNull(view.replace, replacement, omit);
    obj.Retract = listOrNull(
      file.retract,
      (r) => ({
        Low: omitEmpty(r.low),
        High: omitEmpty(r.high),
        Rationale: omitEmpty(r.rationale),
      }),
      omit,
    );
    if (rules.tool) obj.Tool = listOrNull(view.tool, (t) => ({ Path: t.path }), omit);
    if (rules.ignore) obj.Ignore = listOrNull(view.ignore, (t) => ({ Path: t.path }), omit);
    value = obj;
  }
  return `${marshalIndent(value, rules.jsonShortControlEscapes, rules.jsonInvalidUtf8Raw)}\n`;
}
