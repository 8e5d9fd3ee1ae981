// replace directives: a local directory works only on this machine (and is ignored by everyone
// who depends on the module); a directory that is missing, has no go.mod or declares another
// module breaks every build; two replaces of the same module that disagree stop the go command.
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import type { Finding } from '../../../findings/finding.ts';
import type { Message } from '../../../i18n/lang.ts';
import { say } from '../../../i18n/lang.ts';
import { parseGoMod, type ReplaceDirective } from '../../../modfile/index.ts';
import { lineEvidence, locationAt } from '../../evidence.ts';
import { readSource, type SourceFile } from '../../facts.ts';
import { findGitRoot, hasUncommittedChanges, isInsideDir } from '../../repo-state.ts';
import { defineCheck } from '../../types.ts';
import { projectModules } from './modules.ts';

const m = {
  localTitle: {
    en: ({ path, dir }) => `${path} is replaced by the local directory ${dir}`,
    'zh-CN': ({ path, dir }) => `${path} 被替换为本地目录 ${dir}`,
  } satisfies Message<{ path: string; dir: string }>,
  localOutside: {
    en: ({ dir }) =>
      `${dir} lies outside this module, so the build works only on machines that have it at the same place; modules that depend on this one ignore the replace, and go install PATH@version refuses a module with replace directives.`,
    'zh-CN': ({ dir }) =>
      `${dir} 位于本模块之外，只有在相同位置有这个目录的机器上才能构建；依赖本模块的其他模块会忽略这条 replace，go install PATH@version 也会拒绝含 replace 的模块。`,
  } satisfies Message<{ dir: string }>,
  localInside: {
    en: ({ dir }) =>
      `${dir} is inside this repository, so every checkout builds; but modules that depend on this one ignore the replace and go install PATH@version refuses it.`,
    'zh-CN': ({ dir }) =>
      `${dir} 在本仓库内，每个检出都能构建；但依赖本模块的其他模块会忽略这条 replace，go install PATH@version 也会拒绝它。`,
  } satisfies Message<{ dir: string }>,
  localRelease: {
    en: ({ dir }) => `--release: a release must not depend on the local directory ${dir}.`,
    'zh-CN': ({ dir }) => `--release：发布版本不能依赖本地目录 ${dir}。`,
  } satisfies Message<{ dir: string }>,
  releaseOutside: {
    en: ({ dir }) =>
      `--release: ${dir} lies outside this repository, so the tagged source does not build from a fresh clone.`,
    'zh-CN': ({ dir }) => `--release：${dir} 位于本仓库之外，打标签的源码在全新克隆中无法构建。`,
  } satisfies Message<{ dir: string }>,
  releaseDirty: {
    en: ({ dir }) =>
      `--release: ${dir} has uncommitted changes: the build works here from files nobody committed. Commit them (or drop the replace) before tagging.`,
    'zh-CN': ({ dir }) =>
      `--release：${dir} 有未提交的修改：这里的构建用到了没人提交的文件。打标签前请提交（或删除这条 replace）。`,
  } satisfies Message<{ dir: string }>,
  releaseUnchecked: {
    en: ({ dir }) =>
      `--release: whether ${dir} has uncommitted changes could not be checked (git is missing, refused the repository, or the repository config includes other files).`,
    'zh-CN': ({ dir }) =>
      `--release：无法检查 ${dir} 是否有未提交的修改（没有 git、git 拒绝了该仓库，或仓库配置引用了其他文件）。`,
  } satisfies Message<{ dir: string }>,
  releaseCommands: {
    en: ({ dir, commands }) =>
      `--release: this module has commands (${commands}), and go install PATH@version refuses a module with replace directives; ${dir} is used only in this repository.`,
    'zh-CN': ({ dir, commands }) =>
      `--release：本模块包含命令（${commands}），而 go install PATH@version 拒绝含 replace 指令的模块；${dir} 只在本仓库中使用。`,
  } satisfies Message<{ dir: string; commands: string }>,
  releaseMonorepo: {
    en: ({ dir }) =>
      `${dir} is committed in this repository: a library's replace is used only when building inside it (modules that depend on this one ignore it), so the release is not affected.`,
    'zh-CN': ({ dir }) =>
      `${dir} 已提交在本仓库中：库的 replace 只在本仓库内构建时生效（依赖本模块的其他模块会忽略它），不影响发布。`,
  } satisfies Message<{ dir: string }>,
  dropFix: {
    en: 'Remove the replace before releasing (or replace with a published version)',
    'zh-CN': '发布前删除这条 replace（或替换为已发布的版本）',
  },
  missingTitle: {
    en: ({ dir }) => `Replacement directory ${dir} does not exist`,
    'zh-CN': ({ dir }) => `替换目标目录 ${dir} 不存在`,
  } satisfies Message<{ dir: string }>,
  missing: {
    en: ({ path, dir }) =>
      `${path} is replaced by ${dir}, which is not there: every command that loads ${path} fails ("replacement directory ${dir} does not exist").`,
    'zh-CN': ({ path, dir }) =>
      `${path} 被替换为 ${dir}，但该目录不存在：所有加载 ${path} 的命令都会失败（"replacement directory ${dir} does not exist"）。`,
  } satisfies Message<{ path: string; dir: string }>,
  noGoModTitle: {
    en: ({ dir }) => `Replacement directory ${dir} has no go.mod`,
    'zh-CN': ({ dir }) => `替换目标目录 ${dir} 中没有 go.mod`,
  } satisfies Message<{ dir: string }>,
  noGoMod: {
    en: ({ path, dir }) =>
      `${path} is replaced by ${dir}, which has no go.mod file: the go command stops with "reading ${dir}/go.mod: no such file or directory".`,
    'zh-CN': ({ path, dir }) =>
      `${path} 被替换为 ${dir}，但该目录中没有 go.mod：go 命令会报错 "reading ${dir}/go.mod: no such file or directory"。`,
  } satisfies Message<{ path: string; dir: string }>,
  restoreFix: {
    en: 'Point the replace at the right directory, or remove it',
    'zh-CN': '把 replace 指向正确的目录，或删除它',
  },
  mismatchTitle: {
    en: ({ dir, declared }) => `${dir} declares module ${declared}`,
    'zh-CN': ({ dir, declared }) => `${dir} 声明的模块是 ${declared}`,
  } satisfies Message<{ dir: string; declared: string }>,
  mismatch: {
    en: ({ path, dir, declared }) =>
      `${path} is replaced by ${dir}, whose go.mod says "module ${declared}": the go command stops with "module declares its path as: ${declared} but was required as: ${path}".`,
    'zh-CN': ({ path, dir, declared }) =>
      `${path} 被替换为 ${dir}，而其 go.mod 写的是 "module ${declared}"：go 命令会报错 "module declares its path as: ${declared} but was required as: ${path}"。`,
  } satisfies Message<{ path: string; dir: string; declared: string }>,
  conflictTitle: {
    en: ({ path }) => `Conflicting replacements for ${path}`,
    'zh-CN': ({ path }) => `${path} 的 replace 互相冲突`,
  } satisfies Message<{ path: string }>,
  conflict: {
    en: ({ path, targets }) =>
      `${path} is replaced by ${targets}; the go command stops with "conflicting replacements for ${path}".`,
    'zh-CN': ({ path, targets }) =>
      `${path} 同时被替换为 ${targets}；go 命令会报错 "conflicting replacements for ${path}"。`,
  } satisfies Message<{ path: string; targets: string }>,
  conflictFix: { en: 'Keep one replace for the module', 'zh-CN': '同一模块只保留一条 replace' },
};

