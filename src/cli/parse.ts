// The command line checks every command shares, driven by the command's option table: the
// options themselves (Node's strict parser), an existing directory for -C, a registered --format,
// a known --check id, and `--` before trace's go command. Each failure is a usage error (exit 2)
// in one line, in the user's language.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { say } from '../i18n/lang.ts';
import { FORMAT_NAMES, isFormat } from '../report/registry.ts';
import type { CommandContext } from './context.ts';
import { UsageError } from './errors.ts';
import { messages } from './messages.ts';
import { commandSpec } from './specs.ts';

/** The arguments that are the command's own: for trace, those before `--`. */
export function ownArguments(name: string, args: readonly string[]): string[] {
  if (name !== 'trace') return [...args];
  const dashDash = args.indexOf('--');
  return dashDash === -1 ? [...args] : args.slice(0, dashDash);
}

export async function checkCommandLine(
  name: string,
  args: readonly string[],
  ctx: CommandContext,
): Promise<void> {
  const spec = commandSpec(name);
  if (!spec) return;
  if (name === 'trace' && !args.includes('--'))
    throw new UsageError(say(messages.traceNeedsDashDash, ctx.lang));
  const { values } = parseArgs({
    args: ownArguments(name, args),
    options: spec.options,
    allowPositionals: spec.positionals !== undefined,
  });
  const dir = values.C;
  if (typeof dir === 'string') {
    let isDirectory: boolean | undefined;
    try {
      isDirectory = statSync(resolve(ctx.cwd, dir)).isDirectory();
    } catch {
      isDirectory = undefined;
    }
    if (isDirectory === undefined) throw new UsageError(say(messages.noSuchDirectory, ctx.lang, { dir }));
    if (!isDirectory) throw new UsageError(say(messages.notADirectory, ctx.lang, { dir }));
  }
  const format = values.format;
  if (typeof format === 'string' && !isFormat(format)) {
    const formats = FORMAT_NAMES.join(ctx.lang === 'zh-CN' ? '、' : ', ');
    throw new UsageError(say(messages.badFormat, ctx.lang, { value: format, formats }));
  }
  const failOn = values['fail-on'];
  if (typeof failOn === 'string' && !['error', 'warning', 'never'].includes(failOn))
    throw new UsageError(say(messages.badFailOn, ctx.lang, { value: failOn }));
  const checks = values.check;
  if (Array.isArray(checks) && checks.length > 0) {
    // Loaded only when --check is given: the list of checks is the doctor's registry.
    const known = await knownCheckIds();
    const unknown = checks.find((id) => !known.includes(String(id)));
    if (unknown !== undefined)
      throw new UsageError(
        say(messages.unknownCheck, ctx.lang, { id: String(unknown), ids: known.join(', ') }),
      );
  }
}

/** What --check accepts: an area (every check in it) or one check's id, as doctor/run.ts selects. */
async function knownCheckIds(): Promise<string[]> {
  const [{ CHECKS }, { NETWORK_CHECK_ID }, { AREAS }] = await Promise.all([
    import('../doctor/checks/index.ts'),
    import('../doctor/network.ts'),
    import('../doctor/types.ts'),
  ]);
  return [...new Set<string>([...AREAS, NETWORK_CHECK_ID, ...CHECKS.map((c) => c.id)])];
}
