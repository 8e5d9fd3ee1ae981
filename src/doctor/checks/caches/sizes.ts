// How much the module cache and the build cache hold. Information, not a problem: the size is what
// `go clean` would give back when the disk fills up, and a cache far larger than expected explains
// a slow first build on a new machine or a large CI cache. The sizes come from a bounded walk
// (facts.cacheSizes); a walk cut short says "at least". The area line shows them on every run;
// this note (seen with -v) only once a cache is big enough to matter.
import type { Finding } from '../../../findings/finding.ts';
import type { Message } from '../../../i18n/lang.ts';
import { say } from '../../../i18n/lang.ts';
import { formatSize, type TreeSize } from '../../tree-size.ts';
import { defineCheck } from '../../types.ts';

/** Below this a cache is not worth a note. */
const NOTABLE_CACHE_BYTES = 1024 * 1024 * 1024;

const m = {
  title: {
    en: ({ name, size }) => `${name} holds ${size}`,
    'zh-CN': ({ name, size }) => `${name} 占用 ${size}`,
  } satisfies Message<{ name: string; size: string }>,
  modcache: {
    en: 'Every downloaded module version stays in the module cache until it is cleaned; nothing removes old versions by itself. Emptying it is safe: the next build downloads what it needs again.',
    'zh-CN':
      '下载过的每个模块版本都会一直留在模块缓存中，旧版本不会被自动删除。清空是安全的：下次构建会重新下载所需内容。',
  },
  gocache: {
    en: 'The build cache trims entries unused for 5 days on its own; emptying it is safe, the next build is just slower.',
    'zh-CN': '构建缓存会自行清理 5 天未使用的条目；清空是安全的，只是下次构建会慢一些。',
  },
  counted: {
    en: ({ name, path, size, files }) => `${name}=${path}: ${size} in ${files} files`,
    'zh-CN': ({ name, path, size, files }) => `${name}=${path}：${size}，共 ${files} 个文件`,
  } satisfies Message<{ name: string; path: string; size: string; files: string }>,
  partial: {
    en: 'counting stopped at its time or file limit: the real size is larger',
    'zh-CN': '统计在时间或文件数上限处停止：实际大小更大',
  },
  cleanMod: { en: 'Empty the module cache', 'zh-CN': '清空模块缓存' },
  cleanBuild: { en: 'Empty the build cache', 'zh-CN': '清空构建缓存' },
};

export default defineCheck({
  id: 'caches/sizes',
  area: 'caches',
  needs: ['goenv', 'cacheSizes'],
  causes: ['cache-large'],
  async run({ facts, lang }) {
    const sizes = await facts.cacheSizes();
    const findings: Finding[] = [];
    const note = (name: 'GOMODCACHE' | 'GOCACHE', tree: TreeSize | undefined): void => {
      if (!tree || tree.missing || tree.bytes < NOTABLE_CACHE_BYTES) return;
      const size = formatSize(tree);
      const evidence = [
        {
          source: 'walk',
          text: say(m.counted, lang, {
            name,
            path: tree.path,
            size,
            files: `${tree.complete ? '' : '≥ '}${tree.files.toLocaleString('en-US')}`,
          }),
        },
      ];
      if (!tree.complete) evidence.push({ source: 'walk', text: say(m.partial, lang) });
      const modcache = name === 'GOMODCACHE';
      findings.push({
        cause: 'cache-large',
        severity: 'info',
        title: say(m.title, lang, { name, size }),
        message: say(modcache ? m.modcache : m.gocache, lang),
        evidence,
        fixes: [
          modcache
            ? { description: say(m.cleanMod, lang), command: 'go clean -modcache' }
            : { description: say(m.cleanBuild, lang), command: 'go clean -cache' },
        ],
      });
    };
    note('GOMODCACHE', sizes.GOMODCACHE);
    note('GOCACHE', sizes.GOCACHE);
    return findings;
  },
});
