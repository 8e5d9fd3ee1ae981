// Versions written in a form the go command accepts but rewrites (v1.2 for v1.2.0, a branch-like
// shorthand): the next command that may not write go.mod (-mod=readonly, the default since Go
// 1.16) stops with "updates to go.mod needed", and a hand edit like this is the usual cause.
// Also the main module's own path: a path that no one can fetch is fine only for a program.
import type { Finding } from '../../../findings/finding.ts';
import type { Message } from '../../../i18n/lang.ts';
import { say } from '../../../i18n/lang.ts';
import type { Position, Token } from '../../../modfile/index.ts';
import { checkPath } from '../../../module/path.ts';
import { lineEvidence, locationAt } from '../../evidence.ts';
import type { SourceFile } from '../../facts.ts';
import { defineCheck } from '../../types.ts';
import { projectModules } from './modules.ts';

const m = {
  title: {
    en: ({ path, raw }) => `${path} ${raw} is not a canonical version`,
    'zh-CN': ({ path, raw }) => `${path} ${raw} 不是规范版本号`,
  } satisfies Message<{ path: string; raw: string }>,
  message: {
    en: ({ raw, canonical }) =>
      `${raw} means ${canonical}. The go command rewrites it, and a command that may not change go.mod (the default -mod=readonly) stops with "updates to go.mod needed".`,
    'zh-CN': ({ raw, canonical }) =>
      `${raw} 即 ${canonical}。go 命令会改写它；而不允许修改 go.mod 的命令（默认的 -mod=readonly）会报错 "updates to go.mod needed"。`,
  } satisfies Message<{ raw: string; canonical: string }>,
  fix: { en: 'Let the go command write the canonical form', 'zh-CN': '让 go 命令写成规范形式' },
  pathTitle: {
    en: ({ path }) => `Module path ${path} is not a valid import path`,
    'zh-CN': ({ path }) => `模块路径 ${path} 不是合法的导入路径`,
  } satisfies Message<{ path: string }>,
  pathMessage: {
    en: ({ path, reason }) =>
      `${path}: ${reason}. Other modules cannot require it, and go install PATH@version cannot fetch it.`,
    'zh-CN': ({ path, reason }) =>
      `${path}：${reason}。其他模块无法依赖它，go install PATH@version 也无法获取它。`,
  } satisfies Message<{ path: string; reason: string }>,
  pathFix: {
    en: 'Use a path that starts with a domain you control',
    'zh-CN': '使用以你拥有的域名开头的路径',
  },
};

function tokenAt(tokens: readonly Token[], pos: Position): Token | undefined {
  return tokens.find((t) => t.pos.byteOffset === pos.byteOffset);
}

function nonCanonical(
  file: SourceFile,
  path: string,
  token: Token | undefined,
  lang: 'en' | 'zh-CN',
): Finding | undefined {
  if (!token) return undefined;
  const raw = token.raw.startsWith('"') ? token.raw.slice(1, -1) : token.raw;
  if (raw === token.text) return undefined;
  return {
    cause: 'invalid-version-syntax',
    severity: 'warning',
    title: say(m.title, lang, { path, raw }),
    message: say(m.message, lang, { raw, canonical: token.text }),
    module: path,
    version: token.text,
    location: locationAt(file, token.pos),
    evidence: lineEvidence(file, token.pos.line),
    fixes: [{ description: say(m.fix, lang), command: 'go mod edit -fmt' }],
    docs: ['https://go.dev/ref/mod#versions'],
  };
}

export default defineCheck({
  id: 'project/versions',
  area: 'project',
  needs: ['project'],
  causes: ['invalid-version-syntax', 'malformed-module-path'],
  async run({ facts, lang }) {
    const project = await facts.project();
    const findings: Finding[] = [];
    for (const module of projectModules(project)) {
      const file = module.parsed.file;
      for (const r of file.require) {
        const f = nonCanonical(module.gomod, r.path, tokenAt(r.syntax.tokens, r.versionPos), lang);
        if (f) findings.push(f);
      }
      for (const e of file.exclude) {
        const f = nonCanonical(module.gomod, e.path, tokenAt(e.syntax.tokens, e.versionPos), lang);
        if (f) findings.push(f);
      }
      for (const r of file.replace) {
        // Versions follow the paths they belong to.
        const tokens = r.syntax.tokens;
        const oldIndex = tokens.findIndex((t) => t.pos.byteOffset === r.oldPos.byteOffset);
        const newIndex = tokens.findIndex((t) => t.pos.byteOffset === r.newPos.byteOffset);
        if (r.old.version) {
          const f = nonCanonical(module.gomod, r.old.path, tokens[oldIndex + 1], lang);
          if (f) findings.push(f);
        }
        if (r.new.version) {
          const f = nonCanonical(module.gomod, r.new.path, tokens[newIndex + 1], lang);
          if (f) findings.push(f);
        }
      }
      const mod = file.module;
      if (mod && mod.path !== '') {
        const problem = checkPath(mod.path);
        // A path without a domain (`module myapp`) is the norm for programs: only flag real errors.
        if (problem && problem.reason !== 'missing dot in first path element') {
          findings.push({
            cause: 'malformed-module-path',
            severity: 'warning',
            title: say(m.pathTitle, lang, { path: mod.path }),
            message: say(m.pathMessage, lang, { path: mod.path, reason: problem.reason }),
            module: mod.path,
            location: locationAt(module.gomod, mod.pos),
            evidence: lineEvidence(module.gomod, mod.pos.line),
            fixes: [
              { description: say(m.pathFix, lang), command: 'go mod edit -module=example.com/owner/repo' },
            ],
            docs: ['https://go.dev/ref/mod#module-path'],
          });
        }
      }
    }
    return findings;
  },
});
