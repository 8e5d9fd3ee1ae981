// A cache directory that belongs to another user (a `sudo go ...` once made it root's): neither
// the go command nor gomod-doctor may change it. The plan prints the exact command that gives it
// back to this user, the path quoted for the shell; gomod-doctor never runs sudo.

import { shellQuote } from '../../findings/shell-quote.ts';
import { say } from '../../i18n/lang.ts';
import { messages } from '../messages.ts';
import { defineRepair, type RepairStep } from '../types.ts';

const CHOWN = /^sudo chown -R "\$\(id -u\):\$\(id -g\)" (.+)$/;

/** A word the shell takes as it is: single-quoted unless plainly safe. */

export default defineRepair({
  id: 'modcache-chown',
  kind: 'advice',
  causes: ['modcache-permission', 'gocache-unusable'],
  summary: {
    en: 'a cache owned by another user: print the exact sudo chown command (never run)',
    'zh-CN': '缓存属于其他用户：输出确切的 sudo chown 命令（从不自动运行）',
  },
  plan(ctx) {
    const steps: RepairStep[] = [];
    const uid = process.getuid?.() ?? -1;
    const gid = process.getgid?.() ?? -1;
    if (uid < 0) return steps;
    for (const finding of ctx.findings) {
      const path = finding.fixes?.map((f) => CHOWN.exec(f.command ?? '')?.[1]).find(Boolean);
      if (!path) continue;
      steps.push({
        finding,
        files: [],
        commands: [`sudo chown -R ${uid}:${gid} -- ${shellQuote(path)}`],
        note: say(messages.chownNote, ctx.lang, { path }),
      });
    }
    return steps;
  },
});
