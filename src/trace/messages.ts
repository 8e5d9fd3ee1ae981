// Words for trace and attach, in English and Simplified Chinese: the one-line live diagnosis, its
// evidence lines, and the finding it becomes at the end (ranked with what explain finds).
import type { Finding, Fix } from '../findings/finding.ts';
import type { Lang, Message } from '../i18n/lang.ts';
import { say } from '../i18n/lang.ts';
import type { Diagnosis, EvidenceItem } from './diagnose.ts';
import type { Operation } from './xparse.ts';

const seconds = (value: number): string => `${value < 10 ? value.toFixed(1) : Math.round(value)} s`;

export function operationText(op: Operation): string {
  switch (op.kind) {
    case 'http':
      return `GET ${op.url ?? ''}`;
    case 'vcs':
      return op.command ?? 'git';
    case 'download':
      return `download ${op.module ?? ''} ${op.version ?? ''}`.trim();
    case 'toolchain':
      return `toolchain ${op.version ?? ''}`.trim();
    case 'query':
      return `finding module for ${op.package ?? ''}`;
  }
}

const text = {
  stuck: {
    en: ({ time, what }) => `stuck ${time}: ${what}`,
    'zh-CN': ({ time, what }) => `已卡住 ${time}：${what}`,
  } satisfies Message<{ time: string; what: string }>,
  slow: {
    en: ({ time, what }) => `slow, still progressing (${time} without output): ${what}`,
    'zh-CN': ({ time, what }) => `较慢，但仍在进行（${time} 没有输出）：${what}`,
  } satisfies Message<{ time: string; what: string }>,
  nothingVisible: { en: 'no operation visible', 'zh-CN': '看不到正在进行的操作' } satisfies Message,
  running: {
    en: ({ time }) => `(running ${time})`,
    'zh-CN': ({ time }) => `（已运行 ${time}）`,
  } satisfies Message<{ time: string }>,
  checksum: { en: 'checksum database', 'zh-CN': '校验和数据库' } satisfies Message,
};

function bytes(n: number): string {
  return n < 1024
    ? `${n} B`
    : n < 1024 * 1024
      ? `${(n / 1024).toFixed(1)} KiB`
      : `${(n / 1048576).toFixed(1)} MiB`;
}

