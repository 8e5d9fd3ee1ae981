// Is there a go, and is its installation whole? A GOROOT that points at another release, or a
// tree with parts of two releases, fails in ways that look like broken code.
import { existsSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../../../findings/finding.ts';
import { isGodebugEnvFatal } from '../../../go/godebug.ts';
import type { Message } from '../../../i18n/lang.ts';
import { say } from '../../../i18n/lang.ts';
import { defineCheck } from '../../types.ts';

const m = {
  missingTitle: { en: 'No go command found', 'zh-CN': '找不到 go 命令' },
  missing: {
    en: 'There is no go binary on PATH, so nothing can build or download modules.',
    'zh-CN': 'PATH 中没有 go 可执行文件，无法构建或下载模块。',
  },
  explicitMissing: {
    en: ({ path }) => `--go ${path} is not an executable file.`,
    'zh-CN': ({ path }) => `--go ${path} 不是可执行文件。`,
  } satisfies Message<{ path: string }>,
  skipped: {
    en: ({ list }) =>
      `A go binary inside the project was ignored and not run (${list}): a checkout must not decide which program runs as "go".`,
    'zh-CN': ({ list }) =>
      `项目目录内的 go 可执行文件已被忽略且未运行（${list}）：不能让检出的代码决定 "go" 运行哪个程序。`,
  } satisfies Message<{ list: string }>,
  install: {
    en: 'Install Go and put its bin directory on PATH',
    'zh-CN': '安装 Go 并把它的 bin 目录加入 PATH',
  },
  envFailedTitle: { en: 'go env fails', 'zh-CN': 'go env 执行失败' },
  envFailed: {
    en: ({ error }) => `The go command cannot even report its settings: ${error}`,
    'zh-CN': ({ error }) => `go 命令连自己的设置都无法输出：${error}`,
  } satisfies Message<{ error: string }>,
  gorootTitle: { en: 'GOROOT points at a different Go installation', 'zh-CN': 'GOROOT 指向了另一个 Go 安装' },
  goroot: {
    en: ({ goroot, bin }) =>
      `GOROOT=${goroot} is set, but the go on PATH is ${bin}: the go command then mixes its own tools with another release's standard library ("compile: version ... does not match go tool version ...").`,
    'zh-CN': ({ goroot, bin }) =>
      `设置了 GOROOT=${goroot}，但 PATH 中的 go 是 ${bin}：go 命令会把自己的工具和另一个版本的标准库混用（"compile: version ... does not match go tool version ..."）。`,
  } satisfies Message<{ goroot: string; bin: string }>,
  unsetGoroot: { en: 'Let the go command find its own GOROOT', 'zh-CN': '让 go 命令自己确定 GOROOT' },
  incompleteTitle: { en: 'The Go installation is incomplete', 'zh-CN': 'Go 安装不完整' },
  incomplete: {
    en: ({ goroot }) => `${goroot}/src/runtime is missing: builds fail with "package ... is not in std".`,
    'zh-CN': ({ goroot }) => `缺少 ${goroot}/src/runtime：构建会报错 "package ... is not in std"。`,
  } satisfies Message<{ goroot: string }>,
  reinstall: {
    en: 'Reinstall Go (remove the old tree first; never unpack a release over another)',
    'zh-CN': '重新安装 Go（先删除旧目录；不要把新版本解压到旧版本之上）',
  },
};

function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

export default defineCheck({
  id: 'toolchain/go-binary',
  area: 'toolchain',
  needs: ['go', 'goenv'],
  causes: ['go-not-installed', 'goroot-broken'],
  async run({ facts, lang, options }) {
    const go = await facts.go();
    const docs = ['https://go.dev/doc/install'];
    if (!go.found) {
      const message =
        go.explicitMissing !== undefined
          ? say(m.explicitMissing, lang, { path: go.explicitMissing })
          : say(m.missing, lang);
      const extra =
        go.skippedInProject.length > 0
          ? ` ${say(m.skipped, lang, { list: go.skippedInProject.join(', ') })}`
          : '';
      return [
        {
          cause: 'go-not-installed',
          severity: 'error',
          title: say(m.missingTitle, lang),
          message: message + extra,
          fixes: [{ description: say(m.install, lang) }],
          docs,
        },
      ];
    }
    const findings: Finding[] = [];
    const env = await facts.goenv();
    // A removed GODEBUG setting in the environment stops the go command of Go 1.27+ at start-up:
    // nothing is wrong with the installation, and toolchain/godebug-removed names the setting.
    if (env && !env.ok && !isGodebugEnvFatal(env.error ?? '')) {
      findings.push({
        cause: 'goroot-broken',
        severity: 'error',
        title: say(m.envFailedTitle, lang),
        message: say(m.envFailed, lang, { error: env.error ?? '' }),
        evidence: (env.error ?? '')
          .split('\n')
          .slice(0, 5)
          .map((text) => ({ source: 'go env', text })),
        fixes: [{ description: say(m.reinstall, lang) }],
        docs,
      });
    }
    const gorootEnv = options.env.GOROOT;
    if (gorootEnv && real(gorootEnv) !== real(go.found.goroot)) {
      findings.push({
        cause: 'goroot-broken',
        severity: 'warning',
        title: say(m.gorootTitle, lang),
        message: say(m.goroot, lang, { goroot: gorootEnv, bin: go.found.bin }),
        evidence: [{ source: 'environment', text: `GOROOT=${gorootEnv}` }],
        fixes: [{ description: say(m.unsetGoroot, lang), command: 'unset GOROOT' }],
        docs,
      });
    }
    const goroot = env?.values.GOROOT || go.found.goroot;
    if (!existsSync(join(goroot, 'src', 'runtime'))) {
      findings.push({
        cause: 'goroot-broken',
        severity: 'error',
        title: say(m.incompleteTitle, lang),
        message: say(m.incomplete, lang, { goroot }),
        fixes: [{ description: say(m.reinstall, lang) }],
        docs,
      });
    }
    return findings;
  },
});
