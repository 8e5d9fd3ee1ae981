// Module paths, versions, requirements, go.mod/go.sum/go.work and toolchain causes.
import type { CauseId } from '../../causes/catalog.ts';
import { forgeRepository } from '../../module/hosts.ts';
import { cachedHash } from '../context.ts';
import { docs, goVariableCommand, removeFromCacheFix } from '../fixes.ts';
import type { CauseRule, FixTemplate, Situation } from '../types.ts';
import { at, mod, pat, quoted } from './helpers.ts';
import { NETWORK_ROOTS } from './network.ts';

/** Causes that explain why a fetch failed: symptoms such as "cannot find module" yield to them. */
const FETCH_ROOTS: readonly CauseId[] = [
  ...NETWORK_ROOTS,
  'private-module-via-proxy',
  'sumdb-private-module',
  'sumdb-unreachable',
  'proxy-server-error',
  'goproxy-off',
  'goproxy-invalid',
  'goprivate-misconfigured',
  'go-get-discovery-failed',
  'git-auth-required',
  'git-ssh-auth',
  'git-not-installed',
  'vcs-disallowed',
  'unknown-revision',
  'malformed-module-path',
  'gopath-mode',
  'no-main-module',
  'vendor-mode-lookup',
  'go-version-too-new',
  'module-path-mismatch',
  'major-version-suffix',
];

/** First elements of standard-library import paths (those have their own readings). */
const STD_ROOTS = new Set([
  'archive',
  'bufio',
  'bytes',
  'cmd',
  'cmp',
  'compress',
  'container',
  'context',
  'crypto',
  'database',
  'debug',
  'embed',
  'encoding',
  'errors',
  'expvar',
  'flag',
  'fmt',
  'go',
  'hash',
  'html',
  'image',
  'index',
  'internal',
  'io',
  'iter',
  'log',
  'maps',
  'math',
  'mime',
  'net',
  'os',
  'path',
  'plugin',
  'reflect',
  'regexp',
  'runtime',
  'slices',
  'sort',
  'strconv',
  'strings',
  'structs',
  'sync',
  'syscall',
  'testing',
  'text',
  'time',
  'unicode',
  'unique',
  'unsafe',
  'vendor',
  'weak',
]);

/** Old-toolchain signals inside go.mod parse errors (finding 0.5 of messages.md). */
const OLD_TOOLCHAIN_DIRECTIVE =
  /unknown directive: (?:toolchain|godebug|tool)\b|invalid go version '\d+\.\d+\.\d+': must match format 1\.\d+$/;

const tidy = (why: { en: string; 'zh-CN': string }): FixTemplate => ({
  description: why,
  command: 'go mod tidy',
});

