// GODEBUG settings the local go no longer has, set in go.mod/go.work `godebug` lines or in the
// `//go:debug` lines of the main module's package main files. From Go 1.27 a removed setting set
// to its old value stops every go command that loads the module (`go.mod:6: removed GODEBUG
// "asynctimerchan" set to old value "1" (...)`), and a //go:debug line stops the build of its
// package; earlier releases refuse removed settings as unknown. Against an older local go, the
// line is a warning: the first release that will refuse it is named. The GODEBUG environment
// variable too: from Go 1.27 the runtime of every Go program, the go command first, stops at
// start-up on a removed setting set to an old value there (`fatal error: removed GODEBUG "tls3des"
// set to old value "1" in environment (...)`), so not one go command runs. Only the environment
// counts: `go env -w GODEBUG=...` is refused and a GODEBUG line in the go env file is ignored.
import { closeSync, type Dirent, openSync, readdirSync, readSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Finding } from '../../../findings/finding.ts';
import { shellQuote } from '../../../findings/shell-quote.ts';
import {
  type GodebugRefusal,
  type GodebugSource,
  godebugEnvRefusal,
  godebugRefusal,
  nextGodebugEnvRefusal,
  nextGodebugRefusal,
} from '../../../go/godebug.ts';
import { languageVersion } from '../../../go/locate.ts';
import type { Lang, Message } from '../../../i18n/lang.ts';
import { say } from '../../../i18n/lang.ts';
import type { ParseResult, Position } from '../../../modfile/index.ts';
import { lineEvidence, locationAt } from '../../evidence.ts';
import { readSource, type SourceFile } from '../../facts.ts';
import { defineCheck } from '../../types.ts';

const m = {
  title: {
    en: ({ file, setting }) => `${file} sets the removed GODEBUG setting ${setting}`,
    'zh-CN': ({ file, setting }) => `${file} 设置了已移除的 GODEBUG 设置 ${setting}`,
  } satisfies Message<{ file: string; setting: string }>,
  refusedLine: {
    en: ({ local, error }) => `Go ${local} stops every go command that loads this module with "${error}".`,
    'zh-CN': ({ local, error }) => `Go ${local} 加载此模块的每个 go 命令都会报错 "${error}"。`,
  } satisfies Message<{ local: string; error: string }>,
  refusedDirective: {
    en: ({ local, error }) =>
      `Go ${local} refuses to build, vet or test this package (go list still works): "${error}".`,
    'zh-CN': ({ local, error }) => `Go ${local} 拒绝构建、vet 或测试这个包（go list 仍然可用）："${error}"。`,
  } satisfies Message<{ local: string; error: string }>,
  ignoredInWorkspace: {
    en: ` Inside the workspace go.work's godebug lines apply and this one is ignored, but the module fails on its own (GOWORK=off, a CI job without go.work, go install PATH@version).`,
    'zh-CN': ` 在工作区中生效的是 go.work 的 godebug 行，这一行会被忽略；但模块单独使用时（GOWORK=off、没有 go.work 的 CI、go install PATH@version）会失败。`,
  },
  future: {
    en: ({ local, release, error }) =>
      `Go ${local} accepts it, but Go 1.${release} will refuse this: "${error}".`,
    'zh-CN': ({ local, release, error }) => `Go ${local} 可以接受，但 Go 1.${release} 将拒绝："${error}"。`,
  } satisfies Message<{ local: string; release: string; error: string }>,
  why: {
    en: ({ removed }) =>
      ` The setting was removed in Go 1.${removed}: the old behaviour it asked for no longer exists, so the line can only break the build.`,
    'zh-CN': ({ removed }) =>
      ` 该设置已在 Go 1.${removed} 中移除：它要求的旧行为已不存在，这一行只会导致构建失败。`,
  } satisfies Message<{ removed: string }>,
  envTitle: {
    en: ({ setting }) => `The GODEBUG environment variable sets the removed setting ${setting}`,
    'zh-CN': ({ setting }) => `环境变量 GODEBUG 设置了已移除的设置 ${setting}`,
  } satisfies Message<{ setting: string }>,
  envRefused: {
    en: ({ local, error }) =>
      `Go ${local} stops at start-up, before doing anything: not one go command runs (nor any program built with Go ${local}), each ends with "${error}".`,
    'zh-CN': ({ local, error }) =>
      `Go ${local} 在启动时就会停止：任何 go 命令（以及用 Go ${local} 构建的任何程序）都无法运行，都以 "${error}" 结束。`,
  } satisfies Message<{ local: string; error: string }>,
  envFuture: {
    en: ({ local, release, error }) =>
      `Go ${local} ignores it, but from Go 1.${release} every go command (and every program built with it) stops at start-up with "${error}".`,
    'zh-CN': ({ local, release, error }) =>
      `Go ${local} 会忽略它，但从 Go 1.${release} 起，每个 go 命令（以及用它构建的每个程序）启动时都会以 "${error}" 结束。`,
  } satisfies Message<{ local: string; release: string; error: string }>,
  envWhy: {
    en: ({ removed }) =>
      ` The setting was removed in Go 1.${removed}: the old behaviour it asked for no longer exists.`,
    'zh-CN': ({ removed }) => ` 该设置已在 Go 1.${removed} 中移除：它要求的旧行为已不存在。`,
  } satisfies Message<{ removed: string }>,
  envDrop: {
    en: ({ key }) =>
      `Take ${key} out of GODEBUG where it is exported (shell profile, CI settings, IDE; go env -w cannot set GODEBUG)`,
    'zh-CN': ({ key }) =>
      `在导出 GODEBUG 的地方去掉 ${key}（shell 配置文件、CI 设置、IDE；go env -w 不能设置 GODEBUG）`,
  } satisfies Message<{ key: string }>,
  dropLine: {
    en: 'Remove the line (first make the code work with the new behaviour)',
    'zh-CN': '删除这一行（先让代码适应新行为）',
  },
  dropDirective: {
    en: ({ file, line }) =>
      `Delete the //go:debug line ${file}:${line} (first make the code work with the new behaviour)`,
    'zh-CN': ({ file, line }) => `删除 ${file}:${line} 的 //go:debug 行（先让代码适应新行为）`,
  } satisfies Message<{ file: string; line: string }>,
};

