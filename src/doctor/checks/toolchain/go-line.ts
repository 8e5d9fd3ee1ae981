// go.mod's (or go.work's) `go` and `toolchain` lines against the local go and GOTOOLCHAIN: will
// the next go command quietly download another toolchain (slow, fails offline), or refuse to run?
// Decided from the files and settings alone; nothing is run with the project's go line.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findOnPath } from '../../../go/locate.ts';
import { parseGoProxy } from '../../../goenv/goproxy.ts';
import { parseGoToolchain, toolchainForGoLine } from '../../../goenv/gotoolchain.ts';
import { compareGoVersions, isValidGoVersion, maxGoVersion, toolchainVersion } from '../../../goenv/gover.ts';
import type { Message } from '../../../i18n/lang.ts';
import { say } from '../../../i18n/lang.ts';
import type { Position } from '../../../modfile/index.ts';
import { lineEvidence, locationAt, setSettingFixes, settingEvidence } from '../../evidence.ts';
import type { SourceFile } from '../../facts.ts';
import { defineCheck } from '../../types.ts';

const m = {
  invalidTitle: { en: 'GOTOOLCHAIN cannot be parsed', 'zh-CN': 'GOTOOLCHAIN 无法解析' },
  invalid: {
    en: ({ error }) => `Every go command stops with: ${error}`,
    'zh-CN': ({ error }) => `每个 go 命令都会报错：${error}`,
  } satisfies Message<{ error: string }>,
  useAuto: { en: 'Use the default', 'zh-CN': '使用默认值' },
  tooNewTitle: {
    en: ({ file, need }) => `${file} needs Go ${need}, newer than the local toolchain`,
    'zh-CN': ({ file, need }) => `${file} 需要 Go ${need}，比本地工具链新`,
  } satisfies Message<{ file: string; need: string }>,
  tooNewLocal: {
    en: ({ file, need, local, setting }) =>
      `The go command stops with "${file} requires go >= ${need} (running go ${local}; GOTOOLCHAIN=${setting})".`,
    'zh-CN': ({ file, need, local, setting }) =>
      `go 命令会报错 "${file} requires go >= ${need} (running go ${local}; GOTOOLCHAIN=${setting})"。`,
  } satisfies Message<{ file: string; need: string; local: string; setting: string }>,
  tooNewPath: {
    en: ({ name }) =>
      `GOTOOLCHAIN allows switching only to a toolchain found on PATH, and there is no ${name} on PATH: the go command stops.`,
    'zh-CN': ({ name }) =>
      `GOTOOLCHAIN 只允许切换到 PATH 中已有的工具链，而 PATH 中没有 ${name}：go 命令会报错退出。`,
  } satisfies Message<{ name: string }>,
  tooNewOld: {
    en: ({ local, need }) =>
      `Go ${local} predates toolchain switching (Go 1.21): it tries to build anyway and fails on newer language features or go.mod lines ("note: module requires Go ${need}"); go mod tidy refuses.`,
    'zh-CN': ({ local, need }) =>
      `Go ${local} 早于工具链切换功能（Go 1.21）：它会照常尝试构建，遇到新语言特性或 go.mod 新语法时失败（"note: module requires Go ${need}"）；go mod tidy 会拒绝执行。`,
  } satisfies Message<{ local: string; need: string }>,
  install: {
    en: 'Install a newer Go, or let the go command fetch it',
    'zh-CN': '安装更新的 Go，或允许 go 命令自动获取',
  },
  downloadTitle: {
    en: ({ name }) => `The next go command will download ${name}`,
    'zh-CN': ({ name }) => `下一个 go 命令将下载 ${name}`,
  } satisfies Message<{ name: string }>,
  download: {
    en: ({ file, name, local }) =>
      `${file} asks for ${name} and the local go is ${local}, so the go command first downloads ${name} (about 70 MB, through GOPROXY, verified with GOSUMDB). It prints little while it does, so it looks hung on slow networks, and fails offline ("toolchain not available").`,
    'zh-CN': ({ file, name, local }) =>
      `${file} 要求 ${name}，而本地 go 是 ${local}，因此 go 命令会先下载 ${name}（约 70 MB，经 GOPROXY 下载并用 GOSUMDB 校验）。下载时几乎没有输出，网络慢时看起来像卡住，离线时会失败（"toolchain not available"）。`,
  } satisfies Message<{ file: string; name: string; local: string }>,
  downloadOff: {
    en: ({ name }) =>
      `GOPROXY=off (or GOSUMDB=off) forbids the download, so the go command stops with "download ${name}: toolchain not available".`,
    'zh-CN': ({ name }) =>
      `GOPROXY=off（或 GOSUMDB=off）禁止下载，go 命令会报错 "download ${name}: toolchain not available"。`,
  } satisfies Message<{ name: string }>,
  prefetch: {
    en: 'Download it once now (or install that Go)',
    'zh-CN': '现在先下载一次（或安装该版本的 Go）',
  },
  stayLocal: {
    en: 'Or stay on the local go (the build may then fail)',
    'zh-CN': '或坚持使用本地 go（构建可能失败）',
  },
};

