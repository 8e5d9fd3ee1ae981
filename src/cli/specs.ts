// Every command's table: its usage line, summary, options and closing notes. The parser of each
// command and `--help` both read these tables; nothing else lists an option.
import type { Lang } from '../i18n/lang.ts';
import {
  FAIL_ON_OPTION,
  FORMAT_OPTION,
  type OptionTable,
  OUTPUT_OPTIONS,
  PROJECT_OPTIONS,
} from './options.ts';

export interface CommandSpec {
  readonly name: string;
  readonly usage: string;
  readonly summary: Record<Lang, string>;
  /** The arguments that are not options, when the command takes any (shown first in help). */
  readonly positionals?: { readonly label: string; readonly help: Record<Lang, string> };
  readonly options: OptionTable;
  /** Whether the command reports findings, and so takes `--format` from the reporter registry. */
  readonly reportsFindings: boolean;
  readonly notes?: Record<Lang, string>;
}

const doctor = {
  name: 'doctor',
  usage: 'gomod-doctor [doctor] [-C DIR] [--network] [--format FORMAT] [--check ID]',
  summary: {
    en: 'run every check (environment, project files, caches, git and auth; with --network, the network paths too) and print a summary',
    'zh-CN': '运行全部检查（环境、项目文件、缓存、git 与认证；加 --network 时还检查网络路径）并输出摘要',
  },
  reportsFindings: true,
  options: {
    network: {
      type: 'boolean',
      help: {
        en: 'also show how the go command would fetch each requirement (which\nproxies, or direct by which VCS and URL; which checksum database) and\nprobe every endpoint: DNS, TCP, TLS, HTTP(S)_PROXY, HTTP, git ls-remote',
        'zh-CN':
          '同时显示 go 命令将如何获取每个依赖（经由哪些代理，或直接通过\n哪种 VCS 和 URL；使用哪个校验和数据库），并探测每个端点：\nDNS、TCP、TLS、HTTP(S)_PROXY、HTTP、git ls-remote',
      },
    },
    resolver: {
      type: 'string',
      value: 'IP[:PORT]',
      help: {
        en: "with --network: ask this DNS server instead of the system's\n(e.g. 10.0.0.53, [fd00::53]:53; useful with split-horizon DNS)",
        'zh-CN':
          '与 --network 一起使用：向此 DNS 服务器查询，而非系统的解析器\n（例如 10.0.0.53、[fd00::53]:53；适用于内外网解析不同的 DNS）',
      },
    },
    budget: {
      type: 'string',
      value: 'S',
      help: {
        en: 'with --network: all probes end within S seconds (default 10)',
        'zh-CN': '与 --network 一起使用：所有探测在 S 秒内结束（默认 10）',
      },
    },
    ...FORMAT_OPTION,
    ...FAIL_ON_OPTION,
    check: {
      type: 'string',
      value: 'ID',
      multiple: true,
      help: {
        en: 'only this check, or every check of an area such as git (repeatable;\nan unknown ID is a usage error)',
        'zh-CN': '只运行此项检查，或某个领域（如 git）的全部检查（可重复；\n未知的 ID 属于用法错误）',
      },
    },
    release: {
      type: 'boolean',
      help: {
        en: "the release gate: a local-path replace is an error, not a warning;\ngo.mod must be tidy (tidy-check's offline prediction); a module\nwith commands has no replace or exclude (go install PATH@version\nrefuses them)",
        'zh-CN':
          '发布把关：本地路径的 replace 视为错误而非警告；go.mod 必须是\n整洁的（tidy-check 的离线预测）；包含命令的模块不能有 replace\n或 exclude（go install PATH@version 会拒绝）',
      },
    },
    ...PROJECT_OPTIONS,
  },
  notes: {
    en: `With --network, JSON adds "network": {routes, probes}.
In a terminal the probes are shown live on standard error; Ctrl-C stops them,
prints what was found and exits 130.
Example: gomod-doctor doctor --network --budget 5
Exit status 1 when a finding is at error severity.`,
    'zh-CN': `加 --network 时 JSON 另含 "network": {routes, probes}。
在终端中，探测进度实时显示在标准错误上；Ctrl-C 会停止探测，
输出已得到的结果并以 130 退出。
示例：gomod-doctor doctor --network --budget 5
有 error 级别的结论时退出状态为 1。`,
  },
} as const satisfies CommandSpec;

