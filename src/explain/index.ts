// The explain API: a transcript in (text or stream), findings out. Context is optional and
// explicit; gathering it (context.ts) is the caller's choice.
import type { Lang } from '../i18n/lang.ts';
import { Explainer, type ExplainResult } from './engine.ts';
import { readLines, splitText } from './transcript.ts';
import type { ExplainContext } from './types.ts';

export { type GatherOptions, gatherContext } from './context.ts';
export type { ExplainResult } from './engine.ts';
export type { ExplainContext } from './types.ts';

export interface ExplainTextOptions {
  lang?: Lang;
  context?: ExplainContext;
}

export function explainText(text: string, options: ExplainTextOptions = {}): ExplainResult {
  const explainer = new Explainer(options.context ? { context: options.context } : {});
  splitText(text, (line, n) => explainer.push(line, n));
  return explainer.finish(options.lang ?? 'en');
}

export async function explainStream(
  input: AsyncIterable<Uint8Array | string>,
  options: ExplainTextOptions = {},
): Promise<ExplainResult> {
  const explainer = new Explainer(options.context ? { context: options.context } : {});
  await readLines(input, (line, n) => explainer.push(line, n));
  return explainer.finish(options.lang ?? 'en');
}
