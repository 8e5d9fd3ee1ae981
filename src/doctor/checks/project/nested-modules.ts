// Modules inside the main module's tree. Their packages are not part of the parent ("main module
// does not contain package"), and a parent that imports one by path needs a requirement for it
// (usually with a replace to the directory), or tidy goes looking for it on the network.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readProjectFile } from '../../../files/read.ts';
import type { Finding } from '../../../findings/finding.ts';
import type { Message } from '../../../i18n/lang.ts';
import { say } from '../../../i18n/lang.ts';
import { parseGoMod } from '../../../modfile/index.ts';
import { readGoFileHeader } from '../../../tidy/scan.ts';
import { defineCheck } from '../../types.ts';

const m = {
  inventoryTitle: {
    en: ({ n }) => `${n} nested module${n === 1 ? '' : 's'} inside this module`,
    'zh-CN': ({ n }) => `本模块目录内有 ${n} 个嵌套模块`,
  } satisfies Message<{ n: number }>,
  inventory: {
    en: ({ list }) =>
      `These directories have their own go.mod, so their packages are not part of this module (commands run here say "main module does not contain package" for them): ${list}`,
    'zh-CN': ({ list }) =>
      `这些目录有自己的 go.mod，其中的包不属于本模块（在这里运行命令会提示 "main module does not contain package"）：${list}`,
  } satisfies Message<{ list: string }>,
  importTitle: {
    en: ({ path }) => `Nested module ${path} is imported without a requirement`,
    'zh-CN': ({ path }) => `嵌套模块 ${path} 被导入但没有 require`,
  } satisfies Message<{ path: string }>,
  importMessage: {
    en: ({ path, file, dir }) =>
      `${file} imports a package of ${path}, which lives in ./${dir} with its own go.mod, but go.mod neither requires nor replaces it: go mod tidy will look ${path} up on the network.`,
    'zh-CN': ({ path, file, dir }) =>
      `${file} 导入了 ${path} 中的包，它位于 ./${dir} 且有自己的 go.mod，但 go.mod 既没有 require 也没有 replace 它：go mod tidy 会去网络上查找 ${path}。`,
  } satisfies Message<{ path: string; file: string; dir: string }>,
  importFix: { en: 'Require it and point it at the directory', 'zh-CN': 'require 它并用 replace 指向该目录' },
};

const SKIP = new Set(['vendor', 'testdata', 'node_modules']);
const MAX_GO_FILES = 5_000;
export default defineCheck({
  id: 'project/nested-modules',
  area: 'project',
  needs: ['project'],
  causes: ['no-main-module', 'missing-requirement'],
  async run({ facts, lang }) {
    const project = await facts.project();
    const main = project.main;
    if (!main || project.nested.length === 0) return [];
    const findings: Finding[] = [
      {
        cause: 'no-main-module',
        severity: 'info',
        title: say(m.inventoryTitle, lang, { n: project.nested.length }),
        message: say(m.inventory, lang, { list: project.nested.map((d) => `./${d}`).join(', ') }),
        location: { file: main.gomod.rel },
      },
    ];
    const nested = project.nested
      .map((dir) => {
        let path: string | undefined;
        try {
          const read = readProjectFile(join(main.dir, dir, 'go.mod'), { kind: 'go.mod', roots: [main.dir] });
          path = read.ok ? parseGoMod(read.bytes, { lax: true }).file.module?.path : undefined;
        } catch {
          path = undefined;
        }
        return { dir, path };
      })
      .filter((n): n is { dir: string; path: string } => n.path !== undefined);
    const file = main.parsed.file;
    const known = new Set([...file.require.map((r) => r.path), ...file.replace.map((r) => r.old.path)]);
    const candidates = nested.filter((n) => !known.has(n.path));
    if (candidates.length === 0) return findings;
    const nestedDirs = new Set(project.nested);
    const reported = new Set<string>();
    let scanned = 0;
    const walk = (rel: string): void => {
      let entries: import('node:fs').Dirent[];
      try {
        entries = readdirSync(join(main.dir, rel), { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        if (scanned >= MAX_GO_FILES) return;
        const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
        if (entry.isDirectory()) {
          if (
            SKIP.has(entry.name) ||
            entry.name.startsWith('.') ||
            entry.name.startsWith('_') ||
            nestedDirs.has(child)
          )
            continue;
          walk(child);
        } else if (entry.isFile() && entry.name.endsWith('.go')) {
          scanned++;
          // Only the header holds imports; the scanner's bounded reader refuses FIFOs and links out.
          const read = readGoFileHeader(join(main.dir, child), [main.dir]);
          if (!read.header) continue;
          for (const { path: imp } of read.header.imports) {
            const hit = candidates.find((n) => imp === n.path || imp.startsWith(`${n.path}/`));
            if (!hit || reported.has(hit.path)) continue;
            reported.add(hit.path);
            findings.push({
              cause: 'missing-requirement',
              severity: 'warning',
              title: say(m.importTitle, lang, { path: hit.path }),
              message: say(m.importMessage, lang, { path: hit.path, file: child, dir: hit.dir }),
              module: hit.path,
              location: { file: main.gomod.rel },
              evidence: [{ source: child, text: `import "${imp}"` }],
              fixes: [
                {
                  description: say(m.importFix, lang),
                  command: `go mod edit -require=${hit.path}@v0.0.0-00010101000000-000000000000 -replace=${hit.path}=./${hit.dir}`,
                },
              ],
              docs: ['https://go.dev/ref/mod#go-mod-file-replace'],
            });
          }
        }
      }
    };
    walk('');
    return findings;
  },
});
