// The major-version rules the go command applies to every module path and version it reads from
// go.mod/go.work: a `/vN` (gopkg.in: `.vN`) path takes only vN versions, an unsuffixed path only
// v0/v1 (or vN+incompatible), and a module retracts only versions of its own major. The parser
// stops on the first two (`require example.com/lib/v2: version "v1.0.0" invalid: should be v2,
// not v1`); the loader, which the go command runs for every build, adds the retract rule; and
// the version lookup refuses `+incompatible` where the major is compatible. Each finding points
// at the version token and says what the line should read.
import type { Finding } from '../../../findings/finding.ts';
import type { Message } from '../../../i18n/lang.ts';
import { say } from '../../../i18n/lang.ts';
import {
  formatError,
  type Line,
  type ModFile,
  type ModfileError,
  type Position,
  type Token,
} from '../../../modfile/index.ts';
import { checkPathMajor, invalidVersionMessage, splitPathVersion } from '../../../module/path.ts';
import { major } from '../../../module/semver.ts';
import { isIncompatible } from '../../../module/version.ts';
import { lineEvidence, locationAt } from '../../evidence.ts';
import type { SourceFile } from '../../facts.ts';
import { defineCheck } from '../../types.ts';
import { projectModules } from './modules.ts';

const m = {
  title: {
    en: ({ path, version }) => `${path} ${version}: the version's major does not match the module path`,
    'zh-CN': ({ path, version }) => `${path} ${version}：版本的主版本号与模块路径不符`,
  } satisfies Message<{ path: string; version: string }>,
  message: {
    en: ({ error, rule }) => `Every go command stops on this line: ${error}. ${rule}`,
    'zh-CN': ({ error, rule }) => `所有 go 命令都会在这一行出错：${error}。${rule}`,
  } satisfies Message<{ error: string; rule: string }>,
  ruleSuffixed: {
    en: ({ path, want }) =>
      `A module path ending in a major version (${path}) only has ${want}.x.y versions; earlier majors live at the path without the suffix.`,
    'zh-CN': ({ path, want }) =>
      `以主版本号结尾的模块路径（${path}）只有 ${want}.x.y 版本；更早的主版本在不带后缀的路径下。`,
  } satisfies Message<{ path: string; want: string }>,
  ruleUnsuffixed: {
    en: ({ path, got }) =>
      `A module path without a major version suffix (${path}) only has v0 and v1 versions; ${got} of a module with a go.mod is at ${path}/${got}, of one without a go.mod at ${got}.x.y+incompatible.`,
    'zh-CN': ({ path, got }) =>
      `不带主版本后缀的模块路径（${path}）只有 v0 和 v1 版本；带 go.mod 的模块的 ${got} 在 ${path}/${got}，不带 go.mod 的在 ${got}.x.y+incompatible。`,
  } satisfies Message<{ path: string; got: string }>,
  retractTitle: {
    en: ({ version, path }) => `retract ${version}: not a version of ${path}`,
    'zh-CN': ({ version, path }) => `retract ${version}：不是 ${path} 的版本`,
  } satisfies Message<{ version: string; path: string }>,
  retractRule: {
    en: ({ path }) =>
      `A module retracts only its own versions, and the versions of ${path} have the major its path implies. Retract other majors in the go.mod of that major's module path.`,
    'zh-CN': ({ path }) =>
      `模块只能撤回自己的版本，而 ${path} 的版本的主版本号由其路径决定。其他主版本请在对应模块路径的 go.mod 中撤回。`,
  } satisfies Message<{ path: string }>,
  incompatibleTitle: {
    en: ({ path, version }) => `${path} ${version}: +incompatible is not allowed here`,
    'zh-CN': ({ path, version }) => `${path} ${version}：此处不允许 +incompatible`,
  } satisfies Message<{ path: string; version: string }>,
  incompatibleMessage: {
    en: ({ error }) =>
      `The go command refuses this version when it looks it up (go mod download, go build with an empty module cache, the proxy too): ${error}. +incompatible marks a v2 or later version of a repository without a go.mod, on the path without a major suffix; it never goes with v0, v1, or a /vN path.`,
    'zh-CN': ({ error }) =>
      `go 命令在查询该版本时会拒绝它（go mod download、模块缓存为空时的 go build，代理也一样）：${error}。+incompatible 只用于没有 go.mod 的仓库的 v2 及以上版本，且路径不带主版本后缀；从不与 v0、v1 或 /vN 路径搭配。`,
  } satisfies Message<{ error: string }>,
  fixLine: {
    en: ({ line }) => `Change the line to read: ${line}`,
    'zh-CN': ({ line }) => `把这一行改为：${line}`,
  } satisfies Message<{ line: string }>,
  fixOr: {
    en: ({ line }) => `or, if you meant the other major: ${line}`,
    'zh-CN': ({ line }) => `或者，如果你要的是另一个主版本：${line}`,
  } satisfies Message<{ line: string }>,
  fixRetract: {
    en: 'Remove the version from the retract directive (or fix the module line if the path is wrong)',
    'zh-CN': '从 retract 指令中删除这个版本（如果是模块路径写错了，就改正 module 行）',
  },
};

