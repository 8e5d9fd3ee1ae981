// Writes docs/checks.md from the doctor's check registry (`node --import tsx scripts/checks-doc.ts`);
// test/doctor/registry-docs.test.ts fails when the page and the registry disagree.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHECKS } from '../src/doctor/checks/index.ts';

export function checksDoc(): string {
  const lines = [
    '# Doctor checks',
    '',
    'Every check `gomod-doctor doctor` runs, by area, with the cause ids it can report (see the',
    '[cause catalog](causes.md)). A check is one file,',
    '`src/doctor/checks/<id>.ts`. This page is generated from the registry by `scripts/checks-doc.ts`.',
    '',
    '| check | area | needs | causes |',
    '|---|---|---|---|',
  ];
  for (const check of CHECKS) {
    lines.push(
      `| \`${check.id}\` | ${check.area} | ${check.needs.join(', ') || '-'} | ${check.causes.map((c) => `\`${c}\``).join(', ')} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(join(fileURLToPath(new URL('..', import.meta.url)), 'docs', 'checks.md'), checksDoc());
}
