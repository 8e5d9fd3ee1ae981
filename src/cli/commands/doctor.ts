// `gomod-doctor` / `gomod-doctor doctor`: run every check and print the summary (terminal),
// the contract's JSON, SARIF or Markdown. Exit status per the contract.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { renderDoctor } from '../../doctor/render.ts';
import { runDoctor } from '../../doctor/run.ts';
import { exitStatusFor } from '../../findings/finding.ts';
import { redactSecrets } from '../../findings/redact.ts';
import { renderJson } from '../../report/json.ts';
import { renderMarkdown } from '../../report/markdown.ts';
import { renderSarif } from '../../report/sarif.ts';
import { VERSION } from '../../version.ts';
import type { Command } from '../context.ts';
import { UsageError } from '../errors.ts';

const FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;
type Format = (typeof FORMATS)[number];

export const doctorCommand: Command = async (ctx) => {
  const { values } = parseArgs({
    args: ctx.args,
    allowPositionals: false,
    options: {
      json: { type: 'boolean' },
      format: { type: 'string' },
      release: { type: 'boolean' },
      go: { type: 'string' },
      C: { type: 'string', short: 'C' },
      lang: { type: 'string' },
      'no-color': { type: 'boolean' },
      color: { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
      verbose: { type: 'boolean', short: 'v' },
      network: { type: 'boolean' },
      check: { type: 'string', multiple: true },
    },
  });
  const format = (values.json ? 'json' : (values.format ?? 'text')) as Format;
  if (!FORMATS.includes(format)) {
    throw new UsageError(
      ctx.lang === 'zh-CN'
        ? `--format 只能是 ${FORMATS.join('、')} 之一（收到 "${values.format}"）`
        : `--format must be one of ${FORMATS.join(', ')} (got "${values.format}")`,
    );
  }
  const cwd = resolve(ctx.cwd, values.C ?? '.');
  const result = await runDoctor({
    cwd,
    env: ctx.env,
    lang: ctx.lang,
    ...(values.go !== undefined ? { goBin: values.go } : {}),
    ...(values.release ? { release: true } : {}),
    ...(values.check ? { only: values.check } : {}),
  });
  const report = result.report;
  switch (format) {
    case 'json':
      ctx.stdout.write(renderJson(report));
      break;
    case 'sarif': {
      const project = await result.facts.project();
      const gomod = project.main?.gomod.rel;
      const defaultFile = gomod && !gomod.startsWith('..') && !gomod.startsWith('/') ? gomod : undefined;
      ctx.stdout.write(redactSecrets(renderSarif(report, VERSION, defaultFile ? { defaultFile } : {})));
      break;
    }
    case 'markdown':
      ctx.stdout.write(renderMarkdown(report, ctx.lang));
      break;
    default:
      ctx.stdout.write(
        renderDoctor(result, {
          lang: ctx.lang,
          color: ctx.color,
          verbose: values.verbose === true,
          quiet: values.quiet === true,
        }),
      );
  }
  return exitStatusFor(report.findings);
};
