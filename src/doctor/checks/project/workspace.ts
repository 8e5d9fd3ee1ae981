// go.work: every `use` must be a directory with a go.mod, each directory and each module path
// may appear once, the go line must be at least every module's (Go 1.21+ enforces it), and the
// module the user stands in must be one of the workspace's.
import { relative, resolve } from 'node:path';
import type { Finding } from '../../../findings/finding.ts';
import { compareGoVersions } from '../../../goenv/gover.ts';
import type { Message } from '../../../i18n/lang.ts';
import { say } from '../../../i18n/lang.ts';
import { lineEvidence } from '../../evidence.ts';
import { defineCheck } from '../../types.ts';

const m = {
  missingTitle: {
    en: ({ dir }) => `go.work uses ${dir}, which does not exist`,
    'zh-CN': ({ dir }) => `go.work 中 use 的 ${dir} 不存在`,
  } satisfies Message<{ dir: string }>,
  missing: {
    en: ({ dir }) =>
      `The go command stops in this workspace ("cannot load module ${dir} listed in go.work file").`,
    'zh-CN': ({ dir }) =>
      `在此工作区中 go 命令会报错（"cannot load module ${dir} listed in go.work file"）。`,
  } satisfies Message<{ dir: string }>,
  notModuleTitle: {
    en: ({ dir }) => `go.work uses ${dir}, which has no go.mod`,
    'zh-CN': ({ dir }) => `go.work 中 use 的 ${dir} 没有 go.mod`,
  } satisfies Message<{ dir: string }>,
  notModule: {
    en: ({ dir }) => `${dir} is not a module, so the go command cannot load it as part of the workspace.`,
    'zh-CN': ({ dir }) => `${dir} 不是模块，go 命令无法把它作为工作区的一部分加载。`,
  } satisfies Message<{ dir: string }>,
  dropUse: { en: 'Remove the entry (or create the module)', 'zh-CN': '删除这一项（或创建该模块）' },
  dupDirTitle: {
    en: ({ dir }) => `${dir} is listed twice in go.work`,
    'zh-CN': ({ dir }) => `${dir} 在 go.work 中出现了两次`,
  } satisfies Message<{ dir: string }>,
  dupDir: {
    en: ({ dir }) => `The go command stops with "path ${dir} appears multiple times in workspace".`,
    'zh-CN': ({ dir }) => `go 命令会报错 "path ${dir} appears multiple times in workspace"。`,
  } satisfies Message<{ dir: string }>,
  dupModTitle: {
    en: ({ path }) => `Module ${path} appears twice in the workspace`,
    'zh-CN': ({ path }) => `模块 ${path} 在工作区中出现了两次`,
  } satisfies Message<{ path: string }>,
  dupMod: {
    en: ({ path, dirs }) =>
      `${dirs} both declare module ${path}; the go command stops with "module ${path} appears multiple times in workspace".`,
    'zh-CN': ({ path, dirs }) =>
      `${dirs} 都声明了模块 ${path}；go 命令会报错 "module ${path} appears multiple times in workspace"。`,
  } satisfies Message<{ path: string; dirs: string }>,
  goTitle: {
    en: ({ dir }) => `${dir} needs a newer go line in go.work`,
    'zh-CN': ({ dir }) => `${dir} 要求 go.work 中的 go 版本更高`,
  } satisfies Message<{ dir: string }>,
  go: {
    en: ({ dir, need, have }) =>
      `module ${dir} listed in go.work file requires go >= ${need}, but go.work lists go ${have}: Go 1.21 and later stop here.`,
    'zh-CN': ({ dir, need, have }) =>
      `go.work 中的模块 ${dir} 要求 go >= ${need}，但 go.work 写的是 go ${have}：Go 1.21 及以后会在此报错。`,
  } satisfies Message<{ dir: string; need: string; have: string }>,
  goFix: { en: 'Raise the go line of go.work', 'zh-CN': '提高 go.work 中的 go 版本' },
  outsideTitle: { en: 'The current module is not part of the workspace', 'zh-CN': '当前模块不属于工作区' },
  outside: {
    en: ({ dir }) =>
      `go.work does not use ${dir}, so commands run here stop with "directory . is outside modules listed in go.work" (or "current directory is contained in a module that is not one of the workspace modules").`,
    'zh-CN': ({ dir }) =>
      `go.work 没有 use ${dir}，在这里运行的命令会报错 "directory . is outside modules listed in go.work"（或 "current directory is contained in a module that is not one of the workspace modules"）。`,
  } satisfies Message<{ dir: string }>,
  outsideFix: {
    en: 'Add the module to the workspace, or turn the workspace off for this command',
    'zh-CN': '把该模块加入工作区，或对该命令关闭工作区',
  },
};

