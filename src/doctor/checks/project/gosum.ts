// go.sum: lines the go command rejects or cannot use (malformed, conflicting hashes, merge
// markers), and requirements whose go.mod checksum is missing, so that the first command that
// loads the module graph stops with "missing go.sum entry" (readonly mode, Go 1.16+).
import type { Finding, Severity } from '../../../findings/finding.ts';
import type { GoEffect } from '../../../gosum/index.ts';
import type { Message } from '../../../i18n/lang.ts';
import { say } from '../../../i18n/lang.ts';
import { lineEvidence, locationAt } from '../../evidence.ts';
import type { ModuleFacts } from '../../facts.ts';
import { defineCheck } from '../../types.ts';
import { projectModules } from './modules.ts';

const m = {
  malformedTitle: {
    en: ({ file }) => `${file} has a line the go command cannot use`,
    'zh-CN': ({ file }) => `${file} 中有 go 命令无法使用的行`,
  } satisfies Message<{ file: string }>,
  effect: {
    en: ({ message, effect }) => `${message}. ${effect}`,
    'zh-CN': ({ message, effect }) => `${message}。${effect}`,
  } satisfies Message<{ message: string; effect: string }>,
  fatal: {
    en: 'The go command stops with "malformed go.sum" as soon as it reads the file.',
    'zh-CN': 'go 命令一读到该文件就会报错 "malformed go.sum"。',
  },
  mismatch: {
    en: 'Verifying this module fails with "checksum mismatch".',
    'zh-CN': '校验该模块时会报 "checksum mismatch"。',
  },
  unverifiable: {
    en: 'The hash is never used: the module counts as unverified.',
    'zh-CN': '该哈希永远不会被使用：模块被视为未校验。',
  },
  ignored: { en: 'The go command ignores the line.', 'zh-CN': 'go 命令会忽略这一行。' },
  none: {
    en: 'Harmless for the go command, but confusing in reviews.',
    'zh-CN': '对 go 命令无影响，但会让代码评审困惑。',
  },
  regenerate: { en: 'Let the go command rewrite go.sum', 'zh-CN': '让 go 命令重写 go.sum' },
  moreTitle: {
    en: ({ file, n }) => `${file}: ${n} more problem lines`,
    'zh-CN': ({ file, n }) => `${file}：另有 ${n} 行有问题`,
  } satisfies Message<{ file: string; n: number }>,
  missingTitle: {
    en: ({ path, version }) => `go.sum has no checksum for ${path} ${version}`,
    'zh-CN': ({ path, version }) => `go.sum 中缺少 ${path} ${version} 的校验和`,
  } satisfies Message<{ path: string; version: string }>,
  missing: {
    en: ({ path, version }) =>
      `The go.mod hash of ${path} ${version} is not in go.sum: commands that load the module graph stop with "missing go.sum entry for go.mod file".`,
    'zh-CN': ({ path, version }) =>
      `go.sum 中没有 ${path} ${version} 的 go.mod 哈希：加载模块图的命令会报错 "missing go.sum entry for go.mod file"。`,
  } satisfies Message<{ path: string; version: string }>,
  manyMissingTitle: {
    en: ({ n }) => `go.sum lacks the checksums of ${n} requirements`,
    'zh-CN': ({ n }) => `go.sum 缺少 ${n} 个依赖的校验和`,
  } satisfies Message<{ n: number }>,
  manyMissing: {
    en: ({ n }) =>
      `${n} required module versions have no go.mod hash in go.sum: commands that load the module graph stop with "missing go.sum entry".`,
    'zh-CN': ({ n }) =>
      `有 ${n} 个依赖版本在 go.sum 中没有 go.mod 哈希：加载模块图的命令会报错 "missing go.sum entry"。`,
  } satisfies Message<{ n: number }>,
  noSumTitle: { en: 'go.sum is missing', 'zh-CN': '缺少 go.sum' },
  noSum: {
    en: ({ n }) =>
      `go.mod has ${n} requirements but there is no go.sum next to it: builds stop with "missing go.sum entry".`,
    'zh-CN': ({ n }) => `go.mod 有 ${n} 个依赖，但旁边没有 go.sum：构建会报错 "missing go.sum entry"。`,
  } satisfies Message<{ n: number }>,
  addSums: {
    en: 'Download the missing checksums (or run go mod tidy)',
    'zh-CN': '下载缺少的校验和（或运行 go mod tidy）',
  },
};

const SEVERITY: Record<GoEffect, Severity> = {
  fatal: 'error',
  mismatch: 'error',
  unverifiable: 'warning',
  ignored: 'info',
  none: 'info',
};
const PER_FILE_LIMIT = 20;
const PER_MODULE_MISSING_LIMIT = 10;

/** Every go.mod hash key ("path version") that the go command would find for this module. */
function knownGoModKeys(
  module: ModuleFacts,
  extra: readonly ModuleFacts[],
  worksum: Set<string>,
): Set<string> {
  const keys = new Set(worksum);
  for (const source of [module, ...extra]) {
    for (const line of source.gosum?.parsed.lines ?? [])
      if (line.isGoMod) keys.add(`${line.module} ${line.version}`);
  }
  return keys;
}