/** The walk for //go:debug lines ends after this long or this many files (a huge tree). */
const WALK_DEADLINE_MS = 400;
const WALK_MAX_FILES = 100_000;
/** //go:debug lines come before the package clause; a longer header is not read. */
const HEADER_BYTES = 64 * 1024;
const FIRST_READ = 8 * 1024;

export interface GoDebugDirective {
  /** Absolute path of the .go file. */
  path: string;
  line: number;
  /** 1-based byte column of `//`. */
  column: number;
  key: string;
  value: string;
}

function readHead(path: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    let buffer = Buffer.allocUnsafe(FIRST_READ);
    let length = readSync(fd, buffer, 0, buffer.length, 0);
    // Nothing to find: the common case costs one small read.
    if (!buffer.subarray(0, length).includes('//go:debug')) {
      if (length < buffer.length || buffer.subarray(0, length).includes('\npackage ')) return undefined;
    }
    if (length === buffer.length) {
      const bigger = Buffer.allocUnsafe(HEADER_BYTES);
      buffer.copy(bigger, 0, 0, length);
      buffer = bigger;
      for (;;) {
        const n = readSync(fd, buffer, length, buffer.length - length, length);
        if (n === 0) break;
        length += n;
        if (length === buffer.length) break;
      }
    }
    return buffer.subarray(0, length).toString('utf8');
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/**
 * The //go:debug lines of a Go file's header (comments before the package clause, as go/build
 * collects directives), when the file is in package main.
 */
export function mainPackageGoDebugLines(text: string): Omit<GoDebugDirective, 'path'>[] {
  const found: Omit<GoDebugDirective, 'path'>[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let lineStart = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\n') {
      line++;
      i++;
      lineStart = i;
    } else if (c === ' ' || c === '\t' || c === '\r') {
      i++;
    } else if (text.startsWith('//', i)) {
      let end = text.indexOf('\n', i);
      if (end < 0) end = text.length;
      const comment = text.slice(i, end).replace(/\r$/, '');
      if (comment.startsWith('//go:debug')) {
        // load.ParseGoDebug: the text after the first space or tab, trimmed, split at '='.
        const space = comment.search(/[ \t]/);
        const rest = space < 0 ? '' : comment.slice(space).trim();
        const eq = rest.indexOf('=');
        if (eq > 0) {
          found.push({
            line,
            column: Buffer.byteLength(text.slice(lineStart, i)) + 1,
            key: rest.slice(0, eq),
            value: rest.slice(eq + 1),
          });
        }
      }
      i = end;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) return [];
      for (let k = i; k < end; k++) {
        if (text.charCodeAt(k) === 10) {
          line++;
          lineStart = k + 1;
        }
      }
      i = end + 2;
    } else {
      const clause = /^package[ \t]+([\p{L}_][\p{L}\p{Nd}_]*)/u.exec(text.slice(i, i + 300));
      return clause?.[1] === 'main' ? found : [];
    }
  }
  return [];
}

