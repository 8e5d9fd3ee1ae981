// Imports batches of real transcripts into test/fixtures/real/{tuning,validation}/<id>.txt.
// A batch holds cases separated by lines `=== <id>`; each case is a header of `key: value`
// lines, a line `----`, then the transcript as the user posted it. The part (tuning or
// validation) is decided here, once, by the split rule of test/fixtures/real/README.md:
// the first byte of sha256(url) below 0x55 puts a case in validation.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('../test/fixtures/real/', import.meta.url).pathname;
const KEYS = ['url', 'lang', 'label', 'misleading', 'relay', 'why'];

export function partOf(url) {
  return createHash('sha256').update(url).digest()[0] < 0x55 ? 'validation' : 'tuning';
}

for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  const chunks = text.split(/^=== /m).slice(1);
  for (const chunk of chunks) {
    const nl = chunk.indexOf('\n');
    const id = chunk.slice(0, nl).trim();
    const body = chunk.slice(nl + 1);
    const sep = body.indexOf('\n----\n');
    if (!/^[a-z0-9][a-z0-9.-]*$/.test(id) || sep === -1) throw new Error(`bad case ${id}`);
    const header = {};
    for (const line of body.slice(0, sep).split('\n')) {
      const colon = line.indexOf(': ');
      if (colon > 0) header[line.slice(0, colon)] = line.slice(colon + 2).trim();
    }
    for (const key of KEYS) if (!header[key]) throw new Error(`${id}: no ${key}`);
    const transcript = body.slice(sep + 6).replace(/\n+$/, '\n');
    const part = partOf(header.url);
    mkdirSync(join(ROOT, part), { recursive: true });
    const out = join(ROOT, part, `${id}.txt`);
    for (const other of ['tuning', 'validation'])
      if (existsSync(join(ROOT, other, `${id}.txt`)) && other !== part)
        throw new Error(`${id} in both parts`);
    const head = KEYS.map((k) => `${k}: ${header[k]}`).join('\n');
    writeFileSync(out, `${head}\n----\n${transcript}`);
  }
  console.log(`${file}: ${chunks.length} cases`);
}
