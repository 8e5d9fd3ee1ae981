// `gomod-doctor tidy-check`: predict, offline, what `go mod tidy` would add, remove and re-mark,
// and which network lookups it would make. Exit 1 when go.mod is not tidy (or tidy would fail),
// so that CI can gate on it.
import { realpathSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { describeRefusal } from '../../files/messages.ts';
import { exitStatusFor, orderFindings, type Report } from '../../findings/finding.ts';
import { type Message, say } from '../../i18n/lang.ts';
import { chosenFormat, type FormatName, type ReportData } from '../../report/registry.ts';
import { escapeControls } from '../../report/sanitize.ts';
import { renderTerminal } from '../../report/terminal.ts';
import { analyzeTidy, NoModuleError, ProjectFileError, type TidyPrediction } from '../../tidy/analyze.ts';
import { summaryText, tidyFindings, tidyVerdict } from '../../tidy/findings.ts';
import {
  type LoadedModuleGraph,
  loadModuleGraph,
  type VersionReason,
  versionReason,
} from '../../tidy/why.ts';
import { VERSION } from '../../version.ts';
import type { Command, CommandContext } from '../context.ts';
import { InputError, UsageError } from '../errors.ts';
import { emitReport, failOnOf, type OutputValues } from '../report-output.ts';
import { COMMAND_SPECS } from '../specs.ts';

const text = {
  notADir: {
    en: ({ dir }) => `-C ${dir}: not a directory`,
    'zh-CN': ({ dir }) => `-C ${dir}：不是目录`,
  } satisfies Message<{ dir: string }>,
  noModuleLine: {
    en: ({ file, error }) =>
      `${file} declares no module${error ? ` (${error})` : ''}: tidy-check needs a module line`,
    'zh-CN': ({ file, error }) =>
      `${file} 没有声明模块${error ? `（${error}）` : ''}：tidy-check 需要 module 行`,
  } satisfies Message<{ file: string; error: string }>,
  noModule: {
    en: ({ dir }) => `no go.mod in ${dir} or any parent directory (tidy-check needs a module)`,
    'zh-CN': ({ dir }) => `${dir} 及其上级目录中都没有 go.mod（tidy-check 需要一个模块）`,
  } satisfies Message<{ dir: string }>,
  selected: {
    en: ({ module, version }) =>
      `${module} is at ${version}: minimal version selection takes the highest version that any go.mod in the module graph requires`,
    'zh-CN': ({ module, version }) =>
      `${module} 的版本是 ${version}：最小版本选择会选取模块图中任一 go.mod 所要求的最高版本`,
  } satisfies Message<{ module: string; version: string }>,
  mainModule: {
    en: ({ module }) => `${module} is this module itself`,
    'zh-CN': ({ module }) => `${module} 就是本模块`,
  } satisfies Message<{ module: string }>,
  notInGraph: {
    en: ({ module }) =>
      `${module} is not in the module graph: neither go.mod nor any go.mod it reaches requires it`,
    'zh-CN': ({ module }) => `${module} 不在模块图中：go.mod 以及它所关联的 go.mod 都没有要求它`,
  } satisfies Message<{ module: string }>,
  requiredBy: {
    en: ({ version, by }) => `${version}  required by ${by}`,
    'zh-CN': ({ version, by }) => `${version}  由 ${by} 要求`,
  } satisfies Message<{ version: string; by: string }>,
  thisGoMod: {
    en: ({ module }) => `${module} (this go.mod)`,
    'zh-CN': ({ module }) => `${module}（本模块的 go.mod）`,
  } satisfies Message<{ module: string }>,
  workspace: {
    en: ({ file }) =>
      `(${file} applies here: this is the graph of this module's own go.mod, as with GOWORK=off)`,
    'zh-CN': ({ file }) => `（这里有 ${file} 生效：以上是本模块自身 go.mod 的模块图，相当于 GOWORK=off）`,
  } satisfies Message<{ file: string }>,
  incomplete: {
    en: ({ count }) =>
      `${count} go.mod file(s) of the graph are not in the module cache, so the answer may be incomplete (go mod download fills it)`,
    'zh-CN': ({ count }) =>
      `模块图中有 ${count} 个 go.mod 文件不在模块缓存中，结论可能不完整（go mod download 可以补全）`,
  } satisfies Message<{ count: string }>,
  extraArgs: {
    en: 'tidy-check takes no arguments (use -C DIR to name the module directory)',
    'zh-CN': 'tidy-check 不接受参数（用 -C DIR 指定模块目录）',
  } satisfies Message,
};

/** The machine summary added to the contract's report (fields are only ever added). */
function tidyJson(p: TidyPrediction) {
  return {
    module: p.module.path,
    go: p.module.go ?? null,
    // null: nothing certain, but the answer needs modules that are not on this machine.
    tidy: tidyVerdict(p),
    complete: p.complete,
    undecided: p.undecided.map((u) => ({ path: u.path, version: u.version, line: u.line, reason: u.reason })),
    notInCache: p.notInCache.length,
    layout: p.layout.map((x) => ({ path: x.path, line: x.line, indirect: x.indirect })),
    ...(p.vendor ? { vendor: { modules: p.vendor.modules, packages: p.vendor.packages } } : {}),
    add: p.add.map((a) => ({
      path: a.path,
      version: a.version,
      indirect: a.indirect,
      ...(a.guessed ? { versionFromCache: true } : {}),
      ...(a.why?.length ? { importedBy: a.why[a.why.length - 1] } : {}),
    })),
    remove: p.remove.map((r) => ({ path: r.path, version: r.version, line: r.line })),
    indirect: p.indirect.map((c) => ({
      path: c.path,
      version: c.version,
      from: c.from,
      to: c.indirect,
      line: c.line,
    })),
    upgrade: p.upgrade.map((u) => ({ path: u.path, from: u.from, to: u.version, line: u.line })),
    missing: p.missing.map((x) => ({
      importPath: x.importPath,
      importedBy: x.importedBy,
      ...(x.mainModule ? { mainModule: x.mainModule } : {}),
      ...(x.guess ? { likely: x.guess } : {}),
      lookups: x.lookups.map((r) => ({
        module: r.modulePath,
        via: r.via,
        private: r.private,
        noProxy: r.noProxy,
        looksPrivate: r.looksPrivate,
      })),
    })),
    downloads: p.notDownloaded.map((d) => ({
      path: d.module.path,
      version: d.module.version,
      what: d.what,
      via: d.lookup.via,
    })),
  };
}

/** One clear line (exit 2) for a go.mod that is absent, refused by the reader, or declares no module. */
function moduleError(error: unknown, ctx: CommandContext, shownDir: string | undefined): unknown {
  const shown = (path: string) => relative(ctx.cwd, path) || path;
  if (error instanceof ProjectFileError)
    return new InputError(describeRefusal(error.refusal, shown(error.path), ctx.lang));
  if (error instanceof NoModuleError) {
    if (error.goModPath)
      return new InputError(
        say(text.noModuleLine, ctx.lang, { file: shown(error.goModPath), error: error.parseError ?? '' }),
      );
    return new InputError(say(text.noModule, ctx.lang, { dir: shownDir ?? '.' }));
  }
  return error;
}

/** With --go PATH, that toolchain's GOROOT decides which imports are in the standard library. */
function goEnvFor(
  env: Record<string, string | undefined>,
  goBin: string | undefined,
): Record<string, string | undefined> {
  if (!goBin || env.GOROOT) return env;
  try {
    return { ...env, GOROOT: dirname(dirname(realpathSync(goBin))) };
  } catch {
    return env;
  }
}

export const tidyCheckCommand: Command = async (ctx) => {
  const { values, positionals } = parseArgs({
    args: ctx.args,
    allowPositionals: true,
    options: COMMAND_SPECS['tidy-check'].options,
  });
  if (positionals.length > 0) throw new UsageError(say(text.extraArgs, ctx.lang));
  // The CLI has checked that -C names a directory.
  const dir = resolve(ctx.cwd, values.C ?? '.');
  if (values.why !== undefined) return whyCommand(ctx, dir, values.why, chosenFormat(values), values);
  let prediction: TidyPrediction;
  try {
    prediction = analyzeTidy({ dir, env: goEnvFor(ctx.env, values.go) });
  } catch (error) {
    throw moduleError(error, ctx, values.C);
  }
  const findings = orderFindings(tidyFindings(prediction, ctx.lang));
  const report: Report & { tidy: ReturnType<typeof tidyJson> } = {
    tool: 'gomod-doctor',
    version: VERSION,
    command: 'tidy-check',
    findings,
    tidy: tidyJson(prediction),
  };
  const textView = (): string => {
    const shown = values.quiet
      ? findings.filter((f) => f.severity === 'error')
      : values.verbose
        ? findings
        : findings.filter((f) => f.severity !== 'info' || findings.length < 30);
    let out = escapeControls(summaryText(prediction, ctx.lang, { verbose: values.verbose === true }));
    if (shown.length > 0) {
      out += `\n${renderTerminal(
        { ...report, findings: shown },
        { lang: ctx.lang, color: ctx.color, ...(values.verbose ? { verbose: true } : {}) },
      )}`;
    }
    return out;
  };
  const { tidy, ...contractReport } = report;
  const status = exitStatusFor(findings, failOnOf(values));
  const format = chosenFormat(values);
  emitReport(
    ctx,
    values,
    format,
    {
      report: contractReport,
      json: { tidy },
      text: textView,
      sarif: { exitCode: status, defaultFile: 'go.mod' },
      ...(format === 'html' ? { html: { kind: 'explain' as const, report: contractReport } } : {}),
    },
    dir,
  );
  return status;
};

/** `--why MODULE`: every requirement edge into the module, from the graph go.mod leads to. */
async function whyCommand(
  ctx: CommandContext,
  dir: string,
  module: string,
  format: FormatName,
  values: OutputValues & { C?: string | undefined },
): Promise<number> {
  const shownDir = values.C;
  let reason: VersionReason;
  let main: string;
  let workFile: string | undefined;
  let loaded: LoadedModuleGraph;
  try {
    loaded = loadModuleGraph({ dir, env: ctx.env });
    main = loaded.main.path;
    workFile = loaded.workFile;
    reason = versionReason(loaded, module);
  } catch (error) {
    throw moduleError(error, ctx, shownDir);
  }
  const byText = (from: { path: string; version: string }) =>
    from.version === ''
      ? say(text.thisGoMod, ctx.lang, { module: from.path })
      : `${from.path}@${from.version}`;
  if (format !== 'text') {
    const report: Report = { tool: 'gomod-doctor', version: VERSION, command: 'tidy-check', findings: [] };
    const why = {
      module,
      selected: module === main ? '' : (reason.selected ?? null),
      direct: reason.direct ?? null,
      requiredBy: reason.requiredBy.map((e) => ({
        module: e.from.path,
        ...(e.from.version === '' ? { main: true } : { version: e.from.version }),
        requires: e.version,
      })),
      incomplete: reason.incomplete.map((m) => `${m.path}@${m.version}`),
    };
    const data: ReportData = { report, json: { why } };
    if (format === 'html') {
      const { whyHtmlInput } = await import('../../report/html-input.ts');
      data.html = whyHtmlInput(loaded, reason, report);
    }
    emitReport(ctx, values, format, data, dir);
    return 0;
  }
  const lines: string[] = [];
  if (module === main) lines.push(say(text.mainModule, ctx.lang, { module }));
  else if (reason.selected === undefined) lines.push(say(text.notInGraph, ctx.lang, { module }));
  else {
    lines.push(say(text.selected, ctx.lang, { module, version: reason.selected }));
    for (const edge of reason.requiredBy)
      lines.push(`  ${say(text.requiredBy, ctx.lang, { version: edge.version, by: byText(edge.from) })}`);
  }
  if (workFile) lines.push(say(text.workspace, ctx.lang, { file: relative(ctx.cwd, workFile) || workFile }));
  if (reason.incomplete.length > 0)
    lines.push(say(text.incomplete, ctx.lang, { count: String(reason.incomplete.length) }));
  ctx.stdout.write(`${escapeControls(lines.join('\n'))}\n`);
  return 0;
}
