// --release: a module with commands (package main) is installed with `go install PATH@version`,
// which refuses a module whose go.mod has replace or exclude directives (they would make it build
// differently than as the main module). Directory replaces are reported by project/replaces.
import type { Finding } from '../../../findings/finding.ts';
import type { Message } from '../../../i18n/lang.ts';
import { say } from '../../../i18n/lang.ts';
import { lineEvidence, locationAt } from '../../evidence.ts';
import { defineCheck } from '../../types.ts';

const m = {
  title: {
    en: ({ directive, path }) =>
      `go install …@version refuses this module: it has ${directive === 'exclude' ? 'an' : 'a'} ${directive} of ${path}`,
    'zh-CN': ({ directive, path }) => `go install …@version 会拒绝本模块：它含有针对 ${path} 的 ${directive}`,
  } satisfies Message<{ directive: string; path: string }>,
  message: {
    en: ({ commands, directive }) =>
      `This module has commands (${commands}) that people install with go install PATH@version, and the go command refuses to install from a module whose go.mod contains replace or exclude directives. The ${directive} works in this repository only.`,
    'zh-CN': ({ commands, directive }) =>
      `本模块包含命令（${commands}），用户会用 go install PATH@version 安装；而 go 命令拒绝从 go.mod 含有 replace 或 exclude 指令的模块安装。这条 ${directive} 只在本仓库中生效。`,
  } satisfies Message<{ commands: string; directive: string }>,
  replaceFix: {
    en: 'Require the replacement under its own module path (a fork published as its own module), or drop the replace before tagging',
    'zh-CN': '用替换目标自己的模块路径来 require 它（把分叉发布为独立模块），或在打标签前删除这条 replace',
  },
  excludeFix: {
    en: 'Require a version above the excluded one instead, and drop the exclude before tagging',
    'zh-CN': '改为 require 高于被排除版本的版本，并在打标签前删除这条 exclude',
  },
};

export default defineCheck({
  id: 'project/release-installable',
  area: 'project',
  needs: ['tidy', 'project'],
  causes: ['install-replace-directive'],
  async run({ facts, lang }) {
    const prediction = await facts.tidy();
    const main = (await facts.project()).main;
    if (!prediction || !main) return [];
    const commands = prediction.packages
      .filter((p) => p.main && p.files.some((f) => f.packageName === 'main' && !f.name.endsWith('_test.go')))
      .map((p) => p.path)
      .sort();
    if (commands.length === 0) return [];
    const shown = commands.length > 3 ? `${commands.slice(0, 3).join(', ')}, …` : commands.join(', ');
    const file = main.parsed.file;
    const findings: Finding[] = [];
    const add = (
      directive: 'replace' | 'exclude',
      path: string,
      version: string,
      pos: Parameters<typeof locationAt>[1],
      line: number,
    ) => {
      findings.push({
        cause: 'install-replace-directive',
        severity: 'error',
        title: say(m.title, lang, { directive, path }),
        message: say(m.message, lang, { commands: shown, directive }),
        module: path,
        ...(version ? { version } : {}),
        location: locationAt(main.gomod, pos),
        evidence: lineEvidence(main.gomod, line),
        fixes: [
          {
            description: say(directive === 'replace' ? m.replaceFix : m.excludeFix, lang),
            command: `go mod edit -drop${directive}=${version ? `${path}@${version}` : path}`,
          },
        ],
        docs: ['https://go.dev/ref/mod#go-install'],
      });
    };
    // Directory replaces: project/replaces already makes each an error under --release.
    for (const r of file.replace)
      if (r.new.version !== '') add('replace', r.old.path, r.old.version, r.oldPos, r.pos.line);
    for (const e of file.exclude) add('exclude', e.path, e.version, e.pathPos, e.pos.line);
    return findings;
  },
});