function evidenceText(item: EvidenceItem, lang: Lang): string {
  const zh = lang === 'zh-CN';
  switch (item.kind) {
    case 'socket': {
      const where = item.viaProxy
        ? zh
          ? `${item.remote}（HTTP(S)_PROXY）`
          : `${item.remote} (the HTTP(S)_PROXY)`
        : item.remote;
      switch (item.condition) {
        case 'connecting':
          return zh
            ? `${item.process}（pid ${item.pid}）连接 ${where} 停在 SYN_SENT：对方没有回应握手（防火墙丢包或监听队列已满）`
            : `${item.process} (pid ${item.pid}) connecting to ${where}: SYN_SENT, no answer to the handshake (packets dropped, or a full listen queue)`;
        case 'nothing-received':
          return zh
            ? `TCP 已连接到 ${where}，已发送 ${bytes(item.bytesSent ?? 0)}，一个字节也没有收到`
            : `TCP connected to ${where}, ${bytes(item.bytesSent ?? 0)} sent (request or TLS hello), nothing received`;
        case 'awaiting-answer':
          return zh
            ? `TCP 已连接到 ${where}，请求已发送，没有回应${item.quietSeconds !== undefined ? `（${seconds(item.quietSeconds)} 未收到数据）` : ''}`
            : `TCP connected to ${where}, request sent, no answer${item.quietSeconds !== undefined ? ` (nothing received for ${seconds(item.quietSeconds)})` : ''}`;
        case 'receiving':
          return zh ? `从 ${where} 接收数据中` : `receiving data from ${where}`;
        case 'quiet':
          return zh
            ? `TCP 已连接到 ${where}，没有数据往来（无法读取字节计数时，未回答的请求看起来就是这样）`
            : `TCP connected to ${where}, no data moving (without byte counters an unanswered request looks like this)`;
      }
      break;
    }
    case 'dns-wait':
      return zh
        ? `${item.process}（pid ${item.pid}）正在等待 DNS 服务器 ${item.resolver} 的回答`
        : `${item.process} (pid ${item.pid}) waits for the DNS server ${item.resolver}`;
    case 'lock-wait': {
      const holder =
        item.holderPid !== undefined
          ? zh
            ? `，持有者 pid ${item.holderPid}：${(item.holderArgv ?? []).join(' ')}`
            : `, held by pid ${item.holderPid}: ${(item.holderArgv ?? []).join(' ')}`
          : '';
      return zh
        ? `pid ${item.waiterPid} 在等待文件锁 ${item.file ?? '（未知文件）'}${holder}`
        : `pid ${item.waiterPid} waits for the lock on ${item.file ?? '(file not seen)'}${holder}`;
    }
    case 'terminal-read':
      return zh
        ? `pid ${item.pid}（${item.argv.join(' ')}）正在从终端 ${item.terminal} 读取输入`
        : `pid ${item.pid} (${item.argv.join(' ')}) is reading from the terminal ${item.terminal}`;
    case 'credential-helper':
      return zh
        ? `凭据助手 pid ${item.pid} 仍在运行且没有进展：${item.argv.join(' ')}`
        : `credential helper pid ${item.pid} still running, no progress: ${item.argv.join(' ')}`;
    case 'ssh':
      return zh
        ? `ssh pid ${item.pid} 仍在运行，没有网络进展（在等待口令或主机密钥确认）：${item.argv.join(' ')}`
        : `ssh pid ${item.pid} still running with no network progress (waiting for a passphrase or a host-key answer): ${item.argv.join(' ')}`;
    case 'vcs-process':
      return zh
        ? `pid ${item.pid}（状态 ${item.state}）：${item.argv.join(' ')}`
        : `pid ${item.pid} (state ${item.state}): ${item.argv.join(' ')}`;
    case 'progress':
      return zh
        ? `${item.process}（pid ${item.pid}）仍在读取数据：约 ${bytes(item.bytesPerSecond)}/s`
        : `${item.process} (pid ${item.pid}) is still reading data: about ${bytes(item.bytesPerSecond)}/s`;
    case 'override':
      return zh
        ? `你的环境设置了 ${item.variable}=${item.value}，覆盖了 go 命令为 git 设置的非交互默认值`
        : `your environment sets ${item.variable}=${item.value}, which replaces the non-interactive default the go command gives git`;
    case 'busy':
      return zh
        ? `${item.process}（pid ${item.pid}）在运行，没有等待网络`
        : `${item.process} (pid ${item.pid}) is running, not waiting on the network`;
    case 'blind':
      return zh
        ? `此系统上无法看到：${item.what.join('；')}`
        : `cannot be seen on this system: ${item.what.join('; ')}`;
  }
  return '';
}

/** The first line of a live diagnosis: `stuck 12 s: GET URL — evidence (cause)`. */
export function diagnosisHeadline(diagnosis: Diagnosis, lang: Lang): string {
  const op = diagnosis.operation;
  let what = op ? operationText(op) : (diagnosis.subject ?? say(text.nothingVisible, lang));
  if (diagnosis.checksumDatabase) what += ` [${say(text.checksum, lang)}]`;
  const main = diagnosis.evidence.find((e) => e.kind !== 'blind' && e.kind !== 'override');
  const detail = main ? ` — ${evidenceText(main, lang)}` : '';
  const time = seconds(diagnosis.operationSeconds ?? diagnosis.stalledSeconds);
  const message = diagnosis.stuck ? text.stuck : text.slow;
  return `${say(message, lang, { time, what })}${detail} (${diagnosis.cause})`;
}

/** Every evidence line after the headline's. */
export function diagnosisDetails(diagnosis: Diagnosis, lang: Lang): string[] {
  const main = diagnosis.evidence.find((e) => e.kind !== 'blind' && e.kind !== 'override');
  return diagnosis.evidence.filter((e) => e !== main).map((e) => evidenceText(e, lang));
}

const TITLES: Record<string, Message> = {
  'proxy-stall': { en: 'A request got no answer', 'zh-CN': '请求一直没有得到回应' },
  'connect-timeout': { en: 'A TCP connection never completes', 'zh-CN': 'TCP 连接一直无法建立' },
  'tls-handshake-timeout': { en: 'The TLS handshake never completes', 'zh-CN': 'TLS 握手一直无法完成' },
  'dns-failure': { en: 'Waiting for a DNS answer', 'zh-CN': '在等待 DNS 回答' },
  'sumdb-unreachable': { en: 'The checksum database cannot be reached', 'zh-CN': '无法连接校验和数据库' },
  'credential-helper-hang': {
    en: 'A git credential prompt waits for a person',
    'zh-CN': 'git 凭据提示在等人输入',
  },
  'ssh-prompt-hang': {
    en: 'ssh waits for a passphrase or a host-key answer',
    'zh-CN': 'ssh 在等待口令或主机密钥确认',
  },
  'cache-lock-wait': {
    en: 'Waiting for a module-cache lock held by another process',
    'zh-CN': '在等待另一个进程持有的模块缓存锁',
  },
  'toolchain-download': {
    en: 'A Go toolchain download is in progress or stuck',
    'zh-CN': 'Go 工具链下载中或已卡住',
  },
  'goproxy-direct-slow': {
    en: 'A direct VCS fetch is slow (but progressing)',
    'zh-CN': '直接从版本库获取很慢（但仍在进行）',
  },
  unknown: {
    en: 'The go command was stalled; the cause is not certain',
    'zh-CN': 'go 命令停滞，原因无法确定',
  },
};

