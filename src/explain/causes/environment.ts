// Environment causes: GOFLAGS, the go installation itself, settings that do not reach the process.
import { docs, goprivateFixes, setGoVariable } from '../fixes.ts';
import type { CauseRule } from '../types.ts';
import { mod, pat, quoted } from './helpers.ts';

export const environmentRules: CauseRule[] = [
  {
    cause: 'gotoolchain-invalid',
    severity: 'error',
    rank: 2,
    patterns: [
      pat(
        'invalid-gotoolchain',
        'invalid GOTOOLCHAIN',
        /invalid GOTOOLCHAIN "(?<detail>[^"\n]{0,200})"/,
        'toolchain/select.go (1.21+)',
      ),
      pat(
        'language-not-toolchain',
        'is a language version but not a toolchain version',
        /invalid toolchain: (?<detail>go[0-9.]{1,20}) is a language version but not a toolchain version/,
        'toolchain/select.go (1.21+)',
      ),
    ],
    title: {
      en: 'GOTOOLCHAIN holds a value the go command rejects',
      'zh-CN': 'GOTOOLCHAIN 的值不被 go 命令接受',
    },
    message: {
      en: (s) =>
        `GOTOOLCHAIN${s.detail ? ` ("${String(s.detail)}")` : ''} is not local, auto, path, or a toolchain name such as go1.23.4 (optionally with +auto or +path), so every go command stops before it starts.`,
      'zh-CN': (s) =>
        `GOTOOLCHAIN${s.detail ? `（"${String(s.detail)}"）` : ''} 不是 local、auto、path，也不是 go1.23.4 这样的工具链名称（可带 +auto 或 +path），因此每个 go 命令都会在开始前失败。`,
    },
    fixes: (s) =>
      setGoVariable(s, 'GOTOOLCHAIN', 'auto', {
        en: 'Use the default (or local to never switch toolchains)',
        'zh-CN': '改回默认值（或设为 local，从不切换工具链）',
      }),
    docs: docs('https://go.dev/doc/toolchain#select'),
  },
  {
    cause: 'setting-shadowed',
    severity: 'warning',
    rank: 4,
    patterns: [
      pat(
        'env-w-does-not-override',
        'does not override conflicting OS environment variable',
        /go env -w (?<detail>[A-Z][A-Z0-9_]{0,40})=[^\n]{0,500} does not override conflicting OS environment variable/,
        'envcmd/env.go',
      ),
    ],
    title: {
      en: 'A go env -w setting is overridden by an environment variable',
      'zh-CN': 'go env -w 的设置被同名环境变量覆盖',
    },
    message: {
      en: (s) =>
        `${s.detail ? String(s.detail) : 'This setting'} was written to the go env file, but the same variable is set in the environment, and the environment wins: the new value has no effect in this shell.`,
      'zh-CN': (s) =>
        `${s.detail ? String(s.detail) : '该设置'} 已写入 go env 文件，但环境中也设置了同名变量，环境变量优先：新值在当前 shell 中不会生效。`,
    },
    fixes: (s) => [
      {
        description: {
          en: 'Remove the environment variable (and from your shell profile), or set the value there',
          'zh-CN': '删除该环境变量（包括 shell 配置文件中的），或直接在那里设置新值',
        },
        command: `unset ${s.detail ? String(s.detail) : 'VARIABLE'}`,
      },
    ],
    docs: docs('environment-variables'),
  },
  {
    cause: 'goflags-invalid',
    severity: 'error',
    rank: 3,
    patterns: [
      pat(
        'parsing-goflags',
        'parsing $GOFLAGS',
        /parsing \$GOFLAGS: (?<detail>[^\n]{1,200})/,
        'all (base/goflags.go)',
      ),
    ],
    title: {
      en: 'GOFLAGS holds something the go command rejects',
      'zh-CN': 'GOFLAGS 中有 go 命令不接受的内容',
    },
    message: {
      en: (s) =>
        `GOFLAGS cannot be parsed${quoted(s)}. GOFLAGS is split on spaces and takes only flags; a Makefile variable named GOFLAGS (with -ldflags "..." or -tags) exported into the environment is the usual culprit.`,
      'zh-CN': (s) =>
        `GOFLAGS 无法解析${quoted(s)}。GOFLAGS 按空格拆分，并且只能包含标志；最常见的原因是 Makefile 中名为 GOFLAGS 的变量（含 -ldflags "..." 或 -tags）被导出到了环境变量中。`,
    },
    fixes: (s) => [
      {
        description: { en: 'See where it is set', 'zh-CN': '查看它在哪里被设置' },
        command: 'go env GOFLAGS; env | grep GOFLAGS',
      },
      ...setGoVariable(s, 'GOFLAGS', '', {
        en: 'Clear it (or keep only valid -flag=value entries)',
        'zh-CN': '清空它（或只保留有效的 -flag=value 项）',
      }),
    ],
    docs: docs('environment-variables'),
  },
  {
    cause: 'go-env-invalid',
    severity: 'error',
    rank: 3,
    patterns: [
      pat(
        'govcs',
        ' in GOVCS',
        /(?<detail>(?:empty entry|malformed entry|empty pattern|empty VCS list|relative pattern not allowed|unreachable pattern|empty VCS name) in GOVCS[^\n]{0,200})/,
        '1.16+ (vcs.go)',
        { facts: { variable: 'GOVCS' } },
      ),
      pat(
        'gowork',
        ['invalid GOWORK', 'provided to GOWORK must be an absolute path'],
        /(?<detail>invalid GOWORK: not an absolute path|the path provided to GOWORK must be an absolute path)/,
        '1.18+ (modload)',
        { facts: { variable: 'GOWORK' } },
      ),
      pat(
        'go111module',
        'unknown environment setting GO111MODULE',
        /(?<detail>unknown environment setting GO111MODULE=[^\s]*)/,
        'all (modload)',
        { facts: { variable: 'GO111MODULE' } },
      ),
    ],
    title: {
      en: 'A go environment setting has a value the go command rejects',
      'zh-CN': 'go 环境变量的值不被 go 命令接受',
    },
    message: {
      en: (s) =>
        `${String(s.variable ?? 'A go environment variable')} is set to something the go command cannot use${quoted(s)}. It may come from the environment or from the go env file (go env -w); a typo, a value meant for another variable, or a path that is not absolute.`,
      'zh-CN': (s) =>
        `${String(s.variable ?? '某个 go 环境变量')} 的值 go 命令无法使用${quoted(s)}。它可能来自环境变量，也可能来自 go env 文件（go env -w）；常见原因是拼写错误、把别的变量的值填了进来，或路径不是绝对路径。`,
    },
    fixes: (s) => {
      const name = String(s.variable ?? 'GOSUMDB');
      return [
        {
          description: { en: 'See the value and where it is set', 'zh-CN': '查看它的值以及在哪里设置' },
          command: s.windows
            ? `go env ${name}; Get-ChildItem Env:${name}`
            : `go env ${name}; env | grep ${name}`,
        },
        ...setGoVariable(s, name, '', {
          en: 'Reset it to the default',
          'zh-CN': '将其恢复为默认值',
        }),
      ];
    },
    docs: docs('environment-variables'),
  },
  {
    cause: 'env-not-inherited',
    severity: 'error',
    rank: 1,
    patterns: [
      pat('sudo-go', 'sudo: go: command not found', /sudo: go: command not found/, 'sudo (secure_path)'),
    ],
    title: { en: 'Settings do not reach the process that runs go', 'zh-CN': '设置没有传递到运行 go 的进程' },
    message: {
      en: (s) =>
        s.variable
          ? `Here ${String(s.variable)} covers ${mod.en(s)}, yet the go command that printed this ${s.variable === 'GONOSUMDB' ? 'checked it against the checksum database' : 'asked the public proxy for it'}: it ran without your setting (CI, sudo, an IDE, Docker, a different user or GOENV). Set it where that command runs.`
          : '"sudo" runs with its own PATH (secure_path) and environment, so the go on your PATH and your go env settings are not there.',
      'zh-CN': (s) =>
        s.variable
          ? `在这里 ${String(s.variable)} 已包含 ${mod.zh(s)}，但输出这些内容的 go 命令${s.variable === 'GONOSUMDB' ? '仍拿它去校验和数据库核对' : '仍向公共代理请求它'}：它运行时没有你的设置（CI、sudo、IDE、Docker、其他用户或不同的 GOENV）。请在运行该命令的地方进行设置。`
          : '"sudo" 使用自己的 PATH（secure_path）和环境变量，所以你 PATH 中的 go 和 go env 设置在那里都不存在。',
    },
    fixes: (s) =>
      s.variable
        ? goprivateFixes({ ...s, goprivateFromEnv: false })
        : [
            {
              description: {
                en: 'Avoid sudo for go commands; if needed, pass the path explicitly',
                'zh-CN': '不要用 sudo 运行 go；确有需要时显式传入路径',
              },
              command: 'sudo env "PATH=$PATH" "GOPROXY=$(go env GOPROXY)" go <command>',
            },
          ],
    docs: docs('environment-variables', 'private-modules'),
  },
  {
    cause: 'goroot-broken',
    severity: 'error',
    rank: 2,
    patterns: [
      pat(
        'version-mismatch',
        'does not match go tool version',
        /compile: version "(?<a>go[^"]+)" does not match go tool version "(?<b>go[^"]+)"/,
        'all',
      ),
      pat(
        'cannot-find-goroot',
        'cannot find GOROOT directory',
        /cannot find GOROOT directory: (?<file>[^\s]+)/,
        'all',
      ),
      pat(
        'std-twice',
        'ambiguous import',
        /ambiguous import: found package (?<pkg>(?:cmd|runtime|internal|syscall|crypto|net|os|go|encoding|math|sync|io|reflect|strings|fmt|unsafe)(?:\/[^\s]*)?) in multiple (?:modules|directories)/,
        'all (modload): a standard-library or cmd package found in two trees is two Go installations mixed (a GOROOT pointing at another copy of the source)',
      ),
      pat(
        'runtime-not-in-goroot',
        ['is not in GOROOT', 'is not in std'],
        /package (?<pkg>runtime|internal\/[^\s]+|unsafe|sync|fmt|os|io) is not in (?:GOROOT|std)/,
        'all',
      ),
    ],
    title: { en: 'The Go installation is broken', 'zh-CN': 'Go 安装已损坏' },
    message: {
      en: (s) =>
        s.file
          ? `GOROOT is set to ${String(s.file)}, a directory that does not exist: Go was moved or removed and the variable stayed behind (a shell profile, an IDE setting, or go env -w).`
          : `The Go installation is inconsistent${s.a ? ` (compiler ${String(s.a)}, go command ${String(s.b)})` : ''}: two releases unpacked into one directory, a GOROOT pointing at another release, or an incomplete install.`,
      'zh-CN': (s) =>
        s.file
          ? `GOROOT 被设置为 ${String(s.file)}，但这个目录不存在：Go 已被移动或删除，而这个变量还留在 shell 配置文件、IDE 设置或 go env -w 中。`
          : `Go 安装不一致${s.a ? `（编译器 ${String(s.a)}，go 命令 ${String(s.b)}）` : ''}：两个版本被解压到同一目录、GOROOT 指向另一个版本，或安装不完整。`,
    },
    fixes: (s) => [
      ...(s.file
        ? [
            {
              description: {
                en: 'Unset GOROOT: the go binary finds its own installation',
                'zh-CN': '取消 GOROOT：go 可执行文件会自己找到所在的安装',
              },
              command: 'unset GOROOT; go env -u GOROOT',
            },
          ]
        : []),
      {
        description: {
          en: 'Check GOROOT; usually it should not be set at all',
          'zh-CN': '检查 GOROOT；通常根本不需要设置它',
        },
        command: 'go env GOROOT; echo "$GOROOT"',
      },
      {
        description: {
          en: 'Reinstall Go into an empty directory (remove the old one first)',
          'zh-CN': '把 Go 重新安装到空目录中（先删除旧目录）',
        },
        command: 'sudo rm -rf /usr/local/go && sudo tar -C /usr/local -xzf go<version>.<os>-<arch>.tar.gz',
      },
    ],
    docs: docs('https://go.dev/doc/install'),
  },
  {
    cause: 'go-not-installed',
    severity: 'error',
    rank: 1,
    yieldsTo: ['env-not-inherited'],
    patterns: [
      pat(
        'command-not-found',
        ['go: command not found', 'go: not found'],
        /(?:^|[\s:])go: (?:command )?not found/,
        'bash, dash',
      ),
      pat(
        'exec-go',
        'exec: "go": executable file not found',
        /exec: "go": executable file not found/,
        'os/exec (tools that run go)',
      ),
      pat(
        'windows',
        [
          "'go' is not recognized",
          "The term 'go' is not recognized",
          "'go' 不是内部或外部命令",
          '无法将“go”项识别为',
        ],
        /'go' is not recognized as an internal or external command|The term 'go' is not recognized|'go' 不是内部或外部命令|无法将“go”项识别为/,
        'cmd.exe, PowerShell (English and Chinese)',
      ),
    ],
    title: { en: 'No go command on PATH', 'zh-CN': 'PATH 中没有 go 命令' },
    message: {
      en: () =>
        'The shell (or tool) found no go binary on PATH. Editors and services often start with a shorter PATH than your terminal.',
      'zh-CN': () =>
        'shell（或工具）在 PATH 中找不到 go 可执行文件。编辑器和系统服务启动时的 PATH 往往比终端中的短。',
    },
    fixes: (s) => [
      {
        description: {
          en: 'Add Go to PATH (default install location)',
          'zh-CN': '把 Go 加入 PATH（默认安装位置）',
        },
        command: s.windows
          ? '$env:Path += ";C:\\Program Files\\Go\\bin"'
          : 'export PATH="$PATH:/usr/local/go/bin:$HOME/go/bin"',
      },
      {
        description: { en: 'Or install Go', 'zh-CN': '或者安装 Go' },
        command:
          s.ci === 'github-actions'
            ? '- uses: actions/setup-go@v5\n  with:\n    go-version-file: go.mod'
            : 'https://go.dev/dl/',
      },
    ],
    docs: docs('https://go.dev/doc/install'),
  },
];
