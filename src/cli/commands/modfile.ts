// `gomod-doctor modfile`: read a go.mod or go.work file the way a given Go release reads it.
import { basename, dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { describeRefusal } from '../../files/messages.ts';
import { readProjectFile } from '../../files/read.ts';
import { languageVersion, locateGo } from '../../go/locate.ts';
import { say } from '../../i18n/lang.ts';
import {
  formatBytes,
  formatErrors,
  KNOWN_RELEASES,
  type ModfileKind,
  NEWEST_RELEASE,
  parseGoMod,
  parseGoWork,
  toJson,
} from '../../modfile/index.ts';
import type { Command } from '../context.ts';
import { InputError, UsageError } from '../errors.ts';
import { messages } from '../messages.ts';
import { COMMAND_SPECS } from '../specs.ts';

const RELEASE = /^(?:go)?(\d+)\.(\d+)(?:\.\d+|(?:rc|beta)\d+)?$/;

const OLDEST_RELEASE = KNOWN_RELEASES[0];

function minor(release: string): number {
  return Number(release.split('.')[1]);
}

/** Releases outside the range we know behave like the nearest known one. */
function clampRelease(release: string): string {
  if (minor(release) < minor(OLDEST_RELEASE)) return OLDEST_RELEASE;
  if (minor(release) > minor(NEWEST_RELEASE)) return NEWEST_RELEASE;
  return release;
}

/**
 * `--go` names either a release (`1.23`, `go1.23.5`) or, as for every other command, a go binary:
 * then that binary's version decides.
 */
async function chooseRelease(
  goOption: string | undefined,
  env: Record<string, string | undefined>,
  lang: 'en' | 'zh-CN',
  project: string,
) {
  if (goOption !== undefined) {
    const match = RELEASE.exec(goOption);
    if (match) {
      if (match[1] !== '1') throw new UsageError(say(messages.badGoVersion, lang, { value: goOption }));
      return clampRelease(`1.${match[2]}`);
    }
    if (!goOption.includes('/')) throw new UsageError(say(messages.badGoVersion, lang, { value: goOption }));
  }
  const go = await locateGo(env, goOption, project);
  const local = go?.version ? languageVersion(go.version) : undefined;
  return local ? clampRelease(local) : NEWEST_RELEASE;
}

export const modfileCommand: Command = async (ctx) => {
  const { values, positionals } = parseArgs({
    args: ctx.args,
    allowPositionals: true,
    options: COMMAND_SPECS.modfile.options,
  });
  if (values.json && values.fmt) throw new UsageError(say(messages.jsonAndFmt, ctx.lang));
  const file = positionals[0];
  if (file === undefined || positionals.length > 1) throw new UsageError(say(messages.missingFile, ctx.lang));
  const path = resolve(values.C ?? ctx.cwd, file);

  // Through the project-file reader: a FIFO, device or 200 MB file is refused, never read, and a
  // link out of the file's own directory is not followed.
  const kindOfFile: ModfileKind = basename(file).endsWith('.work') ? 'go.work' : 'go.mod';
  const read = readProjectFile(path, { kind: kindOfFile });
  if (!read.ok) {
    if (read.missing)
      throw new InputError(say(messages.cannotRead, ctx.lang, { file, reason: 'no such file' }));
    if (read.reason === 'not-regular' && read.type === 'directory')
      throw new InputError(say(messages.cannotRead, ctx.lang, { file, reason: 'is a directory' }));
    throw new InputError(describeRefusal(read, file, ctx.lang));
  }
  const data = read.bytes;

  const release = await chooseRelease(values.go, ctx.env, ctx.lang, dirname(path));
  const kind: ModfileKind = basename(file).endsWith('.work') ? 'go.work' : 'go.mod';
  const parsed =
    kind === 'go.work'
      ? parseGoWork(data, { filename: file, goRelease: release })
      : parseGoMod(data, { filename: file, goRelease: release });
  if (parsed.errors.length > 0) {
    ctx.stderr.write(formatErrors(parsed.errors, kind, release));
    return 1;
  }
  if (values.json) ctx.stdout.write(toJson(parsed.file, release));
  else if (values.fmt) ctx.stdout.write(formatBytes(parsed.file));
  else if (!values.quiet) ctx.stdout.write(`${say(messages.modfileOk, ctx.lang, { file, release })}\n`);
  return 0;
};
