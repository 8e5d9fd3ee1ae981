// Fix templates shared by several causes, tailored to what the transcript and the context say:
// the exact GOPRIVATE pattern, the form that takes effect (go env -w, a shell variable, CI env:),
// credentials for one host, mirror choices, and removing one module from the cache.
import { matchPrefixPatterns } from '../goenv/patterns.ts';
import { escapePath, escapeVersion } from '../module/escape.ts';
import { isPublicForge } from '../module/hosts.ts';
import type { FixTemplate, Situation } from './types.ts';

/** The GOPRIVATE pattern for a module: its host, or host/account on a public forge. */
export function privatePattern(modulePath: string): string {
  const parts = modulePath.split('/');
  const host = parts[0] ?? modulePath;
  if (isPublicForge(host) && parts[1]) return `${host}/${parts[1]}`;
  return host;
}

/** Appends a pattern to an existing comma-separated list, keeping what is there. */
export function appendPattern(existing: string | undefined, pattern: string): string {
  const current = (existing ?? '').trim();
  if (current === '') return pattern;
  if (current.split(',').includes(pattern)) return current;
  return `${current.replace(/,+$/, '')},${pattern}`;
}

/**
 * Setting a go environment variable the way that takes effect here: `go env -w` writes the go
 * env file, which an environment variable of the same name overrides, so when the variable is set
 * in the shell the shell is where to change it. CI gets its own form.
 */
export function setGoVariable(
  s: Situation,
  name: string,
  value: string,
  why: { en: string; 'zh-CN': string },
  options: { fromEnv?: boolean } = {},
): FixTemplate[] {
  const fixes: FixTemplate[] = [];
  if (s.ci === 'github-actions') {
    fixes.push({
      description: {
        en: `${why.en} in the workflow (job or step "env:")`,
        'zh-CN': `${why['zh-CN']}（写在工作流的 job 或 step 的 "env:" 中）`,
      },
      command: `env:\n  ${name}: ${value}`,
    });
  } else if (s.ci === 'gitlab-ci') {
    fixes.push({
      description: {
        en: `${why.en} in .gitlab-ci.yml`,
        'zh-CN': `${why['zh-CN']}（写在 .gitlab-ci.yml 中）`,
      },
      command: `variables:\n  ${name}: "${value}"`,
    });
  } else if (s.ci === 'docker') {
    fixes.push({
      description: {
        en: `${why.en} in the Dockerfile, before the go command runs`,
        'zh-CN': `${why['zh-CN']}（写在 Dockerfile 中、go 命令之前）`,
      },
      command: `ENV ${name}=${value}`,
    });
  }
  if (options.fromEnv) {
    fixes.push({
      description: {
        en: `${why.en}: ${name} is set in your environment, which overrides "go env -w", so change it where it is set (shell profile)`,
        'zh-CN': `${why['zh-CN']}：${name} 已在环境变量中设置，它会覆盖 "go env -w"，请在设置它的地方（shell 配置文件）修改`,
      },
      command: s.windows ? `$env:${name} = "${value}"` : `export ${name}="${value}"`,
    });
  } else {
    fixes.push({ description: why, command: `go env -w ${name}=${value}` });
  }
  return fixes;
}

/** GOPRIVATE (which also covers GONOPROXY and GONOSUMDB) for the failing module. */
export function goprivateFixes(s: Situation): FixTemplate[] {
  if (!s.module) {
    return [
      {
        description: {
          en: 'List your private module path prefixes in GOPRIVATE (comma-separated), e.g. your Git host',
          'zh-CN': '把私有模块的路径前缀写入 GOPRIVATE（逗号分隔），例如公司的 Git 主机名',
        },
        command: 'go env -w GOPRIVATE=git.example.com',
      },
    ];
  }
  const pattern = privatePattern(s.module);
  const existing = s.goprivate;
  const value =
    existing && matchPrefixPatterns(existing, s.module) ? existing : appendPattern(existing, pattern);
  return setGoVariable(
    s,
    'GOPRIVATE',
    value,
    {
      en: `Mark ${pattern} as private, so the go command fetches it directly and skips the checksum database`,
      'zh-CN': `将 ${pattern} 标记为私有，go 命令会直接从代码仓库获取它，并跳过校验和数据库`,
    },
    { fromEnv: s.goprivateFromEnv === true },
  );
}