export default defineCheck({
  id: 'toolchain/go-line',
  area: 'toolchain',
  needs: ['go', 'goenv', 'project'],
  causes: ['go-version-too-new', 'toolchain-download', 'gotoolchain-invalid'],
  async run({ facts, lang, options }) {
    const [go, env, project] = await Promise.all([facts.go(), facts.goenv(), facts.project()]);
    const localName = go.found?.version ?? (env?.values.GOVERSION || undefined);
    if (!localName || !env) return [];
    const local = toolchainVersion(localName.split(' ')[0] ?? '') || localName.replace(/^go/, '');
    // In a workspace, go.work's lines decide; otherwise the main module's.
    const source:
      | {
          file: SourceFile;
          go?: { version: string; pos: Position };
          toolchain?: { name: string; pos: Position };
        }
      | undefined = project.workspace
      ? { file: project.workspace.file, ...project.workspace.parsed.file }
      : project.main
        ? { file: project.main.gomod, ...project.main.parsed.file }
        : undefined;
    if (!source) return [];
    const goLine = source.go?.version;
    const toolchainLine = source.toolchain?.name;
    const toolchainVer = toolchainLine ? toolchainVersion(toolchainLine) : '';
    if (!goLine || !isValidGoVersion(goLine)) return [];
    const setting = env.setting('GOTOOLCHAIN');
    const docs = ['https://go.dev/doc/toolchain'];
    const file = source.file;
    const anchor =
      source.toolchain && toolchainVer && compareGoVersions(toolchainVer, goLine) > 0
        ? source.toolchain
        : source.go!;
    const location = locationAt(file, anchor.pos);
    const evidence = [
      ...lineEvidence(file, anchor.pos.line),
      ...settingEvidence(setting, lang),
      { source: 'go version', text: localName },
    ];
    const preSwitching = compareGoVersions(local, '1.21') < 0;
    const parsed = parseGoToolchain(preSwitching ? 'local' : setting.value);
    if (!parsed.ok) {
      return [
        {
          cause: 'gotoolchain-invalid',
          severity: 'error',
          title: say(m.invalidTitle, lang),
          message: say(m.invalid, lang, { error: parsed.error }),
          evidence: settingEvidence(setting, lang),
          fixes: setSettingFixes(setting, undefined, say(m.useAuto, lang), lang),
          docs,
        },
      ];
    }
    // What the files ask for: the go line, raised by a newer toolchain line (only used when switching).
    const need = toolchainVer ? maxGoVersion(goLine, toolchainVer) : goLine;
    const needName =
      toolchainVer && compareGoVersions(toolchainVer, goLine) >= 0
        ? toolchainLine!
        : toolchainForGoLine(goLine);
    const minimum = parsed.minimumVersion;
    // GOTOOLCHAIN=goX.Y.Z (exact) always runs that one; +auto/+path raise to at least the minimum.
    let target = need;
    let targetName = needName;
    if (parsed.mode === 'exact') {
      target = minimum;
      targetName = parsed.minimum;
    } else if (minimum && compareGoVersions(minimum, need) > 0) {
      target = minimum;
      targetName = parsed.minimum;
    }
    const fileName = file.rel;
    if (preSwitching) {
      if (compareGoVersions(goLine, local) <= 0) return [];
      return [
        {
          cause: 'go-version-too-new',
          severity: 'warning',
          title: say(m.tooNewTitle, lang, { file: fileName, need: goLine }),
          message: say(m.tooNewOld, lang, { local, need: goLine }),
          location,
          evidence,
          fixes: [{ description: say(m.install, lang) }],
          docs,
        },
      ];
    }
    const tooNew = compareGoVersions(goLine, local) > 0;
    if (parsed.mode === 'local') {
      if (!tooNew) return [];
      return [
        {
          cause: 'go-version-too-new',
          severity: 'error',
          title: say(m.tooNewTitle, lang, { file: fileName, need: goLine }),
          message: say(m.tooNewLocal, lang, {
            file: fileName,
            need: goLine,
            local,
            setting: setting.value || 'local',
          }),
          location,
          evidence,
          docs,
          fixes: [
            { description: say(m.install, lang) },
            ...setSettingFixes(setting, 'auto', say(m.install, lang), lang),
          ],
        },
      ];
    }
    if (
      compareGoVersions(target, local) === 0 ||
      (parsed.mode !== 'exact' && compareGoVersions(target, local) < 0)
    )
      return [];
    if (parsed.mode === 'path') {
      if (findOnPath(targetName, options.env)) return [];
      return [
        {
          cause: 'go-version-too-new',
          severity: 'error',
          title: say(m.tooNewTitle, lang, { file: fileName, need: target }),
          message: say(m.tooNewPath, lang, { name: targetName }),
          location,
          evidence,
          fixes: [
            {
              description: say(m.install, lang),
              command: `go install golang.org/dl/${targetName}@latest && ${targetName} download`,
            },
          ],
          docs,
        },
      ];
    }
    // auto or exact: switching, by download unless the toolchain module is already in the cache.
    const goos = env.values.GOOS ?? process.platform;
    const goarch = env.values.GOARCH ?? process.arch;
    const modcache = env.values.GOMODCACHE;
    const cached =
      modcache &&
      existsSync(join(modcache, 'golang.org', `toolchain@v0.0.1-${targetName}.${goos}-${goarch}`));
    if (cached) return [];
    const proxy = parseGoProxy(env.setting('GOPROXY').value);
    const offline = !proxy.ok || proxy.entries[0]?.kind === 'off' || env.setting('GOSUMDB').value === 'off';
    return [
      {
        cause: 'toolchain-download',
        severity: offline ? 'error' : 'warning',
        title: say(m.downloadTitle, lang, { name: targetName }),
        message:
          say(m.download, lang, { file: fileName, name: targetName, local: localName }) +
          (offline ? ` ${say(m.downloadOff, lang, { name: targetName })}` : ''),
        location,
        evidence,
        docs,
        fixes: [
          { description: say(m.prefetch, lang), command: `GOTOOLCHAIN=${targetName} go version` },
          { description: say(m.stayLocal, lang), command: 'GOTOOLCHAIN=local go build ./...' },
        ],
      },
    ];
  },
});