export default defineCheck({
  id: 'project/workspace',
  area: 'project',
  needs: ['project', 'go'],
  causes: ['workspace-mismatch'],
  async run({ facts, lang }) {
    const project = await facts.project();
    const ws = project.workspace;
    if (!ws) return [];
    const findings: Finding[] = [];
    const file = ws.file;
    const base = resolve(file.path, '..');
    const docs = ['https://go.dev/ref/mod#go-work-file'];
    const byDir = new Map<string, number>();
    const byModule = new Map<string, typeof ws.uses>();
    for (const use of ws.uses) {
      const location = { file: file.rel, line: use.line, column: use.column };
      const evidence = lineEvidence(file, use.line);
      if (byDir.has(use.dir)) {
        findings.push({
          cause: 'workspace-mismatch',
          severity: 'error',
          location,
          evidence,
          docs,
          title: say(m.dupDirTitle, lang, { dir: use.path }),
          message: say(m.dupDir, lang, { dir: use.path }),
          fixes: [{ description: say(m.dropUse, lang), command: `go work edit -dropuse=${use.path}` }],
        });
        continue;
      }
      byDir.set(use.dir, use.line);
      if (!use.exists || !use.module) {
        findings.push({
          cause: 'workspace-mismatch',
          severity: 'error',
          location,
          evidence,
          docs,
          title: say(use.exists ? m.notModuleTitle : m.missingTitle, lang, { dir: use.path }),
          message: say(use.exists ? m.notModule : m.missing, lang, { dir: use.path }),
          fixes: [{ description: say(m.dropUse, lang), command: `go work edit -dropuse=${use.path}` }],
        });
        continue;
      }
      const path = use.module.parsed.file.module?.path;
      if (path) byModule.set(path, [...(byModule.get(path) ?? []), use]);
      const need = use.module.parsed.file.go?.version;
      const have = ws.parsed.file.go?.version;
      const local = (await facts.go()).found?.version;
      const enforced = local === undefined || compareGoVersions(local.replace(/^go/, ''), '1.21') >= 0;
      if (enforced && need && have && compareGoVersions(need, have) > 0) {
        findings.push({
          cause: 'workspace-mismatch',
          severity: 'error',
          location,
          evidence,
          docs,
          title: say(m.goTitle, lang, { dir: use.path }),
          message: say(m.go, lang, { dir: use.path, need, have }),
          fixes: [{ description: say(m.goFix, lang), command: `go work edit -go=${need}` }],
        });
      }
    }
    for (const [path, uses] of byModule) {
      if (uses.length < 2) continue;
      const second = uses[1]!;
      findings.push({
        cause: 'workspace-mismatch',
        severity: 'error',
        docs,
        location: { file: file.rel, line: second.line, column: second.column },
        evidence: uses.flatMap((u) => lineEvidence(file, u.line)),
        module: path,
        title: say(m.dupModTitle, lang, { path }),
        message: say(m.dupMod, lang, { path, dirs: uses.map((u) => u.path).join(', ') }),
        fixes: [{ description: say(m.dropUse, lang), command: `go work edit -dropuse=${second.path}` }],
      });
    }
    const main = project.main;
    if (main && !byDir.has(main.dir) && relative(base, main.dir).split('/')[0] !== '..') {
      const dir = `./${relative(base, main.dir) || '.'}`;
      findings.push({
        cause: 'workspace-mismatch',
        severity: 'error',
        docs,
        location: { file: file.rel },
        title: say(m.outsideTitle, lang),
        message: say(m.outside, lang, { dir }),
        fixes: [
          { description: say(m.outsideFix, lang), command: `go work use ${dir}` },
          { description: 'GOWORK=off', command: 'GOWORK=off go build ./...' },
        ],
      });
    }
    return findings;
  },
});