/**
 * Every //go:debug line of the module's package main files: the directories `go build ./...`
 * walks (no vendor, testdata, `.`/`_` directories, nested modules or go.mod `ignore` directories;
 * symbolic links are not followed). Bounded in time and files; `complete` says whether it finished.
 */
function findGoDebugDirectives(
  root: string,
  ignore: readonly string[] = [],
): { directives: GoDebugDirective[]; complete: boolean } {
  const deadline = performance.now() + WALK_DEADLINE_MS;
  const rooted = new Set<string>();
  const anywhere: string[] = [];
  for (const raw of ignore) {
    const cleaned = raw.replace(/\/+$/, '');
    if (cleaned.startsWith('./')) rooted.add(cleaned.slice(2));
    else if (cleaned !== '') anywhere.push(cleaned);
  }
  const directives: GoDebugDirective[] = [];
  const stack = [''];
  let files = 0;
  while (stack.length > 0) {
    if (performance.now() > deadline || files > WALK_MAX_FILES) return { directives, complete: false };
    const rel = stack.pop()!;
    const dir = rel === '' ? root : join(root, rel);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    if (rel !== '' && entries.some((e) => e.name === 'go.mod' && e.isFile())) continue;
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const name = entry.name;
      if (entry.isDirectory()) {
        if (name.startsWith('.') || name.startsWith('_') || name === 'testdata' || name === 'vendor')
          continue;
        const child = rel === '' ? name : `${rel}/${name}`;
        if (rooted.has(child) || anywhere.some((p) => child === p || child.endsWith(`/${p}`))) continue;
        stack.push(child);
      } else if (entry.isFile() && name.endsWith('.go') && !name.startsWith('.') && !name.startsWith('_')) {
        files++;
        const path = join(dir, name);
        const head = readHead(path);
        if (head === undefined) continue;
        for (const d of mainPackageGoDebugLines(head)) directives.push({ path, ...d });
      }
    }
  }
  return { directives, complete: true };
}

/** base.ShortPath as the go command prints a file of the package it builds (`./main.go`, `cmd/x/main.go`). */
function goShortPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  if (rel.startsWith('..')) return path;
  return rel.includes('/') ? rel : `./${rel}`;
}

interface Setting {
  key: string;
  value: string;
  file: SourceFile;
  pos: Position | { line: number; column: number; byteOffset: number };
  source: GodebugSource;
  /** A go.mod line that the active workspace overrides. */
  inactive?: boolean;
}

function godebugSettings(parsed: ParseResult | undefined, file: SourceFile | undefined, inactive: boolean) {
  if (!file || !parsed || parsed.errors.length > 0) return [];
  return parsed.file.godebug.map((g): Setting => {
    // On the key=value token: the verb comes first outside a block.
    const token = g.syntax.tokens[g.syntax.inBlock ? 0 : 1];
    return { key: g.key, value: g.value, file, pos: token?.pos ?? g.pos, source: 'godebug-line', inactive };
  });
}

