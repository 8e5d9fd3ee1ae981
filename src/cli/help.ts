// Help and CLI messages, in both languages. The command list follows the public contract.
import type { Lang, Message } from '../i18n/lang.ts';

export const messages = {
  unknownCommand: {
    en: ({ name }) => `unknown command "${name}". Run "gomod-doctor --help" for the list.`,
    'zh-CN': ({ name }) => `未知命令“${name}”。运行 "gomod-doctor --help" 查看命令列表。`,
  } satisfies Message<{ name: string }>,
  badLang: {
    en: ({ value }) => `--lang takes en or zh-CN, not "${value}"`,
    'zh-CN': ({ value }) => `--lang 只能是 en 或 zh-CN，而不是“${value}”`,
  } satisfies Message<{ value: string }>,
  unknownOption: {
    en: ({ option }) => `unknown option ${option}`,
    'zh-CN': ({ option }) => `未知选项 ${option}`,
  } satisfies Message<{ option: string }>,
  missingValue: {
    en: ({ option }) => `option ${option} needs a value`,
    'zh-CN': ({ option }) => `选项 ${option} 需要一个值`,
  } satisfies Message<{ option: string }>,
  noValue: {
    en: ({ option }) => `option ${option} takes no value`,
    'zh-CN': ({ option }) => `选项 ${option} 不接受值`,
  } satisfies Message<{ option: string }>,
  unexpectedArgument: {
    en: ({ option }) => `unexpected argument ${option}`,
    'zh-CN': ({ option }) => `多余的参数 ${option}`,
  } satisfies Message<{ option: string }>,
  seeHelp: {
    en: ({ name }) => `Run "gomod-doctor ${name} --help" for usage.`,
    'zh-CN': ({ name }) => `运行 "gomod-doctor ${name} --help" 查看用法。`,
  } satisfies Message<{ name: string }>,
  internalError: {
    en: 'internal error (this is a bug in gomod-doctor; please report it with the text below):',
    'zh-CN': '内部错误（这是 gomod-doctor 的缺陷，请附上以下内容报告）：',
  } satisfies Message,
  readingStdin: {
    en: 'Reading the go command output from standard input (paste it, then Ctrl-D; or: go mod tidy 2>&1 | gomod-doctor explain)',
    'zh-CN':
      '正在从标准输入读取 go 命令的输出（粘贴后按 Ctrl-D；或：go mod tidy 2>&1 | gomod-doctor explain）',
  } satisfies Message,
  missingFile: {
    en: 'missing FILE argument (a go.mod or go.work file)',
    'zh-CN': '缺少 FILE 参数（go.mod 或 go.work 文件）',
  } satisfies Message,
  cannotRead: {
    en: ({ file, reason }) => `cannot read ${file}: ${reason}`,
    'zh-CN': ({ file, reason }) => `无法读取 ${file}：${reason}`,
  } satisfies Message<{ file: string; reason: string }>,
  badGoVersion: {
    en: ({ value }) => `--go wants a Go release such as 1.19, 1.24 or 1.27, not "${value}"`,
    'zh-CN': ({ value }) => `--go 需要 Go 版本号，例如 1.19、1.24 或 1.27，而不是“${value}”`,
  } satisfies Message<{ value: string }>,
  jsonAndFmt: {
    en: '--json and --fmt cannot be used together',
    'zh-CN': '--json 与 --fmt 不能同时使用',
  } satisfies Message,
  modfileOk: {
    en: ({ file, release }) => `${file}: ok (parsed as Go ${release} would)`,
    'zh-CN': ({ file, release }) => `${file}：没有问题（按 Go ${release} 的规则解析）`,
  } satisfies Message<{ file: string; release: string }>,
};

interface CommandHelp {
  usage: string;
  summary: Record<Lang, string>;
  options?: Record<Lang, string>;
}