function target(r: ReplaceDirective): string {
  return r.new.version ? `${r.new.path} ${r.new.version}` : r.new.path;
}

function isDirectoryReplace(r: ReplaceDirective): boolean {
  return r.new.version === '';
}

function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The module path a directory's go.mod declares; undefined when it has none or it does not parse. */
function declaredModule(dir: string, cwd: string): { file?: SourceFile; path?: string } {
  const file = readSource(resolve(dir, 'go.mod'), cwd, { kind: 'go.mod' });
  if (!file) return {};
  const path = parseGoMod(file.bytes, { filename: file.rel, lax: true }).file.module?.path;
  return { file, ...(path ? { path } : {}) };
}

export default defineCheck({
  id: 'project/replaces',
  area: 'project',
  needs: ['project'],
  causes: ['local-replace', 'replace-target-missing', 'module-path-mismatch', 'conflicting-replace'],
  async run({ facts, lang, options }) {
    const project = await facts.project();
    // --release: the commands of the main module (go install refuses any replace then), once.
    let commandList: Promise<string[]> | undefined;
    const commandsOf = () => {
      commandList ??= facts.tidy().then((p) =>
        (p?.packages ?? [])
          .filter((x) => x.main && x.files.some((f) => f.packageName === 'main' && !f.test))
          .map((x) => x.path)
          .sort(),
      );
      return commandList;
    };
    const findings: Finding[] = [];
    // The repository root, for "inside this repository": the workspace root or the main module.
    const repoRoot = project.workspace ? resolve(project.workspace.file.path, '..') : project.main?.dir;
    const sources: Array<{ file: SourceFile; dir: string; replaces: ReplaceDirective[] }> = [];
    for (const module of projectModules(project))
      sources.push({ file: module.gomod, dir: module.dir, replaces: module.parsed.file.replace });
    if (project.workspace) {
      sources.push({
        file: project.workspace.file,
        dir: resolve(project.workspace.file.path, '..'),
        replaces: project.workspace.parsed.file.replace,
      });
    }
    const gitRoot = options.release && project.main ? findGitRoot(project.main.dir) : undefined;
    for (const { file, dir, replaces } of sources) {
      for (const r of replaces) {
        if (!isDirectoryReplace(r)) continue;
        const abs = resolve(dir, r.new.path);
        const location = locationAt(file, r.newPos);
        const evidence = lineEvidence(file, r.pos.line);
        const base = {
          module: r.old.path,
          location,
          evidence,
          docs: ['https://go.dev/ref/mod#go-mod-file-replace'],
        };
        if (!existsSync(abs) || !statSync(abs).isDirectory()) {
          findings.push({
            ...base,
            cause: 'replace-target-missing',
            severity: 'error',
            title: say(m.missingTitle, lang, { dir: r.new.path }),
            message: say(m.missing, lang, { path: r.old.path, dir: r.new.path }),
            fixes: [
              { description: say(m.restoreFix, lang), command: `go mod edit -dropreplace=${r.old.path}` },
            ],
          });
          continue;
        }
        const declared = declaredModule(abs, project.cwd);
        if (!declared.file) {
          findings.push({
            ...base,
            cause: 'replace-target-missing',
            severity: 'error',
            title: say(m.noGoModTitle, lang, { dir: r.new.path }),
            message: say(m.noGoMod, lang, { path: r.old.path, dir: r.new.path }),
            fixes: [
              { description: say(m.restoreFix, lang), command: `go mod edit -dropreplace=${r.old.path}` },
            ],
          });
          continue;
        }
        if (declared.path !== undefined && declared.path !== r.old.path) {
          findings.push({
            ...base,
            cause: 'module-path-mismatch',
            severity: 'error',
            title: say(m.mismatchTitle, lang, { dir: r.new.path, declared: declared.path }),
            message: say(m.mismatch, lang, { path: r.old.path, dir: r.new.path, declared: declared.path }),
            fixes: [{ description: say(m.restoreFix, lang) }],
          });
        }
        const inside = repoRoot !== undefined && isInside(abs, repoRoot);
        let message = options.release
          ? say(m.localRelease, lang, { dir: r.new.path })
          : inside
            ? say(m.localInside, lang, { dir: r.new.path })
            : say(m.localOutside, lang, { dir: r.new.path });
        let severity: Finding['severity'] = options.release ? 'error' : inside ? 'info' : 'warning';
        if (options.release) {
          // A release breaks on a replace that leads outside the repository, into files nobody
          // committed, or in a module with commands; a committed directory of the same repository
          // in a library (a monorepo's nested modules) is what consumers never see.
          const dirText = { dir: r.new.path };
          const commands = await commandsOf();
          const dirty =
            gitRoot && isInsideDir(abs, gitRoot.root)
              ? await hasUncommittedChanges((await facts.git()).bin, gitRoot, abs, options.env)
              : undefined;
          if (!gitRoot || !isInsideDir(abs, gitRoot.root)) message = say(m.releaseOutside, lang, dirText);
          else if (commands.length > 0)
            message = say(m.releaseCommands, lang, {
              ...dirText,
              commands: commands.length > 3 ? `${commands.slice(0, 3).join(', ')}, …` : commands.join(', '),
            });
          else if (dirty === true) message = say(m.releaseDirty, lang, dirText);
          else if (dirty === undefined) {
            message = say(m.releaseUnchecked, lang, dirText);
            severity = 'warning';
          } else {
            message = say(m.releaseMonorepo, lang, dirText);
            severity = 'info';
          }
        }
        findings.push({
          ...base,
          cause: 'local-replace',
          severity,
          title: say(m.localTitle, lang, { path: r.old.path, dir: r.new.path }),
          message,
          fixes: [{ description: say(m.dropFix, lang), command: `go mod edit -dropreplace=${r.old.path}` }],
        });
      }
    }
    // Conflicts: within one file, and (in a workspace) between modules where go.work does not decide.
    const workReplaced = new Set(
      project.workspace?.parsed.file.replace.map((r) => `${r.old.path}@${r.old.version}`) ?? [],
    );
    const groups = new Map<string, Array<{ file: SourceFile; dir: string; r: ReplaceDirective }>>();
    for (const source of sources) {
      if (project.workspace && source.file === project.workspace.file) continue;
      for (const r of source.replaces) {
        const key = `${r.old.path}@${r.old.version}`;
        if (project.workspace && workReplaced.has(key)) continue;
        groups.set(key, [...(groups.get(key) ?? []), { file: source.file, dir: source.dir, r }]);
      }
    }
    for (const entries of groups.values()) {
      const targets = new Set(
        entries.map((e) => (isDirectoryReplace(e.r) ? resolve(e.dir, e.r.new.path) : target(e.r))),
      );
      if (targets.size < 2) continue;
      const last = entries[entries.length - 1]!;
      const path = last.r.old.version ? `${last.r.old.path}@${last.r.old.version}` : last.r.old.path;
      findings.push({
        cause: 'conflicting-replace',
        severity: 'error',
        title: say(m.conflictTitle, lang, { path }),
        message: say(m.conflict, lang, { path, targets: entries.map((e) => target(e.r)).join(', ') }),
        module: last.r.old.path,
        location: locationAt(last.file, last.r.pos),
        evidence: entries.flatMap((e) => lineEvidence(e.file, e.r.pos.line)),
        fixes: [{ description: say(m.conflictFix, lang) }],
        docs: ['https://go.dev/ref/mod#go-mod-file-replace'],
      });
    }
    return findings;
  },
});