export default defineCheck({
  id: 'toolchain/godebug-removed',
  area: 'toolchain',
  needs: ['go', 'goenv', 'project'],
  causes: ['godebug-removed'],
  async run({ facts, lang, options }) {
    const [go, env, project] = await Promise.all([facts.go(), facts.goenv(), facts.project()]);
    const localName = go.found?.version ?? (env?.values.GOVERSION || undefined);
    const lang1 = localName ? languageVersion(localName) : undefined;
    if (!lang1) return [];
    const local = localName!.replace(/^go/, '').split(' ')[0]!;
    const minor = Number(lang1.split('.')[1]);
    const settings: Setting[] = [];
    const workspace = project.workspace;
    if (workspace) {
      settings.push(...godebugSettings(workspace.parsed, workspace.file, false));
    }
    const main = project.main;
    settings.push(...godebugSettings(main?.parsed, main?.gomod, workspace !== undefined));
    if (main) {
      const ignore = main.parsed.errors.length === 0 ? main.parsed.file.ignore.map((i) => i.path) : [];
      for (const d of findGoDebugDirectives(main.dir, ignore).directives) {
        const file = readSource(d.path, options.cwd, { kind: 'go', roots: [main.dir] });
        if (!file) continue;
        const byteOffset = (file.lineStarts[d.line - 1] ?? 0) + d.column - 1;
        settings.push({
          key: d.key,
          value: d.value,
          file,
          pos: { line: d.line, column: d.column, byteOffset },
          source: 'go-debug-directive',
        });
      }
    }
    const findings: Finding[] = [];
    for (const s of settings) {
      const now = godebugRefusal(s.key, s.value, minor, s.source);
      const later = now ? undefined : nextGodebugRefusal(s.key, s.value, minor, s.source);
      const refusal: GodebugRefusal | undefined = now ?? later;
      if (!refusal) continue;
      const fileRel = s.file.rel;
      const lineNo = s.pos.line;
      // The go command's whole line: `go.mod:6: ...` for godebug lines, `./main.go:3:1: invalid
      // //go:debug: ...` when it builds the package.
      const goText =
        s.source === 'godebug-line'
          ? `${fileRel}:${lineNo}: ${refusal.message}`
          : `${goShortPath(options.cwd, s.file.path)}:${lineNo}:${s.pos.column}: invalid //go:debug: ${refusal.message}`;
      let message = now
        ? say(s.source === 'godebug-line' ? m.refusedLine : m.refusedDirective, lang, {
            local,
            error: goText,
          })
        : say(m.future, lang, { local, release: String(refusal.release), error: goText });
      message += say(m.why, lang, { removed: String(refusal.setting.removed) });
      if (now && s.inactive) message += say(m.ignoredInWorkspace, lang);
      const isWork = workspace !== undefined && s.file === workspace.file;
      const fixes =
        s.source === 'godebug-line'
          ? [
              {
                description: say(m.dropLine, lang),
                command: `go ${isWork ? 'work' : 'mod'} edit -dropgodebug=${s.key}`,
              },
            ]
          : [{ description: say(m.dropDirective, lang, { file: fileRel, line: String(lineNo) }) }];
      findings.push({
        cause: 'godebug-removed',
        severity: now && !s.inactive ? 'error' : 'warning',
        title: say(m.title, lang, { file: fileRel, setting: `${s.key}=${s.value}` }),
        message,
        location: locationAt(s.file, s.pos),
        evidence: [...lineEvidence(s.file, lineNo), { source: 'go version', text: localName! }],
        fixes,
        docs: [`https://go.dev/doc/godebug#go-1${refusal.setting.removed}`],
      });
    }
    const envFinding = godebugEnvFinding(options.env.GODEBUG, minor, local, localName!, lang);
    if (envFinding) findings.unshift(envFinding);
    return findings;
  },
});

/** The finding for the GODEBUG environment variable, now refused or refused by a later release. */
function godebugEnvFinding(
  godebug: string | undefined,
  minor: number,
  local: string,
  localName: string,
  lang: Lang,
): Finding | undefined {
  if (!godebug) return undefined;
  const now = godebugEnvRefusal(godebug, minor);
  const refusal = now ?? nextGodebugEnvRefusal(godebug, minor);
  if (!refusal) return undefined;
  const error = `fatal error: ${refusal.message}`;
  let message = now
    ? say(m.envRefused, lang, { local, error })
    : say(m.envFuture, lang, { local, release: String(refusal.release), error });
  message += say(m.envWhy, lang, { removed: String(refusal.setting.removed) });
  // Every field of that key goes (the runtime takes the last one of a key it keeps); the rest stay.
  const rest = godebug
    .split(',')
    .filter((field) => field !== '' && field.split('=')[0] !== refusal.key)
    .join(',');
  return {
    cause: 'godebug-removed',
    severity: now ? 'error' : 'warning',
    title: say(m.envTitle, lang, { setting: `${refusal.key}=${refusal.value}` }),
    message,
    evidence: [
      { source: 'environment', text: `GODEBUG=${godebug}` },
      { source: 'go version', text: localName },
    ],
    fixes: [
      {
        description: say(m.envDrop, lang, { key: refusal.key }),
        command: rest === '' ? 'unset GODEBUG' : `export GODEBUG=${shellQuote(rest)}`,
      },
    ],
    docs: [`https://go.dev/doc/godebug#go-1${refusal.setting.removed}`],
  };
}