/** Credentials for a Git host over HTTPS (placeholders only) or a switch to SSH. */
export function gitCredentialFixes(host: string | undefined): FixTemplate[] {
  const h = host ?? 'git.example.com';
  return [
    {
      description: {
        en: `Store an access token for ${h} in git's credential helper (replace <user> and <token>)`,
        'zh-CN': `把 ${h} 的访问令牌存入 git 凭据助手（替换 <user> 和 <token>）`,
      },
      command: `git config --global credential.helper store\nprintf 'protocol=https\\nhost=${h}\\nusername=<user>\\npassword=<token>\\n' | git credential approve`,
    },
    {
      description: {
        en: `Or fetch ${h} over SSH with your key`,
        'zh-CN': `或者改用 SSH（使用你的密钥）访问 ${h}`,
      },
      command: `git config --global url."ssh://git@${h}/".insteadOf "https://${h}/"`,
    },
  ];
}

/**
 * The command that sets a go variable here: `go env -w`, unless the variable is exported in the
 * environment, which overrides the go env file (the go command warns and ignores the file value).
 */
export function goVariableCommand(s: Situation, name: string, value: string): string {
  if (!s.envSet?.includes(name)) return `go env -w ${name}=${value}`;
  return s.windows ? `$env:${name} = "${value}"` : `export ${name}="${value}"`;
}

/** Mirror choices for networks where proxy.golang.org / sum.golang.org are blocked. */
export function mirrorFixes(s: Situation, options: { sumdb?: boolean } = {}): FixTemplate[] {
  const proxy = (url: string): FixTemplate => ({
    description: {
      en: `Choice: use the ${url.replace('https://', '')} mirror, falling back to direct${s.envSet?.includes('GOPROXY') ? ' (GOPROXY is exported in your environment, which overrides go env -w: change it there)' : ''}`,
      'zh-CN': `可选：使用 ${url.replace('https://', '')} 镜像，失败时回退到 direct${s.envSet?.includes('GOPROXY') ? '（GOPROXY 已在环境变量中导出，它会覆盖 go env -w：请在那里修改）' : ''}`,
    },
    command:
      s.ci === 'github-actions'
        ? `env:\n  GOPROXY: ${url},direct`
        : goVariableCommand(s, 'GOPROXY', `${url},direct`),
  });
  const fixes = [proxy('https://goproxy.cn'), proxy('https://goproxy.io')];
  if (options.sumdb !== false) {
    fixes.push({
      description: {
        en: 'And a reachable checksum database (the same sum.golang.org data, served from a mirror)',
        'zh-CN': '同时使用可访问的校验和数据库（与 sum.golang.org 相同的数据，由镜像提供）',
      },
      command:
        s.ci === 'github-actions'
          ? 'env:\n  GOSUMDB: sum.golang.google.cn'
          : goVariableCommand(s, 'GOSUMDB', 'sum.golang.google.cn'),
    });
  }
  return fixes;
}

/**
 * Removing one module version from the cache (its download files and extracted tree), not the
 * whole cache. The escaped path goes in single quotes: its `!` would trigger history expansion in
 * interactive bash inside double quotes, and the glob stays outside quotes so that it expands.
 */
export function removeFromCacheFix(s: Situation): FixTemplate | undefined {
  if (!s.module || !s.version) return undefined;
  const path = escapePath(s.module);
  const version = escapeVersion(s.version);
  if (!path.ok || !version.ok) return undefined;
  const download = `/cache/download/${path.value}/@v/${version.value}.`;
  const extracted = `/${path.value}@${version.value}`;
  const command = s.windows
    ? `$m = go env GOMODCACHE\nRemove-Item -Recurse -Force "$m${extracted.replaceAll('/', '\\')}", "$m${download.replaceAll('/', '\\')}*"`
    : `chmod -R u+w "$(go env GOMODCACHE)"'${extracted}' 2>/dev/null\nrm -rf "$(go env GOMODCACHE)"'${extracted}' "$(go env GOMODCACHE)"'${download}'*`;
  return {
    description: {
      en: `Remove only ${s.module}@${s.version} from the module cache, then run the command again`,
      'zh-CN': `只从模块缓存中删除 ${s.module}@${s.version}，然后重新运行命令`,
    },
    command,
  };
}

export function docs(...anchors: string[]): string[] {
  return anchors.map((a) => (a.startsWith('http') ? a : `https://go.dev/ref/mod#${a}`));
}