const explain = {
  name: 'explain',
  usage: 'gomod-doctor explain [--format FORMAT] [FILE|-]',
  summary: {
    en: 'read the output of a failed go command (a file, or standard input) and name the root cause with the fix',
    'zh-CN': '读取失败的 go 命令输出（文件或标准输入），指出根本原因并给出修复方法',
  },
  reportsFindings: true,
  positionals: {
    label: 'FILE | -',
    help: {
      en: 'the transcript (CI logs with timestamps, colours and CRLF are fine);\nstandard input when omitted or "-"',
      'zh-CN': '输出记录（带时间戳、颜色和 CRLF 的 CI 日志也可以）；\n省略或为 "-" 时读取标准输入',
    },
  },
  options: {
    ...FORMAT_OPTION,
    ...FAIL_ON_OPTION,
    'no-context': {
      type: 'boolean',
      help: {
        en: 'do not read go env, go.mod and the module cache (by default they\nrefine the answer, e.g. whether GOPRIVATE already covers a module,\nor whether a checksum mismatch comes from a copy already cached)',
        'zh-CN':
          '不读取 go env、go.mod 和模块缓存（默认会读取它们来完善结论，\n例如 GOPRIVATE 是否已包含某个模块，或校验和不一致是否来自\n缓存中已有的副本）',
      },
    },
    ...PROJECT_OPTIONS,
  },
  notes: {
    en: `Example: go mod tidy 2>&1 | gomod-doctor explain
Exit status 1 when a finding is at error severity; a transcript without
error lines gives no findings and exit 0.`,
    'zh-CN': `示例：go mod tidy 2>&1 | gomod-doctor explain
有 error 级别的结论时退出状态为 1；没有错误行的记录不会产生结论，退出状态为 0。`,
  },
} as const satisfies CommandSpec;

const trace = {
  name: 'trace',
  usage: 'gomod-doctor trace [--stall S] [--timeout S] [--format FORMAT] [--no-prompt] -- go ARGS...',
  summary: {
    en: 'run a go command under watch; when it stalls or fails, say why, while it is stuck',
    'zh-CN': '在监视下运行 go 命令；当它卡住或失败时，当场说明原因',
  },
  reportsFindings: true,
  positionals: {
    label: '-- go ARGS...',
    help: {
      en: 'the go command to run, always after "--" (required)',
      'zh-CN': '要运行的 go 命令，必须写在 "--" 之后',
    },
  },
  options: {
    stall: {
      type: 'string',
      value: 'S',
      help: {
        en: 'no output for S seconds counts as a stall: inspect and diagnose (default 5)',
        'zh-CN': 'S 秒没有输出即视为停滞：检查进程并给出诊断（默认 5）',
      },
    },
    timeout: {
      type: 'string',
      value: 'S',
      help: {
        en: 'end the go command (and everything it started) after S seconds; exit 124',
        'zh-CN': 'S 秒后结束 go 命令（及其启动的所有进程）；退出状态 124',
      },
    },
    'no-prompt': {
      type: 'boolean',
      help: {
        en: 'run git with GIT_TERMINAL_PROMPT=0, GCM_INTERACTIVE=never and ssh BatchMode,\neven over your own settings, so that a would-be prompt fails fast',
        'zh-CN':
          '让 git 以 GIT_TERMINAL_PROMPT=0、GCM_INTERACTIVE=never 和 ssh BatchMode 运行，\n即使你自己设置了别的值，让本会等待输入的提示立即失败',
      },
    },
    ...FORMAT_OPTION,
    ...PROJECT_OPTIONS,
  },
  notes: {
    en: `-x is added after the subcommand when it has one. The go command's output is shown
as it comes; diagnoses and the text report go to standard error, every other format
(json: the report with its "events" timeline) to standard output.
Example: gomod-doctor trace --timeout 120 -- go mod tidy
Exit status: the go command's own; 124 when --timeout ended it; 130 on Ctrl-C.`,
    'zh-CN': `若子命令支持 -x，会在其后自动加上 -x。go 命令的输出会实时显示；
诊断和文本报告写到标准错误，其他格式（json：带 "events" 时间线的报告）写到标准输出。
示例：gomod-doctor trace --timeout 120 -- go mod tidy
退出状态：go 命令自己的退出状态；--timeout 结束它时为 124；Ctrl-C 时为 130。`,
  },
} as const satisfies CommandSpec;

