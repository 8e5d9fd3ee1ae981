// A requirement whose version is v2 or later on a path without the matching /vN suffix
// (`require example.com/m v2.1.0`: "should be v0 or v1, not v2"). The path gets the suffix when
// the module cache holds that module (example.com/m/v2 v2.1.0: a module with its own v2 go.mod),
// or the version gets +incompatible when the cache holds that (a v2 tag without a go.mod); when
// the cache holds neither, nothing is guessed. The file then prints as `go mod edit -fmt` would
// print the corrected file (the go command itself refuses to edit a file that does not parse).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { formatTree, parseGoMod } from '../../modfile/index.ts';
import { escapePath, escapeVersion } from '../../module/escape.ts';
import { splitPathVersion } from '../../module/path.ts';
import { isValid, major } from '../../module/semver.ts';
import { byFile } from '../locate.ts';
import { parseForEdit, printEdited } from '../modedit.ts';
import { defineRepair, type RepairStep } from '../types.ts';

function cached(modcache: string, module: string, version: string): boolean {
  const path = escapePath(module);
  const v = escapeVersion(version);
  return (
    path.ok && v.ok && existsSync(join(modcache, 'cache', 'download', path.value, '@v', `${v.value}.mod`))
  );
}

export default defineRepair({
  id: 'gomod-major-path',
  kind: 'gomod',
  causes: ['major-version-suffix'],
  summary: {
    en: 'a v2+ version on a path without /vN: the /vN path (or +incompatible), as the module cache proves',
    'zh-CN':
      '无 /vN 后缀的路径使用了 v2 及以上版本：按模块缓存中实际存在的模块改为 /vN 路径（或 +incompatible）',
  },
  equals: 'go mod edit -fmt (of the corrected file)',
  plan(ctx) {
    const steps: RepairStep[] = [];
    const modcache = ctx.goenv.GOMODCACHE ?? '';
    if (!modcache) return steps;
    for (const [path, group] of byFile(ctx, (f) => (f.location?.file ?? '').endsWith('go.mod'))) {
      const bytes = ctx.files.read(path);
      if (!bytes) continue;
      // The file does not parse (that is the finding), but its syntax tree is whole.
      const file = parseGoMod(bytes, { goRelease: ctx.project.release }).file;
      const lines = file.syntax.statements.flatMap((s) =>
        s.type === 'line' ? [s] : s.type === 'block' && s.tokens[0]?.text === 'require' ? s.lines : [],
      );
      const fixed = group.filter((finding) => {
        const line = lines.find((l) => l.start.line === finding.location?.line);
        if (!line || line.tokens.length < 2) return false;
        if (!line.inBlock && line.tokens[0]?.text !== 'require') return false;
        const pathToken = line.tokens[line.tokens.length - 2]!;
        const versionToken = line.tokens[line.tokens.length - 1]!;
        const module = pathToken.text;
        const version = versionToken.text;
        const split = splitPathVersion(module);
        if (!isValid(version) || !split.ok || split.pathMajor !== '') return false;
        const versionMajor = major(version);
        if (versionMajor === 'v0' || versionMajor === 'v1') return false;
        const suffixed = `${module}/${versionMajor}`;
        const incompatible = `${version}+incompatible`;
        let tokens: [string, string] | undefined;
        if (cached(modcache, suffixed, version)) tokens = [suffixed, version];
        else if (cached(modcache, module, incompatible)) tokens = [module, incompatible];
        if (!tokens) return false;
        line.tokens = [
          ...line.tokens.slice(0, -2),
          { ...pathToken, text: tokens[0], raw: tokens[0] },
          { ...versionToken, text: tokens[1], raw: tokens[1] },
        ];
        return true;
      });
      if (fixed.length === 0) continue;
      const corrected = parseForEdit(Buffer.from(formatTree(file), 'utf8'), 'go.mod', ctx.project.release);
      // Another error in the same file: leave it to a person rather than write half a fix.
      if (!corrected) continue;
      const [finding, ...also] = fixed;
      steps.push({ finding: finding!, also, files: [ctx.files.write(path, printEdited(corrected))] });
    }
    return steps;
  },
});
