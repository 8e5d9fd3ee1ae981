// go.mod and go.work as the local go reads them: every error with its exact position. An error
// that only this go release makes (a `toolchain` line for go 1.20, a three-part go version for
// 1.20) means the toolchain is too old, not that the file is broken.
import type { CauseId } from '../../../causes/catalog.ts';
import type { Finding } from '../../../findings/finding.ts';
import type { Message } from '../../../i18n/lang.ts';
import { say } from '../../../i18n/lang.ts';
import {
  formatError,
  type ModfileError,
  NEWEST_RELEASE,
  parseGoMod,
  parseGoWork,
} from '../../../modfile/index.ts';
import { lineEvidence, locationAt } from '../../evidence.ts';
import type { SourceFile } from '../../facts.ts';
import { defineCheck } from '../../types.ts';
import { isMajorVersionParseError } from './major-versions.ts';
import { projectModules } from './modules.ts';

const m = {
  title: {
    en: ({ file }) => `${file} cannot be parsed`,
    'zh-CN': ({ file }) => `${file} 无法解析`,
  } satisfies Message<{ file: string }>,
  message: {
    en: ({ error, release }) => `The go command (rules of Go ${release}) stops on: ${error}`,
    'zh-CN': ({ error, release }) => `go 命令（按 Go ${release} 的规则）在此出错：${error}`,
  } satisfies Message<{ error: string; release: string }>,
  tooOldTitle: {
    en: ({ file }) => `${file} needs a newer Go than the local toolchain`,
    'zh-CN': ({ file }) => `${file} 需要比本地工具链更新的 Go`,
  } satisfies Message<{ file: string }>,
  tooOld: {
    en: ({ error, release }) =>
      `Go ${release} does not understand this line (${error}); newer releases accept it. The file is fine: the local go is too old.`,
    'zh-CN': ({ error, release }) =>
      `Go ${release} 不认识这一行（${error}），更新的版本可以解析。文件本身没有问题：是本地 go 太旧。`,
  } satisfies Message<{ error: string; release: string }>,
  upgrade: {
    en: 'Install a newer Go (https://go.dev/dl/)',
    'zh-CN': '安装更新版本的 Go（https://go.dev/dl/）',
  },
  edit: {
    en: 'Correct the line; the go command shows the same error with',
    'zh-CN': '修改这一行；可用以下命令复现同样的错误',
  },
};

const TOO_OLD =
  /unknown directive: (toolchain|godebug|tool|ignore)\b|invalid go version '[^']*': must match format|unknown block type: (godebug|tool|ignore)\b/;

function causeOfModfileError(message: string): CauseId {
  if (
    /should be v[01]|major version|\+incompatible|must match major version|invalid version: should be/.test(
      message,
    )
  )
    return 'major-version-suffix';
  if (
    /malformed module path|invalid module path|invalid path|missing dot in first path element/.test(message)
  )
    return 'malformed-module-path';
  if (
    /invalid module version|must be of the form v1\.2\.3|invalid version|version "[^"]*" invalid|invalid semantic version/.test(
      message,
    )
  )
    return 'invalid-version-syntax';
  return 'go-mod-syntax';
}

function parsesWithNewest(file: SourceFile, kind: 'go.mod' | 'go.work'): boolean {
  const opts = { filename: file.rel, goRelease: NEWEST_RELEASE };
  return (
    (kind === 'go.mod' ? parseGoMod(file.bytes, opts) : parseGoWork(file.bytes, opts)).errors.length === 0
  );
}

export default defineCheck({
  id: 'project/gomod-syntax',
  area: 'project',
  needs: ['project'],
  causes: ['go-mod-syntax', 'malformed-module-path', 'invalid-version-syntax', 'go-version-too-new'],
  async run({ facts, lang }) {
    const project = await facts.project();
    const findings: Finding[] = [];
    const files: Array<{ file: SourceFile; errors: ModfileError[]; kind: 'go.mod' | 'go.work' }> = [];
    for (const module of projectModules(project))
      files.push({ file: module.gomod, errors: module.parsed.errors, kind: 'go.mod' });
    if (project.workspace)
      files.push({ file: project.workspace.file, errors: project.workspace.parsed.errors, kind: 'go.work' });
    for (const { file, errors, kind } of files) {
      if (errors.length === 0) continue;
      const tooOld = errors.every((e) => TOO_OLD.test(e.message)) && parsesWithNewest(file, kind);
      for (const error of errors) {
        const location = locationAt(
          file,
          error.pos.line > 0
            ? error.pos
            : { line: error.line, column: 1, byteOffset: file.lineStarts[error.line - 1] ?? 0 },
        );
        const evidence = lineEvidence(file, error.line);
        // project/major-versions reports these on the version token, with the line to write.
        if (!tooOld && isMajorVersionParseError(error.message)) continue;
        if (tooOld) {
          findings.push({
            cause: 'go-version-too-new',
            severity: 'error',
            title: say(m.tooOldTitle, lang, { file: file.rel }),
            message: say(m.tooOld, lang, { error: error.message, release: project.release }),
            location,
            evidence,
            fixes: [{ description: say(m.upgrade, lang) }],
            docs: ['https://go.dev/doc/toolchain'],
          });
          continue;
        }
        const cause = causeOfModfileError(error.message);
        findings.push({
          // Major-version errors are project/major-versions' (above); anything else here is a version problem.
          cause: cause === 'major-version-suffix' ? 'invalid-version-syntax' : cause,
          severity: 'error',
          title: say(m.title, lang, { file: file.rel }),
          message: say(m.message, lang, { error: formatError(error), release: project.release }),
          location,
          evidence,
          fixes: [
            {
              description: say(m.edit, lang),
              command: kind === 'go.mod' ? 'go mod edit -fmt' : 'go work edit -fmt',
            },
          ],
          docs: [
            kind === 'go.mod' ? 'https://go.dev/ref/mod#go-mod-file' : 'https://go.dev/ref/mod#go-work-file',
          ],
        });
      }
    }
    return findings;
  },
});
