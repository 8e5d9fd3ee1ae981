// Files, caches and processes: the module cache, the build cache, the disk, locked files.
import { docs, removeFromCacheFix } from '../fixes.ts';
import type { CauseRule, FixTemplate } from '../types.ts';
import { at, pat, quoted } from './helpers.ts';

const inModCache = (line: string) =>
  line.includes('/pkg/mod/') ||
  line.includes('\\pkg\\mod\\') ||
  line.includes('writing go.mod cache') ||
  line.includes('writing stat cache') ||
  line.includes('$GOMODCACHE');

export const fileRules: CauseRule[] = [
  {
    cause: 'modcache-permission',
    severity: 'error',
    rank: 6,
    yieldsTo: ['gocache-unusable'],
    patterns: [
      pat(
        'permission-denied',
        ['permission denied', 'Permission denied'],
        /(?<file>[^\s']*(?:\/pkg\/mod\/|\\pkg\\mod\\)[^\s':]*)'?:? (?:[^\n]{0,40})?[Pp]ermission denied|(?:writing go\.mod cache|writing stat cache)[^\n]{0,300}permission denied/,
        'all (os), coreutils rm',
        { accept: (_g, line) => inModCache(line) },
      ),
      pat(
        'create-cache',
        [
          'could not create module cache',
          'failed to create cache directory',
          'writing stat cache',
          'writing go.mod cache',
        ],
        /(?:could not create module cache|failed to create cache directory|writing (?:stat|go\.mod) cache): [^\n]{0,300}(?:permission denied|read-only file system|Access is denied)/,
        'all (modfetch: the cache root itself cannot be created or written)',
      ),
      pat(
        'read-only-fs',
        'read-only file system',
        /(?<file>[^\s']*(?:\/pkg\/mod|\$GOMODCACHE)[^\s':]*)'?: read-only file system|(?:writing go\.mod cache|writing stat cache)[^\n]{0,300}read-only file system/,
        'all (os EROFS: a cache mounted read-only, e.g. a container volume)',
        { accept: (_g, line) => inModCache(line) || line.includes('GOMODCACHE') },
      ),
    ],
    title: { en: 'The module cache cannot be written', 'zh-CN': '模块缓存无法写入' },
    message: {
      en: (s) =>
        `The go command cannot write or remove files in the module cache${s.file ? ` (${s.file})` : ''}. Module cache files are read-only by design; a cache created by another user or by "sudo go", or a container running as a different UID, makes it unwritable.`,
      'zh-CN': (s) =>
        `go 命令无法写入或删除模块缓存中的文件${s.file ? `（${s.file}）` : ''}。模块缓存中的文件按设计是只读的；由其他用户或 "sudo go" 创建的缓存，或以不同 UID 运行的容器，都会让它不可写。`,
    },
    fixes: (s) => [
      {
        description: {
          en: 'Take the cache back (it was created by another user)',
          'zh-CN': '取回缓存的所有权（它是由其他用户创建的）',
        },
        command: s.windows
          ? 'takeown /f "$(go env GOMODCACHE)" /r'
          : 'sudo chown -R "$(id -u):$(id -g)" "$(go env GOMODCACHE)"',
      },
      {
        description: {
          en: 'To delete the cache, use the go command (it handles the read-only bits)',
          'zh-CN': '要删除缓存，请使用 go 命令（它会处理只读权限）',
        },
        command: 'go clean -modcache',
      },
    ],
    docs: docs('module-cache'),
  },
  {
    cause: 'modcache-location-invalid',
    severity: 'error',
    rank: 3,
    patterns: [
      pat(
        'no-location',
        [
          'neither GOMODCACHE nor GOPATH is set',
          'neither GOPATH nor GOMODCACHE are set',
          'GOMODCACHE entry is relative',
          'could not locate sumdb file: missing $GOPATH',
          'is not a directory',
        ],
        /(?<detail>module cache not found: neither GOMODCACHE nor GOPATH is set|neither GOPATH nor GOMODCACHE are set|GOMODCACHE entry is relative; must be absolute path: [^\n]{0,200}|could not locate sumdb file: missing \$GOPATH|could not create module cache: "[^"]*" is not a directory)/,
        'all (modfetch, codehost)',
      ),
      pat(
        'gopath-relative',
        ['GOPATH entry is relative', 'missing $GOPATH'],
        /GOPATH entry is relative; must be absolute path|missing \$GOPATH/,
        'all (go/build, cfg: GOPATH is relative or unset with no home directory)',
      ),
    ],
    title: { en: 'The module cache has no usable location', 'zh-CN': '模块缓存没有可用的位置' },
    message: {
      en: (s) =>
        `The go command cannot tell where the module cache is${quoted(s)}. GOMODCACHE defaults to $GOPATH/pkg/mod and GOPATH to $HOME/go: a service, cron job, systemd unit or container without HOME (or with a relative GOPATH or GOMODCACHE) leaves it nowhere to put modules.`,
      'zh-CN': (s) =>
        `go 命令无法确定模块缓存的位置${quoted(s)}。GOMODCACHE 默认是 $GOPATH/pkg/mod，GOPATH 默认是 $HOME/go：没有 HOME 的服务、cron 任务、systemd 单元或容器（或 GOPATH、GOMODCACHE 是相对路径）会让它无处存放模块。`,
    },
    fixes: (s) => [
      {
        description: {
          en: 'Give the command an absolute module cache (or set HOME) where it runs',
          'zh-CN': '在运行该命令的环境中设置绝对路径的模块缓存（或设置 HOME）',
        },
        command: s.windows
          ? '$env:GOMODCACHE = "C:\\go\\pkg\\mod"'
          : 'export GOMODCACHE=/var/cache/go-mod GOPATH=/var/cache/go',
      },
      {
        description: { en: 'Check what the go command sees', 'zh-CN': '查看 go 命令看到的设置' },
        command: 'go env GOPATH GOMODCACHE HOME',
      },
    ],
    docs: docs('module-cache', 'environment-variables'),
  },
  {
    cause: 'disk-full',
    severity: 'error',
    rank: 5,
    patterns: [
      pat(
        'enospc',
        'no space left on device',
        /(?<file>[^\s:]*): no space left on device|no space left on device/,
        'all (os ENOSPC, also out of inodes)',
      ),
      pat(
        'windows',
        ['There is not enough space on the disk', '磁盘空间不足'],
        /There is not enough space on the disk|磁盘空间不足/,
        'all, Windows (English and Chinese)',
      ),
    ],
    title: { en: 'The disk is full', 'zh-CN': '磁盘已满' },
    message: {
      en: (s) =>
        `A write failed for lack of space (or inodes)${s.file ? ` at ${s.file}` : ''}. Often /tmp (the build's work directory) rather than the module cache; GOTMPDIR and GOCACHE decide where the go command writes.`,
      'zh-CN': (s) =>
        `写入因空间（或 inode）不足而失败${s.file ? `（${s.file}）` : ''}。常常是 /tmp（构建的工作目录）而不是模块缓存；GOTMPDIR 和 GOCACHE 决定 go 命令写到哪里。`,
    },
    fixes: (s) => [
      {
        description: { en: 'See where space is short', 'zh-CN': '查看哪里空间不足' },
        command: s.windows ? 'Get-PSDrive -PSProvider FileSystem' : 'df -h; df -i',
      },
      {
        description: {
          en: 'Free the build cache (safe; it refills)',
          'zh-CN': '清理构建缓存（安全，会重新生成）',
        },
        command: 'go clean -cache',
      },
    ],
    docs: docs('module-cache'),
  },
  {
    cause: 'modcache-corrupt',
    severity: 'error',
    rank: 17,
    suppressedBy: ['toolchain-download'],
    // The go command checks a zip as it downloads it and deletes a bad one, so a zip that is not a
    // zip right after `go: downloading` came broken from the proxy (every retry downloads it again);
    // only a zip read from the cache without a download can be the cache's damage.
    // The same holds without a download line: since 1.13 a zip read back from the cache fails
    // inside x/mod's Unzip, which names the file (`unzip <path>: zip: ...`); a bare
    // `<module>@<version>: zip: not a valid zip file` is the check right after the download.
    refine: ({ situation, freshDownload }) =>
      situation.notAZip &&
      (freshDownload || situation.file === undefined) &&
      !situation.module?.startsWith('golang.org/toolchain')
        ? { cause: 'proxy-server-error', facts: { brokenZip: true, certainty: 'likely' } }
        : undefined,
    patterns: [
      pat(
        'not-a-zip',
        'zip: not a valid zip file',
        /(?:(?:unzip |open )(?<file>[^\s]+): |(?<file2>[^\s]*[/\\]cache[/\\]download[/\\][^\s]+\.zip): )?zip: not a valid zip file/,
        'all (archive/zip; x/mod zip.Unzip prefixes the cached file it read)',
        { facts: { notAZip: true } },
      ),
      pat('ziphash-mismatch', 'ziphash file does not match', /ziphash file does not match/, 'all (modfetch)'),
      pat(
        'vcs-cache-entry',
        ['exists with wrong content', 'exists but is not a directory'],
        /(?<file>[^\s]*cache[/\\]vcs[/\\][^\s]+) exists (?:with wrong content|but is not a directory)/,
        'all (codehost: the VCS work area of the module cache is damaged)',
      ),
      pat(
        'ziphash',
        ['unexpected ziphash', 'missing ziphash'],
        /(?:unexpected|missing) ziphash/,
        'all (modfetch, go mod verify)',
      ),
      pat(
        'modified',
        ['zip has been modified', 'dir has been modified'],
        /(?:(?<module>[^\s]+) (?<version>v[^\s:]+): )?(?:zip|dir) has been modified/,
        'go mod verify (all)',
      ),
      pat(
        'target-not-empty',
        'exists and is not empty',
        /target directory (?<file>[^\n]+?) exists and is not empty/,
        'all (x/mod zip.Unzip: a leftover directory where the module is extracted)',
      ),
      pat(
        'zip-eof',
        'unexpected EOF',
        /\.zip[^\n]{0,100}: (?:zip: )?unexpected EOF|zip: [^\n]{0,60}unexpected EOF/,
        'all (a truncated cached zip)',
      ),
    ],
    title: { en: 'A cached module is damaged', 'zh-CN': '缓存中的模块已损坏' },
    message: {
      en: (s) =>
        `${s.module ? at.en(s) : 'A module'} in the download cache is damaged (an interrupted download, a truncated zip, or files edited inside the cache)${quoted(s)}. If a fresh download fails the same way, the proxy serves a broken file (proxy-server-error).`,
      'zh-CN': (s) =>
        `下载缓存中的${s.module ? ` ${at.zh(s)} ` : '某个模块'}已损坏（下载被中断、zip 被截断，或缓存中的文件被修改过）${quoted(s)}。如果重新下载仍然同样失败，说明代理提供的是损坏的文件（proxy-server-error）。`,
    },
    fixes: (s) => {
      const fixes: FixTemplate[] = [];
      const one = removeFromCacheFix(s);
      if (one) fixes.push(one);
      fixes.push({
        description: { en: 'Check the whole cache', 'zh-CN': '检查整个缓存' },
        command: 'go mod verify',
      });
      return fixes;
    },
    docs: docs('module-cache', 'go-mod-verify'),
  },
  {
    cause: 'file-in-use',
    severity: 'error',
    rank: 6,
    patterns: [
      pat('text-file-busy', 'text file busy', /(?<file>[^\s:]*):? text file busy/, 'all (Linux ETXTBSY)'),
      pat(
        'windows-sharing',
        ['being used by another process', '另一个程序正在使用此文件'],
        /The process cannot access the file because it is being used by another process|另一个程序正在使用此文件，进程无法访问/,
        'all, Windows (English and Chinese)',
      ),
      pat(
        'windows-rename',
        ['Access is denied', '拒绝访问'],
        /rename (?<file>[^\s]+) [^\s]+: (?:Access is denied|拒绝访问)/,
        'all, Windows module extraction',
        { accept: (_g, line) => inModCache(line) || line.includes('pkg\\mod') },
      ),
    ],
    title: { en: 'A file is held by another process', 'zh-CN': '文件被其他进程占用' },
    message: {
      en: (s) =>
        `${s.file ? `${s.file} ` : 'A file '}could not be replaced or removed because another process holds it: a running program built from it, an editor or gopls, an antivirus scanner or an indexer (Windows rename "Access is denied" in the module cache is this, not a permission problem).`,
      'zh-CN': (s) =>
        `${s.file ? `${s.file} ` : '某个文件'}无法被替换或删除，因为它被其他进程占用：正在运行的由它构建的程序、编辑器或 gopls、杀毒软件或索引程序（Windows 上模块缓存中 rename 报 "拒绝访问/Access is denied" 就是这种情况，而不是权限问题）。`,
    },
    fixes: (s) => [
      {
        description: {
          en: 'Stop the program using the file, then retry',
          'zh-CN': '停止占用该文件的程序，然后重试',
        },
        command: s.windows
          ? 'Get-Process | Where-Object { $_.Path -like "*<name>*" }'
          : `fuser -v ${s.file ?? '<file>'}`,
      },
      ...(s.windows
        ? [
            {
              description: {
                en: 'Exclude the module cache from antivirus scanning',
                'zh-CN': '将模块缓存目录加入杀毒软件的排除列表',
              },
              command: 'Add-MpPreference -ExclusionPath "$(go env GOMODCACHE)"',
            },
          ]
        : []),
    ],
    docs: docs('module-cache'),
  },
  {
    cause: 'gocache-unusable',
    severity: 'error',
    rank: 3,
    patterns: [
      pat(
        'not-located',
        ['build cache is required, but could not be located', 'GOCACHE is not defined'],
        /(?:build cache is required, but could not be located: )?(?<detail>GOCACHE is not defined and neither \$XDG_CACHE_HOME nor \$HOME are defined|GOCACHE is not an absolute path)/,
        'all (cache/default.go)',
      ),
      pat(
        'off',
        ['build cache is disabled by GOCACHE=off', 'cannot use modules with build cache disabled'],
        /build cache is disabled by GOCACHE=off|cannot use modules with build cache disabled/,
        'all (1.12+; "cannot use modules with build cache disabled" up to 1.15)',
      ),
      pat(
        'init',
        'failed to initialize build cache',
        /failed to initialize build cache at (?<file>[^\s:]+): (?<detail>[^\n]{0,200})/,
        'all',
      ),
    ],
    title: { en: 'The build cache is unusable', 'zh-CN': '构建缓存无法使用' },
    message: {
      en: (s) =>
        `The go command needs a writable build cache and has none${quoted(s)}. CI runners, systemd units and sandboxes that start processes without HOME are the usual cause.`,
      'zh-CN': (s) =>
        `go 命令需要可写的构建缓存，但没有可用的${quoted(s)}。通常是 CI 执行器、systemd 服务或沙箱在启动进程时没有设置 HOME。`,
    },
    fixes: (s) => [
      {
        description: { en: 'Give it a cache directory', 'zh-CN': '为它指定缓存目录' },
        command:
          s.ci === 'github-actions'
            ? // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a template
              'env:\n  GOCACHE: ${{ runner.temp }}/go-build'
            : 'export GOCACHE="$HOME/.cache/go-build"  # or any writable absolute path',
      },
    ],
    docs: docs('https://pkg.go.dev/cmd/go#hdr-Build_and_test_caching'),
  },
];