const SLOW_TITLE: Message = { en: 'Slow, but progressing', 'zh-CN': '较慢，但仍在进行' };

function fixesFor(diagnosis: Diagnosis, lang: Lang): Fix[] {
  const zh = lang === 'zh-CN';
  const url = diagnosis.operation?.url;
  const fixes: Fix[] = [];
  if (diagnosis.override) {
    fixes.push({
      description: zh
        ? `取消 ${diagnosis.override.variable}，或用 --no-prompt 运行，让挂起变成可解释的错误`
        : `Unset ${diagnosis.override.variable}, or run with --no-prompt so that the hang becomes an error that can be explained`,
      command: `unset ${diagnosis.override.variable}`,
    });
  }
  switch (diagnosis.cause) {
    case 'proxy-stall':
    case 'tls-handshake-timeout':
    case 'connect-timeout':
      if (url)
        fixes.push({
          description: zh ? '检查该服务器是否有响应' : 'Check whether that server answers at all',
          command: `curl -sS -m 10 -o /dev/null -w '%{http_code} %{time_total}s\\n' '${url}'`,
        });
      fixes.push({
        description: zh
          ? '出现任何错误时回退到下一个代理（用 | 分隔）'
          : 'Fall through to the next proxy on any error (separate entries with |)',
        command: 'go env -w GOPROXY="https://proxy.golang.org|direct"',
      });
      break;
    case 'dns-failure':
      fixes.push({
        description: zh ? '检查域名解析' : 'Check name resolution',
        command: 'getent hosts proxy.golang.org',
      });
      break;
    case 'cache-lock-wait': {
      const lock = diagnosis.evidence.find((e) => e.kind === 'lock-wait');
      if (lock && lock.kind === 'lock-wait' && lock.holderPid !== undefined)
        fixes.push({
          description: zh ? '等待持有者结束，或结束它' : 'Let the holder finish, or end it',
          command: `kill ${lock.holderPid}`,
        });
      break;
    }
    case 'credential-helper-hang':
      fixes.push({
        description: zh ? '不让 git 交互式询问凭据' : 'Keep git from asking interactively',
        command: 'GIT_TERMINAL_PROMPT=0 GCM_INTERACTIVE=never go mod download -x',
      });
      break;
    case 'ssh-prompt-hang':
      fixes.push({
        description: zh
          ? '把密钥加入 ssh-agent，并让 ssh 以批处理模式运行'
          : 'Load the key into ssh-agent, and run ssh in batch mode',
        command: 'ssh-add && export GIT_SSH_COMMAND="ssh -o ControlMaster=no -o BatchMode=yes"',
      });
      break;
    case 'toolchain-download':
      fixes.push({
        description: zh ? '使用本地工具链，不自动下载' : 'Use the local toolchain instead of downloading one',
        command: 'GOTOOLCHAIN=local go mod download',
      });
      break;
    case 'goproxy-direct-slow':
      fixes.push({
        description: zh ? '通过模块代理获取公共模块' : 'Fetch public modules through a module proxy',
        command: 'go env -w GOPROXY=https://proxy.golang.org,direct',
      });
      break;
  }
  return fixes;
}

/** The live diagnosis as a finding, to rank with what explain says about the output. */
export function diagnosisFinding(diagnosis: Diagnosis, lang: Lang): Finding {
  const title = diagnosis.stuck ? (TITLES[diagnosis.cause] ?? TITLES.unknown!) : SLOW_TITLE;
  const finding: Finding = {
    cause: diagnosis.cause,
    severity: diagnosis.stuck ? (diagnosis.cause === 'unknown' ? 'warning' : 'error') : 'warning',
    title: say(title, lang),
    message: diagnosisHeadline(diagnosis, lang),
    evidence: diagnosis.evidence
      .filter((e) => e.kind !== 'blind')
      .map((e) => ({ source: 'process', text: evidenceText(e, lang) })),
  };
  const fixes = fixesFor(diagnosis, lang);
  if (fixes.length > 0) finding.fixes = fixes;
  if (diagnosis.operation?.module) finding.module = diagnosis.operation.module;
  if (diagnosis.operation?.version && diagnosis.operation.kind !== 'toolchain')
    finding.version = diagnosis.operation.version;
  return finding;
}