/** `require PATH: version "V" invalid: should be ...`, as the parser and the loader word it. */
const MAJOR_ERROR =
  /^(require|exclude|replace|retract) (\S+): version "([^"]*)" invalid: (should be \S+(?: or \S+)?, not \S*)$/;

export function isMajorVersionParseError(message: string): boolean {
  return MAJOR_ERROR.test(message);
}

function linesOf(file: ModFile): Line[] {
  const out: Line[] = [];
  for (const s of file.syntax.statements) {
    if (s.type === 'line') out.push(s);
    else if (s.type === 'block') out.push(...s.lines);
  }
  return out;
}

function bare(token: Token): string {
  return token.raw.startsWith('"') ? token.text : token.raw.replace(/^\[|[\],]$/g, '');
}

/** The version token that belongs to `path` on this line (replace has two), else the first equal to `version`. */
function versionToken(line: Line, path: string, version: string): Token | undefined {
  const tokens = line.tokens;
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (bare(tokens[i]!) === path && bare(tokens[i + 1]!) === version) return tokens[i + 1];
  }
  return tokens.find((t) => bare(t) === version);
}

/** What the major suffix of `path` says, and the path with another major. */
function withMajor(path: string, wantMajor: string): string | undefined {
  const split = splitPathVersion(path);
  if (!split.ok) return undefined;
  const gopkg = path.startsWith('gopkg.in/');
  if (wantMajor === 'v0' || wantMajor === 'v1') {
    if (gopkg) return `${split.prefix}.v${wantMajor === 'v0' ? '0' : '1'}`;
    return split.prefix;
  }
  return gopkg ? `${split.prefix}.${wantMajor}` : `${split.prefix}/${wantMajor}`;
}

/** The statement rewritten with one token replaced, as it would be written. */
function rewrite(line: Line, token: Token, replacement: string, verb: string): string {
  const parts = line.tokens.map((t) => (t === token ? replacement : t.raw));
  const text = parts.join(' ');
  return line.inBlock ? `${verb} ${text}` : text;
}

function rewritePathAndVersion(
  line: Line,
  pathToken: Token,
  path: string,
  version: string,
  verb: string,
): string {
  const parts = line.tokens.map((t, i) =>
    t === pathToken ? path : line.tokens[i - 1] === pathToken ? version : t.raw,
  );
  const text = parts.join(' ');
  return line.inBlock ? `${verb} ${text}` : text;
}

function at(file: SourceFile, pos: Position) {
  return locationAt(file, pos);
}

interface Target {
  file: SourceFile;
  parsed: { file: ModFile; errors: readonly ModfileError[] };
  kind: 'go.mod' | 'go.work';
}

function fromParseError(target: Target, error: ModfileError, lang: 'en' | 'zh-CN'): Finding | undefined {
  const match = MAJOR_ERROR.exec(error.message);
  if (!match) return undefined;
  const [, verb, path, version, reason] = match as unknown as [string, string, string, string, string];
  const { file } = target;
  const line = linesOf(target.parsed.file).find((l) => l.start.line === error.line);
  const token = line ? versionToken(line, path, version) : undefined;
  const pos: Position = token?.pos ?? error.pos;
  const base = {
    cause: 'major-version-suffix' as const,
    severity: 'error' as const,
    module: path,
    version,
    location: at(
      file,
      pos.line > 0 ? pos : { line: error.line, column: 1, byteOffset: file.lineStarts[error.line - 1] ?? 0 },
    ),
    evidence: [
      { source: 'go command', text: formatError({ ...error, file: file.rel }) },
      ...lineEvidence(file, error.line),
    ],
    docs: ['https://go.dev/ref/mod#major-version-suffixes'],
  };
  if (verb === 'retract') {
    return {
      ...base,
      title: say(m.retractTitle, lang, { version, path }),
      message: say(m.message, lang, { error: error.message, rule: say(m.retractRule, lang, { path }) }),
      fixes: [{ description: say(m.fixRetract, lang) }],
    };
  }
  const split = splitPathVersion(path);
  const got = major(version.replace(/\+incompatible$/, ''));
  const want = reason.slice('should be '.length, reason.indexOf(','));
  const rule = split.pathMajor
    ? say(m.ruleSuffixed, lang, { path, want })
    : say(m.ruleUnsuffixed, lang, { path, got });
  const fixes = [];
  if (line && token) {
    const pathToken = line.tokens[line.tokens.indexOf(token) - 1];
    // The version is right and the path wrong: the same version at the path of its major.
    const otherPath = got ? withMajor(path, got) : undefined;
    if (otherPath && pathToken && bare(pathToken) === path) {
      fixes.push({
        description: say(m.fixLine, lang, {
          line: rewritePathAndVersion(line, pathToken, otherPath, version, verb),
        }),
      });
    }
    if (!split.pathMajor && got !== '' && got !== 'v0' && got !== 'v1') {
      fixes.push({
        description: say(m.fixOr, lang, { line: rewrite(line, token, `${version}+incompatible`, verb) }),
      });
    }
  }
  return {
    ...base,
    title: say(m.title, lang, { path, version }),
    message: say(m.message, lang, { error: error.message, rule }),
    fixes,
  };
}