const commandHelp: Record<string, CommandHelp> = {
  doctor: {
    usage: 'gomod-doctor [doctor] [-C DIR] [--network] [--json]',
    summary: {
      en: 'run every check (environment, project files, caches, git and auth; with --network, the network paths too) and print a summary',
      'zh-CN': '运行全部检查（环境、项目文件、缓存、git 与认证；加 --network 时还检查网络路径）并输出摘要',
    },
    options: {
      en: `  --network             also show how the go command would fetch each requirement (which
                        proxies, or direct by which VCS and URL; which checksum database) and
                        probe every endpoint: DNS, TCP, TLS, HTTP(S)_PROXY, HTTP, git ls-remote
  --resolver IP[:PORT]  with --network: ask this DNS server instead of the system's
                        (e.g. 10.0.0.53, [fd00::53]:53; useful with split-horizon DNS)
  --budget S            with --network: all probes end within S seconds (default 10)
  --format FORMAT       text (default), json, sarif or markdown (--json is --format json);
                        with --network, JSON adds "network": {routes, probes}
  --check ID            only this check (repeatable)
  --release             the release gate: a local-path replace is an error, not a warning;
                        go.mod must be tidy (tidy-check's offline prediction); a module
                        with commands has no replace or exclude (go install PATH@version
                        refuses them)

In a terminal the probes are shown live on standard error; Ctrl-C stops them,
prints what was found and exits 130.
Example: gomod-doctor doctor --network --budget 5
Exit status 1 when a finding is at error severity.`,
      'zh-CN': `  --network             同时显示 go 命令将如何获取每个依赖（经由哪些代理，或直接通过
                        哪种 VCS 和 URL；使用哪个校验和数据库），并探测每个端点：
                        DNS、TCP、TLS、HTTP(S)_PROXY、HTTP、git ls-remote
  --resolver IP[:端口]  与 --network 一起使用：向此 DNS 服务器查询，而非系统的解析器
                        （例如 10.0.0.53、[fd00::53]:53；适用于内外网解析不同的 DNS）
  --budget S            与 --network 一起使用：所有探测在 S 秒内结束（默认 10）
  --format FORMAT       text（默认）、json、sarif 或 markdown（--json 等同于 --format json）；
                        加 --network 时 JSON 另含 "network": {routes, probes}
  --check ID            只运行此项检查（可重复）
  --release             发布把关：本地路径的 replace 视为错误而非警告；go.mod 必须是
                        整洁的（tidy-check 的离线预测）；包含命令的模块不能有 replace
                        或 exclude（go install PATH@version 会拒绝）

在终端中，探测进度实时显示在标准错误上；Ctrl-C 会停止探测，
输出已得到的结果并以 130 退出。
示例：gomod-doctor doctor --network --budget 5
有 error 级别的结论时退出状态为 1。`,
    },
  },
  explain: {
    usage: 'gomod-doctor explain [FILE|-]',
    summary: {
      en: 'read the output of a failed go command (a file, or standard input) and name the root cause with the fix',
      'zh-CN': '读取失败的 go 命令输出（文件或标准输入），指出根本原因并给出修复方法',
    },
    options: {
      en: `  FILE | -              the transcript (CI logs with timestamps, colours and CRLF are fine);
                        standard input when omitted or "-"
  --format FORMAT       text (default), json or markdown (--json is --format json)
  --no-context          do not read go env, go.mod and the module cache (by default they
                        refine the answer, e.g. whether GOPRIVATE already covers a module,
                        or whether a checksum mismatch comes from a copy already cached)

Example: go mod tidy 2>&1 | gomod-doctor explain
Exit status 1 when a finding is at error severity; a transcript without
error lines gives no findings and exit 0.`,
      'zh-CN': `  FILE | -              输出记录（带时间戳、颜色和 CRLF 的 CI 日志也可以）；
                        省略或为 "-" 时读取标准输入
  --format FORMAT       text（默认）、json 或 markdown（--json 等同于 --format json）
  --no-context          不读取 go env、go.mod 和模块缓存（默认会读取它们来完善结论，
                        例如 GOPRIVATE 是否已包含某个模块，或校验和不一致是否来自
                        缓存中已有的副本）

示例：go mod tidy 2>&1 | gomod-doctor explain
有 error 级别的结论时退出状态为 1；没有错误行的记录不会产生结论，退出状态为 0。`,
    },
  },
  trace: {
    usage: 'gomod-doctor trace [--stall S] [--timeout S] [--json] [--no-prompt] -- go ARGS...',
    summary: {
      en: 'run a go command under watch; when it stalls or fails, say why, while it is stuck',
      'zh-CN': '在监视下运行 go 命令；当它卡住或失败时，当场说明原因',
    },
    options: {
      en: `  --stall S       no output for S seconds counts as a stall: inspect and diagnose (default 5)
  --timeout S     end the go command (and everything it started) after S seconds; exit 124
  --no-prompt     run git with GIT_TERMINAL_PROMPT=0, GCM_INTERACTIVE=never and ssh BatchMode,
                  even over your own settings, so that a would-be prompt fails fast
  --json          the report with its "events" timeline on standard output

-x is added after the subcommand when it has one. The go command's output is shown
as it comes; diagnoses and the final report go to standard error.
Example: gomod-doctor trace --timeout 120 -- go mod tidy
Exit status: the go command's own; 124 when --timeout ended it; 130 on Ctrl-C.`,
      'zh-CN': `  --stall S       S 秒没有输出即视为停滞：检查进程并给出诊断（默认 5）
  --timeout S     S 秒后结束 go 命令（及其启动的所有进程）；退出状态 124
  --no-prompt     让 git 以 GIT_TERMINAL_PROMPT=0、GCM_INTERACTIVE=never 和 ssh BatchMode 运行，
                  即使你自己设置了别的值，让本会等待输入的提示立即失败
  --json          在标准输出给出带 "events" 时间线的报告

若子命令支持 -x，会在其后自动加上 -x。go 命令的输出会实时显示；
诊断和最终报告写到标准错误。
示例：gomod-doctor trace --timeout 120 -- go mod tidy
退出状态：go 命令自己的退出状态；--timeout 结束它时为 124；Ctrl-C 时为 130。`,
    },
  },
  attach: {
    usage: 'gomod-doctor attach [PID] [--json]',
    summary: {
      en: 'the same live diagnosis for a go command that is already running (no PID: every go process of this user)',
      'zh-CN': '对已在运行的 go 命令做同样的实时诊断（不给 PID：当前用户的所有 go 进程）',
    },
    options: {
      en: `  PID             the go command to inspect; without it, every go process of this user
  --json          the findings and the process tree as "events"

No -x output is available here: the evidence is the process tree, its sockets,
terminals and lock waits (Linux /proc; elsewhere what ps and lsof show).`,
      'zh-CN': `  PID             要检查的 go 命令；省略时检查当前用户的所有 go 进程
  --json          输出结论，并把进程树作为 "events" 输出

这里没有 -x 输出：证据来自进程树、套接字、终端和锁等待
（Linux 读取 /proc；其他系统使用 ps 和 lsof 能看到的信息）。`,
    },
  },
  modfile: {
    usage: 'gomod-doctor modfile [--json|--fmt] [--go VERSION] FILE',
    summary: {
      en: "parse a go.mod or go.work file as that Go release would (default: the local go's version, else the newest)",
      'zh-CN': '按指定 Go 版本的规则解析 go.mod 或 go.work 文件（默认：本机 go 的版本，找不到时用最新版本）',
    },
    options: {
      en: `  --json          print exactly what "go mod edit -json" (or "go work edit -json") prints
  --fmt           print the file as "go mod edit -fmt" would write it (the file is not changed)
  --go VERSION    parse with the rules of this Go release (1.19 ... 1.27)

On a file the go command would reject, prints the go command's own error lines
("go.mod:LINE: message") on standard error and exits 1.`,
      'zh-CN': `  --json          输出与 "go mod edit -json"（或 "go work edit -json"）完全相同的内容
  --fmt           按 "go mod edit -fmt" 的写法输出文件（不修改原文件）
  --go VERSION    按该 Go 版本（1.19 ... 1.27）的规则解析

如果 go 命令会拒绝该文件，则在标准错误输出 go 命令自己的错误行
（"go.mod:行号: 消息"），退出状态为 1。`,
    },
  },
  fix: {
    usage:
      'gomod-doctor fix [-C DIR] [--only CAUSE[,CAUSE...]] [--from FILE|-] [--json] [--apply [--yes] | --undo]',
    summary: {
      en: 'plan the repairs of what doctor (and explain, with --from) finds, with a unified diff of every file; --apply applies them with a backup, --undo takes the last apply back',
      'zh-CN':
        '为 doctor（加 --from 时还有 explain）发现的问题制定修复计划，并给出每个文件的统一 diff；--apply 执行（先备份），--undo 撤销上一次执行',
    },
    options: {
      en: `  --apply         apply the plan; in a terminal it asks once (y/N); without a terminal it
                  needs --yes (otherwise exit 2)
  -y, --yes       apply without asking
  --undo          restore every file of the last --apply in this project, byte for byte;
                  refuses (exit 2, naming the file) when one was changed since
  --only CAUSE    only the repairs of these cause ids (comma-separated or repeated)
  --from FILE|-   also explain this go command output (a file, or standard input) and
                  repair what it names (e.g. a damaged module in the cache)
  --release       the release gate: a replace by a local directory is dropped too
  --all           with --only modcache-corrupt: remove the whole module cache, not one version
  --json          the plan: {"repairs":[{"cause","finding","kind","files":[{"path","diff"}],
                  "commands"}]}

Repairs: go.mod/go.work edits equal to what go mod edit writes (comments kept), go.sum lines
dropped or added from the module cache (offline), GOPRIVATE/GOPROXY/... written as go env -w
writes them (CI=true: the export lines instead), one damaged module version evicted from the
cache, and the exact sudo chown for a cache of another user (printed, never run).
Backups: $XDG_CACHE_HOME/gomod-doctor/backups/ (or ~/.cache/...), never in the project.
Exit status: 0 nothing to repair (or applied / undone), 1 a plan was printed, 2 refused.`,
      'zh-CN': `  --apply         执行计划；在终端中会询问一次（y/N）；没有终端时必须加 --yes
                  （否则退出状态 2）
  -y, --yes       不询问直接执行
  --undo          逐字节恢复本项目上一次 --apply 改动的所有文件；若其中有文件
                  之后被修改过则拒绝（退出状态 2，并给出文件名）
  --only CAUSE    只执行这些原因 id 的修复（逗号分隔或重复使用）
  --from FILE|-   同时解释这份 go 命令输出（文件或标准输入），并修复其中指出的
                  问题（例如模块缓存中损坏的模块）
  --release       发布把关：指向本地目录的 replace 也会被删除
  --all           与 --only modcache-corrupt 一起使用：删除整个模块缓存，而不只是一个版本
  --json          输出计划：{"repairs":[{"cause","finding","kind","files":[{"path","diff"}],
                  "commands"}]}

修复内容：与 go mod edit 写法完全相同的 go.mod/go.work 修改（保留注释）；删除 go.sum
的错误行或从模块缓存离线补全；按 go env -w 的写法设置 GOPRIVATE/GOPROXY 等（CI=true 时
改为输出 export 行）；从缓存中删除一个损坏的模块版本；对属于其他用户的缓存给出确切的
sudo chown 命令（只输出，从不运行）。
备份位置：$XDG_CACHE_HOME/gomod-doctor/backups/（或 ~/.cache/...），从不放在项目中。
退出状态：0 没有需要修复的问题（或已执行 / 已撤销），1 输出了修复计划，2 被拒绝。`,
    },
  },
  'tidy-check': {
    usage: 'gomod-doctor tidy-check [-C DIR] [--json] [--why MODULE]',
    summary: {
      en: 'predict, offline, what go mod tidy would add, remove and re-mark, and why',
      'zh-CN': '离线预测 go mod tidy 会添加、删除和重新标记哪些依赖，以及原因',
    },
    options: {
      en: `  -C DIR          the module (or workspace) to check (default: the current directory)
  --json          the findings, plus a "tidy" object with the add/remove/re-mark lists,
                  the lookups tidy would make and where each would go
  --why MODULE    instead: why MODULE is at its version (every go.mod in the module
                  graph that requires it, and at which version; the highest one wins)

Reads only the source tree, go.mod/go.work and the module cache: no network, no go command.
Exit status: 1 when go.mod is not tidy (or tidy would fail), so CI can gate on it.`,
      'zh-CN': `  -C DIR          要检查的模块（或工作区）（默认：当前目录）
  --json          输出结论，以及 "tidy" 对象：要添加/删除/重新标记的依赖、
                  tidy 会发起的查询以及每个查询的去向
  --why MODULE    改为说明 MODULE 为什么是当前版本（模块图中每个要求它的 go.mod
                  及其要求的版本；最高的版本胜出）

只读取源码树、go.mod/go.work 和模块缓存：不联网，不运行 go 命令。
退出状态：go.mod 不整洁（或 tidy 会失败）时为 1，便于在 CI 中把关。`,
    },
  },
};