const attach = {
  name: 'attach',
  usage: 'gomod-doctor attach [PID] [--json]',
  summary: {
    en: 'the same live diagnosis for a go command that is already running (no PID: every go process of this user)',
    'zh-CN': '对已在运行的 go 命令做同样的实时诊断（不给 PID：当前用户的所有 go 进程）',
  },
  reportsFindings: false,
  positionals: {
    label: 'PID',
    help: {
      en: 'the go command to inspect; without it, every go process of this user',
      'zh-CN': '要检查的 go 命令；省略时检查当前用户的所有 go 进程',
    },
  },
  options: { ...OUTPUT_OPTIONS },
  notes: {
    en: `With --json: the findings and the process tree as "events".
No -x output is available here: the evidence is the process tree, its sockets,
terminals and lock waits (Linux /proc; elsewhere what ps and lsof show).`,
    'zh-CN': `加 --json 时：输出结论，并把进程树作为 "events" 输出。
这里没有 -x 输出：证据来自进程树、套接字、终端和锁等待
（Linux 读取 /proc；其他系统使用 ps 和 lsof 能看到的信息）。`,
  },
} as const satisfies CommandSpec;

const modfile = {
  name: 'modfile',
  usage: 'gomod-doctor modfile [--json|--fmt] [--go VERSION] FILE',
  summary: {
    en: "parse a go.mod or go.work file as that Go release would (default: the local go's version, else the newest)",
    'zh-CN': '按指定 Go 版本的规则解析 go.mod 或 go.work 文件（默认：本机 go 的版本，找不到时用最新版本）',
  },
  reportsFindings: false,
  positionals: {
    label: 'FILE',
    help: { en: 'the go.mod or go.work file', 'zh-CN': 'go.mod 或 go.work 文件' },
  },
  options: {
    ...PROJECT_OPTIONS,
    json: {
      type: 'boolean',
      help: {
        en: 'print exactly what "go mod edit -json" (or "go work edit -json") prints',
        'zh-CN': '输出与 "go mod edit -json"（或 "go work edit -json"）完全相同的内容',
      },
    },
    fmt: {
      type: 'boolean',
      help: {
        en: 'print the file as "go mod edit -fmt" would write it (the file is not changed)',
        'zh-CN': '按 "go mod edit -fmt" 的写法输出文件（不修改原文件）',
      },
    },
    go: {
      type: 'string',
      value: 'VERSION',
      help: {
        en: 'parse with the rules of this Go release (1.19 ... 1.27), or of the\ngo binary at this path',
        'zh-CN': '按该 Go 版本（1.19 ... 1.27）的规则解析，或按此路径上的 go\n可执行文件的版本解析',
      },
    },
  },
  notes: {
    en: `On a file the go command would reject, prints the go command's own error lines
("go.mod:LINE: message") on standard error and exits 1.`,
    'zh-CN': `如果 go 命令会拒绝该文件，则在标准错误输出 go 命令自己的错误行
（"go.mod:行号: 消息"），退出状态为 1。`,
  },
} as const satisfies CommandSpec;

