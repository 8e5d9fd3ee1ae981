// GOMODCACHE, GOCACHE and GOPATH must be writable by this user. A `sudo go ...` once leaves
// root-owned directories behind, and every later download fails with "permission denied".
import { accessSync, constants, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../../../findings/finding.ts';
import type { Message } from '../../../i18n/lang.ts';
import { say } from '../../../i18n/lang.ts';
import { nearestExisting } from '../../paths.ts';
import { defineCheck } from '../../types.ts';

const m = {
  notWritableTitle: {
    en: ({ name }) => `${name} is not writable`,
    'zh-CN': ({ name }) => `${name} 不可写`,
  } satisfies Message<{ name: string }>,
  notWritable: {
    en: ({ name, path }) =>
      `${name}=${path} cannot be written by this user: downloads and builds fail with "permission denied".`,
    'zh-CN': ({ name, path }) => `当前用户无法写入 ${name}=${path}：下载和构建会报错 "permission denied"。`,
  } satisfies Message<{ name: string; path: string }>,
  otherOwnerTitle: {
    en: ({ name }) => `Parts of ${name} belong to another user`,
    'zh-CN': ({ name }) => `${name} 中有属于其他用户的内容`,
  } satisfies Message<{ name: string }>,
  otherOwner: {
    en: ({ list }) =>
      `Owned by another user (often root, after a "sudo go ..."): ${list}. Writing there fails with "permission denied".`,
    'zh-CN': ({ list }) =>
      `属于其他用户（通常是执行过 "sudo go ..." 后留下的 root 所有文件）：${list}。写入这些位置会报错 "permission denied"。`,
  } satisfies Message<{ list: string }>,
  chown: { en: 'Give the directory back to your user', 'zh-CN': '把目录归还给当前用户' },
  parentTitle: {
    en: ({ name }) => `${name} cannot be created`,
    'zh-CN': ({ name }) => `无法创建 ${name}`,
  } satisfies Message<{ name: string }>,
  parent: {
    en: ({ name, path }) => `${name}=${path} does not exist and its parent directory is not writable.`,
    'zh-CN': ({ name, path }) => `${name}=${path} 不存在，且其上级目录不可写。`,
  } satisfies Message<{ name: string; path: string }>,
  gocacheOffTitle: { en: 'The build cache is off (GOCACHE=off)', 'zh-CN': '构建缓存已关闭（GOCACHE=off）' },
  gocacheOff: {
    en: 'Since Go 1.12 the build cache is required: go build and go test fail with "build cache is disabled by GOCACHE=off".',
    'zh-CN':
      '自 Go 1.12 起构建缓存是必需的：go build 和 go test 会报错 "build cache is disabled by GOCACHE=off"。',
  },
  unsetGocache: { en: 'Use the default build cache', 'zh-CN': '使用默认的构建缓存' },
  relativeTitle: {
    en: ({ name }) => `${name} is not an absolute path`,
    'zh-CN': ({ name }) => `${name} 不是绝对路径`,
  } satisfies Message<{ name: string }>,
  relative: {
    en: ({ name }) =>
      `The go command refuses a relative ${name} ("${name} entry is relative; must be absolute path").`,
    'zh-CN': ({ name }) =>
      `go 命令不接受相对路径的 ${name}（"${name} entry is relative; must be absolute path"）。`,
  } satisfies Message<{ name: string }>,
};

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Entries directly below `dir` (and below its download cache) owned by someone else. */
function foreignEntries(dir: string, uid: number): string[] {
  const out: string[] = [];
  for (const sub of ['', 'cache', join('cache', 'download')]) {
    let names: string[];
    try {
      names = readdirSync(join(dir, sub));
    } catch {
      continue;
    }
    for (const name of names.slice(0, 500)) {
      try {
        if (statSync(join(dir, sub, name)).uid !== uid) out.push(join(dir, sub, name));
      } catch {
        // vanished
      }
    }
  }
  return out;
}

export default defineCheck({
  id: 'caches/writable',
  area: 'caches',
  needs: ['goenv'],
  causes: ['modcache-permission', 'gocache-unusable'],
  async run({ facts, lang }) {
    const env = await facts.goenv();
    if (!env?.ok) return [];
    const findings: Finding[] = [];
    const uid = typeof process.getuid === 'function' ? process.getuid() : -1;
    const docs = ['https://go.dev/ref/mod#module-cache'];
    const gocache = env.values.GOCACHE ?? '';
    if (gocache === 'off') {
      findings.push({
        cause: 'gocache-unusable',
        severity: 'error',
        title: say(m.gocacheOffTitle, lang),
        message: say(m.gocacheOff, lang),
        evidence: [{ source: 'go env', text: 'GOCACHE=off' }],
        fixes: [{ description: say(m.unsetGocache, lang), command: 'go env -u GOCACHE' }],
        docs: ['https://pkg.go.dev/cmd/go#hdr-Build_and_test_caching'],
      });
    }
    const dirs: Array<{ name: string; path: string }> = [
      { name: 'GOMODCACHE', path: env.values.GOMODCACHE ?? '' },
      { name: 'GOCACHE', path: gocache === 'off' ? '' : gocache },
      ...(env.values.GOPATH ?? '')
        .split(':')
        .filter((p) => p !== '')
        .slice(0, 1)
        .map((path) => ({ name: 'GOPATH', path })),
    ];
    for (const { name, path } of dirs) {
      if (path === '') continue;
      const cause = name === 'GOCACHE' ? 'gocache-unusable' : 'modcache-permission';
      const evidence = [{ source: 'go env', text: `${name}=${path}` }];
      if (!path.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(path)) {
        findings.push({
          cause,
          severity: 'error',
          title: say(m.relativeTitle, lang, { name }),
          message: say(m.relative, lang, { name }),
          evidence,
          docs,
        });
        continue;
      }
      const existing = nearestExisting(path) ?? path;
      if (existing !== path) {
        if (!writable(existing) || !statSync(existing).isDirectory()) {
          findings.push({
            cause,
            severity: 'error',
            title: say(m.parentTitle, lang, { name }),
            message: say(m.parent, lang, { name, path }),
            evidence,
            docs,
            fixes: [
              { description: say(m.chown, lang), command: `sudo chown -R "$(id -u):$(id -g)" ${existing}` },
            ],
          });
        }
        continue;
      }
      if (!writable(path)) {
        findings.push({
          cause,
          severity: 'error',
          title: say(m.notWritableTitle, lang, { name }),
          message: say(m.notWritable, lang, { name, path }),
          evidence,
          docs,
          fixes: [{ description: say(m.chown, lang), command: `sudo chown -R "$(id -u):$(id -g)" ${path}` }],
        });
        continue;
      }
      if (uid >= 0 && name !== 'GOPATH') {
        const foreign = foreignEntries(path, uid);
        if (foreign.length > 0) {
          findings.push({
            cause,
            severity: 'warning',
            title: say(m.otherOwnerTitle, lang, { name }),
            message: say(m.otherOwner, lang, {
              list: foreign.slice(0, 3).join(', ') + (foreign.length > 3 ? ` (+${foreign.length - 3})` : ''),
            }),
            evidence,
            docs,
            fixes: [
              { description: say(m.chown, lang), command: `sudo chown -R "$(id -u):$(id -g)" ${path}` },
            ],
          });
        }
      }
    }
    return findings;
  },
});
