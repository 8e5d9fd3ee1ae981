// The command line: pick a command, hand it the common context, map its result to an exit status.
// Commands are imported lazily so that `--version`, `--help` and each command load only their own code.
import { killAllChildren } from '../exec/run.ts';
import { type Lang, langFromEnv, parseLang, say } from '../i18n/lang.ts';
import { VERSION } from '../version.ts';
import type { Command, CommandContext } from './context.ts';
import { InputError, UsageError } from './errors.ts';
import { helpText, messages } from './help.ts';

const commands: Record<string, () => Promise<Command>> = {
  modfile: async () => (await import('./commands/modfile.ts')).modfileCommand,
  doctor: async () => (await import('./commands/doctor.ts')).doctorCommand,
  explain: async () => (await import('./commands/explain.ts')).explainCommand,
  trace: async () => (await import('./commands/trace.ts')).traceCommand,
  attach: async () => (await import('./commands/attach.ts')).attachCommand,
  'tidy-check': async () => (await import('./commands/tidy-check.ts')).tidyCheckCommand,
  fix: async () => (await import('./commands/fix.ts')).fixCommand,
};

/**
 * Finds --lang in argv before full parsing, so that even usage errors speak the user's language.
 * `invalid` holds a --lang value that names no language we have.
 */
function earlyLang(
  argv: readonly string[],
  env: Record<string, string | undefined>,
): { lang: Lang; invalid?: string } {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    const value = arg.startsWith('--lang=') ? arg.slice(7) : arg === '--lang' ? argv[i + 1] : undefined;
    if (value === undefined) continue;
    const lang = parseLang(value);
    return lang ? { lang } : { lang: langFromEnv(env), invalid: value };
  }
  return { lang: langFromEnv(env) };
}

function wantsColor(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  stream: NodeJS.WriteStream,
) {
  if (argv.includes('--no-color') || 'NO_COLOR' in env) return false;
  if (argv.includes('--color') || env.FORCE_COLOR) return true;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

/** Options that take a value as the next argument when written without `=`. */
const OPTIONS_WITH_VALUES = new Set([
  '-C',
  '--go',
  '--lang',
  '--format',
  '--check',
  '--stall',
  '--timeout',
  '--resolver',
  '--budget',
  '--why',
  '--only',
  '--from',
]);

/** The first argument that is neither an option nor an option's value; -1 when there is none. */
function findCommandIndex(argv: readonly string[]): number {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return -1;
    if (!arg.startsWith('-')) return i;
    if (OPTIONS_WITH_VALUES.has(arg)) i++;
  }
  return -1;
}

export async function main(argv: readonly string[]): Promise<number> {
  const env = process.env;
  const { lang, invalid } = earlyLang(argv, env);
  if (invalid !== undefined) {
    process.stderr.write(`gomod-doctor: ${say(messages.badLang, lang, { value: invalid })}\n`);
    return 2;
  }
  // The command is the first argument that is not an option (bare `gomod-doctor` runs doctor).
  const commandIndex = findCommandIndex(argv);
  const before = commandIndex === -1 ? argv : argv.slice(0, commandIndex);
  if (before.includes('--version') || before.includes('-V')) {
    process.stdout.write(`gomod-doctor ${VERSION}\n`);
    return 0;
  }
  const name = commandIndex === -1 ? 'doctor' : argv[commandIndex]!;
  const rest = commandIndex === -1 ? [...argv] : [...before, ...argv.slice(commandIndex + 1)];
  if (name === 'help' || ((before.includes('--help') || before.includes('-h')) && commandIndex === -1)) {
    process.stdout.write(helpText(lang, name === 'help' ? argv[commandIndex + 1] : undefined));
    return 0;
  }
  const load = commands[name];
  if (!load) {
    process.stderr.write(`gomod-doctor: ${say(messages.unknownCommand, lang, { name })}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(helpText(lang, name));
    return 0;
  }
  const ctx: CommandContext = {
    args: rest,
    lang,
    color: wantsColor(argv, env, process.stdout),
    env,
    cwd: process.cwd(),
    stdout: process.stdout,
    stderr: process.stderr,
    // A getter: process.stdin builds a stream (and loads fs streams) on first access, which
    // would cost every command a few milliseconds though only some read standard input.
    get stdin() {
      return process.stdin;
    },
  };
  try {
    return await (await load())(ctx);
  } catch (error) {
    if (error instanceof UsageError || error instanceof InputError) {
      process.stderr.write(`gomod-doctor ${name}: ${error.message}\n`);
      return 2;
    }
    // Node's own argument parser reports unknown options this way.
    const code = (error as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`gomod-doctor ${name}: ${parseErrorText(code, (error as Error).message, lang)}\n`);
      process.stderr.write(`${say(messages.seeHelp, lang, { name })}\n`);
      return 2;
    }
    process.stderr.write(`gomod-doctor ${name}: ${say(messages.internalError, lang)}\n`);
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    return 2;
  }
}

/**
 * Node's argument parser speaks English only: its four kinds of error, in the user's language.
 * The option or argument is taken from Node's message; an unforeseen wording is shown as it is.
 */
function parseErrorText(code: string, message: string, lang: Lang): string {
  // '--why <value>', or '-C, --C <value>' for an option with a short form: the first name.
  const quoted = /'([^']*)'/
    .exec(message)?.[1]
    ?.replace(/ <value>$/, '')
    .split(',')[0];
  if (quoted === undefined) return message;
  const option = `'${quoted}'`;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return say(messages.unknownOption, lang, { option });
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
    return say(messages.unexpectedArgument, lang, { option });
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    // "ambiguous": the next word starts with a dash (`--why --json`), so it was not taken as the value.
    if (message.includes('argument missing') || message.includes('argument is ambiguous'))
      return say(messages.missingValue, lang, { option });
    if (message.includes('does not take an argument')) return say(messages.noValue, lang, { option });
  }
  return message;
}

function onInterrupt(): void {
  killAllChildren();
  process.exit(130);
}
process.once('SIGINT', onInterrupt);
process.once('SIGTERM', onInterrupt);

// Output may be cut short by a closed pipe (`gomod-doctor ... | head`): that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
});

main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(`gomod-doctor: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 2;
  },
);
