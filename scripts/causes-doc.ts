// Writes docs/causes.md from the cause catalog (`node --import tsx scripts/causes-doc.ts`);
// test/causes/catalog.test.ts fails when the page and src/causes/catalog.ts disagree.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATALOG_SECTIONS } from '../src/causes/catalog.ts';

const INTRO = `# Cause catalog

Every finding that gomod-doctor reports names exactly one cause id from this catalog in its
\`cause\` field. The ids are a public contract: scripts, CI gates and the JSON/SARIF output depend on
them. Ids are added for real causes that are missing, never renamed or removed. When a transcript
shows several problems, the finding for the root cause comes first. Ids marked *(added)* were added
by this project to the catalog it started from.

"Evidence" lists typical fragments of what the go command (or git, ssh, the OS) prints. Real
messages vary between Go releases: match the meaning, not one release's exact wording.

Three rules that decide many cases:
- Text after \`server response:\` happened on the proxy or checksum server, not here: a \`terminal
  prompts disabled\` or \`no such host\` inside it is the remote side failing to fetch a module it
  cannot see (usually a private or deleted module). Classify by the host of the outer
  \`reading https://...\` URL.
- Any error containing \`lookup <host>\` is DNS, whatever follows it; \`dial tcp IP:PORT: i/o
  timeout\` is a TCP connect; \`TLS handshake timeout\` is TLS.
- \`unknown directive: toolchain|godebug|tool\` and \`invalid go version 'X.Y.Z': must match format\`
  mean the local go is too old, not that go.mod is broken.

\`unknown\` is the id for output that matches nothing: say so rather than guess.

This page is generated from \`src/causes/catalog.ts\` by \`scripts/causes-doc.ts\`.
`;

export function causesDoc(): string {
  const lines = [INTRO];
  for (const section of CATALOG_SECTIONS) {
    lines.push(`## ${section.title}`, '', '| id | root cause | typical evidence |', '|---|---|---|');
    for (const cause of section.causes) {
      const id = 'added' in cause && cause.added ? `${cause.id} *(added)*` : cause.id;
      lines.push(`| ${id} | ${cause.rootCause} | ${cause.evidence} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(join(fileURLToPath(new URL('..', import.meta.url)), 'docs', 'causes.md'), causesDoc());
}
