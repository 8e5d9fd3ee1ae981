// Free space and free inodes where the caches live: a full disk shows up as "no space left on
// device" in the middle of an extraction, leaving partial files behind.
import { statfsSync, statSync } from 'node:fs';
import type { Finding } from '../../../findings/finding.ts';
import type { Message } from '../../../i18n/lang.ts';
import { say } from '../../../i18n/lang.ts';
import { nearestExisting } from '../../paths.ts';
import { defineCheck } from '../../types.ts';

const MiB = 1024 * 1024;
const ERROR_BYTES = 200 * MiB;
const WARN_BYTES = 1024 * MiB;
const ERROR_INODES = 2_000;
const WARN_INODES = 20_000;

const m = {
  spaceTitle: {
    en: ({ free, where }) => `Only ${free} free for ${where}`,
    'zh-CN': ({ free, where }) => `${where} 所在磁盘只剩 ${free}`,
  } satisfies Message<{ free: string; where: string }>,
  space: {
    en: ({ path }) =>
      `The file system of ${path} is nearly full: downloads and builds fail with "no space left on device" (a single module zip or toolchain can take hundreds of MB).`,
    'zh-CN': ({ path }) =>
      `${path} 所在文件系统快满了：下载和构建会报错 "no space left on device"（一个模块压缩包或工具链就可能占用数百 MB）。`,
  } satisfies Message<{ path: string }>,
  inodeTitle: {
    en: ({ free, where }) => `Only ${free} free inodes for ${where}`,
    'zh-CN': ({ free, where }) => `${where} 所在磁盘只剩 ${free} 个 inode`,
  } satisfies Message<{ free: string; where: string }>,
  inode: {
    en: ({ path }) =>
      `The file system of ${path} is running out of inodes (files): "no space left on device" although df -h shows free space. The module cache holds many small files.`,
    'zh-CN': ({ path }) =>
      `${path} 所在文件系统的 inode（文件数）快用完了：即使 df -h 显示还有空间，也会报 "no space left on device"。模块缓存由大量小文件组成。`,
  } satisfies Message<{ path: string }>,
  clean: { en: 'Free space, e.g. by emptying the caches', 'zh-CN': '释放空间，例如清空缓存' },
};

function human(bytes: number): string {
  return bytes >= 1024 * MiB ? `${(bytes / 1024 / MiB).toFixed(1)} GiB` : `${Math.round(bytes / MiB)} MiB`;
}

export default defineCheck({
  id: 'caches/disk-space',
  area: 'caches',
  needs: ['goenv'],
  causes: ['disk-full'],
  async run({ facts, lang }) {
    const env = await facts.goenv();
    if (!env?.ok) return [];
    const findings: Finding[] = [];
    const seen = new Set<string>();
    for (const name of ['GOMODCACHE', 'GOCACHE', 'GOTMPDIR']) {
      const path = env.values[name];
      if (!path || path === 'off') continue;
      const existing = nearestExisting(path);
      if (!existing) continue;
      let stats: ReturnType<typeof statfsSync>;
      try {
        stats = statfsSync(existing);
      } catch {
        continue;
      }
      // Pseudo file systems (/proc, /sys) report no blocks at all: nothing to say about them.
      if (stats.blocks === 0) continue;
      const device = `${statSync(existing).dev}`;
      if (seen.has(device)) continue;
      seen.add(device);
      const freeBytes = stats.bavail * stats.bsize;
      const evidence = [
        { source: 'statfs', text: `${name}=${path}: ${human(freeBytes)} free, ${stats.ffree} inodes free` },
      ];
      const fixes = [{ description: say(m.clean, lang), command: 'go clean -cache -modcache' }];
      if (freeBytes < WARN_BYTES) {
        findings.push({
          cause: 'disk-full',
          severity: freeBytes < ERROR_BYTES ? 'error' : 'warning',
          title: say(m.spaceTitle, lang, { free: human(freeBytes), where: name }),
          message: say(m.space, lang, { path }),
          evidence,
          fixes,
        });
      }
      // File systems without a fixed inode table report 0 files.
      if (stats.files > 0 && stats.ffree < WARN_INODES) {
        findings.push({
          cause: 'disk-full',
          severity: stats.ffree < ERROR_INODES ? 'error' : 'warning',
          title: say(m.inodeTitle, lang, { free: String(stats.ffree), where: name }),
          message: say(m.inode, lang, { path }),
          evidence,
          fixes,
        });
      }
    }
    return findings;
  },
});
