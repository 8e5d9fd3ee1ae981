// Traces of interrupted downloads in the module cache (.partial markers, *.tmp files, .tmp-*
// extraction directories), and cache lock files held right now by another process: a go command
// started now would wait on that lock without a word (another go, gopls, an IDE).
import { readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Finding } from '../../../findings/finding.ts';
import type { Message } from '../../../i18n/lang.ts';
import { say } from '../../../i18n/lang.ts';
import { defineCheck } from '../../types.ts';

const WALK_LIMIT = 50_000;
const WALK_BUDGET_MS = 400;

const m = {
  partialTitle: {
    en: ({ n }) => `${n} leftover partial download${n === 1 ? '' : 's'} in the module cache`,
    'zh-CN': ({ n }) => `模块缓存中有 ${n} 个中断下载的残留`,
  } satisfies Message<{ n: number }>,
  partial: {
    en: ({ list }) =>
      `Left behind by an interrupted go command (Ctrl-C, a full disk, a crash): ${list}. The go command usually cleans them up, but a damaged zip fails with "zip: not a valid zip file" or "unexpected EOF".`,
    'zh-CN': ({ list }) =>
      `被中断的 go 命令（Ctrl-C、磁盘满、崩溃）留下的：${list}。go 命令通常会清理它们，但损坏的压缩包会报错 "zip: not a valid zip file" 或 "unexpected EOF"。`,
  } satisfies Message<{ list: string }>,
  clean: {
    en: 'Remove the module cache (everything is downloaded again on demand)',
    'zh-CN': '删除模块缓存（需要时会重新下载）',
  },
  lockTitle: {
    en: ({ pid, name }) => `A module cache lock is held right now by ${name} (pid ${pid})`,
    'zh-CN': ({ pid, name }) => `模块缓存锁当前被 ${name}（pid ${pid}）持有`,
  } satisfies Message<{ pid: string; name: string }>,
  lock: {
    en: ({ file }) =>
      `${file} is locked. A go command that needs the same module waits silently until that process lets go; if it seems stuck, that process is the reason.`,
    'zh-CN': ({ file }) =>
      `${file} 已被锁定。需要同一模块的 go 命令会一声不响地等待该进程释放；如果看起来卡住了，原因就是这个进程。`,
  } satisfies Message<{ file: string }>,
  kill: { en: 'Let it finish, or end it', 'zh-CN': '等它结束，或结束该进程' },
};

function findLeftovers(modcache: string): string[] {
  const found: string[] = [];
  const started = performance.now();
  let visited = 0;
  // Extraction temp dirs sit beside the extracted trees: one level per path element.
  const walk = (dir: string, depth: number): void => {
    if (visited > WALK_LIMIT || performance.now() - started > WALK_BUDGET_MS || depth > 12) return;
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      visited++;
      const name = entry.name;
      if (
        name.endsWith('.partial') ||
        /\.(zip|mod|info)\d*\.tmp$/.test(name) ||
        /\.tmp$/.test(name) ||
        /\.tmp-\d+$/.test(name)
      ) {
        found.push(join(dir, name));
        continue;
      }
      // Extracted module trees (name@version) hold source files only: no need to descend.
      if (entry.isDirectory() && (name === '@v' || !name.includes('@'))) walk(join(dir, name), depth + 1);
    }
  };
  walk(modcache, 0);
  return found;
}

interface HeldLock {
  pid: string;
  inode: number;
}

/** flock/posix locks from /proc/locks (Linux only): pid and inode of each held lock. */
function heldLocks(): HeldLock[] {
  let text: string;
  try {
    text = readFileSync('/proc/locks', 'utf8');
  } catch {
    return [];
  }
  const out: HeldLock[] = [];
  for (const line of text.split('\n')) {
    if (line.includes('->')) continue; // a waiter, not a holder
    const fields = line.trim().split(/\s+/);
    const pid = fields[4];
    const ident = fields[5];
    if (!pid || !ident) continue;
    const inode = Number(ident.split(':')[2]);
    if (Number.isFinite(inode)) out.push({ pid, inode });
  }
  return out;
}

export default defineCheck({
  id: 'caches/leftovers',
  area: 'caches',
  needs: ['goenv'],
  causes: ['modcache-corrupt', 'cache-lock-wait'],
  async run({ facts, lang }) {
    const env = await facts.goenv();
    const modcache = env?.values.GOMODCACHE;
    if (!env?.ok || !modcache) return [];
    const findings: Finding[] = [];
    const leftovers = findLeftovers(modcache);
    if (leftovers.length > 0) {
      const list =
        leftovers
          .slice(0, 3)
          .map((p) => relative(modcache, p))
          .join(', ') + (leftovers.length > 3 ? ` (+${leftovers.length - 3})` : '');
      findings.push({
        cause: 'modcache-corrupt',
        severity: 'warning',
        title: say(m.partialTitle, lang, { n: leftovers.length }),
        message: say(m.partial, lang, { list }),
        evidence: leftovers.slice(0, 10).map((p) => ({ source: 'GOMODCACHE', text: p })),
        fixes: [{ description: say(m.clean, lang), command: 'go clean -modcache' }],
        docs: ['https://go.dev/ref/mod#module-cache'],
      });
    }
    for (const lock of heldLocks()) {
      if (String(process.pid) === lock.pid) continue;
      let fds: string[];
      try {
        fds = readdirSync(`/proc/${lock.pid}/fd`);
      } catch {
        continue;
      }
      for (const fd of fds) {
        let target: string;
        try {
          target = readlinkSync(`/proc/${lock.pid}/fd/${fd}`);
          if (!target.startsWith(modcache) || statSync(target).ino !== lock.inode) continue;
        } catch {
          continue;
        }
        let name = '?';
        try {
          name = readFileSync(`/proc/${lock.pid}/comm`, 'utf8').trim();
        } catch {
          // gone
        }
        findings.push({
          cause: 'cache-lock-wait',
          severity: 'info',
          title: say(m.lockTitle, lang, { pid: lock.pid, name }),
          message: say(m.lock, lang, { file: target }),
          evidence: [{ source: 'process', text: `pid ${lock.pid} (${name}) holds ${target}` }],
          fixes: [{ description: say(m.kill, lang), command: `kill ${lock.pid}` }],
        });
        break;
      }
    }
    return findings;
  },
});