export const moduleRules: CauseRule[] = [
  {
    cause: 'module-path-mismatch',
    severity: 'error',
    rank: 18,
    patterns: [
      pat(
        'missing-or-malformed-at-revision',
        ['is missing module path', 'has malformed module path'],
        /(?<file>[^\s]*go\.mod) (?:is missing module path|has malformed module path "(?<declared>[^"]*)")[^\n]{0,120} at revision (?<version>[^\s]+)/,
        'all (coderepo.go: the go.mod at that revision declares no usable path)',
        { scope: 'any' },
      ),
      pat(
        'unexpected-path',
        'parsing go.mod: unexpected module path',
        /parsing go\.mod: unexpected module path "(?<declared>[^"]+)"/,
        '1.11-1.12 (modload: the go.mod of the required version declares another path)',
        { scope: 'any' },
      ),
      pat(
        'declares',
        'module declares its path as',
        /module declares its path as: (?<declared>[^\s]+)/,
        'all (modload)',
        { scope: 'any' },
      ),
      pat(
        'required-as',
        'but was required as',
        /but was required as: (?<required>[^\s]+)/,
        'all (modload, continuation line)',
        { scope: 'any', supporting: true },
      ),
    ],
    title: { en: "A module's go.mod declares a different path", 'zh-CN': '模块的 go.mod 声明了不同的路径' },
    message: {
      en: (s) =>
        `${String(s.required ?? s.module ?? 'The module')} was required under that path, but its go.mod says "module ${String(s.declared ?? '?')}". Typical: a fork used directly (its go.mod keeps the upstream path), a renamed repository, or a change of letter case.`,
      'zh-CN': (s) =>
        `${String(s.required ?? s.module ?? '该模块')} 以这个路径被依赖，但它的 go.mod 写的是 "module ${String(s.declared ?? '?')}"。常见原因：直接使用了分叉仓库（其 go.mod 仍是上游路径）、仓库改名，或大小写变化。`,
    },
    fixes: (s) => [
      {
        description: {
          en: 'Import the declared path, and if you need the fork, replace the declared path with it',
          'zh-CN': '导入声明的路径；如需使用分叉仓库，用 replace 把声明的路径替换为它',
        },
        command: `go mod edit -replace ${String(s.declared ?? '<declared-path>')}=${String(s.required ?? s.module ?? '<fork-path>')}@${s.version ?? '<version>'}`,
      },
    ],
    docs: docs('go-mod-file-module', 'go-mod-file-replace'),
  },
  {
    cause: 'nested-module-missing',
    severity: 'error',
    rank: 18,
    patterns: [
      pat(
        'missing-go-mod',
        'go.mod at revision',
        /missing (?<modulePath>[^\s]+)\/go\.mod at revision (?<revision>[^\s]+)/,
        'all (coderepo.go: a module path below the repository root with no go.mod there at that revision)',
        // The /vN form (`missing X/go.mod and .../vN/go.mod`) is major-version-suffix.
        { scope: 'any', unless: ['/go.mod and ...'] },
      ),
    ],
    title: {
      en: 'The subdirectory is not a module at that revision',
      'zh-CN': '该子目录在这个版本中不是一个模块',
    },
    message: {
      en: (s) =>
        `${String(s.modulePath ?? s.module ?? 'The module')} names a subdirectory of its repository, and at revision ${String(s.revision ?? s.version ?? '?')} that directory has no go.mod, so it is not a module there. The version predates the nested module (or comes after it was merged back into the root module), or the directory was only ever a package of the root module. Nested modules have tags of their own, prefixed with the directory (sub/v1.2.0).`,
      'zh-CN': (s) =>
        `${String(s.modulePath ?? s.module ?? '该模块')} 指向仓库中的一个子目录，而在版本 ${String(s.revision ?? s.version ?? '?')} 中该目录下没有 go.mod，所以它在那里不是一个模块。这个版本早于该嵌套模块的创建（或晚于它被并回根模块），或者该目录一直只是根模块中的一个包。嵌套模块有自己的标签，以目录名为前缀（如 sub/v1.2.0）。`,
    },
    fixes: (s) => [
      {
        description: {
          en: 'List the versions the nested module really has',
          'zh-CN': '列出该嵌套模块实际存在的版本',
        },
        command: `go list -m -versions ${String(s.modulePath ?? s.module ?? '<module>')}`,
      },
      {
        description: {
          en: 'If the directory is a package of the root module, require the root module instead (go get finds the module that provides the package)',
          'zh-CN': '如果该目录是根模块中的包，改为依赖根模块（go get 会找到提供该包的模块）',
        },
        command: `go get ${String(s.modulePath ?? s.module ?? '<package-path>')}@latest`,
      },
    ],
    docs: docs('vcs-dir', 'vcs-version'),
  },
  {
    cause: 'major-version-suffix',
    severity: 'error',
    rank: 18,
    patterns: [
      pat(
        'must-match-major',
        [
          'module path must match major version',
          'major version must be compatible',
          'major version suffix, so major version must match',
        ],
        /(?<detail>(?:module contains a go\.mod file, )?so (?:module path must match major version \("[^"]*"\)|major version must be compatible[^\n]{0,80})|module path includes a major version suffix, so major version must match)/,
        'all (coderepo.go; "must be compatible" up to 1.15)',
        { scope: 'any' },
      ),
      pat(
        'should-be',
        [
          'should be v0 or v1, not',
          ', not v',
          '+incompatible',
          'major version suffixes must be',
          'must always have a major version suffix',
        ],
        /(?<detail>should be v0 or v1, not v\d+|should be v\d+, not v\d+|\+incompatible suffix not allowed[^\n]{0,80}|should be v[\d.]+\+incompatible[^\n]{0,80}|major version suffixes must be in the form of \/vN|module paths beginning with gopkg\.in\/ must always have a major version suffix)/,
        'all (x/mod module.CheckPathMajor)',
        { scope: 'any' },
      ),
      pat(
        'post-module-path',
        'module path "',
        /has (?:post|non)-[^\s]+ module path "(?<declared>[^"]+)"(?: \([^)\n]{0,120}\))? at revision|and \.\.\.\/v\d+\/go\.mod both have \.\.\.\/v\d+ module paths/,
        'all (coderepo.go)',
        { scope: 'any' },
      ),
      pat(
        'no-major-go-mod',
        'go.mod at revision',
        /(?<detail>missing [^\s]+\/go\.mod and \.\.\.\/v\d+\/go\.mod at revision [^\s]+)/,
        'all (coderepo.go: a /vN path at a vN tag whose repository has no go.mod declaring it)',
        { scope: 'any' },
      ),
    ],
    title: { en: 'Major version suffix rules are broken', 'zh-CN': '违反了主版本后缀规则' },
    message: {
      en: (s) =>
        `${at.en(s)}: ${s.incompatibleGone ? 'a +incompatible version exists only while the repository has no go.mod at that major version; the proxy answering not found says it has one, so this version cannot be fetched (a dependency requires a release that is no longer valid)' : (s.detail ?? 'the version and the module path disagree')}. From v2 on, a module with a go.mod must have the major version at the end of its path (…/v2) and be required with it; v2+ tags without go.mod can only be used as +incompatible.`,
      'zh-CN': (s) =>
        `${at.zh(s)}：${s.incompatibleGone ? '+incompatible 版本只在仓库的该主版本没有 go.mod 时才存在；代理回答“未找到”说明它现在有 go.mod，所以这个版本无法获取（某个依赖要求了一个已不再有效的版本）' : (s.detail ?? '版本号与模块路径不一致')}。从 v2 开始，带 go.mod 的模块路径必须以主版本结尾（…/v2），并以该路径被依赖；没有 go.mod 的 v2+ 标签只能以 +incompatible 形式使用。`,
    },
    fixes: (s) =>
      s.incompatibleGone
        ? [
            {
              description: {
                en: 'Find which dependency requires it, then upgrade that dependency',
                'zh-CN': '找出是哪个依赖要求了它，然后升级那个依赖',
              },
              command: s.windows
                ? `go mod graph | findstr "${s.module ?? '<module>'}@${s.version ?? ''}"`
                : `go mod graph | grep '${s.module ?? '<module>'}@${s.version ?? ''}'`,
            },
            {
              description: {
                en: 'Or require a version the module really has (the /vN path from its go.mod, or a newer release)',
                'zh-CN': '或者依赖该模块实际存在的版本（其 go.mod 中带 /vN 的路径，或更新的版本）',
              },
              command: `go list -m -versions ${s.module ?? '<module>'}`,
            },
          ]
        : [
            {
              description: {
                en: 'Require (and import) the /vN path',
                'zh-CN': '依赖（并导入）带 /vN 的路径',
              },
              command: `go get ${s.module ?? '<module>'}/v${/^v(\d+)/.exec(s.version ?? '')?.[1] ?? 'N'}@${s.version ?? 'latest'}`,
            },
          ],
    docs: docs('major-version-suffixes', 'incompatible-versions'),
  },
  {
    cause: 'malformed-module-path',
    severity: 'error',
    rank: 18,
    // `embed`, `slices`...: a standard-library package the toolchain is too old to have.
    yieldsTo: ['go-version-too-new'],
    patterns: [
      pat(
        'malformed',
        ['malformed module path', 'malformed import path'],
        /malformed (?:module|import) path "(?<module>[^"]*)": (?<detail>[^\n]{1,200})/,
        'all (x/mod module.CheckPath)',
        { scope: 'any', accept: (g) => !/^[<=>]{7}/.test(g.module ?? '') },
      ),
      pat(
        'invalid-import-path',
        ['invalid import path', 'not allowed in import path', 'import path does not begin with hostname'],
        /invalid import path:? "(?<module>[^"]*)"|"(?<char>[^"]*)" not allowed in import path|(?<detail>import path does not begin with hostname)/,
        'all (go/build, modindex, load: an import statement or argument that is not a path)',
      ),
      pat(
        'no-host-not-in-std',
        ['is not in GOROOT', 'is not in std'],
        /package (?<pkg>[a-z0-9][-\w]*\/[^\s]+) is not in (?:GOROOT|std)/i,
        'module mode (modload/import.go): an import path whose first element has no dot is looked up in the standard library only',
        { accept: (g) => !STD_ROOTS.has((g.pkg ?? '').split('/')[0]!) && !(g.pkg ?? '').startsWith('_/') },
      ),
    ],
    title: { en: 'A module or import path is not valid', 'zh-CN': '模块或导入路径无效' },
    message: {
      en: (s) =>
        `"${s.module ?? ''}" is not a valid path: ${s.detail ?? ''}. A module path starts with a domain name (with a dot) unless it is a local-only module; check for typos, a missing host, or stray characters.`,
      'zh-CN': (s) =>
        `"${s.module ?? ''}" 不是有效路径：${s.detail ?? ''}。模块路径应以域名（含点号）开头，除非是只在本地使用的模块；请检查拼写、是否漏掉主机名或混入了多余字符。`,
    },
    fixes: () => [
      {
        description: { en: 'Find where the path is used', 'zh-CN': '找出使用该路径的位置' },
        command: 'grep -rn --include=go.mod --include=*.go "<path>" .',
      },
    ],
    docs: docs('module-path', 'go-mod-file-ident'),
  },
  {
    cause: 'invalid-version-syntax',
    severity: 'error',
    rank: 18,
    patterns: [
      pat(
        'must-be-of-form',
        [
          'invalid: must be of the form',
          'is not canonical',
          'invalid module version syntax',
          'invalid: not a semantic version',
          'invalid: disallowed version string',
          'non-semver module version',
          'non-canonical module version',
        ],
        /(?:version "(?<version>[^"]+)" invalid: (?<detail>must be of the form v\d+\.2\.3|not a semantic version|disallowed version string|[^\n]{0,40}not canonical[^\n]{0,60})|invalid module version syntax "(?<version2>[^"]+)"|non-(?:semver|canonical) module version "(?<version3>[^"]+)")/,
        'all (x/mod modfile, cmd/go get)',
        { scope: 'any' },
      ),
      // While reading go.mod, the go command resolves a non-canonical version (v1.2, master, a
      // commit hash) with a query; a failure is printed at the require line's position, without
      // the version when the lookup itself was refused. Only such lines carry a line:column.
      pat(
        'go-mod-query',
        ['no matching versions for query', 'module lookup disabled by GOPROXY=off'],
        /(?<file>[^\s:]*go\.mod):(?<line>\d+):(?<column>\d+): (?:no matching versions for query "(?<version>[^"]+)"|(?<lookupOff>module lookup disabled by GOPROXY=off))/,
        'all (modload: go.mod versions fixed by a query while parsing)',
      ),
    ],
    title: { en: 'A version is not valid', 'zh-CN': '版本号无效' },
    message: {
      en: (s) =>
        `${s.version ? `"${s.version}" is not a valid module version${s.detail ? ` (${s.detail})` : ''}` : `${String(s.file ?? 'go.mod')}${s.line ? ` line ${s.line}` : ''} requires a version that is not canonical (a branch name, a commit hash or a shortened version such as v1.2)`}. go.mod needs canonical semantic versions (v1.2.3) or pseudo-versions; branch names and commit hashes must be resolved by the go command.${s.lookupOff ? ' Resolving it needs a lookup, and GOPROXY=off forbids it.' : s.file && s.version ? ' The go command tried to resolve it and found no such version.' : ''}`,
      'zh-CN': (s) =>
        `${s.version ? `"${s.version}" 不是有效的模块版本${s.detail ? `（${s.detail}）` : ''}` : `${String(s.file ?? 'go.mod')}${s.line ? ` 第 ${s.line} 行` : ''}依赖的版本不是规范版本（分支名、提交哈希或 v1.2 这样的缩写版本）`}。go.mod 需要规范的语义化版本（v1.2.3）或伪版本；分支名和提交哈希需要由 go 命令解析。${s.lookupOff ? '解析它需要查询，而 GOPROXY=off 禁止了查询。' : s.file && s.version ? 'go 命令尝试解析它，但没有找到这样的版本。' : ''}`,
    },
    fixes: (s) => [
      {
        description: {
          en: 'Let the go command resolve it to a real version',
          'zh-CN': '让 go 命令把它解析成真实的版本',
        },
        command: `go get ${s.module ?? '<module>'}@${s.version ?? '<branch-or-commit>'}`,
      },
    ],
    docs: docs('versions', 'go-mod-file-require'),
  },
  {
    cause: 'no-matching-versions',
    severity: 'error',
    rank: 20,
    yieldsTo: [...FETCH_ROOTS, 'invalid-version-syntax'],
    patterns: [
      pat(
        'no-matching',
        'no matching versions for query',
        /no matching versions for query "(?<query>[^"]+)"/,
        'all (modload)',
        { scope: 'any' },
      ),
      pat(
        'cannot-find-module',
        'cannot find module providing package',
        /cannot find module providing package (?<pkg>[^\s:]+)/,
        'all (modload)',
      ),
      pat(
        'no-commits',
        ': no commits',
        /: no commits$/,
        'all (codehost, proxy: an empty repository; usually relayed by a proxy)',
        { scope: 'any', facts: { emptyRepo: true } },
      ),
    ],
    refine: ({ situation: s, lookedUpPackage }) => {
      // Resolving an import, the go command asks every prefix of the package path for "latest".
      // Below a forge's repository root (host/owner/repo, plus a /vN suffix) the repository is
      // there, so "no matching versions" says its latest version lacks the package: moved or
      // removed upstream, or a package of your own module whose directory does not exist yet.
      if (s.query !== 'latest') return undefined;
      const pkg = s.pkg ?? (s.module ? (s.version ? undefined : s.module) : lookedUpPackage);
      const owner = pkg ? forgeRepository(pkg) : undefined;
      if (!pkg || !owner || owner === pkg) return undefined;
      return {
        cause: 'package-not-in-module',
        facts: { pkg, module: owner, version: 'latest', importLookup: true },
      };
    },
    title: { en: 'No module version satisfies the request', 'zh-CN': '没有满足请求的模块版本' },
    message: {
      en: (s) =>
        `${s.emptyRepo ? `The repository of ${mod.en(s)} has no commits, so it has no version at all` : s.pkg ? `No module provides package ${s.pkg}` : s.query ? `${mod.en(s)} has no version matching "${String(s.query)}"` : `The module proxy has no version of ${mod.en(s)}`}: the path may be misspelled, the module may have no tagged release, or the proxy may hold an outdated list (a new tag takes a while to appear).`,
      'zh-CN': (s) =>
        `${s.emptyRepo ? `${mod.zh(s)} 的仓库没有任何提交，因此没有任何版本` : s.pkg ? `没有模块提供包 ${s.pkg}` : s.query ? `${mod.zh(s)} 没有匹配 "${String(s.query)}" 的版本` : `模块代理中没有 ${mod.zh(s)} 的任何版本`}：路径可能拼错了，模块可能没有发布标签，或代理中的版本列表已过时（新标签需要一段时间才会出现）。`,
    },
    fixes: (s) => [
      {
        description: { en: 'List the versions the proxy knows', 'zh-CN': '列出代理已知的版本' },
        command: `go list -m -versions ${s.module ?? s.pkg ?? '<module>'}`,
      },
      {
        description: { en: 'Ask for a commit or branch instead', 'zh-CN': '改为请求某个提交或分支' },
        command: `go get ${s.module ?? s.pkg ?? '<module>'}@<commit-or-branch>`,
      },
    ],
    docs: docs('version-queries', 'resolve-pkg-mod'),
  },
  {
    cause: 'package-not-in-module',
    severity: 'error',
    rank: 19,
    patterns: [
      pat(
        'found-but-not-contain',
        'but does not contain package',
        /module (?<module>[^\s@]+)@(?<version>[^\s]+)(?: \([^)]{0,200}\))? found(?: \([^)]{0,200}\))?, but does not contain package(?:s matching)? (?<pkg>[^\s]+)/,
        'all (modload; up to 1.13 the resolved version stood before "found")',
        { scope: 'any' },
      ),
      pat(
        'not-at-required',
        'but not at required version',
        /(?:package (?<pkg>[^\s]+)|(?<pkg2>[^\s]+): package) provided by (?<module>[^\s]+) at latest version [^\s]+ but not at required version (?<version>[^\s]+)/,
        'all (modload; up to 1.15 "go: P: package provided by")',
      ),
    ],
    title: { en: 'The module does not contain the package', 'zh-CN': '模块中没有该包' },
    message: {
      en: (s) =>
        `${s.module ?? 'The module'}@${s.version ?? ''} exists but has no package ${s.pkg ?? ''}: the package was moved or removed in that version, lives only on a branch, or belongs to a nested module with its own go.mod.${s.importLookup ? ' If it is a package of your own module, its directory does not exist here: code not generated yet (go generate, templ, protoc), or a directory left out by .gitignore or .dockerignore.' : ''}`,
      'zh-CN': (s) =>
        `${s.module ?? '该模块'}@${s.version ?? ''} 存在，但其中没有包 ${s.pkg ?? ''}：该包在此版本中被移动或删除、只存在于某个分支，或属于拥有自己 go.mod 的嵌套模块。${s.importLookup ? '如果它是你自己模块中的包，那么它的目录在这里并不存在：代码尚未生成（go generate、templ、protoc），或该目录被 .gitignore 或 .dockerignore 排除了。' : ''}`,
    },
    fixes: (s) => [
      {
        description: {
          en: 'Check the import path, or pick a version that has it',
          'zh-CN': '检查导入路径，或选择包含它的版本',
        },
        command: `go list -m -versions ${s.module ?? '<module>'}`,
      },
    ],
    docs: docs('resolve-pkg-mod'),
  },
  {
    cause: 'ambiguous-import',
    severity: 'error',
    rank: 19,
    yieldsTo: ['goroot-broken'],
    patterns: [
      pat(
        'ambiguous',
        'ambiguous import',
        /ambiguous import: found package (?<pkg>[^\s]+) in multiple (?:modules|directories)/,
        'all (modload)',
      ),
    ],
    title: { en: 'Two modules provide the same package', 'zh-CN': '两个模块提供了同一个包' },
    message: {
      en: (s) =>
        `${s.pkg ?? 'A package'} is found in more than one module of the build list, usually because a module was split (e.g. google.golang.org/genproto and its submodules, cloud.google.com/go) and an old version of the parent is still required.`,
      'zh-CN': (s) =>
        `构建列表中有多个模块包含 ${s.pkg ?? '同一个包'}，通常是因为某个模块被拆分（如 google.golang.org/genproto 及其子模块、cloud.google.com/go），而仍依赖着父模块的旧版本。`,
    },
    fixes: () => [
      {
        description: {
          en: 'Upgrade the older (parent) module listed in the message',
          'zh-CN': '升级消息中列出的较旧的（父）模块',
        },
        command: 'go get <parent-module>@latest && go mod tidy',
      },
    ],
    docs: docs('resolve-pkg-mod'),
  },
  {
    cause: 'retracted-version',
    severity: 'warning',
    rank: 30,
    patterns: [
      pat(
        'retracted',
        'retracted by module author',
        /(?<module>[^\s@]+)@(?<version>[^\s:]+): retracted by module author(?:: (?<detail>[^\n]{0,200}))?/,
        'all (modget)',
      ),
      pat(
        'list-retracted',
        ' (retracted)',
        /^(?<module>[^\s]+) (?<version>v[^\s]+) \(retracted\)/,
        'go list -m -u',
      ),
      pat(
        'switch-hint',
        'to switch to the latest unretracted version',
        /to switch to the latest unretracted version/,
        'all (modget)',
        { supporting: true },
      ),
    ],
    title: { en: 'A required version was retracted', 'zh-CN': '依赖的版本已被撤回' },
    message: {
      en: (s) =>
        `The author of ${s.module ?? 'a module'} retracted ${s.version ?? 'this version'}${s.detail ? ` ("${s.detail}")` : ''}: it is broken or was published by mistake. The build still works, but you should move off it.`,
      'zh-CN': (s) =>
        `${s.module ?? '某模块'} 的作者撤回了 ${s.version ?? '该版本'}${s.detail ? `（"${s.detail}"）` : ''}：它有问题或被误发布。构建仍可进行，但应尽快换用其他版本。`,
    },
    fixes: (s) => [
      {
        description: { en: 'Switch to the latest unretracted version', 'zh-CN': '切换到最新的未撤回版本' },
        command: `go get ${s.module ?? '<module>'}@latest`,
      },
    ],
    docs: docs('go-mod-file-retract'),
  },
  {
    cause: 'excluded-version',
    severity: 'error',
    rank: 19,
    patterns: [
      pat(
        'excluded',
        'excluded by go.mod',
        /(?:(?<module>[^\s@]+)@(?<version>[^\s:]+): )?excluded by go\.mod/,
        'all (modload: the version is in an exclude directive of the main module)',
      ),
      pat(
        'excluded-old',
        [' excluded', 'depends on excluded '],
        /(?<module>[^\s@()]+)@(?<version>[^\s:]+) excluded$|depends on excluded (?<module2>[^\s(]+)\((?<version2>[^)\s]+)\) with no newer version available/,
        '1.15-1.16 (modload query.go "M@V excluded", mvs.go "depends on excluded")',
      ),
    ],
    title: { en: 'The version is excluded by go.mod', 'zh-CN': '该版本被 go.mod 排除了' },
    message: {
      en: (s) =>
        `${at.en(s)} is named in an "exclude" directive of your go.mod (or of a module in go.work), so the go command refuses to use it. Someone excluded it on purpose (a broken or vulnerable release): pick another version, or remove the exclude line if it no longer applies.`,
      'zh-CN': (s) =>
        `${at.zh(s)} 出现在你的 go.mod（或 go.work 中某个模块）的 "exclude" 指令里，所以 go 命令拒绝使用它。这是有人特意排除的（有问题或有漏洞的版本）：请换一个版本；如果排除已不再适用，就删除这行 exclude。`,
    },
    fixes: (s) => [
      {
        description: { en: 'Use another version', 'zh-CN': '改用其他版本' },
        command: `go list -m -versions ${s.module ?? '<module>'}`,
      },
      {
        description: {
          en: 'Or drop the exclusion if it no longer applies',
          'zh-CN': '或者在排除已不再适用时删除它',
        },
        command: `go mod edit -dropexclude=${s.module ?? '<module>'}@${s.version ?? '<version>'}`,
      },
    ],
    docs: docs('go-mod-file-exclude'),
  },
  {
    cause: 'deprecated-module',
    severity: 'warning',
    rank: 30,
    patterns: [
      pat(
        'deprecated',
        'is deprecated',
        /module (?<module>[^\s]+) is deprecated: (?<detail>[^\n]{0,300})/,
        'all (modget)',
      ),
      pat(
        'list-deprecated',
        ' (deprecated)',
        /^(?<module>[^\s]+) (?<version>v[^\s]+)[^\n]{0,100}\(deprecated\)/,
        'go list -m -u',
      ),
    ],
    title: { en: 'A required module is deprecated', 'zh-CN': '依赖的模块已被弃用' },
    message: {
      en: (s) =>
        `${s.module ?? 'A module'} is deprecated by its author${s.detail ? `: "${s.detail}"` : ''}. Nothing fails now, but it will not get fixes.`,
      'zh-CN': (s) =>
        `${s.module ?? '某模块'} 已被作者弃用${s.detail ? `："${s.detail}"` : ''}。目前不会出错，但它不会再得到修复。`,
    },
    fixes: (s) => [
      {
        description: {
          en: 'See who needs it, and move to the replacement it names',
          'zh-CN': '查看谁依赖它，并迁移到它推荐的替代模块',
        },
        command: `go mod why -m ${s.module ?? '<module>'}`,
      },
    ],
    docs: docs('go-mod-file-module-deprecation'),
  },
  {
    cause: 'missing-go-sum-entry',
    severity: 'error',
    rank: 20,
    yieldsTo: ['go-version-too-new'],
    patterns: [
      pat(
        'missing-entry',
        'missing go.sum entry',
        /missing go\.sum entry(?: for module providing package (?<pkg>[^\s;]+)| needed to verify package (?<pkg2>[^\s]+)| for go\.mod file)?/,
        'all (modload; "to add it" hints since 1.16)',
      ),
    ],
    title: { en: 'go.sum lacks a needed checksum', 'zh-CN': 'go.sum 缺少所需的校验和' },
    message: {
      en: (s) =>
        `go.sum has no hash for ${s.module ? at.en(s) : s.pkg ? `the module providing ${s.pkg}` : 'a module the build needs'}, and since Go 1.16 builds do not add it (-mod=readonly). Typical after editing go.mod by hand, a merge, or a tool that writes go.mod but not go.sum.`,
      'zh-CN': (s) =>
        `go.sum 中没有 ${s.module ? at.zh(s) : s.pkg ? `提供 ${s.pkg} 的模块` : '构建所需模块'}的哈希，而从 Go 1.16 起构建不会自动添加（-mod=readonly）。常见于手工编辑 go.mod、合并分支后，或某个工具只修改了 go.mod 而没有修改 go.sum。`,
    },
    fixes: (s) => [
      tidy({ en: 'Add the missing hashes (and commit go.sum)', 'zh-CN': '补上缺失的哈希（并提交 go.sum）' }),
      ...(s.module
        ? [
            {
              description: { en: 'Or only this module', 'zh-CN': '或者只处理这个模块' },
              command: `go mod download ${s.module}`,
            },
          ]
        : []),
    ],
    docs: docs('go-sum-files', 'authenticating'),
  },
  {
    cause: 'checksum-mismatch',
    severity: 'error',
    rank: 17,
    patterns: [
      pat(
        'mismatch',
        'checksum mismatch',
        /verifying (?:(?:module|go\.mod): )?(?:(?<module>[^\s@]+)@(?<version>[^\s:/]+)(?<goModFile>\/go\.mod)?: )?checksum mismatch/,
        'all (modfetch)',
      ),
      pat('security-error', 'SECURITY ERROR', /^SECURITY ERROR/, 'all (modfetch)', { supporting: true }),
      // The checksum database line is named after GOSUMDB: sum.golang.org, sum.golang.google.cn, ...
      pat(
        'hash-line',
        ': h1:',
        /^\s+(?:downloaded: +(?<downloadedHash>h1:[A-Za-z0-9+/=]{44})|go\.sum: +(?<goSumHash>h1:[A-Za-z0-9+/=]{44})|(?<sumdbName>[a-z0-9][a-z0-9.-]{0,100}\.[a-z]{2,20}): +(?<sumdbHash>h1:[A-Za-z0-9+/=]{44}))$/,
        'all (modfetch)',
        { supporting: true },
      ),
      pat(
        'does-not-match',
        'This download does NOT match',
        /This download does NOT match (?<against>an earlier download recorded in go\.sum|the one reported by the checksum server)/,
        'all (modfetch)',
        { supporting: true },
      ),
    ],
    title: {
      en: 'Downloaded code does not match its recorded checksum',
      'zh-CN': '下载的代码与记录的校验和不一致',
    },
    // What the module cache holds for the module tells a stale or damaged cache from a fresh
    // download of content that changed at its source.
    situate: (s, context) => {
      const gomodcache = context?.goEnv?.GOMODCACHE;
      if (!gomodcache || !s.module || !s.version || !s.downloadedHash) return {};
      const cached = cachedHash(gomodcache, s.module, s.version, s.goModFile ? 'mod' : 'zip');
      if (cached === undefined) return { cache: 'none' };
      return cached === s.downloadedHash ? { cache: 'same' } : { cache: 'other', cachedHash: cached };
    },
    message: {
      en: (s) => {
        const sumdb = checkedBySumdb(s);
        const where = sumdb ? `the checksum database${s.sumdbName ? ` (${s.sumdbName})` : ''}` : 'go.sum';
        const head = `${s.goModFile ? `The go.mod file of ${at.en(s)}` : `The content of ${at.en(s)}`} differs from the hash in ${where}.`;
        switch (s.cache) {
          case 'same':
            return `${head} Your module cache already holds exactly this content (the hash it recorded is the downloaded one), so nothing new was downloaded: ${sumdb ? 'the cache was filled from a source that served other content, at a time the checksum database was not consulted (GONOSUMDB, GOSUMDB=off, GOFLAGS=-insecure)' : 'either the go.sum line is wrong (edited by hand, a merge, another tool) or the cache was filled from another source or with checks off (GONOSUMDB, GOSUMDB=off)'}. Remove only this version from the cache and run the command again: if the fresh download matches, the cache was wrong${sumdb ? '' : '; if it fails the same way, the go.sum line is wrong'}.`;
          case 'none':
            return `${head} The module cache has no copy, so this was a fresh download: the source it came from (the GOPROXY entry or the origin repository) now serves other content than ${where} recorded. Most often a release tag was deleted and pushed again upstream${sumdb ? ', or a mirror serves altered content' : ', or the go.sum line was edited by hand or in a merge'}. Cleaning the module cache will not help.`;
          case 'other':
            return `${head} The module cache holds yet another copy (${String(s.cachedHash)}): it is damaged or came from another source. Remove this version from the cache first.`;
          default:
            return `${head} By far the most common reason is a release tag that was deleted and pushed again (the proxy or go.sum has the first content); a corrupted local download is the next. Do not just delete the go.sum line: find out which content is right.`;
        }
      },
      'zh-CN': (s) => {
        const sumdb = checkedBySumdb(s);
        const where = sumdb ? `校验和数据库${s.sumdbName ? `（${s.sumdbName}）` : ''}` : 'go.sum';
        const head = `${at.zh(s)} 的${s.goModFile ? ' go.mod 文件' : '内容'}与 ${where} 中的哈希不一致。`;
        switch (s.cache) {
          case 'same':
            return `${head}模块缓存中已经有完全相同的内容（它记录的哈希就是 downloaded 那一行），所以这次并没有重新下载：${sumdb ? '缓存是在没有查询校验和数据库时（GONOSUMDB、GOSUMDB=off、GOFLAGS=-insecure）从提供了不同内容的来源填入的' : '要么 go.sum 中的这一行是错的（手工编辑、合并分支或其他工具造成），要么缓存来自别的来源或是在关闭校验时（GONOSUMDB、GOSUMDB=off）填入的'}。只从缓存中删除这个版本，然后重新运行命令：如果新下载的内容一致，说明是缓存有问题${sumdb ? '' : '；如果仍然以同样方式失败，说明 go.sum 中的这一行是错的'}。`;
          case 'none':
            return `${head}模块缓存中没有副本，所以这是一次全新的下载：它的来源（GOPROXY 中的代理或源仓库）现在提供的内容与 ${where} 记录的不同。最常见的原因是上游删除并重新推送了发布标签${sumdb ? '，或者某个镜像提供了被改动的内容' : '，或者 go.sum 中的这一行被手工或在合并时改动过'}。清理模块缓存没有用。`;
          case 'other':
            return `${head}模块缓存中还有另一份不同的副本（${String(s.cachedHash)}）：它已损坏或来自别的来源。请先从缓存中删除这个版本。`;
          default:
            return `${head}最常见的原因是发布标签被删除后重新推送（代理或 go.sum 中记录的是第一次的内容）；其次是本地下载损坏。不要直接删除 go.sum 中的那一行：先确认哪一份内容是对的。`;
        }
      },
    },
    fixes: (s) => {
      const fixes: FixTemplate[] = [];
      const remove = s.cache === 'none' ? undefined : removeFromCacheFix(s);
      if (remove) fixes.push(remove);
      fixes.push({
        description: {
          en: 'Compare with what the proxy serves; if the upstream tag moved, ask the author for a new version rather than accepting the new hash',
          'zh-CN': '与代理提供的内容比较；如果上游标签被移动过，请让作者发布新版本，而不是接受新的哈希',
        },
        command: `go mod download -json ${s.module ?? '<module>'}@${s.version ?? '<version>'}`,
      });
      return fixes;
    },
    docs: docs('authenticating', 'go-sum-files', 'checksum-database'),
  },
  {
    cause: 'go-mod-needs-update',
    severity: 'error',
    rank: 21,
    yieldsTo: [
      'inconsistent-vendoring',
      'missing-go-sum-entry',
      'no-main-module',
      'workspace-mismatch',
      'go-version-too-new',
    ],
    patterns: [
      pat(
        'updates-needed',
        ['updates to go.mod needed', 'updates to go.sum needed'],
        /updates to go\.(?<file>mod|sum) needed(?:, disabled by -mod=(?<mode>[a-z]+))?/,
        'all (modload)',
      ),
      pat(
        'no-required-module',
        'no required module provides package',
        /no required module provides package (?<pkg>[^\s;:]+); to add it/,
        '1.16+ (modload)',
      ),
      pat(
        'missing-module-for-import',
        'missing module for import',
        /missing module for import: (?<module>[^\s@]+)@(?<version>[^\s]+) provides (?<pkg>[^\s]+)/,
        'all (modload: the module that provides the package is known but not required)',
      ),
      pat(
        'replaced-not-required',
        'is replaced but not required',
        /module (?<module>[^\s]+) provides package (?<pkg>[^\s]+) and is replaced but not required/,
        '1.16+ (modload)',
      ),
    ],
    title: { en: 'go.mod/go.sum are out of date', 'zh-CN': 'go.mod/go.sum 需要更新' },
    message: {
      en: (s) =>
        `The build needs ${s.pkg ? `package ${s.pkg}, which no requirement in go.mod provides` : `changes to go.${String(s.file ?? 'mod')}`}, and the command may not make them (-mod=${String(s.mode ?? 'readonly')}, the default for builds since Go 1.16). Run the update once and commit the result.`,
      'zh-CN': (s) =>
        `构建需要${s.pkg ? `包 ${s.pkg}，但 go.mod 中没有任何依赖提供它` : `修改 go.${String(s.file ?? 'mod')}`}，而当前命令不允许修改（-mod=${String(s.mode ?? 'readonly')}，从 Go 1.16 起是构建的默认值）。执行一次更新并提交结果。`,
    },
    fixes: (s) => [
      ...(s.pkg
        ? [{ description: { en: 'Add the requirement', 'zh-CN': '添加依赖' }, command: `go get ${s.pkg}` }]
        : []),
      tidy({ en: 'Bring go.mod and go.sum up to date', 'zh-CN': '更新 go.mod 和 go.sum' }),
      {
        description: {
          en: 'Check GOFLAGS does not force a -mod mode you did not mean',
          'zh-CN': '确认 GOFLAGS 没有强制指定你不想要的 -mod 模式',
        },
        command: 'go env GOFLAGS',
      },
    ],
    docs: docs('build-commands', 'go-mod-tidy'),
  },
  {
    cause: 'vendor-mode-lookup',
    severity: 'error',
    rank: 16,
    patterns: [
      pat(
        'disabled-by-vendor',
        ['disabled by -mod=vendor', 'due to -mod=vendor', 'using the vendor directory'],
        /(?:(?:import|module) lookup )?disabled by -mod=vendor|cannot query module due to -mod=vendor|can't resolve module using the vendor directory/,
        'all (modload)',
      ),
      pat(
        'vendor-auto',
        'vendor directory exists',
        /Go version in go\.mod is at least 1\.14 and vendor directory exists/,
        'all (modload)',
        { supporting: true },
      ),
      // <= 1.20 resolve a vendored import to its directory and let go/build report it missing:
      // `cannot find package "." in:` and then the directory alone on a tab-indented line.
      pat(
        'vendor-dir-missing',
        '/vendor/',
        /^\s+(?<file>[^\s]*\/vendor\/[^\s]+)$/,
        '<= 1.20 (go/build via load, vendor mode)',
        { accept: (_groups, line) => line.charCodeAt(0) === 0x09 },
      ),
      pat(
        'cannot-find-dot',
        'cannot find package "." in:',
        /cannot find package "\." in:$/,
        '<= 1.20 (go/build; the directory follows on the next line)',
        { supporting: true },
      ),
    ],
    title: {
      en: 'Vendor mode is on and vendor/ lacks a package',
      'zh-CN': 'vendor 模式已开启，但 vendor/ 中缺少包',
    },
    message: {
      en: () =>
        'The go command builds from vendor/ (automatic when go.mod says go >= 1.14 and vendor/ exists, or -mod=vendor), so it may not look anything up, and vendor/ does not have what the build needs.',
      'zh-CN': () =>
        'go 命令从 vendor/ 构建（当 go.mod 的 go 版本 >= 1.14 且存在 vendor/ 时自动开启，或使用了 -mod=vendor），因此不会查找任何模块，而 vendor/ 中没有构建所需的内容。',
    },
    fixes: () => [
      {
        description: { en: 'Refresh vendor/', 'zh-CN': '刷新 vendor/' },
        command: 'go mod tidy && go mod vendor',
      },
      {
        description: { en: 'Or build without vendor/ this once', 'zh-CN': '或者本次不使用 vendor/ 构建' },
        command: 'go build -mod=mod ./...',
      },
    ],
    docs: docs('vendoring'),
  },
  {
    cause: 'install-replace-directive',
    severity: 'error',
    rank: 16,
    patterns: [
      pat(
        'install-replace',
        [
          'module providing named packages contains one or',
          'more replace directives',
          'more exclude directives',
        ],
        /(?:The go\.mod file for the module providing named packages contains one or|more (?<directive>replace|exclude) directives)/,
        '1.16+ (go install/run pkg@version)',
      ),
    ],
    title: {
      en: 'go install pkg@version refuses modules with replace directives',
      'zh-CN': 'go install pkg@version 拒绝含 replace 指令的模块',
    },
    message: {
      en: () =>
        '"go install" and "go run" with @version build the module as a dependency would, and refuse when its go.mod has replace (or exclude) directives, because they would not apply. This is a property of that module, not of your setup.',
      'zh-CN': () =>
        '带 @version 的 "go install" 和 "go run" 会像依赖方一样构建该模块，如果它的 go.mod 含有 replace（或 exclude）指令就会拒绝，因为这些指令不会生效。这是该模块本身的问题，而不是你的配置问题。',
    },
    fixes: () => [
      {
        description: {
          en: 'Clone the repository and install from inside it',
          'zh-CN': '克隆该仓库并在其中安装',
        },
        command: 'git clone <repository-url> && cd <repository> && go install ./<cmd-path>',
      },
    ],
    docs: docs('go-install'),
  },
  {
    cause: 'module-zip-invalid',
    severity: 'error',
    rank: 17,
    patterns: [
      pat(
        'malformed-file-path',
        'malformed file path',
        /malformed file path "(?<file>[^"]*)": (?<detail>[^\n]{1,120})/,
        'all (x/mod zip)',
        { scope: 'any' },
      ),
      pat(
        'case-collision',
        'case-insensitive file name collision',
        /case-insensitive file name collision: "(?<file>[^"]+)" and "[^"]+"/,
        'all (x/mod zip)',
        { scope: 'any' },
      ),
      pat(
        'too-large',
        [
          'module source tree too large',
          'file too large',
          'go.mod file too large',
          'LICENSE file too large',
          'module zip file is too large',
          'size of module contents too large',
          'encoded file exceeds allowed size',
        ],
        /(?<detail>module source tree too large[^\n]{0,80}|ReadZip: encoded file exceeds allowed size|[^\s]*file too large[^\n]{0,80}|module zip file is too large[^\n]{0,80}|total uncompressed size of module contents too large[^\n]{0,80})/,
        'all (x/mod zip)',
        // The proxy's download exceeding the limit is the proxy's answer, not the module's files.
        { scope: 'any', unless: ['downloaded zip file too large'] },
      ),
    ],
    title: { en: "The module's files cannot be packaged", 'zh-CN': '模块的文件无法打包' },
    message: {
      en: (s) =>
        `${at.en(s)} contains ${s.file ? `"${s.file}", ` : ''}a file the module zip format does not allow${quoted(s)}: characters such as quotes or colons, two names differing only in case, or more than 500 MB. Proxies and the checksum database fail on it for everyone.`,
      'zh-CN': (s) =>
        `${at.zh(s)} 包含${s.file ? ` "${s.file}" 这样的` : ''}模块 zip 格式不允许的文件${quoted(s)}：如引号、冒号等字符，仅大小写不同的两个文件名，或总大小超过 500 MB。所有人的代理和校验和数据库都会因此失败。`,
    },
    fixes: () => [
      {
        description: {
          en: 'Rename or remove the file in the module and tag a new version',
          'zh-CN': '在模块中重命名或删除该文件，然后打一个新版本标签',
        },
      },
    ],
    docs: docs('zip-files'),
  },
  {
    cause: 'inconsistent-vendoring',
    severity: 'error',
    rank: 16,
    patterns: [
      pat(
        'inconsistent',
        'inconsistent vendoring',
        /inconsistent vendoring(?: in (?<file>[^\s:]+))?/,
        'all (modload)',
      ),
      pat(
        'vendor-tree',
        [
          'should be required explicitly in go.mod',
          'reading modules.txt for vendor directory',
          'is not a package listed in vendor/modules.txt',
          'exists in the vendor directory but is missing',
        ],
        /vendored module (?<module>[^\s]+) should be required explicitly in go\.mod|reading modules\.txt for vendor directory|directory (?<file>[^\s]+) is not a package listed in vendor\/modules\.txt|ignoring package (?<pkg>[^\s]+) which exists in the vendor directory but is missing/,
        'all (modload: vendor/modules.txt and go.mod disagree)',
      ),
      pat(
        'detail',
        ['but not marked as', 'in vendor/modules.txt, but', 'missing from vendor/modules.txt'],
        /(?<module>[^\s@]+)(?:@(?<version>[^\s:]+))?: is (?:explicitly required|replaced|marked as [a-z]+)[^\n]{0,200}|missing from vendor\/modules\.txt/,
        'all (modload)',
        { supporting: true },
      ),
    ],
    title: { en: 'vendor/ does not match go.mod', 'zh-CN': 'vendor/ 与 go.mod 不一致' },
    message: {
      en: () =>
        'go.mod changed (or a branch was merged) without running "go mod vendor", so vendor/modules.txt lists different requirements.',
      'zh-CN': () =>
        '修改了 go.mod（或合并了分支）却没有执行 "go mod vendor"，所以 vendor/modules.txt 中的依赖与之不同。',
    },
    fixes: () => [
      { description: { en: 'Sync vendor/', 'zh-CN': '同步 vendor/' }, command: 'go mod vendor' },
      {
        description: { en: 'Or ignore vendor/ this once', 'zh-CN': '或者本次忽略 vendor/' },
        command: 'go build -mod=readonly ./...',
      },
    ],
    docs: docs('vendoring'),
  },
  {
    cause: 'import-cycle',
    severity: 'error',
    rank: 19,
    patterns: [
      pat(
        'cycle',
        'import cycle not allowed',
        /import cycle not allowed(?<test> in test)?/,
        'all (go/build, load)',
      ),
    ],
    title: { en: 'Packages import each other in a cycle', 'zh-CN': '包之间存在循环导入' },
    message: {
      en: () =>
        'The packages listed after the message import each other in a circle, which Go forbids. If the cycle goes through runtime or internal/ packages of the standard library, the Go installation is broken (two releases unpacked over each other).',
      'zh-CN': () =>
        '消息后列出的包相互导入形成了环，Go 不允许这样。如果循环经过标准库的 runtime 或 internal/ 包，说明 Go 安装已损坏（两个版本被解压到了同一目录）。',
    },
    fixes: () => [
      {
        description: {
          en: 'Move the shared code into a third package that both import',
          'zh-CN': '把共用代码移到两者都导入的第三个包中',
        },
      },
      {
        description: { en: 'See the import chain', 'zh-CN': '查看导入链' },
        command: 'go list -deps ./... >/dev/null',
      },
    ],
    docs: docs('https://go.dev/ref/spec#Import_declarations'),
  },
  {
    cause: 'go-mod-syntax',
    severity: 'error',
    rank: 5,
    yieldsTo: [
      'go-version-too-new',
      'unknown-revision',
      'invalid-version-syntax',
      'malformed-module-path',
      'major-version-suffix',
      'replace-target-missing',
      'conflicting-replace',
      'workspace-mismatch',
      'godebug-removed',
    ],
    patterns: [
      pat(
        'positioned',
        ['go.mod:', 'go.work:'],
        /(?<file>[^\s:]*go\.(?:mod|work)):(?<line>\d+)(?::(?<column>\d+))?: (?<detail>unknown directive: [^\s]+|unknown block type: [^\s]+|usage: [^\n]{1,100}|unexpected [^\n]{1,80}|repeated [a-z]+ statement|replacement (?:module|directory) [^\n]{1,120}|invalid (?:go|toolchain) version[^\n]{0,120}|invalid (?:language version|toolchain name)[^\n]{0,80}|invalid quoted string[^\n]{0,80}|unquoted string cannot contain quote|expected (?:'[[\],]'|version) [^\n]{0,40}|[a-z]+ directive expects exactly one argument|no module directive found[^\n]{0,60}|invalid module path$|(?:key|value) contains (?:space|comma)|value for default= must be goVERSION|default=[^\s]+ too new[^\n]{0,60}|unknown godebug "[^"]*"|malformed module path "[<=>]{7}[^\n]{0,40}|[^\n]{0,40}(?:<<<<<<<|>>>>>>>)[^\n]{0,40})/,
        'all (x/mod modfile)',
        { accept: (g) => !OLD_TOOLCHAIN_DIRECTIVE.test(g.detail ?? '') },
      ),
      pat(
        'invalid-toolchain-line',
        'invalid toolchain "',
        /invalid toolchain "(?<detail>[^"]*)" in (?<file>[^\s]*go\.(?:mod|work))/,
        '1.21+ (toolchain/select.go: a toolchain line the go command cannot use)',
      ),
      pat(
        'missing-module-line',
        ['missing module declaration', 'no module declaration in go.mod', 'missing module line'],
        /(?:error reading (?<file>[^\s:]*go\.mod): missing module declaration|no module declaration in go\.mod|parsing go\.mod: missing module line)/,
        'all (modload): a go.mod without its module line',
      ),
      pat(
        'errors-parsing',
        'errors parsing ',
        /errors parsing (?<file>[^\s:]*go\.(?:mod|work))/,
        'all ("errors parsing go.mod:" <= 1.20, the file path since 1.21)',
        { supporting: true },
      ),
    ],
    title: { en: 'go.mod or go.work cannot be parsed', 'zh-CN': 'go.mod 或 go.work 无法解析' },
    message: {
      en: (s) =>
        `${String(s.file ?? 'go.mod')}${s.line ? ` line ${s.line}` : ''}: ${s.detail ?? 'syntax error'}. Left-over merge conflict markers, a hand edit (path@version where "path version" is needed) or a directive misspelled.`,
      'zh-CN': (s) =>
        `${String(s.file ?? 'go.mod')}${s.line ? ` 第 ${s.line} 行` : ''}：${s.detail ?? '语法错误'}。可能是遗留的合并冲突标记、手工编辑有误（需要 "path version" 却写成了 path@version），或指令拼写错误。`,
    },
    fixes: (s) => [
      {
        description: {
          en: 'Check the file as the go command reads it',
          'zh-CN': '按 go 命令的规则检查该文件',
        },
        command: `gomod-doctor modfile ${String(s.file ?? 'go.mod')}`,
      },
      {
        description: { en: 'Reformat after fixing the line', 'zh-CN': '修正该行后重新格式化' },
        command: 'go mod edit -fmt',
      },
    ],
    docs: docs('go-mod-file', 'go-mod-file-lexical'),
  },
  {
    cause: 'go-sum-malformed',
    severity: 'error',
    rank: 5,
    patterns: [
      pat('malformed-go-sum', 'malformed go.sum', /malformed go\.sum/, 'all (modfetch)'),
      pat(
        'go-sum-line',
        'go.sum:',
        /(?<file>[^\s:]*go\.sum):(?<line>\d+): (?<detail>wrong number of fields \d+|malformed[^\n]{0,80}|[^\n]{0,40}hash[^\n]{0,40})/,
        'all (modfetch)',
      ),
    ],
    title: { en: 'go.sum holds malformed lines', 'zh-CN': 'go.sum 中有格式错误的行' },
    message: {
      en: (s) =>
        `${String(s.file ?? 'go.sum')}${s.line ? ` line ${s.line}` : ''}: ${s.detail ?? 'malformed line'}. Usually merge conflict markers or a hand edit.`,
      'zh-CN': (s) =>
        `${String(s.file ?? 'go.sum')}${s.line ? ` 第 ${s.line} 行` : ''}：${s.detail ?? '格式错误'}。通常是合并冲突标记或手工编辑导致。`,
    },
    fixes: () => [
      {
        description: {
          en: 'Remove the broken lines (or the conflict markers), then regenerate',
          'zh-CN': '删除损坏的行（或冲突标记），然后重新生成',
        },
        command: 'go mod tidy',
      },
    ],
    docs: docs('go-sum-files'),
  },
  {
    cause: 'replace-target-missing',
    severity: 'error',
    rank: 16,
    patterns: [
      pat(
        'replacement-directory',
        'replacement directory',
        /replacement directory (?<file>[^\s]+) does not exist/,
        'all (modload)',
      ),
      pat(
        'replaced-by-read',
        'replaced by',
        /\(replaced by (?<file>[^)]+)\): reading (?<gomod>[^\s]+go\.mod): open [^\n]{0,300}(?:no such file or directory|cannot find the (?:file|path) specified)/,
        'all (modload)',
      ),
      pat(
        'module-dir-read',
        'reading ',
        /module (?<file>\.{1,2}[/\\][^\s:]*|\/[^\s:]+|[A-Za-z]:\\[^\s:]+): reading (?<gomod>[^\s]+go\.mod): open [^\n]{0,300}(?:no such file or directory|cannot find the (?:file|path) specified)/,
        '1.23+ (modload: a replacement directory without go.mod, named by its path)',
      ),
    ],
    title: { en: 'A replace points at a missing directory', 'zh-CN': 'replace 指向的目录不存在' },
    message: {
      en: (s) =>
        `A replace directive points at ${String(s.file ?? 'a directory')}, which does not exist (or has no go.mod) here. Common in Docker builds, whose context does not include ../ directories, and in CI checkouts of one repository.`,
      'zh-CN': (s) =>
        `某个 replace 指令指向 ${String(s.file ?? '一个目录')}，但这里不存在该目录（或其中没有 go.mod）。常见于 Docker 构建（构建上下文不包含 ../ 目录）和只检出一个仓库的 CI。`,
    },
    fixes: (s) => [
      {
        description: {
          en: 'Drop the local replace (use a published version)',
          'zh-CN': '去掉本地 replace（使用已发布的版本）',
        },
        command: `go mod edit -dropreplace ${s.module ?? '<module>'}`,
      },
      {
        description: {
          en: 'Or make the directory available (Docker: build from the parent directory)',
          'zh-CN': '或者让该目录可用（Docker：从上级目录构建）',
        },
        command: 'docker build -f <dir>/Dockerfile .',
      },
    ],
    docs: docs('go-mod-file-replace'),
  },
  {
    cause: 'conflicting-replace',
    severity: 'error',
    rank: 16,
    patterns: [
      pat(
        'conflicting',
        'conflicting replacements',
        /conflicting replacements (?:found )?for (?<module>[^\s:]+)/,
        'all (modload; "found ... in workspace modules" for go.work)',
      ),
      pat(
        'two-module-paths',
        'used for two different module paths',
        /(?<module>[^\s@]+)@(?<version>[^\s]+) used for two different module paths/,
        'all (modload: two replace directives point at one directory or module version)',
      ),
      pat(
        'replaced-at-all-versions',
        'is replaced at all versions in the go.work file',
        /workspace module (?<module>[^\s]+) is replaced at all versions in the go\.work file/,
        '1.21+ (modload)',
      ),
    ],
    title: { en: 'Two replace directives disagree', 'zh-CN': '两条 replace 指令相互冲突' },
    message: {
      en: (s) =>
        `${mod.en(s)} is replaced by two different targets (in one go.mod, or by two modules of a workspace).`,
      'zh-CN': (s) => `${mod.zh(s)} 被替换为两个不同的目标（在同一个 go.mod 中，或在工作区的两个模块中）。`,
    },
    fixes: (s) => [
      {
        description: {
          en: 'Keep one replace; in a workspace, decide in go.work',
          'zh-CN': '只保留一条 replace；在工作区中，在 go.work 中决定',
        },
        command: `go work edit -replace ${s.module ?? '<module>'}=<target>`,
      },
    ],
    docs: docs('go-mod-file-replace', 'go-work-file-replace'),
  },
  {
    cause: 'no-main-module',
    severity: 'error',
    rank: 4,
    patterns: [
      pat(
        'go-mod-not-found',
        'go.mod file not found',
        /go\.mod file not found in current directory or any parent directory/,
        '1.16+',
      ),
      pat(
        'cannot-find-main',
        'cannot find main module',
        /cannot find main module(?<found>, but found [^\s]+ in [^\n]{0,200})?/,
        'all',
      ),
      pat(
        'go-get-outside',
        "'go get' is no longer supported outside a module",
        /'go get' is no longer supported outside a module/,
        '1.18+',
      ),
      pat(
        'outside-main',
        'outside main module',
        /(?:directory [^\n]{0,200}?|current directory) (?:is )?outside main module/,
        '1.21+ (and "directory ." before)',
      ),
      pat('outside-root', 'is outside module root', /is outside module root/, 'all'),
      pat(
        'outside-available',
        'outside available modules',
        /directory (?:prefix )?(?<file>[^\s]+) outside available modules/,
        '1.14-1.17 (modload; later "does not contain main module" / "outside main module")',
      ),
      pat(
        'directory-prefix',
        'does not contain main module',
        /directory prefix (?<file>[^\s]+) does not contain main module/,
        'all (modload): a ./... pattern run where no directory belongs to the main module',
      ),
      pat(
        'main-not-contain',
        'does not contain package',
        /main module \((?<module>[^)]+)\) does not contain package (?<pkg>[^\s]+)/,
        'all',
      ),
    ],
    title: { en: 'No module here (or the wrong one)', 'zh-CN': '这里没有模块（或不是预期的模块）' },
    message: {
      en: (s) =>
        `The command ran outside the module it was meant for${s.pkg ? ` (${s.pkg} is not in ${s.module ?? 'the main module'})` : ''}: no go.mod in this directory or above, or a different module root.`,
      'zh-CN': (s) =>
        `命令没有在预期的模块中运行${s.pkg ? `（${s.pkg} 不在 ${s.module ?? '主模块'} 中）` : ''}：当前目录及其上级没有 go.mod，或模块根目录不同。`,
    },
    fixes: () => [
      {
        description: { en: 'Run it in the module directory', 'zh-CN': '在模块目录中运行' },
        command: 'cd <module-dir> && go mod tidy',
      },
      {
        description: { en: 'Or create a module here', 'zh-CN': '或者在这里创建模块' },
        command: 'go mod init <module-path>',
      },
      {
        description: {
          en: 'To install a tool outside a module, use go install',
          'zh-CN': '要在模块外安装工具，请使用 go install',
        },
        command: 'go install <package>@latest',
      },
    ],
    docs: docs('mod-commands', 'go-mod-init'),
  },
  {
    cause: 'gopath-mode',
    severity: 'error',
    rank: 3,
    patterns: [
      pat(
        'path-at-version',
        'in module-aware mode',
        /can only use path@version syntax with 'go get' and 'go install' in module-aware mode/,
        'all',
      ),
      pat(
        'path-at-version-gopath',
        'path@version syntax in GOPATH mode',
        /cannot use path@version syntax in GOPATH mode/,
        '1.11-1.16 (modules off: GO111MODULE=off, or auto outside a module before 1.16)',
      ),
      pat(
        'modules-disabled',
        'modules disabled by GO111MODULE=off',
        /modules disabled by GO111MODULE=off/,
        'all',
      ),
      pat(
        'gopath-unrecognized',
        'unrecognized import path',
        /^package (?<pkg>[^\s:]+): unrecognized import path "[^"]+" \(/,
        'GOPATH mode (all)',
      ),
      pat(
        'cannot-find-package',
        'cannot find package "',
        /cannot find package "(?<pkg>[^"]+)" in any of:/,
        'GOPATH mode (all)',
      ),
      pat(
        'gopath-get',
        [
          'cannot download, $GOPATH',
          'is a GOROOT, not a GOPATH',
          ' must be imported as ',
          'is a custom import path for ',
        ],
        /cannot download, (?:\$GOPATH not set|\$GOPATH must not be set to \$GOROOT|[^\s]+ is a GOROOT, not a GOPATH)|^(?:package )?(?<pkg>[^\s:]+) must be imported as [^\s]+$|is a custom import path for [^\s]+, but [^\s]+ is checked out from /,
        "GOPATH mode's go get only (get/get.go, up to 1.21): GOPATH checks, import comments, custom import paths",
      ),
      pat(
        'local-import-path',
        ['package _/', 'package "_/'],
        /(?:^|\s)package "?(?<pkg>_\/[^\s":]+)/,
        'GOPATH mode (all): a directory outside GOPATH gets the import path "_" followed by its absolute path',
        { scope: 'any' },
      ),
      pat(
        'gopath-go-mod',
        '$GOPATH/go.mod exists but should not',
        /\$GOPATH\/go\.mod exists but should not/,
        '<= 1.21',
      ),
    ],
    title: { en: 'Modules are off (GOPATH mode)', 'zh-CN': '模块模式已关闭（GOPATH 模式）' },
    message: {
      en: () =>
        'The go command ran in GOPATH mode (GO111MODULE=off, or auto outside a module on old releases): go.mod is ignored and so are GOPROXY, GOPRIVATE and GOSUMDB, so every import is fetched directly from its host.',
      'zh-CN': () =>
        'go 命令运行在 GOPATH 模式下（GO111MODULE=off，或旧版本中在模块外设置为 auto）：go.mod 被忽略，GOPROXY、GOPRIVATE 和 GOSUMDB 也都被忽略，每个导入都直接从其主机获取。',
    },
    fixes: (s) => [
      {
        description: { en: 'Turn modules on', 'zh-CN': '开启模块模式' },
        command: s.windows
          ? '$env:GO111MODULE = "on"; go env -w GO111MODULE=on'
          : 'unset GO111MODULE; go env -w GO111MODULE=on',
      },
      {
        description: { en: 'And make sure the project has a go.mod', 'zh-CN': '并确保项目中有 go.mod' },
        command: 'go mod init <module-path> && go mod tidy',
      },
    ],
    docs: docs('mod-commands', 'environment-variables'),
  },
  {
    cause: 'workspace-mismatch',
    severity: 'error',
    rank: 5,
    patterns: [
      pat(
        'no-modules',
        'no modules were found in the current workspace',
        /no modules were found in the current workspace/,
        'all',
      ),
      pat(
        'appears-multiple',
        'appears multiple times in workspace',
        /(?:path|module) (?<module>[^\s]+) appears multiple times in workspace/,
        'all',
      ),
      pat(
        'cannot-load',
        'listed in go.work file',
        /cannot load module (?<file>[^\s]+) listed in go\.work file/,
        '1.21+',
      ),
      pat(
        'mod-flag',
        'when in workspace mode',
        /-mod may only be set to readonly(?: or vendor)? when in workspace mode/,
        '1.18+',
      ),
      pat(
        'not-workspace-module',
        'not one of the workspace modules',
        /is contained in a module that is not one of the workspace modules listed in go\.work/,
        'all',
      ),
      pat('outside-work', 'outside modules listed in go.work', /outside modules listed in go\.work/, '1.21+'),
      pat(
        'work-go-too-low',
        'listed in go.work file requires go >=',
        /module (?<module>[^\s]+) listed in go\.work file requires go >= (?<version>[^\s,]+), but go\.work (?:(?<implicit>implicitly requires)|lists) go (?<have>[^\s;]+)/,
        "1.21+ (modload): go.work's go line is older than a member module's (1.23+: `implicitly requires go 1.18` without a go line; 1.27: `to download and use go X` instead of `to update it`)",
      ),
      pat(
        'prefix-outside-work',
        'does not contain modules listed in go.work',
        /directory prefix [^\s]+ does not contain modules listed in go\.work/,
        '1.18+ (a pattern like ./... run outside every workspace module)',
      ),
      pat(
        'work-go-version',
        'but go.work lists go',
        /listed in go\.work file requires go >= [^\s,]+, but go\.work lists go/,
        '1.21+',
      ),
    ],
    title: { en: 'go.work does not match the modules', 'zh-CN': 'go.work 与模块不一致' },
    message: {
      en: (s) =>
        s.have !== undefined
          ? `go.work's go line says go ${String(s.have)}${s.implicit ? ' (it has none, which means 1.18)' : ''}, but the workspace module ${String(s.module ?? '')} needs go >= ${String(s.version ?? '')}: a workspace's go version must be at least that of every module it uses. go work use (without arguments) raises the go line to what the modules need.`
          : 'A go.work file is in effect (found in a parent directory, or named by GOWORK) and does not fit: it lists missing or duplicate modules, or excludes the module you are in. Editors sometimes export GOWORK.',
      'zh-CN': (s) =>
        s.have !== undefined
          ? `go.work 的 go 行是 go ${String(s.have)}${s.implicit ? '（没有 go 行，即 1.18）' : ''}，但工作区模块 ${String(s.module ?? '')} 需要 go >= ${String(s.version ?? '')}：工作区的 go 版本必须不低于其中每个模块的版本。不带参数的 go work use 会把 go 行提高到模块所需的版本。`
          : '有一个 go.work 文件正在生效（在上级目录中找到，或由 GOWORK 指定），但它不匹配：列出了不存在或重复的模块，或者没有包含你当前所在的模块。编辑器有时会导出 GOWORK。',
    },
    fixes: (s) =>
      s.have !== undefined
        ? [
            {
              description: {
                en: `Raise go.work's go line to what its modules need (go ${String(s.version ?? '')} or more)`,
                'zh-CN': `把 go.work 的 go 行提高到模块所需的版本（go ${String(s.version ?? '')} 或更高）`,
              },
              command: 'go work use',
            },
            {
              description: {
                en: `Or set exactly the version this module needs`,
                'zh-CN': '或者直接设为该模块所需的版本',
              },
              command: `go work edit -go=${String(s.version ?? '1.N')}`,
            },
          ]
        : workspaceFixes(),
    docs: docs('workspaces', 'go-work-file'),
  },
  {
    cause: 'go-version-too-new',
    severity: 'error',
    rank: 2,
    patterns: [
      pat(
        'requires-go',
        'requires go >= ',
        /(?<file>[^\s]+) requires go >= (?<need>[^\s]+) \(running go (?<have>[^;)\s]+)(?:; GOTOOLCHAIN=(?<gotoolchain>[^;)]+))?/,
        '1.21+ (gover)',
      ),
      pat(
        'module-requires',
        ['module requires Go ', 'note: module requires Go'],
        /module requires Go (?<need>[^\s]+)/,
        '<= 1.20 ("note:" after compile errors), 1.21+ ("or later")',
      ),
      pat(
        'old-directive',
        'unknown directive: ',
        /unknown directive: (?<directive>toolchain|godebug|tool)\b/,
        'toolchain <= 1.20, godebug <= 1.22, tool <= 1.23',
      ),
      pat(
        'old-go-line',
        "invalid go version '",
        /invalid go version '(?<need>\d+\.\d+\.\d+)': must match format 1\.\d+(?:$|[^.\d])/,
        '<= 1.20',
      ),
      pat(
        'tidy-maximum',
        ['maximum version supported by tidy is', 'but maximum supported version is'],
        /indicates go (?<need>[^\s,]+), but maximum (?:version supported by tidy|supported version) is (?<have>[^\s]+)/,
        '<= 1.20 (up to 1.15 "maximum supported version")',
      ),
      pat(
        'toolchain-not-on-path',
        '" in PATH',
        /cannot find "go(?<need>\d[^"]*)" in PATH/,
        '1.21+ (toolchain/select.go: GOTOOLCHAIN=path or +path forbids downloading the release the module needs)',
      ),
      pat(
        'new-std-package',
        ['is not in GOROOT', 'is not in std'],
        /package (?<pkg>slices|maps|cmp|log\/slog|iter|unique|math\/rand\/v2|structs|weak|crypto\/mlkem|crypto\/hkdf|crypto\/pbkdf2|crypto\/sha3|testing\/synctest|crypto\/ecdh|context|errors|embed|io\/fs|net\/netip)(?:\/[^\s]*)? is not in (?:GOROOT|std)/,
        'all (a standard-library package newer than the toolchain)',
      ),
      pat(
        'dependency-new-api',
        ['undefined: ', 'syntax error: unexpected ['],
        /[/\\]pkg[/\\]mod[/\\][^\s@]+@v[^\s/\\]+[/\\][^\s:]+\.go:\d+:\d+: (?:undefined: (?<pkg>slices|maps|cmp|iter|unique|slog|atomic\.(?:Bool|Int32|Int64|Uint32|Uint64|Uintptr|Pointer)|errors\.Join|strings\.(?:Cut|CutPrefix|CutSuffix)|bytes\.(?:Cut|CutPrefix|CutSuffix)|context\.(?:WithoutCancel|AfterFunc|WithCancelCause)|sync\.Once(?:Func|Value|Values)|min|max|clear|any|comparable)\b|syntax error: unexpected \[)/,
        'all: a released dependency in the module cache that does not compile, on a standard-library name or builtin newer than the toolchain (or type parameters before 1.18)',
      ),
      pat(
        'new-std-malformed',
        'malformed module path "',
        /malformed module path "(?<pkg>slices|maps|cmp|log\/slog|iter|unique|math\/rand\/v2|structs|weak|crypto\/mlkem|crypto\/hkdf|crypto\/pbkdf2|crypto\/sha3|testing\/synctest|crypto\/ecdh|context|errors|embed|io\/fs|net\/netip)(?:\/[^"\s]*)?": missing dot in first path element/,
        'module mode up to the release that added the package: a path without a dot that is not in this standard library is taken for a module path',
        { scope: 'any' },
      ),
    ],
    title: { en: 'The go command is older than the project needs', 'zh-CN': 'go 命令的版本低于项目的要求' },
    message: {
      en: (s) =>
        `${s.need ? `The project needs Go ${String(s.need)}` : s.directive ? `go.mod uses the "${String(s.directive)}" directive, which this go command does not know` : s.pkg ? `Package ${s.pkg} is part of a newer standard library` : 'The project needs a newer Go'}${s.have ? `, but this is Go ${String(s.have)}` : ''}${s.gotoolchain ? ` and GOTOOLCHAIN=${String(s.gotoolchain)} forbids switching` : ''}. This is not a broken go.mod: install a newer Go, or allow the go command to fetch the toolchain it needs (Go 1.21+).`,
      'zh-CN': (s) =>
        `${s.need ? `项目需要 Go ${String(s.need)}` : s.directive ? `go.mod 使用了 "${String(s.directive)}" 指令，当前 go 命令不认识它` : s.pkg ? `包 ${s.pkg} 属于更新的标准库` : '项目需要更新的 Go'}${s.have ? `，但当前是 Go ${String(s.have)}` : ''}${s.gotoolchain ? `，且 GOTOOLCHAIN=${String(s.gotoolchain)} 禁止切换` : ''}。这不是 go.mod 损坏：请安装更新的 Go，或允许 go 命令下载所需的工具链（Go 1.21+）。`,
    },
    fixes: (s) => [
      {
        description: {
          en: `Let the go command switch to the required toolchain (Go 1.21+)${s.envSet?.includes('GOTOOLCHAIN') ? ': GOTOOLCHAIN is exported in your environment, which overrides go env -w, so change it there' : ''}`,
          'zh-CN': `允许 go 命令切换到所需的工具链（Go 1.21+）${s.envSet?.includes('GOTOOLCHAIN') ? '：GOTOOLCHAIN 已在环境变量中导出，它会覆盖 go env -w，请在那里修改' : ''}`,
        },
        command: goVariableCommand(s, 'GOTOOLCHAIN', 'auto'),
      },
      {
        description: {
          en: 'Or install a newer Go (CI: raise the version in setup-go)',
          'zh-CN': '或者安装更新的 Go（CI 中：提高 setup-go 的版本）',
        },
        command:
          s.ci === 'github-actions'
            ? `- uses: actions/setup-go@v5\n  with:\n    go-version-file: go.mod`
            : 'go version',
      },
    ],
    docs: docs('go-mod-file-go', 'https://go.dev/doc/toolchain'),
  },
  {
    cause: 'toolchain-download',
    severity: 'error',
    rank: 15,
    patterns: [
      pat(
        'downloading-toolchain',
        'go: downloading go1.',
        /go: downloading go(?<need>1\.\d+(?:\.\d+|rc\d+)?) \((?<platform>[^)]+)\)/,
        '1.21+',
        { severity: 'info' },
      ),
      pat(
        'switching',
        '; switching to go',
        /requires go >= (?<need>[^\s;]+); switching to go(?<to>[^\s]+)/,
        '1.21+',
        { severity: 'info' },
      ),
      pat(
        'not-available',
        'toolchain not available',
        /download go(?<need>[^\s]+) for (?<platform>[^\s:]+): toolchain not available/,
        '1.21+',
      ),
      pat(
        'toolchain-module',
        'golang.org/toolchain@',
        /golang\.org\/toolchain@v0\.0\.1-go(?<need>[^\s.]+\.[^\s.]+(?:\.\d+)?)\.[a-z0-9]+-[a-z0-9]+(?:\.zip)?: (?<detail>[^\n]{1,200})/,
        '1.21+',
      ),
    ],
    title: {
      en: 'The go command is downloading (or failed to download) a toolchain',
      'zh-CN': 'go 命令正在下载（或未能下载）工具链',
    },
    message: {
      en: (s) =>
        /^1\.\d+$/.test(String(s.need ?? '')) && Number(String(s.need).split('.')[1]) >= 21
          ? `go.mod says "go ${String(s.need)}" without a patch number, and the local Go is older, so the go command looked for a toolchain go${String(s.need)}, which was never released. Write "go ${String(s.need)}.0" (or add a toolchain line).`
          : `go.mod (or go.work) asks for Go ${String(s.need ?? 'a newer release')}, newer than the local go, so GOTOOLCHAIN=auto fetches that toolchain${s.detail ? `, and that failed ("${s.detail}")` : ''}. It is a large download (slow, looks hung) and needs the proxy and the checksum database.`,
      'zh-CN': (s) =>
        /^1\.\d+$/.test(String(s.need ?? '')) && Number(String(s.need).split('.')[1]) >= 21
          ? `go.mod 写的是没有补丁号的 "go ${String(s.need)}"，且本地 Go 较旧，所以 go 命令去找从未发布过的工具链 go${String(s.need)}。请写成 "go ${String(s.need)}.0"（或添加 toolchain 行）。`
          : `go.mod（或 go.work）要求 Go ${String(s.need ?? '更新的版本')}，高于本地 go，所以 GOTOOLCHAIN=auto 会下载该工具链${s.detail ? `，而下载失败了（"${s.detail}"）` : ''}。下载量很大（很慢，看起来像卡住），并且需要访问代理和校验和数据库。`,
    },
    fixes: (s) => [
      /^1\.\d+$/.test(String(s.need ?? ''))
        ? {
            description: {
              en: 'Write a full release number in the go line',
              'zh-CN': '在 go 行中写完整的版本号',
            },
            command: `go mod edit -go=${String(s.need)}.0`,
          }
        : {
            description: {
              en: 'Install that Go release locally instead',
              'zh-CN': '改为在本地安装该 Go 版本',
            },
            command: `go install golang.org/dl/go${String(s.need ?? '1.N.P')}@latest && go${String(s.need ?? '1.N.P')} download`,
          },
      {
        description: {
          en: 'Or stay on the local toolchain (the build then needs a go line it supports)',
          'zh-CN': '或者固定使用本地工具链（此时 go 行必须是它支持的版本）',
        },
        command: 'go env -w GOTOOLCHAIN=local',
      },
    ],
    docs: docs('https://go.dev/doc/toolchain', 'go-mod-file-toolchain'),
  },
  {
    cause: 'build-constraints-exclude',
    severity: 'error',
    rank: 19,
    patterns: [
      pat(
        'exclude-all',
        'build constraints exclude all Go files',
        /build constraints exclude all Go files in (?<file>[^\s]+)/,
        'all (go/build)',
      ),
    ],
    title: {
      en: 'Build constraints exclude every file of a package',
      'zh-CN': '构建约束排除了包中的所有文件',
    },
    message: {
      en: (s) =>
        `No file of ${String(s.file ?? 'the package')} builds for this GOOS/GOARCH/tags: e.g. cgo-only code with CGO_ENABLED=0 (cross-compiling), a platform-specific package, or a directory of //go:build ignore files.`,
      'zh-CN': (s) =>
        `${String(s.file ?? '该包')} 中没有任何文件适用于当前的 GOOS/GOARCH/构建标签：例如 CGO_ENABLED=0（交叉编译）时只有 cgo 代码、平台专用的包，或目录中全是 //go:build ignore 文件。`,
    },
    fixes: () => [
      {
        description: { en: 'See the settings that decide it', 'zh-CN': '查看起决定作用的设置' },
        command: 'go env GOOS GOARCH CGO_ENABLED',
      },
      {
        description: {
          en: 'Build with cgo, or for the platform the package supports',
          'zh-CN': '启用 cgo 构建，或为该包支持的平台构建',
        },
        command: 'CGO_ENABLED=1 go build ./...',
      },
    ],
    docs: docs('https://pkg.go.dev/cmd/go#hdr-Build_constraints'),
  },
  {
    cause: 'internal-import',
    severity: 'error',
    rank: 19,
    patterns: [
      pat(
        'internal',
        'use of internal package',
        /use of internal package (?<pkg>[^\s]+) not allowed/,
        'all (load)',
      ),
    ],
    title: {
      en: "A package imports another module's internal package",
      'zh-CN': '导入了其他模块的 internal 包',
    },
    message: {
      en: (s) =>
        `${s.pkg ?? 'An internal package'} may only be imported from within the tree rooted at the parent of its internal/ directory.`,
      'zh-CN': (s) => `${s.pkg ?? 'internal 包'} 只能被其 internal/ 目录的父目录树内的代码导入。`,
    },
    fixes: () => [
      {
        description: {
          en: 'Use the public API of that module, or copy what you need',
          'zh-CN': '使用该模块的公开 API，或复制所需的代码',
        },
      },
    ],
    docs: docs('https://go.dev/doc/go1.4#internalpackages'),
  },
  {
    cause: 'mixed-packages',
    severity: 'error',
    rank: 19,
    patterns: [
      pat(
        'found-packages',
        'found packages ',
        /found packages (?<a>[^\s]+) \([^)]+\) and (?<b>[^\s]+) \([^)]+\) in (?<file>[^\s]+)/,
        'all (go/build)',
      ),
    ],
    title: { en: 'One directory holds two packages', 'zh-CN': '同一目录中有两个包' },
    message: {
      en: (s) =>
        `${String(s.file ?? 'A directory')} has files of package ${String(s.a ?? '?')} and of package ${String(s.b ?? '?')}; a directory is one package (plus its _test package).`,
      'zh-CN': (s) =>
        `${String(s.file ?? '某个目录')} 中同时有 ${String(s.a ?? '?')} 包和 ${String(s.b ?? '?')} 包的文件；一个目录只能是一个包（外加它的 _test 包）。`,
    },
    fixes: () => [
      {
        description: {
          en: 'Move one package to its own directory, or fix the package clause',
          'zh-CN': '把其中一个包移到单独的目录，或修正 package 声明',
        },
      },
    ],
    docs: docs('https://go.dev/ref/spec#Package_clause'),
  },
  {
    cause: 'godebug-removed',
    severity: 'error',
    rank: 4,
    patterns: [
      pat(
        'removed-old-value',
        'removed GODEBUG',
        /removed GODEBUG "(?<setting>[^"]+)" set to old value "(?<value>[^"]*)"(?<env> in environment)?/,
        '1.27+ (modload): a godebug line or //go:debug directive asks for behaviour Go has removed; (runtime) the GODEBUG environment variable does, and every Go 1.27 program stops at start-up',
      ),
      pat(
        'use-of-removed',
        'use of removed ',
        /use of removed (?:godebug|GODEBUG|[a-z]+) "(?<setting>[^"]+)"/,
        '1.27+ (modload)',
      ),
    ],
    title: { en: 'A GODEBUG setting Go has removed', 'zh-CN': '使用了 Go 已移除的 GODEBUG 设置' },
    message: {
      en: (s) =>
        s.env
          ? `The GODEBUG environment variable sets ${String(s.setting ?? '')}=${String(s.value ?? '')}, a compatibility setting this Go release no longer has: the runtime of every Go program, the go command first, stops at start-up, before it reads any file.`
          : `go.mod (or a //go:debug line) sets GODEBUG ${String(s.setting ?? '')}${s.value !== undefined ? `=${String(s.value)}` : ''}, a compatibility setting this Go release no longer has: the old behaviour it asked for is gone, so the go command refuses the file.`,
      'zh-CN': (s) =>
        s.env
          ? `环境变量 GODEBUG 设置了 ${String(s.setting ?? '')}=${String(s.value ?? '')}，这个 Go 版本已不再提供该兼容设置：每个 Go 程序（首先是 go 命令）在启动时、读取任何文件之前就会停止。`
          : `go.mod（或某个 //go:debug 行）设置了 GODEBUG ${String(s.setting ?? '')}${s.value !== undefined ? `=${String(s.value)}` : ''}，这个 Go 版本已不再提供该兼容设置：它要求的旧行为已被移除，因此 go 命令拒绝该文件。`,
    },
    // The environment's setting is in no file: go.mod has nothing to drop.
    fixes: (s) =>
      s.env
        ? [
            {
              description: {
                en: `Take ${String(s.setting ?? 'the setting')}=${String(s.value ?? '')} out of GODEBUG where it is exported (shell profile, CI settings, IDE), or unset GODEBUG`,
                'zh-CN': `在导出 GODEBUG 的地方去掉 ${String(s.setting ?? '该设置')}=${String(s.value ?? '')}（shell 配置文件、CI 设置、IDE），或取消 GODEBUG`,
              },
              command: 'unset GODEBUG',
            },
          ]
        : [
            {
              description: {
                en: 'Drop the setting from go.mod (and adapt the code to the new behaviour)',
                'zh-CN': '从 go.mod 中删除该设置（并让代码适应新行为）',
              },
              command: `go mod edit -dropgodebug=${String(s.setting ?? 'NAME')}`,
            },
          ],
    docs: docs('https://go.dev/doc/godebug'),
  },
  {
    cause: 'get-version-conflict',
    severity: 'error',
    rank: 12,
    patterns: [
      pat(
        'requires-not',
        ', not ',
        /(?<module>[^\s@]+)@(?<version>[^\s]+)(?: \([^)\n]{0,80}\))? (?:indirectly )?requires (?<required>[^\s@]+@[^\s,]+), not (?<constraint>[^\s]+)/,
        'all (modget: the versions asked for contradict a requirement)',
      ),
      pat(
        'conflicting-versions',
        'conflicting versions for module ',
        /conflicting versions for module (?<module>[^\s:]+): (?<detail>[^\s]+ and [^\s]+)/,
        '1.11-1.15 (modget: one module asked for at two versions on the command line)',
      ),
      pat(
        'conflicts-with',
        ' conflicts with ',
        /(?:for module (?<module>[^\s,]+), )?(?<detail>[^\s]+@[^\s]+(?: \([^)\n]{0,80}\))? conflicts with [^\s]+@[^\s]+(?: \([^)\n]{0,80}\))?)/,
        'all (modget query.go)',
      ),
    ],
    title: {
      en: 'go get was asked for versions that contradict each other',
      'zh-CN': 'go get 请求的版本相互矛盾',
    },
    message: {
      en: (s) =>
        s.required
          ? `${at.en(s)} requires ${String(s.required)}, but ${String(s.constraint ?? 'a lower version')} was asked for (or is pinned) in the same go get. Minimal version selection can only raise versions: the two requests cannot both hold.`
          : `Two arguments of go get ask for different versions of one module${quoted(s)}. Minimal version selection can only raise versions: the requests cannot both hold.`,
      'zh-CN': (s) =>
        s.required
          ? `${at.zh(s)} 需要 ${String(s.required)}，但同一次 go get 中请求（或固定）的是 ${String(s.constraint ?? '更低的版本')}。最小版本选择只能提高版本：这两个请求无法同时满足。`
          : `go get 的两个参数对同一个模块请求了不同的版本${quoted(s)}。最小版本选择只能提高版本：这些请求无法同时满足。`,
    },
    fixes: (s) => [
      {
        description: {
          en: 'Ask for a set that fits: let the requiring module decide (drop the explicit lower version)',
          'zh-CN': '请求一组相容的版本：去掉显式指定的较低版本，由依赖它的模块决定',
        },
        command: s.required ? `go get ${String(s.required)}` : 'go get <module>@<version>',
      },
      {
        description: {
          en: 'Or downgrade the module that requires it as well',
          'zh-CN': '或者把依赖它的模块也一起降级',
        },
        command: s.module
          ? `go get ${String(s.module)}@<older-version> ${String(s.constraint ?? '')}`.trim()
          : 'go get <module>@<older-version>',
      },
    ],
    docs: docs('minimal-version-selection', 'go-get'),
  },
  {
    cause: 'tidy-compat-mismatch',
    severity: 'error',
    rank: 12,
    patterns: [
      pat(
        'would-differ',
        ['but go ', 'failed to load from any module,'],
        /but go (?<compat>\d+\.\d+(?:\.\d+)?) would (?:select (?<version>[^\s]+)|fail to locate it|load it from (?<module>[^\s]+))|failed to load from any module,$/,
        '1.17+ (modload: go mod tidy checks the -compat release)',
      ),
      pat(
        'compat-graph',
        'module graph',
        /error loading go (?<compat>\d+\.\d+(?:\.\d+)?) module graph/,
        '1.17+ (modload)',
      ),
    ],
    title: {
      en: 'go mod tidy: an older Go release would resolve a package differently',
      'zh-CN': 'go mod tidy：较旧的 Go 版本会以不同方式解析某个包',
    },
    message: {
      en: (s) =>
        `go mod tidy also checks that go.mod works for go ${String(s.compat ?? 'N-1')} (-compat, by default the release before the go line). That release reads the whole module graph where this one prunes it, so it would pick another version of a dependency, or not find a package. Either record the versions the older release needs, or drop compatibility with it.`,
      'zh-CN': (s) =>
        `go mod tidy 还会检查 go.mod 对 go ${String(s.compat ?? 'N-1')} 是否可用（-compat，默认是 go 指令的前一个版本）。该版本读取完整的模块图，而当前版本会剪枝，因此它会选中某个依赖的另一个版本，或找不到某个包。要么记录旧版本所需的版本，要么放弃对它的兼容。`,
    },
    fixes: (s) => [
      {
        description: {
          en: 'Not needed to build with the older release: tidy for this one only',
          'zh-CN': '不需要用旧版本构建时：只为当前版本整理',
        },
        command: 'go mod tidy -compat=$(go list -m -f {{.GoVersion}})',
      },
      {
        description: {
          en: 'Or upgrade to the versions the older release selects, then tidy again',
          'zh-CN': '或者先升级到旧版本所选的版本，再重新整理',
        },
        command: `go mod tidy -go=${String(s.compat ?? '1.16')} && go mod tidy`,
      },
    ],
    docs: docs('graph-pruning', 'go-mod-tidy'),
  },
];

/** The mismatch is against the checksum database's record rather than go.sum's. */
function checkedBySumdb(s: Situation): boolean {
  return s.against === 'the one reported by the checksum server' || s.sumdbHash !== undefined;
}

/** What fits most go.work troubles: which file, this module in it, or no workspace at all. */
function workspaceFixes() {
  return [
    {
      description: { en: 'See which go.work is used', 'zh-CN': '查看使用的是哪个 go.work' },
      command: 'go env GOWORK',
    },
    {
      description: { en: 'Add this module to the workspace', 'zh-CN': '把当前模块加入工作区' },
      command: 'go work use .',
    },
    {
      description: { en: 'Or run without the workspace', 'zh-CN': '或者不使用工作区运行' },
      command: 'GOWORK=off go build ./...',
    },
  ];
}
