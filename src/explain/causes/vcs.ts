// Version control and authentication causes: what git, ssh and the go command's VCS layer print.
import { resolvePrivacy } from '../../goenv/private.ts';
import { isPublicForge } from '../../module/hosts.ts';
import { hostOf } from '../extract.ts';
import { docs, gitCredentialFixes, goprivateFixes } from '../fixes.ts';
import type { CauseRule, Refinement, Situation } from '../types.ts';
import { at, FATAL, host, mod, pat, quoted } from './helpers.ts';

export const vcsRules: CauseRule[] = [
  {
    cause: 'git-auth-required',
    severity: 'error',
    rank: 13,
    yieldsTo: [
      'dns-failure',
      'connect-timeout',
      'connection-refused',
      'tls-untrusted-certificate',
      'http-proxy-misconfigured',
    ],
    // Without git every probe fails, and 1.21+ then say `no secure protocol found`: not credentials.
    suppressedBy: ['git-not-installed'],
    refine: ({ situation, context }) => invisibleRepository(situation, context?.goEnv),
    patterns: [
      pat(
        'could-not-read',
        ['could not read Username', 'could not read Password'],
        /could not read (?:Username|Password) for '(?<url>[^']+)'/,
        'git (prompt.c; the text is not translated, the "fatal:" prefix is in git >= 2.38 zh_CN)',
        { facts: { unseen: 'prompt' } },
      ),
      pat(
        'auth-failed',
        'Authentication failed for',
        /Authentication failed for '(?<url>[^']+)'/,
        'git (remote-curl.c, en)',
      ),
      pat('auth-failed-zh', '鉴权失败', /'(?<url>[^']+)' 鉴权失败/, 'git (remote-curl.c, zh_CN)', {
        locale: 'zh-CN',
      }),
      pat('gitlab-basic', 'HTTP Basic: Access denied', /remote: HTTP Basic: Access denied/, 'GitLab'),
      pat(
        'bad-token',
        [
          'Invalid username or',
          'password authentication was removed',
          'Password authentication is not supported',
        ],
        /remote: (?:Invalid username or (?:password|token)|Support for password authentication was removed|Password authentication is not supported)/,
        'GitHub',
      ),
      pat(
        'repo-not-found',
        ['Repository not found', "don't have permission to view it"],
        /remote: (?:Repository not found|The project you were looking for could not be found or you don't have permission to view it)/,
        'GitHub, GitLab',
        { facts: { unseen: 'not-found' } },
      ),
      pat(
        'repo-not-found-ssh',
        'ERROR: Repository not found',
        /^\s*ERROR: Repository not found/,
        'GitHub over ssh (the key is accepted, the repository is not there for it)',
        { facts: { unseen: 'not-found' } },
      ),
      pat(
        'repo-not-found-fatal',
        ['not found', '未找到'],
        new RegExp(`${FATAL}(?:repository '(?<url>[^']+)' not found|仓库 '(?<url2>[^']+)' 未找到)`),
        'git (remote-curl.c, en and zh_CN)',
        { facts: { unseen: 'not-found' } },
      ),
      pat(
        'http-401-403',
        'The requested URL returned error: 40',
        /unable to access '(?<url>[^']+)': The requested URL returned error: 40[13]/,
        'git/curl: the forge refused the credentials given (a token without access to the repository, an SSO not authorised for it, a rate limit)',
      ),
      pat(
        'http-404',
        'The requested URL returned error: 404',
        /unable to access '(?<url>[^']+)': The requested URL returned error: 404/,
        'git/curl: the forge answers 404 for a repository that does not exist or that these credentials may not see',
        { facts: { unseen: 'not-found' } },
      ),
      pat(
        'go-faq-hint',
        'golang.org/doc/faq#git_https',
        /If this is a private repository, see https:\/\/golang\.org\/doc\/faq#git_https/,
        'all (codehost/git.go)',
        { supporting: true },
      ),
      pat(
        'no-secure-protocol',
        'no secure protocol found for repository',
        /no secure protocol found for repository/,
        '1.21+ (vcs.go: every https/ssh probe of a .git-suffixed path failed)',
        { facts: { secureProbe: true } },
      ),
    ],
    title: { en: 'Git needs credentials it cannot ask for', 'zh-CN': 'Git 需要凭据但无法询问' },
    message: {
      en: (s) =>
        `git could not authenticate to ${host.en(s)}${s.module ? ` while fetching ${at.en(s)}` : ''}. The go command runs git with GIT_TERMINAL_PROMPT=0, so git cannot ask for a user name or password; it needs stored credentials (a credential helper, ~/.netrc, or SSH). "Repository not found" from GitHub also means "not visible with these credentials".${s.secureProbe ? ' Every secure protocol (https, ssh) failed; missing credentials are the usual reason, a network block the other.' : ''}`,
      'zh-CN': (s) =>
        `git 无法通过 ${host.zh(s)} 的认证${s.module ? `（正在获取 ${at.zh(s)}）` : ''}。go 命令以 GIT_TERMINAL_PROMPT=0 运行 git，所以 git 不能询问用户名或密码；它需要事先保存好的凭据（凭据助手、~/.netrc 或 SSH）。GitHub 返回的 "Repository not found" 也表示"使用这些凭据看不到该仓库"。${s.secureProbe ? '所有安全协议（https、ssh）都失败了；通常是缺少凭据，也可能是网络被屏蔽。' : ''}`,
    },
    fixes: (s) => [
      ...gitCredentialFixes(s.host),
      ...(s.module ? goprivateFixes(s).slice(-1) : []),
      {
        description: {
          en: 'Test the access the way the go command does',
          'zh-CN': '按 go 命令的方式测试访问',
        },
        command: `GIT_TERMINAL_PROMPT=0 git ls-remote https://${s.module ?? `${s.host ?? 'HOST'}/OWNER/REPO`}`,
      },
    ],
    docs: docs('private-modules', 'https://go.dev/doc/faq#git_https'),
  },
  {
    cause: 'git-ssh-auth',
    severity: 'error',
    rank: 13,
    yieldsTo: ['dns-failure'],
    patterns: [
      pat(
        'publickey',
        'Permission denied (publickey',
        /(?:(?<user>[\w.-]+)@(?<host>[\w.-]+): )?Permission denied \(publickey[^)]*\)/,
        'ssh (not translated)',
      ),
      pat(
        'host-key',
        ['Host key verification failed', 'host key is known for'],
        /Host key verification failed|No (?:\w+ )?host key is known for (?<host>[^\s]+)/,
        'ssh',
      ),
      pat(
        'connect',
        'ssh: connect to host',
        /ssh: connect to host (?<host>[^\s]+) port (?<port>\d+): (?<detail>[^\n]{1,120})/,
        'ssh',
      ),
      pat(
        'kex',
        'kex_exchange_identification',
        /kex_exchange_identification: (?<detail>[^\n]{1,120})/,
        'ssh',
      ),
      pat(
        'could-not-read-remote',
        ['Could not read from remote repository', '无法读取远程仓库'],
        new RegExp(`${FATAL}?(?:Could not read from remote repository|无法读取远程仓库)`),
        'git (connect.c, en and zh_CN)',
        { supporting: true },
      ),
    ],
    title: { en: 'Git over SSH failed', 'zh-CN': '通过 SSH 访问 Git 失败' },
    message: {
      en: (s) =>
        `git fetched ${s.module ? at.en(s) : 'a repository'} over SSH${s.host ? ` from ${s.host}` : ''} and ssh failed${quoted(s)}. The go command runs ssh in batch mode (no prompts): it needs a key loaded in ssh-agent or named in ~/.ssh/config, and the host key in known_hosts. A global url."git@...".insteadOf rewrite sends even public modules over SSH.`,
      'zh-CN': (s) =>
        `git 通过 SSH${s.host ? `从 ${s.host} ` : ''}获取${s.module ? ` ${at.zh(s)} ` : '仓库'}时 ssh 失败${quoted(s)}。go 命令以批处理模式运行 ssh（不会提示输入）：需要已加载到 ssh-agent 或在 ~/.ssh/config 中指定的密钥，以及 known_hosts 中的主机密钥。全局的 url."git@...".insteadOf 改写会让公开模块也走 SSH。`,
    },
    fixes: (s) => {
      const h = s.host ?? 'github.com';
      return [
        { description: { en: 'Test the key', 'zh-CN': '测试密钥' }, command: `ssh -T git@${h}` },
        {
          description: { en: 'Trust the host key once', 'zh-CN': '信任一次主机密钥' },
          command: `ssh-keyscan ${h} >> ~/.ssh/known_hosts`,
        },
        {
          description: {
            en: 'Look for insteadOf rewrites that send HTTPS fetches over SSH',
            'zh-CN': '检查是否有把 HTTPS 改写为 SSH 的 insteadOf 设置',
          },
          command: "git config --show-origin --get-regexp '^url\\.'",
        },
        ...(s.port === '22'
          ? [
              {
                description: {
                  en: 'If port 22 is blocked, GitHub also serves SSH on port 443 (ssh.github.com)',
                  'zh-CN': '如果 22 端口被屏蔽，GitHub 也在 443 端口提供 SSH（ssh.github.com）',
                },
                command:
                  'printf "Host github.com\\n  Hostname ssh.github.com\\n  Port 443\\n" >> ~/.ssh/config',
              },
            ]
          : []),
      ];
    },
    docs: docs('private-modules', 'https://go.dev/doc/faq#git_https'),
  },
  {
    cause: 'git-not-installed',
    severity: 'error',
    rank: 4,
    patterns: [
      pat(
        'missing-command',
        [
          'missing Git command',
          'missing Mercurial command',
          'missing Bazaar command',
          'missing Subversion command',
          'missing Fossil command',
        ],
        /missing (?<vcs>Git|Mercurial|Bazaar|Subversion|Fossil) command/,
        'all (vcs.go)',
      ),
      pat(
        'exec-not-found',
        'executable file not found',
        /exec: "(?<vcs>git|hg|bzr|svn|fossil)": executable file not found in [$%]PATH/,
        'all (os/exec, Unix and Windows)',
      ),
    ],
    title: { en: 'A version control program is missing', 'zh-CN': '缺少版本控制程序' },
    message: {
      en: (s) =>
        `The go command needs ${String(s.vcs ?? 'git')} to fetch a module directly from its repository (GOPROXY=direct, GOPRIVATE, or a module the proxy does not serve), and it is not on PATH.`,
      'zh-CN': (s) =>
        `go 命令需要 ${String(s.vcs ?? 'git')} 才能直接从代码仓库获取模块（GOPROXY=direct、GOPRIVATE，或代理不提供的模块），但 PATH 中找不到它。`,
    },
    fixes: (s) => [
      {
        description: {
          en: 'Install git (Debian/Ubuntu; Alpine: apk add git; macOS: xcode-select --install)',
          'zh-CN': '安装 git（Debian/Ubuntu；Alpine 用 apk add git；macOS 用 xcode-select --install）',
        },
        command: s.windows ? 'winget install --id Git.Git -e' : 'apt-get update && apt-get install -y git',
      },
    ],
    docs: docs('vcs', 'https://golang.org/s/gogetcmd'),
  },
  {
    cause: 'git-unusable',
    severity: 'error',
    rank: 4,
    patterns: [
      pat(
        'git-version',
        [
          'unable to resolve git version',
          'failed to execute git version',
          'git version extraction regexp',
          'unexpected response from git log',
          'invalid time from git log',
        ],
        /unable to resolve git version: (?<detail>[^\n]{0,200})|failed to execute git version: (?<detail2>[^\n]{0,200})|git version extraction regexp did not match version line|unexpected response from git log: [^\n]{0,200}|invalid time from git log: [^\n]{0,200}/,
        '1.26+ (codehost: the go command runs `git version` before its first fetch into the cache)',
      ),
      pat(
        'git-broken',
        ['invalid active developer path', "'remote-https' is not a git command", 'expected shallow list'],
        /(?<detail>xcrun: error: invalid active developer path[^\n]{0,200}|git: 'remote-https?' is not a git command|fatal: git fetch-pack: expected shallow list)/,
        'git itself: macOS without the command line tools (xcrun), a git built without curl (remote-https), git older than 1.9 (shallow fetches)',
      ),
    ],
    title: { en: 'git is installed but does not run', 'zh-CN': 'git 已安装但无法运行' },
    message: {
      en: (s) =>
        `The go command found git on PATH but could not run it${quoted(s)}: a broken installation, a wrapper or shim that fails, a missing shared library, or on macOS an Xcode licence not yet accepted. Direct fetches (GOPRIVATE, GOPROXY=direct) need a working git.`,
      'zh-CN': (s) =>
        `go 命令在 PATH 中找到了 git，但无法运行它${quoted(s)}：安装已损坏、包装脚本或 shim 出错、缺少共享库，或在 macOS 上尚未接受 Xcode 许可。直接获取（GOPRIVATE、GOPROXY=direct）需要一个能正常工作的 git。`,
    },
    fixes: (s) => [
      {
        description: { en: 'See what git says when run by itself', 'zh-CN': '单独运行 git，看它输出什么' },
        command: s.windows ? 'where.exe git; git version' : 'command -v git; git version',
      },
      {
        description: {
          en: 'Reinstall git (on macOS accept the Xcode licence: sudo xcodebuild -license accept)',
          'zh-CN': '重新安装 git（macOS 上接受 Xcode 许可：sudo xcodebuild -license accept）',
        },
        command: s.windows
          ? 'winget install --id Git.Git -e'
          : 'apt-get update && apt-get install --reinstall -y git',
      },
    ],
    docs: docs('vcs'),
  },
  {
    cause: 'vcs-stamping-failed',
    severity: 'error',
    rank: 4,
    patterns: [
      pat(
        'vcs-status',
        'error obtaining VCS status',
        /error obtaining VCS status: (?<detail>[^\n]{0,200})/,
        '1.18+ (load/pkg.go: -buildvcs=auto stamps a main package built inside a git checkout)',
      ),
      pat(
        'dubious-ownership',
        ['detected dubious ownership in repository at', '检测到可疑的仓库所有权'],
        /detected dubious ownership in repository at '(?<dir>[^']+)'|在 '(?<dir2>[^']+)' 检测到可疑的仓库所有权/,
        'git 2.35.2+ (safe.directory), in English and in zh_CN',
        // In the module cache the repository is the go command's own clone: a cache owned by
        // another user, not the checkout being built.
        { accept: (g) => !/[\\/]pkg[\\/]mod[\\/]/.test(g.dir ?? g.dir2 ?? ''), supporting: true },
      ),
    ],
    title: {
      en: "go build could not read the checkout's git state (VCS stamping)",
      'zh-CN': 'go build 无法读取代码仓库的 git 状态（VCS 信息嵌入）',
    },
    message: {
      en: (s) =>
        `go build stamps every binary with the version-control state of the checkout it is built in, and git refused to report it${s.detail ? ` (${String(s.detail)})` : ''}. Almost always the checkout belongs to another user than the one building (a directory mounted or copied into a Docker container, a CI job running as another uid, sudo): git 2.35.2 and later refuse such a repository as "dubious ownership"${s.dir ? `, here ${String(s.dir)}` : ''}. Otherwise the .git directory is incomplete (copied into an image without its objects, a worktree whose main repository is absent). Nothing is wrong with the modules.`,
      'zh-CN': (s) =>
        `go build 会把所在代码仓库的版本控制状态嵌入每个二进制文件，而 git 拒绝给出该状态${s.detail ? `（${String(s.detail)}）` : ''}。几乎总是因为代码仓库的属主与执行构建的用户不同（挂载或复制进 Docker 容器的目录、以其他 uid 运行的 CI 任务、sudo）：git 2.35.2 及以上版本会以 "dubious ownership"（可疑的仓库所有权）为由拒绝这样的仓库${s.dir ? `，此处为 ${String(s.dir)}` : ''}。否则就是 .git 目录不完整（复制进镜像时缺少对象，或工作树的主仓库不存在）。模块本身没有问题。`,
    },
    fixes: (s) => [
      {
        description: {
          en: 'Tell git that this checkout is trusted (in a Dockerfile: a RUN line before the build)',
          'zh-CN': '告诉 git 信任这个代码仓库（在 Dockerfile 中：在构建之前加一行 RUN）',
        },
        command:
          s.ci === 'docker'
            ? `RUN git config --global --add safe.directory ${s.dir ? String(s.dir) : '"$(pwd)"'}`
            : `git config --global --add safe.directory ${s.dir ? String(s.dir) : s.windows ? '"%CD%"' : '"$(pwd)"'}`,
      },
      {
        description: {
          en: 'Or build without version-control stamping (the binary then lacks vcs.revision in go version -m)',
          'zh-CN': '或者不嵌入版本控制信息来构建（二进制文件中将没有 go version -m 显示的 vcs.revision）',
        },
        command: 'go build -buildvcs=false ./...',
      },
    ],
    docs: docs('https://pkg.go.dev/cmd/go#hdr-Compile_packages_and_dependencies'),
  },
  {
    cause: 'vcs-disallowed',
    severity: 'error',
    rank: 4,
    patterns: [
      pat(
        'govcs',
        'GOVCS disallows using',
        /GOVCS disallows using (?<vcs>[^\s]+) for (?<kind>public|private) (?<module>[^\s;]+)/,
        '1.16+ (vcs.go)',
      ),
    ],
    title: { en: 'GOVCS forbids this version control system', 'zh-CN': 'GOVCS 禁止使用该版本控制系统' },
    message: {
      en: (s) =>
        `${mod.en(s)} lives in a ${String(s.vcs ?? '')} repository, and GOVCS (default: public modules may use only git and hg) forbids ${String(s.vcs ?? 'it')} for ${String(s.kind ?? '')} paths. Usually an old transitive requirement (launchpad.net uses bzr).`,
      'zh-CN': (s) =>
        `${mod.zh(s)} 位于 ${String(s.vcs ?? '')} 仓库中，而 GOVCS（默认：公开模块只能用 git 和 hg）禁止对 ${s.kind === 'private' ? '私有' : '公开'}路径使用 ${String(s.vcs ?? '它')}。通常来自一个很旧的间接依赖（launchpad.net 使用 bzr）。`,
    },
    fixes: (s) => [
      {
        description: {
          en: 'Find who requires it, then upgrade that dependency',
          'zh-CN': '找出谁依赖它，然后升级那个依赖',
        },
        command: `go mod why -m ${s.module ?? '<module>'}`,
      },
      {
        description: {
          en: `Or allow ${String(s.vcs ?? 'it')} for this path`,
          'zh-CN': `或者允许此路径使用 ${String(s.vcs ?? '它')}`,
        },
        command: `go env -w GOVCS=${(s.module ?? 'launchpad.net').split('/')[0]}:${String(s.vcs ?? 'bzr')},public:git|hg`,
      },
    ],
    docs: docs('vcs-govcs'),
  },
  {
    cause: 'unknown-revision',
    severity: 'error',
    rank: 18,
    yieldsTo: ['git-auth-required', 'git-ssh-auth'],
    patterns: [
      pat(
        'unknown-revision',
        'unknown revision',
        /unknown revision (?<version>[^\s:]+)/,
        'all (codehost), also inside proxy responses',
        { scope: 'any' },
      ),
      pat(
        'not-a-tag',
        'is not a tag)',
        /resolves to version (?<resolved>[^\s]+) \((?<version>[^\s]+) is not a tag\)/,
        'all (coderepo.go: the name exists, but as a branch or another ref, not as a tag)',
        { scope: 'any', facts: { notATag: true } },
      ),
      pat(
        'ambiguous',
        'ambiguous revision',
        /ambiguous revision (?<version>[0-9a-f]+)/,
        'all (codehost/git.go: a commit-hash prefix shared by several refs)',
        { scope: 'any', facts: { ambiguousHash: true } },
      ),
      pat(
        'remote-ref',
        ["couldn't find remote ref", '无法找到远程引用'],
        /(?:couldn't find remote ref|无法找到远程引用) (?<version>[^\s]+)/,
        'git (en and zh_CN)',
        { scope: 'any' },
      ),
    ],
    title: { en: 'The requested version does not exist', 'zh-CN': '请求的版本不存在' },
    message: {
      en: (s) =>
        s.version === '000000000000' || s.version === 'v0.0.0-00010101000000-000000000000'
          ? `${mod.en(s)} is required at the placeholder version written for a local replace, but the replace does not apply here (it only works in the main module, not for consumers or nested modules).`
          : s.notATag
            ? `${mod.en(s)} has no tag ${s.version ?? ''}: the name belongs to a branch (or another ref), whose commit the go command calls ${String(s.resolved ?? '?')}, never ${s.version ?? 'a release'}. Tag the release, or require ${String(s.resolved ?? 'the version it resolves to')}.`
            : s.ambiguousHash
              ? `The commit-hash prefix ${s.version ?? ''} matches more than one commit of ${mod.en(s)}: give more digits, or the full hash.`
              : `${mod.en(s)} has no tag, branch or commit called ${s.version ?? 'that'}: it was deleted or moved, never pushed, mistyped, or exists only in a fork. A private repository seen with the wrong credentials reports the same.`,
      'zh-CN': (s) =>
        s.version === '000000000000' || s.version === 'v0.0.0-00010101000000-000000000000'
          ? `${mod.zh(s)} 被要求的是为本地 replace 写入的占位版本，但这里 replace 不生效（它只在主模块中有效，对依赖方或嵌套模块无效）。`
          : s.notATag
            ? `${mod.zh(s)} 没有标签 ${s.version ?? ''}：这个名字属于一个分支（或其他引用），go 命令把它指向的提交称为 ${String(s.resolved ?? '?')}，而不会称为 ${s.version ?? '正式版本'}。请为该版本打标签，或改为依赖 ${String(s.resolved ?? '它解析得到的版本')}。`
            : s.ambiguousHash
              ? `提交哈希前缀 ${s.version ?? ''} 对应 ${mod.zh(s)} 的多个提交：请多写几位，或使用完整哈希。`
              : `${mod.zh(s)} 没有名为 ${s.version ?? '该版本'} 的标签、分支或提交：它被删除或移动、从未推送、拼写错误，或只存在于某个分叉中。用错误的凭据访问私有仓库时也会这样报告。`,
    },
    fixes: (s) => [
      ...(s.notATag
        ? [
            {
              description: {
                en: 'As the module author: tag the release (a tag, not a branch, makes a version)',
                'zh-CN': '作为模块作者：为该版本打标签（版本来自标签，而不是分支）',
              },
              command: `git tag ${s.version ?? 'v1.2.3'} <commit> && git push origin ${s.version ?? 'v1.2.3'}`,
            },
          ]
        : []),
      ...(s.ambiguousHash
        ? [
            {
              description: { en: 'Ask for the full commit hash', 'zh-CN': '改用完整的提交哈希' },
              command: `go get ${s.module ?? '<module>'}@<full-commit-hash>`,
            },
          ]
        : []),
      {
        description: { en: 'List the versions that exist', 'zh-CN': '列出实际存在的版本' },
        command: `go list -m -versions ${s.module ?? '<module>'}`,
      },
      {
        description: {
          en: 'Require one that exists (or a commit: @<commit-hash>)',
          'zh-CN': '改为依赖一个存在的版本（或某个提交：@<提交哈希>）',
        },
        command: `go get ${s.module ?? '<module>'}@latest`,
      },
    ],
    docs: docs('version-queries', 'vcs-version'),
  },
  {
    cause: 'pseudo-version-invalid',
    severity: 'error',
    rank: 18,
    patterns: [
      pat(
        'invalid-pseudo',
        'invalid pseudo-version',
        /invalid pseudo-version: (?<detail>[^\n]{1,200})/,
        'all (coderepo.go)',
        { scope: 'any' },
      ),
    ],
    title: { en: 'A pseudo-version does not match the repository', 'zh-CN': '伪版本号与仓库不符' },
    message: {
      en: (s) =>
        `The pseudo-version ${s.version ?? ''} of ${mod.en(s)} was written by hand or is stale: ${s.detail ?? 'it does not match the commit'}. Pseudo-versions encode the commit time, hash and preceding tag; only the go command should write them.`,
      'zh-CN': (s) =>
        `${mod.zh(s)} 的伪版本 ${s.version ?? ''} 是手写的或已过时：${s.detail ?? '与提交不符'}。伪版本包含提交时间、哈希和前一个标签，应该只由 go 命令生成。`,
    },
    fixes: (s) => [
      {
        description: {
          en: 'Let the go command compute it from the commit',
          'zh-CN': '让 go 命令根据提交计算它',
        },
        command: `go get ${s.module ?? '<module>'}@<commit-hash>`,
      },
    ],
    docs: docs('pseudo-versions'),
  },
];

