// Is there a module (or workspace) where the doctor runs? Outside one, every module command
// fails with "go.mod file not found", and the other project checks have nothing to read.
import type { Message } from '../../../i18n/lang.ts';
import { say } from '../../../i18n/lang.ts';
import { lineEvidence } from '../../evidence.ts';
import { defineCheck } from '../../types.ts';

const m = {
  noModuleTitle: {
    en: 'No go.mod here or in any parent directory',
    'zh-CN': '当前目录及上级目录都没有 go.mod',
  },
  noModule: {
    en: ({ dir }) =>
      `${dir} is not inside a Go module or workspace, so go build, go mod tidy and go get stop with "go.mod file not found in current directory or any parent directory".`,
    'zh-CN': ({ dir }) =>
      `${dir} 不在任何 Go 模块或工作区内，go build、go mod tidy、go get 都会报错 "go.mod file not found in current directory or any parent directory"。`,
  } satisfies Message<{ dir: string }>,
  init: {
    en: 'Create a module here (or run the doctor in the module directory, or use -C DIR)',
    'zh-CN': '在此创建模块（或到模块目录中运行，或使用 -C DIR）',
  },
  noModuleLineTitle: { en: 'go.mod has no module line', 'zh-CN': 'go.mod 缺少 module 行' },
  noModuleLine: {
    en: ({ file }) =>
      `${file} has no "module" directive; the go command stops with "missing module declaration".`,
    'zh-CN': ({ file }) => `${file} 没有 module 指令，go 命令会报错 "missing module declaration"。`,
  } satisfies Message<{ file: string }>,
  addModuleLine: { en: 'Add the module path as the first line', 'zh-CN': '在第一行写上模块路径' },
};

export default defineCheck({
  id: 'project/module-root',
  area: 'project',
  needs: ['project'],
  causes: ['no-main-module', 'go-mod-syntax'],
  async run({ facts, lang }) {
    const project = await facts.project();
    // A go.mod that is there but was refused (FIFO, device, link out) is reported by project/unsafe-files.
    const refusedHere = project.refused.some((r) => /(^|\/)go\.(mod|work)$/.test(r.file));
    if (!project.main && !project.workspace && !refusedHere) {
      return [
        {
          cause: 'no-main-module',
          severity: 'warning',
          title: say(m.noModuleTitle, lang),
          message: say(m.noModule, lang, { dir: project.cwd }),
          fixes: [{ description: say(m.init, lang), command: 'go mod init example.com/your/module' }],
          docs: ['https://go.dev/ref/mod#go-mod-init'],
        },
      ];
    }
    const main = project.main;
    if (main && main.parsed.errors.length === 0 && !main.parsed.file.module) {
      return [
        {
          cause: 'go-mod-syntax',
          severity: 'error',
          title: say(m.noModuleLineTitle, lang),
          message: say(m.noModuleLine, lang, { file: main.gomod.rel }),
          location: { file: main.gomod.rel, line: 1, column: 1 },
          evidence: lineEvidence(main.gomod, 1),
          fixes: [
            {
              description: say(m.addModuleLine, lang),
              command: 'go mod edit -module=example.com/your/module',
            },
          ],
          docs: ['https://go.dev/ref/mod#go-mod-file-module'],
        },
      ];
    }
    return [];
  },
});