const tidyCheck = {
  name: 'tidy-check',
  usage: 'gomod-doctor tidy-check [-C DIR] [--format FORMAT] [--why MODULE]',
  summary: {
    en: 'predict, offline, what go mod tidy would add, remove and re-mark, and why',
    'zh-CN': '离线预测 go mod tidy 会添加、删除和重新标记哪些依赖，以及原因',
  },
  reportsFindings: true,
  options: {
    ...FORMAT_OPTION,
    ...FAIL_ON_OPTION,
    why: {
      type: 'string',
      value: 'MODULE',
      help: {
        en: 'instead: why MODULE is at its version (every go.mod in the module\ngraph that requires it, and at which version; the highest one wins)',
        'zh-CN':
          '改为说明 MODULE 为什么是当前版本（模块图中每个要求它的 go.mod\n及其要求的版本；最高的版本胜出）',
      },
    },
    ...PROJECT_OPTIONS,
  },
  notes: {
    en: `JSON holds the findings, plus a "tidy" object with the add/remove/re-mark lists,
the lookups tidy would make and where each would go.
-v lists everything (long lists otherwise stop after a dozen lines).
Reads only the source tree, go.mod/go.work, vendor/modules.txt and the module cache: no
network, no go command. "tidy" is true, false, or null when the answer needs modules that
are not in the module cache (run go mod download, or use vendor/). Follows the go line:
for go 1.27+, Go 1.27's require layout. Tested against go mod tidy of Go 1.19, 1.21-1.27.
Exit status: 1 only when a change is certain (or tidy would fail), so CI can gate on it.`,
    'zh-CN': `JSON 输出结论，以及 "tidy" 对象：要添加/删除/重新标记的依赖、
tidy 会发起的查询以及每个查询的去向。
-v 全部列出（否则较长的列表只显示前十几行）。
只读取源码树、go.mod/go.work、vendor/modules.txt 和模块缓存：不联网，不运行 go 命令。
"tidy" 为 true、false，或在需要模块缓存中没有的模块才能判断时为 null（请运行
go mod download，或使用 vendor/）。遵循 go 行：go 1.27 及以上按 Go 1.27 的 require 布局。
已与 Go 1.19、1.21-1.27 的 go mod tidy 对照测试。
退出状态：只有确定会修改时为 1（或 tidy 会失败），便于在 CI 中把关。`,
  },
} as const satisfies CommandSpec;

