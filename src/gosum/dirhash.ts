// The "h1:" hash of go.sum lines (golang.org/x/mod/sumdb/dirhash Hash1): a SHA-256 over a
// summary with one line per file, `<hex sha256 of contents>  <name>\n`, names sorted bytewise.
// A module zip is hashed over its entry names as stored (they carry the `path@version/` prefix);
// a go.mod line is hashed over a one-file tree whose single name is just `go.mod`, whatever the
// module path and version (cmd/go's goModSum), so the same go.mod bytes always give the same sum.

import { createHash } from 'node:crypto';
import { fail, ok, type Result } from '../module/result.ts';
import { readZipEntries, readZipEntryData } from './zipfile.ts';

export interface HashFile {
  /** The name as it enters the summary; a string is UTF-8 encoded, bytes are used as they are. */
  name: string | Uint8Array;
  contents: Uint8Array;
}

/**
 * The hash the go command once wrote for modules without a go.mod (a one-file tree with an empty
 * go.mod). cmd/go drops go.sum lines carrying it as soon as it reads them.
 */
export const EMPTY_GO_MOD_HASH = 'h1:G7mAYYxgmS0lVkHyy2hEOLQCFB0DlQFTMLWggykrydY=';

const H1_PREFIX = 'h1:';
// 32 bytes of SHA-256 in padded standard base64: 43 significant characters and one '='.
const H1_LENGTH = H1_PREFIX.length + 44;
const BASE64_BODY = /^[A-Za-z0-9+/]{43}=$/;

const encoder = new TextEncoder();

function nameBytesOf(name: string | Uint8Array): Uint8Array {
  return typeof name === 'string' ? encoder.encode(name) : name;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  return Buffer.compare(a, b);
}

function summaryHash(entries: readonly { name: Uint8Array; digestHex: string }[]): string {
  const sorted = [...entries].sort((a, b) => compareBytes(a.name, b.name));
  const summary = createHash('sha256');
  for (const entry of sorted) {
    summary.update(entry.digestHex);
    summary.update('  ');
    summary.update(entry.name);
    summary.update('\n');
  }
  return H1_PREFIX + summary.digest('base64');
}

function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

function newlineIn(name: Uint8Array): boolean {
  return name.includes(0x0a);
}

const NEWLINE_ERROR = 'dirhash: filenames with newlines are not supported';

/** Hash1 over a list of files. Duplicate names are hashed once per occurrence, like dirhash. */
export function hash1(files: readonly HashFile[]): Result<string> {
  const entries: { name: Uint8Array; digestHex: string }[] = [];
  for (const file of files) {
    const name = nameBytesOf(file.name);
    if (newlineIn(name)) return fail(NEWLINE_ERROR);
    entries.push({ name, digestHex: sha256Hex(file.contents) });
  }
  return ok(summaryHash(entries));
}

/**
 * Hash1 from file names and the lowercase hex SHA-256 of each file, for callers that already have
 * the digests (a sha256sum listing, a cache that stored them).
 */
export function hash1FromDigests(
  files: readonly { name: string | Uint8Array; sha256Hex: string }[],
): Result<string> {
  const entries: { name: Uint8Array; digestHex: string }[] = [];
  for (const file of files) {
    const name = nameBytesOf(file.name);
    if (newlineIn(name)) return fail(NEWLINE_ERROR);
    if (!/^[0-9a-f]{64}$/.test(file.sha256Hex))
      return fail(`dirhash: not a SHA-256 hex digest: ${file.sha256Hex}`);
    entries.push({ name, digestHex: file.sha256Hex });
  }
  return ok(summaryHash(entries));
}

/** The hash of a `PATH VERSION/go.mod h1:...` go.sum line for these go.mod bytes. */
export function hashGoMod(gomod: Uint8Array): string {
  return summaryHash([{ name: encoder.encode('go.mod'), digestHex: sha256Hex(gomod) }]);
}

/**
 * The hash of a `PATH VERSION h1:...` go.sum line: Hash1 over every entry of the module zip,
 * directory entries included, under the names as stored. As in dirhash.HashZip, an entry name
 * that occurs twice is hashed twice with the contents of its last occurrence. Entry sizes and
 * CRCs are checked; any damage is returned as an error, never thrown.
 */
export function hashZip(zip: Uint8Array): Result<string> {
  const listed = readZipEntries(zip);
  if (!listed.ok) return fail(listed.error);
  const lastByName = new Map<string, number>();
  listed.value.forEach((entry, index) => {
    lastByName.set(Buffer.from(entry.nameBytes).toString('latin1'), index);
  });
  const digestByIndex = new Map<number, string>();
  const entries: { name: Uint8Array; digestHex: string }[] = [];
  for (const entry of listed.value) {
    if (newlineIn(entry.nameBytes)) return fail(NEWLINE_ERROR);
    const index = lastByName.get(Buffer.from(entry.nameBytes).toString('latin1'))!;
    let digestHex = digestByIndex.get(index);
    if (digestHex === undefined) {
      const data = readZipEntryData(zip, listed.value[index]!);
      if (!data.ok) return fail(data.error);
      digestHex = sha256Hex(data.value);
      digestByIndex.set(index, digestHex);
    }
    entries.push({ name: entry.nameBytes, digestHex });
  }
  return ok(summaryHash(entries));
}

/**
 * Whether hash is an h1 hash the go command could ever compute: `h1:` and the padded standard
 * base64 of exactly 32 bytes, in canonical form (the go command compares hashes as strings, so a
 * non-canonical spelling of the right digest still never matches).
 */
export function isWellFormedH1(hash: string): boolean {
  if (hash.length !== H1_LENGTH || !hash.startsWith(H1_PREFIX)) return false;
  const body = hash.slice(H1_PREFIX.length);
  if (!BASE64_BODY.test(body)) return false;
  return Buffer.from(body, 'base64').toString('base64') === body;
}