const common: Record<Lang, string> = {
  en: `Common options:
  -C DIR          run as if started in DIR
  --go PATH       the go binary to use (default: go on PATH)
  --json          machine-readable output (one JSON document on standard output)
  --lang LANG     en or zh-CN (default from LC_ALL / LC_MESSAGES / LANG)
  --no-color      no colours (NO_COLOR is honoured too)
  -q, --quiet     less output
  -v, --verbose   more output
  -h, --help      this help
  --version       print the version

Go releases: go.mod and go.work are read as Go 1.19 to 1.27 read them; tested
against the real go command of Go 1.19 and 1.21-1.27.

Exit status: 0 nothing at error severity, 1 at least one error finding,
2 usage error / unreadable input / internal failure, 124 trace --timeout ended the go command.`,
  'zh-CN': `通用选项：
  -C DIR          如同在 DIR 目录中启动
  --go PATH       使用的 go 可执行文件（默认：PATH 中的 go）
  --json          机器可读输出（标准输出上的一个 JSON 文档）
  --lang LANG     en 或 zh-CN（默认取自 LC_ALL / LC_MESSAGES / LANG）
  --no-color      不使用颜色（也遵循 NO_COLOR）
  -q, --quiet     减少输出
  -v, --verbose   更多输出
  -h, --help      显示帮助
  --version       显示版本

Go 版本：按 Go 1.19 至 1.27 的规则读取 go.mod 和 go.work；已针对 Go 1.19 和
1.21-1.27 的真实 go 命令测试。

退出状态：0 没有 error 级别的问题，1 至少一个 error 级别的问题，
2 用法错误 / 输入无法读取 / 内部错误，124 trace --timeout 终止了 go 命令。`,
};

const intro: Record<Lang, string> = {
  en: 'gomod-doctor: why go mod tidy (go get, go build, go mod download) hangs or fails, and what to type to fix it.',
  'zh-CN':
    'gomod-doctor：找出 go mod tidy（go get、go build、go mod download）卡住或失败的原因，并告诉你如何修复。',
};

export function helpText(lang: Lang, command?: string): string {
  const one = command ? commandHelp[command] : undefined;
  if (one) {
    const lines = [`${lang === 'en' ? 'Usage' : '用法'}: ${one.usage}`, '', one.summary[lang]];
    if (one.options) lines.push('', one.options[lang]);
    lines.push('', common[lang], '');
    return lines.join('\n');
  }
  const lines = [intro[lang], '', `${lang === 'en' ? 'Commands' : '命令'}:`];
  for (const help of Object.values(commandHelp)) lines.push(`  ${help.usage}`, `      ${help.summary[lang]}`);
  lines.push('', common[lang], '');
  return lines.join('\n');
}