const fix = {
  name: 'fix',
  usage:
    'gomod-doctor fix [-C DIR] [--only CAUSE[,CAUSE...]] [--from FILE|-] [--json] [--apply [--yes] | --undo]',
  summary: {
    en: 'plan the repairs of what doctor (and explain, with --from) finds, with a unified diff of every file; --apply applies them with a backup, --undo takes the last apply back',
    'zh-CN':
      '为 doctor（加 --from 时还有 explain）发现的问题制定修复计划，并给出每个文件的统一 diff；--apply 执行（先备份），--undo 撤销上一次执行',
  },
  reportsFindings: false,
  options: {
    apply: {
      type: 'boolean',
      help: {
        en: 'apply the plan; in a terminal it asks once (y/N); without a terminal it\nneeds --yes (otherwise exit 2)',
        'zh-CN': '执行计划；在终端中会询问一次（y/N）；没有终端时必须加 --yes\n（否则退出状态 2）',
      },
    },
    yes: { type: 'boolean', short: 'y', help: { en: 'apply without asking', 'zh-CN': '不询问直接执行' } },
    undo: {
      type: 'boolean',
      help: {
        en: 'restore every file of the last --apply in this project, byte for byte;\nrefuses (exit 2, naming the file) when one was changed since; module\ncache entries it removed are not backed up and do not come back',
        'zh-CN':
          '逐字节恢复本项目上一次 --apply 改动的所有文件；若其中有文件\n之后被修改过则拒绝（退出状态 2，并给出文件名）；它删除的模块\n缓存条目没有备份，不会恢复',
      },
    },
    only: {
      type: 'string',
      value: 'CAUSE',
      multiple: true,
      help: {
        en: 'only the repairs of these cause ids (comma-separated or repeated)',
        'zh-CN': '只执行这些原因 id 的修复（逗号分隔或重复使用）',
      },
    },
    from: {
      type: 'string',
      value: 'FILE|-',
      help: {
        en: 'also explain this go command output (a file, or standard input) and\nrepair what it names (e.g. a damaged module in the cache)',
        'zh-CN':
          '同时解释这份 go 命令输出（文件或标准输入），并修复其中指出的\n问题（例如模块缓存中损坏的模块）',
      },
    },
    release: {
      type: 'boolean',
      help: {
        en: 'the release gate: a replace by a local directory is dropped too',
        'zh-CN': '发布把关：指向本地目录的 replace 也会被删除',
      },
    },
    all: {
      type: 'boolean',
      help: {
        en: 'with --only modcache-corrupt: remove the whole module cache, not one version',
        'zh-CN': '与 --only modcache-corrupt 一起使用：删除整个模块缓存，而不只是一个版本',
      },
    },
    ...PROJECT_OPTIONS,
    json: {
      type: 'boolean',
      help: {
        en: 'the plan: {"repairs":[{"cause","finding","kind","files":[{"path","diff"}],\n"commands"}]}',
        'zh-CN': '输出计划：{"repairs":[{"cause","finding","kind","files":[{"path","diff"}],\n"commands"}]}',
      },
    },
  },
  notes: {
    en: `Repairs: go.mod/go.work edits equal to what go mod edit writes (comments kept), go.sum lines
dropped or added from the module cache (offline), GOPRIVATE/GOPROXY/... written as go env -w
writes them (CI=true: the export lines instead), one damaged module version evicted from the
cache, and the exact sudo chown for a cache of another user (printed, never run).
Backups: $XDG_CACHE_HOME/gomod-doctor/backups/ (or ~/.cache/...), never in the project.
Project files are read as every command reads them: a FIFO, a link out of the project, a
file over 64 MB, or a go.mod/go.work with a NUL byte is refused (exit 2, nothing changed).
Exit status: 0 nothing to repair (or applied / undone), 1 a plan was printed, 2 refused.`,
    'zh-CN': `修复内容：与 go mod edit 写法完全相同的 go.mod/go.work 修改（保留注释）；删除 go.sum
的错误行或从模块缓存离线补全；按 go env -w 的写法设置 GOPRIVATE/GOPROXY 等（CI=true 时
改为输出 export 行）；从缓存中删除一个损坏的模块版本；对属于其他用户的缓存给出确切的
sudo chown 命令（只输出，从不运行）。
备份位置：$XDG_CACHE_HOME/gomod-doctor/backups/（或 ~/.cache/...），从不放在项目中。
项目文件的读取方式与其他命令相同：命名管道（FIFO）、指向项目之外的链接、超过 64 MB 的
文件，或含 NUL 字节的 go.mod/go.work 都会被拒绝（退出状态 2，不做任何修改）。
退出状态：0 没有需要修复的问题（或已执行 / 已撤销），1 输出了修复计划，2 被拒绝。`,
  },
} as const satisfies CommandSpec;

/** In the order help lists them (the contract's order). */
export const COMMAND_SPECS = {
  doctor,
  explain,
  trace,
  attach,
  modfile,
  'tidy-check': tidyCheck,
  fix,
} as const;

export type CommandName = keyof typeof COMMAND_SPECS;

export function commandSpec(name: string): CommandSpec | undefined {
  return Object.hasOwn(COMMAND_SPECS, name) ? COMMAND_SPECS[name as CommandName] : undefined;
}

/** Every option name that takes a value as the next argument, in any command (`-C`, `--format` ...). */
export function optionsWithValues(): Set<string> {
  const names = new Set<string>(['--lang']);
  for (const spec of Object.values(COMMAND_SPECS) as CommandSpec[]) {
    for (const [name, option] of Object.entries(spec.options)) {
      if (option.type !== 'string') continue;
      names.add(name.length === 1 ? `-${name}` : `--${name}`);
      if (option.short) names.add(`-${option.short}`);
    }
  }
  return names;
}
