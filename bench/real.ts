// Accuracy of explain on the real-report corpus (test/fixtures/real): top-1 and top-2 per part,
// per language, for misleading and plain cases, and for relayed output. The validation figure is
// the one that counts. `--misses` lists the tuning part's misses (never the validation part's).
import { loadPart, type PartReport, percent, report, score } from '../test/helpers/real-corpus.ts';

const listMisses = process.argv.includes('--misses');
const json = process.argv.includes('--json');

const out: Record<string, PartReport> = {};
for (const part of ['tuning', 'validation'] as const) {
  const rows = loadPart(part).map(score);
  out[part] = report(rows);
  if (listMisses && part === 'tuning') {
    for (const r of rows.filter((row) => !row.top1)) {
      console.error(
        `miss ${r.case.id}: label ${r.case.label}, got ${r.causes.slice(0, 3).join(', ') || '(none)'}`,
      );
    }
  }
}

if (json) {
  console.log(JSON.stringify(out, null, 2));
} else {
  console.log(
    'Real transcripts from public issue threads, labelled with the root cause each thread established; split once by sha256(url) (see test/fixtures/real/README.md). Top-1: the label is the first finding; top-2: among the first two.',
  );
  const line = (name: string, t: PartReport['all']) =>
    `| ${name} | ${t.n} | ${percent(t, 'top1')} | ${percent(t, 'top2')} |`;
  for (const part of ['validation', 'tuning'] as const) {
    const r = out[part]!;
    console.log(`\n**${part}**\n\n| cases | n | top-1 | top-2 |\n|---|---|---|---|`);
    console.log(line('all', r.all));
    console.log(line('English', r.byLang.en!));
    console.log(line('Chinese', r.byLang.zh!));
    console.log(line('misleading surface', r.misleading));
    console.log(line('plain surface', r.plain));
    console.log(line('relayed (editor, Docker, CI, bots)', r.relayed));
  }
}