export const traceMessages = {
  usage: {
    en: 'trace wants the go command after "--", e.g. gomod-doctor trace -- go mod tidy',
    'zh-CN': 'trace 需要在 "--" 之后给出 go 命令，例如 gomod-doctor trace -- go mod tidy',
  } satisfies Message,
  badSeconds: {
    en: ({ name, value }) => `--${name} wants a number of seconds, not "${value}"`,
    'zh-CN': ({ name, value }) => `--${name} 需要秒数，而不是“${value}”`,
  } satisfies Message<{ name: string; value: string }>,
  cannotStart: {
    en: ({ command, reason }) => `cannot start ${command}: ${reason}`,
    'zh-CN': ({ command, reason }) => `无法启动 ${command}：${reason}`,
  } satisfies Message<{ command: string; reason: string }>,
  notOnPath: {
    en: 'not found on an absolute PATH entry outside the project (a go in the checkout, or found through "." or an empty PATH entry, is never run)',
    'zh-CN':
      '在项目之外的绝对 PATH 条目中找不到（项目目录中的、或经由 "." 或空 PATH 条目找到的 go 永远不会运行）',
  } satisfies Message,
  timedOut: {
    en: ({ time }) => `--timeout: ended the go command after ${time}`,
    'zh-CN': ({ time }) => `--timeout：${time} 后结束了 go 命令`,
  } satisfies Message<{ time: string }>,
  interrupted: {
    en: 'interrupted: ended the go command and everything it started',
    'zh-CN': '已中断：结束了 go 命令及其启动的所有进程',
  } satisfies Message,
  healthy: {
    en: ({ time, count }) => `healthy: finished in ${time}, ${count} requests and VCS commands, no stall`,
    'zh-CN': ({ time, count }) => `正常：用时 ${time}，${count} 个请求和 VCS 命令，没有停滞`,
  } satisfies Message<{ time: string; count: number }>,
  timeline: { en: 'Timeline (slowest first):', 'zh-CN': '时间线（最慢的在前）：' } satisfies Message,
  hosts: { en: 'Per host:', 'zh-CN': '按主机：' } satisfies Message,
  unfinished: { en: 'unfinished', 'zh-CN': '未完成' } satisfies Message,
  more: {
    en: ({ count }) => `… ${count} more`,
    'zh-CN': ({ count }) => `…… 另有 ${count} 项`,
  } satisfies Message<{ count: number }>,
  hostLine: {
    en: ({ host, count, total, slowest }) =>
      `${host}: ${count} operations, ${total} total, slowest ${slowest}`,
    'zh-CN': ({ host, count, total, slowest }) => `${host}：${count} 个操作，共 ${total}，最慢 ${slowest}`,
  } satisfies Message<{ host: string; count: number; total: string; slowest: string }>,
  noXFlag: {
    en: ({ sub }) =>
      `note: "go ${sub}" has no -x flag in this Go release: the diagnosis relies on the process tree alone`,
    'zh-CN': ({ sub }) => `注意：此 Go 版本的 "go ${sub}" 没有 -x 参数：诊断只依据进程树`,
  } satisfies Message<{ sub: string }>,
  attachNone: {
    en: 'no running go command of this user',
    'zh-CN': '当前用户没有正在运行的 go 命令',
  } satisfies Message,
  attachGone: {
    en: ({ pid }) => `no process ${pid}`,
    'zh-CN': ({ pid }) => `没有进程 ${pid}`,
  } satisfies Message<{ pid: string }>,
  attachHeader: {
    en: ({ pid, command }) => `pid ${pid}: ${command}`,
    'zh-CN': ({ pid, command }) => `pid ${pid}：${command}`,
  } satisfies Message<{ pid: string; command: string }>,
  notLinux: {
    en: ({ what }) => `this system has no /proc: ${what} cannot be seen`,
    'zh-CN': ({ what }) => `此系统没有 /proc：无法看到 ${what}`,
  } satisfies Message<{ what: string }>,
};