/** The version lookup's +incompatible rule (modfetch's coderepo): only vN (N ≥ 2) on an unsuffixed path. */
function incompatibleReason(path: string, version: string): string | undefined {
  if (!isIncompatible(version)) return undefined;
  const split = splitPathVersion(path);
  if (!split.ok) return undefined;
  const base = version.slice(0, -'+incompatible'.length);
  if (checkPathMajor(base, split.pathMajor) !== undefined) return undefined; // the parser's rule, reported above
  return `+incompatible suffix not allowed: major version ${major(base)} is compatible`;
}

function incompatibleFinding(
  file: SourceFile,
  line: Line,
  path: string,
  version: string,
  verb: string,
  lang: 'en' | 'zh-CN',
): Finding | undefined {
  const reason = incompatibleReason(path, version);
  if (!reason) return undefined;
  const token = versionToken(line, path, version);
  if (!token) return undefined;
  const error = `${path}@${version}: invalid version: ${reason}`;
  const fixed = version.slice(0, -'+incompatible'.length);
  return {
    cause: 'major-version-suffix',
    severity: 'error',
    module: path,
    version,
    title: say(m.incompatibleTitle, lang, { path, version }),
    message: say(m.incompatibleMessage, lang, { error }),
    location: at(file, token.pos),
    evidence: [{ source: 'go command', text: `go: ${error}` }, ...lineEvidence(file, token.pos.line)],
    fixes: [{ description: say(m.fixLine, lang, { line: rewrite(line, token, fixed, verb) }) }],
    docs: ['https://go.dev/ref/mod#incompatible-versions'],
  };
}

/** The loader's retract rule: only versions whose major fits the module's own path. */
function retractFindings(target: Target, lang: 'en' | 'zh-CN'): Finding[] {
  const file = target.parsed.file;
  const path = file.module?.path;
  if (!path) return [];
  const split = splitPathVersion(path);
  if (!split.ok) return [];
  const out: Finding[] = [];
  for (const r of file.retract) {
    for (const v of new Set([r.low, r.high])) {
      const reason = checkPathMajor(v, split.pathMajor);
      if (reason === undefined) continue;
      const token = versionToken(r.syntax, '', v);
      const message = `retract ${path}: ${invalidVersionMessage(v, reason)}`;
      // The go command points at the start of the retract statement (its column only inside a block).
      const error = {
        file: target.file.rel,
        line: r.pos.line,
        column: r.pos.column,
        pos: token?.pos ?? r.pos,
        message,
      };
      const f = fromParseError(target, error, lang);
      if (f) out.push(f);
    }
  }
  return out;
}

export default defineCheck({
  id: 'project/major-versions',
  area: 'project',
  needs: ['project'],
  causes: ['major-version-suffix'],
  async run({ facts, lang }) {
    const project = await facts.project();
    const targets: Target[] = projectModules(project).map((mod) => ({
      file: mod.gomod,
      parsed: mod.parsed,
      kind: 'go.mod' as const,
    }));
    if (project.workspace) {
      targets.push({ file: project.workspace.file, parsed: project.workspace.parsed, kind: 'go.work' });
    }
    const findings: Finding[] = [];
    for (const target of targets) {
      for (const error of target.parsed.errors) {
        const f = fromParseError(target, error, lang);
        if (f) findings.push(f);
      }
      const file = target.parsed.file;
      for (const r of file.require) {
        const f = incompatibleFinding(target.file, r.syntax, r.path, r.version, 'require', lang);
        if (f) findings.push(f);
      }
      for (const r of file.replace) {
        if (!r.new.version) continue;
        // The loader checks the replacement's version too (the parser, like go mod edit, does not).
        const split = splitPathVersion(r.new.path);
        const reason = split.ok ? checkPathMajor(r.new.version, split.pathMajor) : undefined;
        if (reason !== undefined) {
          const message = `replace ${r.new.path}: ${invalidVersionMessage(r.new.version, reason)}`;
          const error = {
            file: target.file.rel,
            line: r.pos.line,
            column: r.pos.column,
            pos: r.pos,
            message,
          };
          const f = fromParseError(target, error, lang);
          if (f) findings.push(f);
          continue;
        }
        const f = incompatibleFinding(target.file, r.syntax, r.new.path, r.new.version, 'replace', lang);
        if (f) findings.push(f);
      }
      if (target.kind === 'go.mod') findings.push(...retractFindings(target, lang));
    }
    return findings;
  },
});
