// A go setting that makes the go command fail (GOPRIVATE missing a private module, GOPROXY=off or
// without a fallback, a bad GOFLAGS): the exact change the finding names, written into the go env
// file as `go env -w` / `go env -u` would write it. Only when the setting comes from that file or
// from nowhere: a variable set in the environment wins over the file, so then the finding's own
// fix (the shell) stands. In CI (CI=true) the file of a throw-away runner is the wrong place: the
// plan prints the environment form to put in the job instead of writing.

import { shellQuote } from '../../findings/shell-quote.ts';
import { goEnvFilePath } from '../../go/env.ts';
import { say } from '../../i18n/lang.ts';
import { updateGoEnvFile } from '../goenvfile.ts';
import { messages } from '../messages.ts';
import { defineRepair, type RepairStep } from '../types.ts';

const NAMES = new Set(['GOPRIVATE', 'GONOPROXY', 'GONOSUMDB', 'GOPROXY', 'GOFLAGS']);
const COMMAND = /^go env -(w) ([A-Z]+)=(.*)$|^go env -(u) ([A-Z]+)$/;

/** The value of a shell word as the fixes write it: bare, 'single' or "double" quoted. */
function unquote(word: string): string | undefined {
  if (/^'[^']*'$/.test(word)) return word.slice(1, -1);
  if (/^'.*'$/.test(word)) return word.slice(1, -1).replace(/'\\''/g, "'");
  if (/^"[^"\\$`]*"$/.test(word)) return word.slice(1, -1);
  if (/^[A-Za-z0-9_@%+=:,./|*-]*$/.test(word)) return word;
  return undefined;
}

/** A value that is an example for a person to adapt, not one to write. */
function isPlaceholder(value: string): boolean {
  return value.includes('<') || value.includes('your-org');
}

export function settingChange(command: string): { name: string; value?: string } | undefined {
  const match = COMMAND.exec(command.trim());
  if (!match) return undefined;
  const name = match[2] ?? match[5]!;
  if (!NAMES.has(name)) return undefined;
  if (match[4] === 'u') return { name };
  const value = unquote(match[3]!);
  if (value === undefined || isPlaceholder(value)) return undefined;
  return { name, value };
}

export default defineRepair({
  id: 'goenv-set',
  kind: 'goenv',
  causes: [
    'private-module-via-proxy',
    'goprivate-misconfigured',
    'sumdb-private-module',
    'goproxy-off',
    'goproxy-invalid',
    'goproxy-no-fallback',
    'goflags-invalid',
  ],
  summary: {
    en: 'set GOPRIVATE / GONOPROXY / GONOSUMDB / GOPROXY / GOFLAGS as the finding says, in the go env file (as go env -w writes it); in CI, print the environment form',
    'zh-CN':
      '按结论设置 GOPRIVATE / GONOPROXY / GONOSUMDB / GOPROXY / GOFLAGS，写入 go env 配置文件（与 go env -w 的写法相同）；在 CI 中改为输出环境变量写法',
  },
  equals: 'go env -w NAME=VALUE',
  plan(ctx) {
    const steps: RepairStep[] = [];
    const file = goEnvFilePath(ctx.env);
    const ci = ctx.env.CI === 'true' || ctx.env.CI === '1';
    for (const finding of ctx.findings) {
      const change = finding.fixes
        ?.map((f) => (f.command ? settingChange(f.command) : undefined))
        .find((c) => c !== undefined);
      if (!change) continue;
      if (ci) {
        steps.push({
          finding,
          files: [],
          commands: [
            change.value === undefined
              ? `unset ${change.name}`
              : `export ${change.name}=${shellQuote(change.value)}`,
          ],
          note: say(messages.envForm, ctx.lang),
        });
        continue;
      }
      if (!file) continue;
      const current = ctx.files.read(file)?.toString('utf8') ?? '';
      const next =
        change.value === undefined
          ? updateGoEnvFile(current, new Map(), new Set([change.name]))
          : updateGoEnvFile(current, new Map([[change.name, change.value]]));
      if (next === current) continue;
      steps.push({ finding, files: [ctx.files.write(file, Buffer.from(next, 'utf8'))] });
    }
    return steps;
  },
});
