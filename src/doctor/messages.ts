// Texts of the doctor itself (not of one check): area names, the runner's own findings, the
// summary lines. Every text exists in English and Simplified Chinese.
import type { Message } from '../i18n/lang.ts';
import type { Area } from './types.ts';

export const areaName: Record<Area, Message> = {
  toolchain: { en: 'Go toolchain', 'zh-CN': 'Go 工具链' },
  settings: { en: 'Module settings', 'zh-CN': '模块相关设置' },
  project: { en: 'Project files', 'zh-CN': '项目文件' },
  caches: { en: 'Caches and disk', 'zh-CN': '缓存与磁盘' },
  git: { en: 'Git and credentials', 'zh-CN': 'Git 与凭据' },
  network: { en: 'Network', 'zh-CN': '网络' },
};

export const messages = {
  checkCrashed: {
    en: ({ id }) => `Check ${id} failed`,
    'zh-CN': ({ id }) => `检查 ${id} 出错`,
  } satisfies Message<{ id: string }>,
  checkCrashedMessage: {
    en: ({ id, error }) =>
      `The check ${id} stopped with an error (a bug in gomod-doctor); the other checks ran. ${error}`,
    'zh-CN': ({ id, error }) => `检查 ${id} 因错误中止（gomod-doctor 的缺陷），其他检查照常完成。${error}`,
  } satisfies Message<{ id: string; error: string }>,
  checkTimedOut: {
    en: ({ id }) => `Check ${id} did not finish`,
    'zh-CN': ({ id }) => `检查 ${id} 未能完成`,
  } satisfies Message<{ id: string }>,
  checkTimedOutMessage: {
    en: ({ id, seconds }) =>
      `The check ${id} took longer than ${seconds} s and was given up; the other checks ran.`,
    'zh-CN': ({ id, seconds }) => `检查 ${id} 超过 ${seconds} 秒未完成，已放弃；其他检查照常完成。`,
  } satisfies Message<{ id: string; seconds: number }>,
  issuesFound: {
    en: ({ n }) => `Doctor found issues in ${n} area${n === 1 ? '' : 's'}.`,
    'zh-CN': ({ n }) => `doctor 在 ${n} 个方面发现了问题。`,
  } satisfies Message<{ n: number }>,
  noIssues: { en: 'No issues found!', 'zh-CN': '没有发现问题！' } satisfies Message,
  moreWithVerbose: {
    en: ({ n }) => `${n} more note${n === 1 ? '' : 's'}: run with -v to see ${n === 1 ? 'it' : 'them'}.`,
    'zh-CN': ({ n }) => `另有 ${n} 条提示：加 -v 查看。`,
  } satisfies Message<{ n: number }>,
  // Summary lines when an area has nothing to report.
  goFound: {
    en: ({ version, path }) => `${version} at ${path}`,
    'zh-CN': ({ version, path }) => `${version}，位于 ${path}`,
  } satisfies Message<{ version: string; path: string }>,
  goMissing: { en: 'no go binary found', 'zh-CN': '未找到 go 可执行文件' } satisfies Message,
  settingsLine: {
    en: ({ proxy, sumdb }) => `GOPROXY=${proxy}, GOSUMDB=${sumdb}`,
    'zh-CN': ({ proxy, sumdb }) => `GOPROXY=${proxy}，GOSUMDB=${sumdb}`,
  } satisfies Message<{ proxy: string; sumdb: string }>,
  settingsUnknown: { en: 'go env could not be read', 'zh-CN': '无法读取 go env' } satisfies Message,
  projectLine: {
    en: ({ module, requires }) => `module ${module}, ${requires} requirement${requires === 1 ? '' : 's'}`,
    'zh-CN': ({ module, requires }) => `模块 ${module}，${requires} 个依赖`,
  } satisfies Message<{ module: string; requires: number }>,
  workspaceLine: {
    en: ({ uses }) => `workspace of ${uses} module${uses === 1 ? '' : 's'}`,
    'zh-CN': ({ uses }) => `包含 ${uses} 个模块的工作区`,
  } satisfies Message<{ uses: number }>,
  noProject: { en: 'no go.mod here or above', 'zh-CN': '当前目录及上级目录中没有 go.mod' } satisfies Message,
  cachesLine: {
    en: ({ modcache }) => `module cache ${modcache}`,
    'zh-CN': ({ modcache }) => `模块缓存 ${modcache}`,
  } satisfies Message<{ modcache: string }>,
  cachesSizedLine: {
    en: ({ modcache, modSize, buildSize }) =>
      `module cache ${modcache} (${modSize})${buildSize ? `, build cache ${buildSize}` : ''}`,
    'zh-CN': ({ modcache, modSize, buildSize }) =>
      `模块缓存 ${modcache}（${modSize}）${buildSize ? `，构建缓存 ${buildSize}` : ''}`,
  } satisfies Message<{ modcache: string; modSize: string; buildSize: string }>,
  cacheEmpty: { en: 'empty', 'zh-CN': '空' } satisfies Message,
  gitLine: {
    en: ({ version }) => `git ${version}`,
    'zh-CN': ({ version }) => `git ${version}`,
  } satisfies Message<{ version: string }>,
  gitMissing: { en: 'git not found', 'zh-CN': '未找到 git' } satisfies Message,
  // The network area (--network).
  networkLine: {
    en: ({ endpoints, probes, time }) =>
      `${endpoints} endpoint${endpoints === 1 ? '' : 's'} answered, ${probes} probe${probes === 1 ? '' : 's'} in ${time}`,
    'zh-CN': ({ endpoints, probes, time }) => `${endpoints} 个端点均有应答，${probes} 项探测，用时 ${time}`,
  } satisfies Message<{ endpoints: number; probes: number; time: string }>,
  networkNothing: {
    en: 'nothing to reach: no requirement is fetched over the network',
    'zh-CN': '无需联网：没有需要通过网络获取的依赖',
  } satisfies Message,
  networkNotRun: {
    en: 'not checked (run with --network)',
    'zh-CN': '未检查（加 --network 运行）',
  } satisfies Message,
  networkInterrupted: {
    en: ({ time }) => `interrupted after ${time} (Ctrl-C): the results are partial`,
    'zh-CN': ({ time }) => `${time}后被中断（Ctrl-C）：结果不完整`,
  } satisfies Message<{ time: string }>,
  networkBudget: {
    en: ({ seconds }) =>
      `The network checks stopped at their ${seconds} s budget; probes still waiting then count as timed out (--budget S gives them longer).`,
    'zh-CN': ({ seconds }) =>
      `网络检查在 ${seconds} 秒的时限处停止；届时仍在等待的探测按超时计（用 --budget S 放宽时限）。`,
  } satisfies Message<{ seconds: string }>,
  networkCrashed: {
    en: 'The network checks failed',
    'zh-CN': '网络检查出错',
  } satisfies Message,
  networkCrashedMessage: {
    en: ({ error }) =>
      `The network checks stopped with an error (a bug in gomod-doctor); the other checks ran. ${error}`,
    'zh-CN': ({ error }) => `网络检查因错误中止（gomod-doctor 的缺陷），其他检查照常完成。${error}`,
  } satisfies Message<{ error: string }>,
  routesHeading: { en: 'Routes:', 'zh-CN': '获取路径：' } satisfies Message,
  probesHeading: { en: 'Probes:', 'zh-CN': '探测：' } satisfies Message,
  skippedDirect: {
    en: ({ n }) => `${n} more direct repositor${n === 1 ? 'y was' : 'ies were'} not probed.`,
    'zh-CN': ({ n }) => `另有 ${n} 个直连仓库未探测。`,
  } satisfies Message<{ n: number }>,
  // SARIF and terminal words.
  crashed: { en: 'check failed', 'zh-CN': '检查出错' } satisfies Message,
} as const;