export default defineCheck({
  id: 'project/gosum',
  area: 'project',
  needs: ['project'],
  causes: ['go-sum-malformed', 'missing-go-sum-entry'],
  async run({ facts, lang }) {
    const project = await facts.project();
    const findings: Finding[] = [];
    const modules = projectModules(project);
    const sums = modules.flatMap((mod) => (mod.gosum ? [mod.gosum] : []));
    if (project.workspace?.worksum) sums.push(project.workspace.worksum);
    for (const { file, parsed } of sums) {
      const problems = parsed.problems.filter((p) => p.kind !== 'too-many-problems');
      for (const problem of problems.slice(0, PER_FILE_LIMIT)) {
        findings.push({
          cause: 'go-sum-malformed',
          severity: SEVERITY[problem.goEffect],
          title: say(m.malformedTitle, lang, { file: file.rel }),
          message: say(m.effect, lang, { message: problem.message, effect: say(m[problem.goEffect], lang) }),
          ...(problem.module ? { module: problem.module } : {}),
          ...(problem.version ? { version: problem.version } : {}),
          location: { file: file.rel, line: problem.line, column: problem.column },
          evidence: lineEvidence(file, problem.line),
          fixes: [{ description: say(m.regenerate, lang), command: 'go mod tidy' }],
          docs: ['https://go.dev/ref/mod#go-sum-files'],
        });
      }
      if (problems.length > PER_FILE_LIMIT) {
        const rest = problems.slice(PER_FILE_LIMIT);
        const worst = rest.some((p) => SEVERITY[p.goEffect] === 'error')
          ? 'error'
          : rest.some((p) => SEVERITY[p.goEffect] === 'warning')
            ? 'warning'
            : 'info';
        findings.push({
          cause: 'go-sum-malformed',
          severity: worst,
          title: say(m.moreTitle, lang, { file: file.rel, n: rest.length }),
          message: rest
            .slice(0, 5)
            .map((p) => `${file.rel}:${p.line}: ${p.message}`)
            .join('\n'),
          location: { file: file.rel, line: rest[0]!.line },
          fixes: [{ description: say(m.regenerate, lang), command: 'go mod tidy' }],
        });
      }
    }
    const worksum = new Set<string>();
    for (const line of project.workspace?.worksum?.parsed.lines ?? [])
      if (line.isGoMod) worksum.add(`${line.module} ${line.version}`);
    for (const module of modules) {
      const file = module.parsed.file;
      const requires = file.require;
      if (requires.length === 0) continue;
      if (!module.gosum && !project.workspace) {
        findings.push({
          cause: 'missing-go-sum-entry',
          severity: 'warning',
          title: say(m.noSumTitle, lang),
          message: say(m.noSum, lang, { n: requires.length }),
          location: { file: module.gomod.rel },
          fixes: [{ description: say(m.addSums, lang), command: 'go mod download' }],
          docs: ['https://go.dev/ref/mod#go-sum-files'],
        });
        continue;
      }
      const others = project.workspace ? modules.filter((o) => o !== module) : [];
      const keys = knownGoModKeys(module, others, worksum);
      const localPaths = new Set(
        modules.map((o) => o.parsed.file.module?.path).filter((p): p is string => p !== undefined),
      );
      const replaced = new Map<string, { path: string; version: string }>();
      const allReplaces = [...file.replace, ...(project.workspace?.parsed.file.replace ?? [])];
      for (const r of allReplaces)
        replaced.set(r.old.version ? `${r.old.path}@${r.old.version}` : r.old.path, r.new);
      const missing = requires.filter((r) => {
        // Workspace modules and directory replacements need no checksum.
        if (project.workspace && localPaths.has(r.path)) return false;
        const to = replaced.get(`${r.path}@${r.version}`) ?? replaced.get(r.path);
        if (to && to.version === '') return false;
        const key = to ? `${to.path} ${to.version}` : `${r.path} ${r.version}`;
        return !keys.has(key);
      });
      if (missing.length === 0) continue;
      if (missing.length > PER_MODULE_MISSING_LIMIT) {
        findings.push({
          cause: 'missing-go-sum-entry',
          severity: 'warning',
          title: say(m.manyMissingTitle, lang, { n: missing.length }),
          message: say(m.manyMissing, lang, { n: missing.length }),
          location: locationAt(module.gomod, missing[0]!.pathPos),
          evidence: missing
            .slice(0, 20)
            .map((r) => ({ source: module.gomod.rel, line: r.pos.line, text: `${r.path} ${r.version}` })),
          fixes: [{ description: say(m.addSums, lang), command: 'go mod download' }],
          docs: ['https://go.dev/ref/mod#go-sum-files'],
        });
        continue;
      }
      for (const r of missing) {
        findings.push({
          cause: 'missing-go-sum-entry',
          severity: 'warning',
          title: say(m.missingTitle, lang, { path: r.path, version: r.version }),
          message: say(m.missing, lang, { path: r.path, version: r.version }),
          module: r.path,
          version: r.version,
          location: locationAt(module.gomod, r.pathPos),
          evidence: lineEvidence(module.gomod, r.pos.line),
          fixes: [{ description: say(m.addSums, lang), command: `go mod download ${r.path}` }],
          docs: ['https://go.dev/ref/mod#go-sum-files'],
        });
      }
    }
    return findings;
  },
});