/**
 * A public forge answers a request for a repository that does not exist, or that the caller may
 * not see, the same way: with a credential request over https (`terminal prompts disabled` once
 * git may not ask) or `Repository not found`. For a module on a public forge that nothing declares
 * private, a deleted, renamed or hidden repository is the usual reason; missing credentials for a
 * private one stay the second reading. GOPRIVATE covering the module says the user knows it is
 * private: then credentials are the answer.
 */
function invisibleRepository(s: Situation, env: Record<string, string> | undefined): Refinement | undefined {
  if (!s.unseen) return undefined;
  // A user name in the URL (git then asks only for the password): credentials are being used.
  if (s.url && /^[a-z+]+:\/\/[^/]*@/i.test(s.url)) return undefined;
  // `Repository not found` without a URL is the forge's own wording (GitHub, Bitbucket).
  const repoHost = s.url ? hostOf(s.url) : s.unseen === 'not-found' ? undefined : s.module?.split('/')[0];
  if (repoHost === undefined ? s.unseen !== 'not-found' : !isPublicForge(repoHost)) return undefined;
  if (env && s.module && resolvePrivacy(env, s.module).private) return undefined;
  return {
    cause: 'module-source-gone',
    facts: { direct: true, certainty: 'likely', ...(repoHost ? { host: repoHost } : {}) },
    also: 'git-auth-required',
  };
}
